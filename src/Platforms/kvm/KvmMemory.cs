using Compose.Platform;

namespace Compose.Platforms.Kvm
{
    /// <summary>
    /// The memory regions for allocators: usable RAM from the loader's map (PVH memmap, multiboot mmap or
    /// CMOS), above the image, whose bss holds the early object arena (<c>kvm_free_floor</c>), below 4 GiB (what the boot
    /// page tables map), page-aligned. Computed from the boot code's copy on each call: no allocation.
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
            for (int i = 0; i < count; i++)
            {
                if (Clip(map, i, out _, out _)) n++;
            }
            return n;
        }

        internal static MemoryRegion Region(int index)
        {
            int count;
            ulong* map = Native.MemoryMap(&count);
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                if (!Clip(map, i, out ulong start, out ulong end)) continue;
                if (n++ == index) return new MemoryRegion((nuint)start, (nuint)(end - start));
            }
            return new MemoryRegion(0, 0);
        }

        // Entry i of the loader's map clipped to [free floor, 4 GiB) and to whole pages; false when empty.
        private static bool Clip(ulong* map, int i, out ulong start, out ulong end)
        {
            start = map[2 * i];
            end = start + map[2 * i + 1];
            ulong floor = Native.FreeFloor();
            if (start < floor) start = floor;
            if (end > MappedLimit) end = MappedLimit;
            start = (start + PageSize - 1) & ~(PageSize - 1);
            end &= ~(PageSize - 1);
            return end > start;
        }
    }
}
