using System;
using System.Collections.Generic;
using System.Text;

namespace BclTest
{
    /// <summary>A record sorted by one key: equal keys exercise the sort's handling of ties.</summary>
    public sealed class Entry : IComparable<Entry>
    {
        /// <summary>Sort key.</summary>
        public int Key;
        /// <summary>Identity (insertion number).</summary>
        public int Id;

        /// <inheritdoc/>
        public int CompareTo(Entry? other) => other is null ? 1 : Key.CompareTo(other.Key);
    }

    /// <summary>Array.Sort, List.Sort, span sort, BinarySearch.</summary>
    public static class Sorting
    {
        /// <summary>Prints the section.</summary>
        public static void Run()
        {
            Console.WriteLine("== sorting");
            var rng = new Lcg(42);
            int[] a = new int[200];
            for (int i = 0; i < a.Length; i++) a[i] = rng.Below(1000) - 500;
            Array.Sort(a);
            Console.WriteLine("ints: " + Join(a, 0, 12) + " ... " + Join(a, 188, 12) + " sorted " + IsSorted(a));
            Console.WriteLine($"binarysearch {a[77]} -> {Array.BinarySearch(a, a[77]) >= 0} missing 10000 -> {Array.BinarySearch(a, 10000)}");

            long[] big = new long[1000];
            for (int i = 0; i < big.Length; i++) big[i] = (long)(rng.Next() >> 1);
            Array.Sort(big, (x, y) => y.CompareTo(x));
            Console.WriteLine($"longs desc: {big[0]} {big[1]} {big[999]} checksum {Checksum(big)}");

            double[] ds = { 3.5, -1, double.NaN, 0, 1e-300, double.NegativeInfinity, 2.25 };
            Array.Sort(ds);
            var sb = new StringBuilder();
            foreach (double d in ds) sb.Append(d.ToString()).Append(' ');
            Console.WriteLine("doubles: " + sb.ToString());

            var names = new List<string> { "pear", "apple", "fig", "banana", "cherry", "date", "apple", "kiwi" };
            names.Sort(string.CompareOrdinal);
            Console.WriteLine("names: " + string.Join(",", names));
            names.Sort((x, y) => x.Length != y.Length ? x.Length - y.Length : string.CompareOrdinal(y, x));
            Console.WriteLine("names by length: " + string.Join(",", names));

            var entries = new List<Entry>();
            for (int i = 0; i < 300; i++) entries.Add(new Entry { Key = rng.Below(12), Id = i });
            entries.Sort();
            var ids = new StringBuilder();
            for (int i = 0; i < 40; i++) ids.Append(entries[i].Key).Append(':').Append(entries[i].Id).Append(' ');
            long tie = 0;
            foreach (Entry e in entries) tie = tie * 1000003 + e.Id;
            Console.WriteLine("entries (ties in the BCL's order): " + ids + "hash " + tie);

            Span<int> span = stackalloc int[] { 9, 4, 7, 1, 8 };
            span.Sort();
            Console.WriteLine($"span: {span[0]} {span[1]} {span[2]} {span[3]} {span[4]}");
            var desc = new List<int> { 3, 1, 2 };
            desc.Sort(Comparer<int>.Create((x, y) => y - x));
            Console.WriteLine("comparer.create: " + string.Join(" ", desc));
        }

        private static string Join(int[] a, int from, int count)
        {
            var sb = new StringBuilder();
            for (int i = from; i < from + count; i++) sb.Append(a[i]).Append(i + 1 < from + count ? " " : "");
            return sb.ToString();
        }

        private static bool IsSorted(int[] a)
        {
            for (int i = 1; i < a.Length; i++) if (a[i - 1] > a[i]) return false;
            return true;
        }

        private static long Checksum(long[] a)
        {
            long h = 0;
            for (int i = 0; i < a.Length; i++) h = h * 31 + (a[i] % 1000);
            return h;
        }
    }
}
