using System;
using System.Text.RegularExpressions;

namespace Compose.Gc.Tests
{
    /// <summary>
    /// The GC stress app in images: with ukgcmarksweep it allocates 100 times its heap and its live structure
    /// (held from a static, the stack, an interior span, a struct array and a uksched thread's stack) survives;
    /// with ukgcnone the same program ends in the out-of-memory panic.
    /// </summary>
    [Collection("gc-images")]
    public sealed class StressImageTests
    {
        private readonly GcImages _images;

        public StressImageTests(GcImages images) { _images = images; }

        private static long Number(string text, string pattern)
        {
            Match m = Regex.Match(text, pattern);
            Assert.True(m.Success, "no match for '" + pattern + "' in:\n" + text);
            return long.Parse(m.Groups[1].Value);
        }

        private static void AssertSurvived(RunResult r, long expectedMiB)
        {
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("list 1000/1000, tree 1023/1023, pairs 300/300, span 16/16, thread 500/500", r.Stdout);
            Assert.Contains("gcstress: ok", r.Stdout);
            Assert.Equal(expectedMiB, Number(r.Stdout, @"allocated_mib (\d+)"));
            // Memory really came back: far more was freed than the heap holds.
            long freedKiB = Number(r.Stdout, @"freed (\d+) KiB");
            Assert.True(freedKiB * 1024 > expectedMiB * 1024 * 1024 * 9 / 10, r.ToString());
            Assert.True(Number(r.Stdout, @"collections (\d+)") >= 10, r.ToString());
        }

        private static void AssertOutOfMemoryPanic(RunResult r, string heap)
        {
            Assert.Equal(134, r.ExitCode);
            string all = r.Stdout + r.Stderr;
            Assert.Matches(@"panic: ukgcnone: out of memory allocating \d+ bytes \(heap " + Regex.Escape(heap) + @", \d+ (MiB|KiB) in objects\); objects are never freed with ukgcnone", all);
            Assert.DoesNotContain("gcstress: ok", all);
        }

        [Fact]
        public void Marksweep_on_linuxu_survives_100_times_its_4_MiB_heap()
        {
            RunResult r = GcImages.Run(_images.MarkSweep("linuxu"), Array.Empty<string>(), 120);
            Assert.Contains("gcstress: collector ukgcmarksweep, allocating 400 MiB", r.Stdout);
            AssertSurvived(r, 400);
        }

        [Fact]
        public void Ukgcnone_on_linuxu_panics_out_of_memory_naming_the_heap()
        {
            RunResult r = GcImages.Run(_images.None("linuxu"), Array.Empty<string>(), 60);
            AssertOutOfMemoryPanic(r, "4 MiB");
        }

        [Fact]
        public void Same_program_on_the_clr_keeps_its_structure()
        {
            RunResult r = GcImages.Run("dotnet", new[] { _images.Hosted, "64" }, 120);
            Assert.Contains("gcstress: collector ukgcmarksweep, allocating 64 MiB", r.Stdout);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("gcstress: ok", r.Stdout);
        }

        [QemuFact]
        public void Marksweep_on_kvm_survives_100_times_its_heap()
        {
            RunResult r = Qemu.Boot(_images.MarkSweep("kvm"), KvmMemory, 300);
            long mib = Number(r.Stdout, @"allocating (\d+) MiB");
            Assert.True(mib >= 100, r.ToString());
            AssertSurvived(r, mib);
        }

        [QemuFact]
        public void Ukgcnone_on_kvm_panics_out_of_memory()
        {
            RunResult r = Qemu.Boot(_images.None("kvm"), KvmMemory, 120);
            Assert.Equal(134, r.ExitCode);
            Assert.Matches(@"panic: ukgcnone: out of memory allocating \d+ bytes \(heap \d+ (MiB|KiB), \d+ (MiB|KiB) in objects\); objects are never freed with ukgcnone", r.Stdout + r.Stderr);
        }

        /// <summary>Guest RAM for the kvm runs: small, so that 100 times the heap stays quick under TCG.</summary>
        private const string KvmMemory = "4M";
    }
}
