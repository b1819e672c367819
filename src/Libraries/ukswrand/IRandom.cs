using System;

namespace Compose.Libraries.UkSwRand
{
    /// <summary>
    /// Random bytes for the kernel and the application, the counterpart of Linux's <c>getrandom(2)</c>.
    /// </summary>
    [UkApi(DefaultProvider = "ukswrand")]
    public interface IRandom
    {
        /// <summary>
        /// Fills <paramref name="buffer"/> with random bytes. Returns the number of bytes written (always
        /// <c>buffer.Length</c> once seeded) or <see cref="RandomStatus.NotSeeded"/> (-EAGAIN) before the generator has
        /// a seed, in which case the buffer is zeroed.
        /// </summary>
        int Fill(Span<byte> buffer);

        /// <summary>Whether the generator has been seeded.</summary>
        bool IsSeeded { get; }
    }

    /// <summary>Status codes of <see cref="IRandom.Fill"/>, with Linux errno values.</summary>
    public static class RandomStatus
    {
        /// <summary>-EAGAIN: the generator has no seed yet.</summary>
        public const int NotSeeded = -11;
    }
}
