namespace Compose.Libraries.UkAlloc
{
    /// <summary>Counters an allocator keeps (Unikraft's <c>struct uk_alloc_stats</c>).</summary>
    public struct AllocatorStatistics
    {
        /// <summary>Successful allocations.</summary>
        public ulong Allocations;

        /// <summary>Frees of live blocks.</summary>
        public ulong Frees;

        /// <summary>Requests that could not be served.</summary>
        public ulong Failures;

        /// <summary>Bytes handed out and not yet freed (payload sizes as requested).</summary>
        public ulong BytesInUse;

        /// <summary>The largest <see cref="BytesInUse"/> seen.</summary>
        public ulong PeakBytesInUse;
    }

    /// <summary>
    /// The allocator API (Unikraft's <c>struct uk_alloc</c>). Providers take the platform's memory regions at
    /// boot; object allocation in images goes through the bound provider.
    /// </summary>
    [UkApi(DefaultProvider = "ukallocregion")]
    public unsafe interface IAllocator
    {
        /// <summary>Allocates <paramref name="size"/> bytes aligned to at least 16; null when out of memory.</summary>
        void* Malloc(nuint size);

        /// <summary>Allocates zeroed memory for <paramref name="count"/> elements of <paramref name="size"/> bytes.</summary>
        void* Calloc(nuint count, nuint size);

        /// <summary>Allocates <paramref name="size"/> bytes aligned to <paramref name="alignment"/> (a power of two).</summary>
        void* Memalign(nuint alignment, nuint size);

        /// <summary>Resizes a block, keeping its contents up to the smaller size; null (old block kept) on failure.</summary>
        void* Realloc(void* pointer, nuint size);

        /// <summary>Frees a block this allocator handed out; null is ignored.</summary>
        void Free(void* pointer);

        /// <summary>Bytes still available for allocation (an upper bound where fragmentation applies).</summary>
        nuint AvailableMemory { get; }

        /// <summary>The allocator's counters.</summary>
        AllocatorStatistics Statistics { get; }
    }
}
