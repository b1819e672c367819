// Equality and ordering without reflection: EqualityComparer<T>.Default and Comparer<T>.Default are created by
// Create(), whose body ILC replaces (intrinsic, by name) with `new GenericEqualityComparer<T>()` (T implements
// IEquatable<T>), `EnumEqualityComparer<T>`, `NullableEqualityComparer<T>` or `ObjectEqualityComparer<T>` for every
// exact instantiation; shared (reference-type) code keeps the fallback body below.
using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>Typed equality and hashing.</summary>
    public interface IEqualityComparer<in T>
    {
        /// <summary>Whether x equals y.</summary>
        bool Equals(T? x, T? y);

        /// <summary>A hash code of obj.</summary>
        int GetHashCode(T obj);
    }

    /// <summary>Typed ordering.</summary>
    public interface IComparer<in T>
    {
        /// <summary>Negative, zero or positive.</summary>
        int Compare(T? x, T? y);
    }

    /// <summary>The default equality of a type.</summary>
    public abstract class EqualityComparer<T> : IEqualityComparer<T>
    {
        /// <summary>The default comparer: IEquatable&lt;T&gt; when implemented, else Object.Equals.</summary>
        public static EqualityComparer<T> Default { get; } = Create();

        [Intrinsic]
        private static EqualityComparer<T> Create() => new ObjectEqualityComparer<T>();

        /// <inheritdoc/>
        public abstract bool Equals(T? x, T? y);

        /// <inheritdoc/>
        public abstract int GetHashCode(T obj);
    }

    internal sealed class GenericEqualityComparer<T> : EqualityComparer<T> where T : IEquatable<T>?
    {
        public override bool Equals(T? x, T? y)
        {
            if (x != null) return y != null && x.Equals(y);
            return y == null;
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }

    internal sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T? x, T? y)
        {
            if (x != null) return y != null && x.Equals(y);
            return y == null;
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }

    internal sealed class StringEqualityComparer : EqualityComparer<string>
    {
        public override bool Equals(string? x, string? y) => string.Equals(x, y);

        public override int GetHashCode(string obj) => obj == null ? 0 : obj.GetHashCode();
    }

    internal sealed class NullableEqualityComparer<T> : EqualityComparer<T?> where T : struct
    {
        public override bool Equals(T? x, T? y)
        {
            if (x.HasValue) return y.HasValue && EqualityComparer<T>.Default.Equals(x.GetValueOrDefault(), y.GetValueOrDefault());
            return !y.HasValue;
        }

        public override int GetHashCode(T? obj) => obj.HasValue ? EqualityComparer<T>.Default.GetHashCode(obj.GetValueOrDefault()) : 0;
    }

    internal sealed class EnumEqualityComparer<T> : EqualityComparer<T> where T : struct
    {
        public override bool Equals(T x, T y) => EnumBits.Of(ref x) == EnumBits.Of(ref y);

        public override int GetHashCode(T obj)
        {
            long v = EnumBits.Of(ref obj);
            return (int)v ^ (int)(v >> 32);
        }
    }

    internal static class EnumBits
    {
        // An enum is stored as its underlying integer; read it by size (sign does not matter for equality/hash).
        internal static long Of<T>(ref T value) => Unsafe.SizeOf<T>() switch
        {
            1 => Unsafe.As<T, sbyte>(ref value),
            2 => Unsafe.As<T, short>(ref value),
            4 => Unsafe.As<T, int>(ref value),
            _ => Unsafe.As<T, long>(ref value),
        };
    }

    /// <summary>The default ordering of a type.</summary>
    public abstract class Comparer<T> : IComparer<T>
    {
        /// <summary>The default comparer: IComparable&lt;T&gt; when implemented, else IComparable.</summary>
        public static Comparer<T> Default { get; } = Create();

        [Intrinsic]
        private static Comparer<T> Create() => new ObjectComparer<T>();

        /// <summary>A comparer that calls <paramref name="comparison"/>.</summary>
        public static Comparer<T> Create(Comparison<T> comparison) => new ComparisonComparer<T>(comparison);

        /// <inheritdoc/>
        public abstract int Compare(T? x, T? y);
    }

    internal sealed class GenericComparer<T> : Comparer<T> where T : IComparable<T>?
    {
        public override int Compare(T? x, T? y)
        {
            if (x != null) return y != null ? x.CompareTo(y) : 1;
            return y != null ? -1 : 0;
        }
    }

    internal sealed class ObjectComparer<T> : Comparer<T>
    {
        public override int Compare(T? x, T? y)
        {
            if (x == null) return y == null ? 0 : -1;
            if (y == null) return 1;
            if (x is IComparable<T> typed) return typed.CompareTo(y);
            if (x is IComparable untyped) return untyped.CompareTo(y);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }

    internal sealed class NullableComparer<T> : Comparer<T?> where T : struct
    {
        public override int Compare(T? x, T? y)
        {
            if (x.HasValue) return y.HasValue ? Comparer<T>.Default.Compare(x.GetValueOrDefault(), y.GetValueOrDefault()) : 1;
            return y.HasValue ? -1 : 0;
        }
    }

    internal sealed class EnumComparer<T> : Comparer<T> where T : struct
    {
        public override int Compare(T x, T y)
        {
            long a = EnumBits.Of(ref x), b = EnumBits.Of(ref y);
            return a < b ? -1 : a > b ? 1 : 0;
        }
    }

    internal sealed class ComparisonComparer<T> : Comparer<T>
    {
        private readonly Comparison<T> _comparison;

        internal ComparisonComparer(Comparison<T> comparison) { _comparison = comparison; }

        public override int Compare(T? x, T? y) => _comparison(x!, y!);
    }

    /// <summary>A key and its value.</summary>
    public readonly struct KeyValuePair<TKey, TValue>
    {
        /// <summary>Pairs a key with a value.</summary>
        public KeyValuePair(TKey key, TValue value) { Key = key; Value = value; }

        /// <summary>The key.</summary>
        public TKey Key { get; }

        /// <summary>The value.</summary>
        public TValue Value { get; }

        /// <summary>Splits the pair (for <c>var (k, v) = pair</c>).</summary>
        public void Deconstruct(out TKey key, out TValue value) { key = Key; value = Value; }

        /// <summary>"[key, value]", as on the CLR.</summary>
        public override string ToString() => "[" + Key?.ToString() + ", " + Value?.ToString() + "]";
    }

    /// <summary>A key that is not in a dictionary.</summary>
    public class KeyNotFoundException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public KeyNotFoundException() : base("The given key was not present in the dictionary.") { }
        /// <summary>Creates the exception.</summary>
        public KeyNotFoundException(string? message) : base(message) { }
        internal override string TypeName => "System.Collections.Generic.KeyNotFoundException";
    }

    /// <summary>A read-only sized sequence.</summary>
    /// <summary>A sized collection that can be changed (arrays: fixed size, NotSupportedException).</summary>
    public interface ICollection<T> : IEnumerable<T>
    {
        /// <summary>Number of elements.</summary>
        int Count { get; }
        /// <summary>Whether Add, Remove and Clear are refused.</summary>
        bool IsReadOnly { get; }
        /// <summary>Adds an element.</summary>
        void Add(T item);
        /// <summary>Removes every element.</summary>
        void Clear();
        /// <summary>Whether the collection holds <paramref name="item"/>.</summary>
        bool Contains(T item);
        /// <summary>Copies the elements into <paramref name="array"/> from <paramref name="arrayIndex"/>.</summary>
        void CopyTo(T[] array, int arrayIndex);
        /// <summary>Removes the first occurrence; false when absent.</summary>
        bool Remove(T item);
    }

    /// <summary>A collection with positions.</summary>
    public interface IList<T> : ICollection<T>
    {
        /// <summary>The element at <paramref name="index"/>.</summary>
        T this[int index] { get; set; }
        /// <summary>The first position of <paramref name="item"/>, or -1.</summary>
        int IndexOf(T item);
        /// <summary>Inserts at <paramref name="index"/>.</summary>
        void Insert(int index, T item);
        /// <summary>Removes the element at <paramref name="index"/>.</summary>
        void RemoveAt(int index);
    }

    public interface IReadOnlyCollection<out T> : IEnumerable<T>
    {
        /// <summary>Number of elements.</summary>
        int Count { get; }
    }

    /// <summary>A read-only indexed sequence.</summary>
    public interface IReadOnlyList<out T> : IReadOnlyCollection<T>
    {
        /// <summary>The element at index.</summary>
        T this[int index] { get; }
    }

    // Capacities of hashed collections: primes, like the BCL's (the enumeration order of Dictionary and HashSet does
    // not depend on them, only on insertion and removal order).
    internal static class HashHelpers
    {
        private static readonly int[] Primes =
        {
            3, 7, 11, 17, 23, 29, 37, 47, 59, 71, 89, 107, 131, 163, 197, 239, 293, 353, 431, 521, 631, 761, 919,
            1103, 1327, 1597, 1931, 2333, 2801, 3371, 4049, 4861, 5839, 7013, 8419, 10103, 12143, 14591,
            17519, 21023, 25229, 30293, 36353, 43627, 52361, 62851, 75431, 90523, 108631, 130363, 156437,
            187751, 225307, 270371, 324449, 389357, 467237, 560689, 672827, 807403, 968897, 1162687, 1395263,
            1674319, 2009191, 2411033, 2893249, 3471899, 4166287, 4999559, 5999471, 7199369,
        };

        internal static int GetPrime(int min)
        {
            for (int i = 0; i < Primes.Length; i++)
            {
                if (Primes[i] >= min) return Primes[i];
            }
            for (int i = min | 1; i < int.MaxValue; i += 2)
            {
                if (IsPrime(i)) return i;
            }
            return min;
        }

        private static bool IsPrime(int candidate)
        {
            for (int d = 3; (long)d * d <= candidate; d += 2)
            {
                if (candidate % d == 0) return false;
            }
            return true;
        }

        internal static int ExpandPrime(int oldSize) => GetPrime(2 * oldSize);
    }
}
