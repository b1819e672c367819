using System.Runtime;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using Internal.Runtime;

namespace System
{
    /// <summary>Base of arrays. Layout (ILC): MethodTable, 32-bit length, padding, elements.</summary>
    public abstract partial class Array
    {
        private int _numComponents;

        /// <summary>Number of elements.</summary>
        public int Length => _numComponents;

        /// <summary>An empty array of <typeparamref name="T"/>.</summary>
        public static T[] Empty<T>() => EmptyArray<T>.Value;

        /// <summary>Copies <paramref name="length"/> elements between arrays of the same element type.</summary>
        public static unsafe void Copy(Array source, int sourceIndex, Array destination, int destinationIndex, int length)
        {
            MethodTable* mt = source.GetMethodTable();
            if (mt != destination.GetMethodTable()) throw new ArrayTypeMismatchException();
            if (sourceIndex < 0 || destinationIndex < 0 || length < 0 || sourceIndex + length > source.Length || destinationIndex + length > destination.Length)
                throw new ArgumentOutOfRangeException();
            nuint size = mt->ComponentSize;
            ref byte src = ref Unsafe.As<RawArrayData>(source).Data;
            ref byte dst = ref Unsafe.As<RawArrayData>(destination).Data;
            Buffer.Memmove(ref Unsafe.Add(ref dst, (nint)((nuint)destinationIndex * size)), ref Unsafe.Add(ref src, (nint)((nuint)sourceIndex * size)), (nuint)length * size);
        }

        /// <summary>Copies the first <paramref name="length"/> elements.</summary>
        public static void Copy(Array source, Array destination, int length) => Copy(source, 0, destination, 0, length);

        /// <summary>Sets a range of elements to default.</summary>
        public static unsafe void Clear(Array array, int index, int length)
        {
            nuint size = array.GetMethodTable()->ComponentSize;
            ref byte data = ref Unsafe.Add(ref Unsafe.As<RawArrayData>(array).Data, (nint)((nuint)index * size));
            for (nuint i = 0; i < (nuint)length * size; i++) Unsafe.Add(ref data, (nint)i) = 0;
        }

        /// <summary>Resizes an array by copying into a new one.</summary>
        public static void Resize<T>(ref T[]? array, int newSize)
        {
            T[] larger = new T[newSize];
            if (array != null) new ReadOnlySpan<T>(array, 0, array.Length < newSize ? array.Length : newSize).CopyTo(larger);
            array = larger;
        }

        /// <summary>Index of <paramref name="value"/> in <paramref name="array"/>, or -1.</summary>
        public static int IndexOf<T>(T[] array, T value)
        {
            for (int i = 0; i < array.Length; i++)
            {
                if (array[i] is null ? value is null : array[i]!.Equals(value)) return i;
            }
            return -1;
        }
    }

    internal static class EmptyArray<T>
    {
        internal static readonly T[] Value = new T[0];
    }

    // The generic base ILC gives one-dimensional arrays (T[]): its interfaces are the interfaces of every T[],
    // and its methods implement them with `this` being the array (as NativeAOT's CoreLib does). So an array can be
    // passed as IEnumerable<T> or IReadOnlyList<T>.
    internal class Array<T> : Array, IList<T>, IReadOnlyList<T>
    {
        int IReadOnlyCollection<T>.Count => Unsafe.As<T[]>(this).Length;

        T IReadOnlyList<T>.this[int index] => Unsafe.As<T[]>(this)[index];

        int ICollection<T>.Count => Unsafe.As<T[]>(this).Length;

        bool ICollection<T>.IsReadOnly => true;

        T IList<T>.this[int index]
        {
            get => Unsafe.As<T[]>(this)[index];
            set => Unsafe.As<T[]>(this)[index] = value;
        }

        int IList<T>.IndexOf(T item) => Array.IndexOf(Unsafe.As<T[]>(this), item);

        bool ICollection<T>.Contains(T item) => Array.IndexOf(Unsafe.As<T[]>(this), item) >= 0;

        void ICollection<T>.CopyTo(T[] array, int arrayIndex)
        {
            T[] self = Unsafe.As<T[]>(this);
            if (arrayIndex < 0 || array.Length - arrayIndex < self.Length) throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.");
            Array.Copy(self, 0, array, arrayIndex, self.Length);
        }

        void ICollection<T>.Add(T item) => throw FixedSize();

        void ICollection<T>.Clear() => throw FixedSize();

        bool ICollection<T>.Remove(T item) => throw FixedSize();

        void IList<T>.Insert(int index, T item) => throw FixedSize();

        void IList<T>.RemoveAt(int index) => throw FixedSize();

        private static NotSupportedException FixedSize() => new NotSupportedException("Collection was of a fixed size.");

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new ArrayEnumerator<T>(Unsafe.As<T[]>(this));

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => new ArrayEnumerator<T>(Unsafe.As<T[]>(this));
    }

    /// <summary>Walks an array through IEnumerator&lt;T&gt; (arrays as IEnumerable&lt;T&gt;).</summary>
    internal sealed class ArrayEnumerator<T> : IEnumerator<T>
    {
        private readonly T[] _array;
        private int _index = -1;

        internal ArrayEnumerator(T[] array) { _array = array; }

        public T Current => _array[_index];

        object? System.Collections.IEnumerator.Current => _array[_index];

        public bool MoveNext() => ++_index < _array.Length;

        public void Reset() => _index = -1;

        public void Dispose() { }
    }

    /// <summary>Base of delegates. ILC fills the four fields and generates Invoke.</summary>
    public abstract class Delegate
    {
        internal object _firstParameter = null!;
        internal object _helperObject = null!;
        internal nint _extraFunctionPointerOrData;
        internal nint _functionPointer;

        // A delegate over an instance method: the target is the first argument.
        private void InitializeClosedInstance(object firstParameter, nint functionPointer)
        {
            if (firstParameter is null) throw new NullReferenceException();
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        private void InitializeClosedInstanceSlow(object firstParameter, nint functionPointer) => InitializeClosedInstance(firstParameter, functionPointer);

        private void InitializeClosedInstanceWithGVMResolution(object firstParameter, nint functionPointer) => InitializeClosedInstance(firstParameter, functionPointer);

        // A delegate over a static method: Invoke calls a thunk that finds the method in the extra field.
        private void InitializeOpenStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        private void InitializeClosedStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
        {
            _extraFunctionPointerOrData = functionPointer;
            _helperObject = firstParameter;
            _functionPointer = functionPointerThunk;
            _firstParameter = this;
        }

        private void InitializeOpenInstanceThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        /// <summary>The target object of an instance delegate (null for a static method).</summary>
        public object? Target => (object)_firstParameter == this ? _helperObject : _firstParameter;

        /// <summary>Combination is not supported in images (single-cast delegates only).</summary>
        public static Delegate? Combine(Delegate? a, Delegate? b)
        {
            if (a is null) return b;
            if (b is null) return a;
            throw new NotSupportedException("Multicast delegates are not supported in images.");
        }

        /// <summary>Removes <paramref name="value"/> if it is the whole of <paramref name="source"/>.</summary>
        public static Delegate? Remove(Delegate? source, Delegate? value) => source == value ? null : source;
    }

    /// <summary>Base of delegate types declared in C#.</summary>
    public abstract class MulticastDelegate : Delegate
    {
    }

    /// <summary>A value that may be absent.</summary>
    public struct Nullable<T> where T : struct
    {
        private readonly bool hasValue;
        internal T value;

        /// <summary>Wraps a value.</summary>
        public Nullable(T value) { this.value = value; hasValue = true; }

        /// <summary>Whether there is a value.</summary>
        public readonly bool HasValue => hasValue;

        /// <summary>The value; throws when absent.</summary>
        public readonly T Value
        {
            get
            {
                if (!hasValue) throw new InvalidOperationException("Nullable object must have a value.");
                return value;
            }
        }

        /// <summary>The value or default.</summary>
        public readonly T GetValueOrDefault() => value;

        /// <summary>The value or <paramref name="defaultValue"/>.</summary>
        public readonly T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;

        /// <summary>Wraps a value.</summary>
        public static implicit operator T?(T value) => new T?(value);

        /// <summary>The value; throws when absent.</summary>
        public static explicit operator T(T? value) => value!.Value;

        /// <summary>The value's text, or empty.</summary>
        public override string? ToString() => hasValue ? value.ToString() : "";
    }

    /// <summary>A type (no reflection in images: identity only).</summary>
    public abstract class Type
    {
        /// <summary>The type of a handle.</summary>
        public static Type? GetTypeFromHandle(RuntimeTypeHandle handle) => null;

        /// <summary>The handle.</summary>
        public abstract RuntimeTypeHandle TypeHandle { get; }
    }

    internal sealed unsafe class RuntimeType : Type
    {
        private global::Internal.Runtime.MethodTable* _pUnderlyingEEType;
        private nint _runtimeTypeInfoHandle;

        public override RuntimeTypeHandle TypeHandle => default;
    }

    /// <summary>A type's runtime handle.</summary>
    public struct RuntimeTypeHandle
    {
        private nint _value;
    }

    /// <summary>A method's runtime handle.</summary>
    public struct RuntimeMethodHandle
    {
        private nint _value;
    }

    /// <summary>A field's runtime handle.</summary>
    public struct RuntimeFieldHandle
    {
        private nint _value;
    }

    /// <summary>Variable-argument handle (unsupported).</summary>
    public struct RuntimeArgumentHandle
    {
        private nint _value;
    }

    /// <summary>A typed reference (unsupported).</summary>
    public ref struct TypedReference
    {
        private nint _value;
        private nint _type;
    }

    /// <summary>A disposable resource.</summary>
    public interface IDisposable
    {
        /// <summary>Releases the resource.</summary>
        void Dispose();
    }

    /// <summary>Typed equality.</summary>
    public interface IEquatable<T>
    {
        /// <summary>Whether this equals <paramref name="other"/>.</summary>
        bool Equals(T? other);
    }

    /// <summary>Typed ordering.</summary>
    public interface IComparable<in T>
    {
        /// <summary>Negative, zero or positive.</summary>
        int CompareTo(T? other);
    }

    /// <summary>Untyped ordering.</summary>
    public interface IComparable
    {
        /// <summary>Negative, zero or positive.</summary>
        int CompareTo(object? obj);
    }

    /// <summary>Encapsulates a method.</summary>
    public delegate void Action();
    /// <summary>Encapsulates a method.</summary>
    public delegate void Action<in T>(T obj);
    /// <summary>Encapsulates a method.</summary>
    public delegate void Action<in T1, in T2>(T1 arg1, T2 arg2);
    /// <summary>Encapsulates a method.</summary>
    public delegate void Action<in T1, in T2, in T3>(T1 arg1, T2 arg2, T3 arg3);
    /// <summary>Encapsulates a method.</summary>
    public delegate TResult Func<out TResult>();
    /// <summary>Encapsulates a method.</summary>
    public delegate TResult Func<in T, out TResult>(T arg);
    /// <summary>Encapsulates a method.</summary>
    public delegate TResult Func<in T1, in T2, out TResult>(T1 arg1, T2 arg2);
    /// <summary>Encapsulates a method.</summary>
    public delegate TResult Func<in T1, in T2, in T3, out TResult>(T1 arg1, T2 arg2, T3 arg3);
    /// <summary>A test.</summary>
    public delegate bool Predicate<in T>(T obj);
    /// <summary>An ordering.</summary>
    public delegate int Comparison<in T>(T x, T y);
}
