#!/usr/bin/env bash
# bench/kvm/boot.sh: kvm image numbers for HelloWorld (issue 4's benchmark). Run from anywhere:
#
#   bench/kvm/boot.sh [--runs N] [--no-build]
#
# Prints, in one run:
#   1. image size: <app>_qemu-x86_64 stripped (with the in-image symbol table, the default), the table's share,
#      and the .dbg; plus the boot-code-only probe image (tests/Compose.Kvm.Tests/fixtures/probe.S) as baseline
#   2. wall time of the whole QEMU process, boot to exit, median of N (default 10), microvm and pc under TCG,
#      HelloWorld against the probe image (same QEMU command line) as the baseline: the ratio is the cost of
#      the managed boot (Uk.CoreLib start, wiring table, init functions, banner, main)
#   3. TSC ticks from the first boot instruction to just before main (boot argument platkvm.boottime), median
#   4. the smallest -m (KiB) at which HelloWorld still prints "Hello world!" and exits 0, on microvm and pc
# Machine load matters (TCG is CPU-bound): compare the ratios, not the absolute times, across machines.
set -euo pipefail
runs=10 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "boot.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/../.." && pwd)
run="$root/tools/compose-run"
img="$root/samples/HelloWorld/bin/kvm/Debug/net10.0/helloworld_qemu-x86_64"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

if [ "$build" = 1 ]; then
  dotnet build "$root/samples/HelloWorld" -p:UkPlatform=kvm -v:q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi
[ -f "$img" ] || { echo "boot.sh: $img not built" >&2; exit 1; }

# The baseline: kvm boot code plus the probe fixture, linked with the rendered template (no managed code).
kvm="$root/src/Platforms/kvm"
grep -v '{{' "$kvm/link64.lds.scriban" >"$work/probe.lds"
objs=()
for s in "$kvm"/boot/*.S "$root/tests/Compose.Kvm.Tests/fixtures/probe.S"; do
  o="$work/$(basename "$s" .S).o"; gcc -c -I "$kvm/boot" -o "$o" "$s"; objs+=("$o")
done
ld -nostdlib -static -z max-page-size=0x1000 -z noexecstack -T "$work/probe.lds" -o "$work/probe" "${objs[@]}"
objcopy --strip-all "$work/probe" "$work/probe.stripped"

size_of() { stat -c %s "$1"; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo "== 1. image size (bytes)"
symtab_o=$(find "$root/samples/HelloWorld/obj/kvm" -name symtab.o | head -1)
symtab=0
[ -n "$symtab_o" ] && symtab=$(size -A "$symtab_o" | awk '/^\.rodata/ { s += $2 } END { print s + 0 }')
echo "helloworld_qemu-x86_64 stripped   $(size_of "$img")  (symbol table share: $symtab)"
echo "helloworld_qemu-x86_64.dbg        $(size_of "$img.dbg")"
echo "probe (boot code only) stripped   $(size_of "$work/probe.stripped")"
size "$img.dbg" | sed 's/^/  /'

# Wall time of the QEMU process alone: the runner's own QEMU command line (dry run), timed here.
qemu_ms() { # image machine [app args...]
  local image=$1 machine=$2; shift 2
  local cmd; cmd=$("$run" -n -M "$machine" "$image" -- "$@")
  local t0 t1; t0=$(date +%s%N); eval "$cmd" >/dev/null 2>&1 || true; t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
echo "== 2. QEMU wall time boot to exit, TCG, median of $runs (ms)"
for m in microvm pc; do
  : >"$work/base.$m"; : >"$work/hello.$m"
  for i in $(seq "$runs"); do   # interleaved, so load changes on the machine hit both alike
    qemu_ms "$work/probe" "$m" >>"$work/base.$m"
    qemu_ms "$img" "$m" >>"$work/hello.$m"
  done
  base=$(median <"$work/base.$m") hello=$(median <"$work/hello.$m")
  echo "$m: helloworld $hello  probe $base  ratio $(awk -v a="$hello" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
done

echo "== 3. first boot instruction to main, TSC ticks, median of $runs"
for m in microvm pc; do
  for i in $(seq "$runs"); do
    "$run" -M "$m" -b platkvm.boottime "$img" | sed -n 's/^\[kvm\] boot to main: \([0-9]*\) TSC ticks, \([0-9]*\) us at \([0-9]*\) MHz$/\1 \2 \3/p'
  done >"$work/ticks.$m"
  echo "$m: $(awk '{ print $1 }' "$work/ticks.$m" | median) ticks = $(awk '{ print $2 }' "$work/ticks.$m" | median) us at $(awk '{ print $3 }' "$work/ticks.$m" | median) MHz"
done

echo "== 4. smallest -m that boots HelloWorld (KiB, 16 KiB steps)"
boots() { "$run" -t 10 -M "$1" -m "${2}K" "$img" 2>/dev/null | grep -q '^Hello world!$'; }
for m in microvm pc; do
  lo=1024 hi=65536   # lo fails (the image is loaded at 1 MiB), hi boots
  boots "$m" "$hi" || { echo "$m: does not boot even in $hi KiB"; continue; }
  while [ $((hi - lo)) -gt 16 ]; do
    mid=$(((lo + hi) / 2 / 16 * 16))
    if boots "$m" "$mid"; then hi=$mid; else lo=$mid; fi
  done
  echo "$m: $hi KiB"
done
