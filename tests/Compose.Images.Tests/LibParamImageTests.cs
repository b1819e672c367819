using System;
using System.IO;

namespace Compose.Images.Tests
{
    /// <summary>
    /// Library parameters at boot in linuxu images, against the hosted run of the same app: a parameter changes what
    /// the image does, the help listing, and a bad parameter stopping the boot with status 64 before main.
    /// </summary>
    [Collection("images")]
    public sealed class LibParamImageTests : IClassFixture<FilesSampleFixture>
    {
        private readonly ImageFixture _f;
        private readonly FilesSampleFixture _files;

        public LibParamImageTests(ImageFixture f, FilesSampleFixture files) { _f = f; _files = files; }

        private (Tools.Result Hosted, Tools.Result Image) Both(params string[] args)
        {
            var all = new string[args.Length + 1];
            all[0] = _f.HelloHosted;
            args.CopyTo(all, 1);
            var hosted = Tools.Run("dotnet", all);
            var image = Tools.Run(_f.HelloImage, args);
            Assert.Equal(hosted.ExitCode, image.ExitCode);
            Assert.Equal(hosted.StdOut, image.StdOut);
            return (hosted, image);
        }

        [Fact]
        public void A_parameter_changes_the_boot_and_the_app_gets_the_words_after_the_separator()
        {
            var plain = Both("a");
            Assert.Contains("___", plain.Image.StdOut);
            var quiet = Both("ukboot.banner=0", "ukdebug.level=2", "--", "a", "ukboot.banner=1");
            Assert.Equal(0, quiet.Image.ExitCode);
            Assert.Equal("Hello world!\nArguments:\n  \"a\"\n  \"ukboot.banner=1\"\n", quiet.Image.StdOut);
            // Without '--' only the leading parameter words are the kernel's.
            var leading = Both("ukboot.banner=off", "b");
            Assert.Equal("Hello world!\nArguments:\n  \"b\"\n", leading.Image.StdOut);
        }

        [Fact]
        public void Help_lists_the_parameters_and_exits_0_before_main()
        {
            var r = Both("uklibparam.help");
            Assert.Equal(0, r.Image.ExitCode);
            Assert.Contains("  ukboot.banner=<bool>  default 1\n", r.Image.StdOut);
            Assert.Contains("  ukdebug.level=<int>  default 4, range 0..4\n", r.Image.StdOut);
            Assert.Contains("  ukcpio.initrd=<string>", Tools.Run(_files.Image, new[] { "--help", "--" }).StdOut);
            Assert.DoesNotContain("Hello world!", r.Image.StdOut);
        }

        [Theory]
        [InlineData("uklibparam: bad value '7' for ukdebug.level (argument 1 'ukdebug.level=7'): out of range 0..4\n", "ukdebug.level=7", "--", "a")]
        [InlineData("uklibparam: unknown library 'ukalloc' in argument 1 'ukalloc.verbose=1'; libraries with parameters: ukboot, ukdebug\n", "ukalloc.verbose=1", "--")]
        [InlineData("uklibparam: library 'ukboot' has no parameter 'baner' (argument 1 'ukboot.baner=0'); its parameters: banner\n", "ukboot.baner=0", "a")]
        public void A_bad_parameter_stops_the_boot_with_status_64_and_names_it(string message, params string[] args)
        {
            var r = Both(args);
            Assert.Equal(64, r.Image.ExitCode);
            Assert.Equal(message + "uklibparam: stopping the boot before main (status 64); give uklibparam.help to list the parameters\n", r.Image.StdOut);
        }

        [Fact]
        public void The_initrd_path_is_a_boot_parameter()
        {
            string archive = Path.Combine(_files.ImageDir, "initrd.cpio");
            string elsewhere = Path.GetTempPath();
            var defaultRun = Tools.Run(_files.Image, Array.Empty<string>(), _files.ImageDir);
            var moved = Tools.Run(_files.Image, new[] { "ukcpio.initrd=" + archive }, elsewhere);
            var hosted = Tools.Run("dotnet", new[] { _files.Hosted, "ukcpio.initrd=" + archive }, elsewhere);
            Assert.True(moved.ExitCode == 0, moved.All);
            Assert.Equal(defaultRun.StdOut, moved.StdOut);
            Assert.Equal(moved.StdOut, hosted.StdOut);
            var missing = Tools.Run(_files.Image, new[] { "ukcpio.initrd=/no/such.cpio", "--" }, _files.ImageDir);
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains("ukcpio: cannot open initrd '/no/such.cpio'", missing.All);
            Assert.DoesNotContain("checksum", missing.All);
        }
    }
}
