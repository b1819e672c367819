using System;
using System.Collections.Generic;
using System.Text;

namespace BclTest
{
    /// <summary>A value type with its own equality, for EqualityComparer/Dictionary without boxing.</summary>
    public readonly struct Point : IEquatable<Point>
    {
        /// <summary>Coordinates.</summary>
        public readonly int X, Y;

        /// <summary>A point.</summary>
        public Point(int x, int y) { X = x; Y = y; }

        /// <inheritdoc/>
        public bool Equals(Point other) => X == other.X && Y == other.Y;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Point p && Equals(p);

        /// <inheritdoc/>
        public override int GetHashCode() => X * 31 + Y;

        /// <inheritdoc/>
        public override string ToString() => $"({X},{Y})";
    }

    /// <summary>List, Dictionary, HashSet, Queue and the default comparers.</summary>
    public static class Collections
    {
        // Arrays through their generic interfaces: IEnumerable<T> (foreach, List/HashSet constructors, AddRange,
        // string.Join) and IReadOnlyList<T> (Count, indexer), for value and reference element types.
        private static void Arrays()
        {
            int[] numbers = { 5, 3, 8, 3 };
            string[] words = { "pear", "fig", "apple" };
            Point[] points = { new Point(1, 2), new Point(3, 4) };
            IEnumerable<int> sequence = numbers;
            int sum = 0;
            foreach (int n in sequence) sum += n;
            var list = new List<int>(numbers);
            list.AddRange(numbers);
            var set = new HashSet<string>(words);
            IReadOnlyList<string> view = words;
            IReadOnlyList<Point> pointView = points;
            IEnumerable<Point> pointSequence = points;
            var sb = new StringBuilder();
            foreach (Point p in pointSequence) sb.Append(p.ToString());
            Console.WriteLine($"arrays: sum {sum} list {string.Join(",", list)} set {set.Count} {set.Contains("fig")} view {view.Count} {view[2]} {pointView[1]} {sb} join {string.Join<int>("-", numbers)} {string.Join("+", (IEnumerable<string>)words)}");
            System.Collections.IEnumerable untyped = words;
            int count = 0;
            foreach (object? o in untyped) count += o is string ? 1 : 100;
            Console.WriteLine($"arrays untyped: {count} empty {new List<int>(new int[0]).Count}");

            // IList<T>/ICollection<T>: arrays (fixed size), List<T>, HashSet<T>.
            IList<string> fixedList = words;
            fixedList[1] = "kiwi";
            var copy = new string[5];
            fixedList.CopyTo(copy, 1);
            string refused;
            try { fixedList.Add("plum"); refused = "added"; }
            catch (NotSupportedException e) { refused = e.Message; }
            IList<int> growable = new List<int>(numbers);
            growable.Insert(1, 42);
            growable.RemoveAt(0);
            growable[0] += 1;
            ICollection<int> bag = growable;
            bag.Add(7);
            bool removed = bag.Remove(8);
            ICollection<string> unique = new HashSet<string>(words);
            unique.Add("fig");
            var sink = new string[unique.Count];
            unique.CopyTo(sink, 0);
            Console.WriteLine($"ilist: {words[1]} {fixedList.IndexOf("apple")} {fixedList.Contains("kiwi")} {fixedList.IsReadOnly} [{string.Join(",", copy)}] {refused}");
            Console.WriteLine($"ilist list: {string.Join(",", growable)} removed {removed} {bag.Count} {bag.IsReadOnly} {growable.IndexOf(7)} set {unique.Count} {string.Join(",", sink)}");
        }

        /// <summary>Prints the section.</summary>
        public static void Run()
        {
            Console.WriteLine("== collections");
            Arrays();
            var list = new List<int>();
            for (int i = 0; i < 20; i++) list.Add(i * i % 17);
            list.Insert(3, 100);
            list.Remove(100);
            list.RemoveAt(0);
            list.Add(-5);
            Console.WriteLine($"list: count {list.Count}, [{string.Join(",", list)}], contains 13 {list.Contains(13)}, indexof 13 {list.IndexOf(13)}, lastindexof 13 {list.LastIndexOf(13)}");
            int sum = 0;
            foreach (int v in list) sum += v;
            list[1] = 42;
            Console.WriteLine($"list: sum {sum}, [1]={list[1]}, removed evens {list.RemoveAll(x => x % 2 == 0)}, now {string.Join(" ", list)}");
            list.Reverse();
            Console.WriteLine("list reversed: " + string.Join(" ", new List<int>(list)) + " range " + string.Join(" ", list.GetRange(1, 3)));
            list.Clear();
            Console.WriteLine("list cleared: " + list.Count);

            var words = "the quick brown fox jumps over the lazy dog the end fox".Split(' ');
            var counts = new Dictionary<string, int>();
            foreach (string w in words)
            {
                counts.TryGetValue(w, out int c);
                counts[w] = c + 1;
            }
            Console.WriteLine($"dict: count {counts.Count}, the={counts["the"]}, fox={counts["fox"]}, has cat {counts.ContainsKey("cat")}, has dog {counts.ContainsKey("dog")}");
            PrintDict(counts);
            counts.Remove("quick");
            counts.Remove("lazy");
            counts.Add("cat", 9);
            counts["zebra"] = 1;
            counts.Add("ant", 2);
            Console.WriteLine($"dict after remove/add: tryadd the {counts.TryAdd("the", 0)}, tryadd yak {counts.TryAdd("yak", 4)}, containsvalue 9 {counts.ContainsValue(9)}");
            PrintDict(counts);
            var keys = new StringBuilder();
            foreach (string k in counts.Keys) keys.Append(k).Append(';');
            int valueSum = 0;
            foreach (int v in counts.Values) valueSum += v;
            Console.WriteLine($"keys {keys} values sum {valueSum} keys count {counts.Keys.Count}");
            Console.WriteLine($"trygetvalue missing {counts.TryGetValue("missing", out int missing)} {missing}, getvalueordefault {counts.GetValueOrDefault("missing")}");

            var byInt = new Dictionary<int, string>();
            var rng = new Lcg(7);
            for (int i = 0; i < 500; i++) byInt[rng.Below(300) - 150] = "v" + i;
            int removed = 0;
            for (int k = -150; k < 150; k += 3) if (byInt.Remove(k)) removed++;
            for (int i = 0; i < 40; i++) byInt[1000 + i] = "n" + i;
            long keyHash = 17;
            foreach (KeyValuePair<int, string> kv in byInt) keyHash = keyHash * 31 + kv.Key * 7 + kv.Value.Length;
            Console.WriteLine($"int dict: count {byInt.Count}, removed {removed}, order hash {keyHash}, [1005]={byInt[1005]}");

            var points = new Dictionary<Point, int> { [new Point(1, 2)] = 3, [new Point(2, 1)] = 4 };
            points[new Point(1, 2)] += 10;
            Console.WriteLine($"point dict: {points[new Point(1, 2)]} {points.Count} eq {EqualityComparer<Point>.Default.Equals(new Point(5, 5), new Point(5, 5))}");

            var set = new HashSet<string>();
            foreach (string w in words) set.Add(w);
            Console.WriteLine($"set: count {set.Count}, add fox {set.Add("fox")}, add cow {set.Add("cow")}, remove the {set.Remove("the")}, contains dog {set.Contains("dog")}, contains the {set.Contains("the")}");
            Console.WriteLine("set: " + string.Join(",", set));
            set.Add("zzz");
            Console.WriteLine("set after reuse: " + string.Join(",", set));
            var ints = new HashSet<int>(new List<int> { 5, 3, 5, 1, 3, 9 });
            ints.UnionWith(new List<int> { 2, 9, 10 });
            ints.ExceptWith(new List<int> { 3 });
            Console.WriteLine("int set: " + string.Join(" ", ints) + " count " + ints.Count);

            var queue = new Queue<string>();
            for (int i = 0; i < 6; i++) queue.Enqueue("job" + i);
            Console.Write("queue:");
            Console.Write(" " + queue.Dequeue() + " " + queue.Dequeue() + " peek " + queue.Peek());
            for (int i = 6; i < 12; i++) queue.Enqueue("job" + i);
            while (queue.TryDequeue(out string? job)) Console.Write(" " + job);
            Console.WriteLine(" | empty " + queue.Count + " trydequeue " + queue.TryDequeue(out _));
            var q2 = new Queue<int>();
            for (int i = 0; i < 5; i++) q2.Enqueue(i * 10);
            q2.Dequeue();
            q2.Enqueue(99);
            Console.WriteLine("queue foreach: " + string.Join(",", q2) + " contains 99 " + q2.Contains(99));

            Console.WriteLine($"comparers: {EqualityComparer<int>.Default.Equals(3, 3)} {EqualityComparer<string>.Default.Equals("a", "b")} {Comparer<int>.Default.Compare(1, 2)} {Comparer<long>.Default.Compare(5, 2)} {Comparer<double>.Default.Compare(double.NaN, 1)} {EqualityComparer<int?>.Default.Equals(null, 0)}");
        }

        private static void PrintDict(Dictionary<string, int> d)
        {
            var sb = new StringBuilder("  ");
            foreach (var kv in d) sb.Append(kv.Key).Append('=').Append(kv.Value).Append(' ');
            Console.WriteLine(sb.ToString());
        }
    }
}
