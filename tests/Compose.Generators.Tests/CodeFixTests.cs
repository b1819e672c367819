using Compose.CodeFixes;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Compose.Generators.Tests;

public class CodeFixTests
{
    private const string Main = "\nnamespace App { public static class Program { [Compose.UkMain] public static int Main(string[] args) => 0; } }\n";

    private static CSharpCodeFixTest<ComposeAnalyzer, ComposeCodeFixProvider, DefaultVerifier> NewTest(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<ComposeAnalyzer, ComposeCodeFixProvider, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestCompilation.None,
        };
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalReferences.AddRange(TestCompilation.References);
            state.AdditionalReferences.Add(TestCompilation.Pool);
            state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.UkPlatform = hosted\n"));
        }
        return test;
    }

    [Theory]
    [InlineData(0, "buddy")]
    [InlineData(1, "region")]
    public async Task Ambiguous_provider_gets_an_explicit_choice(int index, string library)
    {
        var test = NewTest(
            "using Compose;\n[assembly: UkApplication(\"demo\")]\n[assembly: Requires({|UK0002:typeof(Pool.IAlloc)|})]\n" + Main,
            "using Compose;\n[assembly: UkApplication(\"demo\")]\n[assembly: Requires(typeof(Pool.IAlloc))]\n[assembly: global::Compose.UkUseProvider(typeof(global::Pool.IAlloc), \"" + library + "\")]\n" + Main);
        test.CodeActionIndex = index;
        test.CodeActionEquivalenceKey = "UK0002:" + library;
        await test.RunAsync();
    }

    // The testing package (1.1.4) only applies fixes to diagnostics in source documents, so the .config fixes are
    // driven here through a workspace: analyzer diagnostics, CodeFixContext on the additional document, apply.
    [Theory]
    [InlineData("CONFIG_LIBDBG_LEVLE=1\n", "UK0006", "CONFIG_LIBDBG_LEVEL=1\n")]
    [InlineData("CONFIG_LIBDBG_LEVEL=-3\n", "UK0008", "CONFIG_LIBDBG_LEVEL=0\n")]
    [InlineData("CONFIG_LIBDBG_LEVEL=0x40\n", "UK0008", "CONFIG_LIBDBG_LEVEL=4\n")]
    public async Task Config_lines_are_fixed(string config, string id, string expected)
    {
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("demo", "demo", Microsoft.CodeAnalysis.LanguageNames.CSharp)
            .WithMetadataReferences(TestCompilation.References.Add(TestCompilation.Pool))
            .AddDocument("Program.cs", "using Compose;\n[assembly: UkApplication(\"demo\")]\n[assembly: Requires(typeof(Pool.Dbg))]" + Main).Project
            .AddAnalyzerConfigDocument("/.globalconfig", Microsoft.CodeAnalysis.Text.SourceText.From("is_global = true\nbuild_property.UkPlatform = hosted\n"), filePath: "/.globalconfig").Project;
        var configDocument = project.AddAdditionalDocument(".config", Microsoft.CodeAnalysis.Text.SourceText.From(config), filePath: "/app/.config");
        project = configDocument.Project;

        var compilation = (await project.GetCompilationAsync())!;
        var analyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ComposeAnalyzer()), project.AnalyzerOptions);
        var diagnostic = (await analyzers.GetAnalyzerDiagnosticsAsync()).Single(d => d.Id == id);

        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        var context = new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(project.GetAdditionalDocument(configDocument.Id)!, diagnostic.Location.SourceSpan, ImmutableArray.Create(diagnostic), (a, _) => actions.Add(a), CancellationToken.None);
        await new ComposeCodeFixProvider().RegisterCodeFixesAsync(context);
        var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single().ChangedSolution;
        var text = await changed.GetAdditionalDocument(configDocument.Id)!.GetTextAsync();
        Assert.Equal(expected, text.ToString());
    }

    [Fact]
    public async Task Init_priority_becomes_the_nearest_bound()
    {
        var test = NewTest("using Compose;\n[UkLibrary(\"mine\")] public static class Mine { [UkInit(UkInitClass.Lib, Priority = {|UK0009:12|})] public static void Init() { } }",
            "using Compose;\n[UkLibrary(\"mine\")] public static class Mine { [UkInit(UkInitClass.Lib, Priority = 9)] public static void Init() { } }");
        await test.RunAsync();
    }
}
