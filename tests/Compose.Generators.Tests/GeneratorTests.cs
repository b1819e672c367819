using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Compose.Generators.Tests;

public class GeneratorTests
{
    private const string AppSource = """
        using Compose;
        [assembly: UkApplication("demo")]
        [assembly: UkUseProvider(typeof(Pool.IAlloc), "region")]
        [assembly: Requires(typeof(Pool.IAlloc))]
        [assembly: Requires(typeof(Pool.Dbg))]
        [assembly: UkIntOption("COUNT", 2)]
        namespace App { public static class Program { [UkMain] public static int Main(string[] args) => (int)Compose.Generated.AppOptions.Count; } }
        namespace App { [UkLibrary("applib")] [UkBoolOption("FLAG", true)] public static partial class AppLib { } }
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) Run(string source, string config = "CONFIG_APPDEMO_COUNT=5\n")
    {
        var compilation = TestCompilation.Create("demo", source).AddReferences(TestCompilation.Pool)
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, mainTypeName: "Compose.Generated.UkEntry"));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ComposeGenerator().AsSourceGenerator()],
            [new InMemoryText("/app/.config", config)], driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        return (driver, compilation);
    }

    [Fact]
    public void App_compiles_with_the_wiring_table_and_runs_its_boot_sequence()
    {
        var (driver, compilation) = Run(AppSource);
        var result = driver.GetRunResult();
        Assert.Empty(result.Diagnostics);
        var names = result.Results[0].GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains("Compose.Wiring.g.cs", names);
        Assert.Contains("Compose.Outputs.g.cs", names);
        var output = compilation.AddSyntaxTrees(result.GeneratedTrees);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var wiring = result.Results[0].GeneratedSources.Single(s => s.HintName == "Compose.Wiring.g.cs").SourceText.ToString();
        Assert.Contains("global::Pool.Dbg.Options.Configure(level: 3L, on: true);", wiring);
        Assert.Contains("global::Compose.UkApi<global::Pool.IAlloc>.Bind(p_region); // explicit", wiring);
        Assert.Contains("public const long Count = 5L;", wiring);
        var outputs = result.Results[0].GeneratedSources.Single(s => s.HintName == "Compose.Outputs.g.cs").SourceText.ToString();
        Assert.Contains("//>> compose.manifest.json", outputs);
        Assert.Contains("//|  \"platform\": \"hosted\",", outputs);
    }

    [Fact]
    public void Unrelated_edit_leaves_the_tracked_steps_cached()
    {
        var (driver, compilation) = Run(AppSource);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { internal static class Unrelated { public static int X => 1; } }", path: "Other.cs"));
        driver = driver.RunGenerators(edited);
        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        foreach (var name in new[] { ComposeGenerator.Steps.Libraries, ComposeGenerator.Steps.App, ComposeGenerator.Steps.References, ComposeGenerator.Steps.OwnManifest, ComposeGenerator.Steps.Composition })
        {
            Assert.True(steps.ContainsKey(name), "step " + name + " was not tracked");
            foreach (var step in steps[name])
                foreach (var output in step.Outputs)
                    Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " was " + output.Reason);
        }
    }

    [Fact]
    public void Same_input_gives_byte_identical_output()
    {
        var a = Run(AppSource).Driver.GetRunResult().GeneratedTrees.Select(t => t.ToString());
        var b = Run(AppSource).Driver.GetRunResult().GeneratedTrees.Select(t => t.ToString());
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("using Compose;\n[assembly: UkApplication(null)]")]
    [InlineData("using Compose;\n[assembly: UkApplication(\"demo\")]\n[assembly: Requires(null)]\n[assembly: UkUseProvider(null, null)]")]
    [InlineData("using Compose;\n[UkLibrary(null)] [Provides(typeof(Nope))] [UkIntOption(null, 1)] [UkChoiceOption(\"C\", null, null)] public partial class X { [UkInit((UkInitClass)77, Priority = -3)] static void I() { } }")]
    [InlineData("using Compose;\n[UkLibrary(\"a\", Platforms = null)] [UkStringOption(\"S\", null)] [Requires(typeof(int[]))] class")]
    public void Generator_never_throws_on_malformed_input(string source)
    {
        var (driver, _) = Run(source, "CONFIG_\n\"\"\"=\n");
        var result = driver.GetRunResult();
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8784" or "CS8785" or "UK0099");
        Assert.All(result.Results, r => Assert.Null(r.Exception));
    }

    [Fact]
    public void HelloWorld_builds_and_runs_on_hosted()
    {
        string root = RepoRoot();
        var build = RunProcess("dotnet", ["build", Path.Combine(root, "samples/HelloWorld/HelloWorld.csproj"), "-v", "q", "-nologo"], root);
        Assert.True(build.Code == 0, build.Output);
        string dll = Path.Combine(root, "samples/HelloWorld/bin/Debug/net10.0/helloworld.dll");
        var run = RunProcess("dotnet", [dll, "a", "b c"], root);
        Assert.Equal(0, run.Code);
        var lines = run.Output.Replace("\r\n", "\n").Split('\n');
        int hello = Array.IndexOf(lines, "Hello world!");
        Assert.True(hello > 0, "no greeting after the banner in:\n" + run.Output);
        Assert.Contains("0.1.0", lines[hello - 1]);
        Assert.Equal(new[] { "Hello world!", "Arguments:", "  \"a\"", "  \"b c\"", "" }, lines[hello..]);
        string manifest = File.ReadAllText(Path.Combine(root, "samples/HelloWorld/obj/Debug/net10.0/compose.manifest.json"));
        Assert.Contains("\"name\": \"helloworld\"", manifest);
        Assert.Contains("\"provider\": \"ukallocregion\"", manifest);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Compose.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Compose.sln not found above " + AppContext.BaseDirectory);
    }

    internal static (int Code, string Output) RunProcess(string file, string[] args, string cwd)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;
        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
