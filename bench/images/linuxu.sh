#!/usr/bin/env bash
# Benchmark of the linuxu image against a standard NativeAOT hello and a static C hello, in one run:
#   stripped size, and process start-to-exit wall time (median of 20 runs, hyperfine when installed).
# Usage: bench/images/linuxu.sh [runs]   (needs: dotnet, binutils, gcc with libc.a; optional: hyperfine)
set -euo pipefail
RUNS="${1:-20}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/compose-bench-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "== building (Release)" >&2
dotnet build "$ROOT/samples/HelloWorld/HelloWorld.csproj" -c Release -p:UkPlatform=linuxu -v:q -nologo >&2
IMAGE="$ROOT/samples/HelloWorld/bin/linuxu/Release/net10.0/helloworld_linuxu-x86_64"

# A standard NativeAOT hello world (PublishAot; gcc as the linker driver).
mkdir -p "$WORK/aot"
cat > "$WORK/aot/aothello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <PublishAot>true</PublishAot>
    <InvariantGlobalization>true</InvariantGlobalization>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("Hello world!");' > "$WORK/aot/Program.cs"
echo '<Project></Project>' > "$WORK/Directory.Build.props"
echo '<Project></Project>' > "$WORK/Directory.Build.targets"
dotnet publish "$WORK/aot/aothello.csproj" -c Release -r linux-x64 -p:CppCompilerAndLinker=gcc -v:q -nologo -o "$WORK/aot/out" >&2
strip -o "$WORK/aothello" "$WORK/aot/out/aothello"

# A static C hello world.
printf '#include <stdio.h>\nint main(void) { puts("Hello world!"); return 0; }\n' > "$WORK/hello.c"
gcc -static -O2 -o "$WORK/chello" "$WORK/hello.c"
strip "$WORK/chello"

strip -o "$WORK/image" "$IMAGE"
size_of() { stat -c %s "$1"; }
S_IMG=$(size_of "$WORK/image"); S_AOT=$(size_of "$WORK/aothello"); S_C=$(size_of "$WORK/chello")

median_ms() {
  # Median wall time of $RUNS runs of "$@" (output discarded), in milliseconds.
  if command -v hyperfine >/dev/null; then
    hyperfine -N --runs "$RUNS" --warmup 3 --export-json "$WORK/h.json" "$*" >/dev/null 2>&1
    python3 -c "import json,sys; print('%.3f' % (json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$WORK/h.json"
  else
    python3 - "$RUNS" "$@" <<'PY'
import subprocess, sys, time, statistics
runs = int(sys.argv[1]); cmd = sys.argv[2:]
for _ in range(3): subprocess.run(cmd, stdout=subprocess.DEVNULL)
t = []
for _ in range(runs):
    s = time.perf_counter_ns(); subprocess.run(cmd, stdout=subprocess.DEVNULL); t.append(time.perf_counter_ns() - s)
print('%.3f' % (statistics.median(t) / 1e6))
PY
  fi
}
T_IMG=$(median_ms "$WORK/image")
T_AOT=$(median_ms "$WORK/aothello")
T_C=$(median_ms "$WORK/chello")

echo "tool: $(command -v hyperfine >/dev/null && echo hyperfine || echo python-loop), runs: $RUNS"
printf '%-28s %12s %12s\n' "" "stripped B" "median ms"
printf '%-28s %12s %12s\n' "helloworld_linuxu-x86_64" "$S_IMG" "$T_IMG"
printf '%-28s %12s %12s\n' "NativeAOT PublishAot hello" "$S_AOT" "$T_AOT"
printf '%-28s %12s %12s\n' "gcc -static C hello" "$S_C" "$T_C"
python3 - "$S_IMG" "$S_AOT" "$S_C" "$T_IMG" "$T_AOT" "$T_C" <<'PY'
import sys
si, sa, sc, ti, ta, tc = map(float, sys.argv[1:])
print("size: image/NativeAOT = %.3f (%.1fx smaller), image/C = %.2f" % (si / sa, sa / si, si / sc))
print("time: NativeAOT/image = %.2fx faster, image/C = %.2fx" % (ta / ti, ti / tc))
print("targets: image < 64 KiB: %s; >= 5x faster than NativeAOT: %s; within 1.5x of C: %s" % (si < 65536, ta / ti >= 5, ti / tc <= 1.5))
PY
