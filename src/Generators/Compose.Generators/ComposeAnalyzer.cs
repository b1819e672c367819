using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Compose.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Compose.Generators
{
    /// <summary>
    /// Reports every Compose diagnostic live in the IDE: library declarations per symbol, and in an app the whole
    /// composition (missing or ambiguous providers, cycles, options, .config lines), computed once per compilation
    /// with the same parser and resolver as the generator and reported per document and per additional file.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ComposeAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var kt = KnownTypes.Create(start.Compilation);
                if (kt is null) return;
                var compilation = start.Compilation;
                bool isApp = false;
                foreach (var a in compilation.Assembly.GetAttributes())
                    if (KnownTypes.Is(a.AttributeClass, kt.Application)) isApp = true;

                start.RegisterSymbolAction(symbol => AnalyzeLibrary(symbol, kt, isApp), SymbolKind.NamedType);
                if (kt.Param != null) start.RegisterSymbolAction(symbol => AnalyzeParamOwner(symbol, kt), SymbolKind.Field, SymbolKind.Property);
                if (!isApp) return;

                var options = start.Options;
                var app = new Lazy<List<DiagnosticInfo>>(() => AnalyzeApp(compilation, kt, options), LazyThreadSafetyMode.ExecutionAndPublication);
                start.RegisterSemanticModelAction(model =>
                {
                    foreach (var d in app.Value)
                        if (d.Location != null && d.Location.Path == model.SemanticModel.SyntaxTree.FilePath)
                            model.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(d, compilation));
                });
                start.RegisterAdditionalFileAction(file =>
                {
                    foreach (var d in app.Value)
                        if (d.Location != null && d.Location.Path == file.AdditionalFile.Path)
                            file.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(d, compilation));
                });
            });
        }

        private static void AnalyzeLibrary(SymbolAnalysisContext context, KnownTypes kt, bool isApp)
        {
            if (context.Symbol is not INamedTypeSymbol type) return;
            foreach (var a in type.GetAttributes())
            {
                if (!KnownTypes.Is(a.AttributeClass, kt.Library)) continue;
                var model = Parser.ParseLibrary(type, a, kt, isApp, context.CancellationToken);
                var diagnostics = new List<DiagnosticInfo>(model.Diagnostics);
                if (model.Spec.Name.Length > 0) LibraryValidator.Validate(model.Spec, diagnostics, model.Spec.Location);
                foreach (var d in diagnostics) context.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(d, context.Compilation));
            }
        }

        /// <summary>A <c>[UkParam]</c> outside a <c>[UkLibrary]</c> class would be ignored: report it (UK0024).</summary>
        private static void AnalyzeParamOwner(SymbolAnalysisContext context, KnownTypes kt)
        {
            var member = context.Symbol;
            bool isParam = false;
            foreach (var a in member.GetAttributes()) if (KnownTypes.Is(a.AttributeClass, kt.Param)) isParam = true;
            if (!isParam || member.ContainingType is null) return;
            foreach (var a in member.ContainingType.GetAttributes()) if (KnownTypes.Is(a.AttributeClass, kt.Library)) return;
            var info = DiagnosticInfo.Create(DiagnosticCatalog.BadParamMember, Parser.ToRef(member.Locations.Length > 0 ? member.Locations[0] : null),
                member.ContainingType.Name + "." + member.Name, "must belong to a class marked [UkLibrary]");
            context.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(info, context.Compilation));
        }

        /// <summary>All app-level diagnostics, every one with a location (the app attribute when nothing better).</summary>
        private static List<DiagnosticInfo> AnalyzeApp(Compilation compilation, KnownTypes kt, AnalyzerOptions options)
        {
            var ct = CancellationToken.None;
            var result = new List<DiagnosticInfo>();
            var appModel = Parser.ParseApp(compilation.Assembly, kt, ct);
            if (appModel.App is null) return result;
            try
            {
                var (references, referenceErrors) = Parser.ReadReferences(compilation, ct);
                result.AddRange(referenceErrors);
                var libraries = new List<LibrarySpec>();
                var apis = new List<ApiSpec>();
                var mains = ImmutableArray.CreateBuilder<MainModel>();
                foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace))
                {
                    foreach (var a in type.GetAttributes())
                    {
                        if (KnownTypes.Is(a.AttributeClass, kt.Library))
                        {
                            var lib = Parser.ParseLibrary(type, a, kt, true, ct).Spec;
                            if (lib.Name.Length > 0) libraries.Add(lib with { Assembly = compilation.AssemblyName ?? "" });
                        }
                        else if (KnownTypes.Is(a.AttributeClass, kt.Api)) apis.Add(Parser.ParseApi(type, a, ct));
                    }
                    foreach (var member in type.GetMembers())
                        if (member is IMethodSymbol m)
                            foreach (var a in m.GetAttributes())
                                if (KnownTypes.Is(a.AttributeClass, kt.Main)) mains.Add(Parser.ParseMain(m, ct));
                }
                libraries.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
                apis.Sort((x, y) => string.CompareOrdinal(x.TypeName, y.TypeName));
                var own = new ManifestSpec(compilation.AssemblyName ?? "", libraries.ToEquatableArray(), apis.ToEquatableArray());

                var settings = BuildSettings.From(options.AnalyzerConfigOptionsProvider.GlobalOptions);
                var configs = ImmutableArray.CreateBuilder<ConfigSpec>();
                foreach (var file in options.AdditionalFiles)
                {
                    if (!settings.IsConfigFile(file.Path)) continue;
                    var text = file.GetText(ct);
                    configs.Add(text is null
                        ? new ConfigSpec(file.Path, EquatableArray<ConfigEntry>.Empty, new EquatableArray<DiagnosticInfo>(new[] { DiagnosticInfo.Create(DiagnosticCatalog.ConfigUnreadable, null, file.Path, "could not be read") }))
                        : ConfigParser.Parse(file.Path, text.ToString()));
                }
                var input = ComposeGenerator.BuildInput(appModel, references, own, mains.ToImmutable(), settings, configs.ToImmutable(), result);
                if (input != null) result.AddRange(Resolver.Resolve(input).Diagnostics);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result.Add(DiagnosticInfo.Create(DiagnosticCatalog.InternalError, appModel.App.Location, e.GetType().Name + ": " + e.Message));
            }
            for (int i = 0; i < result.Count; i++)
                if (result[i].Location is null) result[i] = result[i] with { Location = appModel.App.Location };
            return result;
        }

        private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol ns)
        {
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol child)
                {
                    foreach (var t in SourceTypes(child)) yield return t;
                }
                else if (member is INamedTypeSymbol type && type.Locations.Length > 0 && type.Locations[0].IsInSource)
                {
                    yield return type;
                    foreach (var nested in type.GetTypeMembers()) yield return nested;
                }
            }
        }
    }
}
