using System;
using System.IO;

namespace Compose.Images.Tests
{
    /// <summary>Builds tests/ExceptionTest hosted and as a linuxu image once for the exception tests.</summary>
    public sealed class ExceptionTestFixture
    {
        public string Hosted { get; }
        public string Image { get; }

        public ExceptionTestFixture()
        {
            string project = Path.Combine(Tools.RepoRoot, "tests", "ExceptionTest", "ExceptionTest.csproj");
            Tools.BuildOrThrow(project, "hosted");
            Tools.BuildOrThrow(project, "linuxu");
            Hosted = Path.Combine(Tools.RepoRoot, "tests", "ExceptionTest", "bin", "Debug", "net10.0", "ExceptionTest.dll");
            Image = Path.Combine(Tools.RepoRoot, "tests", "ExceptionTest", "bin", "linuxu", "Debug", "net10.0", "exceptiontest_linuxu-x86_64");
        }
    }

    /// <summary>
    /// Exception handling in linuxu images (Uk.CoreLib's dispatcher over ILC's EH clauses and .eh_frame): the
    /// exception test prints a trace of every construct (catch by type and base type, when filters, finally
    /// order across frames, rethrow, throws inside catch and finally, deep recursion, the runtime's own
    /// exceptions, CPU faults included) and must print the same bytes as on the CLR.
    /// </summary>
    [Collection("images")]
    public sealed class ExceptionTestImageTests : IClassFixture<ExceptionTestFixture>
    {
        private readonly ExceptionTestFixture _f;

        public ExceptionTestImageTests(ExceptionTestFixture f) { _f = f; }

        private (Tools.Result Hosted, Tools.Result Image) RunBoth(params string[] args)
        {
            var hostedArgs = new string[args.Length + 1];
            hostedArgs[0] = _f.Hosted;
            args.CopyTo(hostedArgs, 1);
            return (Tools.Run("dotnet", hostedArgs), Tools.Run(_f.Image, args));
        }

        [Theory]
        [InlineData("all")]            // every construct, CPU faults included (null dereference, idiv)
        [InlineData("software|x|y")]   // without the CPU faults, other computed values
        public void EveryConstructPrintsTheSameTraceAsTheClr(string joined)
        {
            var (hosted, image) = RunBoth(joined.Split('|'));
            Assert.Equal(5, hosted.ExitCode);
            Assert.Equal(hosted.StdOut, image.StdOut);
            Assert.Equal(hosted.ExitCode, image.ExitCode);
            Assert.Equal("", image.StdErr);
            Assert.DoesNotContain("MISMATCH", image.StdOut);
            Assert.Contains("checks: 11, failures: 0\n", image.StdOut);
            // The order the CLR runs filters and finallys in: every filter (first pass) before the finally (second).
            Assert.Contains("  filter code > 5 returns false\n  filter code <= 5 returns true\n  inner finally (second pass)\n  caught by the small-code clause: 3\n", image.StdOut);
            if (joined == "all") Assert.Contains("null field read: NullReferenceException\n", image.StdOut);
            Assert.Contains("nested: inner innermost finally\nnested: inner outer finally\nnested: middle finally\nnested: caller finally\nnested: caught from inner after all finallys\n", image.StdOut);
        }

        /// <summary>
        /// Exception.StackTrace lists the same methods as on the CLR (throw site to catching frame; `throw;`
        /// appends the rethrowing frames, `throw e;` starts over): the CLR's lines name methods, the image's name
        /// symbols through its table, each checked here against addr2line on the .dbg file.
        /// </summary>
        [Fact]
        public void StackTraceListsTheSameMethodsAsTheClr()
        {
            var (hosted, image) = RunBoth("stacktrace");
            Assert.Equal(5, hosted.ExitCode);
            Assert.Equal(5, image.ExitCode);
            string expected = ReduceTrace(hosted.StdOut, line =>
                System.Text.RegularExpressions.Regex.Match(line, @"^   at ExceptionTest\.StackTraces\.(\w+)\(").Groups[1].Value);
            string actual = ReduceTrace(image.StdOut, line =>
            {
                string name = SymbolicFrame(line, _f.Image + ".dbg", active: false);
                return name.StartsWith("ExceptionTest_ExceptionTest_StackTraces__") ? name.Substring(41) : name;
            });
            Assert.Contains("not thrown: null\n", expected);
            Assert.Contains("trace deep begin\nLevel3\nLevel2\nLevel1\nRun\ntrace deep end\n", expected);
            Assert.Equal(expected, actual);
        }

        /// <summary>
        /// A frame line <c>   at name+0xoff (0xaddress)</c>: checks that addr2line names the same function at the
        /// address (minus one for a return address) and returns the name.
        /// </summary>
        internal static string SymbolicFrame(string line, string dbg, bool active)
        {
            var at = System.Text.RegularExpressions.Regex.Match(line, @"^   at (\S+)\+0x[0-9a-f]+ \(0x([0-9a-f]{16})\)$");
            Assert.True(at.Success, "not a symbolic frame line: " + line);
            ulong address = Convert.ToUInt64(at.Groups[2].Value, 16) - (active ? 0UL : 1UL);
            var resolved = Tools.Run("addr2line", new[] { "-f", "-e", dbg, "0x" + address.ToString("x") });
            Assert.Equal(resolved.StdOut.Split('\n')[0], at.Groups[1].Value);
            return at.Groups[1].Value;
        }

        // Frame lines ("   at ...") become the method name the resolver gives; other lines stay.
        internal static string ReduceTrace(string output, Func<string, string> method)
        {
            var sb = new System.Text.StringBuilder();
            foreach (string line in output.Split('\n'))
            {
                if (line.Length == 0) continue;
                sb.Append(line.StartsWith("   at ", StringComparison.Ordinal) ? method(line) : line).Append('\n');
            }
            return sb.ToString();
        }

        [Fact]
        public void UncaughtExceptionPrintsTypeMessageAndStackTraceThenExits134()
        {
            var (hosted, image) = RunBoth("uncaught");
            Assert.Equal(hosted.StdOut, image.StdOut);
            Assert.Contains("finally of the uncaught exception\n", image.StdOut);
            string expected = "Unhandled exception. ExceptionTest.DerivedTestException: nobody catches 2";
            Assert.StartsWith(expected + "\n", hosted.StdErr);
            Assert.StartsWith(expected + "\n", image.StdErr);
            // The trace names each frame through the image's symbol table (the name addr2line gives for the
            // address): the throwing method and its callers.
            var frames = System.Text.RegularExpressions.Regex.Matches(image.StdErr, @"(?m)^   at \S+ \(0x([0-9a-f]{16})\)$");
            Assert.True(frames.Count >= 5, image.StdErr);
            Assert.DoesNotContain("no symbol table", image.StdErr);
            foreach (System.Text.RegularExpressions.Match frame in frames) SymbolicFrame(frame.Value, _f.Image + ".dbg", active: false);
            string[] expectedNames = { "Uncaught__Level3", "Uncaught__Level2", "Uncaught__Level1", "Uncaught__Run", "Program__Main" };
            for (int i = 0; i < expectedNames.Length; i++)
            {
                ulong returnAddress = Convert.ToUInt64(frames[i].Groups[1].Value, 16);
                var resolved = Tools.Run("addr2line", new[] { "-f", "-e", _f.Image + ".dbg", "0x" + (returnAddress - 1).ToString("x") });
                Assert.Equal("ExceptionTest_ExceptionTest_" + expectedNames[i], resolved.StdOut.Split('\n')[0]);
            }
            Assert.Equal(134, hosted.ExitCode);
            Assert.Equal(134, image.ExitCode);
        }
    }
}
