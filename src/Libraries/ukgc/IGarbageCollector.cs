using System;

namespace Compose.Libraries.UkGc
{
    /// <summary>What a collector has done since boot.</summary>
    public struct GcStatistics
    {
        /// <summary>Completed collections.</summary>
        public ulong Collections;

        /// <summary>Bytes of objects allocated since boot (rounded as allocated).</summary>
        public ulong BytesAllocated;

        /// <summary>Bytes of objects found live by the last collection (or allocated, when nothing is freed).</summary>
        public ulong BytesLive;

        /// <summary>Bytes of objects freed since boot.</summary>
        public ulong BytesFreed;

        /// <summary>Objects freed since boot.</summary>
        public ulong ObjectsFreed;

        /// <summary>Duration of the last collection in nanoseconds.</summary>
        public long LastPauseNanoseconds;

        /// <summary>Longest collection in nanoseconds.</summary>
        public long MaxPauseNanoseconds;

        /// <summary>Sum of all collection pauses in nanoseconds.</summary>
        public long TotalPauseNanoseconds;

        /// <summary>Bytes of memory the objects come from (the platform's memory regions); 0 when unknown.</summary>
        public ulong HeapSize;
    }

    /// <summary>
    /// The garbage collector API: how an image reclaims objects. Providers: <c>ukgcnone</c> (never frees; the
    /// default) and <c>ukgcmarksweep</c> (stop-the-world mark-sweep). Choose with
    /// <c>[assembly: UkUseProvider(typeof(IGarbageCollector), "ukgcmarksweep")]</c> or <c>CONFIG_LIBUKGCMARKSWEEP=y</c>.
    /// No provider runs finalizers. On the hosted platform every provider reports the CLR's own collector.
    /// </summary>
    [UkApi(DefaultProvider = "ukgcnone")]
    public interface IGarbageCollector
    {
        /// <summary>The provider's library name.</summary>
        string Name { get; }

        /// <summary>Whether unreachable objects are ever freed.</summary>
        bool FreesObjects { get; }

        /// <summary>Runs a full collection now (nothing for a collector that never frees).</summary>
        void Collect();

        /// <summary>The counters.</summary>
        GcStatistics Statistics { get; }

        /// <summary>
        /// Copies the pauses (nanoseconds) of the most recent collections, oldest first, up to
        /// <see cref="PauseLog.Capacity"/>; returns how many were copied.
        /// </summary>
        int CopyRecentPauses(Span<long> destination);
    }
}
