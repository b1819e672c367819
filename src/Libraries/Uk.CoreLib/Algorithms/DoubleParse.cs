// Pure algorithm shared by Uk.CoreLib and the host tests: correctly rounded decimal-to-double conversion (the
// invariant-culture subset of double.Parse: NumberStyles.Float | AllowThousands).
namespace Uk.Algorithms
{
    /// <summary>Parses decimal text to the nearest double (ties to even) with exact big-integer arithmetic.</summary>
    internal static class DoubleParse
    {
        private const int MaxDigits = 800; // more than the 767 significant digits that can matter; the rest is sticky

        /// <summary>
        /// Parses <paramref name="text"/>: optional white space, sign, digits with ',' group separators, '.', fraction,
        /// exponent (e/E, sign, digits), white space; or "Infinity"/"NaN"/"∞" with an optional sign (case-insensitive).
        /// Returns false on bad syntax.
        /// </summary>
        internal static bool TryParse(System.ReadOnlySpan<char> text, out double result)
        {
            result = 0;
            int i = 0, end = text.Length;
            while (i < end && IsWhite(text[i])) i++;
            while (end > i && IsWhite(text[end - 1])) end--;
            if (i == end) return false;
            bool negative = false;
            if (text[i] == '-' || text[i] == '+') { negative = text[i] == '-'; i++; }
            System.ReadOnlySpan<char> rest = text.Slice(i, end - i);
            if (EqualsIgnoreCase(rest, "Infinity") || EqualsIgnoreCase(rest, "∞")) { result = negative ? double.NegativeInfinity : double.PositiveInfinity; return true; }
            if (EqualsIgnoreCase(rest, "NaN")) { result = double.NaN; return true; }

            char[] digits = new char[(text.Length < MaxDigits ? text.Length : MaxDigits) + 1];
            int count = 0;        // significant digits kept (leading zeros dropped)
            int decimalExp = 0;   // value = 0.digits... scaled: digits as integer x 10^decimalExp
            bool sawDigit = false, sawPoint = false, nonZeroTail = false;
            for (; i < end; i++)
            {
                char c = text[i];
                if (c >= '0' && c <= '9')
                {
                    sawDigit = true;
                    if (count == 0 && c == '0') { if (sawPoint) decimalExp--; continue; }
                    if (count < MaxDigits) { digits[count++] = c; if (sawPoint) decimalExp--; }
                    else { if (c != '0') nonZeroTail = true; if (!sawPoint) decimalExp++; }
                }
                else if (c == '.' && !sawPoint) sawPoint = true;
                else if (c == ',' && !sawPoint && sawDigit) continue;
                else break;
            }
            if (!sawDigit) return false;
            if (i < end)
            {
                if (text[i] != 'e' && text[i] != 'E') return false;
                i++;
                bool expNegative = false;
                if (i < end && (text[i] == '-' || text[i] == '+')) { expNegative = text[i] == '-'; i++; }
                if (i == end) return false;
                long exp = 0;
                for (; i < end; i++)
                {
                    char c = text[i];
                    if (c < '0' || c > '9') return false;
                    if (exp < 100000000) exp = exp * 10 + (c - '0');
                }
                decimalExp += (int)(expNegative ? -exp : exp);
            }
            if (nonZeroTail) { digits[count++] = '1'; decimalExp--; } // a sticky digit below everything kept
            double magnitude = count == 0 ? 0 : Convert(digits, count, decimalExp);
            result = negative ? -magnitude : magnitude;
            return true;
        }

        private static bool IsWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');

        private static bool EqualsIgnoreCase(System.ReadOnlySpan<char> a, string b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                char x = a[i], y = b[i];
                if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
                if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
                if (x != y) return false;
            }
            return true;
        }

        /// <summary>The double nearest to digits x 10^decimalExp (digits has no leading zero, count &gt; 0).</summary>
        private static double Convert(char[] digits, int count, int decimalExp)
        {
            // Magnitude bounds: value < 10^(count+decimalExp) and >= 10^(count+decimalExp-1).
            int top = count + decimalExp;
            if (top > 310) return double.PositiveInfinity;
            if (top < -326) return 0;
            BigNum n = new BigNum();
            for (int i = 0; i < count; i++)
            {
                n.MultiplySmall(10);
                n.AddSmall((uint)(digits[i] - '0'));
            }
            if (decimalExp >= 0)
            {
                n.MultiplyPow10(decimalExp);
                ulong m = n.Top64(out bool sticky);
                return RoundToDouble(m, n.BitLength - 64, sticky);
            }
            // value = n / 10^-decimalExp: scale n up so that the quotient has 65 or 66 bits, divide bit by bit.
            BigNum d = BigNum.FromUInt64(1);
            d.MultiplyPow10(-decimalExp);
            int shift = 65 - (n.BitLength - d.BitLength);
            if (shift > 0) n.ShiftLeft(shift);
            else shift = 0; // quotient already has >= 65 bits; only happens for huge digit counts, still exact below
            ulong q = LongDivideTop(n, d, out int extraBits, out bool rem);
            return RoundToDouble(q, extraBits - shift, rem);
        }

        /// <summary>
        /// Divides n by d (n becomes the remainder); returns the quotient's top 64 bits (left-aligned) and in
        /// extraBits how many low quotient bits were folded into the sticky flag.
        /// </summary>
        private static ulong LongDivideTop(BigNum n, BigNum d, out int extraBits, out bool sticky)
        {
            BigNum shifted = new BigNum();
            int qBits = n.BitLength - d.BitLength; // the quotient has qBits or qBits + 1 bits
            shifted.CopyFrom(d);
            shifted.ShiftLeft(qBits);
            if (BigNum.Compare(n, shifted) >= 0) qBits++;
            ulong q = 0;
            extraBits = 0;
            sticky = false;
            for (int bit = qBits - 1; bit >= 0; bit--)
            {
                shifted.CopyFrom(d);
                shifted.ShiftLeft(bit);
                bool one = BigNum.Compare(n, shifted) >= 0;
                if (one) n.Subtract(shifted);
                if (qBits - 1 - bit < 64) q = (q << 1) | (one ? 1UL : 0UL);
                else { extraBits++; if (one) sticky = true; }
            }
            if (!n.IsZero) sticky = true;
            // Left-align q (it has min(qBits, 64) bits).
            int used = qBits < 64 ? qBits : 64;
            if (used < 64 && used > 0) { q <<= 64 - used; extraBits -= 64 - used; }
            return q;
        }

        /// <summary>
        /// Rounds m x 2^exp2 (m left-aligned, top bit set, plus a sticky fraction below it) to the nearest double,
        /// ties to even, with subnormals and overflow to infinity.
        /// </summary>
        internal static double RoundToDouble(ulong m, int exp2, bool sticky)
        {
            if (m == 0) return 0;
            // value = 1.xxx x 2^(exp2 + 63)
            int e = exp2 + 63;
            if (e > 1023) return double.PositiveInfinity;
            int drop = e >= -1022 ? 11 : 11 + (-1022 - e); // low bits of m that do not fit the mantissa
            if (drop > 64) return 0; // below half the smallest subnormal
            ulong kept = drop == 64 ? 0 : m >> drop;
            ulong lost = drop == 64 ? m : m & ((1UL << drop) - 1);
            ulong half = 1UL << (drop - 1);
            if (lost > half || (lost == half && (sticky || (kept & 1) != 0))) kept++;
            ulong bits;
            if (e >= -1022)
            {
                if (kept == 1UL << 53) { kept >>= 1; e++; if (e > 1023) return double.PositiveInfinity; }
                bits = ((ulong)(e + 1023) << 52) | (kept & 0xFFFFFFFFFFFFFUL);
            }
            else
            {
                bits = kept; // subnormal; a carry into bit 52 correctly yields the smallest normal
            }
            return System.BitConverter.Int64BitsToDouble((long)bits);
        }
    }
}
