using Compose.Composition;
using static Compose.Composition.Tests.Specs;

namespace Compose.Composition.Tests;

public class ResolverTests
{
    [Fact]
    public void Pulls_in_requirements_transitively_from_app_and_platform()
    {
        var r = Resolve(App(requires: ["IAlloc"]), "",
            Platform("lib:boot"), Lib("boot", requires: ["IDebug"]), Lib("debug", provides: ["IDebug"]),
            Lib("alloc", provides: ["IAlloc"]), Lib("unused", provides: ["IOther"]));
        Assert.Empty(r.Diagnostics);
        Assert.Equal(new[] { "alloc", "boot", "debug", "plattest" }, r.Composition!.Libraries.Select(l => l.Spec.Name));
        var debug = r.Composition.Libraries.Single(l => l.Spec.Name == "debug");
        Assert.Equal(("boot", "IDebug"), (debug.RequiredBy, debug.Via));
        Assert.Contains(r.Composition.Bindings, b => b.Api == Api("IAlloc") && b.Library == "alloc" && b.Reason == "only candidate");
    }

    [Fact]
    public void Missing_provider_names_the_chain()
    {
        var r = Resolve(App(), "", Platform("lib:boot"), Lib("boot", requires: ["IAlloc"]));
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCatalog.MissingProvider, d.Id);
        Assert.Contains("boot requires IAlloc (via demo → plattest → boot → IAlloc)", d.Message);
        Assert.Null(r.Composition);
        Assert.Equal(AppRef, d.Location);
    }

    [Fact]
    public void Ambiguity_is_an_error_until_a_choice_is_made()
    {
        var libs = new[] { Platform("IAlloc"), Lib("buddy", provides: ["IAlloc"]), Lib("region", provides: ["IAlloc"]) };
        var r = Resolve(App(), "", libs);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCatalog.AmbiguousProvider, d.Id);
        Assert.Equal("buddy,region", d.GetProperty("candidates"));

        var byConfig = Resolve(App(), "CONFIG_LIBREGION=y\n", libs);
        Assert.Empty(byConfig.Diagnostics);
        Assert.Equal(".config", byConfig.Composition!.Bindings.Single().Reason);

        var byAttribute = Resolve(App(choices: [new ProviderChoiceSpec(Api("IAlloc"), "buddy", null)]), "", libs);
        Assert.Equal("buddy", byAttribute.Composition!.Bindings.Single().Library);

        var byDefault = Resolver.Resolve(Input(App(), "", libs).WithApis(new ApiSpec(Api("IAlloc"), "region", null)));
        Assert.Equal(("region", "default"), (byDefault.Composition!.Bindings.Single().Library, byDefault.Composition.Bindings.Single().Reason));
    }

    [Fact]
    public void Explicit_choice_beats_default_and_bad_choices_are_reported()
    {
        var libs = new[] { Platform("IAlloc"), Lib("buddy", provides: ["IAlloc"]), Lib("region", provides: ["IAlloc"]), Lib("other", provides: ["IX"]) };
        var r = Resolver.Resolve(Input(App(choices: [new ProviderChoiceSpec(Api("IAlloc"), "buddy", null)]), "", libs).WithApis(new ApiSpec(Api("IAlloc"), "region", null)));
        Assert.Equal("buddy", r.Composition!.Bindings.Single().Library);

        var unknown = Resolve(App(choices: [new ProviderChoiceSpec(Api("IAlloc"), "budy", null)]), "", libs);
        Assert.Contains(unknown.Diagnostics, d => d.Id == DiagnosticCatalog.BadProviderChoice && d.Message.Contains("did you mean 'buddy'"));
        var wrong = Resolve(App(choices: [new ProviderChoiceSpec(Api("IAlloc"), "other", null)]), "", libs);
        Assert.Contains(wrong.Diagnostics, d => d.Id == DiagnosticCatalog.BadProviderChoice && d.Message.Contains("does not provide IAlloc"));
    }

    [Fact]
    public void A_chosen_provider_is_bound_even_when_nothing_requires_its_api()
    {
        // Choosing a collector (or any provider) says the app wants the API: it is composed and bound, with its
        // own requirements, whether the choice is an attribute or a .config line. Without a choice it stays out.
        var libs = new[] { Platform(), Lib("gcnone", provides: ["IGc"]), Lib("marksweep", provides: ["IGc"], requires: ["IAlloc"]), Lib("tlsf", provides: ["IAlloc"]) };
        var byAttribute = Resolve(App(choices: [new ProviderChoiceSpec(Api("IGc"), "marksweep", null)]), "", libs);
        Assert.Empty(byAttribute.Diagnostics);
        Assert.Equal(new[] { (Api("IAlloc"), "tlsf"), (Api("IGc"), "marksweep") }, byAttribute.Composition!.Bindings.Select(b => (b.Api, b.Library)));
        var byConfig = Resolve(App(), "CONFIG_LIBMARKSWEEP=y\n", libs);
        Assert.Empty(byConfig.Diagnostics);
        Assert.Contains(byConfig.Composition!.Bindings, b => b.Api == Api("IGc") && b.Library == "marksweep" && b.Reason == ".config");
        var none = Resolve(App(), "", libs);
        Assert.Empty(none.Composition!.Bindings);
        Assert.DoesNotContain(none.Composition.Libraries, l => l.Spec.Name == "marksweep");
    }

    [Fact]
    public void Cycles_are_reported_once_with_the_cycle()
    {
        var r = Resolve(App(requires: ["lib:a"]), "", Platform(), Lib("a", requires: ["lib:b"]), Lib("b", requires: ["lib:c"]), Lib("c", requires: ["lib:a"]));
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCatalog.RequirementCycle, d.Id);
        Assert.Contains("a → b → c → a", d.Message);
    }

    [Fact]
    public void Optional_requirements_bind_only_when_unambiguous_and_do_not_form_cycles()
    {
        var r = Resolve(App(requires: ["lib:a"]), "", Platform(),
            Lib("a", requires: ["lib:b"], inits: [Init("InitA", 3)]), Lib("b", optional: ["IA", "INone"], inits: [Init("InitB", 3)]), Lib("x", provides: ["IA"]));
        Assert.Empty(r.Diagnostics);
        Assert.Contains(r.Composition!.Libraries, l => l.Spec.Name == "x");
    }

    [Fact]
    public void Options_take_defaults_config_values_and_report_type_range_and_dependency_errors()
    {
        var lib = Lib("dbg", options: [Bool("ON", true), Int("LEVEL", 3, 0, 9), Str("NAME", "x"), Choice("MODE", "a", "a", "b"), Int("DEP", 1, 0, 5) with { DependsOn = "OFF" }, Bool("OFF", false)]);
        var ok = Resolve(App(requires: ["lib:dbg"]), "CONFIG_LIBDBG_LEVEL=5\nCONFIG_LIBDBG_NAME=\"hi\"\nCONFIG_LIBDBG_MODE=b\n# CONFIG_LIBDBG_ON is not set\n", Platform(), lib);
        Assert.Empty(ok.Diagnostics);
        var values = ok.Composition!.LibraryOptions.ToDictionary(o => o.Option.Name, o => (o.Value, o.Source));
        Assert.Equal(("5", ".config:1"), values["LEVEL"]);
        Assert.Equal(("hi", ".config:2"), values["NAME"]);
        Assert.Equal(("b", ".config:3"), values["MODE"]);
        Assert.Equal(("n", ".config:4"), values["ON"]);

        var bad = Resolve(App(requires: ["lib:dbg"]), "CONFIG_LIBDBG_LEVEL=12\nCONFIG_LIBDBG_ON=3\nCONFIG_LIBDBG_NAME=bare\nCONFIG_LIBDBG_MODE=c\nCONFIG_LIBDBG_DEP=2\nCONFIG_LIBDBG_LEVLE=1\n", Platform(), lib);
        Assert.Equal(new[] { "UK0006", "UK0008", "UK0007", "UK0007", "UK0007", "UK1001" }.Order(), bad.Ids().Order());
        Assert.Equal("9", bad.Diagnostics.Single(d => d.Id == "UK0008").GetProperty("nearest"));
        Assert.Equal("CONFIG_LIBDBG_LEVEL", bad.Diagnostics.Single(d => d.Id == "UK0006").GetProperty("suggestion"));
        Assert.Equal(4, bad.Diagnostics.Single(d => d.Id == "UK1001").Location!.StartLine);
    }

    [Fact]
    public void Platform_availability_and_unknown_platform()
    {
        var r = Resolve(App(requires: ["lib:kvmonly"]), "", Platform(), Lib("kvmonly", platforms: ["kvm"]));
        Assert.Equal(DiagnosticCatalog.UnavailableOnPlatform, Assert.Single(r.Diagnostics).Id);
        var none = Resolve(App(), "", Lib("a"));
        Assert.Equal(DiagnosticCatalog.UnknownPlatform, Assert.Single(none.Diagnostics).Id);
    }

    [Fact]
    public void Duplicate_library_names_are_reported()
    {
        var r = Resolve(App(), "", Platform(), Lib("a"), Lib("a"));
        Assert.Equal(DiagnosticCatalog.DuplicateLibrary, Assert.Single(r.Diagnostics).Id);
    }

    [Fact]
    public void Init_order_is_class_priority_requirements_then_name_and_terms_reverse()
    {
        var r = Resolve(App(requires: ["lib:b", "lib:c", "lib:z"]), "", Platform(),
            Lib("b", requires: ["lib:z"], inits: [Init("Lib", 3), Init("Early", 1, 5), Init("Stop", 3, term: true)]),
            Lib("c", inits: [Init("Lib", 3), Init("Early", 1, 2)]),
            Lib("z", inits: [Init("Lib", 3), Init("Stop", 3, term: true)]));
        Assert.Empty(r.Diagnostics);
        Assert.Equal(new[] { "c.Early", "b.Early", "c.Lib", "z.Lib", "b.Lib" }, r.Composition!.Inits.Select(i => i.Library + "." + i.Method));
        Assert.Equal(new[] { "b.Stop", "z.Stop" }, r.Composition.Terms.Select(i => i.Library + "." + i.Method));
    }
}
