using System;
using Compose.Libraries.UkDebug;
using Compose.Platform;

namespace Compose.Libraries.UkSwRand
{
    /// <summary>
    /// Unikraft's ukswrand: the kernel's random generator, ChaCha20 with fast key erasure, seeded at boot.
    /// Seed sources in order of preference: the platform's <see cref="IEntropySource"/> (<see cref="EntropySeedSource"/>:
    /// RDSEED, else RDRAND on linuxu and kvm; the OS generator on hosted), then the platform clocks
    /// (<see cref="ClockSeedSource"/>: clock jitter and the wall-clock time). The source used is printed at debug level.
    /// </summary>
    [UkLibrary("ukswrand", Description = "ChaCha20 random generator with a getrandom-like API", License = "BSD-3-Clause")]
    [Provides(typeof(IRandom))]
    [Requires(typeof(IClock))]
    [Requires(typeof(IEntropySource), Optional = true)]
    [Requires(typeof(UkDebugLibrary))]
    public sealed class SoftwareRandom : IRandom
    {
        private readonly ChaCha20Generator _generator = new ChaCha20Generator();

        /// <summary>Name of the source of the last seed (<see cref="ISeedSource.Name"/>), null before seeding.</summary>
        public string? SeedSourceName { get; private set; }

        /// <summary>
        /// Seeds the bound generator from the platform's entropy source, else the platform clock. Fails the boot when
        /// no seed can be had.
        /// </summary>
        [UkInit(UkInitClass.Lib, Priority = 1)]
        public static int Init()
        {
            if (UkApi<IRandom>.Instance is not SoftwareRandom self) return 0;
            var entropy = UkApi<IEntropySource>.Instance;
            if (entropy is not null && self.Seed(new EntropySeedSource(entropy)))
            {
                UkDebugLibrary.Printk(PrintkLevel.Debug, "ukswrand", "seeded from " + self.SeedSourceName);
                return 0;
            }
            if (entropy is not null)
            {
                UkDebugLibrary.Printk(PrintkLevel.Debug, "ukswrand", entropy.Name.Length == 0
                    ? "no CPU or OS entropy source on this machine; falling back to the clock"
                    : entropy.Name + " failed; falling back to the clock");
            }
            var clock = UkApi<IClock>.Instance;
            if (clock is null || !self.Seed(new ClockSeedSource(clock)))
            {
                UkDebugLibrary.Printk(PrintkLevel.Crit, "ukswrand", "no seed source delivered a seed; random numbers unavailable");
                return -1;
            }
            UkDebugLibrary.Printk(PrintkLevel.Debug, "ukswrand", "seeded from " + self.SeedSourceName);
            return 0;
        }

        /// <summary>Takes 32 bytes from <paramref name="source"/> and mixes them into the generator.</summary>
        public bool Seed(ISeedSource source)
        {
            Span<byte> seed = stackalloc byte[ChaCha20.KeySize];
            if (!source.TryGetSeed(seed)) return false;
            bool ok = _generator.Seed(seed);
            seed.Clear();
            if (ok) SeedSourceName = source.Name;
            return ok;
        }

        /// <inheritdoc/>
        public bool IsSeeded => _generator.IsSeeded;

        /// <inheritdoc/>
        public int Fill(Span<byte> buffer) => _generator.Fill(buffer);

        /// <summary>A uniformly distributed value in [0, <paramref name="bound"/>) (0 when bound is 0), by rejection.</summary>
        public uint NextBelow(uint bound)
        {
            if (bound == 0) return 0;
            // Reject the top partial range so that every residue is equally likely.
            uint limit = uint.MaxValue - (uint.MaxValue % bound + 1) % bound;
            while (true)
            {
                uint v = _generator.NextUInt32();
                if (v <= limit) return v % bound;
            }
        }
    }
}
