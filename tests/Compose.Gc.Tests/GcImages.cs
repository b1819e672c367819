using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace Compose.Gc.Tests
{
    /// <summary>The outcome of one run.</summary>
    public sealed record RunResult(string Stdout, string Stderr, int ExitCode)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    /// <summary>
    /// The GC stress images (tests/GcStress with ukgcmarksweep, tests/GcStressNone with ukgcnone) for hosted, linuxu
    /// and kvm, built once in one MSBuild session (fixtures/build-images.proj) on first use.
    /// </summary>
    public sealed class GcImages
    {
        private readonly Lazy<RunResult> _build = new(() => Run("dotnet", new[] { "msbuild",
            Path.Combine(Root, "tests", "Compose.Gc.Tests", "fixtures", "build-images.proj"),
            "-restore", "-t:Build", "-p:Root=" + Root, "-p:WithKvm=" + (Qemu.Available || Qemu.Required ? "true" : "false"), "-v:q", "-nologo" }, 1800));

        public string Hosted => Output("tests/GcStress", "hosted", "gcstress.dll");
        public string MarkSweep(string platform) => Output("tests/GcStress", platform, "gcstress_" + Suffix(platform));
        public string None(string platform) => Output("tests/GcStressNone", platform, "gcstressnone_" + Suffix(platform));

        private static string Suffix(string platform) => platform == "kvm" ? "qemu-x86_64" : "linuxu-x86_64";

        private string Output(string project, string platform, string output)
        {
            RunResult r = _build.Value;
            Assert.True(r.ExitCode == 0, "building the GC stress images (fixtures/build-images.proj) failed:\n" + r);
            string dir = platform == "hosted" ? "bin/Debug/net10.0" : $"bin/{platform}/Debug/net10.0";
            string path = Path.Combine(Root, project, dir, output);
            Assert.True(File.Exists(path), path + " was not built");
            return path;
        }

        public static string Root { get; } = FindRoot();

        private static string FindRoot()
        {
            for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
                if (File.Exists(Path.Combine(dir, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir, "src", "Libraries", "ukgc")))
                    return dir;
            throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }

        public static RunResult Run(string program, IEnumerable<string> args, int timeoutSeconds = 300)
        {
            var psi = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Root,
            };
            foreach (string a in args) psi.ArgumentList.Add(a);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + program);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutSeconds * 1000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', psi.ArgumentList)} did not finish in {timeoutSeconds}s");
            }
            return new RunResult(stdout.Result, stderr.Result, process.ExitCode);
        }
    }

    [CollectionDefinition("gc-images")]
    public sealed class GcImagesCollection : ICollectionFixture<GcImages> { }

    /// <summary>QEMU availability (as tools/compose-run uses it); COMPOSE_REQUIRE_QEMU=1 turns skips into failures.</summary>
    public static class Qemu
    {
        public static bool Required => Environment.GetEnvironmentVariable("COMPOSE_REQUIRE_QEMU") == "1";

        public static string Program => Environment.GetEnvironmentVariable("QEMU") is { Length: > 0 } q ? q : "qemu-system-x86_64";

        public static bool Available
        {
            get
            {
                if (Program.Contains('/')) return File.Exists(Program);
                foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
                    if (dir.Length > 0 && File.Exists(Path.Combine(dir, Program))) return true;
                return false;
            }
        }

        public static string? SkipReason => Available || Required ? null : Program + " is not installed (set COMPOSE_REQUIRE_QEMU=1 to fail instead)";

        /// <summary>Boots <paramref name="image"/> on QEMU microvm (TCG) with <paramref name="memory"/> of RAM.</summary>
        public static RunResult Boot(string image, string memory, int timeoutSeconds, params string[] appArgs)
        {
            var args = new List<string> { Path.Combine(GcImages.Root, "tools", "compose-run"), "-M", "microvm", "-m", memory,
                "-t", timeoutSeconds.ToString(), image, "--" };
            args.AddRange(appArgs);
            return GcImages.Run("bash", args, timeoutSeconds + 30);
        }
    }

    public sealed class QemuFactAttribute : FactAttribute
    {
        public QemuFactAttribute() { if (Qemu.SkipReason is string reason) Skip = reason; }
    }
}
