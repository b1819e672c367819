using Compose.Platform;

namespace Compose.Platforms.Kvm
{
    /// <summary>
    /// The first boot module (QEMU <c>-initrd</c>) as the boot code recorded it (boot/bootinfo.S: PVH
    /// <c>hvm_start_info</c> modlist, multiboot <c>mods_addr</c>). The loader put it in RAM the memory map reports as
    /// usable (QEMU's multiboot right after the image, PVH near the top of RAM below 4 GiB), so
    /// <see cref="KvmMemory"/> cuts its pages out of the regions the allocators get. Usable only below 4 GiB, which the
    /// boot page tables map; a module beyond that is treated as absent.
    /// </summary>
    internal static unsafe class KvmInitrd
    {
        private const ulong MappedLimit = 0x1_0000_0000UL;

        /// <summary>The module's bytes, or (0, 0) when there is none (or it lies beyond the mapped 4 GiB).</summary>
        internal static MemoryRegion Region()
        {
            Range(out ulong start, out ulong end);
            return new MemoryRegion((nuint)start, (nuint)(end - start));
        }

        /// <summary>Number of modules the loader passed (only the first is used).</summary>
        internal static int ModuleCount()
        {
            ulong size;
            int count;
            Native.InitrdGet(&size, &count);
            return count;
        }

        /// <summary>[start, end) of the module's bytes; start == end when there is none.</summary>
        internal static void Range(out ulong start, out ulong end)
        {
            ulong size;
            int count;
            start = Native.InitrdGet(&size, &count);
            end = start + size;
            if (size == 0 || start == 0 || end < start || end > MappedLimit) { start = 0; end = 0; }
        }
    }
}
