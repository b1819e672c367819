using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Compose.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Compose.Generators
{
    /// <summary>
    /// The Compose generator. In every compilation that declares libraries it writes their manifest into the
    /// assembly (<c>[assembly: UkManifest]</c>) and their Options classes. In an app compilation
    /// (<c>[assembly: UkApplication]</c>) it composes the app with the manifests of its references and emits the
    /// wiring table, plus the build manifest and linker script for the MSBuild targets to write out. It reports
    /// only its own failures (UK0099); the composition's diagnostics come from <see cref="ComposeAnalyzer"/>, live.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class ComposeGenerator : IIncrementalGenerator
    {
        /// <summary>The Compose version stamped into generated code.</summary>
        public const string ComposeVersion = "0.1.0";

        /// <summary>Names of the tracked pipeline steps.</summary>
        public static class Steps
        {
            /// <summary>Parsed [UkLibrary] classes.</summary>
            public const string Libraries = "Libraries";
            /// <summary>Parsed [UkApi] types.</summary>
            public const string Apis = "Apis";
            /// <summary>Linker templates and fragments from AdditionalFiles.</summary>
            public const string LinkerFiles = "LinkerFiles";
            /// <summary>The current assembly's manifest.</summary>
            public const string OwnManifest = "OwnManifest";
            /// <summary>The app's assembly attributes.</summary>
            public const string App = "App";
            /// <summary>The manifests of references.</summary>
            public const string References = "References";
            /// <summary>The parsed .config.</summary>
            public const string Config = "Config";
            /// <summary>The resolved composition and its emitted texts.</summary>
            public const string Composition = "Composition";
        }

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var libraries = context.SyntaxProvider.ForAttributeWithMetadataName(KnownTypes.UkLibrary,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (ctx, ct) => ParseLibrarySafe(ctx, ct))
                .WithTrackingName(Steps.Libraries);
            var apis = context.SyntaxProvider.ForAttributeWithMetadataName(KnownTypes.UkApi,
                    static (node, _) => node is InterfaceDeclarationSyntax || node is ClassDeclarationSyntax,
                    static (ctx, ct) => Parser.ParseApi((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0], ct))
                .WithTrackingName(Steps.Apis);
            var linkerFiles = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, ct) => ReadLinkerFile(pair.Left, pair.Right.GetOptions(pair.Left), ct))
                .Where(static f => f != null)
                .WithTrackingName(Steps.LinkerFiles);
            var assemblyName = context.CompilationProvider.Select(static (c, _) => c.AssemblyName ?? "");
            var ownManifest = libraries.Collect().Combine(apis.Collect()).Combine(linkerFiles.Collect()).Combine(assemblyName)
                .Select(static (x, _) => BuildOwnManifest(x.Left.Left.Left, x.Left.Left.Right, x.Left.Right, x.Right))
                .WithTrackingName(Steps.OwnManifest);

            context.RegisterSourceOutput(libraries, static (spc, model) => EmitLibrary(spc, model));
            context.RegisterSourceOutput(ownManifest, static (spc, manifest) =>
            {
                if (manifest.Libraries.Count > 0 || manifest.Apis.Count > 0)
                    spc.AddSource("Compose.Manifest.g.cs", LibraryEmitter.EmitManifestAttribute(manifest, ComposeVersion));
            });

            var app = context.CompilationProvider
                .Select(static (c, ct) => KnownTypes.Create(c) is { } kt ? Parser.ParseApp(c.Assembly, kt, ct) : new AppModel(null, EquatableArray<DiagnosticInfo>.Empty))
                .WithTrackingName(Steps.App);
            var references = context.CompilationProvider
                .Select(static (c, ct) => Parser.ReadReferences(c, ct).Manifests)
                .WithTrackingName(Steps.References);
            var mains = context.SyntaxProvider.ForAttributeWithMetadataName(KnownTypes.UkMain,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => Parser.ParseMain((IMethodSymbol)ctx.TargetSymbol, ct))
                .Collect();
            var build = context.AnalyzerConfigOptionsProvider.Select(static (o, _) => BuildSettings.From(o.GlobalOptions));
            var config = context.AdditionalTextsProvider.Combine(build)
                .Where(static pair => pair.Right.IsConfigFile(pair.Left.Path))
                .Select(static (pair, ct) => ReadConfig(pair.Left, ct))
                .Collect()
                .WithTrackingName(Steps.Config);

            var composition = app.Combine(references).Combine(ownManifest).Combine(mains).Combine(build).Combine(config)
                .Select(static (x, ct) => Compose(x.Left.Left.Left.Left.Left, x.Left.Left.Left.Left.Right, x.Left.Left.Left.Right,
                    x.Left.Left.Right, x.Left.Right, x.Right))
                .WithTrackingName(Steps.Composition);
            context.RegisterSourceOutput(composition, static (spc, output) =>
            {
                if (output is null) return;
                foreach (var d in output.InternalErrors) spc.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(d, null));
                spc.AddSource("Compose.Wiring.g.cs", output.Wiring);
                if (output.Outputs != null) spc.AddSource("Compose.Outputs.g.cs", output.Outputs);
            });
        }

        private static LibraryModel ParseLibrarySafe(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        {
            var type = (INamedTypeSymbol)ctx.TargetSymbol;
            try
            {
                var kt = KnownTypes.Create(ctx.SemanticModel.Compilation)!;
                bool isApp = false;
                foreach (var a in ctx.SemanticModel.Compilation.Assembly.GetAttributes())
                    if (a.AttributeClass?.ToDisplayString() == KnownTypes.UkApplication) isApp = true;
                return Parser.ParseLibrary(type, ctx.Attributes[0], kt, isApp, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var spec = new LibrarySpec("", "", null, null, Parser.FullName(type), "", null, EquatableArray<string>.Empty,
                    EquatableArray<ProvideSpec>.Empty, EquatableArray<RequirementSpec>.Empty, EquatableArray<OptionSpec>.Empty,
                    EquatableArray<InitSpec>.Empty, EquatableArray<FragmentSpec>.Empty, null, false, null);
                var diag = DiagnosticInfo.Create(DiagnosticCatalog.InternalError, Parser.ToRef(type.Locations[0]), "parsing " + type.Name + ": " + e.GetType().Name + ": " + e.Message);
                return new LibraryModel(spec, null, type.Name, false, new EquatableArray<DiagnosticInfo>(new[] { diag }));
            }
        }

        private static void EmitLibrary(SourceProductionContext spc, LibraryModel model)
        {
            foreach (var d in model.Diagnostics)
                if (d.Id == DiagnosticCatalog.InternalError) spc.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(d, null));
            if (!model.EmitOptions) return;
            string hint = (model.Namespace is null ? "" : model.Namespace + ".") + model.ClassName + ".Options.g.cs";
            spc.AddSource(hint, LibraryEmitter.EmitOptions(model.Spec, model.Namespace, model.ClassName, ComposeVersion));
        }

        /// <summary>A linker template or fragment named by AdditionalFiles metadata.</summary>
        internal sealed record LinkerFile(string Role, string Platform, string? Library, string FileName, string Text);

        private static LinkerFile? ReadLinkerFile(AdditionalText file, AnalyzerConfigOptions options, CancellationToken ct)
        {
            if (!options.TryGetValue("build_metadata.AdditionalFiles.ComposeRole", out var role) || string.IsNullOrEmpty(role)) return null;
            options.TryGetValue("build_metadata.AdditionalFiles.ComposePlatform", out var platform);
            options.TryGetValue("build_metadata.AdditionalFiles.ComposeLibrary", out var library);
            var text = file.GetText(ct)?.ToString().Replace("\r\n", "\n") ?? "";
            return new LinkerFile(role, string.IsNullOrEmpty(platform) ? "*" : platform!, string.IsNullOrEmpty(library) ? null : library, Path.GetFileName(file.Path), text);
        }

        private static ManifestSpec BuildOwnManifest(ImmutableArray<LibraryModel> libraries, ImmutableArray<ApiSpec> apis, ImmutableArray<LinkerFile?> files, string assembly)
        {
            var libs = new List<LibrarySpec>();
            foreach (var m in libraries) if (m.Spec.Name.Length > 0) libs.Add(m.Spec);
            libs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            for (int i = 0; i < libs.Count; i++)
            {
                var fragments = new List<FragmentSpec>();
                string? template = null;
                foreach (var f in files)
                {
                    if (f is null) continue;
                    bool mine = f.Library is null ? i == 0 : f.Library == libs[i].Name;
                    if (!mine) continue;
                    if (f.Role == "LinkerTemplate") template = f.Text;
                    else if (f.Role == "LinkerFragment") fragments.Add(new FragmentSpec(f.Platform, f.FileName, f.Text));
                }
                fragments.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
                libs[i] = libs[i] with { Assembly = assembly, Fragments = fragments.ToEquatableArray(), LinkerTemplate = template };
            }
            var apiList = new List<ApiSpec>(apis);
            apiList.Sort((a, b) => string.CompareOrdinal(a.TypeName, b.TypeName));
            return new ManifestSpec(assembly, libs.ToEquatableArray(), apiList.ToEquatableArray());
        }

        private static ConfigSpec ReadConfig(AdditionalText file, CancellationToken ct)
        {
            var text = file.GetText(ct);
            if (text is null)
                return new ConfigSpec(file.Path, EquatableArray<ConfigEntry>.Empty, new EquatableArray<DiagnosticInfo>(new[]
                {
                    DiagnosticInfo.Create(DiagnosticCatalog.ConfigUnreadable, null, file.Path, "could not be read"),
                }));
            return ConfigParser.Parse(file.Path, text.ToString());
        }
    }
}
