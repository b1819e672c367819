using Compose.Libraries.UkAlloc;
using Compose.Platform;

namespace Compose.Libraries.UkAllocBBuddy
{
    /// <summary>
    /// Binary buddy allocator, Unikraft's ukallocbbuddy. Every block is a power of two of at least
    /// <see cref="MinBlockSize"/> bytes, naturally aligned to its size; freeing merges a block with its buddy
    /// (the block at <c>address ^ size</c>) while that one is free too. The block metadata lives out of band, one
    /// tag byte per minimal block at the head of each region, so a double free or a pointer never handed out is
    /// recognised before anything is changed.
    /// </summary>
    [UkLibrary("ukallocbbuddy", Description = "Binary buddy allocator over all platform memory regions", License = "BSD-3-Clause")]
    [Provides(typeof(IAllocator))]
    [Requires(typeof(IMemoryRegions))]
    public sealed unsafe class BuddyAllocator : IAllocator, IRegionAllocator
    {
        /// <summary>log2 of the smallest block.</summary>
        public const int MinOrder = 5;

        /// <summary>log2 of the largest block (1 TiB).</summary>
        public const int MaxOrder = 40;

        /// <summary>The smallest block, and the granularity of the tag map.</summary>
        public const int MinBlockSize = 1 << MinOrder;

        private const string Library = "ukallocbbuddy";
        private const byte TagFree = 0x80;
        private const byte TagUsed = 0x40;
        private const byte TagOrderMask = 0x3F;

        /// <summary>A free block's first bytes: the doubly linked free list of its order.</summary>
        private struct FreeNode
        {
            public FreeNode* Next;
            public FreeNode* Prev;
        }

        /// <summary>Head of a region, at its start: where its arena and tag map are.</summary>
        private struct Region
        {
            public Region* Next;
            public nuint Base;   // first byte of the arena, aligned to MinBlockSize
            public nuint End;    // one past the arena's last byte
            public byte* Tags;   // one byte per MinBlockSize unit of the arena: 0, TagFree|order or TagUsed|order
        }

        /// <summary>Free list heads, one per order (only MinOrder..MaxOrder are used).</summary>
        private struct FreeLists
        {
            public fixed ulong Heads[MaxOrder + 1];
        }

        private FreeLists _lists;
        private ulong _nonEmpty;   // bit k set when the order-k list is non-empty
        private Region* _regions;
        private nuint _freeBytes;
        private AllocatorStatistics _stats;
        private AllocatorFault _lastFault;
        private ulong _faults;

        /// <summary>Adds every platform memory region.</summary>
        [UkInit(UkInitClass.Early, Priority = 5)]
        public static int Init() => UkApi<IAllocator>.Instance is BuddyAllocator self ? PlatformRegions.AddAll(self) : 0;

        /// <summary>
        /// Hands the <paramref name="length"/> bytes at <paramref name="start"/> to the allocator. The region's head
        /// and tag map (about 1/32 of it) are carved from its start. Returns false, adding nothing, when the region is
        /// too small to hold one block or overlaps a region added before.
        /// </summary>
        public bool AddRegion(nuint start, nuint length)
        {
            nuint end = start + length;
            if (end < start) return false;
            for (Region* r = _regions; r != null; r = r->Next)
                if (start < r->End && (nuint)r < end) return false;   // overlaps memory already handed over
            nuint head = AlignUp(start, 16);
            nuint tags = head + (nuint)sizeof(Region);
            if (tags >= end) return false;
            nuint units = (end - tags) / (MinBlockSize + 1);
            nuint arena = AlignUp(tags + units, MinBlockSize);
            while (units > 0 && (arena > end || (end - arena) / MinBlockSize < units)) units--;
            if (units == 0) return false;

            // Safe: head..arena+units*MinBlockSize lies inside the region the caller handed over.
            Region* region = (Region*)head;
            region->Base = arena;
            region->End = arena + units * MinBlockSize;
            region->Tags = (byte*)tags;
            for (nuint i = 0; i < units; i++) region->Tags[i] = 0;
            region->Next = _regions;
            _regions = region;

            // Seed with the largest naturally aligned blocks that fit, left to right.
            nuint at = arena;
            while (at < region->End)
            {
                int order = MaxOrder;
                while (order > MinOrder && ((at & (((nuint)1 << order) - 1)) != 0 || region->End - at < ((nuint)1 << order))) order--;
                PushFree(region, at, order);
                _freeBytes += (nuint)1 << order;
                at += (nuint)1 << order;
            }
            return true;
        }

        /// <summary>Receives faults instead of the default panic; see <see cref="AllocatorFaults"/>.</summary>
        public IAllocatorFaultHandler? FaultHandler { get; set; }

        /// <summary>The last fault detected (kind <see cref="AllocatorFaultKind.None"/> when none).</summary>
        public AllocatorFault LastFault => _lastFault;

        /// <summary>How many faults were detected.</summary>
        public ulong FaultCount => _faults;

        /// <inheritdoc/>
        public nuint AvailableMemory => _freeBytes;

        /// <summary>Counters; <c>BytesInUse</c> counts whole blocks (sizes rounded up to powers of two).</summary>
        public AllocatorStatistics Statistics => _stats;

        /// <summary>The size of the largest free block, the largest request that can succeed now.</summary>
        public nuint LargestFreeBlock
        {
            get
            {
                if (_nonEmpty == 0) return 0;
                int order = 63;
                while ((_nonEmpty & (1UL << order)) == 0) order--;
                return (nuint)1 << order;
            }
        }

        /// <inheritdoc/>
        public void* Malloc(nuint size) => Memalign(16, size);

        /// <inheritdoc/>
        public void* Calloc(nuint count, nuint size)
        {
            if (size != 0 && count > nuint.MaxValue / size) { _stats.Failures++; return null; }
            nuint total = count * size;
            byte* p = (byte*)Malloc(total);
            // Safe: p points at a block of at least total bytes this allocator just handed out.
            if (p != null) for (nuint i = 0; i < total; i++) p[i] = 0;
            return p;
        }

        /// <inheritdoc/>
        public void* Memalign(nuint alignment, nuint size)
        {
            if (alignment == 0 || (alignment & (alignment - 1)) != 0 || size == 0 || size > ((nuint)1 << MaxOrder))
            {
                _stats.Failures++;
                return null;
            }
            // Blocks are aligned to their size, so a block at least as large as the alignment is aligned enough.
            int order = MinOrder;
            while (((nuint)1 << order) < size || ((nuint)1 << order) < alignment) order++;
            if (order > MaxOrder) { _stats.Failures++; return null; }

            ulong candidates = _nonEmpty & ~((1UL << order) - 1);
            if (candidates == 0) { _stats.Failures++; return null; }
            int found = BitOps.LowestSetBit(candidates);
            nuint block = PopFree(found);
            Region* region = RegionOf(block);
            // Split down to the wanted order; the upper halves become free blocks.
            while (found > order)
            {
                found--;
                PushFree(region, block + ((nuint)1 << found), found);
            }
            region->Tags[(block - region->Base) >> MinOrder] = (byte)(TagUsed | order);
            nuint blockSize = (nuint)1 << order;
            _freeBytes -= blockSize;
            _stats.Allocations++;
            _stats.BytesInUse += blockSize;
            if (_stats.BytesInUse > _stats.PeakBytesInUse) _stats.PeakBytesInUse = _stats.BytesInUse;
            return (void*)block;
        }

        /// <inheritdoc/>
        public void* Realloc(void* pointer, nuint size)
        {
            if (pointer == null) return Malloc(size);
            int order = LiveOrder((nuint)pointer, "Realloc");
            if (order < 0) return null;
            if (size == 0) { Free(pointer); return null; }
            nuint blockSize = (nuint)1 << order;
            if (size <= blockSize) return pointer;
            byte* fresh = (byte*)Malloc(size);
            if (fresh == null) return null;
            // Safe: the old block is live and blockSize bytes long; the new one is larger.
            for (nuint i = 0; i < blockSize; i++) fresh[i] = ((byte*)pointer)[i];
            Free(pointer);
            return fresh;
        }

        /// <inheritdoc/>
        public void Free(void* pointer)
        {
            if (pointer == null) return;
            nuint block = (nuint)pointer;
            int order = LiveOrder(block, "Free");
            if (order < 0) return;
            Region* region = RegionOf(block);
            region->Tags[(block - region->Base) >> MinOrder] = 0;
            nuint blockSize = (nuint)1 << order;
            _freeBytes += blockSize;
            _stats.Frees++;
            _stats.BytesInUse -= blockSize;

            // Merge with the buddy while it is a free block of the same order inside this region.
            while (order < MaxOrder)
            {
                nuint buddy = block ^ ((nuint)1 << order);
                if (buddy < region->Base || buddy >= region->End || region->End - buddy < ((nuint)1 << order)) break;
                nuint buddyUnit = (buddy - region->Base) >> MinOrder;
                if (region->Tags[buddyUnit] != (byte)(TagFree | order)) break;
                RemoveFree(region, buddy, order);
                if (buddy < block) block = buddy;
                order++;
            }
            PushFree(region, block, order);
        }

        /// <summary>The order of the live block at <paramref name="block"/>, or -1 after reporting a fault.</summary>
        private int LiveOrder(nuint block, string call)
        {
            Region* region = RegionOf(block);
            AllocatorFaultKind kind;
            if (region == null || (block & (MinBlockSize - 1)) != 0) kind = AllocatorFaultKind.ForeignPointer;
            else
            {
                byte tag = region->Tags[(block - region->Base) >> MinOrder];
                if ((tag & TagUsed) != 0) return tag & TagOrderMask;
                kind = (tag & TagFree) != 0 ? AllocatorFaultKind.DoubleFree : AllocatorFaultKind.NotAllocated;
            }
            _lastFault = new AllocatorFault(Library, call, kind, block);
            _faults++;
            AllocatorFaults.Raise(FaultHandler, _lastFault);
            return -1;
        }

        private Region* RegionOf(nuint address)
        {
            for (Region* r = _regions; r != null; r = r->Next)
                if (address >= r->Base && address < r->End) return r;
            return null;
        }

        private void PushFree(Region* region, nuint block, int order)
        {
            // Safe: block is a MinBlockSize-aligned block of 2^order bytes inside region's arena, owned by no one.
            FreeNode* node = (FreeNode*)block;
            FreeNode* head = (FreeNode*)_lists.Heads[order];
            node->Next = head;
            node->Prev = null;
            if (head != null) head->Prev = node;
            _lists.Heads[order] = (ulong)node;
            _nonEmpty |= 1UL << order;
            region->Tags[(block - region->Base) >> MinOrder] = (byte)(TagFree | order);
        }

        private nuint PopFree(int order)
        {
            // Safe: the caller checked the order-`order` list is non-empty; its nodes are free blocks we own.
            FreeNode* node = (FreeNode*)_lists.Heads[order];
            _lists.Heads[order] = (ulong)node->Next;
            if (node->Next != null) node->Next->Prev = null;
            else _nonEmpty &= ~(1UL << order);
            return (nuint)node;
        }

        private void RemoveFree(Region* region, nuint block, int order)
        {
            // Safe: the tag map says block is a free block of this order, so it is linked in that list.
            FreeNode* node = (FreeNode*)block;
            if (node->Prev != null) node->Prev->Next = node->Next;
            else _lists.Heads[order] = (ulong)node->Next;
            if (node->Next != null) node->Next->Prev = node->Prev;
            if (_lists.Heads[order] == 0) _nonEmpty &= ~(1UL << order);
            region->Tags[(block - region->Base) >> MinOrder] = 0;
        }

        private static nuint AlignUp(nuint value, nuint alignment) => (value + alignment - 1) & ~(alignment - 1);
    }
}
