// The everyday string members (ordinal: images have no culture data, so Compare/CompareTo/ToUpper are ordinal or
// invariant-ASCII/Latin-1; the CLR's culture-sensitive CompareTo may order mixed-case text differently).
using System.Collections.Generic;
using System.Text;

namespace System
{
    /// <summary>How strings are compared.</summary>
    public enum StringComparison
    {
        /// <summary>Culture rules (ordinal in images).</summary>
        CurrentCulture = 0,
        /// <summary>Culture rules ignoring case (ordinal ignore-case in images).</summary>
        CurrentCultureIgnoreCase = 1,
        /// <summary>Invariant culture (ordinal in images).</summary>
        InvariantCulture = 2,
        /// <summary>Invariant culture ignoring case (ordinal ignore-case in images).</summary>
        InvariantCultureIgnoreCase = 3,
        /// <summary>Code units.</summary>
        Ordinal = 4,
        /// <summary>Code units after upper-casing.</summary>
        OrdinalIgnoreCase = 5,
    }

    /// <summary>Options of <see cref="string.Split(char, StringSplitOptions)"/>.</summary>
    [Flags]
    public enum StringSplitOptions
    {
        /// <summary>Keep every substring.</summary>
        None = 0,
        /// <summary>Drop empty substrings.</summary>
        RemoveEmptyEntries = 1,
        /// <summary>Trim white space from each substring.</summary>
        TrimEntries = 2,
    }

    public sealed partial class String : IComparable<string?>, IComparable
    {
        /// <summary>Ordinal order (the CLR's is culture-sensitive).</summary>
        public int CompareTo(string? strB) => CompareOrdinal(this, strB);

        /// <summary>Ordinal order; null first.</summary>
        public int CompareTo(object? value) => value is null ? 1 : value is string s ? CompareTo(s) : throw new ArgumentException("Object must be of type String.");

        /// <summary>Ordinal order: the difference of the first differing code units, else of the lengths; null first.</summary>
        public static int CompareOrdinal(string? strA, string? strB)
        {
            if ((object?)strA == strB) return 0;
            if (strA is null) return -1;
            if (strB is null) return 1;
            int n = strA.Length < strB.Length ? strA.Length : strB.Length;
            for (int i = 0; i < n; i++)
            {
                int d = strA[i] - strB[i];
                if (d != 0) return d;
            }
            return strA.Length - strB.Length;
        }

        /// <summary>Compares with a comparison kind (culture kinds are ordinal in images).</summary>
        public static int Compare(string? strA, string? strB, StringComparison comparisonType)
        {
            if (comparisonType == StringComparison.OrdinalIgnoreCase || comparisonType == StringComparison.InvariantCultureIgnoreCase || comparisonType == StringComparison.CurrentCultureIgnoreCase)
                return CompareOrdinal(strA?.ToUpperInvariant(), strB?.ToUpperInvariant());
            return CompareOrdinal(strA, strB);
        }

        /// <summary>Ordinal order (the CLR's is culture-sensitive).</summary>
        public static int Compare(string? strA, string? strB) => CompareOrdinal(strA, strB);

        /// <summary>Equality with a comparison kind.</summary>
        public bool Equals(string? value, StringComparison comparisonType) => Compare(this, value, comparisonType) == 0 && value is not null;

        /// <summary>Equality with a comparison kind, null-safe.</summary>
        public static bool Equals(string? a, string? b, StringComparison comparisonType) => a is null ? b is null : a.Equals(b, comparisonType);

        /// <summary>Whether the string is null, empty or white space.</summary>
        public static bool IsNullOrWhiteSpace(string? value)
        {
            if (value is null) return true;
            for (int i = 0; i < value.Length; i++) if (!char.IsWhiteSpace(value[i])) return false;
            return true;
        }

        /// <summary>Index of the first <paramref name="value"/> at or after <paramref name="startIndex"/>, or -1.</summary>
        public int IndexOf(char value, int startIndex)
        {
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            for (int i = startIndex; i < Length; i++) if (this[i] == value) return i;
            return -1;
        }

        /// <summary>Index of the first occurrence of <paramref name="value"/> (ordinal), or -1.</summary>
        public int IndexOf(string value) => IndexOf(value, 0);

        /// <summary>Index of the first occurrence of <paramref name="value"/> at or after <paramref name="startIndex"/> (ordinal), or -1.</summary>
        public int IndexOf(string value, int startIndex)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            int found = this.AsSpan(startIndex).IndexOf(value.AsSpan());
            return found < 0 ? -1 : found + startIndex;
        }

        /// <summary>Index of the first occurrence of <paramref name="value"/>, or -1 (culture kinds are ordinal in images).</summary>
        public int IndexOf(string value, StringComparison comparisonType)
        {
            if (comparisonType == StringComparison.OrdinalIgnoreCase || comparisonType == StringComparison.InvariantCultureIgnoreCase || comparisonType == StringComparison.CurrentCultureIgnoreCase)
                return ToUpperInvariant().IndexOf(value.ToUpperInvariant(), 0);
            return IndexOf(value, 0);
        }

        /// <summary>Index of the first of any of <paramref name="anyOf"/>, or -1.</summary>
        public int IndexOfAny(char[] anyOf)
        {
            for (int i = 0; i < Length; i++) if (Array.IndexOf(anyOf, this[i]) >= 0) return i;
            return -1;
        }

        /// <summary>Index of the last <paramref name="value"/>, or -1.</summary>
        public int LastIndexOf(char value)
        {
            for (int i = Length - 1; i >= 0; i--) if (this[i] == value) return i;
            return -1;
        }

        /// <summary>Index of the last occurrence of <paramref name="value"/> (ordinal), or -1.</summary>
        public int LastIndexOf(string value)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            return this.AsSpan().LastIndexOf(value.AsSpan());
        }

        /// <summary>Whether <paramref name="value"/> occurs (ordinal).</summary>
        public bool Contains(string value)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            return IndexOf(value, 0) >= 0;
        }

        /// <summary>Whether <paramref name="value"/> occurs.</summary>
        public bool Contains(char value) => IndexOf(value) >= 0;

        /// <summary>Whether the string starts with <paramref name="value"/>.</summary>
        public bool StartsWith(char value) => Length != 0 && this[0] == value;

        /// <summary>Whether the string ends with <paramref name="value"/>.</summary>
        public bool EndsWith(char value) => Length != 0 && this[Length - 1] == value;

        /// <summary>Whether the string starts with <paramref name="value"/> under a comparison kind.</summary>
        public bool StartsWith(string value, StringComparison comparisonType)
            => value.Length <= Length && Compare(Substring(0, value.Length), value, comparisonType) == 0;

        /// <summary>Whether the string ends with <paramref name="value"/> under a comparison kind.</summary>
        public bool EndsWith(string value, StringComparison comparisonType)
            => value.Length <= Length && Compare(Substring(Length - value.Length), value, comparisonType) == 0;

        /// <summary>The characters as a new array.</summary>
        public char[] ToCharArray() => this.AsSpan().ToArray();

        /// <summary>Without leading and trailing white space.</summary>
        public string Trim() => TrimCore(true, true, null);

        /// <summary>Without leading and trailing <paramref name="trimChar"/>.</summary>
        public string Trim(char trimChar) => TrimCore(true, true, new char[] { trimChar });

        /// <summary>Without leading and trailing characters of <paramref name="trimChars"/> (white space if none).</summary>
        public string Trim(params char[]? trimChars) => TrimCore(true, true, trimChars);

        /// <summary>Without leading white space.</summary>
        public string TrimStart() => TrimCore(true, false, null);

        /// <summary>Without leading <paramref name="trimChar"/>.</summary>
        public string TrimStart(char trimChar) => TrimCore(true, false, new char[] { trimChar });

        /// <summary>Without trailing white space.</summary>
        public string TrimEnd() => TrimCore(false, true, null);

        /// <summary>Without trailing <paramref name="trimChar"/>.</summary>
        public string TrimEnd(char trimChar) => TrimCore(false, true, new char[] { trimChar });

        private string TrimCore(bool start, bool end, char[]? chars)
        {
            int first = 0, last = Length - 1;
            if (start) while (first <= last && IsTrimmed(this[first], chars)) first++;
            if (end) while (last >= first && IsTrimmed(this[last], chars)) last--;
            return first == 0 && last == Length - 1 ? this : Substring(first, last - first + 1);
        }

        private static bool IsTrimmed(char c, char[]? chars) => chars is null || chars.Length == 0 ? char.IsWhiteSpace(c) : Array.IndexOf(chars, c) >= 0;

        /// <summary>Every <paramref name="oldChar"/> replaced.</summary>
        public string Replace(char oldChar, char newChar)
        {
            if (IndexOf(oldChar) < 0) return this;
            char[] chars = ToCharArray();
            for (int i = 0; i < chars.Length; i++) if (chars[i] == oldChar) chars[i] = newChar;
            return new string(chars);
        }

        /// <summary>Every occurrence of <paramref name="oldValue"/> (ordinal) replaced; null removes.</summary>
        public string Replace(string oldValue, string? newValue)
        {
            if (oldValue is null) throw new ArgumentNullException(nameof(oldValue));
            if (oldValue.Length == 0) throw new ArgumentException("String cannot be of zero length.", nameof(oldValue));
            int at = IndexOf(oldValue, 0);
            if (at < 0) return this;
            var sb = new StringBuilder(Length);
            int from = 0;
            while (at >= 0)
            {
                sb.Append(this, from, at - from).Append(newValue);
                from = at + oldValue.Length;
                at = IndexOf(oldValue, from);
            }
            return sb.Append(this, from, Length - from).ToString();
        }

        /// <summary>Upper case (ASCII and Latin-1 letters).</summary>
        public string ToUpperInvariant() => MapCase(true);

        /// <summary>Lower case (ASCII and Latin-1 letters).</summary>
        public string ToLowerInvariant() => MapCase(false);

        /// <summary>Upper case (invariant rules in images).</summary>
        public string ToUpper() => MapCase(true);

        /// <summary>Lower case (invariant rules in images).</summary>
        public string ToLower() => MapCase(false);

        private string MapCase(bool upper)
        {
            char[]? chars = null;
            for (int i = 0; i < Length; i++)
            {
                char c = this[i], m = upper ? UpperLatin1(c) : LowerLatin1(c);
                if (m != c)
                {
                    chars ??= ToCharArray();
                    chars[i] = m;
                }
            }
            return chars is null ? this : new string(chars);
        }

        internal static char UpperLatin1(char c)
        {
            if ((uint)(c - 'a') <= 'z' - 'a') return (char)(c - 32);
            if (c >= '\u00E0' && c <= '\u00FE' && c != '\u00F7') return (char)(c - 32);
            if (c == '\u00FF') return '\u0178';
            if (c == '\u00B5') return '\u039C';
            return c;
        }

        internal static char LowerLatin1(char c)
        {
            if ((uint)(c - 'A') <= 'Z' - 'A') return (char)(c + 32);
            if (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7') return (char)(c + 32);
            if (c == '\u0178') return '\u00FF';
            return c;
        }

        /// <summary>Padded on the left with spaces to <paramref name="totalWidth"/>.</summary>
        public string PadLeft(int totalWidth) => PadLeft(totalWidth, ' ');

        /// <summary>Padded on the left to <paramref name="totalWidth"/>.</summary>
        public string PadLeft(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException(nameof(totalWidth));
            return totalWidth <= Length ? this : Concat(new string(paddingChar, totalWidth - Length), this);
        }

        /// <summary>Padded on the right with spaces to <paramref name="totalWidth"/>.</summary>
        public string PadRight(int totalWidth) => PadRight(totalWidth, ' ');

        /// <summary>Padded on the right to <paramref name="totalWidth"/>.</summary>
        public string PadRight(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException(nameof(totalWidth));
            return totalWidth <= Length ? this : Concat(this, new string(paddingChar, totalWidth - Length));
        }

        /// <summary><paramref name="value"/> inserted at <paramref name="startIndex"/>.</summary>
        public string Insert(int startIndex, string value)
        {
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            return Concat(this.AsSpan(0, startIndex), value.AsSpan(), this.AsSpan(startIndex));
        }

        /// <summary>Without the characters from <paramref name="startIndex"/> on.</summary>
        public string Remove(int startIndex) => Substring(0, startIndex);

        /// <summary>Without <paramref name="count"/> characters from <paramref name="startIndex"/>.</summary>
        public string Remove(int startIndex, int count) => Concat(this.AsSpan(0, startIndex), this.AsSpan(startIndex + count));
    }
}
