using Compose.Libraries.UkAlloc;

namespace Compose.Libraries.UkAllocTlsf
{
    // Block surgery, the size-class mapping and the free lists. Every block handled here lies inside a region this
    // allocator owns: headers are only reached through the free lists, the physical neighbour links and the
    // block-start bitmap, all of which the allocator alone maintains.
    public sealed unsafe partial class TlsfAllocator
    {
        /// <summary>The payload size of the largest free block (0 when none).</summary>
        public nuint LargestFreeBlock
        {
            get
            {
                if (_firstLevel == 0) return 0;
                int fl = BitOps.HighestSetBit(_firstLevel);
                int sl = BitOps.HighestSetBit(_classes.SecondLevel[fl]);
                nuint largest = 0;
                for (Block* b = (Block*)_classes.Heads[fl * SecondLevelCount + sl]; b != null; b = b->NextFree)
                    if (Size(b) > largest) largest = Size(b);
                return largest - HeaderSize;
            }
        }

        private static nuint Size(Block* block) => block->SizeAndFlags & ~FreeFlag;

        private static bool IsFree(Block* block) => (block->SizeAndFlags & FreeFlag) != 0;

        private static Block* NextPhys(Block* block) => (Block*)((byte*)block + Size(block));

        /// <summary>Cuts <paramref name="block"/> (not in a free list) after <paramref name="size"/> bytes; returns the tail.</summary>
        private Block* Split(Block* block, nuint size)
        {
            Block* tail = (Block*)((byte*)block + size);
            tail->SizeAndFlags = Size(block) - size;
            tail->PrevPhys = block;
            NextPhys(tail)->PrevPhys = tail;
            block->SizeAndFlags = size;
            SetStart(RegionOf((nuint)block), (nuint)tail, true);
            return tail;
        }

        /// <summary>Merges <paramref name="next"/> (its physical successor, not in a free list) into <paramref name="block"/>.</summary>
        private void Absorb(Block* block, Block* next)
        {
            block->SizeAndFlags = Size(block) + Size(next);
            NextPhys(block)->PrevPhys = block;
            SetStart(RegionOf((nuint)next), (nuint)next, false);
        }

        private Region* RegionOf(nuint header)
        {
            for (Region* r = _regions; r != null; r = r->Next)
                if (header >= r->First && header <= r->Sentinel) return r;
            return null;
        }

        private static bool IsStart(Region* region, nuint header)
        {
            nuint bit = (header - region->First) / 16;
            return (region->Starts[bit / 64] & (1UL << (int)(bit % 64))) != 0;
        }

        private static void SetStart(Region* region, nuint header, bool value)
        {
            nuint bit = (header - region->First) / 16;
            if (value) region->Starts[bit / 64] |= 1UL << (int)(bit % 64);
            else region->Starts[bit / 64] &= ~(1UL << (int)(bit % 64));
        }

        /// <summary>The class (first, second level) a free block of <paramref name="size"/> bytes is filed under.</summary>
        private static void Mapping(nuint size, out int fl, out int sl)
        {
            if (size < ((nuint)1 << SmallBlockLog2))
            {
                fl = 0;
                sl = (int)(size >> 4);
                return;
            }
            int top = BitOps.HighestSetBit(size);
            sl = (int)(size >> (top - SecondLevelLog2)) ^ SecondLevelCount;
            fl = top - SmallBlockLog2 + 1;
        }

        /// <summary>A free block of at least <paramref name="size"/> bytes, taken from the first class whose blocks all fit.</summary>
        private Block* FindFree(nuint size)
        {
            if (size >= ((nuint)1 << SmallBlockLog2)) size += ((nuint)1 << (BitOps.HighestSetBit(size) - SecondLevelLog2)) - 1;
            Mapping(size, out int fl, out int sl);
            if (fl >= FirstLevelCount) return null;
            uint secondMap = _classes.SecondLevel[fl] & (~0u << sl);
            if (secondMap == 0)
            {
                ulong firstMap = fl + 1 < 64 ? _firstLevel & (~0UL << (fl + 1)) : 0;
                if (firstMap == 0) return null;
                fl = BitOps.LowestSetBit(firstMap);
                secondMap = _classes.SecondLevel[fl];
            }
            sl = BitOps.LowestSetBit(secondMap);
            return (Block*)_classes.Heads[fl * SecondLevelCount + sl];
        }

        private void InsertFree(Block* block)
        {
            nuint size = Size(block);
            Mapping(size, out int fl, out int sl);
            int index = fl * SecondLevelCount + sl;
            Block* head = (Block*)_classes.Heads[index];
            block->SizeAndFlags = size | FreeFlag;
            block->NextFree = head;
            block->PrevFree = null;
            if (head != null) head->PrevFree = block;
            _classes.Heads[index] = (ulong)block;
            _classes.SecondLevel[fl] |= 1u << sl;
            _firstLevel |= 1UL << fl;
            _freeBytes += size - HeaderSize;
        }

        private void RemoveFree(Block* block)
        {
            nuint size = Size(block);
            Mapping(size, out int fl, out int sl);
            int index = fl * SecondLevelCount + sl;
            if (block->PrevFree != null) block->PrevFree->NextFree = block->NextFree;
            else _classes.Heads[index] = (ulong)block->NextFree;
            if (block->NextFree != null) block->NextFree->PrevFree = block->PrevFree;
            if (_classes.Heads[index] == 0)
            {
                _classes.SecondLevel[fl] &= ~(1u << sl);
                if (_classes.SecondLevel[fl] == 0) _firstLevel &= ~(1UL << fl);
            }
            block->SizeAndFlags = size;
            _freeBytes -= size - HeaderSize;
        }
    }
}
