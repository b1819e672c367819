using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System
{
    /// <summary>A contiguous region of memory (managed or native) of <typeparamref name="T"/>.</summary>
    public readonly ref struct Span<T>
    {
        private readonly ref T _reference;
        private readonly int _length;

        /// <summary>A span over an array.</summary>
        public Span(T[]? array)
        {
            if (array is null) { this = default; return; }
            _reference = ref MemoryMarshal.GetArrayDataReference(array);
            _length = array.Length;
        }

        /// <summary>A span over part of an array.</summary>
        public Span(T[]? array, int start, int length)
        {
            if (array is null) { if (start != 0 || length != 0) ThrowHelpers.ThrowArgumentOutOfRange(); this = default; return; }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length) ThrowHelpers.ThrowArgumentOutOfRange();
            _reference = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)start);
            _length = length;
        }

        /// <summary>A span over native memory.</summary>
        public unsafe Span(void* pointer, int length)
        {
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRange();
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        internal Span(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        internal ref T DangerousReference => ref _reference;

        /// <summary>Number of elements.</summary>
        public int Length => _length;

        /// <summary>Whether the span is empty.</summary>
        public bool IsEmpty => _length == 0;

        /// <summary>The empty span.</summary>
        public static Span<T> Empty => default;

        /// <summary>Element <paramref name="index"/>.</summary>
        public ref T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) ThrowHelpers.ThrowIndexOutOfRange();
                return ref Unsafe.Add(ref _reference, (nint)(uint)index);
            }
        }

        /// <summary>Reference to element 0 (for <c>fixed</c>), or a null reference when empty.</summary>
        public ref T GetPinnableReference()
        {
            ref T ret = ref Unsafe.NullRef<T>();
            if (_length != 0) ret = ref _reference;
            return ref ret;
        }

        /// <summary>The elements from <paramref name="start"/> on.</summary>
        public Span<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) ThrowHelpers.ThrowArgumentOutOfRange();
            return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
        }

        /// <summary><paramref name="length"/> elements from <paramref name="start"/>.</summary>
        public Span<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length) ThrowHelpers.ThrowArgumentOutOfRange();
            return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
        }

        /// <summary>Sets every element to default.</summary>
        public unsafe void Clear()
        {
            for (int i = 0; i < _length; i++) Unsafe.Add(ref _reference, i) = default!;
        }

        /// <summary>Sets every element to <paramref name="value"/>.</summary>
        public void Fill(T value)
        {
            for (int i = 0; i < _length; i++) Unsafe.Add(ref _reference, i) = value;
        }

        /// <summary>Copies into <paramref name="destination"/>, which must be at least as long.</summary>
        public void CopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length) ThrowHelpers.ThrowArgumentOutOfRange();
            Buffer.Memmove(ref destination._reference, ref _reference, (nuint)_length);
        }

        /// <summary>Copies into <paramref name="destination"/> if it is long enough.</summary>
        public bool TryCopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length) return false;
            Buffer.Memmove(ref destination._reference, ref _reference, (nuint)_length);
            return true;
        }

        /// <summary>A new array with the elements.</summary>
        public T[] ToArray()
        {
            T[] result = new T[_length];
            new Span<T>(result).CopyTo_Unchecked(this);
            return result;
        }

        private void CopyTo_Unchecked(Span<T> source) => Buffer.Memmove(ref _reference, ref source._reference, (nuint)source._length);

        /// <summary>The read-only view.</summary>
        public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

        /// <summary>A span over an array.</summary>
        public static implicit operator Span<T>(T[]? array) => new Span<T>(array);

        /// <summary>Enumerates the elements (for <c>foreach</c>).</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        /// <summary>The <c>foreach</c> enumerator.</summary>
        public ref struct Enumerator
        {
            private readonly Span<T> _span;
            private int _index;

            internal Enumerator(Span<T> span) { _span = span; _index = -1; }

            /// <summary>Advances.</summary>
            public bool MoveNext() => ++_index < _span.Length;

            /// <summary>The current element.</summary>
            public ref T Current => ref _span[_index];
        }
    }

    /// <summary>A read-only contiguous region of memory of <typeparamref name="T"/>.</summary>
    public readonly ref struct ReadOnlySpan<T>
    {
        private readonly ref T _reference;
        private readonly int _length;

        /// <summary>A span over an array.</summary>
        public ReadOnlySpan(T[]? array)
        {
            if (array is null) { this = default; return; }
            _reference = ref MemoryMarshal.GetArrayDataReference(array);
            _length = array.Length;
        }

        /// <summary>A span over part of an array.</summary>
        public ReadOnlySpan(T[]? array, int start, int length)
        {
            if (array is null) { if (start != 0 || length != 0) ThrowHelpers.ThrowArgumentOutOfRange(); this = default; return; }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length) ThrowHelpers.ThrowArgumentOutOfRange();
            _reference = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)start);
            _length = length;
        }

        /// <summary>A span over native memory.</summary>
        public unsafe ReadOnlySpan(void* pointer, int length)
        {
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRange();
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        internal ReadOnlySpan(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        internal ReadOnlySpan(ReadOnlySpan<T> other)
        {
            _reference = ref other._reference;
            _length = other._length;
        }

        internal ref T DangerousReference => ref _reference;

        /// <summary>Number of elements.</summary>
        public int Length => _length;

        /// <summary>Whether the span is empty.</summary>
        public bool IsEmpty => _length == 0;

        /// <summary>The empty span.</summary>
        public static ReadOnlySpan<T> Empty => default;

        /// <summary>Element <paramref name="index"/>.</summary>
        public ref readonly T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) ThrowHelpers.ThrowIndexOutOfRange();
                return ref Unsafe.Add(ref _reference, (nint)(uint)index);
            }
        }

        /// <summary>Reference to element 0 (for <c>fixed</c>), or a null reference when empty.</summary>
        public ref readonly T GetPinnableReference()
        {
            ref T ret = ref Unsafe.NullRef<T>();
            if (_length != 0) ret = ref _reference;
            return ref ret;
        }

        /// <summary>The elements from <paramref name="start"/> on.</summary>
        public ReadOnlySpan<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) ThrowHelpers.ThrowArgumentOutOfRange();
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
        }

        /// <summary><paramref name="length"/> elements from <paramref name="start"/>.</summary>
        public ReadOnlySpan<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length) ThrowHelpers.ThrowArgumentOutOfRange();
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
        }

        /// <summary>Copies into <paramref name="destination"/>, which must be at least as long.</summary>
        public void CopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length) ThrowHelpers.ThrowArgumentOutOfRange();
            Buffer.Memmove(ref MemoryMarshal.GetReference(destination), ref _reference, (nuint)_length);
        }

        /// <summary>Copies into <paramref name="destination"/> if it is long enough.</summary>
        public bool TryCopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length) return false;
            Buffer.Memmove(ref MemoryMarshal.GetReference(destination), ref _reference, (nuint)_length);
            return true;
        }

        /// <summary>A new array with the elements.</summary>
        public T[] ToArray()
        {
            T[] result = new T[_length];
            CopyTo(result);
            return result;
        }

        /// <summary>For <c>ReadOnlySpan&lt;char&gt;</c>, the characters as a string; otherwise a type description.</summary>
        public override string ToString()
        {
            if (default(T) is char) return new ReadOnlySpan<char>(ref Unsafe.As<T, char>(ref _reference), _length).ToStringCopy();
            return "System.ReadOnlySpan";
        }

        /// <summary>A span over an array.</summary>
        public static implicit operator ReadOnlySpan<T>(T[]? array) => new ReadOnlySpan<T>(array);

        /// <summary>Enumerates the elements (for <c>foreach</c>).</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        /// <summary>The <c>foreach</c> enumerator.</summary>
        public ref struct Enumerator
        {
            private readonly ReadOnlySpan<T> _span;
            private int _index;

            internal Enumerator(ReadOnlySpan<T> span) { _span = span; _index = -1; }

            /// <summary>Advances.</summary>
            public bool MoveNext() => ++_index < _span.Length;

            /// <summary>The current element.</summary>
            public ref readonly T Current => ref _span[_index];
        }
    }
}
