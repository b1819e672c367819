using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Compose.Images.Tests
{
    /// <summary>Builds samples/Files (vfscore, ramfs, ukcpio) hosted and as a linuxu image.</summary>
    public sealed class FilesSampleFixture
    {
        public string Hosted { get; }
        public string Image { get; }
        public string HostedDir { get; }
        public string ImageDir { get; }

        public FilesSampleFixture()
        {
            string project = Path.Combine(Tools.RepoRoot, "samples", "Files", "Files.csproj");
            Tools.BuildOrThrow(project, "hosted");
            Tools.BuildOrThrow(project, "linuxu");
            HostedDir = Path.Combine(Tools.RepoRoot, "samples", "Files", "bin", "Debug", "net10.0");
            ImageDir = Path.Combine(Tools.RepoRoot, "samples", "Files", "bin", "linuxu", "Debug", "net10.0");
            Hosted = Path.Combine(HostedDir, "files.dll");
            Image = Path.Combine(ImageDir, "files_linuxu-x86_64");
        }
    }

    /// <summary>The Files sample unpacks its initrd at boot and prints the same on hosted and linuxu.</summary>
    [Collection("images")]
    public sealed class FilesSampleTests : IClassFixture<FilesSampleFixture>, IDisposable
    {
        private readonly FilesSampleFixture _f;
        private readonly string _scratch = Path.Combine(Path.GetTempPath(), "files-sample-" + Guid.NewGuid().ToString("N"));

        public FilesSampleTests(FilesSampleFixture f)
        {
            _f = f;
            Directory.CreateDirectory(_scratch);
        }

        public void Dispose() => Directory.Delete(_scratch, recursive: true);

        private static uint Fnv(uint h, byte[] data)
        {
            foreach (byte b in data) h = (h ^ b) * 16777619;
            return h;
        }

        [Fact]
        public void Same_output_on_hosted_and_linuxu_and_computed_from_the_initrd()
        {
            var hosted = Tools.Run("dotnet", new[] { _f.Hosted }, _f.HostedDir);
            var image = Tools.Run(_f.Image, Array.Empty<string>(), _f.ImageDir);
            Assert.True(hosted.ExitCode == 0, hosted.All);
            Assert.True(image.ExitCode == 0, image.All);
            Assert.Equal("", image.StdErr);
            Assert.Equal(hosted.StdOut, image.StdOut);

            // What the output must be, computed here from samples/Files/initrd.
            string initrd = Path.Combine(Tools.RepoRoot, "samples", "Files", "initrd");
            var files = Directory.GetFiles(initrd, "*", SearchOption.AllDirectories)
                .Select(p => "/" + Path.GetRelativePath(initrd, p).Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var dirs = Directory.GetDirectories(initrd, "*", SearchOption.AllDirectories);
            var numbers = File.ReadAllLines(Path.Combine(initrd, "data", "numbers.txt")).Select(long.Parse).ToList();
            string report = "lines=" + numbers.Count + " sum=" + numbers.Sum() + "\n";
            uint checksum = 2166136261;
            foreach (var file in files.Append("/tmp/report.txt"))
            {
                checksum = Fnv(checksum, Encoding.UTF8.GetBytes(file));
                checksum = Fnv(checksum, new byte[1]);
                checksum = Fnv(checksum, file == "/tmp/report.txt" ? Encoding.UTF8.GetBytes(report) : File.ReadAllBytes(initrd + file));
            }
            string o = image.StdOut;
            Assert.Contains("initrd: " + (files.Count + dirs.Length) + " entries unpacked, 0 skipped\n", o);
            Assert.Contains("/etc/motd: " + File.ReadAllText(Path.Combine(initrd, "etc", "motd")), o);
            Assert.Contains("/data/numbers.txt: " + numbers.Count + " lines, sum " + numbers.Sum() + "\n", o);
            Assert.Contains("/tmp/report.txt: " + report, o);
            Assert.Contains("open /missing: ENOENT\nmkdir /etc: EEXIST\n", o);
            foreach (var file in files) Assert.Contains("  " + file + " " + new FileInfo(initrd + file).Length + "\n", o);
            // Trace point files.reads (ukdebug TRACE=y in samples/Files/.config), printed at shutdown: one read per
            // file (all under 4 KiB) in the tree walk, plus the three files read before it.
            Assert.EndsWith("checksum " + checksum.ToString("X8") + "\ntrace files.reads " + (files.Count + 1 + 3) + "\n", o);
        }

        [Fact]
        public void A_missing_initrd_stops_the_boot_with_a_message()
        {
            var hosted = Tools.Run("dotnet", new[] { _f.Hosted }, _scratch);
            var image = Tools.Run(_f.Image, Array.Empty<string>(), _scratch);
            Assert.NotEqual(0, image.ExitCode);
            Assert.NotEqual(0, hosted.ExitCode);
            Assert.Contains("ukcpio: cannot open initrd 'initrd.cpio'", image.All);
            Assert.Contains("ukcpio: cannot read initrd 'initrd.cpio'", hosted.All);
            Assert.DoesNotContain("checksum", image.All);
        }

        [Fact]
        public void A_truncated_or_malformed_initrd_stops_the_boot_naming_the_error()
        {
            byte[] good = File.ReadAllBytes(Path.Combine(_f.ImageDir, "initrd.cpio"));
            File.WriteAllBytes(Path.Combine(_scratch, "initrd.cpio"), good.AsSpan(0, 300).ToArray());
            var image = Tools.Run(_f.Image, Array.Empty<string>(), _scratch);
            var hosted = Tools.Run("dotnet", new[] { _f.Hosted }, _scratch);
            Assert.NotEqual(0, image.ExitCode);
            Assert.Contains("ukcpio: archive truncated at offset ", image.All);
            Assert.Equal(hosted.StdOut, image.StdOut);

            byte[] bad = (byte[])good.Clone();
            bad[0] = (byte)'9';
            File.WriteAllBytes(Path.Combine(_scratch, "initrd.cpio"), bad);
            image = Tools.Run(_f.Image, Array.Empty<string>(), _scratch);
            Assert.NotEqual(0, image.ExitCode);
            Assert.Contains("ukcpio: not a newc cpio header", image.All);
        }
    }
}
