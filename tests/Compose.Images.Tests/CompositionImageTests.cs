using System;
using System.IO;
using System.Linq;

namespace Compose.Images.Tests
{
    /// <summary>Image builds of a throwaway composition: linker fragments, the allocator hand-over, bad input.</summary>
    [Collection("images")]
    public sealed class CompositionImageTests : IDisposable
    {
        private readonly TempComposition _c = new TempComposition();

        public void Dispose() => _c.Dispose();

        private static byte[] SectionBytes(string elf, string section)
        {
            var r = Tools.Run("objcopy", new[] { "-O", "binary", "--only-section=" + section, elf, elf + ".section" });
            Assert.True(r.ExitCode == 0, r.All);
            byte[] bytes = File.ReadAllBytes(elf + ".section");
            File.Delete(elf + ".section");
            return bytes;
        }

        [Fact]
        public void LinkerFragmentChangeChangesTheImage()
        {
            var first = Tools.Build(_c.AppProject, "linuxu");
            Assert.True(first.ExitCode == 0, first.All);
            Assert.Contains(".compose_test_marker : { LONG(0x11223344) }", File.ReadAllText(_c.LinkerScript));
            byte[] image1 = File.ReadAllBytes(_c.Image);
            Assert.Equal(new byte[] { 0x44, 0x33, 0x22, 0x11 }, SectionBytes(_c.Image + ".dbg", ".compose_test_marker"));

            _c.SetFragmentMarker(0xCAFEF00D);
            var second = Tools.Build(_c.AppProject, "linuxu");
            Assert.True(second.ExitCode == 0, second.All);
            Assert.Contains(".compose_test_marker : { LONG(0xcafef00d) }", File.ReadAllText(_c.LinkerScript));
            Assert.Equal(new byte[] { 0x0D, 0xF0, 0xFE, 0xCA }, SectionBytes(_c.Image + ".dbg", ".compose_test_marker"));
            Assert.False(image1.SequenceEqual(File.ReadAllBytes(_c.Image)), "the stripped image must change with the fragment");

            // The same build serves the allocator tests: HEAP_SIZE is 4 MiB in the app's .config.
            var small = Tools.Run(_c.Image, new string[0]);
            Assert.Equal(5, small.ExitCode);
            Assert.Equal("allocated 1000 last 7\n", small.StdOut);
            // 1 MB is four times Uk.CoreLib's early arena: only the bound allocator (the mmap'd heap) can serve it.
            var big = Tools.Run(_c.Image, new[] { "1000000" });
            Assert.True(big.ExitCode == 5, big.All);
            Assert.Equal("allocated 1000000 last 7\n", big.StdOut);
            // 8 MB is more than CONFIG_LIBPLATLINUXU_HEAP_SIZE: the allocator refuses, the image panics.
            var tooBig = Tools.Run(_c.Image, new[] { "8000000" });
            Assert.Equal(134, tooBig.ExitCode);
            Assert.Contains("panic: out of memory", tooBig.StdErr);

            // clock_gettime and nanosleep.
            var clock = Tools.Run(_c.Image, new[] { "clock" });
            Assert.True(clock.ExitCode == 0, clock.All);
            Assert.Contains("slept ok\n", clock.StdOut);
            long wall = long.Parse(clock.StdOut.Split('\n').First(l => l.StartsWith("wall ")).Substring(5));
            Assert.InRange(wall, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 120, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);

            // read(0) through IConsole.Read, write(1) through IConsole.Write.
            var echo = Tools.Run("sh", new[] { "-c", "printf 'abc\\ndef' | \"" + _c.Image + "\" echo" });
            Assert.True(echo.ExitCode == 0, echo.All);
            Assert.Equal("abc\ndefechoed 7\n", echo.StdOut);
        }

        [Fact]
        public void LibraryUsingMissingBclMemberNamesLibraryMemberAndPlatform()
        {
            File.AppendAllText(Path.Combine(_c.Dir, "fraglib", "FragLib.cs"), @"
namespace Compose.Libraries.FragLib
{
    public static class UsesBcl
    {
        public static int Key() => (int)System.Console.ReadKey().KeyChar;
    }
}");
            var r = Tools.Build(_c.AppProject, "linuxu");
            Assert.NotEqual(0, r.ExitCode);
            string line = r.All.Split('\n').First(l => l.Contains("UKIMG001"));
            Assert.Contains("fraglib", line);
            Assert.Contains("'linuxu'", line);
            Assert.Contains("ReadKey", r.All.Split('\n').First(l => l.Contains("error CS")));
            Assert.DoesNotContain("ILCompiler", r.All);
        }

        [Fact]
        public void RuntimeFeatureImagesLackIsAClearIlcError()
        {
            // A generic virtual method needs the type loader, which Uk.CoreLib does not have: ILC fails.
            string program = Path.Combine(_c.Dir, "fragapp", "Program.cs");
            File.WriteAllText(program, File.ReadAllText(program).Replace("return 5;", "UsesGvm.Run(); return 5;"));
            File.AppendAllText(program, @"
namespace FragApp
{
    public abstract class Visitor { public abstract string Visit<T>(T value); }
    public sealed class Printer : Visitor { public override string Visit<T>(T value) => ""p""; }
    public sealed class Other : Visitor { public override string Visit<T>(T value) => ""o""; }
    public static class UsesGvm
    {
        public static void Run() { Visitor v = System.Environment.NewLine.Length > 5 ? new Printer() : new Other(); System.Console.WriteLine(v.Visit(1) + v.Visit(""s"")); }
    }
}");
            var r = Tools.Build(_c.AppProject, "linuxu");
            Assert.NotEqual(0, r.ExitCode);
            string line = r.All.Split('\n').First(l => l.Contains("UKIMG005"));
            Assert.Contains("fragapp", line);
            Assert.Contains("'linuxu'", line);
            Assert.Contains("TypeLoaderExports", line);
            Assert.DoesNotContain(r.All.Split('\n'), l => l.TrimStart().StartsWith("at ILCompiler"));
        }

        [Fact]
        public void AnUnknownOptimizationPreferenceIsOneClearLine()
        {
            var r = Tools.Run("dotnet", new[] { "build", _c.AppProject, "-v:q", "-nologo", "-p:UkPlatform=linuxu", "-p:OptimizationPreference=Tiny" });
            Assert.NotEqual(0, r.ExitCode);
            var lines = r.All.Split('\n').Where(l => l.Contains("error")).Distinct().ToArray();
            Assert.Contains(lines, l => l.Contains("UKIMG006") && l.Contains("OptimizationPreference='Tiny'") && l.Contains("Size") && l.Contains("Speed"));
        }

        [Fact]
        public void MissingBinutilsIsOneClearLine()
        {
            // A PATH with dotnet but without ld/as/objcopy.
            string bin = Path.Combine(_c.Dir, "pathbin");
            Directory.CreateDirectory(bin);
            string dotnet = Tools.Run("sh", new[] { "-c", "command -v dotnet" }).StdOut.Trim();
            File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), Path.GetFullPath(dotnet));
            var r = Tools.Run("dotnet", new[] { "build", _c.AppProject, "-v:q", "-nologo", "-p:UkPlatform=linuxu" }, null,
                psi => psi.Environment["PATH"] = bin + ":/usr/bin/nonexistent");
            Assert.NotEqual(0, r.ExitCode);
            var lines = r.All.Split('\n').Where(l => l.Contains("error")).Distinct().ToArray();
            Assert.Contains(lines, l => l.Contains("UKIMG003") && l.Contains("apt-get install binutils"));
        }
    }
}
