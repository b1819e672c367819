using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Compose.Composition
{
    /// <summary>
    /// Parses an app's <c>.config</c> in Kconfig syntax: <c>CONFIG_X=y</c>, <c>CONFIG_X=n</c>,
    /// <c># CONFIG_X is not set</c>, integers (decimal or <c>0x</c> hex), double-quoted strings, bare words
    /// (choice values), blank lines and <c>#</c> comments. Every bad line becomes a located UK0011 and is skipped;
    /// the parser never throws.
    /// </summary>
    public static class ConfigParser
    {
        /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>.</summary>
        public static ConfigSpec Parse(string path, string text)
        {
            var entries = new List<ConfigEntry>();
            var diagnostics = new List<DiagnosticInfo>();
            var seen = new Dictionary<string, int>();
            int lineStart = 0, lineNo = 0;
            while (lineStart <= text.Length)
            {
                int end = text.IndexOf('\n', lineStart);
                if (end < 0) end = text.Length;
                int contentEnd = end > lineStart && text[end - 1] == '\r' ? end - 1 : end;
                var entry = ParseLine(path, text, lineStart, contentEnd, lineNo, diagnostics);
                if (entry != null)
                {
                    if (seen.TryGetValue(entry.Key, out int previous))
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateConfigKey, entry.KeyLocation, entry.Key, (previous + 1).ToString(CultureInfo.InvariantCulture)));
                    seen[entry.Key] = lineNo;
                    entries.Add(entry);
                }
                if (end >= text.Length) break;
                lineStart = end + 1;
                lineNo++;
            }
            return new ConfigSpec(path, new EquatableArray<ConfigEntry>(entries.ToArray()), new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        private static ConfigEntry? ParseLine(string path, string text, int start, int end, int line, List<DiagnosticInfo> diagnostics)
        {
            int i = start;
            while (i < end && (text[i] == ' ' || text[i] == '\t')) i++;
            int trimmedEnd = end;
            while (trimmedEnd > i && (text[trimmedEnd - 1] == ' ' || text[trimmedEnd - 1] == '\t')) trimmedEnd--;
            if (i == trimmedEnd) return null;
            SourceRef Span(int from, int to) => new SourceRef(path, from, to - from, line, from - start, line, to - start);

            if (text[i] == '#')
            {
                // "# CONFIG_FOO is not set" is an assignment; any other comment is ignored.
                const string Suffix = " is not set";
                int j = i + 1;
                while (j < trimmedEnd && text[j] == ' ') j++;
                if (string.CompareOrdinal(text, j, "CONFIG_", 0, 7) == 0 && trimmedEnd - j > Suffix.Length
                    && string.CompareOrdinal(text, trimmedEnd - Suffix.Length, Suffix, 0, Suffix.Length) == 0)
                {
                    int keyEnd = trimmedEnd - Suffix.Length;
                    string key = text.Substring(j + 7, keyEnd - j - 7);
                    if (IsKey(key))
                        return new ConfigEntry(key, ConfigValueKind.No, "n", Span(j, keyEnd), Span(keyEnd, trimmedEnd));
                }
                return null;
            }

            if (string.CompareOrdinal(text, i, "CONFIG_", 0, 7) != 0)
                return Error(diagnostics, Span(i, trimmedEnd), "expected 'CONFIG_NAME=value', '# CONFIG_NAME is not set' or a comment, found '" + Clip(text.Substring(i, trimmedEnd - i)) + "'");
            int eq = text.IndexOf('=', i);
            if (eq < 0 || eq >= trimmedEnd)
                return Error(diagnostics, Span(i, trimmedEnd), "missing '=' after the option name");
            string name = text.Substring(i + 7, eq - i - 7);
            if (!IsKey(name))
                return Error(diagnostics, Span(i, eq), "'" + Clip(name) + "' is not a valid option name (upper-case letters, digits and '_')");
            var keyRef = Span(i, eq);
            int v = eq + 1;
            var valueRef = Span(v, trimmedEnd);
            if (v == trimmedEnd)
                return Error(diagnostics, Span(i, trimmedEnd), "missing value after 'CONFIG_" + name + "='");
            string raw = text.Substring(v, trimmedEnd - v);
            if (raw[0] == '"')
            {
                var sb = new StringBuilder();
                int k = 1;
                for (; k < raw.Length; k++)
                {
                    char c = raw[k];
                    if (c == '\\' && k + 1 < raw.Length) { sb.Append(raw[++k]); continue; }
                    if (c == '"') break;
                    sb.Append(c);
                }
                if (k >= raw.Length)
                    return Error(diagnostics, valueRef, "unterminated string value for CONFIG_" + name);
                if (k != raw.Length - 1)
                    return Error(diagnostics, valueRef, "unexpected text after the closing quote of CONFIG_" + name);
                return new ConfigEntry(name, ConfigValueKind.String, sb.ToString(), keyRef, valueRef);
            }
            if (raw == "y") return new ConfigEntry(name, ConfigValueKind.Yes, "y", keyRef, valueRef);
            if (raw == "n") return new ConfigEntry(name, ConfigValueKind.No, "n", keyRef, valueRef);
            if (TryParseInt(raw, out long number))
                return new ConfigEntry(name, ConfigValueKind.Int, number.ToString(CultureInfo.InvariantCulture), keyRef, valueRef);
            if (IsWord(raw)) return new ConfigEntry(name, ConfigValueKind.Word, raw, keyRef, valueRef);
            return Error(diagnostics, valueRef, "'" + Clip(raw) + "' is not a value: use y, n, a number, or a double-quoted string");
        }

        /// <summary>Parses a decimal or <c>0x</c>-prefixed hex integer, with an optional minus sign.</summary>
        public static bool TryParseInt(string s, out long value)
        {
            value = 0;
            if (s.Length == 0) return false;
            bool negative = s[0] == '-';
            string body = negative ? s.Substring(1) : s;
            bool ok = body.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase) && body.Length > 2
                ? long.TryParse(body.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
                : body.Length > 0 && IsDigits(body) && long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out value);
            if (ok && negative) value = -value;
            return ok;
        }

        private static bool IsDigits(string s)
        {
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }

        private static bool IsKey(string s)
        {
            if (s.Length == 0) return false;
            foreach (char c in s)
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
            return true;
        }

        private static bool IsWord(string s)
        {
            foreach (char c in s)
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) return false;
            return true;
        }

        private static string Clip(string s) => s.Length <= 60 ? s : s.Substring(0, 57) + "...";

        private static ConfigEntry? Error(List<DiagnosticInfo> diagnostics, SourceRef where, string message)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.ConfigSyntax, where, message));
            return null;
        }
    }
}
