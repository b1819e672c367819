namespace Compose.Platform
{
    /// <summary>
    /// The initial RAM disk the boot loader placed in memory (kvm: the first module of QEMU's <c>-initrd</c>, from
    /// PVH <c>hvm_start_info</c> or multiboot <c>mods_addr</c>). The platform keeps its memory out of
    /// <see cref="IMemoryRegions"/>, so no allocator hands it out. Optional: platforms that read the initrd from a
    /// file (hosted, linuxu) do not provide it.
    /// </summary>
    [UkApi]
    public interface IInitrd
    {
        /// <summary>
        /// Where the archive is: its first byte and its length in bytes (identity-mapped, readable for the life of
        /// the image); <c>Length</c> 0 when the loader gave no initrd.
        /// </summary>
        MemoryRegion Region { get; }
    }
}
