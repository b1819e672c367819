// Formatting, parsing and ordering of the primitive types, the BCL's members (invariant culture). The algorithms
// live in Uk.Algorithms (Algorithms/*.cs), which the host tests check against the real BCL.
using Uk.Algorithms;

namespace System
{
    /// <summary>Supplies culture-specific formatting (images have only the invariant culture; providers are ignored).</summary>
    public interface IFormatProvider
    {
        /// <summary>A formatting service.</summary>
        object? GetFormat(Type? formatType);
    }

    /// <summary>A value that formats itself with a format string.</summary>
    public interface IFormattable
    {
        /// <summary>The text of the value in <paramref name="format"/>.</summary>
        string ToString(string? format, IFormatProvider? formatProvider);
    }

    internal static class ParseHelpers
    {
        internal static Exception Error(ParseStatus status, string type, ReadOnlySpan<char> text) => status == ParseStatus.Overflow
            ? new OverflowException("Value was either too large or too small for " + Article(type) + ".")
            : new FormatException("The input string '" + text.ToString() + "' was not in a correct format.");

        private static string Article(string type) => type == "Byte" ? "an unsigned byte" : type == "SByte" ? "a signed byte" : type[0] == 'U' ? "a " + type : "an " + type;
    }

    public readonly partial struct SByte : IComparable<sbyte>, IComparable, IFormattable
    {
        /// <summary>The largest value.</summary>
        public const sbyte MaxValue = 127;

        /// <summary>The smallest value.</summary>
        public const sbyte MinValue = -128;
        /// <summary>Formats with "G", "D", "N" or "X" and an optional precision (the provider is ignored).</summary>
        public string ToString(string? format, IFormatProvider? provider) => Number.FormatInt64(m_value, format, 2);

        /// <summary>Formats with "G", "D", "N" or "X" and an optional precision.</summary>
        public string ToString(string? format) => Number.FormatInt64(m_value, format, 2);

        /// <summary>Orders by value.</summary>
        public int CompareTo(sbyte value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        /// <summary>Orders by value; null sorts first.</summary>
        public int CompareTo(object? value)
        {
            if (value is null) return 1;
            if (value is sbyte other) return CompareTo(other);
            throw new ArgumentException("Object must be of type SByte.");
        }

        /// <summary>Parses decimal text (white space and a sign allowed); FormatException or OverflowException.</summary>
        public static sbyte Parse(string s)
        {
            if (s is null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan());
        }

        /// <summary>Parses decimal text; FormatException or OverflowException.</summary>
        public static sbyte Parse(ReadOnlySpan<char> s)
        {
            ParseStatus status = TryParseCore(s, out sbyte result);
            if (status != ParseStatus.Ok) throw ParseHelpers.Error(status, "SByte", s);
            return result;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(string? s, out sbyte result)
        {
            if (s is null) { result = 0; return false; }
            return TryParseCore(s.AsSpan(), out result) == ParseStatus.Ok;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, out sbyte result) => TryParseCore(s, out result) == ParseStatus.Ok;

        private static ParseStatus TryParseCore(ReadOnlySpan<char> s, out sbyte result)
        {
            ParseStatus status = IntegerText.TryParseInt64(s, MinValue, MaxValue, out long v);
            result = (sbyte)v;
            return status;
        }
    }

    public readonly partial struct Byte : IComparable<byte>, IComparable, IFormattable
    {
        /// <summary>The largest value.</summary>
        public const byte MaxValue = 255;

        /// <summary>The smallest value.</summary>
        public const byte MinValue = 0;
        /// <summary>Formats with "G", "D", "N" or "X" and an optional precision (the provider is ignored).</summary>
        public string ToString(string? format, IFormatProvider? provider) => Number.FormatUInt64(m_value, format, 2);

        /// <summary>Orders by value.</summary>
        public int CompareTo(byte value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        /// <summary>Orders by value; null sorts first.</summary>
        public int CompareTo(object? value)
        {
            if (value is null) return 1;
            if (value is byte other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Byte.");
        }

        /// <summary>Parses decimal text (white space and a sign allowed); FormatException or OverflowException.</summary>
        public static byte Parse(string s)
        {
            if (s is null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan());
        }

        /// <summary>Parses decimal text; FormatException or OverflowException.</summary>
        public static byte Parse(ReadOnlySpan<char> s)
        {
            ParseStatus status = TryParseCore(s, out byte result);
            if (status != ParseStatus.Ok) throw ParseHelpers.Error(status, "Byte", s);
            return result;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(string? s, out byte result)
        {
            if (s is null) { result = 0; return false; }
            return TryParseCore(s.AsSpan(), out result) == ParseStatus.Ok;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, out byte result) => TryParseCore(s, out result) == ParseStatus.Ok;

        private static ParseStatus TryParseCore(ReadOnlySpan<char> s, out byte result)
        {
            ParseStatus status = IntegerText.TryParseInt64(s, MinValue, MaxValue, out long v);
            result = (byte)v;
            return status;
        }
    }

    public readonly partial struct Int16 : IComparable<short>, IComparable, IFormattable
    {
        /// <summary>The largest value.</summary>
        public const short MaxValue = 32767;

        /// <summary>The smallest value.</summary>
        public const short MinValue = -32768;
        /// <summary>Formats with "G", "D", "N" or "X" and an optional precision (the provider is ignored).</summary>
        public string ToString(string? format, IFormatProvider? provider) => Number.FormatInt64(m_value, format, 4);

        /// <summary>Formats with "G", "D", "N" or "X" and an optional precision.</summary>
        public string ToString(string? format) => Number.FormatInt64(m_value, format, 4);

        /// <summary>Orders by value.</summary>
        public int CompareTo(short value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        /// <summary>Orders by value; null sorts first.</summary>
        public int CompareTo(object? value)
        {
            if (value is null) return 1;
            if (value is short other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int16.");
        }

        /// <summary>Parses decimal text (white space and a sign allowed); FormatException or OverflowException.</summary>
        public static short Parse(string s)
        {
            if (s is null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan());
        }

        /// <summary>Parses decimal text; FormatException or OverflowException.</summary>
        public static short Parse(ReadOnlySpan<char> s)
        {
            ParseStatus status = TryParseCore(s, out short result);
            if (status != ParseStatus.Ok) throw ParseHelpers.Error(status, "Int16", s);
            return result;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(string? s, out short result)
        {
            if (s is null) { result = 0; return false; }
            return TryParseCore(s.AsSpan(), out result) == ParseStatus.Ok;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, out short result) => TryParseCore(s, out result) == ParseStatus.Ok;

        private static ParseStatus TryParseCore(ReadOnlySpan<char> s, out short result)
        {
            ParseStatus status = IntegerText.TryParseInt64(s, MinValue, MaxValue, out long v);
            result = (short)v;
            return status;
        }
    }

    public readonly partial struct UInt16 : IComparable<ushort>, IComparable, IFormattable
    {
        /// <summary>The largest value.</summary>
        public const ushort MaxValue = 65535;

        /// <summary>The smallest value.</summary>
        public const ushort MinValue = 0;
        /// <summary>Formats with "G", "D", "N" or "X" and an optional precision (the provider is ignored).</summary>
        public string ToString(string? format, IFormatProvider? provider) => Number.FormatUInt64(m_value, format, 4);

        /// <summary>Orders by value.</summary>
        public int CompareTo(ushort value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        /// <summary>Orders by value; null sorts first.</summary>
        public int CompareTo(object? value)
        {
            if (value is null) return 1;
            if (value is ushort other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt16.");
        }

        /// <summary>Parses decimal text (white space and a sign allowed); FormatException or OverflowException.</summary>
        public static ushort Parse(string s)
        {
            if (s is null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan());
        }

        /// <summary>Parses decimal text; FormatException or OverflowException.</summary>
        public static ushort Parse(ReadOnlySpan<char> s)
        {
            ParseStatus status = TryParseCore(s, out ushort result);
            if (status != ParseStatus.Ok) throw ParseHelpers.Error(status, "UInt16", s);
            return result;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(string? s, out ushort result)
        {
            if (s is null) { result = 0; return false; }
            return TryParseCore(s.AsSpan(), out result) == ParseStatus.Ok;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, out ushort result) => TryParseCore(s, out result) == ParseStatus.Ok;

        private static ParseStatus TryParseCore(ReadOnlySpan<char> s, out ushort result)
        {
            ParseStatus status = IntegerText.TryParseInt64(s, MinValue, MaxValue, out long v);
            result = (ushort)v;
            return status;
        }
    }

    public readonly partial struct Int32 : IComparable<int>, IComparable, IFormattable
    {
        /// <summary>Formats with "G", "D", "N" or "X" and an optional precision (the provider is ignored).</summary>
        public string ToString(string? format, IFormatProvider? provider) => Number.FormatInt64(m_value, format, 8);

        /// <summary>Orders by value.</summary>
        public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        /// <summary>Orders by value; null sorts first.</summary>
        public int CompareTo(object? value)
        {
            if (value is null) return 1;
            if (value is int other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int32.");
        }

        /// <summary>Parses decimal text (white space and a sign allowed); FormatException or OverflowException.</summary>
        public static int Parse(string s)
        {
            if (s is null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan());
        }

        /// <summary>Parses decimal text; FormatException or OverflowException.</summary>
        public static int Parse(ReadOnlySpan<char> s)
        {
            ParseStatus status = TryParseCore(s, out int result);
            if (status != ParseStatus.Ok) throw ParseHelpers.Error(status, "Int32", s);
            return result;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(string? s, out int result)
        {
            if (s is null) { result = 0; return false; }
            return TryParseCore(s.AsSpan(), out result) == ParseStatus.Ok;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, out int result) => TryParseCore(s, out result) == ParseStatus.Ok;

        private static ParseStatus TryParseCore(ReadOnlySpan<char> s, out int result)
        {
            ParseStatus status = IntegerText.TryParseInt64(s, MinValue, MaxValue, out long v);
            result = (int)v;
            return status;
        }
    }

    public readonly partial struct UInt32 : IComparable<uint>, IComparable, IFormattable
    {
        /// <summary>Formats with "G", "D", "N" or "X" and an optional precision (the provider is ignored).</summary>
        public string ToString(string? format, IFormatProvider? provider) => Number.FormatUInt64(m_value, format, 8);

        /// <summary>Orders by value.</summary>
        public int CompareTo(uint value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        /// <summary>Orders by value; null sorts first.</summary>
        public int CompareTo(object? value)
        {
            if (value is null) return 1;
            if (value is uint other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt32.");
        }

        /// <summary>Parses decimal text (white space and a sign allowed); FormatException or OverflowException.</summary>
        public static uint Parse(string s)
        {
            if (s is null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan());
        }

        /// <summary>Parses decimal text; FormatException or OverflowException.</summary>
        public static uint Parse(ReadOnlySpan<char> s)
        {
            ParseStatus status = TryParseCore(s, out uint result);
            if (status != ParseStatus.Ok) throw ParseHelpers.Error(status, "UInt32", s);
            return result;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(string? s, out uint result)
        {
            if (s is null) { result = 0; return false; }
            return TryParseCore(s.AsSpan(), out result) == ParseStatus.Ok;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, out uint result) => TryParseCore(s, out result) == ParseStatus.Ok;

        private static ParseStatus TryParseCore(ReadOnlySpan<char> s, out uint result)
        {
            ParseStatus status = IntegerText.TryParseInt64(s, MinValue, MaxValue, out long v);
            result = (uint)v;
            return status;
        }
    }

    public readonly partial struct Int64 : IComparable<long>, IComparable, IFormattable
    {
        /// <summary>Formats with "G", "D", "N" or "X" and an optional precision (the provider is ignored).</summary>
        public string ToString(string? format, IFormatProvider? provider) => Number.FormatInt64(m_value, format, 16);

        /// <summary>Orders by value.</summary>
        public int CompareTo(long value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        /// <summary>Orders by value; null sorts first.</summary>
        public int CompareTo(object? value)
        {
            if (value is null) return 1;
            if (value is long other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int64.");
        }

        /// <summary>Parses decimal text (white space and a sign allowed); FormatException or OverflowException.</summary>
        public static long Parse(string s)
        {
            if (s is null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan());
        }

        /// <summary>Parses decimal text; FormatException or OverflowException.</summary>
        public static long Parse(ReadOnlySpan<char> s)
        {
            ParseStatus status = TryParseCore(s, out long result);
            if (status != ParseStatus.Ok) throw ParseHelpers.Error(status, "Int64", s);
            return result;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(string? s, out long result)
        {
            if (s is null) { result = 0; return false; }
            return TryParseCore(s.AsSpan(), out result) == ParseStatus.Ok;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, out long result) => TryParseCore(s, out result) == ParseStatus.Ok;

        private static ParseStatus TryParseCore(ReadOnlySpan<char> s, out long result)
        {
            ParseStatus status = IntegerText.TryParseInt64(s, MinValue, MaxValue, out long v);
            result = (long)v;
            return status;
        }
    }

    public readonly partial struct UInt64 : IComparable<ulong>, IComparable, IFormattable
    {
        /// <summary>Formats with "G", "D", "N" or "X" and an optional precision (the provider is ignored).</summary>
        public string ToString(string? format, IFormatProvider? provider) => Number.FormatUInt64(m_value, format, 16);

        /// <summary>Orders by value.</summary>
        public int CompareTo(ulong value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        /// <summary>Orders by value; null sorts first.</summary>
        public int CompareTo(object? value)
        {
            if (value is null) return 1;
            if (value is ulong other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt64.");
        }

        /// <summary>Parses decimal text (white space and a sign allowed); FormatException or OverflowException.</summary>
        public static ulong Parse(string s)
        {
            if (s is null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan());
        }

        /// <summary>Parses decimal text; FormatException or OverflowException.</summary>
        public static ulong Parse(ReadOnlySpan<char> s)
        {
            ParseStatus status = TryParseCore(s, out ulong result);
            if (status != ParseStatus.Ok) throw ParseHelpers.Error(status, "UInt64", s);
            return result;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(string? s, out ulong result)
        {
            if (s is null) { result = 0; return false; }
            return TryParseCore(s.AsSpan(), out result) == ParseStatus.Ok;
        }

        /// <summary>Parses decimal text; false on bad input or overflow.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, out ulong result) => TryParseCore(s, out result) == ParseStatus.Ok;

        private static ParseStatus TryParseCore(ReadOnlySpan<char> s, out ulong result)
        {
            ParseStatus status = IntegerText.TryParseUInt64(s, out ulong v);
            result = v;
            return status;
        }
    }
}
