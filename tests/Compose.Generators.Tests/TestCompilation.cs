using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Compose.Generators.Tests;

/// <summary>References for test compilations: the running runtime's assemblies plus Compose.Abstractions, offline.</summary>
internal static class TestCompilation
{
    public static ImmutableArray<MetadataReference> References { get; } = BuildReferences();

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var list = tpa.Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        list.Add(MetadataReference.CreateFromFile(typeof(UkLibraryAttribute).Assembly.Location));
        return list.ToImmutableArray();
    }

    /// <summary>Reference assemblies that resolve nothing from NuGet: the tests add <see cref="References"/> themselves.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0-offline");

    public static CSharpCompilation Create(string assemblyName, params string[] sources)
        => CSharpCompilation.Create(assemblyName, sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: "Source" + i + ".cs")),
            References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>Compiles a library with the generator and returns a reference to it, the way an app sees a library.</summary>
    public static MetadataReference BuildLibrary(string assemblyName, string source, params MetadataReference[] extra)
    {
        var compilation = Create(assemblyName, source).AddReferences(extra);
        var driver = CSharpGeneratorDriver.Create(new ComposeGenerator());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>A platform library and a boot library, as a separate assembly.</summary>
    public const string PoolSource = """
        using Compose;
        using Compose.Platform;
        namespace Pool
        {
            [UkApi] public interface IAlloc { }
            [UkLibrary("plattest")] [UkPlatform("hosted")] [Provides(typeof(IConsole))]
            public sealed class Plat : IConsole
            {
                public void Write(System.ReadOnlySpan<byte> b) { }
                public int Read(System.Span<byte> b) => 0;
            }
            [UkLibrary("buddy")] [Provides(typeof(IAlloc))] public sealed class Buddy : IAlloc { }
            [UkLibrary("region")] [Provides(typeof(IAlloc))] public sealed class Region : IAlloc { }
            [UkLibrary("dbg")] [UkIntOption("LEVEL", 3, Min = 0, Max = 4)] [UkBoolOption("ON", true)]
            public static partial class Dbg { [UkInit(UkInitClass.Lib, Priority = 2)] public static int Init() => 0; }
            [UkLibrary("kvmonly", Platforms = new[] { "kvm" })] public static class KvmOnly { }
        }
        """;

    private static MetadataReference? s_pool;

    public static MetadataReference Pool => s_pool ??= BuildLibrary("Pool", PoolSource);
}
