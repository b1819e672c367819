// Pure algorithm shared by Uk.CoreLib and the host tests: the introspective sort behind Array.Sort, List.Sort and
// MemoryExtensions.Sort (insertion sort for small partitions, median-of-three quicksort, heapsort past a depth limit).
using System.Collections.Generic;

namespace Uk.Algorithms
{
    /// <summary>Introsort in the shape of the BCL's (same partitioning steps, so equal keys usually land alike too).</summary>
    internal static class IntroSort
    {
        private const int InsertionSortThreshold = 16;

        /// <summary>Sorts <paramref name="keys"/> in place with <paramref name="comparer"/> (not stable).</summary>
        internal static void Sort<T>(System.Span<T> keys, IComparer<T> comparer)
        {
            if (keys.Length < 2) return;
            int log2 = 0;
            for (uint n = (uint)keys.Length; n > 1; n >>= 1) log2++;
            Sort(keys, 2 * (log2 + 1), comparer);
        }

        private static void Sort<T>(System.Span<T> keys, int depthLimit, IComparer<T> comparer)
        {
            int size = keys.Length;
            while (size > 1)
            {
                if (size <= InsertionSortThreshold)
                {
                    if (size == 2) { SwapIfGreater(keys, comparer, 0, 1); return; }
                    if (size == 3)
                    {
                        SwapIfGreater(keys, comparer, 0, 1);
                        SwapIfGreater(keys, comparer, 0, 2);
                        SwapIfGreater(keys, comparer, 1, 2);
                        return;
                    }
                    InsertionSort(keys.Slice(0, size), comparer);
                    return;
                }
                if (depthLimit == 0)
                {
                    HeapSort(keys.Slice(0, size), comparer);
                    return;
                }
                depthLimit--;
                int p = Partition(keys.Slice(0, size), comparer);
                Sort(keys.Slice(p + 1, size - (p + 1)), depthLimit, comparer);
                size = p;
            }
        }

        private static void SwapIfGreater<T>(System.Span<T> keys, IComparer<T> comparer, int i, int j)
        {
            if (comparer.Compare(keys[i], keys[j]) > 0) Swap(keys, i, j);
        }

        private static void Swap<T>(System.Span<T> keys, int i, int j)
        {
            T t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }

        private static int Partition<T>(System.Span<T> keys, IComparer<T> comparer)
        {
            int hi = keys.Length - 1;
            int middle = hi >> 1;
            SwapIfGreater(keys, comparer, 0, middle);
            SwapIfGreater(keys, comparer, 0, hi);
            SwapIfGreater(keys, comparer, middle, hi);
            T pivot = keys[middle];
            Swap(keys, middle, hi - 1);
            int left = 0, right = hi - 1;
            while (left < right)
            {
                while (comparer.Compare(keys[++left], pivot) < 0) { }
                while (comparer.Compare(pivot, keys[--right]) < 0) { }
                if (left >= right) break;
                Swap(keys, left, right);
            }
            if (left != hi - 1) Swap(keys, left, hi - 1);
            return left;
        }

        private static void HeapSort<T>(System.Span<T> keys, IComparer<T> comparer)
        {
            int n = keys.Length;
            for (int i = n >> 1; i >= 1; i--) DownHeap(keys, i, n, comparer);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, 0, i - 1);
                DownHeap(keys, 1, i - 1, comparer);
            }
        }

        private static void DownHeap<T>(System.Span<T> keys, int i, int n, IComparer<T> comparer)
        {
            T d = keys[i - 1];
            while (i <= n >> 1)
            {
                int child = 2 * i;
                if (child < n && comparer.Compare(keys[child - 1], keys[child]) < 0) child++;
                if (!(comparer.Compare(d, keys[child - 1]) < 0)) break;
                keys[i - 1] = keys[child - 1];
                i = child;
            }
            keys[i - 1] = d;
        }

        private static void InsertionSort<T>(System.Span<T> keys, IComparer<T> comparer)
        {
            for (int i = 0; i < keys.Length - 1; i++)
            {
                T t = keys[i + 1];
                int j = i;
                while (j >= 0 && comparer.Compare(t, keys[j]) < 0)
                {
                    keys[j + 1] = keys[j];
                    j--;
                }
                keys[j + 1] = t;
            }
        }
    }
}
