using System;

namespace Compose.Platform
{
    /// <summary>
    /// Seed-grade randomness from the machine or the host OS, for seeding software generators (ukswrand). linuxu and
    /// kvm: the CPU's RDSEED, else RDRAND (x86-64, CPUID-checked); hosted: the OS generator. Optional: a consumer
    /// falls back to clock jitter when no platform provides it or <see cref="Name"/> is empty.
    /// </summary>
    [UkApi]
    public interface IEntropySource
    {
        /// <summary>The mechanism <see cref="Fill"/> uses: <c>rdseed</c>, <c>rdrand</c>, <c>os</c>; empty when this machine has none.</summary>
        string Name { get; }

        /// <summary>
        /// Fills <paramref name="buffer"/> entirely; false when there is no mechanism or it kept failing after the
        /// retries its vendor recommends (the buffer's contents are then unspecified).
        /// </summary>
        bool Fill(Span<byte> buffer);
    }
}
