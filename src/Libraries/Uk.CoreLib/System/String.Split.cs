// string.Split, Join, Concat of sequences and composite formatting (string.Format).
using System.Collections.Generic;
using System.Text;

namespace System
{
    public sealed partial class String
    {
        /// <summary>Substrings between occurrences of <paramref name="separator"/>.</summary>
        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None) => SplitCore(new char[] { separator }, null, int.MaxValue, options);

        /// <summary>At most <paramref name="count"/> substrings between occurrences of <paramref name="separator"/>.</summary>
        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None) => SplitCore(new char[] { separator }, null, count, options);

        /// <summary>Substrings between any of <paramref name="separator"/> (white space when none).</summary>
        public string[] Split(params char[]? separator) => SplitCore(separator, null, int.MaxValue, StringSplitOptions.None);

        /// <summary>Substrings between any of <paramref name="separator"/> (white space when none).</summary>
        public string[] Split(char[]? separator, StringSplitOptions options) => SplitCore(separator, null, int.MaxValue, options);

        /// <summary>Substrings between occurrences of <paramref name="separator"/> (white space when null or empty).</summary>
        public string[] Split(string? separator, StringSplitOptions options = StringSplitOptions.None)
            => string.IsNullOrEmpty(separator) ? SplitCore(new char[0], "", int.MaxValue, options) : SplitCore(null, separator, int.MaxValue, options);

        private string[] SplitCore(char[]? chars, string? separator, int count, StringSplitOptions options)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            bool removeEmpty = (options & StringSplitOptions.RemoveEmptyEntries) != 0, trim = (options & StringSplitOptions.TrimEntries) != 0;
            var parts = new List<string>();
            if (count == 0) return new string[0];
            if (separator is not null && separator.Length == 0)
            {
                // Split("") / Split(null string): no separator occurs; the whole string is the only part.
                AddPart(parts, this, trim, removeEmpty);
                return parts.ToArray();
            }
            int start = 0, i = 0;
            while (i < Length && parts.Count < count - 1)
            {
                int sepLength = 0;
                if (separator is not null)
                {
                    if (string.CompareOrdinal(Substring(i, Length - i < separator.Length ? Length - i : separator.Length), separator) == 0) sepLength = separator.Length;
                }
                else if (chars is null || chars.Length == 0 ? char.IsWhiteSpace(this[i]) : Array.IndexOf(chars, this[i]) >= 0) sepLength = 1;
                if (sepLength == 0) { i++; continue; }
                AddPart(parts, Substring(start, i - start), trim, removeEmpty);
                i += sepLength;
                start = i;
            }
            AddPart(parts, Substring(start), trim, removeEmpty);
            return parts.ToArray();
        }

        private static void AddPart(List<string> parts, string part, bool trim, bool removeEmpty)
        {
            if (trim) part = part.Trim();
            if (removeEmpty && part.Length == 0) return;
            parts.Add(part);
        }

        /// <summary>Joins strings with a separator.</summary>
        public static string Join(char separator, params string?[] value) => Join(FromChar(separator), value);

        /// <summary>Joins the strings of a sequence with a separator.</summary>
        public static string Join(string? separator, IEnumerable<string?> values)
        {
            var sb = new StringBuilder();
            IEnumerator<string?> e = values.GetEnumerator();
            bool first = true;
            while (e.MoveNext())
            {
                if (!first) sb.Append(separator);
                sb.Append(e.Current);
                first = false;
            }
            e.Dispose();
            return sb.ToString();
        }

        /// <summary>Joins the text of a sequence's elements with a separator.</summary>
        public static string Join<T>(string? separator, IEnumerable<T> values)
        {
            var sb = new StringBuilder();
            IEnumerator<T> e = values.GetEnumerator();
            bool first = true;
            while (e.MoveNext())
            {
                if (!first) sb.Append(separator);
                sb.Append(System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.FormatValue(e.Current, null));
                first = false;
            }
            e.Dispose();
            return sb.ToString();
        }

        /// <summary>Concatenates the strings of a sequence.</summary>
        public static string Concat(IEnumerable<string?> values) => Join((string?)null, values);

        /// <summary>
        /// Composite formatting: "{index[,alignment][:format]}" holes, "{{" and "}}" escapes (values formatted like
        /// interpolation holes, invariant culture).
        /// </summary>
        public static string Format(string format, params object?[] args)
        {
            if (format is null) throw new ArgumentNullException(nameof(format));
            var sb = new StringBuilder(format.Length + args.Length * 8);
            int i = 0;
            while (i < format.Length)
            {
                char c = format[i];
                if (c == '{' && i + 1 < format.Length && format[i + 1] == '{') { sb.Append('{'); i += 2; continue; }
                if (c == '}' && i + 1 < format.Length && format[i + 1] == '}') { sb.Append('}'); i += 2; continue; }
                if (c == '}') throw BadComposite();
                if (c != '{') { sb.Append(c); i++; continue; }
                i++;
                int index = 0, digits = 0;
                while (i < format.Length && char.IsDigit(format[i])) { index = index * 10 + (format[i] - '0'); i++; digits++; }
                if (digits == 0) throw BadComposite();
                if (index >= args.Length) throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
                int alignment = 0;
                if (i < format.Length && format[i] == ',')
                {
                    i++;
                    bool negative = i < format.Length && format[i] == '-';
                    if (negative) i++;
                    while (i < format.Length && char.IsDigit(format[i])) { alignment = alignment * 10 + (format[i] - '0'); i++; }
                    if (negative) alignment = -alignment;
                }
                string? itemFormat = null;
                if (i < format.Length && format[i] == ':')
                {
                    int from = ++i;
                    while (i < format.Length && format[i] != '}') i++;
                    itemFormat = format.Substring(from, i - from);
                }
                if (i >= format.Length || format[i] != '}') throw BadComposite();
                i++;
                string text = System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.FormatValue(args[index], itemFormat) ?? "";
                int pad = (alignment < 0 ? -alignment : alignment) - text.Length;
                if (pad > 0 && alignment > 0) sb.Append(' ', pad);
                sb.Append(text);
                if (pad > 0 && alignment < 0) sb.Append(' ', pad);
            }
            return sb.ToString();
        }

        private static FormatException BadComposite() => new FormatException("Input string was not in a correct format.");
    }
}
