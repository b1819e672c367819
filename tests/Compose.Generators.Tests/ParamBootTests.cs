using System.Reflection;
using Compose.Composition;
using Compose.Libraries.UkLibParam;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Compose.Generators.Tests;

/// <summary>
/// Library parameters end to end on the host: [UkParam] members in a library, the generated ParseParameters in the
/// wiring table, uklibparam's parser at boot. Every run loads a fresh copy of the compiled app, so the members start
/// from their initialisers as in a real boot.
/// </summary>
public class ParamBootTests
{
    private const string Source = """
        using System;
        using Compose;
        using Compose.Platform;
        [assembly: UkApplication("demo")]
        [assembly: Requires(typeof(App.MyLib))]
        namespace App
        {
            [UkLibrary("plattest")] [UkPlatform("hosted")] [Provides(typeof(IConsole))]
            public sealed class Plat : IConsole
            {
                public static System.Text.StringBuilder Out = new System.Text.StringBuilder();
                public void Write(ReadOnlySpan<byte> b) => Out.Append(System.Text.Encoding.UTF8.GetString(b));
                public int Read(Span<byte> b) => 0;
            }
            [UkLibrary("mylib")]
            public static class MyLib
            {
                [UkParam("level", Min = 0, Max = 4, Help = "the level")] public static int Level = 3;
                [UkParam("verbose", Help = "say more")] public static bool Verbose;
                [UkParam("name")] public static string Name { get; set; } = "none";
                [UkParam("big")] public static long Big = -5;
                public static int LevelAtInit = -1;
                [UkInit(UkInitClass.Lib)] public static void Init() { LevelAtInit = Level; }
            }
            public static class Program
            {
                public static string[]? Args;
                [UkMain] public static int Main(string[] args) { Args = args; return 7; }
            }
        }
        """;

    private static readonly Lazy<byte[]> s_image = new(Compile);

    private static byte[] Compile()
    {
        var compilation = TestCompilation.Create("demo", Source)
            .AddReferences(MetadataReference.CreateFromFile(typeof(LibParamParser).Assembly.Location))
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, mainTypeName: "Compose.Generated.UkEntry"));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new ComposeGenerator());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return stream.ToArray();
    }

    private sealed record Run(int Status, string Output, string[]? Args, Type Lib)
    {
        public object? Get(string member) => (object?)Lib.GetField(member)?.GetValue(null) ?? Lib.GetProperty(member)!.GetValue(null);
    }

    private static Run Boot(params string[] args)
    {
        var assembly = Assembly.Load(s_image.Value);
        int status = (int)assembly.GetType("Compose.Generated.UkEntry")!.GetMethod("Main")!.Invoke(null, [args])!;
        string output = assembly.GetType("App.Plat")!.GetField("Out")!.GetValue(null)!.ToString()!;
        var argsSeen = (string[]?)assembly.GetType("App.Program")!.GetField("Args")!.GetValue(null);
        return new Run(status, output, argsSeen, assembly.GetType("App.MyLib")!);
    }

    [Fact]
    public void Without_parameters_the_defaults_stay_and_main_gets_every_argument()
    {
        var r = Boot("a", "b");
        Assert.Equal(7, r.Status);
        Assert.Equal(["a", "b"], r.Args);
        Assert.Equal(3, r.Get("Level"));
        Assert.Equal(3, r.Get("LevelAtInit"));
        Assert.Equal("none", r.Get("Name"));
    }

    [Fact]
    public void Parameters_before_the_separator_are_assigned_before_the_init_functions()
    {
        var r = Boot("mylib.level=1", "mylib.verbose", "mylib.name=x y", "mylib.big=0x10", "--", "a", "mylib.level=4");
        Assert.Equal(7, r.Status);
        Assert.Equal(["a", "mylib.level=4"], r.Args);
        Assert.Equal(1, r.Get("Level"));
        Assert.Equal(1, r.Get("LevelAtInit"));
        Assert.Equal(true, r.Get("Verbose"));
        Assert.Equal("x y", r.Get("Name"));
        Assert.Equal(16L, r.Get("Big"));
    }

    [Fact]
    public void Without_a_separator_only_leading_words_of_composed_libraries_are_parameters()
    {
        var r = Boot("mylib.level=2", "a", "mylib.level=3");
        Assert.Equal(7, r.Status);
        Assert.Equal(["a", "mylib.level=3"], r.Args);
        Assert.Equal(2, r.Get("Level"));
    }

    [Theory]
    [InlineData("uklibparam.help")]
    [InlineData("--help", "--", "a")]
    public void Help_lists_every_parameter_and_stops_with_status_0_before_the_inits(params string[] args)
    {
        var r = Boot(args);
        Assert.Equal(0, r.Status);
        Assert.Null(r.Args);
        Assert.Equal(-1, r.Get("LevelAtInit"));
        Assert.Contains("  mylib.level=<int>  default 3, range 0..4\n      the level\n", r.Output);
        Assert.Contains("  mylib.verbose=<bool>  default 0\n      say more\n", r.Output);
        Assert.Contains("  mylib.name=<string>  default none\n", r.Output);
        Assert.Contains("  mylib.big=<int>  default -5\n", r.Output);
    }

    [Theory]
    [InlineData("uklibparam: bad value '5' for mylib.level (argument 1 'mylib.level=5'): out of range 0..4", "mylib.level=5", "--", "a")]
    [InlineData("uklibparam: bad value 'maybe' for mylib.verbose (argument 1 'mylib.verbose=maybe'): expected a boolean", "mylib.verbose=maybe")]
    [InlineData("uklibparam: library 'mylib' has no parameter 'lvl' (argument 1 'mylib.lvl=1'); its parameters: big, level, name, verbose", "mylib.lvl=1", "a")]
    [InlineData("uklibparam: unknown library 'nolib' in argument 1 'nolib.x=1'; libraries with parameters: mylib", "nolib.x=1", "--", "a")]
    [InlineData("uklibparam: library 'plattest' has no parameters (argument 1 'plattest.x=1'); libraries with parameters: mylib", "plattest.x=1", "a")]
    [InlineData("uklibparam: argument 1 'a' before '--' is not a library parameter", "a", "--", "b")]
    public void A_bad_parameter_stops_the_boot_with_status_64_before_the_inits(string message, params string[] args)
    {
        var r = Boot(args);
        Assert.Equal(64, r.Status);
        Assert.Null(r.Args);
        Assert.Equal(-1, r.Get("LevelAtInit"));
        Assert.StartsWith(message, r.Output);
        Assert.Contains("uklibparam: stopping the boot before main (status 64); give uklibparam.help to list the parameters\n", r.Output);
    }

    [Fact]
    public void The_library_manifest_records_the_parameters_and_the_requirement_on_uklibparam()
    {
        var compilation = TestCompilation.Create("lib", "using Compose;\n[UkLibrary(\"mine\")] public static class Mine { [UkParam(\"level\", Min = 1, Max = 9, Help = \"h\")] public static int Level = 2; [UkParam(\"on\")] public static bool On { get; set; } }");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new ComposeGenerator());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var attribute = output.Assembly.GetAttributes().Single(a => a.AttributeClass?.Name == "UkManifestAttribute");
        var manifest = ManifestCodec.TryRead((string)attribute.ConstructorArguments[0].Value!, out var error);
        Assert.Null(error);
        var lib = manifest!.Libraries.Single();
        Assert.Equal([new ParamSpec("level", "Level", ParamKind.Int, 1, 9, "h", null), new ParamSpec("on", "On", ParamKind.Bool, null, null, null, null)], lib.Params);
        Assert.Contains(lib.Requires, r => r.Api == "global::Compose.Libraries.UkLibParam.LibParamParser" && !r.Optional);
    }
}
