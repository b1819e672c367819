#!/usr/bin/env bash
# GC benchmark, one run, all numbers from this run:
#   1. tests/GcStress (ukgcmarksweep over TLSF, 4 MiB heap, allocates 400 MiB) as a linuxu image against the same
#      program on the CLR (hosted, Release, workstation GC defaults): GC pause median and max, allocation
#      throughput (MB/s of the program's own allocation count, wall time of the allocation loop), best of RUNS.
#   2. stripped image size of samples/HelloWorld (linuxu) plain, with ukgcnone and with ukgcmarksweep.
# Usage: bench/gc/run.sh [runs] [configuration]   (default 3 runs, Release; needs dotnet and binutils)
set -euo pipefail
RUNS="${1:-3}"
CONFIG="${2:-Release}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

build() { dotnet build "$1" -c "$CONFIG" -p:UkPlatform="$2" -v:q -nologo >&2; }
echo "== building ($CONFIG)" >&2
build tests/GcStress/GcStress.csproj hosted
build tests/GcStress/GcStress.csproj linuxu
build samples/HelloWorld/HelloWorld.csproj linuxu
build bench/gc/HelloGcNone/HelloGcNone.csproj linuxu
build bench/gc/HelloGcMarkSweep/HelloGcMarkSweep.csproj linuxu

IMAGE="tests/GcStress/bin/linuxu/$CONFIG/net10.0/gcstress_linuxu-x86_64"
HOSTED="tests/GcStress/bin/$CONFIG/net10.0/gcstress.dll"

field() { sed -n "s/.*$1 \([0-9]*\).*/\1/p" <<<"$2" | head -1; }
runbest() {   # prints: median_us max_us mb_per_s collections (best throughput of RUNS)
  local best="" bestrate=0
  for _ in $(seq "$RUNS"); do
    out="$("$@")"
    grep -q "gcstress: ok" <<<"$out" || { echo "run failed: $out" >&2; exit 1; }
    rate=$(field mb_per_s "$out")
    if [ "$rate" -gt "$bestrate" ]; then
      bestrate=$rate
      best="$(field median_us "$out") $(field max_us "$out") $rate $(field collections "$out")"
    fi
  done
  echo "$best"
}

echo "== gcstress, 400 MiB through a 4 MiB heap, best of $RUNS" >&2
read -r im_med im_max im_rate im_n <<<"$(runbest "$IMAGE")"
read -r clr_med clr_max clr_rate clr_n <<<"$(runbest dotnet "$HOSTED" 400)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
printf '%-28s %12s %12s %10s %12s\n' "" "pause med us" "pause max us" "MB/s" "collections"
printf '%-28s %12s %12s %10s %12s\n' "linuxu ukgcmarksweep" "$im_med" "$im_max" "$im_rate" "$im_n"
printf '%-28s %12s %12s %10s %12s\n' "CLR (hosted, sampled pauses)" "$clr_med" "$clr_max" "$clr_rate" "$clr_n"
printf 'ratios image/CLR: pause median %s, pause max %s, throughput %s\n' \
  "$(ratio "$im_med" "$clr_med")" "$(ratio "$im_max" "$clr_max")" "$(ratio "$im_rate" "$clr_rate")"

echo "== HelloWorld linuxu image size (stripped)" >&2
size_of() { local t; t="$(mktemp)"; strip -o "$t" "$1"; stat -c %s "$t"; rm -f "$t"; }
plain=$(size_of "samples/HelloWorld/bin/linuxu/$CONFIG/net10.0/helloworld_linuxu-x86_64")
none=$(size_of "bench/gc/HelloGcNone/bin/linuxu/$CONFIG/net10.0/helloworld_linuxu-x86_64")
ms=$(size_of "bench/gc/HelloGcMarkSweep/bin/linuxu/$CONFIG/net10.0/helloworld_linuxu-x86_64")
printf 'HelloWorld plain %d bytes, ukgcnone %d (%sx), ukgcmarksweep %d (%sx plain, %sx ukgcnone)\n' \
  "$plain" "$none" "$(ratio "$none" "$plain")" "$ms" "$(ratio "$ms" "$plain")" "$(ratio "$ms" "$none")"
