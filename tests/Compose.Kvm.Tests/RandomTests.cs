using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>
    /// ukswrand's seed on kvm (tests/KvmProbe, ukdebug at debug level): RDRAND where the CPU model has it (QEMU TCG's
    /// <c>-cpu max</c>; TCG implements no RDSEED), the clock on QEMU's default CPU model, which has neither.
    /// </summary>
    [Collection("kvm-images")]
    public sealed class RandomTests
    {
        private readonly KvmImages _images;

        public RandomTests(KvmImages images) { _images = images; }

        [QemuTheory]
        [InlineData("microvm")]
        [InlineData("pc")]
        public void The_seed_comes_from_rdrand_on_a_cpu_that_has_it(string machine)
        {
            RunResult r = Qemu.Run(_images.ProbeImage, machine, cpu: "max", appArgs: new[] { "random" });
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.StartsWith("[debug] ukswrand: seeded from rdrand\n", r.Stdout);
            Assert.Contains("seed source rdrand\ncpu entropy rdrand\ncpu fill ok\n", r.Stdout);
        }

        [QemuFact]
        public void The_seed_comes_from_the_clock_on_a_cpu_without_rdrand()
        {
            RunResult r = Qemu.Run(_images.ProbeImage, appArgs: new[] { "random" });
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.StartsWith("[debug] ukswrand: no CPU or OS entropy source on this machine; falling back to the clock\n"
                + "[debug] ukswrand: seeded from clock\n", r.Stdout);
            Assert.Contains("seed source clock\ncpu entropy none\ncpu fill unavailable\n", r.Stdout);
        }
    }
}
