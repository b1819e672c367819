using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace Compose.Images.Tests
{
    /// <summary>Builds tests/Pool2Image (ukswrand, uktimeconv, uklibparam, ukcpio) hosted and as a linuxu image.</summary>
    public sealed class Pool2ImageFixture
    {
        public string Hosted { get; }
        public string Image { get; }

        public Pool2ImageFixture()
        {
            string project = Path.Combine(Tools.RepoRoot, "tests", "Pool2Image", "Pool2Image.csproj");
            Tools.BuildOrThrow(project, "hosted");
            Tools.BuildOrThrow(project, "linuxu");
            Hosted = Path.Combine(Tools.RepoRoot, "tests", "Pool2Image", "bin", "Debug", "net10.0", "pool2image.dll");
            Image = Path.Combine(Tools.RepoRoot, "tests", "Pool2Image", "bin", "linuxu", "Debug", "net10.0", "pool2image_linuxu-x86_64");
        }
    }

    /// <summary>The pool II libraries compiled against Uk.CoreLib print what they print on the CLR, and what the specs say.</summary>
    [Collection("images")]
    public sealed class Pool2ImageTests : IClassFixture<Pool2ImageFixture>, IDisposable
    {
        private readonly Pool2ImageFixture _f;
        private readonly string _tree = Path.Combine(Path.GetTempPath(), "pool2image-" + Guid.NewGuid().ToString("N"));

        public Pool2ImageTests(Pool2ImageFixture f)
        {
            _f = f;
            Directory.CreateDirectory(Path.Combine(_tree, "etc"));
            File.WriteAllText(Path.Combine(_tree, "hello.txt"), "Hello, initrd!\n");
            var bytes = new byte[777];
            new Random(3).NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(_tree, "etc", "blob"), bytes);
            File.CreateSymbolicLink(Path.Combine(_tree, "etc", "link"), "../hello.txt");
        }

        public void Dispose() => Directory.Delete(_tree, recursive: true);

        /// <summary>The archive the cpio tool makes of the test tree from <paramref name="list"/> (names, one a line).</summary>
        private byte[] Cpio(string list)
        {
            var psi = new ProcessStartInfo("sh", new[] { "-c", list + " | cpio --quiet -o -H newc" })
            {
                WorkingDirectory = _tree, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            var output = new MemoryStream();
            p.StandardOutput.BaseStream.CopyTo(output);
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, "cpio failed (apt-get install cpio): " + err.Result);
            return output.ToArray();
        }

        private (Tools.Result Hosted, Tools.Result Image) RunBoth(params string[] args)
        {
            var hosted = Tools.Run("dotnet", new[] { _f.Hosted }.Concat(args).ToArray());
            var image = Tools.Run(_f.Image, args);
            // The seed source differs by design (hosted: the OS generator; linuxu: the CPU), checked on its own
            // (when the boot reached main: a bad parameter stops it before).
            if (hosted.ExitCode == 0)
            {
                Assert.Contains("swrand boot seeded=1 source=os\n", hosted.StdOut);
                Assert.Contains("swrand boot seeded=1 source=" + HostCpuSeedSource() + "\n", image.StdOut);
            }
            Assert.Equal(SameSource(hosted.StdOut), SameSource(image.StdOut));
            Assert.Equal(hosted.ExitCode, image.ExitCode);
            Assert.Equal("", image.StdErr);
            return (hosted, image);
        }

        private static string SameSource(string output) =>
            System.Text.RegularExpressions.Regex.Replace(output, "swrand boot seeded=1 source=\\w+\n", "swrand boot seeded=1 source=*\n");

        /// <summary>What linuxu's ukswrand seeds from on this machine: RDSEED, else RDRAND (the CPU flags), else the clock.</summary>
        private static string HostCpuSeedSource()
        {
            string flags = File.ReadAllLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags")) ?? "";
            var set = flags.Split(new[] { ' ', '\t', ':' }, StringSplitOptions.RemoveEmptyEntries);
            return set.Contains("rdseed") ? "rdseed" : set.Contains("rdrand") ? "rdrand" : "clock";
        }

        [Fact]
        public void AllLibraries_SameOnHostedAndImage_AndAsSpecified()
        {
            byte[] archive = Cpio("find . -print | LC_ALL=C sort");
            var (_, image) = RunBoth("ukdebug.level=3", "pool2data.archive=" + Convert.ToHexString(archive), "--", "a", "b c");
            Assert.Equal(0, image.ExitCode);
            string o = image.StdOut;

            // RFC 8439 2.3.2 and 2.4.2.
            Assert.Contains("chacha20 block 10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4ed2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e\n", o);
            Assert.Contains("chacha20 cipher 6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d807ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab77937365af90bbf74a35be6b40b8eedf2785e42874d\n", o);

            foreach (long s in new[] { 0L, 951782400, 2147483647, 2147483648, -1, -2208988800, -62135596800, 253402300799 })
            {
                var d = DateTimeOffset.FromUnixTimeSeconds(s);
                Assert.Contains("time " + s + " " + d.Year + "-" + d.Month + "-" + d.Day + " " + d.Hour + ":" + d.Minute + ":" + d.Second
                    + " dow=" + (int)d.DayOfWeek + " doy=" + d.DayOfYear + " back=ok\n", o);
            }
            Assert.DoesNotContain("back=FAIL", o);
            Assert.Contains("iso 2038-01-19T03:14:08.000000005Z\n", o);
            Assert.Contains("libparam ok level=3 installed=1 archive=" + archive.Length * 2 + " app=a,b c\n", o);

            var expected = new StringBuilder();
            foreach (string name in Directory.EnumerateFileSystemEntries(_tree, "*", SearchOption.AllDirectories)
                         .Select(p => Path.GetRelativePath(_tree, p)).Append(".").OrderBy(n => n, StringComparer.Ordinal))
            {
                string full = Path.Combine(_tree, name);
                var info = new FileInfo(full);
                string type = info.LinkTarget is not null ? "link" : Directory.Exists(full) ? "dir" : "file";
                byte[] data = type == "link" ? Encoding.UTF8.GetBytes(info.LinkTarget!) : type == "dir" ? Array.Empty<byte>() : File.ReadAllBytes(full);
                expected.Append("cpio " + name + " type=" + type + " size=" + data.Length + " sum=" + data.Sum(b => (long)b)
                                + " path=" + (name == "." ? "" : name) + "\n");
            }
            expected.Append("cpio end\n");
            Assert.EndsWith(expected.ToString(), o);
        }

        [Fact]
        public void BadParameter_NamesLibraryAndParameter_InTheImageToo()
        {
            // The boot sequence parses the parameters: a bad one stops the boot before main (no chacha20 line).
            const string stop = "uklibparam: stopping the boot before main (status 64); give uklibparam.help to list the parameters\n";
            var (_, image) = RunBoth("ukdebug.level=9", "--", "x");
            Assert.Equal(64, image.ExitCode);
            Assert.Equal("uklibparam: bad value '9' for ukdebug.level (argument 1 'ukdebug.level=9'): out of range 0..4\n" + stop, image.StdOut);
            (_, image) = RunBoth("ukdebug.levle=1", "--");
            Assert.Equal("uklibparam: library 'ukdebug' has no parameter 'levle' (argument 1 'ukdebug.levle=1'); its parameters: level\n" + stop, image.StdOut);
        }

        [Fact]
        public void TruncatedAndEscapingArchives_AreRefused_InTheImageToo()
        {
            byte[] archive = Cpio("find . -print | LC_ALL=C sort");
            var (_, image) = RunBoth("pool2data.archive=" + Convert.ToHexString(archive, 0, 300), "--");
            Assert.Equal(4, image.ExitCode);
            Assert.Matches("ukcpio: archive truncated at offset [0-9]+\n$", image.StdOut);

            Directory.CreateDirectory(Path.Combine(_tree, "sub"));
            var psi = "cd sub && printf '../hello.txt\\n'";
            (_, image) = RunBoth("pool2data.archive=" + Convert.ToHexString(Cpio(psi)), "--");
            Assert.Equal(0, image.ExitCode);
            Assert.Contains("cpio ../hello.txt type=file size=15 sum=", image.StdOut);
            Assert.Contains(" path=REFUSED\ncpio end\n", image.StdOut);
        }
    }
}
