using System;
using System.Collections.Generic;
using System.Text;
using Scriban;
using Scriban.Runtime;

namespace Compose.Composition
{
    /// <summary>Emits the JSON build manifest and the linker script, and the file the MSBuild targets extract them from.</summary>
    public static class BuildEmitter
    {
        /// <summary>The build manifest: app, platform, libraries, bindings, options with their source, init order.</summary>
        public static string EmitManifest(Composition c)
        {
            var w = new JsonWriter();
            w.StartObject().Property("compose", c.ComposeVersion);
            w.Key("app").StartObject().Property("name", c.App.Name).Property("version", c.App.Version).EndObject();
            w.Property("platform", c.Platform);
            w.Key("libraries").StartArray();
            foreach (var lib in c.Libraries)
            {
                var s = lib.Spec;
                w.StartObject().Property("name", s.Name).Property("version", s.Version).Property("license", s.License)
                    .Property("description", s.Description).Property("assembly", s.Assembly)
                    .Property("requiredBy", lib.RequiredBy).Property("via", lib.Via);
                w.Key("provides").StartArray();
                foreach (var p in s.Provides) w.Value(Resolver.Short(p.Api));
                w.EndArray();
                if (s.Params.Count > 0)
                {
                    w.Key("params").StartArray();
                    foreach (var p in s.Params) ManifestCodec.WriteParam(w, p);
                    w.EndArray();
                }
                w.EndObject();
            }
            w.EndArray();
            w.Key("bindings").StartArray();
            foreach (var b in c.Bindings)
                w.StartObject().Property("api", b.Api.Replace("global::", "")).Property("provider", b.Library).Property("reason", b.Reason).EndObject();
            w.EndArray();
            w.Key("options").StartArray();
            var all = new List<ResolvedOption>(c.AppOptions);
            all.AddRange(c.LibraryOptions);
            foreach (var o in all)
            {
                w.StartObject().Property("key", "CONFIG_" + o.Key).Property("owner", o.Owner).Property("kind", o.Option.Kind.ToString().ToLowerInvariant())
                    .Property("value", o.Value).Property("source", o.Source);
                if (o.Option.FeatureSwitch != null) w.Property("featureSwitch", o.Option.FeatureSwitch);
                w.EndObject();
            }
            w.EndArray();
            WriteCalls(w, "init", c.Inits);
            WriteCalls(w, "term", c.Terms);
            return w.EndObject().ToString() + "\n";
        }

        private static void WriteCalls(JsonWriter w, string name, EquatableArray<InitCall> calls)
        {
            w.Key(name).StartArray();
            foreach (var i in calls)
                w.StartObject().Property("library", i.Library).Property("function", i.Method)
                    .Property("class", WiringEmitter.ClassName(i.Class)).Property("priority", i.Priority).EndObject();
            w.EndArray();
        }

        /// <summary>
        /// Renders the platform's Scriban linker template with the composition; null when the platform has none
        /// (hosted). Template errors become UK0021 in <paramref name="diagnostics"/>.
        /// </summary>
        public static string? EmitLinkerScript(Composition c, List<DiagnosticInfo> diagnostics)
        {
            string? text = c.PlatformLibrary.LinkerTemplate;
            if (text is null) return null;
            try
            {
                var template = Template.Parse(text, c.PlatformLibrary.Name + "/link.lds.scriban");
                if (template.HasErrors)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.LinkerTemplate, c.App.Location, c.PlatformLibrary.Name, template.Messages.ToString()));
                    return null;
                }
                var context = new TemplateContext { StrictVariables = true, NewLine = "\n", MemberRenamer = m => m.Name };
                context.PushGlobal(Model(c));
                string output = template.Render(context).Replace("\r\n", "\n");
                return output.EndsWith("\n", StringComparison.Ordinal) ? output : output + "\n";
            }
            catch (Exception e)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.LinkerTemplate, c.App.Location, c.PlatformLibrary.Name, e.Message));
                return null;
            }
        }

        private static ScriptObject Model(Composition c)
        {
            var model = new ScriptObject();
            model["compose_version"] = c.ComposeVersion;
            model["platform"] = c.Platform;
            var app = new ScriptObject { ["name"] = c.App.Name, ["version"] = c.App.Version };
            model["app"] = app;
            var libraries = new ScriptArray();
            var fragments = new ScriptArray();
            foreach (var lib in c.Libraries)
            {
                libraries.Add(new ScriptObject { ["name"] = lib.Spec.Name, ["version"] = lib.Spec.Version });
                foreach (var f in lib.Spec.Fragments)
                    if (f.Platform == "*" || f.Platform == c.Platform)
                        fragments.Add(new ScriptObject { ["library"] = lib.Spec.Name, ["file"] = f.FileName, ["text"] = f.Text });
            }
            model["libraries"] = libraries;
            model["fragments"] = fragments;
            var options = new ScriptObject();
            foreach (var o in c.LibraryOptions) options["CONFIG_" + o.Key] = o.Value;
            foreach (var o in c.AppOptions) options["CONFIG_" + o.Key] = o.Value;
            model["options"] = options;
            var features = new ScriptObject();
            foreach (var o in c.LibraryOptions)
                if (o.Option.FeatureSwitch != null) features[o.Option.FeatureSwitch] = o.Value == "y";
            model["features"] = features;
            return model;
        }

        /// <summary>
        /// The ILC arguments of the composition (compose.ilc.rsp, read by the image build): one
        /// <c>--feature:&lt;name&gt;=true|false</c> per bool option with a <c>FeatureSwitch</c>, in option-key order.
        /// </summary>
        public static string EmitIlcArguments(Composition c)
        {
            var lines = new List<string>();
            foreach (var o in c.LibraryOptions)
                if (o.Option.FeatureSwitch != null)
                    lines.Add("--feature:" + o.Option.FeatureSwitch + "=" + (o.Value == "y" ? "true" : "false"));
            lines.Sort(string.CompareOrdinal);
            var sb = new StringBuilder();
            sb.Append("# ILC arguments of this composition, from the options with a FeatureSwitch (Compose generator).\n");
            foreach (var l in lines) sb.Append(l).Append('\n');
            return sb.ToString();
        }

        /// <summary>Marker that starts each line of an extracted output in <see cref="EmitOutputsFile"/>.</summary>
        public const string LineMarker = "//|";

        /// <summary>
        /// A C# file carrying the build outputs for the MSBuild targets to extract (generators cannot write files):
        /// sections <c>//&gt;&gt; name</c> followed by lines prefixed with <c>//|</c>. It compiles to nothing.
        /// </summary>
        public static string EmitOutputsFile(IEnumerable<KeyValuePair<string, string>> files)
        {
            var sb = new StringBuilder();
            sb.Append("// <auto-generated/>\n// Build outputs of the Compose generator; the Compose MSBuild targets write them to the intermediate folder.\n");
            foreach (var file in files)
            {
                sb.Append("//>> ").Append(file.Key).Append('\n');
                var text = file.Value.EndsWith("\n", StringComparison.Ordinal) ? file.Value.Substring(0, file.Value.Length - 1) : file.Value;
                foreach (var line in text.Split('\n')) sb.Append(LineMarker).Append(line).Append('\n');
            }
            return sb.ToString();
        }
    }
}
