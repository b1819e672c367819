using Compose.Libraries.UkAlloc;
using Compose.Platform;

namespace Compose.Libraries.UkAllocTlsf
{
    /// <summary>
    /// Two-level segregated fit allocator (Masmano et al., as in Unikraft's ukalloctlsf): free blocks sit in
    /// size classes indexed by the position of the size's highest bit (first level) and the next
    /// <see cref="SecondLevelLog2"/> bits (second level); two bitmaps find a class with a large enough block in
    /// constant time, and freeing merges with both physical neighbours in constant time. A bitmap of block starts
    /// beside each region tells a live block from a double free or a pointer never handed out.
    /// </summary>
    [UkLibrary("ukalloctlsf", Description = "Two-level segregated fit allocator, O(1) malloc and free", License = "BSD-3-Clause")]
    [Provides(typeof(IAllocator))]
    [Requires(typeof(IMemoryRegions))]
    public sealed unsafe partial class TlsfAllocator : IAllocator, IRegionAllocator
    {
        /// <summary>log2 of the number of second-level classes per first-level class.</summary>
        public const int SecondLevelLog2 = 4;

        /// <summary>Header bytes before every payload (previous physical block, size and flags).</summary>
        public const int HeaderSize = 16;

        /// <summary>The smallest block, header included (a free block holds two list links in its payload).</summary>
        public const int MinBlockSize = 32;

        private const string Library = "ukalloctlsf";
        private const int SecondLevelCount = 1 << SecondLevelLog2;
        private const int SmallBlockLog2 = SecondLevelLog2 + 4;          // blocks below 256 bytes: first level 0
        private const int FirstLevelMaxLog2 = 40;                          // largest block 2^41 - 16 bytes
        private const int FirstLevelCount = FirstLevelMaxLog2 - SmallBlockLog2 + 2;
        private const nuint FreeFlag = 1;

        /// <summary>A block header; <c>NextFree</c>/<c>PrevFree</c> are valid only while the block is free.</summary>
        private struct Block
        {
            public Block* PrevPhys;
            public nuint SizeAndFlags;   // whole block size (multiple of 16) | FreeFlag
            public Block* NextFree;
            public Block* PrevFree;
        }

        /// <summary>Head of a region, at its start.</summary>
        private struct Region
        {
            public Region* Next;
            public nuint First;      // first block's header
            public nuint Sentinel;   // the zero-size used block that ends the region
            public ulong* Starts;    // bit i set when a block header sits at First + 16 * i
        }

        private struct Classes
        {
            public fixed ulong Heads[FirstLevelCount * SecondLevelCount];
            public fixed uint SecondLevel[FirstLevelCount];
        }

        private Classes _classes;
        private ulong _firstLevel;
        private Region* _regions;
        private nuint _freeBytes;
        private AllocatorStatistics _stats;
        private AllocatorFault _lastFault;
        private ulong _faults;

        /// <summary>Adds every platform memory region.</summary>
        [UkInit(UkInitClass.Early, Priority = 5)]
        public static int Init() => UkApi<IAllocator>.Instance is TlsfAllocator self ? PlatformRegions.AddAll(self) : 0;

        /// <summary>
        /// Hands the <paramref name="length"/> bytes at <paramref name="start"/> to the allocator (at most 1 TiB of it
        /// is used). The region's head and block-start bitmap (1/128 of it) are carved from its start. Returns false,
        /// adding nothing, when the region is too small to hold one block or overlaps a region added before.
        /// </summary>
        public bool AddRegion(nuint start, nuint length)
        {
            if (length > ((nuint)1 << FirstLevelMaxLog2)) length = (nuint)1 << FirstLevelMaxLog2;
            nuint end = (start + length) & ~(nuint)15;
            if (end < start) return false;
            for (Region* r = _regions; r != null; r = r->Next)
                if (start < r->Sentinel + HeaderSize && (nuint)r < end) return false;   // overlaps memory already handed over
            nuint head = AlignUp(start, 16);
            nuint bits = head + (nuint)sizeof(Region);
            if (bits >= end) return false;
            nuint granules = (end - bits) / 16;
            nuint bitmapBytes = (granules + 63) / 64 * 8;
            nuint first = AlignUp(bits + bitmapBytes, 16);
            if (first >= end || end - first < MinBlockSize + HeaderSize) return false;

            // Safe: head..end lies inside the region the caller handed over.
            Region* region = (Region*)head;
            region->Starts = (ulong*)bits;
            for (nuint i = 0; i < bitmapBytes / 8; i++) region->Starts[i] = 0;
            region->First = first;
            region->Sentinel = end - HeaderSize;
            region->Next = _regions;
            _regions = region;

            Block* block = (Block*)first;
            Block* sentinel = (Block*)region->Sentinel;
            block->PrevPhys = null;
            block->SizeAndFlags = region->Sentinel - first;
            sentinel->PrevPhys = block;
            sentinel->SizeAndFlags = 0;
            SetStart(region, first, true);
            SetStart(region, region->Sentinel, true);
            InsertFree(block);
            return true;
        }

        /// <summary>Receives faults instead of the default panic; see <see cref="AllocatorFaults"/>.</summary>
        public IAllocatorFaultHandler? FaultHandler { get; set; }

        /// <summary>The last fault detected (kind <see cref="AllocatorFaultKind.None"/> when none).</summary>
        public AllocatorFault LastFault => _lastFault;

        /// <summary>How many faults were detected.</summary>
        public ulong FaultCount => _faults;

        /// <summary>Payload bytes of all free blocks.</summary>
        public nuint AvailableMemory => _freeBytes;

        /// <summary>Counters; <c>BytesInUse</c> counts payload capacities (sizes rounded up to 16).</summary>
        public AllocatorStatistics Statistics => _stats;

        /// <inheritdoc/>
        public void* Malloc(nuint size) => Memalign(16, size);

        /// <inheritdoc/>
        public void* Calloc(nuint count, nuint size)
        {
            if (size != 0 && count > nuint.MaxValue / size) { _stats.Failures++; return null; }
            nuint total = count * size;
            byte* p = (byte*)Malloc(total);
            // Safe: p points at a payload of at least total bytes this allocator just handed out.
            if (p != null) for (nuint i = 0; i < total; i++) p[i] = 0;
            return p;
        }

        /// <inheritdoc/>
        public void* Memalign(nuint alignment, nuint size)
        {
            if (alignment == 0 || (alignment & (alignment - 1)) != 0 || size == 0 || size > ((nuint)1 << FirstLevelMaxLog2)
                || alignment > ((nuint)1 << FirstLevelMaxLog2))
            {
                _stats.Failures++;
                return null;
            }
            nuint blockSize = BlockSizeFor(size);
            // Above 16, ask for enough to cut a free block of at least MinBlockSize off the front.
            nuint search = alignment <= 16 ? blockSize : blockSize + alignment + MinBlockSize;
            Block* block = FindFree(search);
            if (block == null) { _stats.Failures++; return null; }
            RemoveFree(block);

            if (alignment > 16)
            {
                nuint payload = (nuint)block + HeaderSize;
                nuint aligned = AlignUp(payload, alignment);
                if (aligned != payload && aligned - payload < MinBlockSize) aligned = AlignUp(payload + MinBlockSize, alignment);
                nuint gap = aligned - payload;
                if (gap != 0)
                {
                    // The front part stays free; its previous neighbour is used (free blocks are always merged).
                    Block* front = block;
                    block = Split(front, gap);
                    InsertFree(front);
                }
            }
            if (Size(block) - blockSize >= MinBlockSize) InsertFree(Split(block, blockSize));
            block->SizeAndFlags = Size(block);
            Account(Size(block) - HeaderSize, true);
            return (byte*)block + HeaderSize;
        }

        /// <inheritdoc/>
        public void* Realloc(void* pointer, nuint size)
        {
            if (pointer == null) return Malloc(size);
            Block* block = LiveBlock((nuint)pointer, "Realloc");
            if (block == null) return null;
            if (size == 0) { Free(pointer); return null; }
            if (size > ((nuint)1 << FirstLevelMaxLog2)) { _stats.Failures++; return null; }
            nuint wanted = BlockSizeFor(size);
            nuint current = Size(block);
            if (wanted <= current) return pointer;

            Block* next = NextPhys(block);
            if (IsFree(next) && current + Size(next) >= wanted)
            {
                // Grow in place into the free neighbour, giving back what is left over.
                RemoveFree(next);
                Absorb(block, next);
                if (Size(block) - wanted >= MinBlockSize) InsertFree(Split(block, wanted));
                _stats.BytesInUse += Size(block) - current;
                if (_stats.BytesInUse > _stats.PeakBytesInUse) _stats.PeakBytesInUse = _stats.BytesInUse;
                return pointer;
            }
            byte* fresh = (byte*)Malloc(size);
            if (fresh == null) return null;
            // Safe: the old payload is live and current - HeaderSize bytes long; the new one is larger.
            for (nuint i = 0; i < current - HeaderSize; i++) fresh[i] = ((byte*)pointer)[i];
            Free(pointer);
            return fresh;
        }

        /// <inheritdoc/>
        public void Free(void* pointer)
        {
            if (pointer == null) return;
            Block* block = LiveBlock((nuint)pointer, "Free");
            if (block == null) return;
            Account(Size(block) - HeaderSize, false);
            Block* next = NextPhys(block);
            if (IsFree(next))
            {
                RemoveFree(next);
                Absorb(block, next);
            }
            Block* prev = block->PrevPhys;
            if (prev != null && IsFree(prev))
            {
                RemoveFree(prev);
                Absorb(prev, block);
                block = prev;
            }
            InsertFree(block);
        }

        private void Account(nuint payload, bool allocated)
        {
            if (allocated)
            {
                _stats.Allocations++;
                _stats.BytesInUse += payload;
                if (_stats.BytesInUse > _stats.PeakBytesInUse) _stats.PeakBytesInUse = _stats.BytesInUse;
            }
            else
            {
                _stats.Frees++;
                _stats.BytesInUse -= payload;
            }
        }

        /// <summary>The live block whose payload is <paramref name="payload"/>, or null after reporting a fault.</summary>
        private Block* LiveBlock(nuint payload, string call)
        {
            nuint header = payload - HeaderSize;
            Region* region = null;
            for (Region* r = _regions; r != null; r = r->Next)
                if (header >= r->First && header < r->Sentinel && payload > header) { region = r; break; }
            AllocatorFaultKind kind;
            if (region == null || (payload & 15) != 0) kind = AllocatorFaultKind.ForeignPointer;
            else if (!IsStart(region, header)) kind = AllocatorFaultKind.NotAllocated;
            else if (IsFree((Block*)header)) kind = AllocatorFaultKind.DoubleFree;
            else return (Block*)header;
            _lastFault = new AllocatorFault(Library, call, kind, payload);
            _faults++;
            AllocatorFaults.Raise(FaultHandler, _lastFault);
            return null;
        }

        private static nuint BlockSizeFor(nuint size)
        {
            nuint block = AlignUp(size + HeaderSize, 16);
            return block < MinBlockSize ? MinBlockSize : block;
        }

        private static nuint AlignUp(nuint value, nuint alignment) => (value + alignment - 1) & ~(alignment - 1);
    }
}
