using Compose.Libraries.UkAlloc;
using Compose.Platform;

namespace Compose.Libraries.UkAllocRegion
{
    /// <summary>
    /// Region (bump) allocator, Unikraft's ukallocregion: hands out memory from the start of one platform region
    /// upwards and never reuses it. The smallest and fastest provider; for short-lived images.
    /// </summary>
    [UkLibrary("ukallocregion", Description = "Bump allocator over one memory region; free is a no-op", License = "BSD-3-Clause")]
    [Provides(typeof(IAllocator))]
    [Requires(typeof(IMemoryRegions))]
    public sealed unsafe class RegionAllocator : IAllocator
    {
        private const string Library = "ukallocregion";

        // The second word of a block's header: whether the block is live or was freed.
        private const ulong LiveMark = 0x4C49564555B10C4BUL;
        private const ulong FreedMark = 0x46524545D5B10C4BUL;

        private nuint _start, _next, _end;
        private AllocatorStatistics _stats;
        private AllocatorFault _lastFault;
        private ulong _faults;

        /// <summary>Receives faults instead of the default panic; see <see cref="AllocatorFaults"/>.</summary>
        public IAllocatorFaultHandler? FaultHandler { get; set; }

        /// <summary>The last fault detected (kind <see cref="AllocatorFaultKind.None"/> when none).</summary>
        public AllocatorFault LastFault => _lastFault;

        /// <summary>How many faults were detected.</summary>
        public ulong FaultCount => _faults;

        /// <summary>Takes the largest platform region as the heap.</summary>
        [UkInit(UkInitClass.Early, Priority = 5)]
        public static int Init()
        {
            if (UkApi<IAllocator>.Instance is not RegionAllocator self) return 0;
            var regions = UkApi<IMemoryRegions>.Instance;
            if (regions is null || regions.Count == 0) return -1;
            var best = regions[0];
            for (int i = 1; i < regions.Count; i++)
                if (regions[i].Length > best.Length) best = regions[i];
            self.AddRegion(best.Start, best.Length);
            return 0;
        }

        /// <summary>Uses <paramref name="length"/> bytes at <paramref name="start"/> as the heap (replacing any earlier one).</summary>
        public void AddRegion(nuint start, nuint length)
        {
            _start = start;
            _next = AlignUp(start, 16);
            _end = start + length;
        }

        private static nuint AlignUp(nuint value, nuint alignment) => (value + alignment - 1) & ~(alignment - 1);

        /// <inheritdoc/>
        public void* Malloc(nuint size) => Memalign(16, size);

        /// <inheritdoc/>
        public void* Calloc(nuint count, nuint size)
        {
            if (size != 0 && count > nuint.MaxValue / size) { _stats.Failures++; return null; }
            byte* p = (byte*)Malloc(count * size);
            // Safe: p points at count*size bytes this allocator just handed out.
            if (p != null) for (nuint i = 0; i < count * size; i++) p[i] = 0;
            return p;
        }

        /// <inheritdoc/>
        public void* Memalign(nuint alignment, nuint size)
        {
            if (alignment == 0 || (alignment & (alignment - 1)) != 0 || size == 0) { _stats.Failures++; return null; }
            if (alignment < 16) alignment = 16;
            // Each block is preceded by a 16-byte header holding its size, for Realloc.
            nuint payload = AlignUp(_next + 16, alignment);
            if (payload < _next || payload > _end || _end - payload < size) { _stats.Failures++; return null; }
            *(nuint*)(payload - 16) = size;
            *(ulong*)(payload - 8) = LiveMark;
            _next = payload + size;
            _stats.Allocations++;
            _stats.BytesInUse += size;
            if (_stats.BytesInUse > _stats.PeakBytesInUse) _stats.PeakBytesInUse = _stats.BytesInUse;
            return (void*)payload;
        }

        /// <inheritdoc/>
        public void* Realloc(void* pointer, nuint size)
        {
            if (pointer == null) return Malloc(size);
            if (!IsLive((nuint)pointer, "Realloc")) return null;
            if (size == 0) { Free(pointer); return null; }
            nuint old = *(nuint*)((nuint)pointer - 16);
            byte* fresh = (byte*)Malloc(size);
            if (fresh == null) return null;
            // Safe: both blocks are live and at least min(old, size) bytes long.
            for (nuint i = 0; i < (old < size ? old : size); i++) fresh[i] = ((byte*)pointer)[i];
            Free(pointer);
            return fresh;
        }

        /// <summary>
        /// Counts the free and marks the block freed; a region allocator never reuses memory. A pointer outside the
        /// handed-out part of the region, or whose header is not marked live, is a fault (double free, foreign
        /// pointer); an interior pointer is caught unless the block's data happens to hold the live mark there.
        /// </summary>
        public void Free(void* pointer)
        {
            if (pointer == null) return;
            if (!IsLive((nuint)pointer, "Free")) return;
            // Safe: IsLive checked the 16-byte header lies in the handed-out part of the region.
            *(ulong*)((nuint)pointer - 8) = FreedMark;
            _stats.Frees++;
            _stats.BytesInUse -= *(nuint*)((nuint)pointer - 16);
        }

        private bool IsLive(nuint payload, string call)
        {
            AllocatorFaultKind kind;
            if (payload < _start + 16 || payload >= _next || (payload & 15) != 0) kind = AllocatorFaultKind.ForeignPointer;
            else
            {
                ulong mark = *(ulong*)(payload - 8);
                if (mark == LiveMark) return true;
                kind = mark == FreedMark ? AllocatorFaultKind.DoubleFree : AllocatorFaultKind.NotAllocated;
            }
            _lastFault = new AllocatorFault(Library, call, kind, payload);
            _faults++;
            AllocatorFaults.Raise(FaultHandler, _lastFault);
            return false;
        }

        /// <inheritdoc/>
        public nuint AvailableMemory => _end > _next ? _end - _next : 0;

        /// <inheritdoc/>
        public AllocatorStatistics Statistics => _stats;

        /// <summary>Bytes of the region handed out so far, headers and padding included.</summary>
        public nuint Used => _next - _start;
    }
}
