#!/usr/bin/env bash
# Cooperative context-switch cost of ukschedcoop on linuxu against an OS-thread handoff on Linux, same run.
#
#   bench/sched/switch.sh [--kvm] [ROUNDS]
#
# Builds samples/Threads for linuxu (incremental) and runs `threads bench ROUNDS` (two threads yielding to each
# other: 2*ROUNDS switches, each a Yield through the scheduler plus the assembly stack switch), and builds
# bench/sched/pingpong.c with gcc (two pthreads ping-ponging over two semaphores, 2*ROUNDS/20 handoffs) and runs
# it twice: both threads pinned to one CPU (taskset -c 0: a pure switch) and unpinned (cross-CPU wake-ups).
# Prints ns per switch for each and the ratios OS/cooperative. --kvm also boots the kvm image under QEMU TCG
# (emulated: its number is not comparable with hardware and gets no ratio).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
kvm=0
if [ "${1:-}" = "--kvm" ]; then kvm=1; shift; fi
rounds="${1:-5000000}"
os_rounds=$(( rounds / 20 > 0 ? rounds / 20 : 1 ))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/samples/Threads/Threads.csproj" -v:q -nologo -p:UkPlatform=linuxu >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
image="$root/samples/Threads/bin/linuxu/Debug/net10.0/threads_linuxu-x86_64"
gcc -O2 -pthread -o "$work/pingpong" "$root/bench/sched/pingpong.c"

per() { sed -n 's/.*: \([0-9.]*\) ns per .*/\1/p'; }
coop_line="$("$image" bench "$rounds" | grep '^bench:')"
pinned_line="$(taskset -c 0 "$work/pingpong" "$os_rounds")"
free_line="$("$work/pingpong" "$os_rounds")"
coop=$(echo "$coop_line" | per); pinned=$(echo "$pinned_line" | per); free=$(echo "$free_line" | per)

echo "linuxu ukschedcoop: $coop_line"
echo "OS threads, one CPU: $pinned_line"
echo "OS threads, any CPU: $free_line"
awk -v c="$coop" -v p="$pinned" -v f="$free" 'BEGIN {
  printf "cooperative switch: %.1f ns; OS handoff one CPU: %.1f ns (%.1fx), any CPU: %.1f ns (%.1fx)\n", c, p, p / c, f, f / c }'

if [ "$kvm" = 1 ]; then
  dotnet build "$root/samples/Threads/Threads.csproj" -v:q -nologo -p:UkPlatform=kvm >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  kvm_line="$("$root/tools/compose-run" "$root/samples/Threads/bin/kvm/Debug/net10.0/threads_qemu-x86_64" -- bench "$rounds" | grep '^bench:')"
  echo "kvm (QEMU TCG, emulated) ukschedcoop: $kvm_line"
fi
