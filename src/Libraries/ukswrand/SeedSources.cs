using System;
using Compose.Platform;

namespace Compose.Libraries.UkSwRand
{
    /// <summary>A source of seed material for the generator.</summary>
    public interface ISeedSource
    {
        /// <summary>Short name reported at boot, e.g. <c>rdseed</c>, <c>clock</c>, <c>fixed</c>.</summary>
        string Name { get; }

        /// <summary>Fills <paramref name="seed"/> with seed material; false when the source cannot deliver.</summary>
        bool TryGetSeed(Span<byte> seed);
    }

    /// <summary>
    /// A fixed seed, for tests and reproducible runs. Gives the same stream every time: never use it for secrets.
    /// </summary>
    public sealed class FixedSeedSource : ISeedSource
    {
        private readonly byte[] _seed;

        /// <summary>Uses a copy of <paramref name="seed"/> (at least one byte).</summary>
        public FixedSeedSource(ReadOnlySpan<byte> seed)
        {
            _seed = new byte[seed.Length];
            for (int i = 0; i < seed.Length; i++) _seed[i] = seed[i];
        }

        /// <inheritdoc/>
        public string Name => "fixed";

        /// <summary>Repeats the fixed seed over <paramref name="seed"/>; false when the fixed seed is empty.</summary>
        public bool TryGetSeed(Span<byte> seed)
        {
            if (_seed.Length == 0) return false;
            for (int i = 0; i < seed.Length; i++) seed[i] = _seed[i % _seed.Length];
            return true;
        }
    }

    /// <summary>
    /// Seed from the platform's <see cref="IEntropySource"/>: the CPU's RDSEED or RDRAND on linuxu and kvm, the OS
    /// generator on hosted. Named after the mechanism (<c>rdseed</c>, <c>rdrand</c>, <c>os</c>).
    /// </summary>
    public sealed class EntropySeedSource : ISeedSource
    {
        private readonly IEntropySource _source;

        /// <summary>Reads <paramref name="source"/>.</summary>
        public EntropySeedSource(IEntropySource source) { _source = source; }

        /// <inheritdoc/>
        public string Name => _source.Name;

        /// <summary>False when the platform has no mechanism (empty name) or it failed.</summary>
        public bool TryGetSeed(Span<byte> seed) => _source.Name.Length > 0 && _source.Fill(seed);
    }

    /// <summary>
    /// Seed from the platform clocks: the wall-clock time, the monotonic time and the jitter between successive
    /// monotonic reads, compressed with the ChaCha20 block function. Weak (an attacker who knows the boot time can
    /// guess much of it); the fallback when the platform has no <see cref="IEntropySource"/> or it fails (a CPU
    /// without RDSEED/RDRAND). On kvm the monotonic clock is the TSC since the first boot instruction.
    /// </summary>
    public sealed class ClockSeedSource : ISeedSource
    {
        private const int JitterSamples = 256;
        private readonly IClock _clock;

        /// <summary>Reads <paramref name="clock"/>.</summary>
        public ClockSeedSource(IClock clock) { _clock = clock; }

        /// <inheritdoc/>
        public string Name => "clock";

        /// <inheritdoc/>
        public bool TryGetSeed(Span<byte> seed)
        {
            Span<byte> pool = stackalloc byte[ChaCha20.KeySize];
            pool.Clear();
            Put(pool, 0, (ulong)_clock.WallClockNanoseconds);
            long previous = _clock.MonotonicNanoseconds;
            Put(pool, 8, (ulong)previous);
            // Fold the low bits of each read-to-read delta into the second half of the pool, rotating the
            // position so that every byte takes many samples.
            for (int i = 0; i < JitterSamples; i++)
            {
                long now = _clock.MonotonicNanoseconds;
                ulong delta = (ulong)(now - previous);
                previous = now;
                int at = 16 + (i % 16);
                pool[at] = (byte)((pool[at] << 1 | pool[at] >> 7) ^ (byte)delta ^ (byte)(delta >> 8));
            }
            Span<byte> nonce = stackalloc byte[ChaCha20.NonceSize];
            nonce.Clear();
            Span<byte> block = stackalloc byte[ChaCha20.BlockSize];
            uint counter = 0;
            int written = 0;
            while (written < seed.Length)
            {
                ChaCha20.Block(pool, counter++, nonce, block);
                int n = seed.Length - written < ChaCha20.BlockSize ? seed.Length - written : ChaCha20.BlockSize;
                block.Slice(0, n).CopyTo(seed.Slice(written));
                written += n;
            }
            pool.Clear();
            block.Clear();
            return true;
        }

        private static void Put(Span<byte> pool, int at, ulong value)
        {
            for (int i = 0; i < 8; i++) pool[at + i] ^= (byte)(value >> (8 * i));
        }
    }
}
