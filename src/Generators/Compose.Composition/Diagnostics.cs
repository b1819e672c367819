using System.Collections.Generic;

namespace Compose.Composition
{
    /// <summary>Severity of a Compose diagnostic.</summary>
    public enum Severity
    {
        /// <summary>Informational.</summary>
        Info,
        /// <summary>Warning.</summary>
        Warning,
        /// <summary>Error: the composition cannot be built.</summary>
        Error,
    }

    /// <summary>A diagnostic as a value: id, place, message arguments and code-fix properties.</summary>
    /// <param name="Id">The stable id (<c>UK0001</c>).</param>
    /// <param name="Location">Where to report it; null reports it without a place.</param>
    /// <param name="Arguments">Arguments for the descriptor's message format.</param>
    /// <param name="Properties">Key/value pairs for code fixes, as <c>key=value</c>.</param>
    public sealed record DiagnosticInfo(string Id, SourceRef? Location, EquatableArray<string> Arguments, EquatableArray<string> Properties)
    {
        /// <summary>Creates a diagnostic without properties.</summary>
        public static DiagnosticInfo Create(string id, SourceRef? location, params string[] arguments)
            => new DiagnosticInfo(id, location, new EquatableArray<string>(arguments), EquatableArray<string>.Empty);

        /// <summary>The formatted message.</summary>
        public string Message => DiagnosticCatalog.Format(this);

        /// <summary>Reads a code-fix property.</summary>
        public string? GetProperty(string key)
        {
            foreach (var p in Properties)
                if (p.StartsWith(key + "=", System.StringComparison.Ordinal)) return p.Substring(key.Length + 1);
            return null;
        }

        /// <summary>Returns a copy with code-fix properties.</summary>
        public DiagnosticInfo WithProperties(params string[] keyValues) => this with { Properties = new EquatableArray<string>(keyValues) };

        /// <summary><c>path:line: error UK0001: message</c>.</summary>
        public override string ToString()
        {
            var d = DiagnosticCatalog.Get(Id);
            return (Location is null ? "" : Location + ": ") + d.Severity.ToString().ToLowerInvariant() + " " + Id + ": " + Message;
        }
    }

    /// <summary>A diagnostic's fixed description.</summary>
    public sealed record DiagnosticDescription(string Id, string Title, string MessageFormat, Severity Severity);

    /// <summary>Every Compose diagnostic. Ids are stable: UK0xxx errors, UK1xxx warnings.</summary>
    public static class DiagnosticCatalog
    {
        /// <summary>Missing provider.</summary>
        public const string MissingProvider = "UK0001";
        /// <summary>Ambiguous providers.</summary>
        public const string AmbiguousProvider = "UK0002";
        /// <summary>Provider does not implement the API.</summary>
        public const string ProviderNotImplementing = "UK0003";
        /// <summary>Requirement cycle.</summary>
        public const string RequirementCycle = "UK0004";
        /// <summary>Two libraries with one name.</summary>
        public const string DuplicateLibrary = "UK0005";
        /// <summary>Unknown option in .config.</summary>
        public const string UnknownOption = "UK0006";
        /// <summary>Wrong value type in .config.</summary>
        public const string WrongValueType = "UK0007";
        /// <summary>Value out of range.</summary>
        public const string ValueOutOfRange = "UK0008";
        /// <summary>Init priority out of range.</summary>
        public const string InitPriorityOutOfRange = "UK0009";
        /// <summary>Library not available on the platform.</summary>
        public const string UnavailableOnPlatform = "UK0010";
        /// <summary>.config syntax error.</summary>
        public const string ConfigSyntax = "UK0011";
        /// <summary>Malformed attribute argument.</summary>
        public const string MalformedAttribute = "UK0012";
        /// <summary>Unknown type in Provides/Requires.</summary>
        public const string UnknownType = "UK0013";
        /// <summary>.config missing or unreadable.</summary>
        public const string ConfigUnreadable = "UK0014";
        /// <summary>No platform library for the platform.</summary>
        public const string UnknownPlatform = "UK0015";
        /// <summary>Missing or bad [UkMain].</summary>
        public const string BadMain = "UK0016";
        /// <summary>Bad option declaration.</summary>
        public const string BadOptionDeclaration = "UK0017";
        /// <summary>Explicit provider choice that cannot be honoured.</summary>
        public const string BadProviderChoice = "UK0018";
        /// <summary>Bad init/term method.</summary>
        public const string BadInitMethod = "UK0019";
        /// <summary>Library class with options must be partial; provider must be constructible.</summary>
        public const string BadLibraryClass = "UK0020";
        /// <summary>Linker template error.</summary>
        public const string LinkerTemplate = "UK0021";
        /// <summary>Library parameter of an unsupported type.</summary>
        public const string UnsupportedParamType = "UK0022";
        /// <summary>Two library parameters with one name.</summary>
        public const string DuplicateParam = "UK0023";
        /// <summary>Library parameter on a member that is not static, writable and reachable.</summary>
        public const string BadParamMember = "UK0024";
        /// <summary>Malformed library parameter declaration (name, range).</summary>
        public const string BadParamDeclaration = "UK0025";
        /// <summary>Internal generator error.</summary>
        public const string InternalError = "UK0099";
        /// <summary>Option set while its dependency is off.</summary>
        public const string DependencyOff = "UK1001";
        /// <summary>.config key set twice.</summary>
        public const string DuplicateConfigKey = "UK1002";
        /// <summary>Option of a library that is not composed.</summary>
        public const string OptionOfUnusedLibrary = "UK1003";

        private static readonly Dictionary<string, DiagnosticDescription> s_all = new Dictionary<string, DiagnosticDescription>
        {
            [MissingProvider] = new(MissingProvider, "No provider for a required API",
                "{0} requires {1} (via {2}), but no composed library provides it; {3}", Severity.Error),
            [AmbiguousProvider] = new(AmbiguousProvider, "Several providers for an API",
                "{0} is provided by {1}; choose one with [assembly: UkUseProvider(typeof({2}), \"name\")] or CONFIG_LIB<NAME>=y (required via {3})", Severity.Error),
            [ProviderNotImplementing] = new(ProviderNotImplementing, "Provider does not implement its API",
                "Library '{0}' declares [Provides(typeof({1}))] but class {2} does not implement {1}", Severity.Error),
            [RequirementCycle] = new(RequirementCycle, "Requirement cycle",
                "Libraries require each other in a cycle: {0}; make one of the requirements Optional or split a library", Severity.Error),
            [DuplicateLibrary] = new(DuplicateLibrary, "Two libraries with one name",
                "Library name '{0}' is declared by both {1} and {2}; library names must be unique in the pool", Severity.Error),
            [UnknownOption] = new(UnknownOption, "Unknown option in .config",
                "CONFIG_{0} is not an option of any library in the pool or of the app{1}", Severity.Error),
            [WrongValueType] = new(WrongValueType, "Option value of the wrong type",
                "CONFIG_{0} is a {1} option; '{2}' is not a valid {1} value ({3})", Severity.Error),
            [ValueOutOfRange] = new(ValueOutOfRange, "Option value out of range",
                "CONFIG_{0}={1} is out of range; allowed: {2} to {3}", Severity.Error),
            [InitPriorityOutOfRange] = new(InitPriorityOutOfRange, "Init priority out of range",
                "Init priority {0} of {1} is out of range; priorities go from 0 (earliest) to 9 (latest)", Severity.Error),
            [UnavailableOnPlatform] = new(UnavailableOnPlatform, "Library not available on the platform",
                "Library '{0}' is needed (via {1}) but is not available on platform '{2}'; it supports: {3}", Severity.Error),
            [ConfigSyntax] = new(ConfigSyntax, ".config syntax error",
                ".config syntax error: {0}", Severity.Error),
            [MalformedAttribute] = new(MalformedAttribute, "Malformed Compose attribute argument",
                "{0}", Severity.Error),
            [UnknownType] = new(UnknownType, "Unknown type in a Compose attribute",
                "The type in [{0}] could not be resolved; reference the assembly that defines it", Severity.Error),
            [ConfigUnreadable] = new(ConfigUnreadable, ".config missing or unreadable",
                "The configuration file '{0}' {1}", Severity.Error),
            [UnknownPlatform] = new(UnknownPlatform, "No platform library for the platform",
                "No library in the pool is the platform library of '{0}' (UkPlatform); known platforms: {1}", Severity.Error),
            [BadMain] = new(BadMain, "Missing or malformed [UkMain]",
                "{0}", Severity.Error),
            [BadOptionDeclaration] = new(BadOptionDeclaration, "Malformed option declaration",
                "Option {0}: {1}", Severity.Error),
            [BadProviderChoice] = new(BadProviderChoice, "Provider choice cannot be honoured",
                "{0}", Severity.Error),
            [BadInitMethod] = new(BadInitMethod, "Malformed init or termination function",
                "{0}", Severity.Error),
            [BadLibraryClass] = new(BadLibraryClass, "Malformed library class",
                "{0}", Severity.Error),
            [LinkerTemplate] = new(LinkerTemplate, "Linker template error",
                "The linker template of '{0}' failed to render: {1}", Severity.Error),
            [UnsupportedParamType] = new(UnsupportedParamType, "Library parameter of an unsupported type",
                "Library parameter {0} ({1}) has type {2}; a [UkParam] member must be bool, int, long or string", Severity.Error),
            [DuplicateParam] = new(DuplicateParam, "Two library parameters with one name",
                "Library parameter {0} is declared by both {1} and {2}; parameter names must be unique within a library", Severity.Error),
            [BadParamMember] = new(BadParamMember, "Library parameter on an unusable member",
                "[UkParam] member {0} {1}; the boot sequence assigns it before the init functions run", Severity.Error),
            [BadParamDeclaration] = new(BadParamDeclaration, "Malformed library parameter declaration",
                "Library parameter {0}: {1}", Severity.Error),
            [InternalError] = new(InternalError, "Compose generator internal error",
                "The Compose generator failed unexpectedly; please report it with this text: {0}", Severity.Error),
            [DependencyOff] = new(DependencyOff, "Option set while its dependency is off",
                "CONFIG_{0} is set, but it depends on CONFIG_{1}, which is off; the value is ignored and the default '{2}' used", Severity.Warning),
            [DuplicateConfigKey] = new(DuplicateConfigKey, ".config key set twice",
                "CONFIG_{0} is set again; the earlier value on line {1} is overridden", Severity.Warning),
            [OptionOfUnusedLibrary] = new(OptionOfUnusedLibrary, "Option of a library that is not composed",
                "CONFIG_{0} sets an option of '{1}', which this composition does not contain; the line has no effect", Severity.Warning),
        };

        /// <summary>All descriptions, ordered by id.</summary>
        public static IEnumerable<DiagnosticDescription> All
        {
            get
            {
                var ids = new List<string>(s_all.Keys);
                ids.Sort(System.StringComparer.Ordinal);
                foreach (var id in ids) yield return s_all[id];
            }
        }

        /// <summary>The description of <paramref name="id"/>.</summary>
        public static DiagnosticDescription Get(string id) => s_all[id];

        /// <summary>Formats a diagnostic's message.</summary>
        public static string Format(DiagnosticInfo info)
        {
            var args = new object[info.Arguments.Count];
            for (int i = 0; i < args.Length; i++) args[i] = info.Arguments[i];
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, Get(info.Id).MessageFormat, args);
        }
    }
}
