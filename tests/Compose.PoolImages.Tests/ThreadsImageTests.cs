using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace Compose.PoolImages.Tests
{
    /// <summary>
    /// samples/Threads (producers and consumers over a mailbox under a mutex, then three sleepers) built for hosted,
    /// linuxu and kvm: the images switch threads with the platform's assembly and must print the hosted build's
    /// checksum and wake order, and a thread that overruns its stack panics. The kvm image boots under QEMU (microvm, TCG) through tools/compose-run.
    /// </summary>
    public sealed class ThreadsImageTests : IClassFixture<ThreadsImageTests.HostedRun>
    {
        private readonly HostedRun _hosted;

        public ThreadsImageTests(HostedRun hosted) { _hosted = hosted; }

        [Fact]
        public void LinuxuImagePrintsTheHostedResults()
        {
            Build("linuxu");
            ImageResult run = Run(Path.Combine(SampleDir, "bin", "linuxu", "Debug", "net10.0", "threads_linuxu-x86_64"), Array.Empty<string>());
            Assert.True(run.ExitCode == 0, "linuxu image failed:\n" + run);
            Assert.Equal(_hosted.ResultLines, ResultLines(run.StdOut));

        }

        /// <summary>
        /// Guard pages on linuxu: a thread that digs 1 KiB below its stack, unbounded recursion in a scheduler
        /// thread and in main all fault in a guard page and are reported as a stack overflow naming the thread
        /// (status 134); a wild write is a located segmentation-fault report (status 139), not a silent death.
        /// </summary>
        [Fact]
        public void LinuxuStackOverflowsAreReportedByThread()
        {
            Build("linuxu");
            string image = Path.Combine(SampleDir, "bin", "linuxu", "Debug", "net10.0", "threads_linuxu-x86_64");
            foreach ((string[] args, string thread) in new[] { (new[] { "overrun" }, "digger"), (new[] { "overflow", "thread" }, "recurser"), (new[] { "overflow", "main" }, "main") })
            {
                ImageResult run = Run(image, args);
                Assert.True(run.ExitCode == 134, string.Join(" ", args) + ": no stack-overflow panic:\n" + run);
                Assert.Matches(OverflowReport("panic: stack overflow in thread '" + thread + "'"), run.StdErr);
                AssertFaultInGuard(run.StdErr);
                Assert.DoesNotContain("recursion returned", run.StdOut);
                Assert.DoesNotContain("not detected", run.StdOut);
            }

            ImageResult segfault = Run(image, new[] { "segfault" });
            Assert.True(segfault.ExitCode == 139, "a wild write did not end the image with 139:\n" + segfault);
            Assert.Matches(@"panic: segmentation fault in thread 'main': write at 0x0000100000000000 \(address not mapped\), RIP 0x[0-9a-f]{16} <[A-Za-z0-9_]+\+0x[0-9a-f]+>, RSP 0x[0-9a-f]{16}\n", segfault.StdErr);
            // The function named beside RIP (from the image's symbol table) is the one the .dbg file has there.
            var rip = System.Text.RegularExpressions.Regex.Match(segfault.StdErr, @"RIP 0x([0-9a-f]{16}) <([A-Za-z0-9_]+)\+0x([0-9a-f]+)>");
            ImageResult resolved = Run("addr2line", new[] { "-f", "-e", image + ".dbg", "0x" + rip.Groups[1].Value });
            Assert.Equal(rip.Groups[2].Value, resolved.StdOut.Split('\n')[0]);
            Assert.Equal("threads_Threads_App__Segfault", rip.Groups[2].Value);
            Assert.DoesNotContain("went through", segfault.StdOut);
        }

        /// <summary>
        /// [ThreadStatic] isolation: <c>threads tls</c> (main and four scheduler threads, interleaved by yields, one
        /// created after the others ended) prints the same lines on linuxu as on the CLR, where each scheduler thread
        /// is an OS thread with the CLR's own thread statics.
        /// </summary>
        [Fact]
        public void LinuxuThreadStaticsMatchTheClr()
        {
            Build("linuxu");
            ImageResult run = Run(Path.Combine(SampleDir, "bin", "linuxu", "Debug", "net10.0", "threads_linuxu-x86_64"), new[] { "tls" });
            Assert.True(run.ExitCode == 0, "linuxu tls run failed:\n" + run);
            Assert.Equal(_hosted.TlsLines, TlsLines(run.StdOut));
        }

        /// <summary>The report's shape: the fault address lies in the guard page, which lies right under the stack.</summary>
        private static string OverflowReport(string head) =>
            System.Text.RegularExpressions.Regex.Escape(head) + @" \(fault at 0x[0-9a-f]{16}, guard page 0x[0-9a-f]{16}-0x[0-9a-f]{16}, stack 0x[0-9a-f]{16}-0x[0-9a-f]{16}, RIP 0x[0-9a-f]{16}[^)]*\)\n";

        /// <summary>Checks that the reported fault address lies inside the reported guard page, and the guard right under the stack.</summary>
        private static void AssertFaultInGuard(string report)
        {
            var m = System.Text.RegularExpressions.Regex.Match(report, @"fault at 0x(?<a>[0-9a-f]{16}), guard page 0x(?<g0>[0-9a-f]{16})-0x(?<g1>[0-9a-f]{16}), stack 0x(?<s0>[0-9a-f]{16})-0x(?<s1>[0-9a-f]{16})");
            Assert.True(m.Success, report);
            ulong Hex(string g) => Convert.ToUInt64(m.Groups[g].Value, 16);
            Assert.InRange(Hex("a"), Hex("g0"), Hex("g1") - 1);
            Assert.Equal(4096UL, Hex("g1") - Hex("g0"));
            Assert.Equal(Hex("g1"), Hex("s0"));
            Assert.True(Hex("s1") > Hex("s0"), report);
        }

        [QemuFact]
        public void KvmImagePrintsTheHostedResults()
        {
            Build("kvm");
            string image = Path.Combine(SampleDir, "bin", "kvm", "Debug", "net10.0", "threads_qemu-x86_64");
            ImageResult run = Run("bash", new[] { Path.Combine(Root, "tools", "compose-run"), "-M", "microvm", "-a", "tcg", "-t", "60", image });
            Assert.True(run.ExitCode == 0, "kvm image failed:\n" + run);
            Assert.Equal(_hosted.ResultLines, ResultLines(run.StdOut));

            ImageResult tls = Run("bash", new[] { Path.Combine(Root, "tools", "compose-run"), "-M", "microvm", "-a", "tcg", "-t", "60", image, "--", "tls" });
            Assert.True(tls.ExitCode == 0, "kvm tls run failed:\n" + tls);
            Assert.Equal(_hosted.TlsLines, TlsLines(tls.StdOut));

            // Guard pages under QEMU: the page fault runs on the trap stack (IST1), so even an overflow of the boot
            // stack is reported, naming the thread; "high" puts the thread's stack above 8 MiB, where a 2 MiB page
            // must be split into 4 KiB pages first.
            foreach ((string[] args, string thread) in new[] { (new[] { "overrun" }, "digger"), (new[] { "overflow", "thread" }, "recurser"), (new[] { "overflow", "thread", "high" }, "recurser"), (new[] { "overflow", "main" }, "main") })
            {
                var runArgs = new List<string> { Path.Combine(Root, "tools", "compose-run"), "-M", "microvm", "-a", "tcg", "-t", "60", image, "--" };
                runArgs.AddRange(args);
                ImageResult overflow = Run("bash", runArgs.ToArray());
                Assert.True(overflow.ExitCode == 134, string.Join(" ", args) + ": no stack-overflow panic:\n" + overflow);
                Assert.Matches(OverflowReport("[kvm] panic: stack overflow in thread '" + thread + "'"), overflow.StdOut);
                AssertFaultInGuard(overflow.StdOut);
                if (args.Length == 3)
                {
                    var at = System.Text.RegularExpressions.Regex.Match(overflow.StdOut, @"guard page 0x([0-9a-f]{16})");
                    Assert.True(Convert.ToUInt64(at.Groups[1].Value, 16) >= 8UL << 20, "the 'high' stack is not above 8 MiB:\n" + overflow);
                }
            }
        }

        /// <summary>The hosted build's result lines, computed once for the class.</summary>
        public sealed class HostedRun
        {
            public HostedRun()
            {
                Build("hosted");
                ImageResult run = Run("dotnet", new[] { Path.Combine(SampleDir, "bin", "Debug", "net10.0", "threads.dll") });
                Assert.True(run.ExitCode == 0, "hosted run failed:\n" + run);
                ResultLines = ResultLines(run.StdOut);
                Assert.Equal(3, ResultLines.Count);
                Assert.Equal("messages: 3000", ResultLines[0]);
                Assert.StartsWith("checksum: ", ResultLines[1]);
                Assert.Equal("wake order: 123, early wake-ups: 0", ResultLines[2]);

                ImageResult tls = Run("dotnet", new[] { Path.Combine(SampleDir, "bin", "Debug", "net10.0", "threads.dll"), "tls" });
                Assert.True(tls.ExitCode == 0, "hosted tls run failed:\n" + tls);
                TlsLines = TlsLines(tls.StdOut);
                Assert.Equal(6, TlsLines.Count);
                Assert.Equal("main: counter=100 name=main sum=0", TlsLines[3]);
            }

            public List<string> ResultLines { get; }

            /// <summary>What <c>threads tls</c> printed on the CLR.</summary>
            public List<string> TlsLines { get; }
        }

        private static string Root { get; } = FindRoot();

        private static string SampleDir => Path.Combine(Root, "samples", "Threads");

        private static void Build(string platform)
        {
            ImageResult build = Run("dotnet", new[] { "build", Path.Combine(SampleDir, "Threads.csproj"), "-v:q", "-nologo", "-p:UkPlatform=" + platform });
            Assert.True(build.ExitCode == 0, platform + " build of samples/Threads failed:\n" + build);
        }

        /// <summary>The lines of <c>threads tls</c>: one per worker, then main's before and after the late worker.</summary>
        private static List<string> TlsLines(string output)
        {
            var lines = new List<string>();
            foreach (string raw in output.Split('\n'))
            {
                string line = raw.Trim();
                if (line.StartsWith("worker", StringComparison.Ordinal) || line.StartsWith("main", StringComparison.Ordinal)) lines.Add(line);
            }
            return lines;
        }

        /// <summary>The lines after the banner that the sample computes: message count, checksum, wake order.</summary>
        private static List<string> ResultLines(string output)
        {
            var lines = new List<string>();
            foreach (string raw in output.Split('\n'))
            {
                string line = raw.Trim();
                if (line.StartsWith("messages: ", StringComparison.Ordinal) || line.StartsWith("checksum: ", StringComparison.Ordinal)
                    || line.StartsWith("wake order: ", StringComparison.Ordinal)) lines.Add(line);
            }
            return lines;
        }

        private sealed record ImageResult(int ExitCode, string StdOut, string StdErr)
        {
            public override string ToString() => "exit " + ExitCode + "\n--- stdout\n" + StdOut + "\n--- stderr\n" + StdErr;
        }

        private static ImageResult Run(string file, string[] args)
        {
            var psi = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Root,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (string a in args) psi.ArgumentList.Add(a);
            using Process p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(600_000))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException(file + " " + string.Join(" ", args) + " did not finish in 600 s");
            }
            return new ImageResult(p.ExitCode, stdout.Result, stderr.Result);
        }

        private static string FindRoot()
        {
            for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir, "samples", "Threads")))
                    return dir;
            }
            throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// A fact that needs qemu-system-x86_64 ($QEMU): skipped when it is absent, unless COMPOSE_REQUIRE_QEMU=1, where
    /// the test runs and fails.
    /// </summary>
    public sealed class QemuFactAttribute : FactAttribute
    {
        public QemuFactAttribute()
        {
            string program = Environment.GetEnvironmentVariable("QEMU") is { Length: > 0 } q ? q : "qemu-system-x86_64";
            if (Environment.GetEnvironmentVariable("COMPOSE_REQUIRE_QEMU") == "1" || Found(program)) return;
            Skip = program + " is not installed (set COMPOSE_REQUIRE_QEMU=1 to fail instead)";
        }

        private static bool Found(string program)
        {
            if (program.Contains('/')) return File.Exists(program);
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, program))) return true;
            return false;
        }
    }
}
