using System;
using System.IO;

namespace Compose.Images.Tests
{
    /// <summary>Builds tests/PanicThrow (CONFIG_LIBUKBOOT_EXCEPTIONS=n) as a linuxu image once.</summary>
    public sealed class PanicThrowFixture
    {
        public string Image { get; }

        public PanicThrowFixture()
        {
            Tools.BuildOrThrow(Path.Combine(Tools.RepoRoot, "tests", "PanicThrow", "PanicThrow.csproj"), "linuxu");
            Image = Path.Combine(Tools.RepoRoot, "tests", "PanicThrow", "bin", "linuxu", "Debug", "net10.0", "panicthrow_linuxu-x86_64");
        }
    }

    /// <summary>
    /// Images without exception dispatch (ukboot's EXCEPTIONS option off, the ILC feature switch
    /// Uk.CoreLib.Exceptions=false): every throw is a panic at the throw site, no catch or finally runs, and the
    /// image carries no unwind tables.
    /// </summary>
    [Collection("images")]
    public sealed class PanicThrowTests : IClassFixture<PanicThrowFixture>
    {
        private readonly PanicThrowFixture _f;

        public PanicThrowTests(PanicThrowFixture f) { _f = f; }

        [Theory]
        [InlineData("throw", "System.InvalidOperationException: boom", "panicthrow_PanicThrow_Thrower__Throw")]
        [InlineData("null", "System.NullReferenceException: Object reference not set to an instance of an object.", "panicthrow_PanicThrow_App__Read")]
        [InlineData("div", "System.DivideByZeroException: Attempted to divide by zero.", "panicthrow_PanicThrow_App__Raise")]
        [InlineData("index", "System.IndexOutOfRangeException: Index was outside the bounds of the array.", "Uk_CoreLib_Internal_Runtime_CompilerHelpers_ThrowHelpers__ThrowIndexOutOfRangeException")]
        public void A_throw_is_a_panic_that_names_the_exception_and_the_throw_site(string mode, string exception, string site)
        {
            var r = Tools.Run(_f.Image, new[] { mode });
            Assert.Equal(134, r.ExitCode);
            Assert.Equal("raising: " + mode + "\n", r.StdOut);
            Assert.StartsWith("Unhandled exception. " + exception + "\n   at " + site + "+0x", r.StdErr);
            Assert.Contains("CONFIG_LIBUKBOOT_EXCEPTIONS=y turns dispatch on", r.StdErr);
            // The reported address is the throw site (a return address into it, or the faulting instruction):
            // the symbol printed for it is the one addr2line gives from the .dbg file.
            string frame = r.StdErr.Split('\n')[1];
            Assert.Equal(site, ExceptionTestImageTests.SymbolicFrame(frame, _f.Image + ".dbg", active: mode == "null" || mode == "div"));
        }

        [Fact]
        public void The_normal_path_runs_catch_free_code_and_its_finally()
        {
            var r = Tools.Run(_f.Image, Array.Empty<string>());
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("raising: nothing\nfinally on the normal path\nok 1\n", r.StdOut);
            Assert.Equal("", r.StdErr);
        }

        [Fact]
        public void The_image_has_no_unwind_tables_or_eh_clauses()
        {
            var sections = Tools.Run("readelf", new[] { "-S", "-W", _f.Image + ".dbg" });
            Assert.Equal(0, sections.ExitCode);
            Assert.Contains(" .text ", sections.StdOut);
            Assert.DoesNotContain(".eh_frame ", sections.StdOut);
            Assert.DoesNotContain(".dotnet_eh_table", sections.StdOut);
            var manifest = File.ReadAllText(Path.Combine(Tools.RepoRoot, "tests", "PanicThrow", "obj", "linuxu", "Debug", "net10.0", "compose.ilc.rsp"));
            Assert.Contains("--feature:Uk.CoreLib.Exceptions=false\n", manifest);
        }
    }
}
