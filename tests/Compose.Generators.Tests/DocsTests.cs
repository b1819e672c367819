using Compose.Composition;

namespace Compose.Generators.Tests;

public class DocsTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var d in DiagnosticCatalog.All) data.Add(d.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_has_a_reference_page_a_release_entry_and_an_analyzer_descriptor(string id)
    {
        string root = GeneratorTests.RepoRoot();
        string page = Path.Combine(root, "docs/diagnostics", id + ".md");
        Assert.True(File.Exists(page), "missing " + page);
        Assert.StartsWith("# " + id + ": " + DiagnosticCatalog.Get(id).Title, File.ReadAllText(page));
        Assert.Contains(id + " | Compose |", File.ReadAllText(Path.Combine(root, "src/Generators/Compose.Generators/AnalyzerReleases.Unshipped.md")));
        Assert.Contains(new ComposeAnalyzer().SupportedDiagnostics, d => d.Id == id);
    }
}
