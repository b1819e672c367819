using System;
using System.Collections.Generic;
using Compose.Libraries.UkAlloc;
using Xunit;

namespace Compose.Allocators.Tests
{
    /// <summary>Example-based checks of each provider: exhaustion, calloc, realloc, statistics, bad arguments.</summary>
    public sealed unsafe class AllocatorTests
    {
        [Theory]
        [InlineData(Provider.Region)]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void ExhaustionReturnsNullCountsFailureAndLeavesBlocksIntact(Provider provider)
        {
            using var heap = new TestHeap(provider, 64 * 1024);
            IAllocator a = heap.Allocator;
            nuint initial = a.AvailableMemory;
            var blocks = new List<nuint>();
            byte* p;
            while ((p = (byte*)a.Malloc(200)) != null)
            {
                for (int i = 0; i < 200; i++) p[i] = (byte)blocks.Count;
                blocks.Add((nuint)p);
                Assert.True(blocks.Count < 64 * 1024 / 200, "more 200-byte blocks than fit in 64 KiB");
            }
            Assert.True(blocks.Count > 64 * 1024 / 200 / 4, "only " + blocks.Count + " blocks of 200 bytes in 64 KiB");
            Assert.Equal(1UL, a.Statistics.Failures);
            Assert.True(a.Malloc(1 << 20) == null);
            Assert.True(a.Memalign(4096, 1 << 20) == null);
            Assert.True(a.Calloc(nuint.MaxValue / 2, 4) == null, "calloc count*size overflow must fail");
            Assert.Equal(4UL, a.Statistics.Failures);
            for (int b = 0; b < blocks.Count; b++)
                for (int i = 0; i < 200; i++) Assert.Equal((byte)b, ((byte*)blocks[b])[i]);
            foreach (nuint block in blocks) a.Free((void*)block);
            Assert.Equal(0UL, a.Statistics.BytesInUse);
            if (heap.Reuses)
            {
                Assert.Equal(initial, a.AvailableMemory);
                // Everything merged back: the same number of blocks fits again.
                int again = 0;
                while (a.Malloc(200) != null) again++;
                Assert.Equal(blocks.Count, again);
            }
        }

        [Theory]
        [InlineData(Provider.Region)]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void CallocZeroesReusedMemory(Provider provider)
        {
            using var heap = new TestHeap(provider, 64 * 1024);
            IAllocator a = heap.Allocator;
            byte* dirty = (byte*)a.Malloc(1000);
            new Span<byte>(dirty, 1000).Fill(0xEE);
            a.Free(dirty);
            byte* clean = (byte*)a.Calloc(10, 100);
            Assert.True(clean != null);
            if (heap.Reuses) Assert.True(clean == dirty, "expected the freed block to be reused");
            for (int i = 0; i < 1000; i++) Assert.Equal(0, clean[i]);
        }

        [Theory]
        [InlineData(Provider.Region)]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void ReallocGrowsAndShrinksKeepingContents(Provider provider)
        {
            using var heap = new TestHeap(provider, 256 * 1024);
            IAllocator a = heap.Allocator;
            byte* p = (byte*)a.Malloc(100);
            for (int i = 0; i < 100; i++) p[i] = (byte)(i * 7);
            byte* blocker = (byte*)a.Malloc(16);   // so growing cannot always happen in place
            p = (byte*)a.Realloc(p, 5000);
            Assert.True(p != null);
            for (int i = 0; i < 100; i++) Assert.Equal((byte)(i * 7), p[i]);
            for (int i = 100; i < 5000; i++) p[i] = (byte)(i * 7);
            p = (byte*)a.Realloc(p, 3000);
            for (int i = 0; i < 3000; i++) Assert.Equal((byte)(i * 7), p[i]);
            Assert.True(a.Realloc(p, 0) == null);
            a.Free(blocker);
            Assert.Equal(0UL, a.Statistics.BytesInUse);
            byte* fresh = (byte*)a.Realloc(null, 64);
            Assert.True(fresh != null, "realloc(null) allocates");
        }

        [Theory]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void ReallocOutOfMemoryKeepsTheOldBlock(Provider provider)
        {
            using var heap = new TestHeap(provider, 64 * 1024);
            IAllocator a = heap.Allocator;
            byte* p = (byte*)a.Malloc(300);
            for (int i = 0; i < 300; i++) p[i] = 0x5A;
            Assert.True(a.Realloc(p, 1 << 20) == null);
            for (int i = 0; i < 300; i++) Assert.Equal(0x5A, p[i]);
            a.Free(p);
            Assert.Equal(0UL, a.Statistics.BytesInUse);
        }

        [Theory]
        [InlineData(Provider.Region)]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void StatisticsCountAllocationsFreesAndPeak(Provider provider)
        {
            using var heap = new TestHeap(provider, 64 * 1024);
            IAllocator a = heap.Allocator;
            void* x = a.Malloc(100);
            void* y = a.Malloc(1000);
            ulong peak = a.Statistics.BytesInUse;
            Assert.True(peak >= 1100);
            a.Free(x);
            a.Free(y);
            a.Free(null);
            AllocatorStatistics s = a.Statistics;
            Assert.Equal(2UL, s.Allocations);
            Assert.Equal(2UL, s.Frees);
            Assert.Equal(0UL, s.BytesInUse);
            Assert.Equal(peak, s.PeakBytesInUse);
            Assert.Equal(0UL, s.Failures);
        }

        [Theory]
        [InlineData(Provider.Region)]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void BadArgumentsFail(Provider provider)
        {
            using var heap = new TestHeap(provider, 64 * 1024);
            IAllocator a = heap.Allocator;
            Assert.True(a.Malloc(0) == null);
            Assert.True(a.Memalign(24, 10) == null, "alignment 24 is not a power of two");
            Assert.True(a.Memalign(0, 10) == null);
            Assert.Equal(3UL, a.Statistics.Failures);
        }

        [Theory]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void MultipleRegionsAreAllUsed(Provider provider)
        {
            using var first = new TestHeap(provider, 64 * 1024);
            using var second = new RawRegion(64 * 1024);
            IAllocator a = first.Allocator;
            nuint before = a.AvailableMemory;
            Assert.True(first.AddRegion(second.Start, second.Size));
            nuint afterAdd = a.AvailableMemory;
            Assert.True(afterAdd > before + 32 * 1024);
            int inFirst = 0, inSecond = 0;
            var blocks = new List<nuint>();
            void* p;
            while ((p = a.Malloc(1000)) != null)
            {
                blocks.Add((nuint)p);
                if (first.Contains(p, 1000)) inFirst++;
                else if ((nuint)p >= second.Start && (nuint)p + 1000 <= second.Start + second.Size) inSecond++;
                else Assert.Fail("block outside both regions");
            }
            Assert.True(inFirst > 10 && inSecond > 10, inFirst + " blocks in the first region, " + inSecond + " in the second");
            foreach (nuint block in blocks) a.Free((void*)block);
            Assert.Equal(afterAdd, a.AvailableMemory);
            Assert.Equal(0UL, a.Statistics.BytesInUse);
        }

        [Theory]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void TooSmallOrOverlappingRegionIsRefused(Provider provider)
        {
            using var heap = new TestHeap(provider, 64 * 1024);
            using var tiny = new RawRegion(64);
            nuint before = heap.Allocator.AvailableMemory;
            Assert.False(heap.AddRegion(tiny.Start, 40));
            Assert.Equal(before, heap.Allocator.AvailableMemory);
            // The same memory twice, or a region reaching into one already added, would corrupt both.
            Assert.False(heap.AddRegion((nuint)heap.Memory, heap.Size));
            Assert.False(heap.AddRegion((nuint)heap.Memory - 4096, 8192));
            Assert.False(heap.AddRegion((nuint)heap.Memory + heap.Size - 64, 4096));
            Assert.Equal(before, heap.Allocator.AvailableMemory);
        }
    }
}
