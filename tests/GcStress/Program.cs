using System;
using Compose;
using Compose.Libraries.UkGc;
using Compose.Libraries.UkSched;
using Compose.Platform;

[assembly: UkApplication("gcstress")]
[assembly: Requires(typeof(IGarbageCollector))]
[assembly: Requires(typeof(ISched))]

namespace GcStress
{
    /// <summary>A node of the live structure: references, an array of references and a data array.</summary>
    public sealed class Node
    {
        public int Id;
        public Node? Next;
        public Node? Left;
        public Node? Right;
        public Node?[]? Links;
        public int[] Data = null!;
        public string Label = null!;

        /// <summary>A node whose data and label follow from its id (what <see cref="Check"/> verifies).</summary>
        public static Node Make(int id)
        {
            var n = new Node { Id = id, Label = "node-" + id.ToString() };
            n.Refill();
            return n;
        }

        /// <summary>Replaces the data array with a fresh one (so old nodes point at objects allocated later).</summary>
        public void Refill()
        {
            var data = new int[8 + Id % 17];
            for (int i = 0; i < data.Length; i++) data[i] = Id * 31 + i;
            Data = data;
        }

        public bool Check()
        {
            if (Data.Length != 8 + Id % 17 || Label != "node-" + Id.ToString()) return false;
            for (int i = 0; i < Data.Length; i++) if (Data[i] != Id * 31 + i) return false;
            return true;
        }
    }

    /// <summary>A struct with references, kept in an array (the GCDesc of an array of structs).</summary>
    public struct Pair
    {
        public string Name;
        public int Id;
        public Node? Node;
    }

    public static class Program
    {
        /// <summary>A list reachable only from this static.</summary>
        private static Node? s_list;

        private static bool s_stop;
        private static int s_threadResult = -1;

        /// <summary>Builds a list held only in a local of the thread, yields while main churns, then verifies it.</summary>
        private sealed class Holder : IThreadBody
        {
            public void Run()
            {
                ISched sched = UkApi<ISched>.Instance!;
                Node? list = null;
                for (int i = 0; i < 500; i++) { Node n = Node.Make(50000 + i); n.Next = list; list = n; }
                while (!s_stop)
                {
                    Garbage(200);
                    sched.Yield();
                }
                s_threadResult = CountList(list, 50000 + 499, -1);
            }
        }

        [UkMain]
        public static int Main(string[] args)
        {
            IGarbageCollector gc = UkApi<IGarbageCollector>.Instance!;
            ISched sched = UkApi<ISched>.Instance!;
            IClock clock = UkApi<IClock>.Instance!;
            ulong heap = UkApi<IMemoryRegions>.Instance is IMemoryRegions r ? RegionBytes(r) : 0;
            ulong total = args.Length > 0 ? (ulong)ParseInt(args[0]) * 1024 * 1024 : 100 * heap;
            Console.WriteLine("gcstress: collector " + gc.Name + ", allocating " + (total / (1024 * 1024)).ToString() + " MiB");

            for (int i = 0; i < 1000; i++) { Node n = Node.Make(i); n.Next = s_list; s_list = n; }
            Node tree = BuildTree(10000, 10);                      // 1023 nodes, held only from this frame
            var pairs = new Pair[300];
            for (int i = 0; i < pairs.Length; i++) pairs[i] = new Pair { Name = "pair-" + i.ToString(), Id = i, Node = Node.Make(20000 + i) };
            Span<int> middle = MakeBig().AsSpan(3000, 16);         // the array is held only through this interior span
            UkThread holder = sched.Create("holder", new Holder());

            long start = clock.MonotonicNanoseconds;
            ulong allocated = 0;
            uint seed = 12345;
            int rounds = 0;
            while (allocated < total)
            {
                allocated += Garbage(1000);
                // Mutate the live structure so old objects point at young ones.
                seed = seed * 1103515245 + 12345;
                Node? victim = Find(tree, (int)(seed >> 16) % 1023);
                victim?.Refill();
                int p = (int)(seed >> 8) % pairs.Length;
                pairs[p].Node!.Refill();
                if (++rounds % 16 == 0) { sched.Yield(); _ = gc.Statistics; }
            }
            long elapsed = clock.MonotonicNanoseconds - start;
            s_stop = true;
            sched.Join(holder);

            int listCount = CountList(s_list, 999, -1);
            int treeCount = CountTree(tree);
            int pairsOk = 0;
            for (int i = 0; i < pairs.Length; i++)
                if (pairs[i].Id == i && pairs[i].Name == "pair-" + i.ToString() && pairs[i].Node!.Id == 20000 + i && pairs[i].Node!.Check()) pairsOk++;
            int spanOk = 0;
            for (int i = 0; i < middle.Length; i++) if (middle[i] == 3000 + i) spanOk++;

            GcStatistics s = gc.Statistics;
            Span<long> pauses = new long[PauseLog.Capacity];
            int count = gc.CopyRecentPauses(pauses);
            Console.WriteLine("list " + listCount.ToString() + "/1000, tree " + treeCount.ToString() + "/1023, pairs " + pairsOk.ToString() +
                "/300, span " + spanOk.ToString() + "/16, thread " + s_threadResult.ToString() + "/500");
            Console.WriteLine("collections " + s.Collections.ToString() + ", freed " + (s.BytesFreed / 1024).ToString() + " KiB in " +
                s.ObjectsFreed.ToString() + " objects, live " + (s.BytesLive / 1024).ToString() + " KiB");
            Console.WriteLine("pauses " + count.ToString() + " median_us " + (Median(pauses.Slice(0, count)) / 1000).ToString() +
                " max_us " + (s.MaxPauseNanoseconds / 1000).ToString() + " total_ms " + (s.TotalPauseNanoseconds / 1000000).ToString());
            ulong mbps = elapsed > 0 ? allocated * 1000UL / (ulong)elapsed : 0;   // bytes/ns * 1000 = MB/s
            Console.WriteLine("allocated_mib " + (allocated / (1024 * 1024)).ToString() + " elapsed_ms " + (elapsed / 1000000).ToString() + " mb_per_s " + mbps.ToString());
            bool ok = listCount == 1000 && treeCount == 1023 && pairsOk == 300 && spanOk == 16 && s_threadResult == 500;
            Console.WriteLine(ok ? "gcstress: ok" : "gcstress: FAILED");
            return ok ? 0 : 1;
        }

        /// <summary>Short-lived objects: arrays, strings, small instances, arrays of references. Returns bytes (approx.).</summary>
        private static ulong Garbage(int count)
        {
            ulong bytes = 0;
            object?[] keep = new object?[8];
            for (int i = 0; i < count; i++)
            {
                switch (i % 5)
                {
                    case 0: { var a = new int[1 + i % 64]; a[0] = i; keep[i % 8] = a; bytes += 16 + (ulong)a.Length * 4; break; }
                    case 1: { string t = "garbage-" + i.ToString(); keep[i % 8] = t; bytes += 32 + (ulong)t.Length * 2; break; }
                    case 2: { var n = new Node { Id = i }; keep[i % 8] = n; bytes += 64; break; }
                    case 3: { var refs = new object?[6]; refs[0] = keep[0]; refs[5] = new Node(); keep[i % 8] = refs; bytes += 64 + 64; break; }
                    default: { var b = new byte[200 + i % 300]; b[b.Length - 1] = 1; keep[i % 8] = b; bytes += 32 + (ulong)b.Length; break; }
                }
            }
            return bytes + 88;
        }

        private static int[] MakeBig()
        {
            var big = new int[5000];
            for (int i = 0; i < big.Length; i++) big[i] = i;
            return big;
        }

        private static Node BuildTree(int id, int depth)
        {
            Node n = Node.Make(id);
            if (depth > 1)
            {
                n.Left = BuildTree(id * 2 - 9999, depth - 1);
                n.Right = BuildTree(id * 2 - 9998, depth - 1);
                n.Links = new Node?[] { n.Left, n.Right, null };
            }
            return n;
        }

        private static int CountTree(Node? n)
        {
            if (n == null || !n.Check()) return 0;
            if (n.Links != null && (n.Links[0] != n.Left || n.Links[1] != n.Right)) return 0;
            return 1 + CountTree(n.Left) + CountTree(n.Right);
        }

        private static Node? Find(Node? n, int index)
        {
            // Breadth-first numbering of the complete tree: index 0 is the root.
            int path = index + 1;
            int bits = 0;
            while ((path >> (bits + 1)) != 0) bits++;
            for (int b = bits - 1; b >= 0 && n != null; b--) n = ((path >> b) & 1) == 0 ? n.Left : n.Right;
            return n;
        }

        private static int CountList(Node? n, int firstId, int step)
        {
            int count = 0;
            for (int id = firstId; n != null; n = n.Next, id += step)
                if (n.Id == id && n.Check()) count++;
            return count;
        }

        private static ulong RegionBytes(IMemoryRegions regions)
        {
            ulong total = 0;
            for (int i = 0; i < regions.Count; i++) total += regions[i].Length;
            return total;
        }

        private static int ParseInt(string s)
        {
            int v = 0;
            for (int i = 0; i < s.Length; i++) v = v * 10 + (s[i] - '0');
            return v;
        }

        private static long Median(Span<long> values)
        {
            if (values.Length == 0) return 0;
            for (int i = 1; i < values.Length; i++)
            {
                long v = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v) { values[j + 1] = values[j]; j--; }
                values[j + 1] = v;
            }
            return values[values.Length / 2];
        }
    }
}
