using System;
using System.Text.RegularExpressions;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>Exception handling in kvm images under QEMU (microvm, TCG): the exception test's trace as on the CLR.</summary>
    [Collection("kvm-images")]
    public sealed class ExceptionTests
    {
        private readonly KvmImages _images;

        public ExceptionTests(KvmImages images) { _images = images; }

        [QemuTheory]
        [InlineData("all")]            // every construct, CPU faults included (null dereference, idiv)
        [InlineData("software|x|y")]   // without the CPU faults, other computed values
        public void ExceptionTest_prints_what_it_prints_hosted(string joined)
        {
            string[] args = joined.Split('|');
            RunResult hosted = KvmImages.RunHosted(_images.ExceptionTestHosted, args);
            RunResult image = Qemu.Run(_images.ExceptionTestImage, "microvm", appArgs: args);
            Assert.Equal(5, hosted.ExitCode);
            Assert.Equal(hosted.Stdout, image.Stdout);
            Assert.Equal(hosted.ExitCode, image.ExitCode);
            Assert.Contains("checks: 11, failures: 0\n", image.Stdout);
        }

        /// <summary>Exception.StackTrace names the methods the CLR names, through the image's symbol table.</summary>
        [QemuFact]
        public void StackTrace_names_the_methods_the_clr_names()
        {
            RunResult hosted = KvmImages.RunHosted(_images.ExceptionTestHosted, "stacktrace");
            RunResult image = Qemu.Run(_images.ExceptionTestImage, "microvm", appArgs: new[] { "stacktrace" });
            Assert.Equal(5, hosted.ExitCode);
            Assert.Equal(5, image.ExitCode);
            string expected = Reduce(hosted.Stdout, @"^   at ExceptionTest\.StackTraces\.(\w+)\(");
            string actual = Reduce(image.Stdout, @"^   at ExceptionTest_ExceptionTest_StackTraces__(\w+)\+0x[0-9a-f]+ \(0x[0-9a-f]{16}\)$");
            Assert.Contains("trace rethrow begin\nLevel3\nLevel2\nLevel1\nRethrower\nRun\ntrace rethrow end\n", expected);
            Assert.Equal(expected, actual);
        }

        // Frame lines become the method name the pattern captures (a line it does not match stays whole).
        private static string Reduce(string output, string framePattern)
        {
            var sb = new System.Text.StringBuilder();
            foreach (string line in output.Split('\n'))
            {
                if (line.Length == 0) continue;
                Match m = Regex.Match(line, framePattern);
                sb.Append(line.StartsWith("   at ", StringComparison.Ordinal) && m.Success ? m.Groups[1].Value : line).Append('\n');
            }
            return sb.ToString();
        }

        [QemuFact]
        public void Uncaught_exception_prints_type_message_and_a_trace_with_symbols()
        {
            RunResult hosted = KvmImages.RunHosted(_images.ExceptionTestHosted, "uncaught");
            RunResult image = Qemu.Run(_images.ExceptionTestImage, "microvm", appArgs: new[] { "uncaught" });
            // One serial line: the report comes between the output before the throw and the finally's line.
            string report = "Unhandled exception. ExceptionTest.DerivedTestException: nobody catches 2\n";
            Assert.StartsWith(report, hosted.Stderr);
            Assert.StartsWith("exceptiontest start: mode uncaught\nabout to throw uncaught\n" + report, image.Stdout);
            Assert.Matches(new Regex(@"\n   at ExceptionTest_ExceptionTest_Uncaught__Level3\+0x[0-9a-f]+ \(0x[0-9a-f]{16}\)\n   at ExceptionTest_ExceptionTest_Uncaught__Level2\+0x"), image.Stdout);
            Assert.EndsWith("finally of the uncaught exception\n", image.Stdout);
            Assert.Equal(134, hosted.ExitCode);
            Assert.Equal(134, image.ExitCode);
        }

        /// <summary>
        /// tests/PanicThrow is built with CONFIG_LIBUKBOOT_EXCEPTIONS=n: each way of raising an exception ends the
        /// image with the report naming the exception and the symbol of the throw site; no catch or finally runs.
        /// </summary>
        [QemuTheory]
        [InlineData("throw", "System.InvalidOperationException: boom", "panicthrow_PanicThrow_Thrower__Throw")]
        [InlineData("null", "System.NullReferenceException: Object reference not set to an instance of an object.", "panicthrow_PanicThrow_App__Read")]
        [InlineData("div", "System.DivideByZeroException: Attempted to divide by zero.", "panicthrow_PanicThrow_App__Raise")]
        [InlineData("index", "System.IndexOutOfRangeException: Index was outside the bounds of the array.", "Uk_CoreLib_Internal_Runtime_CompilerHelpers_ThrowHelpers__ThrowIndexOutOfRangeException")]
        public void Without_exception_dispatch_a_throw_is_a_panic_at_the_throw_site(string mode, string exception, string site)
        {
            RunResult image = Qemu.Run(_images.PanicThrowImage, "microvm", appArgs: new[] { mode });
            Assert.Equal(134, image.ExitCode);
            Assert.StartsWith("raising: " + mode + "\nUnhandled exception. " + exception + "\n   at " + site + "+0x", image.Stdout);
            Assert.Contains("CONFIG_LIBUKBOOT_EXCEPTIONS=y turns dispatch on", image.Stdout);
            Assert.DoesNotContain("MUST-NOT-RUN", image.Stdout);
            RunResult normal = Qemu.Run(_images.PanicThrowImage, "microvm", appArgs: System.Array.Empty<string>());
            Assert.Equal(0, normal.ExitCode);
            Assert.Equal("raising: nothing\nfinally on the normal path\nok 1\n", normal.Stdout);
        }
    }
}
