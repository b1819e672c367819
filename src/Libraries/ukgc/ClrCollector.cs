#if !UK_IMAGE
using System;

namespace Compose.Libraries.UkGc
{
    /// <summary>
    /// Hosted platform: every provider reports the CLR's collector. Pauses are sampled: each read of the statistics
    /// records the pause of the most recent CLR collection if it is new (collections between two reads are counted
    /// in the totals but only the last one's pause is kept individually).
    /// </summary>
    public static class ClrCollector
    {
        private static readonly PauseLog s_pauses = new PauseLog();
        private static long s_lastIndex;
        private static long s_maxPause;
        private static long s_lastPause;

        /// <summary>GC.Collect().</summary>
        public static void Collect() => GC.Collect();

        /// <summary>The CLR's counters in ukgc's shape.</summary>
        public static GcStatistics Read()
        {
            Sample();
            GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
            return new GcStatistics
            {
                Collections = (ulong)GC.CollectionCount(0),
                BytesAllocated = (ulong)GC.GetTotalAllocatedBytes(false),
                BytesLive = (ulong)info.HeapSizeBytes,
                BytesFreed = (ulong)GC.GetTotalAllocatedBytes(false) - (ulong)GC.GetTotalMemory(false),
                LastPauseNanoseconds = s_lastPause,
                MaxPauseNanoseconds = s_maxPause,
                TotalPauseNanoseconds = (long)GC.GetTotalPauseDuration().TotalNanoseconds,
                HeapSize = (ulong)info.TotalAvailableMemoryBytes,
            };
        }

        /// <summary>The sampled pauses, oldest first.</summary>
        public static int CopyRecentPauses(Span<long> destination)
        {
            Sample();
            return s_pauses.CopyTo(destination);
        }

        private static void Sample()
        {
            GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
            if (info.Index == 0 || info.Index == s_lastIndex) return;
            s_lastIndex = info.Index;
            long pause = 0;
            foreach (TimeSpan p in info.PauseDurations) pause += (long)p.TotalNanoseconds;
            s_pauses.Add(pause);
            s_lastPause = pause;
            if (pause > s_maxPause) s_maxPause = pause;
        }
    }
}
#endif
