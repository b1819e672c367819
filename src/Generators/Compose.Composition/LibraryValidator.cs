using System.Collections.Generic;
using System.Globalization;

namespace Compose.Composition
{
    /// <summary>
    /// Checks one library's declaration on its own: name syntax, provided APIs implemented, init priorities,
    /// option declarations. Used by the library's own compilation (located diagnostics) and by the resolver.
    /// </summary>
    public static class LibraryValidator
    {
        /// <summary>Adds the problems of <paramref name="lib"/> to <paramref name="diagnostics"/>.</summary>
        public static void Validate(LibrarySpec lib, List<DiagnosticInfo> diagnostics, SourceRef? fallback)
        {
            var where = lib.Location ?? fallback;
            if (!IsName(lib.Name))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, where,
                    "Library name '" + lib.Name + "' is not valid: use lower-case letters, digits and '_', starting with a letter"));
            foreach (var p in lib.Provides)
                if (!p.Implements)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.ProviderNotImplementing, p.Location ?? where, lib.Name, Resolver.Short(p.Api), Resolver.Short(lib.TypeName)));
            foreach (var i in lib.Inits)
                if (i.Priority < 0 || i.Priority > 9)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InitPriorityOutOfRange, i.Location ?? where,
                        i.Priority.ToString(CultureInfo.InvariantCulture), lib.Name + "." + i.Method).WithProperties("nearest=" + (i.Priority < 0 ? "0" : "9")));
            ValidateOptions(lib.Name, lib.Options, diagnostics, where);
        }

        /// <summary>Checks option declarations of one owner (a library or the app).</summary>
        public static void ValidateOptions(string owner, EquatableArray<OptionSpec> options, List<DiagnosticInfo> diagnostics, SourceRef? fallback)
        {
            var names = new Dictionary<string, OptionSpec>(System.StringComparer.Ordinal);
            foreach (var o in options)
            {
                var where = o.Location ?? fallback;
                string label = owner + "." + o.Name;
                if (!IsOptionName(o.Name))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadOptionDeclaration, where, label, "the name must be upper-case letters, digits and '_', starting with a letter"));
                if (names.ContainsKey(o.Name))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadOptionDeclaration, where, label, "declared twice"));
                names[o.Name] = o;
                if (o.Kind == OptionKind.Int)
                {
                    long min = o.Min ?? long.MinValue, max = o.Max ?? long.MaxValue;
                    if (min > max)
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadOptionDeclaration, where, label, "Min is greater than Max"));
                    else if (long.TryParse(o.Default, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long d) && (d < min || d > max))
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadOptionDeclaration, where, label, "the default " + o.Default + " is outside Min..Max"));
                }
                if (o.Kind == OptionKind.Choice)
                {
                    bool found = false;
                    foreach (var c in o.Choices) if (c == o.Default) found = true;
                    if (o.Choices.Count == 0)
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadOptionDeclaration, where, label, "a choice needs at least one value"));
                    else if (!found)
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadOptionDeclaration, where, label, "the default '" + o.Default + "' is not one of the choices"));
                }
            }
            foreach (var o in options)
            {
                if (o.DependsOn is null) continue;
                if (!names.TryGetValue(o.DependsOn, out var dep))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadOptionDeclaration, o.Location ?? fallback, owner + "." + o.Name, "DependsOn names '" + o.DependsOn + "', which is not an option of " + owner));
                else if (dep.Kind != OptionKind.Bool)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadOptionDeclaration, o.Location ?? fallback, owner + "." + o.Name, "DependsOn names '" + o.DependsOn + "', which is not a bool option"));
            }
        }

        /// <summary>Library and app names: a lower-case letter, then lower-case letters, digits and '_'.</summary>
        public static bool IsName(string name)
        {
            if (name.Length == 0 || name[0] < 'a' || name[0] > 'z') return false;
            foreach (char c in name)
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
            return true;
        }

        /// <summary>Option names: an upper-case letter, then upper-case letters, digits and '_'.</summary>
        public static bool IsOptionName(string name)
        {
            if (name.Length == 0 || name[0] < 'A' || name[0] > 'Z') return false;
            foreach (char c in name)
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
            return true;
        }
    }
}
