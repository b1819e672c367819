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
    }
}
