using Compose.Platform;

namespace Compose.Platforms.Kvm
{
    /// <summary>
    /// The memory regions for allocators: usable RAM from the loader's map (PVH memmap, multiboot mmap or
    /// CMOS), above the image, whose bss holds the early object arena (<c>kvm_free_floor</c>), below 4 GiB (what the boot
    /// page tables map), page-aligned, without the pages of the initrd module (<see cref="KvmInitrd"/>), which splits
    /// the entry holding it in two. Computed from the boot code's copy on each call: no allocation.
    /// </summary>
    internal static unsafe class KvmMemory
    {
        private const ulong PageSize = 4096;
        private const ulong MappedLimit = 0x1_0000_0000UL;

        internal static int RegionCount()
        {
            int n = 0;
            int count;
            ulong* map = Native.MemoryMap(&count);
            for (int i = 0; i < 2 * count; i++)
            {
                if (Piece(map, i, out _, out _)) n++;
            }
            return n;
        }

        internal static MemoryRegion Region(int index)
        {
            int count;
            ulong* map = Native.MemoryMap(&count);
            int n = 0;
            for (int i = 0; i < 2 * count; i++)
            {
                if (!Piece(map, i, out ulong start, out ulong end)) continue;
                if (n++ == index) return new MemoryRegion((nuint)start, (nuint)(end - start));
            }
            return new MemoryRegion(0, 0);
        }

        // Piece i of the map: entry i / 2 clipped to [free floor, 4 GiB) and to whole pages, then the part below
        // (i even) or above (i odd) the initrd's pages; an entry the initrd does not touch is all in its even piece.
        // False when the piece is empty.
        private static bool Piece(ulong* map, int i, out ulong start, out ulong end)
        {
            int entry = i >> 1;
            start = map[2 * entry];
            end = start + map[2 * entry + 1];
            ulong floor = Native.FreeFloor();
            if (start < floor) start = floor;
            if (end > MappedLimit) end = MappedLimit;
            start = (start + PageSize - 1) & ~(PageSize - 1);
            end &= ~(PageSize - 1);
            if (end <= start) return false;

            KvmInitrd.Range(out ulong reservedStart, out ulong reservedEnd);
            reservedStart &= ~(PageSize - 1);
            reservedEnd = (reservedEnd + PageSize - 1) & ~(PageSize - 1);
            bool overlaps = reservedEnd > reservedStart && reservedStart < end && reservedEnd > start;
            if (!overlaps) return (i & 1) == 0;
            if ((i & 1) == 0) end = reservedStart;
            else start = reservedEnd;
            return end > start;
        }
    }
}
