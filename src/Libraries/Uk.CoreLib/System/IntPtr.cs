// nint and nuint. With RuntimeFeature.NumericIntPtr present, C# treats IntPtr/UIntPtr as nint/nuint and
// builds the arithmetic in; the members here are the ones code names explicitly.
namespace System
{
    /// <summary>A pointer-sized signed integer (<c>nint</c>).</summary>
    public readonly unsafe struct IntPtr : IEquatable<nint>
    {
        private readonly void* _value;

        /// <summary>Zero.</summary>
        public static readonly nint Zero;

        /// <summary>The largest value.</summary>
        public static nint MaxValue => unchecked((nint)0x7fffffffffffffff);

        /// <summary>The smallest value.</summary>
        public static nint MinValue => unchecked((nint)0x8000000000000000);

        /// <summary>The size in bytes (8).</summary>
        public static int Size => sizeof(nint);

        /// <summary>Wraps a pointer.</summary>
        public IntPtr(void* value) { _value = value; }

        /// <summary>Wraps an integer.</summary>
        public IntPtr(int value) { _value = (void*)value; }

        /// <summary>Wraps an integer.</summary>
        public IntPtr(long value) { _value = (void*)value; }

        /// <summary>The value as a pointer.</summary>
        public void* ToPointer() => _value;

        /// <summary>Decimal text.</summary>
        public override string ToString() => Number.Int64ToString((long)_value);

        /// <summary>Formats with "X"/"x" or decimal.</summary>
        public string ToString(string? format) => Number.FormatInt64((long)_value, format, 16);

        /// <inheritdoc/>
        public bool Equals(nint other) => _value == (void*)other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is nint v && (void*)v == _value;

        /// <inheritdoc/>
        public override int GetHashCode() => (int)(long)_value ^ (int)((long)_value >> 32);
    }

    /// <summary>A pointer-sized unsigned integer (<c>nuint</c>).</summary>
    public readonly unsafe struct UIntPtr : IEquatable<nuint>
    {
        private readonly void* _value;

        /// <summary>Zero.</summary>
        public static readonly nuint Zero;

        /// <summary>The largest value.</summary>
        public static nuint MaxValue => unchecked((nuint)0xffffffffffffffff);

        /// <summary>The smallest value.</summary>
        public static nuint MinValue => 0;

        /// <summary>The size in bytes (8).</summary>
        public static int Size => sizeof(nuint);

        /// <summary>Wraps a pointer.</summary>
        public UIntPtr(void* value) { _value = value; }

        /// <summary>Wraps an integer.</summary>
        public UIntPtr(uint value) { _value = (void*)value; }

        /// <summary>Wraps an integer.</summary>
        public UIntPtr(ulong value) { _value = (void*)value; }

        /// <summary>The value as a pointer.</summary>
        public void* ToPointer() => _value;

        /// <summary>Decimal text.</summary>
        public override string ToString() => Number.UInt64ToString((ulong)_value);

        /// <summary>Formats with "X"/"x" or decimal.</summary>
        public string ToString(string? format) => Number.FormatUInt64((ulong)_value, format, 16);

        /// <inheritdoc/>
        public bool Equals(nuint other) => _value == (void*)other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is nuint v && (void*)v == _value;

        /// <inheritdoc/>
        public override int GetHashCode() => (int)(ulong)_value ^ (int)((ulong)_value >> 32);
    }
}
