using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Compose;
using Compose.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

if (args.Length > 0 && args[0] == "--profile")
{
    // Where the cold time goes, for one pool size: parse references, resolve, emit. Not a benchmark.
    var bench = new GeneratorBench { Libraries = args.Length > 1 ? int.Parse(args[1]) : 1000 };
    bench.Setup();
    bench.Profile();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(GeneratorBench).Assembly).Run(args);

/// <summary>
/// The app-side generator on synthetic pools: N libraries in 10 referenced assemblies (manifests in metadata),
/// each providing one API, requiring two others and declaring two options, a boot parameter and an init function
/// (plus a stand-in uklibparam, which libraries with parameters require); the app requires
/// the last API, which pulls in all N. Cold: a fresh driver. Warm: the driver re-run after an unrelated edit.
/// The baseline is a driver with no generator over the same compilation (Roslyn's own cost).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBench
{
    [Params(10, 100, 1000)]
    public int Libraries;

    private CSharpCompilation _app = null!, _edited = null!;
    private List<byte[]> _poolImages = new();
    private List<MetadataReference> _framework = new();
    private string _appSource = "";

    /// <summary>The app over new MetadataReference instances: Roslyn shares nothing with earlier compilations.</summary>
    private CSharpCompilation FreshApp()
        => CSharpCompilation.Create("bench", [CSharpSyntaxTree.ParseText(_appSource, path: "App.cs")],
            _framework.Concat(_poolImages.Select(i => (MetadataReference)MetadataReference.CreateFromImage(i))), new CSharpCompilationOptions(OutputKind.ConsoleApplication));
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        tpa.Add(MetadataReference.CreateFromFile(typeof(UkLibraryAttribute).Assembly.Location));
        var pool = new List<MetadataReference>();
        int perAssembly = Math.Max(1, Libraries / 10);
        for (int start = 0; start < Libraries; start += perAssembly)
        {
            var sb = new StringBuilder("using Compose;\nusing Compose.Platform;\nnamespace Pool {\n");
            if (start == 0)
                sb.Append("[UkLibrary(\"plat\")] [UkPlatform(\"hosted\")] [Provides(typeof(IConsole))] public sealed class Plat : IConsole { public void Write(System.ReadOnlySpan<byte> b) { } public int Read(System.Span<byte> b) => 0; }\n");
            for (int i = start; i < Math.Min(Libraries, start + perAssembly); i++)
            {
                sb.Append($"[UkApi] public interface IApi{i} {{ }}\n");
                sb.Append($"[UkLibrary(\"lib{i}\")] [Provides(typeof(IApi{i}))]");
                if (i > 0) sb.Append($" [Requires(typeof(IApi{i - 1}))] [Requires(typeof(IApi{i / 2}))]");
                sb.Append($" [UkBoolOption(\"ON\", true)] [UkIntOption(\"SIZE\", {i}, Min = 0, Max = 100000)]");
                sb.Append($" public sealed partial class Lib{i} : IApi{i} {{ [UkInit(UkInitClass.Lib, Priority = {i % 10})] public static void Init() {{ }} [UkParam(\"level\", Min = 0, Max = 9)] public static int Level = 1; }}\n");
            }
            sb.Append("}\n");
            if (start == 0) // a stand-in for uklibparam, which every library with a parameter requires
                sb.Append("namespace Compose.Libraries.UkLibParam { [UkLibrary(\"uklibparam\")] public static class LibParamParser { } }\n");
            var image = Build("Pool" + start, sb.ToString(), tpa.Concat(pool));
            _poolImages.Add(image);
            pool.Add(MetadataReference.CreateFromImage(image));
        }
        _framework = tpa;
        string app = $"using Compose;\n[assembly: UkApplication(\"bench\")]\n[assembly: Requires(typeof(Pool.IApi{Libraries - 1}))]\nnamespace App {{ public static class P {{ [UkMain] public static int Main(string[] a) => 0; }} }}\n";
        _appSource = app;
        _app = CSharpCompilation.Create("bench", [CSharpSyntaxTree.ParseText(app, path: "App.cs")], tpa.Concat(pool),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        _edited = _app.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { static class Unrelated { } }", path: "Other.cs"));
        var check = NewDriver().RunGenerators(_app).GetRunResult();
        if (!check.GeneratedTrees.Any(t => t.FilePath.EndsWith("Compose.Wiring.g.cs")) || check.Diagnostics.Length > 0)
            throw new InvalidOperationException("the synthetic app did not compose: " + string.Join("; ", check.Diagnostics));
        if (!check.GeneratedTrees.Single(t => t.FilePath.EndsWith("Compose.Wiring.g.cs")).ToString().Contains($"Lib{Libraries - 1}.Init()"))
            throw new InvalidOperationException("the wiring table misses libraries");
        if (!check.GeneratedTrees.Single(t => t.FilePath.EndsWith("Compose.Wiring.g.cs")).ToString().Contains($"Lib{Libraries - 1}.Level = (int)result.Values["))
            throw new InvalidOperationException("the wiring table misses parameters");
        _warm = NewDriver().RunGenerators(_app);
    }

    private static GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(new ComposeGenerator());

    private static byte[] Build(string name, string source, IEnumerable<MetadataReference> refs)
    {
        var c = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        NewDriver().RunGeneratorsAndUpdateCompilation(c, out var output, out _);
        using var ms = new MemoryStream();
        var emit = output.Emit(ms);
        if (!emit.Success) throw new InvalidOperationException(string.Join("\n", emit.Diagnostics));
        return ms.ToArray();
    }

    public void Profile()
    {
        for (int round = 0; round < 5; round++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var fresh = FreshApp();
            long tFresh = sw.ElapsedTicks;
            var (refs, _) = Parser.ReadReferences(fresh, default);
            long tRefs = sw.ElapsedTicks;
            var app = Parser.ParseApp(fresh.Assembly, KnownTypes.Create(fresh)!, default);
            var main = new MainModel("global::App.P", "Main", true, Compose.Composition.EquatableArray<Compose.Composition.DiagnosticInfo>.Empty);
            var input = ComposeGenerator.BuildInput(app, refs, new Compose.Composition.ManifestSpec("bench", default, default), [main],
                new BuildSettings("hosted", null, false), [], new List<Compose.Composition.DiagnosticInfo>())!;
            long tInput = sw.ElapsedTicks;
            var result = Compose.Composition.Resolver.Resolve(input);
            long tResolve = sw.ElapsedTicks;
            var wiring = Compose.Composition.WiringEmitter.Emit(result.Composition!);
            long tWiring = sw.ElapsedTicks;
            var manifest = Compose.Composition.BuildEmitter.EmitManifest(result.Composition!);
            long tManifest = sw.ElapsedTicks;
            NewDriver().RunGenerators(FreshApp());
            long tDriver = sw.ElapsedTicks;
            double ms(long a, long b) => (b - a) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            for (int k = 0; k < 10; k++) Compose.Composition.Resolver.Resolve(input);
            var cpuResolve = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 10;
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            for (int k = 0; k < 10; k++) Compose.Composition.WiringEmitter.Emit(result.Composition!);
            var cpuWiring = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 10;
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            for (int k = 0; k < 10; k++) Parser.ReadReferences(FreshApp(), default);
            var cpuRefs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 10;
            Console.WriteLine($"cpu per call: resolve {cpuResolve:F1} wiring {cpuWiring:F1} refs(fresh) {cpuRefs:F1} ms");
            Console.WriteLine($"fresh {ms(0, tFresh):F1} refs {ms(tFresh, tRefs):F1} input {ms(tRefs, tInput):F1} resolve {ms(tInput, tResolve):F1} wiring {ms(tResolve, tWiring):F1} manifest {ms(tWiring, tManifest):F1} | whole driver on a fresh compilation {ms(tManifest, tDriver):F1} ms");
        }
    }

    /// <summary>Baseline: a driver without generators over the same compilation.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver NoGenerator() => CSharpGeneratorDriver.Create(Array.Empty<ISourceGenerator>()).RunGenerators(_app);

    /// <summary>Cold: resolve and emit from scratch.</summary>
    [Benchmark]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(_app);

    /// <summary>Warm: an unrelated edit after a run; nothing is regenerated.</summary>
    [Benchmark]
    public GeneratorDriver WarmUnrelatedEdit() => _warm.RunGenerators(_edited);
}
