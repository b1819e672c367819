// Char classification and case mapping (ASCII and Latin-1 in images), Boolean ordering and parsing.
namespace System
{
    public readonly partial struct Char : IComparable<char>, IComparable
    {
        /// <summary>The largest value.</summary>
        public const char MaxValue = (char)0xFFFF;

        /// <summary>The smallest value.</summary>
        public const char MinValue = (char)0;

        /// <summary>Orders by code unit.</summary>
        public int CompareTo(char value) => m_value - value;

        /// <summary>Orders by code unit; null sorts first.</summary>
        public int CompareTo(object? value) => value is null ? 1 : value is char c ? CompareTo(c) : throw new ArgumentException("Object must be of type Char.");

        /// <summary>Whether <paramref name="c"/> is white space (ASCII and Latin-1 white space, the common Unicode spaces).</summary>
        public static bool IsWhiteSpace(char c)
            => c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u0085' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A')
               || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';

        /// <summary>Whether <paramref name="c"/> is a decimal digit (ASCII only in images).</summary>
        public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

        /// <summary>Whether <paramref name="c"/> is a letter (ASCII and Latin-1 letters in images).</summary>
        public static bool IsLetter(char c) => IsAsciiLetter(c) || (c >= '\u00C0' && c <= '\u024F' && c != '\u00D7' && c != '\u00F7');

        /// <summary>Whether <paramref name="c"/> is a letter or a digit.</summary>
        public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

        /// <summary>Whether <paramref name="c"/> is an upper-case ASCII letter.</summary>
        public static bool IsUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

        /// <summary>Whether <paramref name="c"/> is a lower-case ASCII letter.</summary>
        public static bool IsLower(char c) => (uint)(c - 'a') <= 'z' - 'a';

        /// <summary>Whether <paramref name="c"/> is ASCII punctuation.</summary>
        public static bool IsPunctuation(char c)
            => (c >= '!' && c <= '/' && c != '$' && c != '+') || c == ':' || c == ';' || c == '?' || c == '@' || (c >= '[' && c <= ']') || c == '_' || c == '{' || c == '}';

        /// <summary>ASCII upper case (other characters unchanged).</summary>
        public static char ToUpperInvariant(char c) => IsLower(c) ? (char)(c - 32) : c;

        /// <summary>ASCII lower case (other characters unchanged).</summary>
        public static char ToLowerInvariant(char c) => IsUpper(c) ? (char)(c + 32) : c;

        /// <summary>ASCII upper case (other characters unchanged).</summary>
        public static char ToUpper(char c) => ToUpperInvariant(c);

        /// <summary>ASCII lower case (other characters unchanged).</summary>
        public static char ToLower(char c) => ToLowerInvariant(c);
    }

    public readonly partial struct Boolean : IComparable<bool>, IComparable
    {
        /// <summary>"True".</summary>
        public static readonly string TrueString = "True";

        /// <summary>"False".</summary>
        public static readonly string FalseString = "False";

        /// <summary>false before true.</summary>
        public int CompareTo(bool value) => m_value == value ? 0 : m_value ? 1 : -1;

        /// <summary>false before true; null first.</summary>
        public int CompareTo(object? value) => value is null ? 1 : value is bool b ? CompareTo(b) : throw new ArgumentException("Object must be of type Boolean.");

        /// <summary>"True"/"False" in any case, with white space around.</summary>
        public static bool Parse(string value) => TryParse(value, out bool r) ? r : throw new FormatException("String '" + value + "' was not recognized as a valid Boolean.");

        /// <summary>"True"/"False" in any case, with white space around.</summary>
        public static bool TryParse(string? value, out bool result)
        {
            result = false;
            if (value is null) return false;
            string t = value.Trim();
            if (string.Equals(t.ToLowerInvariant(), "true")) { result = true; return true; }
            return string.Equals(t.ToLowerInvariant(), "false");
        }
    }
}
