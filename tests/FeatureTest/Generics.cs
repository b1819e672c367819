using System;

namespace FeatureTest
{
    public interface IValue
    {
        long Get();
    }

    public struct Small : IValue
    {
        public int V;
        public long Get() => V;
    }

    public struct Pair : IValue
    {
        public long A, B;
        public long Get() => A * 1000 + B;
    }

    public sealed class Heavy : IValue
    {
        public long X;
        public long Get() => X * 7;
    }

    /// <summary>A generic container over structs and classes.</summary>
    public sealed class Bag<T>
    {
        private T[] _items = new T[2];
        private int _count;

        public int Count => _count;

        public void Add(T item)
        {
            if (_count == _items.Length) Array.Resize(ref _items!, _items.Length * 2);
            _items[_count++] = item;
        }

        public T this[int i] => _items[i];
    }

    public static class Generics
    {
        private static long SumAll<T>(Bag<T> bag) where T : IValue
        {
            long sum = 0;
            for (int i = 0; i < bag.Count; i++) sum += bag[i].Get();
            return sum;
        }

        private static T Largest<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

        public static int Run()
        {
            var smalls = new Bag<Small>();
            for (int i = 1; i <= 10; i++) smalls.Add(new Small { V = i });
            var pairs = new Bag<Pair>();
            for (int i = 1; i <= 5; i++) pairs.Add(new Pair { A = i, B = i * 2 });
            var heavies = new Bag<Heavy>();
            for (int i = 1; i <= 6; i++) heavies.Add(new Heavy { X = i });
            var names = new Bag<string>();
            names.Add("alpha");
            names.Add("beta");
            names.Add("gamma");
            Ring big = Largest(new Ring(5, 1), new Ring(3, 2));
            bool ok = Program.Check("generic struct sum", SumAll(smalls), 55)
                & Program.Check("generic pair sum", SumAll(pairs), 15 * 1000 + 30)
                & Program.Check("generic class sum", SumAll(heavies), 21 * 7)
                & Program.Check("generic string bag", names.Count + names[2].Length, 8)
                & Program.Check("generic constrained compare", big.Area(), 72);
            return ok ? 1 : 0;
        }
    }
}
