using System;
using System.Collections.Generic;
using CsCheck;
using Compose.Libraries.UkAlloc;
using Xunit;

namespace Compose.Allocators.Tests
{
    /// <summary>
    /// Random malloc/memalign/calloc/realloc/free sequences against every provider, checked against a model of the
    /// live blocks: no overlap, alignment honoured, contents never disturbed by other calls, zeroed calloc memory,
    /// realloc keeps contents, and (buddy, TLSF) all memory comes back once everything is freed.
    /// </summary>
    public sealed unsafe class AllocatorPropertyTests
    {
        public readonly record struct Op(int Kind, int Size, int AlignLog2, int Pick);

        public readonly record struct Scenario(int Offset, Op[] Ops);

        private static readonly Gen<Op> GenOp = Gen.Select(
            Gen.Int[0, 99],
            Gen.OneOf(Gen.Int[1, 64], Gen.Int[1, 2048], Gen.Int[1, 40000]),
            Gen.Int[4, 12],
            Gen.Int[0, int.MaxValue],
            (kind, size, align, pick) => new Op(kind, size, align, pick));

        private static readonly Gen<Scenario> GenScenario = Gen.Select(
            Gen.OneOf(Gen.Const(0), Gen.Int[0, 4095]),
            GenOp.Array[1, 300],
            (offset, ops) => new Scenario(offset, ops));

        private const nuint HeapSize = 512 * 1024;

        private struct Live
        {
            public nuint Address;
            public nuint Size;
            public byte Fill;
        }

        [Theory]
        [InlineData(Provider.Region)]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void RandomSequencesKeepBlocksDisjointAlignedAndIntact(Provider provider)
        {
            GenScenario.Sample(scenario => Run(provider, scenario), iter: 150, threads: 1,
                print: s => "offset " + s.Offset + ", " + s.Ops.Length + " ops: " + string.Join(" ", Array.ConvertAll(s.Ops, o => o.ToString())));
        }

        private static void Run(Provider provider, Scenario scenario)
        {
            using var heap = new TestHeap(provider, HeapSize, (nuint)scenario.Offset);
            IAllocator a = heap.Allocator;
            nuint initialAvailable = a.AvailableMemory;
            nuint initialLargest = heap.LargestFreeBlock;
            var live = new List<Live>();
            byte nextFill = 1;

            foreach (Op op in scenario.Ops)
            {
                ulong failuresBefore = a.Statistics.Failures;
                nuint size = (nuint)op.Size;
                if (op.Kind < 50 || (op.Kind >= 70 && op.Kind < 80 && live.Count == 0))
                {
                    Add(heap, live, a.Malloc(size), size, 16, false, ref nextFill, failuresBefore);
                }
                else if (op.Kind < 60)
                {
                    nuint alignment = (nuint)1 << op.AlignLog2;
                    Add(heap, live, a.Memalign(alignment, size), size, alignment, false, ref nextFill, failuresBefore);
                }
                else if (op.Kind < 70)
                {
                    nuint count = (nuint)(op.Pick % 8 + 1);
                    Add(heap, live, a.Calloc(count, size / count + 1), count * (size / count + 1), 16, true, ref nextFill, failuresBefore);
                }
                else if (op.Kind < 80)
                {
                    int index = op.Pick % live.Count;
                    Live old = live[index];
                    CheckIntact(old);
                    byte* moved = (byte*)a.Realloc((void*)old.Address, size);
                    if (moved == null)
                    {
                        Assert.Equal(failuresBefore + 1, a.Statistics.Failures);
                        CheckIntact(old);   // a failed realloc keeps the old block
                        continue;
                    }
                    live.RemoveAt(index);
                    nuint kept = old.Size < size ? old.Size : size;
                    for (nuint i = 0; i < kept; i++) Assert.Equal(old.Fill, moved[i]);
                    CheckPlacement(heap, live, moved, size, 16);
                    for (nuint i = kept; i < size; i++) moved[i] = old.Fill;
                    live.Add(new Live { Address = (nuint)moved, Size = size, Fill = old.Fill });
                }
                else if (live.Count > 0)
                {
                    int index = op.Pick % live.Count;
                    CheckIntact(live[index]);
                    a.Free((void*)live[index].Address);
                    live.RemoveAt(index);
                }
            }

            foreach (Live block in live)
            {
                CheckIntact(block);
                a.Free((void*)block.Address);
            }
            AllocatorStatistics stats = a.Statistics;
            Assert.Equal(0UL, stats.BytesInUse);
            Assert.Equal(stats.Allocations, stats.Frees);
            if (heap.Reuses)
            {
                Assert.Equal(initialAvailable, a.AvailableMemory);
                Assert.Equal(initialLargest, heap.LargestFreeBlock);
            }
        }

        private static void Add(TestHeap heap, List<Live> live, void* p, nuint size, nuint alignment, bool zeroed,
            ref byte nextFill, ulong failuresBefore)
        {
            IAllocator a = heap.Allocator;
            if (p == null)
            {
                // Out of memory: reported as a failure, and nothing else changed (checked by CheckIntact later).
                Assert.Equal(failuresBefore + 1, a.Statistics.Failures);
                Assert.True(size > heap.LargestFreeBlock / 2 || !heap.Reuses || alignment > 16,
                    "request of " + size + " failed with " + heap.LargestFreeBlock + " in the largest free block");
                return;
            }
            byte* bytes = (byte*)p;
            CheckPlacement(heap, live, bytes, size, alignment);
            if (zeroed) for (nuint i = 0; i < size; i++) Assert.Equal(0, bytes[i]);
            byte fill = nextFill;
            nextFill = (byte)(nextFill == 255 ? 1 : nextFill + 1);
            for (nuint i = 0; i < size; i++) bytes[i] = fill;
            live.Add(new Live { Address = (nuint)p, Size = size, Fill = fill });
        }

        private static void CheckPlacement(TestHeap heap, List<Live> live, byte* p, nuint size, nuint alignment)
        {
            Assert.True(heap.Contains(p, size), "block outside the heap");
            Assert.True(((nuint)p & (alignment - 1)) == 0, "block 0x" + ((nuint)p).ToString("x") + " not aligned to " + alignment);
            nuint start = (nuint)p, end = start + size;
            foreach (Live other in live)
                Assert.False(start < other.Address + other.Size && other.Address < end,
                    "block [0x" + start.ToString("x") + ", +" + size + ") overlaps live [0x" + other.Address.ToString("x") + ", +" + other.Size + ")");
        }

        private static void CheckIntact(Live block)
        {
            byte* p = (byte*)block.Address;
            for (nuint i = 0; i < block.Size; i++)
                if (p[i] != block.Fill)
                    Assert.Fail("block 0x" + block.Address.ToString("x") + " byte " + i + " is " + p[i] + ", expected " + block.Fill);
        }
    }
}
