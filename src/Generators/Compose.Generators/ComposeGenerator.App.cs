using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Compose.Composition;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Compose.Generators
{
    /// <summary>MSBuild properties the Compose targets make visible to the compiler.</summary>
    internal sealed record BuildSettings(string Platform, string? ConfigFile, bool ConfigRequired)
    {
        public static BuildSettings From(AnalyzerConfigOptions options)
        {
            options.TryGetValue("build_property.UkPlatform", out var platform);
            options.TryGetValue("build_property.ComposeConfigFile", out var config);
            options.TryGetValue("build_property.ComposeConfigRequired", out var required);
            return new BuildSettings(string.IsNullOrWhiteSpace(platform) ? "hosted" : platform!.Trim(),
                string.IsNullOrWhiteSpace(config) ? null : config, string.Equals(required, "true", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The file named by ComposeConfigFile, or any AdditionalFile named <c>.config</c> when none is named.</summary>
        public bool IsConfigFile(string path)
            => ConfigFile is null ? Path.GetFileName(path) == ".config" : SamePath(path, ConfigFile);

        private static bool SamePath(string a, string b)
        {
            try { return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal); }
            catch (Exception) { return string.Equals(a, b, StringComparison.Ordinal); }
        }
    }

    /// <summary>What the generator emits for an app.</summary>
    internal sealed record CompositionOutput(string Wiring, string? Outputs, EquatableArray<DiagnosticInfo> InternalErrors);

    public sealed partial class ComposeGenerator
    {
        /// <summary>
        /// Builds the resolver's input from the parsed pieces and collects the diagnostics found before resolving.
        /// Shared by the generator and the analyzer so both see the same composition.
        /// </summary>
        internal static CompositionInput? BuildInput(AppModel app, EquatableArray<ManifestSpec> references, ManifestSpec own,
            ImmutableArray<MainModel> mains, BuildSettings settings, ImmutableArray<ConfigSpec> configs, List<DiagnosticInfo> diagnostics)
        {
            if (app.App is null) return null;
            diagnostics.AddRange(app.Diagnostics);
            var spec = app.App;
            if (mains.Length == 0)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadMain, spec.Location,
                    "App '" + spec.Name + "' has no [UkMain] method; mark its main function: [UkMain] static int Main(string[] args)"));
            else if (mains.Length > 1)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadMain, spec.Location, "App '" + spec.Name + "' has " + mains.Length + " [UkMain] methods; keep one"));
            if (mains.Length >= 1)
            {
                var main = mains[0];
                diagnostics.AddRange(main.Diagnostics);
                spec = spec with { MainType = main.Type, MainMethod = main.Method, MainReturnsInt = main.ReturnsInt };
            }
            ConfigSpec? config = configs.Length > 0 ? configs[0] : null;
            if (config is null && settings.ConfigRequired && settings.ConfigFile != null)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.ConfigUnreadable, spec.Location, settings.ConfigFile, "does not exist; create it or remove the ComposeConfigFile property"));
            var manifests = new List<ManifestSpec>(references);
            manifests.Add(own);
            return new CompositionInput(spec, settings.Platform, manifests.ToEquatableArray(), config, ComposeVersion);
        }

        private static CompositionOutput? Compose(AppModel app, EquatableArray<ManifestSpec> references, ManifestSpec own,
            ImmutableArray<MainModel> mains, BuildSettings settings, ImmutableArray<ConfigSpec> configs)
        {
            if (app.App is null) return null;
            try
            {
                var diagnostics = new List<DiagnosticInfo>();
                var input = BuildInput(app, references, own, mains, settings, configs, diagnostics)!;
                var result = Resolver.Resolve(input);
                var internalErrors = new List<DiagnosticInfo>();
                foreach (var d in result.Diagnostics) if (d.Id == DiagnosticCatalog.InternalError) internalErrors.Add(d);
                bool blocked = false;
                foreach (var d in diagnostics) if (DiagnosticCatalog.Get(d.Id).Severity == Severity.Error) blocked = true;
                if (result.Composition is null || blocked)
                    return new CompositionOutput(FallbackWiring(app.App), null, internalErrors.ToEquatableArray());

                var c = result.Composition;
                var files = new List<KeyValuePair<string, string>> { new("compose.manifest.json", BuildEmitter.EmitManifest(c)) };
                var templateErrors = new List<DiagnosticInfo>();
                var lds = BuildEmitter.EmitLinkerScript(c, templateErrors);
                if (lds != null) files.Add(new("compose.lds", lds));
                files.Add(new("compose.ilc.rsp", BuildEmitter.EmitIlcArguments(c)));
                internalErrors.AddRange(templateErrors);
                return new CompositionOutput(WiringEmitter.Emit(c), BuildEmitter.EmitOutputsFile(files), internalErrors.ToEquatableArray());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var diag = DiagnosticInfo.Create(DiagnosticCatalog.InternalError, app.App.Location, e.GetType().Name + ": " + e.Message);
                return new CompositionOutput(FallbackWiring(app.App), null, new EquatableArray<DiagnosticInfo>(new[] { diag }));
            }
        }

        /// <summary>
        /// What an app gets while its composition has errors: its option constants at their defaults, so that the
        /// errors the analyzer reports are not buried under follow-on compile errors, and an entry that fails.
        /// </summary>
        private static string FallbackWiring(AppSpec app)
        {
            var w = new SourceWriter();
            w.Line("// <auto-generated/>");
            w.Line("// The composition of " + app.Name + " has errors (see the UK diagnostics); this stands in for the wiring table.");
            w.Line("namespace Compose.Generated").Open();
            w.Line("internal static class AppOptions").Open();
            foreach (var o in app.Options)
                w.Line("public const " + SourceWriter.OptionType(o.Kind) + " " + SourceWriter.Pascal(o.Name) + " = " + SourceWriter.OptionLiteral(o.Kind, o.Default) + ";");
            w.Close();
            w.Line("internal static class UkEntry").Open();
            w.Line("public static int Main(string[] args) => 1;");
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
