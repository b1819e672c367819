using System;
using System.Collections.Generic;
using CsCheck;
using Uk.Algorithms;

namespace Compose.CoreLib.Tests
{
    /// <summary>The introsort against Array.Sort.</summary>
    public sealed class SortTests
    {
        [Fact]
        public void Sorting_distinct_and_repeated_keys_equals_Array_Sort()
        {
            Gen.Int[-50, 50].Array[0, 300].Sample(a =>
            {
                int[] expected = (int[])a.Clone();
                Array.Sort(expected);
                int[] mine = (int[])a.Clone();
                IntroSort.Sort<int>(mine, Comparer<int>.Default);
                Assert.Equal(expected, mine);
            }, iter: 5_000);
        }

        /// <summary>Pairs ordered by key only: equal keys may be reordered, and the BCL's order is matched anyway.</summary>
        [Fact]
        public void Sorting_records_by_key_matches_Array_Sort_including_ties()
        {
            var byKey = Comparer<(int Key, int Id)>.Create((x, y) => x.Key.CompareTo(y.Key));
            Gen.Int[0, 20].Array[0, 200].Sample(keys =>
            {
                var a = new (int, int)[keys.Length];
                for (int i = 0; i < keys.Length; i++) a[i] = (keys[i], i);
                var expected = ((int, int)[])a.Clone();
                Array.Sort(expected, byKey);
                var mine = ((int, int)[])a.Clone();
                IntroSort.Sort<(int, int)>(mine, byKey);
                Assert.Equal(expected, mine);
            }, iter: 5_000);
        }

        [Fact]
        public void Sorting_adversarial_sizes_sorts()
        {
            for (int n = 0; n < 2000; n += 37)
            {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) a[i] = (i * 7919) % 101 - (i % 3 == 0 ? i : 0);
                int[] expected = (int[])a.Clone();
                Array.Sort(expected);
                IntroSort.Sort<int>(a, Comparer<int>.Default);
                Assert.Equal(expected, a);
            }
        }
    }
}
