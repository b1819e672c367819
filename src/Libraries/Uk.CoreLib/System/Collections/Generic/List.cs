// List<T>: a growable array, source-compatible with the BCL's common members.
namespace System.Collections.Generic
{
    /// <summary>A list of elements backed by an array that doubles when full.</summary>
    public class List<T> : IList<T>, IReadOnlyList<T>
    {
        private T[] _items;
        private int _size;
        private int _version;

        /// <summary>An empty list.</summary>
        public List() { _items = Array.Empty<T>(); }

        /// <summary>An empty list with room for <paramref name="capacity"/> elements.</summary>
        public List(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        /// <summary>A list with the elements of <paramref name="collection"/>.</summary>
        public List(IEnumerable<T> collection)
        {
            if (collection is null) throw new ArgumentNullException(nameof(collection));
            _items = Array.Empty<T>();
            AddRange(collection);
        }

        /// <summary>Number of elements.</summary>
        public int Count => _size;

        /// <summary>Size of the backing array.</summary>
        public int Capacity
        {
            get => _items.Length;
            set
            {
                if (value < _size) throw new ArgumentOutOfRangeException(nameof(value));
                if (value == _items.Length) return;
                T[] items = new T[value];
                Array.Copy(_items, items, _size);
                _items = items;
            }
        }

        /// <summary>The element at <paramref name="index"/>.</summary>
        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size) ThrowIndex();
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size) ThrowIndex();
                _items[index] = value;
                _version++;
            }
        }

        private static void ThrowIndex() => throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");

        /// <summary>Appends an element.</summary>
        public void Add(T item)
        {
            _version++;
            if (_size == _items.Length) Grow(_size + 1);
            _items[_size++] = item;
        }

        /// <summary>Appends the elements of a collection.</summary>
        public void AddRange(IEnumerable<T> collection)
        {
            if (collection is List<T> list)
            {
                if (list._size == 0) return;
                if (_items.Length - _size < list._size) Grow(_size + list._size);
                Array.Copy(list._items, 0, _items, _size, list._size);
                _size += list._size;
                _version++;
                return;
            }
            IEnumerator<T> e = collection.GetEnumerator();
            while (e.MoveNext()) Add(e.Current);
            e.Dispose();
        }

        private void Grow(int needed)
        {
            int capacity = _items.Length == 0 ? 4 : 2 * _items.Length;
            if (capacity < needed) capacity = needed;
            Capacity = capacity;
        }

        /// <summary>Inserts an element at <paramref name="index"/>.</summary>
        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size) throw new ArgumentOutOfRangeException(nameof(index));
            if (_size == _items.Length) Grow(_size + 1);
            if (index < _size) Array.Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = item;
            _size++;
            _version++;
        }

        /// <summary>Removes the first occurrence of <paramref name="item"/>; whether it was found.</summary>
        public bool Remove(T item)
        {
            int index = IndexOf(item);
            if (index < 0) return false;
            RemoveAt(index);
            return true;
        }

        /// <summary>Removes the element at <paramref name="index"/>.</summary>
        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size) ThrowIndex();
            _size--;
            if (index < _size) Array.Copy(_items, index + 1, _items, index, _size - index);
            _items[_size] = default!;
            _version++;
        }

        /// <summary>Removes <paramref name="count"/> elements from <paramref name="index"/>.</summary>
        public void RemoveRange(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count) throw new ArgumentOutOfRangeException(nameof(index));
            if (count == 0) return;
            _size -= count;
            if (index < _size) Array.Copy(_items, index + count, _items, index, _size - index);
            Array.Clear(_items, _size, count);
            _version++;
        }

        /// <summary>Removes every element matching <paramref name="match"/>; how many.</summary>
        public int RemoveAll(Predicate<T> match)
        {
            int kept = 0;
            for (int i = 0; i < _size; i++)
            {
                if (!match(_items[i])) _items[kept++] = _items[i];
            }
            int removed = _size - kept;
            if (removed > 0) Array.Clear(_items, kept, removed);
            _size = kept;
            _version++;
            return removed;
        }

        /// <summary>Removes every element.</summary>
        public void Clear()
        {
            _version++;
            if (_size > 0) Array.Clear(_items, 0, _size);
            _size = 0;
        }

        /// <summary>Whether the list holds <paramref name="item"/>.</summary>
        public bool Contains(T item) => IndexOf(item) >= 0;

        /// <summary>Index of the first <paramref name="item"/>, or -1.</summary>
        public int IndexOf(T item)
        {
            EqualityComparer<T> c = EqualityComparer<T>.Default;
            for (int i = 0; i < _size; i++)
            {
                if (c.Equals(_items[i], item)) return i;
            }
            return -1;
        }

        /// <summary>Index of the last <paramref name="item"/>, or -1.</summary>
        public int LastIndexOf(T item)
        {
            EqualityComparer<T> c = EqualityComparer<T>.Default;
            for (int i = _size - 1; i >= 0; i--)
            {
                if (c.Equals(_items[i], item)) return i;
            }
            return -1;
        }

        /// <summary>Index of the first element matching <paramref name="match"/>, or -1.</summary>
        public int FindIndex(Predicate<T> match)
        {
            for (int i = 0; i < _size; i++)
            {
                if (match(_items[i])) return i;
            }
            return -1;
        }

        /// <summary>The first element matching <paramref name="match"/>, or default.</summary>
        public T? Find(Predicate<T> match)
        {
            int i = FindIndex(match);
            return i < 0 ? default : _items[i];
        }

        /// <summary>Whether some element matches <paramref name="match"/>.</summary>
        public bool Exists(Predicate<T> match) => FindIndex(match) >= 0;

        /// <summary>Calls <paramref name="action"/> on each element.</summary>
        public void ForEach(Action<T> action)
        {
            for (int i = 0; i < _size; i++) action(_items[i]);
        }

        /// <summary>Reverses the order.</summary>
        public void Reverse()
        {
            for (int i = 0, j = _size - 1; i < j; i++, j--)
            {
                T t = _items[i];
                _items[i] = _items[j];
                _items[j] = t;
            }
            _version++;
        }

        /// <summary>Sorts with the default ordering.</summary>
        public void Sort() => Sort((IComparer<T>?)null);

        /// <summary>Sorts with <paramref name="comparer"/> (null: the default ordering).</summary>
        public void Sort(IComparer<T>? comparer)
        {
            Uk.Algorithms.IntroSort.Sort(new Span<T>(_items, 0, _size), comparer ?? Comparer<T>.Default);
            _version++;
        }

        /// <summary>Sorts with <paramref name="comparison"/>.</summary>
        public void Sort(Comparison<T> comparison)
        {
            if (comparison is null) throw new ArgumentNullException(nameof(comparison));
            Uk.Algorithms.IntroSort.Sort(new Span<T>(_items, 0, _size), new ComparisonComparer<T>(comparison));
            _version++;
        }

        /// <summary>Copies the elements into <paramref name="array"/> from <paramref name="arrayIndex"/>.</summary>
        public void CopyTo(T[] array, int arrayIndex)
        {
            if (arrayIndex < 0 || array.Length - arrayIndex < _size) throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.");
            Array.Copy(_items, 0, array, arrayIndex, _size);
        }

        /// <summary>Copies the elements into <paramref name="array"/> from its start.</summary>
        public void CopyTo(T[] array) => CopyTo(array, 0);

        bool ICollection<T>.IsReadOnly => false;

        /// <summary>The elements as a new array.</summary>
        public T[] ToArray()
        {
            T[] result = new T[_size];
            Array.Copy(_items, result, _size);
            return result;
        }

        /// <summary>A new list with <paramref name="count"/> elements from <paramref name="index"/>.</summary>
        public List<T> GetRange(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count) throw new ArgumentOutOfRangeException(nameof(index));
            var list = new List<T>(count);
            Array.Copy(_items, index, list._items, 0, count);
            list._size = count;
            return list;
        }

        /// <summary>Enumerates the elements (for <c>foreach</c>, without allocation).</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary>Walks a list; the list must not change meanwhile.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly List<T> _list;
            private readonly int _version;
            private int _index;
            private T? _current;

            internal Enumerator(List<T> list)
            {
                _list = list;
                _version = list._version;
                _index = 0;
                _current = default;
            }

            /// <summary>Advances.</summary>
            public bool MoveNext()
            {
                if (_version != _list._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if ((uint)_index < (uint)_list._size)
                {
                    _current = _list._items[_index++];
                    return true;
                }
                _index = _list._size + 1;
                _current = default;
                return false;
            }

            /// <summary>The current element.</summary>
            public T Current => _current!;

            object? IEnumerator.Current => _current;

            /// <summary>Nothing to release.</summary>
            public void Dispose() { }

            void IEnumerator.Reset()
            {
                _index = 0;
                _current = default;
            }
        }
    }
}
