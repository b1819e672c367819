using System;

namespace Compose.Libraries.UkGc
{
    /// <summary>A ring of the most recent collection pauses (no allocation after construction).</summary>
    public sealed class PauseLog
    {
        /// <summary>How many pauses are kept.</summary>
        public const int Capacity = 4096;

        private readonly long[] _pauses = new long[Capacity];
        private long _count;

        /// <summary>Pauses recorded since creation (may exceed <see cref="Capacity"/>).</summary>
        public long Count => _count;

        /// <summary>Records one pause.</summary>
        public void Add(long nanoseconds)
        {
            _pauses[(int)(_count % Capacity)] = nanoseconds;
            _count++;
        }

        /// <summary>Copies the kept pauses, oldest first; returns how many.</summary>
        public int CopyTo(Span<long> destination)
        {
            long kept = _count < Capacity ? _count : Capacity;
            int n = destination.Length < kept ? destination.Length : (int)kept;
            long first = _count - n;
            for (int i = 0; i < n; i++) destination[i] = _pauses[(int)((first + i) % Capacity)];
            return n;
        }
    }
}
