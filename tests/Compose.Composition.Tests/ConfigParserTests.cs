using Compose.Composition;
using CsCheck;

namespace Compose.Composition.Tests;

public class ConfigParserTests
{
    [Fact]
    public void Parses_every_value_kind()
    {
        var c = ConfigParser.Parse(".config", "# comment\n\nCONFIG_A=y\nCONFIG_B=n\n# CONFIG_C is not set\nCONFIG_D=42\nCONFIG_E=0x1F\nCONFIG_F=-7\nCONFIG_G=\"a \\\"q\\\" b\"\nCONFIG_H=bbuddy\n");
        Assert.Empty(c.Diagnostics);
        var e = c.Entries.ToDictionary(x => x.Key);
        Assert.Equal(ConfigValueKind.Yes, e["A"].Kind);
        Assert.Equal(ConfigValueKind.No, e["B"].Kind);
        Assert.Equal(ConfigValueKind.No, e["C"].Kind);
        Assert.Equal("42", e["D"].Value);
        Assert.Equal("31", e["E"].Value);
        Assert.Equal("-7", e["F"].Value);
        Assert.Equal("a \"q\" b", e["G"].Value);
        Assert.Equal(ConfigValueKind.Word, e["H"].Kind);
        Assert.Equal(2, e["A"].KeyLocation.StartLine);
        Assert.Equal(0, e["A"].KeyLocation.StartColumn);
        Assert.Equal("CONFIG_A".Length, e["A"].KeyLocation.Length);
    }

    [Theory]
    [InlineData("garbage line", "expected 'CONFIG_NAME=value'")]
    [InlineData("CONFIG_X", "missing '='")]
    [InlineData("CONFIG_x=y", "not a valid option name")]
    [InlineData("CONFIG_X=", "missing value")]
    [InlineData("CONFIG_X=\"open", "unterminated string")]
    [InlineData("CONFIG_X=\"a\" b", "after the closing quote")]
    [InlineData("CONFIG_X=a b", "is not a value")]
    public void Bad_lines_are_located_diagnostics(string line, string message)
    {
        var c = ConfigParser.Parse("app/.config", "CONFIG_OK=y\n" + line + "\n");
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal(DiagnosticCatalog.ConfigSyntax, d.Id);
        Assert.Contains(message, d.Message);
        Assert.Equal(1, d.Location!.StartLine);
        Assert.Equal("app/.config", d.Location.Path);
        Assert.Single(c.Entries);
    }

    [Fact]
    public void Duplicate_key_warns_and_last_wins_in_order()
    {
        var c = ConfigParser.Parse(".config", "CONFIG_A=1\r\nCONFIG_A=2\r\n");
        Assert.Equal(DiagnosticCatalog.DuplicateConfigKey, Assert.Single(c.Diagnostics).Id);
        Assert.Equal(new[] { "1", "2" }, c.Entries.Select(e => e.Value));
    }

    [Fact]
    public void Never_throws_on_random_text()
    {
        CsCheck.Gen.String[CsCheck.Gen.Char["CONFIG_=\"#\\ \nAyn0x1-"], 0, 80].Sample(text => { ConfigParser.Parse("f", text); });
    }
}
