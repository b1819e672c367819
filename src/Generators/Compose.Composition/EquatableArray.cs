using System;
using System.Collections;
using System.Collections.Generic;

namespace Compose.Composition
{
    /// <summary>An immutable array with value equality, so that specs holding arrays compare by content.</summary>
    public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    {
        private readonly T[]? _items;

        /// <summary>Wraps <paramref name="items"/> (not copied: the caller hands it over).</summary>
        public EquatableArray(T[] items) { _items = items; }

        /// <summary>The empty array.</summary>
        public static EquatableArray<T> Empty => new EquatableArray<T>(Array.Empty<T>());

        /// <summary>Number of items.</summary>
        public int Count => _items?.Length ?? 0;

        /// <summary>Item <paramref name="index"/>.</summary>
        public T this[int index] => _items![index];

        /// <summary>The underlying items (do not modify).</summary>
        internal T[] Items => _items ?? Array.Empty<T>();

        /// <inheritdoc/>
        public bool Equals(EquatableArray<T> other)
        {
            T[] a = Items, b = other.Items;
            if (a.Length != b.Length) return false;
            var cmp = EqualityComparer<T>.Default;
            for (int i = 0; i < a.Length; i++)
                if (!cmp.Equals(a[i], b[i])) return false;
            return true;
        }

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode()
        {
            int hash = 17;
            if (_items != null)
                foreach (var item in _items)
                    hash = unchecked(hash * 31 + (item?.GetHashCode() ?? 0));
            return hash;
        }

        /// <summary>Value equality.</summary>
        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        /// <summary>Value inequality.</summary>
        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

        /// <inheritdoc/>
        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Helpers to build <see cref="EquatableArray{T}"/>.</summary>
    public static class EquatableArray
    {
        /// <summary>Copies <paramref name="items"/> into an equatable array.</summary>
        public static EquatableArray<T> From<T>(IEnumerable<T> items) => new EquatableArray<T>(new List<T>(items).ToArray());

        /// <summary>Copies <paramref name="items"/> into an equatable array.</summary>
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => From(items);
    }
}
