// HashSet<T>: the Dictionary layout without values; enumeration order is the BCL's (insertion order, freed slots
// reused last-removed first).
namespace System.Collections.Generic
{
    /// <summary>A set of distinct elements.</summary>
    public class HashSet<T> : ICollection<T>, IReadOnlyCollection<T>
    {
        private struct Entry
        {
            public uint HashCode;
            public int Next;
            public T Value;
        }

        private const int StartOfFreeList = -3;

        private int[]? _buckets;
        private Entry[]? _entries;
        private int _count;
        private int _freeList = -1;
        private int _freeCount;
        private int _version;
        private readonly IEqualityComparer<T> _comparer;

        /// <summary>An empty set with the default equality.</summary>
        public HashSet() : this((IEqualityComparer<T>?)null) { }

        /// <summary>An empty set with an equality.</summary>
        public HashSet(IEqualityComparer<T>? comparer) { _comparer = comparer ?? EqualityComparer<T>.Default; }

        /// <summary>A set of the distinct elements of <paramref name="collection"/>.</summary>
        public HashSet(IEnumerable<T> collection) : this((IEqualityComparer<T>?)null)
        {
            UnionWith(collection);
        }

        /// <summary>Number of elements.</summary>
        public int Count => _count - _freeCount;

        /// <summary>Adds <paramref name="item"/>; false if it was present.</summary>
        public bool Add(T item)
        {
            if (_buckets == null) Initialize(0);
            uint hash = item == null ? 0 : (uint)_comparer.GetHashCode(item);
            int i = _buckets![hash % (uint)_buckets.Length] - 1;
            while (i >= 0)
            {
                ref Entry e = ref _entries![i];
                if (e.HashCode == hash && _comparer.Equals(e.Value, item)) return false;
                i = e.Next;
            }
            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = StartOfFreeList - _entries![_freeList].Next;
                _freeCount--;
            }
            else
            {
                if (_count == _entries!.Length) Resize(HashHelpers.ExpandPrime(_count));
                index = _count++;
            }
            ref int bucket = ref _buckets![hash % (uint)_buckets.Length];
            ref Entry entry = ref _entries![index];
            entry.HashCode = hash;
            entry.Next = bucket - 1;
            entry.Value = item;
            bucket = index + 1;
            _version++;
            return true;
        }

        /// <summary>Whether <paramref name="item"/> is in the set.</summary>
        public bool Contains(T item) => FindItem(item) >= 0;

        /// <summary>Removes <paramref name="item"/>; whether it was present.</summary>
        public bool Remove(T item)
        {
            if (_buckets == null) return false;
            uint hash = item == null ? 0 : (uint)_comparer.GetHashCode(item);
            ref int bucket = ref _buckets[hash % (uint)_buckets.Length];
            int last = -1, i = bucket - 1;
            while (i >= 0)
            {
                ref Entry e = ref _entries![i];
                if (e.HashCode == hash && _comparer.Equals(e.Value, item))
                {
                    if (last < 0) bucket = e.Next + 1;
                    else _entries[last].Next = e.Next;
                    e.Next = StartOfFreeList - _freeList;
                    e.Value = default!;
                    _freeList = i;
                    _freeCount++;
                    return true;
                }
                last = i;
                i = e.Next;
            }
            return false;
        }

        /// <summary>Removes every element.</summary>
        public void Clear()
        {
            if (_count > 0)
            {
                Array.Clear(_buckets!, 0, _buckets!.Length);
                Array.Clear(_entries!, 0, _count);
                _count = 0;
                _freeList = -1;
                _freeCount = 0;
            }
            _version++;
        }

        /// <summary>Adds every element of <paramref name="other"/>.</summary>
        public void UnionWith(IEnumerable<T> other)
        {
            IEnumerator<T> e = other.GetEnumerator();
            while (e.MoveNext()) Add(e.Current);
            e.Dispose();
        }

        /// <summary>Removes every element that is not in <paramref name="other"/>.</summary>
        public void IntersectWith(IEnumerable<T> other)
        {
            var keep = new HashSet<T>(_comparer);
            IEnumerator<T> e = other.GetEnumerator();
            while (e.MoveNext()) if (Contains(e.Current)) keep.Add(e.Current);
            e.Dispose();
            for (int i = 0; i < _count; i++)
            {
                if (_entries![i].Next >= -1 && !keep.Contains(_entries[i].Value)) Remove(_entries[i].Value);
            }
        }

        /// <summary>Removes every element of <paramref name="other"/>.</summary>
        public void ExceptWith(IEnumerable<T> other)
        {
            IEnumerator<T> e = other.GetEnumerator();
            while (e.MoveNext()) Remove(e.Current);
            e.Dispose();
        }

        private void Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _buckets = new int[size];
            _entries = new Entry[size];
            _freeList = -1;
        }

        private int FindItem(T item)
        {
            if (_buckets == null) return -1;
            uint hash = item == null ? 0 : (uint)_comparer.GetHashCode(item);
            int i = _buckets[hash % (uint)_buckets.Length] - 1;
            while (i >= 0)
            {
                ref Entry e = ref _entries![i];
                if (e.HashCode == hash && _comparer.Equals(e.Value, item)) return i;
                i = e.Next;
            }
            return -1;
        }

        private void Resize(int newSize)
        {
            var entries = new Entry[newSize];
            Array.Copy(_entries!, entries, _count);
            _buckets = new int[newSize];
            for (int i = 0; i < _count; i++)
            {
                if (entries[i].Next >= -1)
                {
                    ref int bucket = ref _buckets[entries[i].HashCode % (uint)newSize];
                    entries[i].Next = bucket - 1;
                    bucket = i + 1;
                }
            }
            _entries = entries;
        }

        /// <summary>Enumerates the elements (for <c>foreach</c>, without allocation).</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        bool ICollection<T>.IsReadOnly => false;

        void ICollection<T>.Add(T item) => Add(item);

        /// <summary>Copies the elements, in enumeration order, into <paramref name="array"/> from <paramref name="arrayIndex"/>.</summary>
        public void CopyTo(T[] array, int arrayIndex)
        {
            if (arrayIndex < 0 || array.Length - arrayIndex < Count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            foreach (T item in this) array[arrayIndex++] = item;
        }

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary>Walks a set; the set must not change meanwhile.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly HashSet<T> _set;
            private readonly int _version;
            private int _index;
            private T? _current;

            internal Enumerator(HashSet<T> set) { _set = set; _version = set._version; _index = 0; _current = default; }

            /// <summary>Advances.</summary>
            public bool MoveNext()
            {
                if (_version != _set._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                while ((uint)_index < (uint)_set._count)
                {
                    ref Entry e = ref _set._entries![_index++];
                    if (e.Next >= -1)
                    {
                        _current = e.Value;
                        return true;
                    }
                }
                _index = _set._count + 1;
                _current = default;
                return false;
            }

            /// <summary>The current element.</summary>
            public T Current => _current!;

            object? IEnumerator.Current => _current;

            /// <summary>Nothing to release.</summary>
            public void Dispose() { }

            void IEnumerator.Reset() { _index = 0; _current = default; }
        }
    }
}
