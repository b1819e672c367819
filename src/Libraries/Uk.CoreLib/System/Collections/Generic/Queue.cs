// Queue<T>: a circular buffer that doubles when full.
namespace System.Collections.Generic
{
    /// <summary>A first-in first-out queue.</summary>
    public class Queue<T> : IReadOnlyCollection<T>
    {
        private T[] _array;
        private int _head, _tail, _size, _version;

        /// <summary>An empty queue.</summary>
        public Queue() { _array = Array.Empty<T>(); }

        /// <summary>An empty queue with room for <paramref name="capacity"/> elements.</summary>
        public Queue(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            _array = new T[capacity];
        }

        /// <summary>Number of elements.</summary>
        public int Count => _size;

        /// <summary>Adds an element at the end.</summary>
        public void Enqueue(T item)
        {
            if (_size == _array.Length)
            {
                int capacity = 2 * _array.Length;
                if (capacity < _array.Length + 4) capacity = _array.Length + 4;
                var grown = new T[capacity];
                for (int i = 0; i < _size; i++) grown[i] = _array[(_head + i) % _array.Length];
                _array = grown;
                _head = 0;
                _tail = _size;
            }
            _array[_tail] = item;
            _tail = _tail + 1 == _array.Length ? 0 : _tail + 1;
            _size++;
            _version++;
        }

        /// <summary>Removes and returns the first element; throws InvalidOperationException when empty.</summary>
        public T Dequeue()
        {
            if (!TryDequeue(out T result)) throw new InvalidOperationException("Queue empty.");
            return result;
        }

        /// <summary>Removes the first element if there is one.</summary>
        public bool TryDequeue(out T result)
        {
            if (_size == 0)
            {
                result = default!;
                return false;
            }
            result = _array[_head];
            _array[_head] = default!;
            _head = _head + 1 == _array.Length ? 0 : _head + 1;
            _size--;
            _version++;
            return true;
        }

        /// <summary>The first element; throws InvalidOperationException when empty.</summary>
        public T Peek()
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            return _array[_head];
        }

        /// <summary>The first element if there is one.</summary>
        public bool TryPeek(out T result)
        {
            result = _size == 0 ? default! : _array[_head];
            return _size != 0;
        }

        /// <summary>Whether the queue holds <paramref name="item"/>.</summary>
        public bool Contains(T item)
        {
            EqualityComparer<T> c = EqualityComparer<T>.Default;
            for (int i = 0; i < _size; i++)
            {
                if (c.Equals(_array[(_head + i) % _array.Length], item)) return true;
            }
            return false;
        }

        /// <summary>Removes every element.</summary>
        public void Clear()
        {
            if (_size > 0) Array.Clear(_array, 0, _array.Length);
            _head = _tail = _size = 0;
            _version++;
        }

        /// <summary>The elements, first to last, as a new array.</summary>
        public T[] ToArray()
        {
            var result = new T[_size];
            for (int i = 0; i < _size; i++) result[i] = _array[(_head + i) % _array.Length];
            return result;
        }

        /// <summary>Enumerates first to last (for <c>foreach</c>, without allocation).</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary>Walks a queue; the queue must not change meanwhile.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly Queue<T> _q;
            private readonly int _version;
            private int _index;
            private T? _current;

            internal Enumerator(Queue<T> q) { _q = q; _version = q._version; _index = -1; _current = default; }

            /// <summary>Advances.</summary>
            public bool MoveNext()
            {
                if (_version != _q._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_index == -2) return false;
                _index++;
                if (_index == _q._size) { _index = -2; _current = default; return false; }
                _current = _q._array[(_q._head + _index) % _q._array.Length];
                return true;
            }

            /// <summary>The current element.</summary>
            public T Current => _current!;

            object? IEnumerator.Current => _current;

            /// <summary>Nothing to release.</summary>
            public void Dispose() { }

            void IEnumerator.Reset() { _index = -1; _current = default; }
        }
    }
}
