using System;
using Compose.Libraries.UkLibParam;
using CsCheck;
using Xunit;

namespace Compose.Pool2.Tests
{
    /// <summary>uklibparam: every type, the separator rules, help, and every error.</summary>
    public class LibParamTests
    {
        private static LibParam[] Table() => new[]
        {
            LibParam.Bool("ukalloc", "verbose", false, "Print every allocation"),
            LibParam.Int("ukdebug", "level", 3, "Lowest printk level printed (0 crit .. 4 debug)", 0, 4),
            LibParam.Int("ukdebug", "mask", 0, "Trace mask"),
            LibParam.String("vfscore", "root", "ramfs", "File system of /"),
        };

        private static LibParamResult Ok(params string[] args)
        {
            var r = LibParamParser.Parse(Table(), args);
            Assert.True(r.Status == LibParamStatus.Ok, r.Error);
            return r;
        }

        private static string Error(params string[] args)
        {
            var r = LibParamParser.Parse(Table(), args);
            Assert.Equal(LibParamStatus.Error, r.Status);
            Assert.StartsWith("uklibparam: ", r.Error);
            Assert.Empty(r.AppArgs);
            return r.Error;
        }

        [Fact]
        public void TheIssueExample()
        {
            var r = Ok("ukalloc.verbose=1", "ukdebug.level=4", "--", "app", "args");
            Assert.True(r.TryGetBool("ukalloc", "verbose", out bool verbose) && verbose);
            Assert.True(r.TryGetInt("ukdebug", "level", out long level));
            Assert.Equal(4, level);
            Assert.Equal(new[] { "app", "args" }, r.AppArgs);
            Assert.Equal(3, r.KernelArgCount);
        }

        [Fact]
        public void Defaults_WhenNotGiven()
        {
            var r = Ok();
            Assert.True(r.TryGetBool("ukalloc", "verbose", out bool verbose));
            Assert.False(verbose);
            Assert.True(r.TryGetInt("ukdebug", "level", out long level));
            Assert.Equal(3, level);
            Assert.True(r.TryGetString("vfscore", "root", out string root));
            Assert.Equal("ramfs", root);
            Assert.All(r.Values, v => Assert.False(v.IsSet));
            Assert.Empty(r.AppArgs);
        }

        [Theory]
        [InlineData("1", true)] [InlineData("0", false)] [InlineData("true", true)] [InlineData("FALSE", false)]
        [InlineData("yes", true)] [InlineData("No", false)] [InlineData("on", true)] [InlineData("off", false)]
        public void Bool_Values(string text, bool expected)
        {
            var r = Ok("ukalloc.verbose=" + text, "--");
            Assert.True(r.TryGetBool("ukalloc", "verbose", out bool value));
            Assert.Equal(expected, value);
            Assert.True(r.Values[r.IndexOf("ukalloc", "verbose")].IsSet);
        }

        [Fact]
        public void Bool_BareNameMeansTrue()
        {
            var r = Ok("ukalloc.verbose", "--");
            Assert.True(r.TryGetBool("ukalloc", "verbose", out bool value) && value);
        }

        [Theory]
        [InlineData("0", 0L)] [InlineData("-1", -1L)] [InlineData("+17", 17L)] [InlineData("0x10", 16L)] [InlineData("0XfF", 255L)]
        [InlineData("-0x10", -16L)] [InlineData("9223372036854775807", long.MaxValue)] [InlineData("-9223372036854775808", long.MinValue)]
        [InlineData("0x7fffffffffffffff", long.MaxValue)] [InlineData("007", 7L)]
        public void Int_Values(string text, long expected)
        {
            var r = Ok("ukdebug.mask=" + text, "--");
            Assert.True(r.TryGetInt("ukdebug", "mask", out long value));
            Assert.Equal(expected, value);
        }

        [Fact]
        public void Int_AnyLongRoundTrips()
        {
            Gen.Long.Sample(n =>
            {
                var r = Ok("ukdebug.mask=" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), "--");
                Assert.True(r.TryGetInt("ukdebug", "mask", out long value));
                Assert.Equal(n, value);
            }, iter: 2_000);
        }

        [Theory]
        [InlineData("")] [InlineData("abc")] [InlineData("12a")] [InlineData("0x")] [InlineData("-")] [InlineData("1.5")]
        [InlineData("9223372036854775808")] [InlineData("-9223372036854775809")] [InlineData("0x8000000000000000")] [InlineData(" 1")]
        public void Int_BadValues(string text)
        {
            string e = Error("ukdebug.mask=" + text, "--");
            Assert.Contains("bad value '" + text + "' for ukdebug.mask", e);
            Assert.Contains("argument 1", e);
            Assert.Contains("expected an integer", e);
        }

        [Fact]
        public void Int_OutOfRange_NamesTheRange()
        {
            string e = Error("ukdebug.level=5", "--");
            Assert.Equal("uklibparam: bad value '5' for ukdebug.level (argument 1 'ukdebug.level=5'): out of range 0..4", e);
            Assert.Contains("out of range 0..4", Error("ukdebug.level=-1", "--"));
        }

        [Theory]
        [InlineData("2")] [InlineData("")] [InlineData("y")] [InlineData("enable")]
        public void Bool_BadValues(string text)
        {
            string e = Error("ukalloc.verbose=" + text, "--");
            Assert.Contains("bad value '" + text + "' for ukalloc.verbose", e);
            Assert.Contains("expected a boolean", e);
        }

        [Theory]
        [InlineData("9pfs", "9pfs")] [InlineData("", "")] [InlineData("a=b", "a=b")] [InlineData("with space", "with space")]
        public void String_Values(string text, string expected)
        {
            var r = Ok("vfscore.root=" + text, "--");
            Assert.True(r.TryGetString("vfscore", "root", out string value));
            Assert.Equal(expected, value);
        }

        [Fact]
        public void StringAndInt_WithoutValue_AreErrors()
        {
            Assert.Contains("vfscore.root (argument 1 'vfscore.root') needs a value: write vfscore.root=<string>", Error("vfscore.root", "--"));
            Assert.Contains("ukdebug.level (argument 2 'ukdebug.level') needs a value: write ukdebug.level=<int>", Error("ukalloc.verbose", "ukdebug.level", "--"));
        }

        [Fact]
        public void UnknownParameter_NamesLibraryParameterAndAlternatives()
        {
            string e = Error("ukdebug.levle=4", "--", "x");
            Assert.Equal("uklibparam: library 'ukdebug' has no parameter 'levle' (argument 1 'ukdebug.levle=4'); its parameters: level, mask", e);
        }

        [Fact]
        public void UnknownLibrary_IsAnErrorBeforeTheSeparator()
        {
            string e = Error("ukaloc.verbose=1", "--");
            Assert.Equal("uklibparam: unknown library 'ukaloc' in argument 1 'ukaloc.verbose=1'; libraries with parameters: ukalloc, ukdebug, vfscore", e);
        }

        [Theory]
        [InlineData("hello")] [InlineData("=1")] [InlineData(".x=1")] [InlineData("ukalloc.")] [InlineData("a=b.c")]
        public void NonParameter_BeforeTheSeparator_IsAnError(string arg)
        {
            string e = Error("ukalloc.verbose=1", arg, "--", "app");
            Assert.Contains("argument 2 '" + arg + "' before '--' is not a library parameter", e);
        }

        [Fact]
        public void WithoutSeparator_LeadingParametersOfKnownLibraries_ThenTheApp()
        {
            var r = Ok("ukdebug.level=1", "vfscore.root=x", "app", "ukdebug.level=2", "--flag");
            Assert.True(r.TryGetInt("ukdebug", "level", out long level));
            Assert.Equal(1, level);
            Assert.Equal(new[] { "app", "ukdebug.level=2", "--flag" }, r.AppArgs);
            Assert.Equal(2, r.KernelArgCount);

            var unknown = Ok("other.lib=1", "x");
            Assert.Equal(new[] { "other.lib=1", "x" }, unknown.AppArgs);
            Assert.Equal(0, unknown.KernelArgCount);

            // A known library still reports a misspelt parameter.
            Assert.Contains("has no parameter 'levle'", Error("ukdebug.levle=1", "app"));
        }

        [Fact]
        public void OnlyTheFirstSeparatorCounts()
        {
            var r = Ok("--", "app", "--", "ukdebug.level=9");
            Assert.Equal(new[] { "app", "--", "ukdebug.level=9" }, r.AppArgs);
            Assert.True(r.TryGetInt("ukdebug", "level", out long level));
            Assert.Equal(3, level);
        }

        [Fact]
        public void LastValueWins()
        {
            var r = Ok("ukdebug.level=1", "ukdebug.level=2", "--");
            Assert.True(r.TryGetInt("ukdebug", "level", out long level));
            Assert.Equal(2, level);
        }

        [Fact]
        public void Help_BeforeTheSeparator()
        {
            var r = LibParamParser.Parse(Table(), new[] { "--help", "--", "app" });
            Assert.Equal(LibParamStatus.Help, r.Status);
            string help = LibParamParser.Help(Table());
            Assert.Contains("  ukdebug.level=<int>  default 3, range 0..4\n      Lowest printk level printed (0 crit .. 4 debug)\n", help);
            Assert.Contains("  ukalloc.verbose=<bool>  default 0\n", help);
            Assert.Contains("  ukdebug.mask=<int>  default 0\n", help);
            Assert.Contains("  vfscore.root=<string>  default ramfs\n", help);
            // Without a separator --help is the application's.
            var app = Ok("--help");
            Assert.Equal(new[] { "--help" }, app.AppArgs);
        }

        [Fact]
        public void HelpWord_WorksWithAndWithoutTheSeparator()
        {
            Assert.Equal(LibParamStatus.Help, LibParamParser.Parse(Table(), new[] { "uklibparam.help" }).Status);
            Assert.Equal(LibParamStatus.Help, LibParamParser.Parse(Table(), new[] { "ukdebug.level=1", "uklibparam.help", "app" }).Status);
            Assert.Equal(LibParamStatus.Help, LibParamParser.Parse(Table(), new[] { "uklibparam.help", "--", "app" }).Status);
            // After the application's first word it is the application's.
            var r = Ok("app", "uklibparam.help");
            Assert.Equal(new[] { "app", "uklibparam.help" }, r.AppArgs);
        }

        [Fact]
        public void ComposedLibrariesWithoutParameters_CountForTheRuleWithoutSeparator()
        {
            var composed = new[] { "ukalloc", "ukboot", "ukdebug", "vfscore" };
            var r = LibParamParser.Parse(Table(), composed, new[] { "ukboot.banner=0", "app" });
            Assert.Equal(LibParamStatus.Error, r.Status);
            Assert.Equal("uklibparam: library 'ukboot' has no parameters (argument 1 'ukboot.banner=0'); libraries with parameters: ukalloc, ukdebug, vfscore", r.Error);
            // Not composed: the application's word, as before.
            var app = LibParamParser.Parse(Table(), composed, new[] { "netdev.ip=1", "app" });
            Assert.Equal(LibParamStatus.Ok, app.Status);
            Assert.Equal(new[] { "netdev.ip=1", "app" }, app.AppArgs);
        }

        [Fact]
        public void TypeMismatchedLookups_ReturnFalse()
        {
            var r = Ok();
            Assert.False(r.TryGetInt("ukalloc", "verbose", out _));
            Assert.False(r.TryGetString("ukdebug", "level", out _));
            Assert.False(r.TryGetBool("nope", "nope", out _));
            Assert.Equal(-1, r.IndexOf("ukdebug", "nope"));
        }

        [Fact]
        public void BadDeclarations_AreReported()
        {
            Assert.Equal("uklibparam: parameter a.x is declared twice",
                LibParamParser.Parse(new[] { LibParam.Int("a", "x", 0, ""), LibParam.Bool("a", "x", false, "") }, Array.Empty<string>()).Error);
            Assert.Equal("uklibparam: the default '7' of a.x is not valid: out of range 0..4",
                LibParamParser.Parse(new[] { LibParam.Int("a", "x", 7, "", 0, 4) }, Array.Empty<string>()).Error);
            Assert.Equal("uklibparam: the default 'maybe' of a.b is not valid: expected a boolean: 1/0, true/false, yes/no or on/off",
                LibParamParser.Parse(new[] { LibParam.FromText("a", "b", LibParamType.Bool, "maybe", "") }, Array.Empty<string>()).Error);
            Assert.Contains("Min is greater than Max", LibParamParser.Parse(new[] { LibParam.Int("a", "x", 0, "", 5, 1) }, Array.Empty<string>()).Error);
            Assert.Contains("bad declaration 'a.b.c'", LibParamParser.Parse(new[] { LibParam.Int("a.b", "c", 0, "") }, Array.Empty<string>()).Error);
            Assert.Contains("bad declaration '.c'", LibParamParser.Parse(new[] { LibParam.Int("", "c", 0, "") }, Array.Empty<string>()).Error);
        }

        [Fact]
        public void EmptyTable_EverythingIsTheApps_UnlessASeparatorComes()
        {
            var r = LibParamParser.Parse(Array.Empty<LibParam>(), new[] { "a.b=1", "x" });
            Assert.Equal(LibParamStatus.Ok, r.Status);
            Assert.Equal(new[] { "a.b=1", "x" }, r.AppArgs);
            var e = LibParamParser.Parse(Array.Empty<LibParam>(), new[] { "a.b=1", "--" });
            Assert.Equal("uklibparam: unknown library 'a' in argument 1 'a.b=1'; libraries with parameters: none", e.Error);
            Assert.Contains("(none)", LibParamParser.Help(Array.Empty<LibParam>()));
        }

        [Fact]
        public void ArbitraryArguments_NeverThrow()
        {
            var arg = Gen.OneOf(Gen.Const("--"), Gen.Const("--help"), Gen.Const("ukdebug.level="), Gen.Const("ukalloc.verbose"),
                                Gen.String[Gen.Char["ukdebg.lvr=0x1-9 "], 0, 20]);
            arg.Array[0, 6].Sample(args =>
            {
                var r = LibParamParser.Parse(Table(), args);
                if (r.Status == LibParamStatus.Error) Assert.StartsWith("uklibparam: ", r.Error);
                else Assert.True(r.AppArgs.Length <= args.Length);
            }, iter: 5_000);
        }
    }
}
