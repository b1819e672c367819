using Compose.Composition;

namespace Compose.Composition.Tests;

/// <summary>Small builders for resolver inputs.</summary>
internal static class Specs
{
    public static EquatableArray<T> Arr<T>(params T[] items) => new(items);

    public static string Api(string name) => "global::Test." + name;

    public static LibrarySpec Lib(string name, string[]? provides = null, string[]? requires = null, string[]? optional = null,
        OptionSpec[]? options = null, InitSpec[]? inits = null, string? platformOf = null, string[]? platforms = null,
        string? template = null, FragmentSpec[]? fragments = null)
    {
        var reqs = new List<RequirementSpec>();
        foreach (var r in requires ?? []) reqs.Add(new RequirementSpec(r.StartsWith("lib:") ? Type(r[4..]) : Api(r), false, null));
        foreach (var r in optional ?? []) reqs.Add(new RequirementSpec(Api(r), true, null));
        var prov = new List<ProvideSpec>();
        foreach (var p in provides ?? []) prov.Add(new ProvideSpec(Api(p), true, null));
        return new LibrarySpec(name, "1.0.0", null, "MIT", Type(name), "Test." + name, platformOf, Arr(platforms ?? []),
            Arr(prov.ToArray()), Arr(reqs.ToArray()), Arr(options ?? []), Arr(inits ?? []), Arr(fragments ?? []), template, true, null);
    }

    public static string Type(string lib) => "global::Test.Lib_" + lib;

    public static InitSpec Init(string method, int cls, int prio = 9, bool term = false) => new(method, cls, prio, term, false, null);

    public static OptionSpec Bool(string name, bool def, string? dependsOn = null) => new(name, OptionKind.Bool, def ? "y" : "n", null, null, Arr<string>(), null, dependsOn, null);

    public static OptionSpec Int(string name, long def, long? min = null, long? max = null) => new(name, OptionKind.Int, def.ToString(), min, max, Arr<string>(), null, null, null);

    public static OptionSpec Str(string name, string def) => new(name, OptionKind.String, def, null, null, Arr<string>(), null, null, null);

    public static OptionSpec Choice(string name, string def, params string[] choices) => new(name, OptionKind.Choice, def, null, null, Arr(choices), null, null, null);

    public static SourceRef AppRef { get; } = new("Program.cs", 10, 5, 0, 10, 0, 15);

    public static AppSpec App(string[]? requires = null, OptionSpec[]? options = null, ProviderChoiceSpec[]? choices = null)
    {
        var reqs = new List<RequirementSpec>();
        foreach (var r in requires ?? []) reqs.Add(new RequirementSpec(r.StartsWith("lib:") ? Type(r[4..]) : Api(r), false, null));
        return new AppSpec("demo", "1.0", "global::Demo.App", "Main", true, Arr(reqs.ToArray()), Arr(options ?? []), Arr(choices ?? []), AppRef);
    }

    public static LibrarySpec Platform(params string[] requires) => Lib("plattest", provides: ["IConsole"], requires: requires, platformOf: "test");

    public static ResolveResult Resolve(AppSpec app, string config, params LibrarySpec[] libs)
        => Resolver.Resolve(Input(app, config, libs));

    public static CompositionInput Input(AppSpec app, string config, params LibrarySpec[] libs)
        => new(app, "test", Arr(new ManifestSpec("Test", Arr(libs), Arr<ApiSpec>())), config.Length == 0 ? null : ConfigParser.Parse(".config", config), "9.9.9");

    public static CompositionInput WithApis(this CompositionInput input, params ApiSpec[] apis)
        => input with { Manifests = Arr(new ManifestSpec("Test", input.Manifests[0].Libraries, Arr(apis))) };

    public static string[] Ids(this ResolveResult r) => r.Diagnostics.Select(d => d.Id).ToArray();
}
