// Dictionary<TKey, TValue>: separate chaining over an entries array. Enumeration follows the entries array, so the
// order is the BCL's: insertion order, with a removed slot reused by the next insertion (last removed first).
namespace System.Collections.Generic
{
    /// <summary>A hash map from keys to values.</summary>
    public class Dictionary<TKey, TValue> : IReadOnlyCollection<KeyValuePair<TKey, TValue>> where TKey : notnull
    {
        private struct Entry
        {
            public uint HashCode;
            public int Next;      // index of the next entry in the chain, -1 at the end; free entries: StartOfFreeList - next free
            public TKey Key;
            public TValue Value;
        }

        private const int StartOfFreeList = -3;

        private int[]? _buckets;  // 1-based index of a chain's first entry; 0 = empty
        private Entry[]? _entries;
        private int _count;       // entries used (including free ones)
        private int _freeList = -1;
        private int _freeCount;
        private int _version;
        private readonly IEqualityComparer<TKey> _comparer;
        private KeyCollection? _keys;
        private ValueCollection? _values;

        /// <summary>An empty dictionary with the default key equality.</summary>
        public Dictionary() : this(0, null) { }

        /// <summary>An empty dictionary with room for <paramref name="capacity"/> entries.</summary>
        public Dictionary(int capacity) : this(capacity, null) { }

        /// <summary>An empty dictionary with a key equality.</summary>
        public Dictionary(IEqualityComparer<TKey>? comparer) : this(0, comparer) { }

        /// <summary>An empty dictionary with room for <paramref name="capacity"/> entries and a key equality.</summary>
        public Dictionary(int capacity, IEqualityComparer<TKey>? comparer)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            if (capacity > 0) Initialize(capacity);
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
        }

        /// <summary>The key equality.</summary>
        public IEqualityComparer<TKey> Comparer => _comparer;

        /// <summary>Number of key/value pairs.</summary>
        public int Count => _count - _freeCount;

        /// <summary>The keys, in enumeration order.</summary>
        public KeyCollection Keys => _keys ??= new KeyCollection(this);

        /// <summary>The values, in enumeration order.</summary>
        public ValueCollection Values => _values ??= new ValueCollection(this);

        /// <summary>The value of <paramref name="key"/>; setting adds or replaces.</summary>
        public TValue this[TKey key]
        {
            get
            {
                int i = FindEntry(key);
                if (i < 0) throw new KeyNotFoundException("The given key '" + key.ToString() + "' was not present in the dictionary.");
                return _entries![i].Value;
            }
            set => TryInsert(key, value, overwrite: true);
        }

        /// <summary>Adds a pair; throws ArgumentException when the key is present.</summary>
        public void Add(TKey key, TValue value) => TryInsert(key, value, overwrite: false);

        /// <summary>Adds a pair unless the key is present; whether it was added.</summary>
        public bool TryAdd(TKey key, TValue value)
        {
            if (FindEntry(key) >= 0) return false;
            TryInsert(key, value, overwrite: false);
            return true;
        }

        /// <summary>Whether <paramref name="key"/> is present.</summary>
        public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

        /// <summary>Whether some key maps to <paramref name="value"/>.</summary>
        public bool ContainsValue(TValue value)
        {
            EqualityComparer<TValue> c = EqualityComparer<TValue>.Default;
            for (int i = 0; i < _count; i++)
            {
                if (_entries![i].Next >= -1 && c.Equals(_entries[i].Value, value)) return true;
            }
            return false;
        }

        /// <summary>The value of <paramref name="key"/> if present.</summary>
        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            if (i >= 0)
            {
                value = _entries![i].Value;
                return true;
            }
            value = default!;
            return false;
        }

        /// <summary>The value of <paramref name="key"/>, or default.</summary>
        public TValue? GetValueOrDefault(TKey key) => TryGetValue(key, out TValue v) ? v : default;

        /// <summary>Removes <paramref name="key"/>; whether it was present.</summary>
        public bool Remove(TKey key) => Remove(key, out _);

        /// <summary>Removes <paramref name="key"/> and returns its value; whether it was present.</summary>
        public bool Remove(TKey key, out TValue value)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (_buckets != null)
            {
                Entry[] entries = _entries!;
                uint hash = (uint)_comparer.GetHashCode(key);
                ref int bucket = ref _buckets[hash % (uint)_buckets.Length];
                int last = -1;
                int i = bucket - 1;
                while (i >= 0)
                {
                    ref Entry e = ref entries[i];
                    if (e.HashCode == hash && _comparer.Equals(e.Key, key))
                    {
                        if (last < 0) bucket = e.Next + 1;
                        else entries[last].Next = e.Next;
                        value = e.Value;
                        e.Next = StartOfFreeList - _freeList;
                        e.Key = default!;
                        e.Value = default!;
                        _freeList = i;
                        _freeCount++; // removal during enumeration is allowed, as in .NET Core 3.0+
                        return true;
                    }
                    last = i;
                    i = e.Next;
                }
            }
            value = default!;
            return false;
        }

        /// <summary>Removes every pair.</summary>
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

        private void Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _buckets = new int[size];
            _entries = new Entry[size];
            _freeList = -1;
        }

        private int FindEntry(TKey key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (_buckets == null) return -1;
            Entry[] entries = _entries!;
            uint hash = (uint)_comparer.GetHashCode(key);
            int i = _buckets[hash % (uint)_buckets.Length] - 1;
            while (i >= 0)
            {
                ref Entry e = ref entries[i];
                if (e.HashCode == hash && _comparer.Equals(e.Key, key)) return i;
                i = e.Next;
            }
            return -1;
        }

        private void TryInsert(TKey key, TValue value, bool overwrite)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (_buckets == null) Initialize(0);
            uint hash = (uint)_comparer.GetHashCode(key);
            int i = _buckets![hash % (uint)_buckets.Length] - 1;
            while (i >= 0)
            {
                ref Entry e = ref _entries![i];
                if (e.HashCode == hash && _comparer.Equals(e.Key, key))
                {
                    if (!overwrite) throw new ArgumentException("An item with the same key has already been added. Key: " + key.ToString());
                    e.Value = value; // like the BCL, not a modification that ends an enumeration
                    return;
                }
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
            entry.Key = key;
            entry.Value = value;
            bucket = index + 1;
            _version++;
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

        /// <summary>Enumerates the pairs (for <c>foreach</c>, without allocation).</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        // Shared by the three enumerators: the next used entry at or after index, or -1.
        private int NextUsed(int index, int version)
        {
            if (version != _version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            while ((uint)index < (uint)_count)
            {
                if (_entries![index].Next >= -1) return index;
                index++;
            }
            return -1;
        }

        /// <summary>Walks the pairs; the dictionary must not change meanwhile.</summary>
        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly Dictionary<TKey, TValue> _d;
            private readonly int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;

            internal Enumerator(Dictionary<TKey, TValue> d) { _d = d; _version = d._version; _index = 0; _current = default; }

            /// <summary>Advances.</summary>
            public bool MoveNext()
            {
                int i = _d.NextUsed(_index, _version);
                if (i < 0) { _index = _d._count + 1; _current = default; return false; }
                _current = new KeyValuePair<TKey, TValue>(_d._entries![i].Key, _d._entries[i].Value);
                _index = i + 1;
                return true;
            }

            /// <summary>The current pair.</summary>
            public KeyValuePair<TKey, TValue> Current => _current;

            object? IEnumerator.Current => _current;

            /// <summary>Nothing to release.</summary>
            public void Dispose() { }

            void IEnumerator.Reset() { _index = 0; _current = default; }
        }

        /// <summary>The keys of a dictionary.</summary>
        public sealed class KeyCollection : IReadOnlyCollection<TKey>
        {
            private readonly Dictionary<TKey, TValue> _d;

            internal KeyCollection(Dictionary<TKey, TValue> d) { _d = d; }

            /// <summary>Number of keys.</summary>
            public int Count => _d.Count;

            /// <summary>Enumerates the keys.</summary>
            public Enumerator GetEnumerator() => new Enumerator(_d);

            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new Enumerator(_d);

            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_d);

            /// <summary>Walks the keys.</summary>
            public struct Enumerator : IEnumerator<TKey>
            {
                private readonly Dictionary<TKey, TValue> _d;
                private readonly int _version;
                private int _index;
                private TKey? _current;

                internal Enumerator(Dictionary<TKey, TValue> d) { _d = d; _version = d._version; _index = 0; _current = default; }

                /// <summary>Advances.</summary>
                public bool MoveNext()
                {
                    int i = _d.NextUsed(_index, _version);
                    if (i < 0) { _index = _d._count + 1; _current = default; return false; }
                    _current = _d._entries![i].Key;
                    _index = i + 1;
                    return true;
                }

                /// <summary>The current key.</summary>
                public TKey Current => _current!;

                object? IEnumerator.Current => _current;

                /// <summary>Nothing to release.</summary>
                public void Dispose() { }

                void IEnumerator.Reset() { _index = 0; _current = default; }
            }
        }

        /// <summary>The values of a dictionary.</summary>
        public sealed class ValueCollection : IReadOnlyCollection<TValue>
        {
            private readonly Dictionary<TKey, TValue> _d;

            internal ValueCollection(Dictionary<TKey, TValue> d) { _d = d; }

            /// <summary>Number of values.</summary>
            public int Count => _d.Count;

            /// <summary>Enumerates the values.</summary>
            public Enumerator GetEnumerator() => new Enumerator(_d);

            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new Enumerator(_d);

            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_d);

            /// <summary>Walks the values.</summary>
            public struct Enumerator : IEnumerator<TValue>
            {
                private readonly Dictionary<TKey, TValue> _d;
                private readonly int _version;
                private int _index;
                private TValue? _current;

                internal Enumerator(Dictionary<TKey, TValue> d) { _d = d; _version = d._version; _index = 0; _current = default; }

                /// <summary>Advances.</summary>
                public bool MoveNext()
                {
                    int i = _d.NextUsed(_index, _version);
                    if (i < 0) { _index = _d._count + 1; _current = default; return false; }
                    _current = _d._entries![i].Value;
                    _index = i + 1;
                    return true;
                }

                /// <summary>The current value.</summary>
                public TValue Current => _current!;

                object? IEnumerator.Current => _current;

                /// <summary>Nothing to release.</summary>
                public void Dispose() { }

                void IEnumerator.Reset() { _index = 0; _current = default; }
            }
        }
    }
}
