// The floating-point primitives: shortest round-trip ToString (as .NET Core 3.0+), "F"/"N" formats, correctly rounded
// parsing (Uk.Algorithms.DoubleFormat / DoubleParse), ordering and bit conversions.
using System.Runtime.CompilerServices;
using Uk.Algorithms;

namespace System
{
    /// <summary>A 64-bit IEEE 754 float.</summary>
    public readonly struct Double : IComparable<double>, IComparable, IEquatable<double>, IFormattable
    {
        private readonly double m_value;

        /// <summary>The largest finite value.</summary>
        public const double MaxValue = 1.7976931348623157E+308;
        /// <summary>The smallest finite value.</summary>
        public const double MinValue = -1.7976931348623157E+308;
        /// <summary>The smallest positive value.</summary>
        public const double Epsilon = 4.9406564584124654E-324;
        /// <summary>+∞.</summary>
        public const double PositiveInfinity = 1.0 / 0.0;
        /// <summary>-∞.</summary>
        public const double NegativeInfinity = -1.0 / 0.0;
        /// <summary>Not a number.</summary>
        public const double NaN = 0.0 / 0.0;

        /// <summary>Whether <paramref name="d"/> is NaN.</summary>
        public static bool IsNaN(double d) => (BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFFL) > 0x7FF0000000000000L;
        /// <summary>Whether <paramref name="d"/> is +∞ or -∞.</summary>
        public static bool IsInfinity(double d) => d == PositiveInfinity || d == NegativeInfinity;
        /// <summary>Whether <paramref name="d"/> is +∞.</summary>
        public static bool IsPositiveInfinity(double d) => d == PositiveInfinity;
        /// <summary>Whether <paramref name="d"/> is -∞.</summary>
        public static bool IsNegativeInfinity(double d) => d == NegativeInfinity;
        /// <summary>Whether <paramref name="d"/> is neither NaN nor infinite.</summary>
        public static bool IsFinite(double d) => (BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFFL) < 0x7FF0000000000000L;
        /// <summary>Whether the sign bit is set.</summary>
        public static bool IsNegative(double d) => BitConverter.DoubleToInt64Bits(d) < 0;

        /// <summary>The shortest text that parses back to the same value ("R").</summary>
        public override string ToString() => DoubleFormat.ToShortestString(m_value);

        /// <summary>Formats with ""/"G"/"R" (shortest round-trip), "F"n or "N"n (n decimals, default 2).</summary>
        public string ToString(string? format) => Format(m_value, format);

        /// <summary>As <see cref="ToString(string?)"/>; the provider is ignored (invariant culture).</summary>
        public string ToString(string? format, IFormatProvider? provider) => Format(m_value, format);

        internal static string Format(double value, string? format)
        {
            if (format is null || format.Length == 0 || format == "G" || format == "g" || format == "R" || format == "r") return DoubleFormat.ToShortestString(value);
            char kind = format[0];
            int decimals = kind == 'E' || kind == 'e' ? 6 : 2;
            if (format.Length > 1)
            {
                decimals = 0;
                for (int i = 1; i < format.Length; i++)
                {
                    char c = format[i];
                    if (c < '0' || c > '9' || decimals > 99) throw Number.BadFormat(format);
                    decimals = decimals * 10 + (c - '0');
                }
            }
            if (kind == 'F' || kind == 'f') return DoubleFormat.ToFixedString(value, decimals, false);
            if (kind == 'N' || kind == 'n') return DoubleFormat.ToFixedString(value, decimals, true);
            if (kind == 'E' || kind == 'e') return DoubleFormat.ToExponentString(value, decimals, kind);
            throw Number.BadFormat(format);
        }

        /// <summary>Orders by value; NaN first, NaN equals NaN.</summary>
        public int CompareTo(double value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            return IsNaN(m_value) ? (IsNaN(value) ? 0 : -1) : 1;
        }

        /// <summary>Orders by value; null first.</summary>
        public int CompareTo(object? value) => value is null ? 1 : value is double d ? CompareTo(d) : throw new ArgumentException("Object must be of type Double.");

        /// <summary>Equal values, or both NaN.</summary>
        public bool Equals(double obj) => m_value == obj || (IsNaN(m_value) && IsNaN(obj));

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is double d && Equals(d);

        /// <inheritdoc/>
        public override int GetHashCode()
        {
            long bits = BitConverter.DoubleToInt64Bits(m_value == 0 ? 0.0 : m_value);
            return (int)bits ^ (int)(bits >> 32);
        }

        /// <summary>Parses decimal text (sign, digits with ',' groups, '.', exponent, "Infinity", "NaN"), correctly rounded.</summary>
        public static double Parse(string s)
        {
            if (s is null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan());
        }

        /// <summary>Parses decimal text, correctly rounded; FormatException on bad input.</summary>
        public static double Parse(ReadOnlySpan<char> s)
        {
            if (!DoubleParse.TryParse(s, out double result)) throw new FormatException("The input string '" + s.ToString() + "' was not in a correct format.");
            return result;
        }

        /// <summary>Parses decimal text, correctly rounded; false on bad input.</summary>
        public static bool TryParse(string? s, out double result)
        {
            if (s is null) { result = 0; return false; }
            return DoubleParse.TryParse(s.AsSpan(), out result);
        }

        /// <summary>Parses decimal text, correctly rounded; false on bad input.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, out double result) => DoubleParse.TryParse(s, out result);
    }

    /// <summary>A 32-bit IEEE 754 float: shortest round-trip ToString() (as .NET Core 3.0+), "F"/"N" formats of the exact value.</summary>
    public readonly struct Single : IComparable<float>, IComparable, IEquatable<float>, IFormattable
    {
        private readonly float m_value;

        /// <summary>The largest finite value.</summary>
        public const float MaxValue = 3.40282347E+38f;
        /// <summary>The smallest finite value.</summary>
        public const float MinValue = -3.40282347E+38f;
        /// <summary>Not a number.</summary>
        public const float NaN = 0.0f / 0.0f;
        /// <summary>+∞.</summary>
        public const float PositiveInfinity = 1.0f / 0.0f;
        /// <summary>-∞.</summary>
        public const float NegativeInfinity = -1.0f / 0.0f;

        /// <summary>Whether <paramref name="f"/> is NaN.</summary>
        public static bool IsNaN(float f) => (BitConverter.SingleToInt32Bits(f) & 0x7FFFFFFF) > 0x7F800000;

        /// <summary>The shortest text that parses back to the same float ("R").</summary>
        public override string ToString() => DoubleFormat.ToShortestString(m_value);

        /// <summary>"F"n or "N"n of the exact value.</summary>
        public string ToString(string? format)
        {
            if (format is null || format.Length == 0 || format[0] == 'G' || format[0] == 'R' || format[0] == 'g' || format[0] == 'r') return ToString();
            return Double.Format(m_value, format);
        }

        /// <summary>As <see cref="ToString(string?)"/>; the provider is ignored (invariant culture).</summary>
        public string ToString(string? format, IFormatProvider? provider) => ToString(format);

        /// <summary>Orders by value; NaN first.</summary>
        public int CompareTo(float value) => ((double)m_value).CompareTo(value);

        /// <summary>Orders by value; null first.</summary>
        public int CompareTo(object? value) => value is null ? 1 : value is float f ? CompareTo(f) : throw new ArgumentException("Object must be of type Single.");

        /// <summary>Equal values, or both NaN.</summary>
        public bool Equals(float obj) => m_value == obj || (IsNaN(m_value) && IsNaN(obj));

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is float f && Equals(f);

        /// <inheritdoc/>
        public override int GetHashCode() => BitConverter.SingleToInt32Bits(m_value == 0 ? 0f : m_value);

        /// <summary>Parses decimal text, correctly rounded to double then to float (double rounding possible in rare halfway cases).</summary>
        public static float Parse(string s) => (float)double.Parse(s);
    }

    /// <summary>Reinterprets floating-point bits.</summary>
    public static class BitConverter
    {
        /// <summary>The bits of a double.</summary>
        public static long DoubleToInt64Bits(double value) => Unsafe.As<double, long>(ref value);

        /// <summary>The double with these bits.</summary>
        public static double Int64BitsToDouble(long value) => Unsafe.As<long, double>(ref value);

        /// <summary>The bits of a float.</summary>
        public static int SingleToInt32Bits(float value) => Unsafe.As<float, int>(ref value);

        /// <summary>The float with these bits.</summary>
        public static float Int32BitsToSingle(int value) => Unsafe.As<int, float>(ref value);

        /// <summary>The bits of a double, unsigned.</summary>
        public static ulong DoubleToUInt64Bits(double value) => Unsafe.As<double, ulong>(ref value);

        /// <summary>The double with these bits.</summary>
        public static double UInt64BitsToDouble(ulong value) => Unsafe.As<ulong, double>(ref value);
    }
}
