using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Compose.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Compose.Generators
{
    /// <summary>Every Compose diagnostic as a Roslyn descriptor, built from <see cref="DiagnosticCatalog"/>.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string HelpBase = "docs/diagnostics/";

        // One field per id, with literal id, category and severity (the release-tracking analyzer reads them);
        // titles and message formats come from the Roslyn-free catalog so every layer shows the same text.
        public static readonly DiagnosticDescriptor UK0001 = new DiagnosticDescriptor("UK0001", Title("UK0001"), Format("UK0001"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0001.md");
        public static readonly DiagnosticDescriptor UK0002 = new DiagnosticDescriptor("UK0002", Title("UK0002"), Format("UK0002"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0002.md");
        public static readonly DiagnosticDescriptor UK0003 = new DiagnosticDescriptor("UK0003", Title("UK0003"), Format("UK0003"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0003.md");
        public static readonly DiagnosticDescriptor UK0004 = new DiagnosticDescriptor("UK0004", Title("UK0004"), Format("UK0004"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0004.md");
        public static readonly DiagnosticDescriptor UK0005 = new DiagnosticDescriptor("UK0005", Title("UK0005"), Format("UK0005"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0005.md");
        public static readonly DiagnosticDescriptor UK0006 = new DiagnosticDescriptor("UK0006", Title("UK0006"), Format("UK0006"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0006.md");
        public static readonly DiagnosticDescriptor UK0007 = new DiagnosticDescriptor("UK0007", Title("UK0007"), Format("UK0007"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0007.md");
        public static readonly DiagnosticDescriptor UK0008 = new DiagnosticDescriptor("UK0008", Title("UK0008"), Format("UK0008"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0008.md");
        public static readonly DiagnosticDescriptor UK0009 = new DiagnosticDescriptor("UK0009", Title("UK0009"), Format("UK0009"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0009.md");
        public static readonly DiagnosticDescriptor UK0010 = new DiagnosticDescriptor("UK0010", Title("UK0010"), Format("UK0010"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0010.md");
        public static readonly DiagnosticDescriptor UK0011 = new DiagnosticDescriptor("UK0011", Title("UK0011"), Format("UK0011"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0011.md");
        public static readonly DiagnosticDescriptor UK0012 = new DiagnosticDescriptor("UK0012", Title("UK0012"), Format("UK0012"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0012.md");
        public static readonly DiagnosticDescriptor UK0013 = new DiagnosticDescriptor("UK0013", Title("UK0013"), Format("UK0013"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0013.md");
        public static readonly DiagnosticDescriptor UK0014 = new DiagnosticDescriptor("UK0014", Title("UK0014"), Format("UK0014"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0014.md");
        public static readonly DiagnosticDescriptor UK0015 = new DiagnosticDescriptor("UK0015", Title("UK0015"), Format("UK0015"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0015.md");
        public static readonly DiagnosticDescriptor UK0016 = new DiagnosticDescriptor("UK0016", Title("UK0016"), Format("UK0016"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0016.md");
        public static readonly DiagnosticDescriptor UK0017 = new DiagnosticDescriptor("UK0017", Title("UK0017"), Format("UK0017"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0017.md");
        public static readonly DiagnosticDescriptor UK0018 = new DiagnosticDescriptor("UK0018", Title("UK0018"), Format("UK0018"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0018.md");
        public static readonly DiagnosticDescriptor UK0019 = new DiagnosticDescriptor("UK0019", Title("UK0019"), Format("UK0019"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0019.md");
        public static readonly DiagnosticDescriptor UK0020 = new DiagnosticDescriptor("UK0020", Title("UK0020"), Format("UK0020"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0020.md");
        public static readonly DiagnosticDescriptor UK0021 = new DiagnosticDescriptor("UK0021", Title("UK0021"), Format("UK0021"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0021.md");
        public static readonly DiagnosticDescriptor UK0022 = new DiagnosticDescriptor("UK0022", Title("UK0022"), Format("UK0022"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0022.md");
        public static readonly DiagnosticDescriptor UK0023 = new DiagnosticDescriptor("UK0023", Title("UK0023"), Format("UK0023"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0023.md");
        public static readonly DiagnosticDescriptor UK0024 = new DiagnosticDescriptor("UK0024", Title("UK0024"), Format("UK0024"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0024.md");
        public static readonly DiagnosticDescriptor UK0025 = new DiagnosticDescriptor("UK0025", Title("UK0025"), Format("UK0025"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0025.md");
        public static readonly DiagnosticDescriptor UK0099 = new DiagnosticDescriptor("UK0099", Title("UK0099"), Format("UK0099"), "Compose", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK0099.md");
        public static readonly DiagnosticDescriptor UK1001 = new DiagnosticDescriptor("UK1001", Title("UK1001"), Format("UK1001"), "Compose", DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK1001.md");
        public static readonly DiagnosticDescriptor UK1002 = new DiagnosticDescriptor("UK1002", Title("UK1002"), Format("UK1002"), "Compose", DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK1002.md");
        public static readonly DiagnosticDescriptor UK1003 = new DiagnosticDescriptor("UK1003", Title("UK1003"), Format("UK1003"), "Compose", DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "UK1003.md");

        /// <summary>All descriptors, ordered by id.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(UK0001, UK0002, UK0003, UK0004, UK0005, UK0006, UK0007, UK0008, UK0009, UK0010, UK0011, UK0012, UK0013, UK0014, UK0015, UK0016, UK0017, UK0018, UK0019, UK0020, UK0021, UK0022, UK0023, UK0024, UK0025, UK0099, UK1001, UK1002, UK1003);

        private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

        private static string Title(string id) => DiagnosticCatalog.Get(id).Title;

        private static string Format(string id) => DiagnosticCatalog.Get(id).MessageFormat;

        public static DiagnosticDescriptor Get(string id) => s_byId[id];

        /// <summary>Turns an equatable diagnostic into a Roslyn one.</summary>
        public static Diagnostic ToDiagnostic(DiagnosticInfo info, Compilation? compilation)
        {
            var location = ToLocation(info.Location, compilation);
            var descriptor = s_byId[info.Id];
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            foreach (var p in info.Properties)
            {
                int eq = p.IndexOf('=');
                if (eq > 0) properties[p.Substring(0, eq)] = p.Substring(eq + 1);
            }
            var args = new object[info.Arguments.Count];
            for (int i = 0; i < args.Length; i++) args[i] = info.Arguments[i];
            return Diagnostic.Create(descriptor, location, properties.ToImmutable(), args);
        }

        public static Location ToLocation(SourceRef? r, Compilation? compilation)
        {
            if (r is null) return Location.None;
            var span = new TextSpan(r.Start, r.Length);
            if (compilation != null)
                foreach (var tree in compilation.SyntaxTrees)
                    if (tree.FilePath == r.Path) return tree.GetLocation(span);
            return Location.Create(r.Path, span, new LinePositionSpan(new LinePosition(r.StartLine, r.StartColumn), new LinePosition(r.EndLine, r.EndColumn)));
        }
    }
}
