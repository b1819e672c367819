using System.Collections.Generic;
using System.Globalization;

namespace Compose.Composition
{
    /// <summary>
    /// Emits the wiring table's <c>ParseParameters</c>: the table of every composed library's <c>[UkParam]</c>
    /// members (defaults read from the members at boot, so the initialiser is the default), uklibparam's parser run
    /// over the command line, the help or error report, and the assignments. It runs after <c>ConfigureOptions</c>
    /// and before the first init function.
    /// </summary>
    public static class ParamEmitter
    {
        /// <summary>The library class of uklibparam, whose parser the generated code calls.</summary>
        public const string LibParamType = "global::Compose.Libraries.UkLibParam";

        /// <summary>Whether uklibparam is composed (then the boot parses parameters, even if none is declared).</summary>
        public static bool HasLibParam(Composition c)
        {
            foreach (var lib in c.Libraries)
                if (lib.Spec.TypeName == LibParamType + ".LibParamParser") return true;
            return false;
        }

        /// <summary>Writes <c>ParseParameters(ref string[] args)</c> into the wiring class.</summary>
        public static void Emit(SourceWriter w, Composition c)
        {
            var libraries = new List<LibrarySpec>();
            foreach (var lib in c.Libraries) libraries.Add(lib.Spec);
            libraries.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));

            w.Line("/// <summary>Parses the library parameters (<c>lib.param=value</c> before <c>--</c>) with uklibparam, assigns them and");
            w.Line("/// leaves the app's arguments in <paramref name=\"args\"/>. Returns -1 to go on, or the status to exit with before");
            w.Line("/// the init functions: 0 after the help listing, 64 after a bad parameter.</summary>");
            w.Line("private static int ParseParameters(ref string[] args)").Open();
            w.Line("var table = new " + LibParamType + ".LibParam[]").Open();
            foreach (var lib in libraries)
                foreach (var p in lib.Params)
                    w.Line(TableEntry(lib, p) + ",");
            w.Close(";");
            var names = new List<string>();
            foreach (var lib in libraries) names.Add(SourceWriter.Literal(lib.Name));
            w.Line("var libraries = new string[] { " + string.Join(", ", names) + " };");
            w.Line("var result = " + LibParamType + ".LibParamParser.Parse(table, libraries, args);");
            w.Line("int stop = " + LibParamType + ".LibParams.Report(result);");
            w.Line("if (stop >= 0) return stop;");
            int index = 0;
            foreach (var lib in libraries)
                foreach (var p in lib.Params)
                    w.Line(lib.TypeName + "." + p.Member + " = " + ValueOf(p, index++) + ";");
            w.Line(LibParamType + ".LibParams.Install(result);");
            w.Line("args = result.AppArgs;");
            w.Line("return -1;");
            w.Close();
        }

        private static string TableEntry(LibrarySpec lib, ParamSpec p)
        {
            string head = LibParamType + ".LibParam.";
            string member = lib.TypeName + "." + p.Member;
            string common = SourceWriter.Literal(lib.Name) + ", " + SourceWriter.Literal(p.Name) + ", ";
            string help = SourceWriter.Literal(p.Help ?? "");
            return p.Kind switch
            {
                ParamKind.Bool => head + "Bool(" + common + member + ", " + help + ")",
                ParamKind.String => head + "String(" + common + "(" + member + " ?? \"\"), " + help + ")",
                _ => head + "Int(" + common + member + ", " + help + ", " + Bound(p.Min, "long.MinValue") + ", " + Bound(p.Max, "long.MaxValue") + ")",
            };
        }

        private static string Bound(long? value, string unbounded)
        {
            if (!value.HasValue) return unbounded;
            if (value.Value == long.MinValue) return "long.MinValue";
            return value.Value.ToString(CultureInfo.InvariantCulture) + "L";
        }

        private static string ValueOf(ParamSpec p, int index)
        {
            string value = "result.Values[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            return p.Kind switch
            {
                ParamKind.Bool => value + ".Bool",
                ParamKind.Int => "(int)" + value + ".Int",
                ParamKind.Long => value + ".Int",
                _ => "(" + value + ".String ?? \"\")",
            };
        }
    }
}
