using System;
using System.Collections.Generic;
using System.Globalization;

namespace Compose.Composition
{
    /// <summary>
    /// Writes and reads the library manifest the library-side generator stores in
    /// <c>[assembly: UkManifest("...")]</c>. Source locations are not stored: they mean nothing outside the
    /// library's own compilation.
    /// </summary>
    public static class ManifestCodec
    {
        /// <summary>The format version; readers reject other versions with a clear message.</summary>
        public const int FormatVersion = 1;

        /// <summary>Serialises <paramref name="manifest"/>.</summary>
        public static string Write(ManifestSpec manifest)
        {
            var w = new JsonWriter();
            w.StartObject().Property("format", FormatVersion).Property("assembly", manifest.Assembly);
            w.Key("apis").StartArray();
            foreach (var api in manifest.Apis)
                w.StartObject().Property("type", api.TypeName).Property("defaultProvider", api.DefaultProvider).EndObject();
            w.EndArray();
            w.Key("libraries").StartArray();
            foreach (var lib in manifest.Libraries) WriteLibrary(w, lib);
            w.EndArray();
            return w.EndObject().ToString();
        }

        private static void WriteLibrary(JsonWriter w, LibrarySpec lib)
        {
            w.StartObject()
                .Property("name", lib.Name).Property("version", lib.Version)
                .Property("description", lib.Description).Property("license", lib.License)
                .Property("type", lib.TypeName).Property("platformOf", lib.PlatformOf)
                .Property("constructible", lib.Constructible);
            w.Key("platforms").StartArray();
            foreach (var p in lib.Platforms) w.Value(p);
            w.EndArray();
            w.Key("provides").StartArray();
            foreach (var p in lib.Provides) w.StartObject().Property("api", p.Api).Property("implements", p.Implements).EndObject();
            w.EndArray();
            w.Key("requires").StartArray();
            foreach (var r in lib.Requires) w.StartObject().Property("api", r.Api).Property("optional", r.Optional).EndObject();
            w.EndArray();
            w.Key("options").StartArray();
            foreach (var o in lib.Options) WriteOption(w, o);
            w.EndArray();
            w.Key("inits").StartArray();
            foreach (var i in lib.Inits)
                w.StartObject().Property("method", i.Method).Property("class", i.Class).Property("priority", i.Priority)
                    .Property("term", i.IsTerm).Property("returnsInt", i.ReturnsInt).EndObject();
            w.EndArray();
            w.Key("fragments").StartArray();
            foreach (var f in lib.Fragments)
                w.StartObject().Property("platform", f.Platform).Property("file", f.FileName).Property("text", f.Text).EndObject();
            w.EndArray();
            w.Property("linkerTemplate", lib.LinkerTemplate);
            if (lib.Params.Count > 0)
            {
                w.Key("params").StartArray();
                foreach (var p in lib.Params) WriteParam(w, p);
                w.EndArray();
            }
            w.EndObject();
        }

        /// <summary>Writes one option declaration (shared with the build manifest).</summary>
        internal static void WriteOption(JsonWriter w, OptionSpec o)
        {
            w.StartObject().Property("name", o.Name).Property("kind", o.Kind.ToString().ToLowerInvariant())
                .Property("default", o.Default);
            if (o.Min.HasValue) w.Property("min", o.Min.Value);
            if (o.Max.HasValue) w.Property("max", o.Max.Value);
            w.Key("choices").StartArray();
            foreach (var c in o.Choices) w.Value(c);
            w.EndArray();
            w.Property("help", o.Help).Property("dependsOn", o.DependsOn);
            if (o.FeatureSwitch != null) w.Property("featureSwitch", o.FeatureSwitch);
            w.EndObject();
        }

        /// <summary>Writes one parameter declaration (shared with the build manifest).</summary>
        internal static void WriteParam(JsonWriter w, ParamSpec p)
        {
            w.StartObject().Property("name", p.Name).Property("member", p.Member).Property("type", ParamTypeName(p.Kind));
            if (p.Min.HasValue) w.Property("min", p.Min.Value);
            if (p.Max.HasValue) w.Property("max", p.Max.Value);
            w.Property("help", p.Help).EndObject();
        }

        /// <summary>The C# keyword of a parameter type, as written in manifests and help.</summary>
        public static string ParamTypeName(ParamKind kind) => kind switch
        {
            ParamKind.Bool => "bool",
            ParamKind.Int => "int",
            ParamKind.Long => "long",
            _ => "string",
        };

        private static ParamSpec ReadParam(Dictionary<string, object?> o)
        {
            var kind = Str(o, "type") switch
            {
                "bool" => ParamKind.Bool,
                "int" => ParamKind.Int,
                "long" => ParamKind.Long,
                "string" => ParamKind.String,
                var k => throw new FormatException("unknown parameter type '" + k + "'"),
            };
            return new ParamSpec(Str(o, "name"), Str(o, "member"), kind,
                o.TryGetValue("min", out var min) ? (long?)(long)min! : null,
                o.TryGetValue("max", out var max) ? (long?)(long)max! : null,
                StrOrNull(o, "help"), null);
        }

        /// <summary>Reads a manifest; returns null and an error text when it is not one this version understands.</summary>
        public static ManifestSpec? TryRead(string text, out string? error)
        {
            error = null;
            try
            {
                var root = Obj(JsonReader.Parse(text));
                long format = Long(root, "format");
                if (format != FormatVersion)
                {
                    error = "manifest format " + format.ToString(CultureInfo.InvariantCulture) + " is not supported (expected " + FormatVersion.ToString(CultureInfo.InvariantCulture) + "); rebuild the library with this Compose version";
                    return null;
                }
                var apis = new List<ApiSpec>();
                foreach (var a in List(root, "apis"))
                {
                    var o = Obj(a);
                    apis.Add(new ApiSpec(Str(o, "type"), StrOrNull(o, "defaultProvider"), null));
                }
                var libs = new List<LibrarySpec>();
                string assembly = Str(root, "assembly");
                foreach (var l in List(root, "libraries")) libs.Add(ReadLibrary(Obj(l), assembly));
                return new ManifestSpec(assembly, libs.ToEquatableArray(), apis.ToEquatableArray());
            }
            catch (Exception e) when (e is FormatException || e is InvalidCastException || e is KeyNotFoundException)
            {
                error = "the manifest is malformed (" + e.Message + ")";
                return null;
            }
        }

        private static LibrarySpec ReadLibrary(Dictionary<string, object?> o, string assembly)
        {
            var platforms = new List<string>();
            foreach (var p in List(o, "platforms")) platforms.Add((string)p!);
            var provides = new List<ProvideSpec>();
            foreach (var p in List(o, "provides")) { var po = Obj(p); provides.Add(new ProvideSpec(Str(po, "api"), Bool(po, "implements"), null)); }
            var requires = new List<RequirementSpec>();
            foreach (var r in List(o, "requires")) { var ro = Obj(r); requires.Add(new RequirementSpec(Str(ro, "api"), Bool(ro, "optional"), null)); }
            var options = new List<OptionSpec>();
            foreach (var x in List(o, "options")) options.Add(ReadOption(Obj(x)));
            var inits = new List<InitSpec>();
            foreach (var x in List(o, "inits"))
            {
                var io = Obj(x);
                inits.Add(new InitSpec(Str(io, "method"), (int)Long(io, "class"), (int)Long(io, "priority"), Bool(io, "term"), Bool(io, "returnsInt"), null));
            }
            var fragments = new List<FragmentSpec>();
            foreach (var x in List(o, "fragments")) { var fo = Obj(x); fragments.Add(new FragmentSpec(Str(fo, "platform"), Str(fo, "file"), Str(fo, "text"))); }
            var parameters = new List<ParamSpec>();
            if (o.TryGetValue("params", out var list) && list is List<object?> items)
                foreach (var x in items) parameters.Add(ReadParam(Obj(x)));
            return new LibrarySpec(Str(o, "name"), Str(o, "version"), StrOrNull(o, "description"), StrOrNull(o, "license"),
                Str(o, "type"), assembly, StrOrNull(o, "platformOf"), platforms.ToEquatableArray(), provides.ToEquatableArray(),
                requires.ToEquatableArray(), options.ToEquatableArray(), inits.ToEquatableArray(), fragments.ToEquatableArray(),
                StrOrNull(o, "linkerTemplate"), Bool(o, "constructible"), null) { Params = parameters.ToEquatableArray() };
        }

        private static OptionSpec ReadOption(Dictionary<string, object?> o)
        {
            var choices = new List<string>();
            foreach (var c in List(o, "choices")) choices.Add((string)c!);
            var kind = Str(o, "kind") switch
            {
                "bool" => OptionKind.Bool,
                "int" => OptionKind.Int,
                "string" => OptionKind.String,
                "choice" => OptionKind.Choice,
                var k => throw new FormatException("unknown option kind '" + k + "'"),
            };
            return new OptionSpec(Str(o, "name"), kind, Str(o, "default"),
                o.TryGetValue("min", out var min) ? (long?)(long)min! : null,
                o.TryGetValue("max", out var max) ? (long?)(long)max! : null,
                choices.ToEquatableArray(), StrOrNull(o, "help"), StrOrNull(o, "dependsOn"), null)
            { FeatureSwitch = kind == OptionKind.Bool ? StrOrNull(o, "featureSwitch") : null };
        }

        private static Dictionary<string, object?> Obj(object? v) => (Dictionary<string, object?>)v!;
        private static List<object?> List(Dictionary<string, object?> o, string key) => (List<object?>)o[key]!;
        private static string Str(Dictionary<string, object?> o, string key) => (string)o[key]!;
        private static string? StrOrNull(Dictionary<string, object?> o, string key) => o.TryGetValue(key, out var v) ? (string?)v : null;
        private static long Long(Dictionary<string, object?> o, string key) => (long)o[key]!;
        private static bool Bool(Dictionary<string, object?> o, string key) => (bool)o[key]!;
    }
}
