using System;
using System.Text;
using Compose.Libraries.UkLibParam;
using Compose.Platform;
using Xunit;

namespace Compose.Pool2.Tests
{
    /// <summary>What boot does with a parse result: print help or the error, install the values for libraries.</summary>
    [Collection(UkApiBindings.Name)]
    public class LibParamBootTests
    {
        private sealed class RecordingConsole : IConsole
        {
            public readonly StringBuilder Text = new StringBuilder();
            public void Write(ReadOnlySpan<byte> utf8) => Text.Append(Encoding.UTF8.GetString(utf8));
            public int Read(Span<byte> buffer) => 0;
        }

        private static readonly LibParam[] Table =
        {
            LibParam.Int("ukdebug", "level", 3, "printk level", 0, 4),
            LibParam.Bool("ukalloc", "verbose", false, "trace allocations"),
            LibParam.String("vfscore", "root", "ramfs", "root file system"),
        };

        private static string WithConsole(Func<int> action, out int status)
        {
            var console = new RecordingConsole();
            var before = UkApi<IConsole>.Instance;
            UkApi<IConsole>.Bind(console);
            try { status = action(); }
            finally { UkApi<IConsole>.Bind(before); }
            return console.Text.ToString();
        }

        [Fact]
        public void Ok_PrintsNothing_AndBootGoesOn()
        {
            var r = LibParamParser.Parse(Table, new[] { "ukdebug.level=4", "--", "x" });
            Assert.Equal("", WithConsole(() => LibParams.Report(r), out int status));
            Assert.Equal(-1, status);
        }

        [Fact]
        public void Help_IsPrinted_AndExitsZero()
        {
            var r = LibParamParser.Parse(Table, new[] { "--help", "--" });
            string text = WithConsole(() => LibParams.Report(r), out int status);
            Assert.Equal(0, status);
            Assert.Equal(LibParamParser.Help(Table), text);
            Assert.Contains("ukdebug.level=<int>", text);
        }

        [Fact]
        public void Error_IsPrinted_AndExitsNonZero()
        {
            var r = LibParamParser.Parse(Table, new[] { "ukdebug.level=9", "--" });
            string text = WithConsole(() => LibParams.Report(r), out int status);
            Assert.Equal(64, status);
            Assert.StartsWith("uklibparam: bad value '9' for ukdebug.level (argument 1 'ukdebug.level=9'): out of range 0..4\n", text);
            Assert.Contains("stopping the boot before main (status 64)", text);
        }

        [Fact]
        public void InstalledValues_AreWhatLibrariesRead()
        {
            try
            {
                LibParams.Install(null);
                Assert.Equal(7, LibParams.GetInt("ukdebug", "level", 7));
                LibParams.Install(LibParamParser.Parse(Table, new[] { "ukdebug.level=1", "ukalloc.verbose", "vfscore.root=9pfs", "--" }));
                Assert.Equal(1, LibParams.GetInt("ukdebug", "level", 7));
                Assert.True(LibParams.GetBool("ukalloc", "verbose", false));
                Assert.Equal("9pfs", LibParams.GetString("vfscore", "root", "x"));
                Assert.Equal(5, LibParams.GetInt("nope", "level", 5));
                Assert.Equal(5, LibParams.GetInt("ukalloc", "verbose", 5));   // declared, but not an int
            }
            finally
            {
                LibParams.Install(null);
            }
        }
    }
}
