using Compose.Composition;
using static Compose.Composition.Tests.Specs;

namespace Compose.Composition.Tests;

/// <summary>Emitter output against baseline files in Baselines/ (set COMPOSE_UPDATE_BASELINES=1 to rewrite them).</summary>
public class EmitterTests
{
    private static Composition Sample()
    {
        const string template = "/* {{ app.name }} on {{ platform }}, Compose {{ compose_version }} */\nSECTIONS {\n  . = 0x100000;\n{{ for f in fragments }}  /* {{ f.library }}: {{ f.file }} */\n{{ f.text }}{{ end }}}\n/* heap {{ options.CONFIG_LIBPLATTEST_HEAP }} */\n{{ if features[\"Test.Unwind\"] == false }}/* unwind off */{{ else }}/* unwind on */{{ end }}\n{{ if features[\"Test.Trace\"] == false }}/* trace off */{{ else }}/* trace on */{{ end }}\n";
        var platform = Lib("plattest", provides: ["IConsole"], requires: ["lib:boot"], platformOf: "test", template: template,
            options: [Int("HEAP", 4096, 1024, 1 << 20)]);
        var boot = Lib("boot", requires: ["IAlloc"], options: [Bool("BANNER", true), Str("NAME", "a \"b\""), Choice("MODE", "fast", "fast", "slow"),
                Bool("UNWIND", true) with { FeatureSwitch = "Test.Unwind" }, Bool("TRACE", true) with { FeatureSwitch = "Test.Trace" }],
            inits: [Init("Banner", 6), new InitSpec("Setup", 3, 2, false, true, null), Init("Stop", 3, term: true)],
            fragments: [new FragmentSpec("test", "boot.ld", "  .boottab : { *(.boottab) }\n"), new FragmentSpec("kvm", "kvm.ld", "  .kvmonly : {}\n")]);
        const string libParam = "global::Compose.Libraries.UkLibParam.LibParamParser";
        boot = boot with
        {
            Requires = Arr(boot.Requires.Concat([new RequirementSpec(libParam, false, null)]).ToArray()),
            Params = Arr(new ParamSpec("level", "Level", ParamKind.Int, 0, 4, "printk \"level\"", null),
                new ParamSpec("quiet", "Quiet", ParamKind.Bool, null, null, null, null),
                new ParamSpec("root", "RootProp", ParamKind.String, null, null, "root path", null),
                new ParamSpec("size", "Size", ParamKind.Long, long.MinValue, 1L << 40, "bytes", null)),
        };
        var uklibparam = Lib("uklibparam") with { TypeName = libParam };
        var alloc = Lib("region", provides: ["IAlloc"], inits: [Init("Init", 1, 5)]) with
        {
            Params = Arr(new ParamSpec("verbose", "Verbose", ParamKind.Bool, null, null, "log", null)),
        };
        var app = App(options: [Bool("PRINTARGS", true), Int("COUNT", 2)]);
        var r = Resolve(app, "CONFIG_APPDEMO_COUNT=7\nCONFIG_LIBBOOT_MODE=slow\nCONFIG_LIBBOOT_UNWIND=n\n", platform, boot, alloc, uklibparam);
        Assert.Empty(r.Diagnostics);
        return r.Composition!;
    }

    [Theory]
    [InlineData("wiring.g.cs.txt")]
    [InlineData("compose.manifest.json")]
    [InlineData("compose.lds")]
    [InlineData("options.g.cs.txt")]
    [InlineData("compose.ilc.rsp")]
    public void Output_matches_baseline(string baseline)
    {
        var c = Sample();
        var diagnostics = new List<DiagnosticInfo>();
        string actual = baseline switch
        {
            "wiring.g.cs.txt" => WiringEmitter.Emit(c),
            "compose.manifest.json" => BuildEmitter.EmitManifest(c),
            "compose.lds" => BuildEmitter.EmitLinkerScript(c, diagnostics)!,
            "compose.ilc.rsp" => BuildEmitter.EmitIlcArguments(c),
            _ => LibraryEmitter.EmitOptions(c.Libraries.Single(l => l.Spec.Name == "boot").Spec, "Test", "Lib_boot", "9.9.9"),
        };
        Assert.Empty(diagnostics);
        Baseline.AssertMatches(baseline, actual);
    }

    [Fact]
    public void Linker_template_errors_are_diagnostics()
    {
        var c = Sample();
        var broken = c with { PlatformLibrary = c.PlatformLibrary with { LinkerTemplate = "{{ for x in }}" } };
        var diagnostics = new List<DiagnosticInfo>();
        Assert.Null(BuildEmitter.EmitLinkerScript(broken, diagnostics));
        Assert.Equal(DiagnosticCatalog.LinkerTemplate, Assert.Single(diagnostics).Id);
        var unknownFeature = c with { PlatformLibrary = c.PlatformLibrary with { LinkerTemplate = "{{ if features[\"No.Such\"] == false }}off{{ else }}on{{ end }}" } };
        var none = new List<DiagnosticInfo>();
        Assert.Equal("on\n", BuildEmitter.EmitLinkerScript(unknownFeature, none)); // a switch no library sets is at its default
        Assert.Empty(none);
        var unknownVariable = c with { PlatformLibrary = c.PlatformLibrary with { LinkerTemplate = "{{ nosuch.thing }}" } };
        Assert.Null(BuildEmitter.EmitLinkerScript(unknownVariable, diagnostics));
    }

    [Fact]
    public void Manifest_round_trips_through_the_codec()
    {
        var c = Sample();
        var manifest = new ManifestSpec("Test", Arr(c.Libraries.Select(l => l.Spec).ToArray()), Arr(new ApiSpec(Api("IAlloc"), "region", null)));
        var text = ManifestCodec.Write(manifest);
        var back = ManifestCodec.TryRead(text, out var error);
        Assert.Null(error);
        Assert.Equal(manifest with { Libraries = Arr(manifest.Libraries.Select(l => l with { Assembly = "Test" }).ToArray()) }, back);
        var extremes = new ManifestSpec("X", Arr(Lib("x", options: [Int("BIG", 0, long.MinValue, long.MaxValue), Str("S", "q\"\\/\u00e9\n")])), Arr<ApiSpec>());
        var back2 = ManifestCodec.TryRead(ManifestCodec.Write(extremes), out error);
        Assert.Null(error);
        Assert.Equal(extremes.Libraries[0].Options, back2!.Libraries[0].Options);
        Assert.Null(ManifestCodec.TryRead("{\"format\": 2}", out error));
        Assert.Contains("format 2", error);
        Assert.Null(ManifestCodec.TryRead("{nope", out error));
        Assert.Contains("malformed", error);
    }
}

internal static class Baseline
{
    public static void AssertMatches(string name, string actual)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Baselines");
        string path = Path.Combine(dir, name);
        if (Environment.GetEnvironmentVariable("COMPOSE_UPDATE_BASELINES") == "1")
        {
            string source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../Baselines", name));
            File.WriteAllText(source, actual);
            return;
        }
        Assert.True(File.Exists(path), "missing baseline " + name);
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }
}
