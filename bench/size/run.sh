#!/usr/bin/env bash
# Image size of HelloWorld as the runtime's libraries come in (issue 7's size benchmark), one run, all builds
# from this checkout, sizes of the stripped images as the build writes them:
#   base          samples/HelloWorld: no exception dispatch (CONFIG_LIBUKBOOT_EXCEPTIONS=n), no collector
#   +exceptions   bench/size/HelloExceptions: the same program with exception dispatch
#   +exc+gcnone   bench/gc/HelloGcNone: with exception dispatch and ukgcnone
#   +exc+marksweep bench/gc/HelloGcMarkSweep: with exception dispatch and ukgcmarksweep over TLSF
# Each row gives its ratio to base of the same platform; the target is +exc+marksweep under 2x.
# Usage: bench/size/run.sh [configuration] [platforms]   (default: Debug, "linuxu kvm"; needs dotnet, binutils, gcc)
set -euo pipefail
CONFIG="${1:-Debug}"
PLATFORMS="${2:-linuxu kvm}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

declare -A PROJECT=(
  [base]=samples/HelloWorld/HelloWorld.csproj
  [+exceptions]=bench/size/HelloExceptions/HelloExceptions.csproj
  [+exc+gcnone]=bench/gc/HelloGcNone/HelloGcNone.csproj
  [+exc+marksweep]=bench/gc/HelloGcMarkSweep/HelloGcMarkSweep.csproj
)
ROWS=(base +exceptions +exc+gcnone +exc+marksweep)

printf '%-16s %-8s %10s %8s\n' variant platform bytes ratio
for plat in $PLATFORMS; do
  suffix=linuxu-x86_64; [ "$plat" = kvm ] && suffix=qemu-x86_64
  base=""
  for row in "${ROWS[@]}"; do
    proj="${PROJECT[$row]}"
    log="$(mktemp)"
    if ! dotnet build "$proj" -c "$CONFIG" -p:UkPlatform="$plat" -v:q -nologo >"$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"; echo "bench/size: building $proj for $plat failed" >&2; exit 1
    fi
    rm -f "$log"
    image="$(dirname "$proj")/bin/$plat/$CONFIG/net10.0/helloworld_$suffix"
    bytes=$(stat -c %s "$image")
    [ -z "$base" ] && base=$bytes
    printf '%-16s %-8s %10d %8s\n' "$row" "$plat" "$bytes" "$(awk -v a="$bytes" -v b="$base" 'BEGIN { printf "%.2fx", a / b }')"
  done
done
