using Compose.Platform;

namespace Compose.Libraries.UkAlloc
{
    /// <summary>An allocator that takes memory regions one at a time.</summary>
    public interface IRegionAllocator
    {
        /// <summary>Hands <paramref name="length"/> bytes at <paramref name="start"/> to the allocator; false when it cannot use them.</summary>
        bool AddRegion(nuint start, nuint length);
    }

    /// <summary>What every region-taking provider does in its early init.</summary>
    public static class PlatformRegions
    {
        /// <summary>
        /// Offers every region of the bound <see cref="IMemoryRegions"/> to <paramref name="allocator"/>.
        /// Returns 0 when at least one was taken, else -1 (which stops the boot: there is no heap).
        /// </summary>
        public static int AddAll(IRegionAllocator allocator)
        {
            IMemoryRegions? regions = UkApi<IMemoryRegions>.Instance;
            if (regions is null) return -1;
            bool any = false;
            for (int i = 0; i < regions.Count; i++)
                any |= allocator.AddRegion(regions[i].Start, regions[i].Length);
            return any ? 0 : -1;
        }
    }
}
