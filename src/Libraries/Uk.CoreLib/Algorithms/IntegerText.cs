// Pure algorithm shared by Uk.CoreLib and the host tests: integer formatting ("D", "G", "N", "X") and parsing
// (NumberStyles.Integer) with the invariant culture's rules.
namespace Uk.Algorithms
{
    /// <summary>What a failed integer parse means (the caller throws FormatException or OverflowException).</summary>
    internal enum ParseStatus
    {
        /// <summary>Parsed.</summary>
        Ok,
        /// <summary>Not an integer.</summary>
        Format,
        /// <summary>Outside the type's range.</summary>
        Overflow,
    }

    /// <summary>Integer text in the invariant culture.</summary>
    internal static class IntegerText
    {
        /// <summary>
        /// Formats a magnitude with a sign. <paramref name="format"/>: null/empty/"G"/"D" (decimal, "Dn" pads to n
        /// digits), "N" (groups of three with ',' and n decimals of '0', default 2), "X"/"x" (hex of
        /// <paramref name="bitsForHex"/>: the caller passes the two's complement as the magnitude). Returns null for
        /// an unsupported format.
        /// </summary>
        internal static string? Format(ulong magnitude, bool negative, string? format, ulong bitsForHex)
        {
            char kind = 'G';
            int precision = -1;
            if (format != null && format.Length > 0)
            {
                kind = format[0];
                if (format.Length > 1)
                {
                    precision = 0;
                    for (int i = 1; i < format.Length; i++)
                    {
                        char c = format[i];
                        if (c < '0' || c > '9' || precision > 99) return null;
                        precision = precision * 10 + (c - '0');
                    }
                }
            }
            char[] buffer = new char[128 + (precision > 0 ? precision : 0)];
            int at = buffer.Length;
            switch (kind)
            {
                case 'G': case 'g':
                case 'D': case 'd':
                    {
                        int digits = 0;
                        do { buffer[--at] = (char)('0' + (int)(magnitude % 10)); magnitude /= 10; digits++; } while (magnitude != 0);
                        if (kind == 'D' || kind == 'd') while (digits < precision) { buffer[--at] = '0'; digits++; }
                        if (negative) buffer[--at] = '-';
                        break;
                    }
                case 'N': case 'n':
                    {
                        int decimals = precision < 0 ? 2 : precision;
                        for (int i = 0; i < decimals; i++) buffer[--at] = '0';
                        if (decimals > 0) buffer[--at] = '.';
                        int digits = 0;
                        do
                        {
                            if (digits > 0 && digits % 3 == 0) buffer[--at] = ',';
                            buffer[--at] = (char)('0' + (int)(magnitude % 10)); magnitude /= 10; digits++;
                        } while (magnitude != 0);
                        if (negative) buffer[--at] = '-';
                        break;
                    }
                case 'X': case 'x':
                    {
                        ulong v = bitsForHex;
                        char letter = kind == 'X' ? 'A' : 'a';
                        int digits = 0;
                        do { int d = (int)(v & 15); buffer[--at] = (char)(d < 10 ? '0' + d : letter + d - 10); v >>= 4; digits++; } while (v != 0);
                        while (digits < precision) { buffer[--at] = '0'; digits++; }
                        break;
                    }
                default:
                    return null;
            }
            return new string(buffer, at, buffer.Length - at);
        }

        /// <summary>
        /// Parses NumberStyles.Integer text (white space, one leading sign, decimal digits, white space) into a value in
        /// [<paramref name="min"/>, <paramref name="max"/>].
        /// </summary>
        internal static ParseStatus TryParseInt64(System.ReadOnlySpan<char> text, long min, long max, out long result)
        {
            result = 0;
            if (!TrySplit(text, out bool negative, out System.ReadOnlySpan<char> digits)) return ParseStatus.Format;
            ulong limit = negative ? (ulong)(-(min + 1)) + 1 : (ulong)max;
            ulong value = 0;
            bool overflow = false;
            for (int i = 0; i < digits.Length; i++)
            {
                uint d = (uint)(digits[i] - '0');
                if (!overflow && (value > (limit - d) / 10)) overflow = true;
                if (!overflow) value = value * 10 + d;
            }
            if (overflow) return ParseStatus.Overflow;
            if (negative && value != 0 && min == 0) return ParseStatus.Overflow;
            result = negative ? (long)(0 - value) : (long)value;
            return ParseStatus.Ok;
        }

        /// <summary>Parses NumberStyles.Integer text into an unsigned 64-bit value.</summary>
        internal static ParseStatus TryParseUInt64(System.ReadOnlySpan<char> text, out ulong result)
        {
            result = 0;
            if (!TrySplit(text, out bool negative, out System.ReadOnlySpan<char> digits)) return ParseStatus.Format;
            ulong value = 0;
            bool overflow = false;
            for (int i = 0; i < digits.Length; i++)
            {
                uint d = (uint)(digits[i] - '0');
                if (!overflow && value > (ulong.MaxValue - d) / 10) overflow = true;
                if (!overflow) value = value * 10 + d;
            }
            if (overflow || (negative && value != 0)) return ParseStatus.Overflow;
            result = value;
            return ParseStatus.Ok;
        }

        private static bool TrySplit(System.ReadOnlySpan<char> text, out bool negative, out System.ReadOnlySpan<char> digits)
        {
            negative = false;
            digits = default;
            int i = 0, end = text.Length;
            while (i < end && IsWhite(text[i])) i++;
            while (end > i && IsWhite(text[end - 1])) end--;
            if (i < end && (text[i] == '-' || text[i] == '+')) { negative = text[i] == '-'; i++; }
            if (i == end) return false;
            for (int j = i; j < end; j++)
            {
                if (text[j] < '0' || text[j] > '9') return false;
            }
            digits = text.Slice(i, end - i);
            return true;
        }

        private static bool IsWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');
    }
}
