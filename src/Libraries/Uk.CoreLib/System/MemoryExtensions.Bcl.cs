// More of the BCL's span helpers (ordinal, element-wise), and Array.Sort/Reverse/Fill/BinarySearch.
using System.Collections.Generic;

namespace System
{
    public static partial class MemoryExtensions
    {
        /// <summary>Index of the first occurrence of <paramref name="value"/>, or -1 (0 for an empty value).</summary>
        public static int IndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
        {
            for (int i = 0; i + value.Length <= span.Length; i++)
            {
                if (SequenceEqual(span.Slice(i, value.Length), value)) return i;
            }
            return -1;
        }

        /// <summary>Index of the last occurrence of <paramref name="value"/>, or -1.</summary>
        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
        {
            for (int i = span.Length - value.Length; i >= 0; i--)
            {
                if (SequenceEqual(span.Slice(i, value.Length), value)) return i;
            }
            return -1;
        }

        /// <summary>Index of the last element equal to <paramref name="value"/>, or -1.</summary>
        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            for (int i = span.Length - 1; i >= 0; i--)
            {
                if (span[i].Equals(value)) return i;
            }
            return -1;
        }

        /// <summary>Index of the first element equal to either value, or -1.</summary>
        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
            {
                if (span[i].Equals(value0) || span[i].Equals(value1)) return i;
            }
            return -1;
        }

        /// <summary>Whether an element equals <paramref name="value"/>.</summary>
        public static bool Contains<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => IndexOf(span, value) >= 0;

        /// <summary>Whether an element equals <paramref name="value"/>.</summary>
        public static bool Contains<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value) >= 0;

        /// <summary>Whether <paramref name="span"/> ends with <paramref name="value"/>.</summary>
        public static bool EndsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
            => value.Length <= span.Length && SequenceEqual(span.Slice(span.Length - value.Length), value);

        /// <summary>Without leading and trailing white space.</summary>
        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span) => TrimEnd(TrimStart(span));

        /// <summary>Without leading white space.</summary>
        public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span)
        {
            int i = 0;
            while (i < span.Length && char.IsWhiteSpace(span[i])) i++;
            return span.Slice(i);
        }

        /// <summary>Without trailing white space.</summary>
        public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span)
        {
            int n = span.Length;
            while (n > 0 && char.IsWhiteSpace(span[n - 1])) n--;
            return span.Slice(0, n);
        }

        /// <summary>Without leading and trailing <paramref name="trimChar"/>.</summary>
        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span, char trimChar)
        {
            int start = 0, end = span.Length;
            while (start < end && span[start] == trimChar) start++;
            while (end > start && span[end - 1] == trimChar) end--;
            return span.Slice(start, end - start);
        }

        /// <summary>Whether the spans hold the same characters under a comparison kind (culture kinds are ordinal in images).</summary>
        public static bool Equals(this ReadOnlySpan<char> span, ReadOnlySpan<char> other, StringComparison comparisonType)
            => string.Compare(span.ToString(), other.ToString(), comparisonType) == 0;

        /// <summary>Sorts with the default ordering.</summary>
        public static void Sort<T>(this Span<T> span) => Uk.Algorithms.IntroSort.Sort(span, Comparer<T>.Default);

        /// <summary>Sorts with <paramref name="comparison"/>.</summary>
        public static void Sort<T>(this Span<T> span, Comparison<T> comparison) => Uk.Algorithms.IntroSort.Sort(span, new ComparisonComparer<T>(comparison));

        /// <summary>Reverses the elements.</summary>
        public static void Reverse<T>(this Span<T> span)
        {
            for (int i = 0, j = span.Length - 1; i < j; i++, j--)
            {
                T t = span[i];
                span[i] = span[j];
                span[j] = t;
            }
        }
    }

    public abstract partial class Array
    {
        /// <summary>Sorts with the default ordering.</summary>
        public static void Sort<T>(T[] array)
        {
            if (array is null) throw new ArgumentNullException(nameof(array));
            Uk.Algorithms.IntroSort.Sort(new Span<T>(array), Comparer<T>.Default);
        }

        /// <summary>Sorts with <paramref name="comparer"/> (null: default ordering).</summary>
        public static void Sort<T>(T[] array, IComparer<T>? comparer)
        {
            if (array is null) throw new ArgumentNullException(nameof(array));
            Uk.Algorithms.IntroSort.Sort(new Span<T>(array), comparer ?? Comparer<T>.Default);
        }

        /// <summary>Sorts with <paramref name="comparison"/>.</summary>
        public static void Sort<T>(T[] array, Comparison<T> comparison)
        {
            if (array is null) throw new ArgumentNullException(nameof(array));
            if (comparison is null) throw new ArgumentNullException(nameof(comparison));
            Uk.Algorithms.IntroSort.Sort(new Span<T>(array), new ComparisonComparer<T>(comparison));
        }

        /// <summary>Sorts <paramref name="length"/> elements from <paramref name="index"/>.</summary>
        public static void Sort<T>(T[] array, int index, int length, IComparer<T>? comparer = null)
        {
            if (array is null) throw new ArgumentNullException(nameof(array));
            if (index < 0 || length < 0 || array.Length - index < length) throw new ArgumentOutOfRangeException(nameof(length));
            Uk.Algorithms.IntroSort.Sort(new Span<T>(array, index, length), comparer ?? Comparer<T>.Default);
        }

        /// <summary>Reverses the elements.</summary>
        public static void Reverse<T>(T[] array) => new Span<T>(array).Reverse();

        /// <summary>Sets every element to <paramref name="value"/>.</summary>
        public static void Fill<T>(T[] array, T value)
        {
            for (int i = 0; i < array.Length; i++) array[i] = value;
        }

        /// <summary>Index of <paramref name="value"/> in a sorted array, or the complement of where it would go.</summary>
        public static int BinarySearch<T>(T[] array, T value)
        {
            Comparer<T> c = Comparer<T>.Default;
            int lo = 0, hi = array.Length - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                int order = c.Compare(array[mid], value);
                if (order == 0) return mid;
                if (order < 0) lo = mid + 1;
                else hi = mid - 1;
            }
            return ~lo;
        }
    }
}
