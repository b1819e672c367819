namespace Compose.Libraries.UkLibParam
{
    /// <summary>
    /// Unikraft's uklibparam: per-library parameters on the kernel command line,
    /// <c>ukalloc.verbose=1 ukdebug.level=4 -- app args</c>.
    /// <para>See README.md. Rules. With a <c>--</c>, every argument before it must be <c>library.name=value</c> (or <c>library.flag</c>
    /// for a bool, or a help word) and everything after it belongs to the application. Without one, the leading
    /// arguments whose <c>library</c> part names a composed library are parameters, and the application gets the
    /// rest from the first other argument on. A parameter given twice takes its last value. The help words are
    /// <c>uklibparam.help</c> (anywhere a parameter may be) and <c>--help</c> (before a <c>--</c> only).</para>
    /// <para>Libraries declare parameters with <c>[UkParam]</c> on static members; the app's generated boot sequence
    /// builds the table, calls <see cref="Parse(LibParam[], string[], string[])"/> and <see cref="LibParams.Report"/>
    /// (help: status 0, error: status 64, both before the first init function), then assigns the members.</para>
    /// </summary>
    [UkLibrary("uklibparam", Description = "Per-library parameters on the kernel command line", License = "BSD-3-Clause")]
    [Requires(typeof(Compose.Platform.IConsole))]
    public static class LibParamParser
    {
        private const string Prefix = "uklibparam: ";

        /// <summary>The help word that works with and without <c>--</c>: uklibparam is in every composition that parses.</summary>
        public const string HelpWord = "uklibparam.help";

        /// <summary>Parses <paramref name="args"/> (without the program name) against <paramref name="table"/>.</summary>
        public static LibParamResult Parse(LibParam[] table, string[] args) => Parse(table, new string[0], args);

        /// <summary>
        /// Parses <paramref name="args"/> against <paramref name="table"/>; <paramref name="libraries"/> names every
        /// composed library (with or without parameters), for the rule without <c>--</c> and for clearer errors.
        /// </summary>
        public static LibParamResult Parse(LibParam[] table, string[] libraries, string[] args)
        {
            var values = new LibParamValue[table.Length];
            string declarationError = CheckDeclarations(table, values);
            if (declarationError.Length != 0) return Fail(table, values, declarationError);

            int separator = -1;
            for (int i = 0; i < args.Length; i++)
                if (args[i] == "--") { separator = i; break; }
            int end = separator;
            if (separator < 0)
            {
                end = 0;
                while (end < args.Length && (args[end] == HelpWord || NamesLibrary(table, libraries, args[end]))) end++;
            }

            bool help = false;
            for (int i = 0; i < end; i++)
            {
                string arg = args[i];
                if (arg == "--help" || arg == HelpWord) { help = true; continue; }
                string error = ParseArgument(table, libraries, values, arg, i + 1);
                if (error.Length != 0) return Fail(table, values, error);
            }

            int appStart = separator >= 0 ? separator + 1 : end;
            var appArgs = new string[args.Length - appStart];
            for (int i = 0; i < appArgs.Length; i++) appArgs[i] = args[appStart + i];
            return new LibParamResult(table, values, help ? LibParamStatus.Help : LibParamStatus.Ok, "", appArgs, appStart);
        }

        /// <summary>The parameter listing printed for <c>--help</c>: one line per parameter with type, default, range and help.</summary>
        public static string Help(LibParam[] table)
        {
            string text = "Library parameters (give them before '--': lib.param=value -- app args; int: decimal or 0x hex; bool: 1/0, true/false, yes/no, on/off):\n";
            if (table.Length == 0) return text + "  (none)\n";
            for (int i = 0; i < table.Length; i++)
            {
                var p = table[i];
                text += "  " + p.Library + "." + p.Name + "=<" + TypeName(p.Type) + ">  default " + (p.DefaultText.Length == 0 ? "\"\"" : p.DefaultText);
                if (p.Type == LibParamType.Int && (p.Min != long.MinValue || p.Max != long.MaxValue))
                    text += ", range " + Text.Decimal(p.Min) + ".." + Text.Decimal(p.Max);
                text += "\n      " + p.Help + "\n";
            }
            return text;
        }

        private static LibParamResult Fail(LibParam[] table, LibParamValue[] values, string error)
            => new LibParamResult(table, values, LibParamStatus.Error, Prefix + error, new string[0], 0);

        /// <summary>Names are non-empty, unique, and every default is a valid value; fills in the defaults.</summary>
        private static string CheckDeclarations(LibParam[] table, LibParamValue[] values)
        {
            for (int i = 0; i < table.Length; i++)
            {
                var p = table[i];
                string label = p.Library + "." + p.Name;
                if (p.Library.Length == 0 || p.Name.Length == 0 || Text.IndexOf(p.Library, '.', 0) >= 0 || Text.IndexOf(p.Name, '=', 0) >= 0)
                    return "bad declaration '" + label + "': library and parameter names must be non-empty, without '.' in the library or '=' in the name";
                for (int j = 0; j < i; j++)
                    if (table[j].Library == p.Library && table[j].Name == p.Name)
                        return "parameter " + label + " is declared twice";
                if (p.Type == LibParamType.Int && p.Min > p.Max)
                    return "bad declaration of " + label + ": Min is greater than Max";
                string reason = LibParamValues.Parse(p, p.DefaultText, 0, out values[i]);
                if (reason.Length != 0)
                    return "the default '" + p.DefaultText + "' of " + label + " is not valid: " + reason;
                values[i].IsSet = false;
            }
            return "";
        }

        /// <summary>Whether <paramref name="arg"/> starts with <c>library.</c> for a library of the table or a composed one.</summary>
        private static bool NamesLibrary(LibParam[] table, string[] libraries, string arg)
        {
            int eq = Text.IndexOf(arg, '=', 0);
            int dot = Text.IndexOf(arg, '.', 0);
            if (dot <= 0 || (eq >= 0 && dot > eq)) return false;
            for (int i = 0; i < table.Length; i++)
                if (Text.Equals(arg, 0, dot, table[i].Library)) return true;
            for (int i = 0; i < libraries.Length; i++)
                if (Text.Equals(arg, 0, dot, libraries[i])) return true;
            return false;
        }

        /// <summary>Parses one <c>library.name[=value]</c> argument; returns an error message or "".</summary>
        private static string ParseArgument(LibParam[] table, string[] composed, LibParamValue[] values, string arg, int position)
        {
            string where = "argument " + Text.Decimal(position) + " '" + arg + "'";
            int eq = Text.IndexOf(arg, '=', 0);
            int nameEnd = eq >= 0 ? eq : arg.Length;
            int dot = Text.IndexOf(arg, '.', 0);
            if (dot <= 0 || dot >= nameEnd - 1)
                return where + " before '--' is not a library parameter: write library.parameter=value, or put application arguments after '--'";

            string libraries = "";
            bool libraryKnown = false;
            string parameters = "";
            int found = -1;
            for (int i = 0; i < table.Length; i++)
            {
                var p = table[i];
                if (!Text.Equals(arg, 0, dot, p.Library))
                {
                    if (!Contains(libraries, p.Library)) libraries += (libraries.Length == 0 ? "" : ", ") + p.Library;
                    continue;
                }
                libraryKnown = true;
                parameters += (parameters.Length == 0 ? "" : ", ") + p.Name;
                if (Text.Equals(arg, dot + 1, nameEnd - dot - 1, p.Name)) found = i;
            }
            string library = arg.Substring(0, dot);
            string name = arg.Substring(dot + 1, nameEnd - dot - 1);
            if (!libraryKnown)
                for (int i = 0; i < composed.Length; i++)
                    if (composed[i] == library)
                        return "library '" + library + "' has no parameters (" + where + "); libraries with parameters: " + (libraries.Length == 0 ? "none" : libraries);
            if (!libraryKnown)
                return "unknown library '" + library + "' in " + where + "; libraries with parameters: " + (libraries.Length == 0 ? "none" : libraries);
            if (found < 0)
                return "library '" + library + "' has no parameter '" + name + "' (" + where + "); its parameters: " + parameters;

            var param = table[found];
            if (eq < 0)
            {
                if (param.Type != LibParamType.Bool)
                    return library + "." + name + " (" + where + ") needs a value: write " + library + "." + name + "=<" + TypeName(param.Type) + ">";
                values[found].Bool = true;
                values[found].IsSet = true;
                return "";
            }
            string reason = LibParamValues.Parse(param, arg, eq + 1, out var value);
            if (reason.Length != 0)
                return "bad value '" + arg.Substring(eq + 1) + "' for " + library + "." + name + " (" + where + "): " + reason;
            value.IsSet = true;
            values[found] = value;
            return "";
        }

        private static bool Contains(string commaList, string item)
        {
            int start = 0;
            while (start <= commaList.Length)
            {
                int end = Text.IndexOf(commaList, ',', start);
                if (end < 0) end = commaList.Length;
                if (Text.Equals(commaList, start, end - start, item)) return true;
                start = end + 2;
            }
            return false;
        }

        internal static string TypeName(LibParamType type)
            => type == LibParamType.Int ? "int" : type == LibParamType.Bool ? "bool" : "string";
    }
}
