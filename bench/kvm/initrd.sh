#!/usr/bin/env bash
# bench/kvm/initrd.sh: what an initrd costs at boot on kvm (QEMU microvm, TCG). Uses the images the kvm tests build
# (samples/HelloWorld and samples/Files for kvm; build them first, e.g. ./compose build samples/Files --platform kvm).
#
#   bench/kvm/initrd.sh [--runs N]
#
# For each case, median of N (default 21) runs, interleaved so that load changes hit all cases alike:
#   wall ms   the whole QEMU process, start to exit (the runner's own command line, timed here)
#   main us   first boot instruction to just before main (boot argument platkvm.boottime), which includes
#             ukcpio's unpack into ramfs for the Files cases
# Cases: HelloWorld without and with a 1 MiB module (loaded by QEMU, unused: the loader's cost), Files with its own
# initrd (3 files) and with that initrd plus a 1 MiB file (the unpack's cost). Ratios are against the first case
# of each pair.
set -euo pipefail
runs=21
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    *) echo "initrd.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/../.." && pwd)
run="$root/tools/compose-run"
hello="$root/samples/HelloWorld/bin/kvm/Debug/net10.0/helloworld_qemu-x86_64"
files_dir="$root/samples/Files/bin/kvm/Debug/net10.0"
files="$files_dir/files_qemu-x86_64"
for f in "$hello" "$files" "$files_dir/initrd.cpio"; do [ -f "$f" ] || { echo "initrd.sh: $f not built" >&2; exit 1; }; done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

head -c 1048576 /dev/urandom >"$work/module.bin"
cp -r "$root/samples/Files/initrd" "$work/tree"
head -c 1048576 /dev/urandom >"$work/tree/data/big.bin"
(cd "$work/tree" && find . -print | LC_ALL=C sort | cpio --quiet --reproducible -o -H newc >"$work/big.cpio")

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
one() { # name image [runner options...]: appends "wall_ms main_us" to $work/<name>
  local name=$1 image=$2; shift 2
  local cmd; cmd=$("$run" -n -b platkvm.boottime "$@" "$image")
  local t0 t1 out; t0=$(date +%s%N); out=$(eval "$cmd" 2>/dev/null || true); t1=$(date +%s%N)
  local us; us=$(printf '%s\n' "$out" | sed -n 's/^\[kvm\] boot to main: [0-9]* TSC ticks, \([0-9]*\) us.*/\1/p')
  echo "$(((t1 - t0) / 1000000)) ${us:-0}" >>"$work/$name"
}
for i in $(seq "$runs"); do
  one hello "$hello"
  one hello1m "$hello" -i "$work/module.bin"
  one files "$files" -i "$files_dir/initrd.cpio"
  one files1m "$files" -i "$work/big.cpio"
done
report() { # name label baseline
  local w u bw bu
  w=$(awk '{ print $1 }' "$work/$1" | median); u=$(awk '{ print $2 }' "$work/$1" | median)
  bw=$(awk '{ print $1 }' "$work/$3" | median); bu=$(awk '{ print $2 }' "$work/$3" | median)
  printf '%-34s wall %6s ms (x%s)   main %8s us (x%s)\n' "$2" "$w" "$(awk -v a="$w" -v b="$bw" 'BEGIN { printf "%.2f", a / b }')" \
    "$u" "$(awk -v a="$u" -v b="$bu" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
}
echo "== kvm initrd cost, microvm TCG, median of $runs"
report hello "HelloWorld, no initrd" hello
report hello1m "HelloWorld, 1 MiB module (unused)" hello
report files "Files, its initrd ($(stat -c %s "$files_dir/initrd.cpio") B)" files
report files1m "Files, + 1 MiB file ($(stat -c %s "$work/big.cpio") B)" files
