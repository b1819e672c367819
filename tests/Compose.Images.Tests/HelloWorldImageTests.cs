using System.IO;

namespace Compose.Images.Tests
{
    [Collection("images")]
    public sealed class HelloWorldImageTests
    {
        private readonly ImageFixture _f;

        public HelloWorldImageTests(ImageFixture f) { _f = f; }

        [Fact]
        public void ImageAndDebugImageExist()
        {
            Assert.True(File.Exists(_f.HelloImage), _f.HelloImage);
            Assert.True(File.Exists(_f.HelloImage + ".dbg"), _f.HelloImage + ".dbg");
            Assert.True(new FileInfo(_f.HelloImage).Length < new FileInfo(_f.HelloImage + ".dbg").Length, "the image is the stripped .dbg");
        }

        [Theory]
        [InlineData("")]
        [InlineData("one|two words|ünïcödé")]
        public void LinuxuPrintsWhatHostedPrints(string joined)
        {
            string[] args = joined.Length == 0 ? new string[0] : joined.Split('|');
            var hosted = Tools.Run("dotnet", Prepend(_f.HelloHosted, args));
            var image = Tools.Run(_f.HelloImage, args);
            Assert.Equal(0, hosted.ExitCode);
            Assert.Equal(hosted.ExitCode, image.ExitCode);
            Assert.Equal(hosted.StdOut, image.StdOut);
            Assert.Contains("Hello world!\n", image.StdOut);
            foreach (string a in args) Assert.Contains("  \"" + a + "\"\n", image.StdOut);
        }

        private static string[] Prepend(string first, string[] rest)
        {
            var all = new string[rest.Length + 1];
            all[0] = first;
            rest.CopyTo(all, 1);
            return all;
        }
    }
}
