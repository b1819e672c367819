// Pure algorithm shared by Uk.CoreLib and the host tests: the shortest decimal digits that round-trip a double
// (what .NET Core 3.0+ prints for double.ToString()), and the layout rules of the "R"/"G" formats.
namespace Uk.Algorithms
{
    /// <summary>
    /// Shortest round-trip digit generation (Steele &amp; White / Burger &amp; Dybvig free-format algorithm with exact
    /// big-integer arithmetic), and the text layout .NET uses for <c>double.ToString()</c> with the invariant culture.
    /// </summary>
    internal static class DoubleFormat
    {
        /// <summary>
        /// Writes the shortest digits d1d2...dn of a finite positive <paramref name="value"/> into
        /// <paramref name="digits"/> (ASCII '0'..'9') and returns n; <paramref name="scale"/> is such that
        /// value ~ 0.d1d2...dn x 10^scale. Among shortest candidates the one nearest the value is chosen.
        /// </summary>
        internal static int ShortestDigits(double value, char[] digits, out int scale)
        {
            ulong bits = (ulong)System.BitConverter.DoubleToInt64Bits(value) & 0x7FFFFFFFFFFFFFFFUL;
            int biasedExp = (int)(bits >> 52);
            ulong fraction = bits & 0xFFFFFFFFFFFFFUL;
            if (biasedExp == 0) return ShortestDigits(fraction, -1074, false, digits, out scale);
            return ShortestDigits(fraction | (1UL << 52), biasedExp - 1075, fraction == 0 && biasedExp > 1, digits, out scale);
        }

        /// <summary>As <see cref="ShortestDigits(double, char[], out int)"/> for a float (its own, wider rounding interval).</summary>
        internal static int ShortestDigits(float value, char[] digits, out int scale)
        {
            uint bits = (uint)System.BitConverter.SingleToInt32Bits(value) & 0x7FFFFFFFu;
            int biasedExp = (int)(bits >> 23);
            uint fraction = bits & 0x7FFFFFu;
            if (biasedExp == 0) return ShortestDigits(fraction, -149, false, digits, out scale);
            return ShortestDigits(fraction | (1u << 23), biasedExp - 150, fraction == 0 && biasedExp > 1, digits, out scale);
        }

        /// <summary>
        /// The shortest digits of f x 2^e inside its rounding interval; <paramref name="unequalGaps"/> when f is a power of
        /// two above the smallest normal (the gap below is half the gap above).
        /// </summary>
        private static int ShortestDigits(ulong f, int e, bool unequalGaps, char[] digits, out int scale)
        {
            bool even = (f & 1) == 0; // boundaries are inclusive when the mantissa is even (round-half-even reading)

            // value = r / s; the rounding interval is (r - mMinus, r + mPlus) / s.
            BigNum r = BigNum.FromUInt64(f), s = BigNum.FromUInt64(1), mPlus = BigNum.FromUInt64(1), mMinus = BigNum.FromUInt64(1);
            if (e >= 0)
            {
                r.ShiftLeft(e + (unequalGaps ? 2 : 1));
                s.SetUInt64(unequalGaps ? 4UL : 2UL);
                mPlus.ShiftLeft(e + (unequalGaps ? 1 : 0));
                mMinus.ShiftLeft(e);
            }
            else
            {
                r.ShiftLeft(unequalGaps ? 2 : 1);
                s.ShiftLeft(-e + (unequalGaps ? 2 : 1));
                if (unequalGaps) mPlus.SetUInt64(2);
            }

            // Estimate scale = ceil(log10(value)) from the binary exponent, then correct it exactly.
            int bitLength = 0;
            for (ulong t = f; t != 0; t >>= 1) bitLength++;
            int e2 = e + bitLength - 1; // 2^e2 <= value < 2^(e2+1)
            int k = (int)System.Math.Floor(e2 * 0.30102999566398119521) + 1;
            if (k >= 0) s.MultiplyPow10(k);
            else { r.MultiplyPow10(-k); mPlus.MultiplyPow10(-k); mMinus.MultiplyPow10(-k); }
            BigNum scratch = new BigNum();
            // Too small: the high end of the interval reaches s (first digit would be >= 10).
            while (even ? BigNum.CompareSum(r, mPlus, s, scratch) >= 0 : BigNum.CompareSum(r, mPlus, s, scratch) > 0)
            {
                s.MultiplySmall(10);
                k++;
            }
            // Too large: ten times the high end still does not reach s (first digit would be 0).
            while (true)
            {
                scratch.CopyFrom(r);
                scratch.Add(mPlus);
                scratch.MultiplySmall(10);
                int c = BigNum.Compare(scratch, s);
                if (even ? c >= 0 : c > 0) break;
                r.MultiplySmall(10); mPlus.MultiplySmall(10); mMinus.MultiplySmall(10);
                k--;
            }

            int n = 0;
            while (true)
            {
                r.MultiplySmall(10); mPlus.MultiplySmall(10); mMinus.MultiplySmall(10);
                uint d = r.DivRemSmallQuotient(s); // r becomes the remainder
                int lowCmp = BigNum.Compare(r, mMinus);
                bool low = even ? lowCmp <= 0 : lowCmp < 0;
                int highCmp = BigNum.CompareSum(r, mPlus, s, scratch);
                bool high = even ? highCmp >= 0 : highCmp > 0;
                if (!low && !high) { digits[n++] = (char)('0' + d); continue; }
                if (low && high)
                {
                    // Both d and d+1 are inside the interval: take the nearer; a tie goes to the even digit.
                    scratch.CopyFrom(r);
                    scratch.ShiftLeft(1);
                    int c = BigNum.Compare(scratch, s);
                    if (c > 0 || (c == 0 && (d & 1) != 0)) d++;
                }
                else if (high) d++;
                digits[n++] = (char)('0' + d);
                break;
            }
            scale = k;
            return n;
        }

        /// <summary>
        /// The text of <c>value.ToString()</c> (and "R") with the invariant culture: shortest round-trip digits,
        /// fixed notation unless the decimal exponent is above 16 or below -5.
        /// </summary>
        internal static string ToShortestString(double value)
        {
            if (double.IsNaN(value)) return "NaN";
            if (value == double.PositiveInfinity) return "Infinity";
            if (value == double.NegativeInfinity) return "-Infinity";
            bool negative = System.BitConverter.DoubleToInt64Bits(value) < 0;
            if (value == 0) return negative ? "-0" : "0";
            char[] digits = new char[32];
            int n = ShortestDigits(negative ? -value : value, digits, out int scale);
            return Layout(negative, digits, n, scale, 17, 'E');
        }

        /// <summary>The text of <c>float.ToString()</c> with the invariant culture (shortest round-trip float digits).</summary>
        internal static string ToShortestString(float value)
        {
            if (float.IsNaN(value)) return "NaN";
            if (value == float.PositiveInfinity) return "Infinity";
            if (value == float.NegativeInfinity) return "-Infinity";
            bool negative = System.BitConverter.SingleToInt32Bits(value) < 0;
            if (value == 0) return negative ? "-0" : "0";
            char[] digits = new char[16];
            int n = ShortestDigits(negative ? -value : value, digits, out int scale);
            return Layout(negative, digits, n, scale, 9, 'E');
        }

        /// <summary>The "G" layout of the digits 0.d1..dn x 10^scale (as .NET's general format).</summary>
        internal static string Layout(bool negative, char[] digits, int n, int scale, int maxDigits, char expChar)
        {
            char[] buffer = new char[n + 32 + (scale > 0 ? scale : -scale)];
            int at = 0;
            if (negative) buffer[at++] = '-';
            bool scientific = scale > maxDigits || scale < -3;
            int pointPos = scientific ? 1 : scale;
            if (pointPos <= 0)
            {
                buffer[at++] = '0';
                buffer[at++] = '.';
                for (int i = 0; i < -pointPos; i++) buffer[at++] = '0';
                for (int i = 0; i < n; i++) buffer[at++] = digits[i];
            }
            else
            {
                for (int i = 0; i < pointPos; i++) buffer[at++] = i < n ? digits[i] : '0';
                if (n > pointPos)
                {
                    buffer[at++] = '.';
                    for (int i = pointPos; i < n; i++) buffer[at++] = digits[i];
                }
            }
            if (scientific)
            {
                int exp = scale - 1;
                buffer[at++] = expChar;
                buffer[at++] = exp < 0 ? '-' : '+';
                if (exp < 0) exp = -exp;
                if (exp >= 100) buffer[at++] = (char)('0' + exp / 100);
                buffer[at++] = (char)('0' + exp / 10 % 10);
                buffer[at++] = (char)('0' + exp % 10);
            }
            return new string(buffer, 0, at);
        }

        // The text of NaN and the infinities, null for a finite value.
        private static string? NonFiniteText(double value)
        {
            if (double.IsNaN(value)) return "NaN";
            if (value == double.PositiveInfinity) return "Infinity";
            if (value == double.NegativeInfinity) return "-Infinity";
            return null;
        }

        // A finite value as f * 2^e (f below 2^53; subnormals included) and its sign (true: negative, -0 too).
        private static bool Decompose(double value, out ulong f, out int e)
        {
            long raw = System.BitConverter.DoubleToInt64Bits(value);
            ulong bits = (ulong)raw & 0x7FFFFFFFFFFFFFFFUL;
            int biasedExp = (int)(bits >> 52);
            ulong fraction = bits & 0xFFFFFFFFFFFFFUL;
            f = biasedExp == 0 ? fraction : fraction | (1UL << 52);
            e = biasedExp == 0 ? -1074 : biasedExp - 1075;
            return raw < 0;
        }

        /// <summary>
        /// "F"/"N" formats with <paramref name="decimals"/> digits after the point: the exact binary value rounded
        /// half to even at that digit (as .NET Core 3.0+), with ',' groups for "N". Finite values only.
        /// </summary>
        internal static string ToFixedString(double value, int decimals, bool groups)
        {
            string? special = NonFiniteText(value);
            if (special != null) return special;
            bool negative = Decompose(value, out ulong f, out int e);
            BigNum n = BigNum.FromUInt64(f);
            n.MultiplyPow10(decimals);
            if (e >= 0) n.ShiftLeft(e);
            else n.ShiftRightRoundHalfEven(-e);
            string digits = n.ToDecimalString();
            if (digits.Length <= decimals) digits = new string('0', decimals + 1 - digits.Length) + digits;
            int intLength = digits.Length - decimals;
            var sb = new char[digits.Length + digits.Length / 3 + 4];
            int at = 0;
            if (negative) sb[at++] = '-';
            for (int i = 0; i < intLength; i++)
            {
                if (groups && i > 0 && (intLength - i) % 3 == 0) sb[at++] = ',';
                sb[at++] = digits[i];
            }
            if (decimals > 0)
            {
                sb[at++] = '.';
                for (int i = intLength; i < digits.Length; i++) sb[at++] = digits[i];
            }
            return new string(sb, 0, at);
        }

        /// <summary>
        /// "E"/"e" format with <paramref name="precision"/> digits after the point: the exact binary value's
        /// decimal digits rounded half to even to precision + 1 significant digits (as .NET Core 3.0+), then
        /// <c>E</c>, the exponent's sign and at least three exponent digits, e.g. <c>1.234568E+003</c>.
        /// </summary>
        internal static string ToExponentString(double value, int precision, char expChar)
        {
            string? special = NonFiniteText(value);
            if (special != null) return special;
            bool negative = Decompose(value, out ulong f, out int e);
            int count = precision + 1;
            var kept = new char[count];
            int exponent = 0;
            if (f == 0)
            {
                for (int i = 0; i < count; i++) kept[i] = '0';
            }
            else
            {
                // The exact decimal expansion: f * 2^e, or f * 5^-e with -e digits after the point.
                BigNum n = BigNum.FromUInt64(f);
                int fractional = 0;
                if (e >= 0) n.ShiftLeft(e);
                else { n.MultiplyPow10(-e); n.ShiftRightRoundHalfEven(-e); fractional = -e; }
                string all = n.ToDecimalString();
                exponent = all.Length - 1 - fractional;
                for (int i = 0; i < count; i++) kept[i] = i < all.Length ? all[i] : '0';
                if (all.Length > count && RoundsUp(all, count, kept[count - 1]))
                {
                    int i = count - 1;
                    while (i >= 0 && kept[i] == '9') kept[i--] = '0';
                    if (i >= 0) kept[i]++;
                    else { kept[0] = '1'; exponent++; }  // 9.99... became 10.0...: the zeros after the 1 stay
                }
            }
            var sb = new char[count + 8];
            int at = 0;
            if (negative) sb[at++] = '-';
            sb[at++] = kept[0];
            if (count > 1) sb[at++] = '.';
            for (int i = 1; i < count; i++) sb[at++] = kept[i];
            sb[at++] = expChar;
            sb[at++] = exponent < 0 ? '-' : '+';
            int magnitude = exponent < 0 ? -exponent : exponent;
            string expDigits = magnitude.ToString();
            for (int i = expDigits.Length; i < 3; i++) sb[at++] = '0';
            for (int i = 0; i < expDigits.Length; i++) sb[at++] = expDigits[i];
            return new string(sb, 0, at);
        }

        // Whether the digits from `cut` on round the kept ones up: above half, or exactly half and the last kept
        // digit is odd (half to even).
        private static bool RoundsUp(string digits, int cut, char lastKept)
        {
            if (digits[cut] != '5') return digits[cut] > '5';
            for (int i = cut + 1; i < digits.Length; i++) if (digits[i] != '0') return true;
            return ((lastKept - '0') & 1) == 1;
        }
    }
}
