// The primitive value types. Their layout is fixed by the runtime: one field holding the value. Operators on
// them are built into C#; the methods here are the few that library code calls (formatting, equality).
namespace System
{
    /// <summary>The base of all value types.</summary>
    public abstract class ValueType
    {
    }

    /// <summary>The base of all enums.</summary>
    public abstract class Enum : ValueType
    {
    }

    /// <summary>The absence of a value.</summary>
    public struct Void
    {
    }

    /// <summary>A boolean.</summary>
    public readonly partial struct Boolean : IEquatable<bool>
    {
        private readonly bool m_value;

        /// <summary>"True" or "False", as on the CLR.</summary>
        public override string ToString() => m_value ? "True" : "False";

        /// <inheritdoc/>
        public bool Equals(bool other) => m_value == other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is bool b && b == m_value;

        /// <inheritdoc/>
        public override int GetHashCode() => m_value ? 1 : 0;
    }

    /// <summary>A UTF-16 code unit.</summary>
    public readonly partial struct Char : IEquatable<char>
    {
        private readonly char m_value;

        /// <summary>A one-character string.</summary>
        public override string ToString() => string.FromChar(m_value);

        /// <summary>Whether <paramref name="c"/> is an ASCII decimal digit ('0'..'9').</summary>
        public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

        /// <summary>Whether <paramref name="c"/> is an ASCII letter.</summary>
        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

        /// <inheritdoc/>
        public bool Equals(char other) => m_value == other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is char c && c == m_value;

        /// <inheritdoc/>
        public override int GetHashCode() => m_value;
    }

    /// <summary>A signed byte.</summary>
    public readonly partial struct SByte : IEquatable<sbyte>
    {
        private readonly sbyte m_value;

        /// <summary>Decimal text.</summary>
        public override string ToString() => Number.Int64ToString(m_value);

        /// <inheritdoc/>
        public bool Equals(sbyte other) => m_value == other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is sbyte v && v == m_value;

        /// <inheritdoc/>
        public override int GetHashCode() => m_value;
    }

    /// <summary>A byte.</summary>
    public readonly partial struct Byte : IEquatable<byte>
    {
        private readonly byte m_value;

        /// <summary>Decimal text.</summary>
        public override string ToString() => Number.UInt64ToString(m_value);

        /// <summary>Formats with "X"/"x" (hex, optional digit count) or decimal.</summary>
        public string ToString(string? format) => Number.FormatUInt64(m_value, format, 2);

        /// <inheritdoc/>
        public bool Equals(byte other) => m_value == other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is byte v && v == m_value;

        /// <inheritdoc/>
        public override int GetHashCode() => m_value;
    }

    /// <summary>A 16-bit integer.</summary>
    public readonly partial struct Int16 : IEquatable<short>
    {
        private readonly short m_value;

        /// <summary>Decimal text.</summary>
        public override string ToString() => Number.Int64ToString(m_value);

        /// <inheritdoc/>
        public bool Equals(short other) => m_value == other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is short v && v == m_value;

        /// <inheritdoc/>
        public override int GetHashCode() => m_value;
    }

    /// <summary>An unsigned 16-bit integer.</summary>
    public readonly partial struct UInt16 : IEquatable<ushort>
    {
        private readonly ushort m_value;

        /// <summary>Decimal text.</summary>
        public override string ToString() => Number.UInt64ToString(m_value);

        /// <summary>Formats with "X"/"x" (hex, optional digit count) or decimal.</summary>
        public string ToString(string? format) => Number.FormatUInt64(m_value, format, 4);

        /// <inheritdoc/>
        public bool Equals(ushort other) => m_value == other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is ushort v && v == m_value;

        /// <inheritdoc/>
        public override int GetHashCode() => m_value;
    }

    /// <summary>A 32-bit integer.</summary>
    public readonly partial struct Int32 : IEquatable<int>
    {
        private readonly int m_value;

        /// <summary>The largest value.</summary>
        public const int MaxValue = 0x7fffffff;

        /// <summary>The smallest value.</summary>
        public const int MinValue = unchecked((int)0x80000000);

        /// <summary>Decimal text.</summary>
        public override string ToString() => Number.Int64ToString(m_value);

        /// <summary>Formats with "X"/"x" (hex of the two's complement, optional digit count) or decimal.</summary>
        public string ToString(string? format) => Number.FormatInt64(m_value, format, 8);

        /// <inheritdoc/>
        public bool Equals(int other) => m_value == other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is int v && v == m_value;

        /// <inheritdoc/>
        public override int GetHashCode() => m_value;
    }

    /// <summary>An unsigned 32-bit integer.</summary>
    public readonly partial struct UInt32 : IEquatable<uint>
    {
        private readonly uint m_value;

        /// <summary>The largest value.</summary>
        public const uint MaxValue = 0xffffffff;

        /// <summary>The smallest value.</summary>
        public const uint MinValue = 0;

        /// <summary>Decimal text.</summary>
        public override string ToString() => Number.UInt64ToString(m_value);

        /// <summary>Formats with "X"/"x" (hex, optional digit count) or decimal.</summary>
        public string ToString(string? format) => Number.FormatUInt64(m_value, format, 8);

        /// <inheritdoc/>
        public bool Equals(uint other) => m_value == other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is uint v && v == m_value;

        /// <inheritdoc/>
        public override int GetHashCode() => (int)m_value;
    }

    /// <summary>A 64-bit integer.</summary>
    public readonly partial struct Int64 : IEquatable<long>
    {
        private readonly long m_value;

        /// <summary>The largest value.</summary>
        public const long MaxValue = 0x7fffffffffffffffL;

        /// <summary>The smallest value.</summary>
        public const long MinValue = unchecked((long)0x8000000000000000L);

        /// <summary>Decimal text.</summary>
        public override string ToString() => Number.Int64ToString(m_value);

        /// <summary>Formats with "X"/"x" (hex of the two's complement, optional digit count) or decimal.</summary>
        public string ToString(string? format) => Number.FormatInt64(m_value, format, 16);

        /// <inheritdoc/>
        public bool Equals(long other) => m_value == other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is long v && v == m_value;

        /// <inheritdoc/>
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
    }

    /// <summary>An unsigned 64-bit integer.</summary>
    public readonly partial struct UInt64 : IEquatable<ulong>
    {
        private readonly ulong m_value;

        /// <summary>The largest value.</summary>
        public const ulong MaxValue = 0xffffffffffffffffUL;

        /// <summary>The smallest value.</summary>
        public const ulong MinValue = 0;

        /// <summary>Decimal text.</summary>
        public override string ToString() => Number.UInt64ToString(m_value);

        /// <summary>Formats with "X"/"x" (hex, optional digit count) or decimal.</summary>
        public string ToString(string? format) => Number.FormatUInt64(m_value, format, 16);

        /// <inheritdoc/>
        public bool Equals(ulong other) => m_value == other;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is ulong v && v == m_value;

        /// <inheritdoc/>
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
    }
}
