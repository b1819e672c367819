using System.Text;

namespace Compose.Composition
{
    /// <summary>Writes indented text with <c>\n</c> line ends, independent of the host OS.</summary>
    public sealed class SourceWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private int _indent;

        /// <summary>Increases the indent by one level (four spaces).</summary>
        public SourceWriter Indent() { _indent++; return this; }

        /// <summary>Decreases the indent by one level.</summary>
        public SourceWriter Unindent() { _indent--; return this; }

        /// <summary>Writes one line at the current indent (an empty line without trailing spaces).</summary>
        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0) _sb.Append(' ', _indent * 4).Append(text);
            _sb.Append('\n');
            return this;
        }

        /// <summary>Writes <c>{</c> and indents.</summary>
        public SourceWriter Open() => Line("{").Indent();

        /// <summary>Unindents and writes <c>}</c> (plus <paramref name="suffix"/>).</summary>
        public SourceWriter Close(string suffix = "") => Unindent().Line("}" + suffix);

        /// <summary>The text written.</summary>
        public override string ToString() => _sb.ToString();

        /// <summary>A C# regular string literal for <paramref name="value"/>.</summary>
        public static string Literal(string value)
        {
            var sb = new StringBuilder("\"");
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\0': sb.Append("\\0"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"').ToString();
        }

        /// <summary><c>HEAP_SIZE</c> → <c>HeapSize</c>.</summary>
        public static string Pascal(string optionName)
        {
            var sb = new StringBuilder();
            bool upper = true;
            foreach (char c in optionName)
            {
                if (c == '_') { upper = true; continue; }
                sb.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                upper = false;
            }
            return sb.ToString();
        }

        /// <summary><c>HEAP_SIZE</c> → <c>heapSize</c> (a parameter name; keywords get <c>@</c>).</summary>
        public static string Camel(string optionName)
        {
            string p = Pascal(optionName);
            string c = p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p.Substring(1);
            return IsKeyword(c) ? "@" + c : c;
        }

        private static bool IsKeyword(string s) => s switch
        {
            "abstract" or "as" or "base" or "bool" or "break" or "byte" or "case" or "catch" or "char" or "checked" or "class" or "const"
            or "continue" or "decimal" or "default" or "delegate" or "do" or "double" or "else" or "enum" or "event" or "explicit"
            or "extern" or "false" or "finally" or "fixed" or "float" or "for" or "foreach" or "goto" or "if" or "implicit" or "in"
            or "int" or "interface" or "internal" or "is" or "lock" or "long" or "namespace" or "new" or "null" or "object"
            or "operator" or "out" or "override" or "params" or "private" or "protected" or "public" or "readonly" or "ref"
            or "return" or "sbyte" or "sealed" or "short" or "sizeof" or "stackalloc" or "static" or "string" or "struct"
            or "switch" or "this" or "throw" or "true" or "try" or "typeof" or "uint" or "ulong" or "unchecked" or "unsafe"
            or "ushort" or "using" or "virtual" or "void" or "volatile" or "while" => true,
            _ => false,
        };

        /// <summary>The C# type of an option's value.</summary>
        public static string OptionType(OptionKind kind) => kind switch
        {
            OptionKind.Bool => "bool",
            OptionKind.Int => "long",
            _ => "string",
        };

        /// <summary>A C# literal of an option value in canonical text.</summary>
        public static string OptionLiteral(OptionKind kind, string value) => kind switch
        {
            OptionKind.Bool => value == "y" ? "true" : "false",
            OptionKind.Int => value + "L",
            _ => Literal(value),
        };
    }
}
