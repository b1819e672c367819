using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Compose.Composition
{
    /// <summary>
    /// A small JSON writer: indented with two spaces, keys in the order written, <c>/</c> escaped so the text can sit
    /// inside a C# comment. Output depends only on the calls made, never on culture.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private readonly Stack<bool> _first = new Stack<bool>();
        private bool _afterKey;

        /// <summary>The text written so far.</summary>
        public override string ToString() => _sb.ToString();

        /// <summary>Starts an object.</summary>
        public JsonWriter StartObject() { Prefix(); _sb.Append('{'); _first.Push(true); return this; }

        /// <summary>Ends an object.</summary>
        public JsonWriter EndObject() { End('}'); return this; }

        /// <summary>Starts an array.</summary>
        public JsonWriter StartArray() { Prefix(); _sb.Append('['); _first.Push(true); return this; }

        /// <summary>Ends an array.</summary>
        public JsonWriter EndArray() { End(']'); return this; }

        /// <summary>Writes a property name; the next call writes its value.</summary>
        public JsonWriter Key(string name) { Prefix(); WriteString(name); _sb.Append(": "); _afterKey = true; return this; }

        /// <summary>Writes a string or null.</summary>
        public JsonWriter Value(string? value) { Prefix(); if (value is null) _sb.Append("null"); else WriteString(value); return this; }

        /// <summary>Writes a number.</summary>
        public JsonWriter Value(long value) { Prefix(); _sb.Append(value.ToString(CultureInfo.InvariantCulture)); return this; }

        /// <summary>Writes a boolean.</summary>
        public JsonWriter Value(bool value) { Prefix(); _sb.Append(value ? "true" : "false"); return this; }

        /// <summary>Writes <c>"name": value</c>.</summary>
        public JsonWriter Property(string name, string? value) => Key(name).Value(value);

        /// <summary>Writes <c>"name": value</c>.</summary>
        public JsonWriter Property(string name, long value) => Key(name).Value(value);

        /// <summary>Writes <c>"name": value</c>.</summary>
        public JsonWriter Property(string name, bool value) => Key(name).Value(value);

        private void Prefix()
        {
            if (_afterKey) { _afterKey = false; return; }
            if (_first.Count == 0) return;
            if (!_first.Pop()) _sb.Append(',');
            _first.Push(false);
            NewLine(_first.Count);
        }

        private void End(char close)
        {
            bool empty = _first.Pop();
            if (!empty) NewLine(_first.Count);
            _sb.Append(close);
        }

        private void NewLine(int depth)
        {
            _sb.Append('\n');
            _sb.Append(' ', depth * 2);
        }

        private void WriteString(string s)
        {
            _sb.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': _sb.Append("\\\""); break;
                    case '\\': _sb.Append("\\\\"); break;
                    case '/': _sb.Append("\\/"); break;
                    case '\n': _sb.Append("\\n"); break;
                    case '\r': _sb.Append("\\r"); break;
                    case '\t': _sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else _sb.Append(c);
                        break;
                }
            }
            _sb.Append('"');
        }
    }

    /// <summary>
    /// A small JSON reader producing <see cref="Dictionary{TKey,TValue}"/>, <see cref="List{T}"/>, string, long, bool
    /// and null. Throws <see cref="FormatException"/> on bad input; callers turn that into a diagnostic.
    /// </summary>
    public static class JsonReader
    {
        /// <summary>Parses <paramref name="text"/>.</summary>
        public static object? Parse(string text)
        {
            int i = 0;
            object? value = ReadValue(text, ref i);
            SkipSpace(text, ref i);
            if (i != text.Length) throw new FormatException("unexpected text at offset " + i);
            return value;
        }

        private static object? ReadValue(string s, ref int i)
        {
            SkipSpace(s, ref i);
            if (i >= s.Length) throw new FormatException("unexpected end of JSON");
            char c = s[i];
            if (c == '{')
            {
                var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
                i++;
                SkipSpace(s, ref i);
                if (i < s.Length && s[i] == '}') { i++; return obj; }
                while (true)
                {
                    SkipSpace(s, ref i);
                    string key = ReadString(s, ref i);
                    SkipSpace(s, ref i);
                    Expect(s, ref i, ':');
                    obj[key] = ReadValue(s, ref i);
                    SkipSpace(s, ref i);
                    if (i < s.Length && s[i] == ',') { i++; continue; }
                    Expect(s, ref i, '}');
                    return obj;
                }
            }
            if (c == '[')
            {
                var list = new List<object?>();
                i++;
                SkipSpace(s, ref i);
                if (i < s.Length && s[i] == ']') { i++; return list; }
                while (true)
                {
                    list.Add(ReadValue(s, ref i));
                    SkipSpace(s, ref i);
                    if (i < s.Length && s[i] == ',') { i++; continue; }
                    Expect(s, ref i, ']');
                    return list;
                }
            }
            if (c == '"') return ReadString(s, ref i);
            if (Match(s, ref i, "true")) return true;
            if (Match(s, ref i, "false")) return false;
            if (Match(s, ref i, "null")) return null;
            int first = i;
            bool negative = s[i] == '-';
            if (negative) i++;
            int digits = i;
            long n = 0;
            while (i < s.Length && s[i] >= '0' && s[i] <= '9') n = n * 10 + (s[i++] - '0');
            if (i == digits) throw new FormatException("bad value at offset " + first);
            if (i - digits < 19) return negative ? -n : n;
            // 19 digits or more may overflow the fast loop: parse them exactly (long.MinValue included).
            if (!long.TryParse(s.Substring(first, i - first), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n))
                throw new FormatException("number out of range at offset " + first);
            return n;
        }

        private static string ReadString(string s, ref int i)
        {
            Expect(s, ref i, '"');
            // Fast path: no escapes, one substring.
            int start = i;
            while (i < s.Length && s[i] != '"' && s[i] != '\\') i++;
            if (i < s.Length && s[i] == '"') return s.Substring(start, i++ - start);
            var sb = new StringBuilder(s, start, i - start, i - start + 16);
            while (i < s.Length && s[i] != '"')
            {
                char c = s[i++];
                if (c != '\\') { sb.Append(c); continue; }
                if (i >= s.Length) break;
                char e = s[i++];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        if (i + 4 > s.Length) throw new FormatException("bad \\u escape");
                        sb.Append((char)int.Parse(s.Substring(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: sb.Append(e); break;
                }
            }
            Expect(s, ref i, '"');
            return sb.ToString();
        }

        private static bool Match(string s, ref int i, string word)
        {
            if (string.CompareOrdinal(s, i, word, 0, word.Length) != 0) return false;
            i += word.Length;
            return true;
        }

        private static void Expect(string s, ref int i, char c)
        {
            if (i >= s.Length || s[i] != c) throw new FormatException("expected '" + c + "' at offset " + i);
            i++;
        }

        private static void SkipSpace(string s, ref int i)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        }
    }
}
