using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Compose.Libraries.UkAllocTlsf;
using Compose.Libraries.UkGcMarkSweep;
using CsCheck;

namespace Compose.Gc.Tests
{
    /// <summary>The engine over synthetic objects in a TLSF heap: marking from precise and conservative roots, sweeping.</summary>
    public sealed unsafe class MarkSweepHeapTests
    {
        private sealed class World : IDisposable
        {
            public readonly SyntheticTypes Types = new();
            public readonly TlsfAllocator Allocator = new();
            public readonly byte* Memory;
            public readonly MarkSweepHeap Heap;
            public readonly byte* Node;       // { MT, ref A, ref B, long data }
            public readonly byte* RefArray;
            public readonly byte* Ints;

            public World(int markStack, nuint size = 1 << 20)
            {
                Memory = (byte*)NativeMemory.AlignedAlloc(size, 4096);
                Assert.True(Allocator.AddRegion((nuint)Memory, size));
                Heap = MarkSweepHeap.Create(Allocator, (nuint)Memory, (nuint)Memory + size, markStack)!;
                Assert.NotNull(Heap);
                Node = Types.Class(40, 8, 16);
                RefArray = Types.ReferenceArray();
                Ints = Types.PrimitiveArray(4);
            }

            public nuint New(byte* mt, int length = -1)
            {
                nuint size = length < 0 ? *(uint*)(mt + 4) : (nuint)(24 + length * (*(uint*)mt & 0xFFFF));
                size = (((size + 7) & ~(nuint)7) + 15) & ~(nuint)15;
                void* p = Heap.Allocate(size, out bool outOfRange);
                Assert.False(outOfRange);
                Assert.True(p != null, "heap exhausted");
                *(byte**)p = mt;
                if (length >= 0) *(int*)((byte*)p + 8) = length;
                return (nuint)p;
            }

            public void Dispose()
            {
                Types.Dispose();
                NativeMemory.AlignedFree(Memory);
            }
        }

        /// <summary>A random object graph: kinds, edges, roots (precise or interior), junk conservative words.</summary>
        private sealed record Graph(int[] Kinds, int[][] Edges, int[] PreciseRoots, (int Obj, int Offset)[] InteriorRoots, int[] Junk);

        private static readonly Gen<Graph> Graphs =
            from n in Gen.Int[1, 120]
            from kinds in Gen.Int[0, 2].Array[n]
            from edges in Gen.Int[0, n - 1].Array[0, 5].Array[n]
            from precise in Gen.Int[0, n - 1].Array[0, 4]
            from interior in Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, 1000]).Array[0, 4]
            from junk in Gen.Int[0, n - 1].Array[0, 6]
            select new Graph(kinds, edges, precise, interior, junk);

        private static void Check(Graph g, int markStack)
        {
            using var w = new World(markStack);
            int n = g.Kinds.Length;
            var objs = new nuint[n];
            for (int i = 0; i < n; i++)
                objs[i] = g.Kinds[i] switch { 0 => w.New(w.Node), 1 => w.New(w.RefArray, g.Edges[i].Length), _ => w.New(w.Ints, 3 + i % 5) };
            // Wire the edges: nodes keep up to two, reference arrays all; int arrays none.
            var outgoing = new List<int>[n];
            for (int i = 0; i < n; i++)
            {
                outgoing[i] = new List<int>();
                int[] e = g.Edges[i];
                if (g.Kinds[i] == 0)
                    for (int k = 0; k < e.Length && k < 2; k++) { *(nuint*)(objs[i] + 8 + (nuint)(8 * k)) = objs[e[k]]; outgoing[i].Add(e[k]); }
                else if (g.Kinds[i] == 1)
                    for (int k = 0; k < e.Length; k++) { *(nuint*)(objs[i] + 16 + (nuint)(8 * k)) = objs[e[k]]; outgoing[i].Add(e[k]); }
            }
            // Model: reachability from the roots.
            var live = new bool[n];
            var work = new Stack<int>();
            foreach (int r in g.PreciseRoots) work.Push(r);
            foreach (var (o, _) in g.InteriorRoots) work.Push(o);
            while (work.Count > 0)
            {
                int i = work.Pop();
                if (live[i]) continue;
                live[i] = true;
                foreach (int j in outgoing[i]) work.Push(j);
            }
            // Roots: precise references, and a fake stack with interior pointers and junk (TLSF headers before objects).
            foreach (int r in g.PreciseRoots) w.Heap.MarkReference(objs[r]);
            nuint* stack = stackalloc nuint[16];
            int words = 0;
            foreach (var (o, off) in g.InteriorRoots) stack[words++] = objs[o] + (nuint)off % GcLayout.AllocatedSize(objs[o]);
            foreach (int j in g.Junk) stack[words++] = objs[j] - 8;
            w.Heap.ScanConservative((nuint)stack, (nuint)(stack + words));
            w.Heap.Drain();
            ulong expectedFreed = 0, expectedObjects = 0, expectedLarge = 0, expectedListed = 0;
            for (int i = 0; i < n; i++)
            {
                if (live[i]) continue;
                nuint size = GcLayout.AllocatedSize(objs[i]);
                expectedFreed += size;
                expectedObjects++;
                if (size > MarkSweepHeap.SmallLimit) expectedLarge++; else expectedListed += size;
            }
            ulong before = w.Allocator.Statistics.Frees;
            SweepResult result = w.Heap.Sweep();
            Assert.Equal(expectedObjects, result.ObjectsFreed);
            Assert.Equal(expectedFreed, result.BytesFreed);
            // Large objects go back to the allocator, small ones to their size-class lists.
            Assert.Equal(expectedLarge, w.Allocator.Statistics.Frees - before);
            Assert.Equal(expectedListed, w.Heap.BytesInFreeLists);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(live[i], w.Heap.IsObjectStart(objs[i]));
                if (!live[i]) continue;
                // Survivors are untouched: type and references as written.
                Assert.Equal((nuint)(g.Kinds[i] switch { 0 => w.Node, 1 => w.RefArray, _ => w.Ints }), *(nuint*)objs[i]);
                for (int k = 0; k < outgoing[i].Count; k++)
                    Assert.Equal(objs[outgoing[i][k]], *(nuint*)(objs[i] + (nuint)(g.Kinds[i] == 0 ? 8 : 16) + (nuint)(8 * k)));
            }
            // Allocating the dead objects' kinds again (from the lists first) never overlaps a survivor, and the
            // memory comes back zeroed past the type word.
            var fresh = new List<nuint>();
            for (int i = 0; i < n; i++)
            {
                if (live[i]) continue;
                nuint f = g.Kinds[i] switch { 0 => w.New(w.Node), 1 => w.New(w.RefArray, g.Edges[i].Length), _ => w.New(w.Ints, 3 + i % 5) };
                nuint fsize = GcLayout.AllocatedSize(f);
                for (nuint at = f + 8 + (g.Kinds[i] == 0 ? 0 : (nuint)8); at < f + fsize; at += 8) Assert.Equal((nuint)0, *(nuint*)at);
                for (int j = 0; j < n; j++)
                    if (live[j]) Assert.True(f + fsize <= objs[j] || objs[j] + GcLayout.AllocatedSize(objs[j]) <= f, "a new object overlaps a survivor");
                fresh.Add(f);
            }
            Assert.Equal(0UL, w.Heap.BytesInFreeLists);
            // A second collection without roots frees the rest.
            SweepResult second = w.Heap.Sweep();
            ulong survivors = 0;
            for (int i = 0; i < n; i++) if (live[i]) survivors++;
            Assert.Equal(survivors + (ulong)fresh.Count, second.ObjectsFreed);
            Assert.Equal(0UL, w.Heap.BytesInObjects);
        }

        [Fact]
        public void Sweep_frees_exactly_the_unreachable_objects() => Graphs.Sample(g => Check(g, 4096), iter: 200);

        [Fact]
        public void A_tiny_mark_stack_overflows_but_marks_the_same_objects() => Graphs.Sample(g => Check(g, 1), iter: 200);

        [Fact]
        public void Long_chain_with_small_mark_stack_stays_alive_and_counts_overflows()
        {
            using var w = new World(1);
            var chain = new nuint[2000];
            for (int i = 0; i < chain.Length; i++)
            {
                chain[i] = w.New(w.Node);
                if (i > 0)
                {
                    // Two references each, both to objects with references (so both are pushed): the previous node
                    // and a fresh leaf node. The mark stack then grows by one per level and overflows.
                    *(nuint*)(chain[i] + 8) = chain[i - 1];
                    *(nuint*)(chain[i] + 16) = w.New(w.Node);
                }
            }
            nuint garbage = w.New(w.Ints, 100);
            w.Heap.MarkReference(chain[^1]);
            w.Heap.Drain();
            SweepResult r = w.Heap.Sweep();
            Assert.Equal(1UL, r.ObjectsFreed);
            Assert.False(w.Heap.IsObjectStart(garbage));
            Assert.True(w.Heap.MarkStackOverflows > 0);
            for (int i = 0; i < chain.Length; i++) Assert.True(w.Heap.IsObjectStart(chain[i]));
        }

        [Fact]
        public void Freed_memory_is_reused_and_a_pointer_into_it_keeps_nothing_alive()
        {
            using var w = new World(64, 64 * 1024);
            // Fill the heap with garbage, collect, and allocate again: only possible if memory came back.
            int rounds = 0;
            for (int round = 0; round < 20; round++)
            {
                for (int i = 0; i < 200; i++) w.New(w.Ints, 30);
                w.Heap.Drain();
                w.Heap.Sweep();
                rounds++;
            }
            Assert.Equal(20, rounds);
            nuint dead = w.New(w.Ints, 30);
            w.Heap.Sweep();                                   // dead is freed now
            w.Heap.MarkConservative(dead + 16);               // a stale interior pointer into free memory
            w.Heap.Drain();
            Assert.Equal(0UL, w.Heap.Sweep().ObjectsFreed);
            Assert.Equal(0UL, w.Heap.BytesInObjects);
        }

        [Fact]
        public void Small_dead_objects_are_reused_through_their_size_class_zeroed()
        {
            using var w = new World(64);
            var first = new HashSet<nuint>();
            for (int i = 0; i < 300; i++)
            {
                nuint o = w.New(w.Ints, i % 40);                   // 24 + 4 * (0..39) bytes: 32 to 192, ten classes
                for (int k = 0; k < i % 40; k++) *(int*)(o + 16 + (nuint)(4 * k)) = -1;
                first.Add(o);
            }
            ulong frees = w.Allocator.Statistics.Frees;
            SweepResult r = w.Heap.Sweep();
            Assert.Equal(300UL, r.ObjectsFreed);
            Assert.Equal(r.BytesFreed, w.Heap.BytesInFreeLists);
            Assert.Equal(frees, w.Allocator.Statistics.Frees);      // nothing went back to the allocator
            ulong allocs = w.Allocator.Statistics.Allocations;
            for (int i = 0; i < 300; i++)
            {
                nuint o = w.New(w.Ints, i % 40);
                Assert.Contains(o, first);                           // the same blocks, class by class
                for (int k = 0; k < i % 40; k++) Assert.Equal(0, *(int*)(o + 16 + (nuint)(4 * k)));
            }
            Assert.Equal(allocs, w.Allocator.Statistics.Allocations);
            Assert.Equal(0UL, w.Heap.BytesInFreeLists);
        }

        [Fact]
        public void Free_lists_go_back_to_the_allocator_when_a_request_needs_their_memory()
        {
            using var w = new World(64, 64 * 1024);
            int small = 0;
            while (true)                                             // fill the heap with 48-byte int arrays
            {
                byte* p = (byte*)w.Heap.Allocate(48, out _);
                if (p == null) break;
                *(byte**)p = w.Ints;
                *(int*)(p + 8) = 6;                                  // 24 + 6 * 4 = 48 bytes
                small++;
            }
            Assert.True(small > 500);
            w.Heap.Sweep();                                          // all dead: into the 48-byte class list
            Assert.Equal((ulong)small * 48, w.Heap.BytesInFreeLists);
            void* big = w.Heap.Allocate(16 * 1024, out bool outOfRange);
            Assert.False(outOfRange);
            Assert.True(big != null, "the free lists were not released for a large request");
            Assert.Equal(0UL, w.Heap.BytesInFreeLists);
        }

        [Fact]
        public void Conservative_words_outside_the_heap_or_past_an_object_are_ignored()
        {
            using var w = new World(64);
            nuint a = w.New(w.Ints, 4);            // 24 + 16 = 40 -> 48 bytes
            Assert.Equal(a, w.Heap.FindObject(a));
            Assert.Equal(a, w.Heap.FindObject(a + 47));
            Assert.Equal((nuint)0, w.Heap.FindObject(a + 48));
            Assert.Equal((nuint)0, w.Heap.FindObject(w.Heap.Start - 16));
            Assert.Equal((nuint)0, w.Heap.FindObject(w.Heap.End));
        }

        [Fact]
        public void Memory_outside_the_heap_range_is_refused()
        {
            var tlsf = new TlsfAllocator();
            byte* memory = (byte*)NativeMemory.AlignedAlloc(1 << 16, 4096);
            byte* bits = (byte*)NativeMemory.AlignedAlloc(1 << 16, 4096);
            try
            {
                Assert.True(tlsf.AddRegion((nuint)memory, 1 << 16));
                // The range given to the heap is elsewhere: the allocator's blocks are outside it.
                var other = new TlsfAllocator();
                Assert.True(other.AddRegion((nuint)bits, 1 << 16));
                MarkSweepHeap heap = MarkSweepHeap.Create(tlsf, 0x1000, 0x2000, 16)!;
                void* p = heap.Allocate(64, out bool outOfRange);
                Assert.True(p == null);
                Assert.True(outOfRange);
            }
            finally
            {
                NativeMemory.AlignedFree(memory);
                NativeMemory.AlignedFree(bits);
            }
        }
    }
}
