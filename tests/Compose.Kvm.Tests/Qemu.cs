using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>
    /// A fact that needs qemu-system-x86_64: skipped when QEMU is absent, unless COMPOSE_REQUIRE_QEMU=1 (CI),
    /// where it runs and fails.
    /// </summary>
    public sealed class QemuFactAttribute : FactAttribute
    {
        public QemuFactAttribute() { if (Qemu.SkipReason is string reason) Skip = reason; }
    }

    /// <summary>A theory that needs qemu-system-x86_64 (see <see cref="QemuFactAttribute"/>).</summary>
    public sealed class QemuTheoryAttribute : TheoryAttribute
    {
        public QemuTheoryAttribute() { if (Qemu.SkipReason is string reason) Skip = reason; }
    }

    /// <summary>The outcome of one VM run through tools/compose-run.</summary>
    public sealed record RunResult(string Stdout, string Stderr, int ExitCode)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static class Qemu
    {
        public static bool Required => Environment.GetEnvironmentVariable("COMPOSE_REQUIRE_QEMU") == "1";

        /// <summary>The QEMU program: $QEMU (as tools/compose-run reads it) or qemu-system-x86_64.</summary>
        public static string Program => Environment.GetEnvironmentVariable("QEMU") is { Length: > 0 } q ? q : "qemu-system-x86_64";

        public static bool Available => Tools.Find(Program) != null;

        public static string? SkipReason =>
            Available || Required ? null : Program + " is not installed (set COMPOSE_REQUIRE_QEMU=1 to fail instead)";

        /// <summary>
        /// Boots <paramref name="image"/> with tools/compose-run and waits for it; <paramref name="initrd"/> is passed
        /// with -i (QEMU -initrd), <paramref name="cpu"/> with -c (QEMU -cpu).
        /// </summary>
        public static RunResult Run(string image, string machine = "microvm", string memory = "64M",
            IReadOnlyList<string>? bootArgs = null, IReadOnlyList<string>? appArgs = null, int timeoutSeconds = 60,
            string? stdin = null, string? initrd = null, string? cpu = null)
        {
            var psi = new ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(Path.Combine(Repo.Root, "tools", "compose-run"));
            psi.ArgumentList.Add("-M");
            psi.ArgumentList.Add(machine);
            psi.ArgumentList.Add("-m");
            psi.ArgumentList.Add(memory);
            psi.ArgumentList.Add("-t");
            psi.ArgumentList.Add(timeoutSeconds.ToString());
            if (initrd != null)
            {
                psi.ArgumentList.Add("-i");
                psi.ArgumentList.Add(initrd);
            }
            if (cpu != null)
            {
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add(cpu);
            }
            foreach (string b in bootArgs ?? Array.Empty<string>())
            {
                psi.ArgumentList.Add("-b");
                psi.ArgumentList.Add(b);
            }
            psi.ArgumentList.Add(image);
            psi.ArgumentList.Add("--");
            foreach (string a in appArgs ?? Array.Empty<string>()) psi.ArgumentList.Add(a);
            return Tools.Run(psi, timeoutSeconds + 10, stdin);
        }
    }

    public static class Tools
    {
        public static string? Find(string program)
        {
            if (program.Contains('/')) return File.Exists(program) ? program : null;
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            {
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, program))) return Path.Combine(dir, program);
            }
            return null;
        }

        public static RunResult Run(string program, IEnumerable<string> args, string? workingDirectory = null, int timeoutSeconds = 600)
        {
            var psi = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Repo.Root,
            };
            foreach (string a in args) psi.ArgumentList.Add(a);
            return Run(psi, timeoutSeconds);
        }

        public static RunResult Run(ProcessStartInfo psi, int timeoutSeconds, string? stdin = null)
        {
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + psi.FileName);
            if (stdin != null) process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutSeconds * 1000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{psi.FileName} {string.Join(' ', psi.ArgumentList)} did not finish in {timeoutSeconds}s");
            }
            return new RunResult(stdout.Result, stderr.Result, process.ExitCode);
        }

        /// <summary>Runs a build tool and fails the test with its output when it fails.</summary>
        public static RunResult Check(string program, params string[] args)
        {
            RunResult r = Run(program, args);
            Assert.True(r.ExitCode == 0, $"{program} {string.Join(' ', args)} failed:\n{r}");
            return r;
        }
    }

    public static class Repo
    {
        public static string Root { get; } = FindRoot();

        public static string KvmDir => Path.Combine(Root, "src", "Platforms", "kvm");

        private static string FindRoot()
        {
            for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir, "src", "Platforms", "kvm")))
                    return dir;
            }
            throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }
}
