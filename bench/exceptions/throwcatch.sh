#!/usr/bin/env bash
# Cost of a throw caught 10 frames up: tests/ExceptionTest's "bench N" mode on the CLR (dotnet, Release) and as a
# linuxu image (Release), timed as whole processes with N = 0 and N = ITER; per-throw cost = (t(N) - t(0)) / N,
# median of RUNS runs each. Prints both and the image/CLR ratio.
# Usage: bench/exceptions/throwcatch.sh [ITER] [RUNS]   (needs: dotnet, binutils)
set -euo pipefail
ITER="${1:-200000}"
RUNS="${2:-5}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PROJ="$ROOT/tests/ExceptionTest/ExceptionTest.csproj"
dotnet build "$PROJ" -c Release -v:q -nologo >&2
dotnet build "$PROJ" -c Release -p:UkPlatform=linuxu -v:q -nologo >&2
HOSTED=(dotnet "$ROOT/tests/ExceptionTest/bin/Release/net10.0/ExceptionTest.dll")
IMAGE=("$ROOT/tests/ExceptionTest/bin/linuxu/Release/net10.0/exceptiontest_linuxu-x86_64")

# median wall time in ns of RUNS runs of: "$@"
median_ns() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N); "$@" > /dev/null; t1=$(date +%s%N)
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

per_throw_ns() {
  local base full
  base=$(median_ns "$@" bench 0)
  full=$(median_ns "$@" bench "$ITER")
  echo $(( (full - base) / ITER ))
}

clr=$(per_throw_ns "${HOSTED[@]}")
img=$(per_throw_ns "${IMAGE[@]}")
echo "throw + catch across 10 frames, $ITER iterations, median of $RUNS:"
echo "  CLR (dotnet, Release):   $clr ns"
echo "  linuxu image (Release):  $img ns"
awk -v a="$img" -v b="$clr" 'BEGIN { printf "  image / CLR:             %.2f\n", a / b }'
