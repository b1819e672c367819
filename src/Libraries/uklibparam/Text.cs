namespace Compose.Libraries.UkLibParam
{
    /// <summary>Small text helpers that need nothing from the BCL beyond string concatenation.</summary>
    internal static class Text
    {
        /// <summary>Decimal text of <paramref name="value"/> (long.MinValue included).</summary>
        public static string Decimal(long value)
        {
            if (value == 0) return "0";
            var digits = new char[20];
            int at = digits.Length;
            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            while (magnitude != 0)
            {
                digits[--at] = (char)('0' + (int)(magnitude % 10));
                magnitude /= 10;
            }
            string s = new string(digits, at, digits.Length - at);
            return value < 0 ? "-" + s : s;
        }

        /// <summary>Whether <paramref name="s"/>[start, start+length) equals <paramref name="other"/> exactly.</summary>
        public static bool Equals(string s, int start, int length, string other)
        {
            if (length != other.Length) return false;
            for (int i = 0; i < length; i++) if (s[start + i] != other[i]) return false;
            return true;
        }

        /// <summary>Whether <paramref name="s"/>[start..] equals <paramref name="lowerAscii"/> ignoring ASCII case.</summary>
        public static bool EqualsIgnoreCase(string s, int start, string lowerAscii)
        {
            if (s.Length - start != lowerAscii.Length) return false;
            for (int i = 0; i < lowerAscii.Length; i++)
            {
                char c = s[start + i];
                if (c >= 'A' && c <= 'Z') c = (char)(c + ('a' - 'A'));
                if (c != lowerAscii[i]) return false;
            }
            return true;
        }

        /// <summary>Index of <paramref name="c"/> in <paramref name="s"/> from <paramref name="start"/>, or -1.</summary>
        public static int IndexOf(string s, char c, int start)
        {
            for (int i = start; i < s.Length; i++) if (s[i] == c) return i;
            return -1;
        }
    }
}
