namespace Compose.Libraries.UkLibParam
{
    /// <summary>Parsing of parameter values from command-line text.</summary>
    internal static class LibParamValues
    {
        /// <summary>Parses <paramref name="text"/>[start..] as a value of <paramref name="param"/>; returns "" or why not.</summary>
        public static string Parse(LibParam param, string text, int start, out LibParamValue value)
        {
            value = default;
            switch (param.Type)
            {
                case LibParamType.Int:
                    if (!TryParseInt(text, start, out long n))
                        return "expected an integer: decimal with an optional sign, or 0x hexadecimal, within the 64-bit range";
                    if (n < param.Min || n > param.Max)
                        return "out of range " + Text.Decimal(param.Min) + ".." + Text.Decimal(param.Max);
                    value.Int = n;
                    return "";
                case LibParamType.Bool:
                    if (Is(text, start, "1", "true", "yes", "on")) { value.Bool = true; return ""; }
                    if (Is(text, start, "0", "false", "no", "off")) { value.Bool = false; return ""; }
                    return "expected a boolean: 1/0, true/false, yes/no or on/off";
                default:
                    value.String = start == 0 ? text : text.Substring(start);
                    return "";
            }
        }

        private static bool Is(string text, int start, string a, string b, string c, string d)
            => Text.EqualsIgnoreCase(text, start, a) || Text.EqualsIgnoreCase(text, start, b)
               || Text.EqualsIgnoreCase(text, start, c) || Text.EqualsIgnoreCase(text, start, d);

        /// <summary>Decimal (optional sign) or 0x hexadecimal (optional sign) into a long, rejecting overflow.</summary>
        public static bool TryParseInt(string text, int start, out long value)
        {
            value = 0;
            int i = start;
            bool negative = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) { negative = text[i] == '-'; i++; }
            ulong radix = 10;
            if (i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')) { radix = 16; i += 2; }
            if (i == text.Length) return false;
            ulong limit = negative ? 1UL << 63 : (1UL << 63) - 1;
            ulong magnitude = 0;
            for (; i < text.Length; i++)
            {
                int digit = DigitValue(text[i]);
                if (digit < 0 || (ulong)digit >= radix) return false;
                if (magnitude > (limit - (ulong)digit) / radix) return false;
                magnitude = magnitude * radix + (ulong)digit;
            }
            value = negative ? (long)(0 - magnitude) : (long)magnitude;
            return true;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
