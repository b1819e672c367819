using System;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>tests/BclTest and samples/WordCount as kvm images: the output of the real BCL, byte for byte.</summary>
    [Collection("kvm-images")]
    public sealed class BclImageTests
    {
        private readonly KvmImages _images;

        public BclImageTests(KvmImages images) { _images = images; }

        [QemuFact]
        public void BclTest_prints_what_the_real_BCL_prints()
        {
            RunResult hosted = KvmImages.RunHosted(_images.BclTestHosted);
            RunResult image = Qemu.Run(_images.BclTestImage, "microvm", timeoutSeconds: 120);
            Assert.Equal(0, hosted.ExitCode);
            Assert.Contains("bcltest end\n", hosted.Stdout);
            Assert.Equal(hosted.Stdout, image.Stdout);
            Assert.Equal(0, image.ExitCode);
        }

        [QemuFact]
        public void BclTest_bad_parse_is_the_BCL_exception()
        {
            RunResult hosted = KvmImages.RunHosted(_images.BclTestHosted, "throw-parse");
            RunResult image = Qemu.Run(_images.BclTestImage, "microvm", appArgs: new[] { "throw-parse" });
            string firstErrorLine = hosted.Stderr.Split('\n')[0];
            Assert.StartsWith("Unhandled exception. System.FormatException: The input string '12x'", firstErrorLine);
            // One serial line: the image's error output follows its standard output.
            Assert.StartsWith(hosted.Stdout + firstErrorLine, image.Stdout);
            Assert.Equal(134, image.ExitCode);
        }

        [QemuTheory]
        [InlineData("")]
        [InlineData("--top=3|the cat and the hat|and the bat")]
        public void WordCount_prints_what_it_prints_hosted(string joined)
        {
            string[] args = joined.Length == 0 ? Array.Empty<string>() : joined.Split('|');
            RunResult hosted = KvmImages.RunHosted(_images.WordCountHosted, args);
            RunResult image = Qemu.Run(_images.WordCountImage, "microvm", appArgs: args);
            Assert.Equal(0, hosted.ExitCode);
            Assert.Contains("total words: ", hosted.Stdout);
            Assert.Equal(hosted.Stdout, image.Stdout);
            Assert.Equal(0, image.ExitCode);
        }
    }
}
