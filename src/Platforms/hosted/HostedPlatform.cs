using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Compose.Libraries.UkBoot;
using Compose.Platform;

namespace Compose.Platforms.Hosted
{
    /// <summary>
    /// The hosted platform: a composition running as an ordinary CLR process. The platform API over the BCL:
    /// stdout/stdin as the console, one native memory region as the heap, the process clocks, process exit.
    /// </summary>
    [UkLibrary("plathosted", Description = "Platform: a CLR process", License = "BSD-3-Clause")]
    [UkPlatform("hosted")]
    [Provides(typeof(IConsole))]
    [Provides(typeof(IMemoryRegions))]
    [Provides(typeof(IClock))]
    [Provides(typeof(IPlatformControl))]
    [Provides(typeof(IEntropySource))]
    [Requires(typeof(UkBootLibrary))]
    [UkIntOption("HEAP_SIZE", 16 * 1024 * 1024, Min = 64 * 1024, Max = 1L << 36, Help = "Bytes of native memory handed to the allocator")]
    public sealed partial class HostedPlatform : IConsole, IMemoryRegions, IClock, IPlatformControl, IEntropySource
    {
        private static readonly long s_start = Stopwatch.GetTimestamp();
        private System.IO.Stream? _stdout, _stdin;
        private MemoryRegion _heap;

        /// <summary>The OS generator (System.Security.Cryptography.RandomNumberGenerator: getrandom on Linux).</summary>
        string IEntropySource.Name => "os";

        /// <inheritdoc/>
        bool IEntropySource.Fill(Span<byte> buffer)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(buffer);
            return true;
        }

        /// <inheritdoc/>
        public void Write(ReadOnlySpan<byte> utf8)
        {
            _stdout ??= Console.OpenStandardOutput();
            _stdout.Write(utf8);
            _stdout.Flush();
        }

        /// <inheritdoc/>
        public int Read(Span<byte> buffer)
        {
            _stdin ??= Console.OpenStandardInput();
            return _stdin.Read(buffer);
        }

        /// <summary>One region: native memory of <c>CONFIG_LIBPLATHOSTED_HEAP_SIZE</c> bytes, allocated on first use.</summary>
        public int Count => 1;

        /// <inheritdoc/>
        public unsafe MemoryRegion this[int index]
        {
            get
            {
                if (index != 0) throw new ArgumentOutOfRangeException(nameof(index));
                if (_heap.Length == 0)
                {
                    nuint size = (nuint)Options.HeapSize;
                    _heap = new MemoryRegion((nuint)NativeMemory.AlignedAlloc(size, 4096), size);
                }
                return _heap;
            }
        }

        /// <inheritdoc/>
        public long MonotonicNanoseconds => (long)((Stopwatch.GetTimestamp() - s_start) * (1_000_000_000.0 / Stopwatch.Frequency));

        /// <inheritdoc/>
        public long WallClockNanoseconds => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

        /// <inheritdoc/>
        public string Name => "hosted";

        /// <inheritdoc/>
        public void Terminate(int status)
        {
            _stdout?.Flush();
            Environment.Exit(status);
        }
    }
}
