using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Compose.Generators.Tests;

/// <summary>Every Compose diagnostic, located with markup, as the IDE shows it through the analyzer.</summary>
public class AnalyzerTests
{
    private const string Main = "\nnamespace App { public static class Program { [Compose.UkMain] public static int Main(string[] args) => 0; } }\n";

    private static async Task Verify(string source, string? config = null, string platform = "hosted", string? extraGlobal = null, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ComposeAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestCompilation.None,
        };
        test.TestState.AdditionalReferences.AddRange(TestCompilation.References);
        test.TestState.AdditionalReferences.Add(TestCompilation.Pool);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.UkPlatform = " + platform + "\n" + (extraGlobal ?? "")));
        if (config != null) test.TestState.AdditionalFiles.Add(("/app/.config", config));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private const string App = "using Compose;\n[assembly: UkApplication(\"demo\")]\n";

    [Fact] public Task Clean_app_has_no_diagnostics() => Verify(App + "[assembly: UkUseProvider(typeof(Pool.IAlloc), \"buddy\")]\n[assembly: Requires(typeof(Pool.IAlloc))]\n[assembly: Requires(typeof(Pool.Dbg))]" + Main, "CONFIG_LIBDBG_LEVEL=2\n");

    [Fact] public Task UK0001_missing_provider() => Verify(App + "[assembly: Requires({|UK0001:typeof(App.IMissing)|})]\nnamespace App { [UkApi] public interface IMissing { } }" + Main);

    [Fact] public Task UK0002_ambiguous_provider() => Verify(App + "[assembly: Requires({|UK0002:typeof(Pool.IAlloc)|})]" + Main);

    [Fact] public Task UK0003_provider_not_implementing() => Verify("using Compose;\n[UkLibrary(\"mine\")] [Provides({|UK0003:typeof(Pool.IAlloc)|})] public sealed class Mine { }");

    [Fact] public Task UK0004_cycle() => Verify(App + "[assembly: Requires(typeof(A))]\n[UkLibrary(\"a\")] [Requires(typeof(B))] public static class A { }\n[UkLibrary(\"b\")] [Requires({|UK0004:typeof(A)|})] public static class B { }" + Main);

    [Fact] public Task UK0005_duplicate_library() => Verify(App + "[UkLibrary({|UK0005:\"buddy\"|})] public static class Mine { }" + Main);

    [Fact] public Task UK0006_unknown_option() => Verify(App + Main, "{|UK0006:CONFIG_LIBDBG_LEVLE|}=1\n");

    [Fact] public Task UK0007_wrong_type() => Verify(App + "[assembly: Requires(typeof(Pool.Dbg))]" + Main, "CONFIG_LIBDBG_ON={|UK0007:5|}\n");

    [Fact] public Task UK0008_out_of_range() => Verify(App + "[assembly: Requires(typeof(Pool.Dbg))]" + Main, "CONFIG_LIBDBG_LEVEL={|UK0008:9|}\n");

    [Fact] public Task UK0009_init_priority() => Verify("using Compose;\n[UkLibrary(\"mine\")] public static class Mine { [UkInit(UkInitClass.Lib, Priority = {|UK0009:12|})] public static void Init() { } }");

    [Fact] public Task UK0010_unavailable_on_platform() => Verify(App + "[assembly: Requires({|UK0010:typeof(Pool.KvmOnly)|})]" + Main);

    [Fact] public Task UK0011_config_syntax() => Verify(App + Main, "# a comment\n{|UK0011:this is not kconfig|}\n");

    [Fact] public Task UK0012_malformed_attribute() => Verify("using Compose;\n[UkLibrary({|UK0012:\"\"|})] public static class Mine { }");
    [Fact] public Task UK0012_feature_switch_name() => Verify("using Compose;\n[UkLibrary(\"mine\")]\n[UkBoolOption(\"FAST\", true, FeatureSwitch = {|UK0012:\"My Feature=1\"|})]\n[UkBoolOption(\"SLOW\", true, FeatureSwitch = \"My.Feature_2\")]\npublic static partial class Mine { }");

    [Fact] public Task UK0013_unknown_type() => Verify("using Compose;\n[UkLibrary(\"mine\")] [Requires({|UK0013:typeof({|CS0246:Nope|})|})] public static class Mine { }");

    [Fact] public Task UK0014_config_missing() => Verify("using Compose;\n[assembly: UkApplication({|UK0014:\"demo\"|})]" + Main, extraGlobal: "build_property.ComposeConfigFile = /nowhere/.config\nbuild_property.ComposeConfigRequired = true\n");

    [Fact] public Task UK0015_unknown_platform() => Verify("using Compose;\n[assembly: UkApplication({|UK0015:\"demo\"|})]" + Main, platform: "vax");

    [Fact] public Task UK0016_no_main() => Verify("using Compose;\n[assembly: UkApplication({|UK0016:\"demo\"|})]");

    [Fact] public Task UK0016_bad_main() => Verify(App + "namespace App { public static class P { [UkMain] public static int {|UK0016:Run|}(int x) => 0; } }");

    [Fact] public Task UK0017_bad_option_declaration() => Verify("using Compose;\n[UkLibrary(\"mine\")] [UkIntOption({|UK0017:\"X\"|}, 50, Max = 10)] public static partial class Mine { }");

    [Fact] public Task UK0018_bad_provider_choice() => Verify(App + "[assembly: UkUseProvider(typeof(Pool.IAlloc), {|UK0018:\"nosuch\"|})]" + Main);

    [Fact] public Task UK0019_bad_init_method() => Verify("using Compose;\n[UkLibrary(\"mine\")] public class Mine { [UkInit(UkInitClass.Lib)] public int {|UK0019:Bad|}(int x) => x; }");

    [Fact] public Task UK0020_options_need_partial() => Verify("using Compose;\n[UkLibrary({|UK0020:\"mine\"|})] [UkBoolOption(\"X\", true)] public static class Mine { }");

    [Fact] public Task Clean_parameters_have_no_diagnostics() => Verify("using Compose;\n[UkLibrary(\"mine\")] public static class Mine {\n" +
        "  [UkParam(\"level\", Min = 0, Max = 4, Help = \"h\")] public static int Level = 3;\n  [UkParam(\"on\")] public static bool On;\n" +
        "  [UkParam(\"big\", Min = -1)] public static long Big;\n  [UkParam(\"name\")] public static string Name { get; set; } = \"\";\n}");

    [Fact] public Task UK0022_unsupported_parameter_type() => Verify("using Compose;\n[UkLibrary(\"mine\")] public static class Mine { [UkParam({|UK0022:\"ratio\"|})] public static double Ratio = 0.5; }");

    [Fact] public Task UK0023_duplicate_parameter() => Verify("using Compose;\n[UkLibrary(\"mine\")] public static class Mine { [UkParam(\"level\")] public static int A; [UkParam({|UK0023:\"level\"|})] public static int B; }");

    [Fact] public Task UK0024_parameter_not_static() => Verify("using Compose;\n[UkLibrary(\"mine\")] public sealed class Mine { [UkParam(\"quiet\")] public bool {|UK0024:Quiet|}; }");

    [Fact] public Task UK0024_parameter_readonly_or_without_public_setter() => Verify("using Compose;\n[UkLibrary(\"mine\")] public static class Mine {\n" +
        "  [UkParam(\"a\")] public static readonly int {|UK0024:A|} = 1;\n  [UkParam(\"b\")] public static int {|UK0024:B|} { get; private set; }\n" +
        "  [UkParam(\"c\")] public static int {|UK0024:C|} => 1;\n  [UkParam(\"d\")] internal static int {|UK0024:D|};\n}");

    [Fact] public Task UK0024_parameter_outside_a_library() => Verify("using Compose;\npublic static class NotALibrary { [UkParam(\"x\")] public static int {|UK0024:X|}; }");

    [Fact] public Task UK0025_bad_parameter_name() => Verify("using Compose;\n[UkLibrary(\"mine\")] public static class Mine { [UkParam({|UK0025:\"print.level\"|})] public static int Level; }");

    [Fact] public Task UK0025_bad_parameter_range() => Verify("using Compose;\n[UkLibrary(\"mine\")] public static class Mine {\n" +
        "  [UkParam(\"a\", Min = {|UK0025:5|}, Max = 1)] public static int A;\n  [UkParam(\"b\", Max = {|UK0025:1|})] public static bool B;\n" +
        "  [UkParam(\"c\", Min = {|UK0025:-3000000000|})] public static int C;\n}");

    [Fact] public Task UK1001_dependency_off() => Verify(App + "[assembly: Requires(typeof(App.Lib))]\nnamespace App { [UkLibrary(\"lib\")] [UkBoolOption(\"ON\", false)] [UkIntOption(\"N\", 1, DependsOn = \"ON\")] public static partial class Lib { } }" + Main, "{|UK1001:CONFIG_LIBLIB_N|}=2\n");

    [Fact] public Task UK1002_set_twice() => Verify(App + "[assembly: Requires(typeof(Pool.Dbg))]" + Main, "CONFIG_LIBDBG_LEVEL=1\n{|UK1002:CONFIG_LIBDBG_LEVEL|}=2\n");

    [Fact] public Task UK1003_option_of_unused_library() => Verify(App + Main, "{|UK1003:CONFIG_LIBDBG_LEVEL|}=1\n");
}
