using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>A scratch folder with files for -initrd, removed after each test.</summary>
    public sealed class Scratch : IDisposable
    {
        public string Dir { get; } = Path.Combine(Path.GetTempPath(), "compose-kvm-initrd-" + Guid.NewGuid().ToString("N"));

        public Scratch() { Directory.CreateDirectory(Dir); }

        public string Write(string name, byte[] bytes)
        {
            string path = Path.Combine(Dir, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        /// <summary>Deterministic pseudo-random bytes.</summary>
        public static byte[] Bytes(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        public void Dispose()
        {
            try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The boot code records QEMU's -initrd module (PVH modlist, multiboot mods) exactly: size and bytes.</summary>
    public sealed class InitrdBootTests : IClassFixture<ProbeImages>
    {
        private readonly ProbeImages _images;

        public InitrdBootTests(ProbeImages images) { _images = images; }

        [QemuTheory]
        [InlineData("microvm", "multiboot")]
        [InlineData("microvm", "pvh")]
        [InlineData("pc", "multiboot")]
        [InlineData("pc", "pvh")]
        public void First_module_reaches_the_boot_code_with_its_exact_size_and_bytes(string machine, string protocol)
        {
            using var scratch = new Scratch();
            byte[] data = Scratch.Bytes(100_003, machine.Length + protocol.Length); // not a page multiple
            string file = scratch.Write("module.bin", data);
            RunResult r = Qemu.Run(_images.Image(protocol), machine, initrd: file, appArgs: new[] { "initrd" });
            Assert.True(r.ExitCode == 0, r.ToString());
            long sum = data.Sum(b => (long)b);
            Assert.Equal($"initrd 1 {data.Length} {sum}\n", r.Stdout);

            RunResult none = Qemu.Run(_images.Image(protocol), machine, appArgs: new[] { "initrd" });
            Assert.Equal("initrd 0 0 0\n", none.Stdout);
        }
    }

    /// <summary>
    /// samples/Files on kvm with its initrd as the boot module, against hosted and against what samples/Files/initrd
    /// holds; bad and missing initrds; the module's memory kept away from the heap.
    /// </summary>
    [Collection("kvm-images")]
    public sealed class InitrdImageTests
    {
        private readonly KvmImages _images;

        public InitrdImageTests(KvmImages images) { _images = images; }

        private static uint Fnv(uint h, byte[] data)
        {
            foreach (byte b in data) h = (h ^ b) * 16777619;
            return h;
        }

        [QemuTheory]
        [InlineData("microvm")]
        [InlineData("pc")]
        public void Files_prints_what_it_prints_hosted_and_what_the_initrd_folder_holds(string machine)
        {
            RunResult hosted = Tools.Run("dotnet", new[] { _images.FilesHosted }, Path.GetDirectoryName(_images.FilesHosted));
            RunResult image = Qemu.Run(_images.FilesImage, machine, initrd: _images.FilesInitrd);
            Assert.True(hosted.ExitCode == 0, hosted.ToString());
            Assert.True(image.ExitCode == 0, image.ToString());
            Assert.Equal("", image.Stderr);
            Assert.Equal(hosted.Stdout, image.Stdout);

            // The output computed from samples/Files/initrd (as the linuxu test in Compose.Images.Tests does).
            string initrd = Path.Combine(Repo.Root, "samples", "Files", "initrd");
            var files = Directory.GetFiles(initrd, "*", SearchOption.AllDirectories)
                .Select(p => "/" + Path.GetRelativePath(initrd, p).Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal).ToList();
            int dirs = Directory.GetDirectories(initrd, "*", SearchOption.AllDirectories).Length;
            var numbers = File.ReadAllLines(Path.Combine(initrd, "data", "numbers.txt")).Select(long.Parse).ToList();
            string report = "lines=" + numbers.Count + " sum=" + numbers.Sum() + "\n";
            uint checksum = 2166136261;
            foreach (string file in files.Append("/tmp/report.txt"))
            {
                checksum = Fnv(checksum, Encoding.UTF8.GetBytes(file));
                checksum = Fnv(checksum, new byte[1]);
                checksum = Fnv(checksum, file == "/tmp/report.txt" ? Encoding.UTF8.GetBytes(report) : File.ReadAllBytes(initrd + file));
            }
            string o = image.Stdout;
            Assert.StartsWith("initrd: " + (files.Count + dirs) + " entries unpacked, 0 skipped\n", o);
            Assert.Contains("/etc/motd: " + File.ReadAllText(Path.Combine(initrd, "etc", "motd")), o);
            Assert.Contains("/data/numbers.txt: " + numbers.Count + " lines, sum " + numbers.Sum() + "\n", o);
            foreach (string file in files) Assert.Contains("  " + file + " " + new FileInfo(initrd + file).Length + "\n", o);
            Assert.EndsWith("checksum " + checksum.ToString("X8") + "\ntrace files.reads " + (files.Count + 1 + 3) + "\n", o);
        }

        [QemuFact]
        public void A_truncated_or_malformed_initrd_stops_the_boot_naming_the_error()
        {
            using var scratch = new Scratch();
            byte[] good = File.ReadAllBytes(_images.FilesInitrd);
            RunResult truncated = Qemu.Run(_images.FilesImage, initrd: scratch.Write("truncated.cpio", good.AsSpan(0, 300).ToArray()));
            Assert.True(truncated.ExitCode != 0, truncated.ToString());
            Assert.Contains("ukcpio: archive truncated at offset ", truncated.Stdout);
            Assert.Contains("(initrd module, 300 bytes)\n", truncated.Stdout);
            Assert.DoesNotContain("checksum", truncated.Stdout);

            byte[] bad = (byte[])good.Clone();
            bad[0] = (byte)'9';
            RunResult malformed = Qemu.Run(_images.FilesImage, initrd: scratch.Write("malformed.cpio", bad));
            Assert.True(malformed.ExitCode != 0, malformed.ToString());
            Assert.Contains("ukcpio: not a newc cpio header", malformed.Stdout);
            Assert.DoesNotContain("checksum", malformed.Stdout);
        }

        [QemuFact]
        public void No_initrd_stops_the_boot_saying_what_is_missing()
        {
            RunResult r = Qemu.Run(_images.FilesImage);
            Assert.True(r.ExitCode != 0, r.ToString());
            Assert.Contains("ukcpio: no initrd: the loader passed no boot module, and this image needs one (INITRD_PATH 'initrd.cpio')", r.Stdout);
            Assert.DoesNotContain("checksum", r.Stdout);
        }

        [QemuTheory]
        [InlineData("microvm")]
        [InlineData("pc")]
        public void The_heap_never_overlaps_the_initrd_even_when_nearly_all_of_it_is_allocated(string machine)
        {
            using var scratch = new Scratch();
            byte[] data = Scratch.Bytes(1 << 20, 7);
            RunResult r = Qemu.Run(_images.ProbeImage, machine, "16M", initrd: scratch.Write("one-mib.bin", data), appArgs: new[] { "initrd" });
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("initrd " + data.Length + " bytes, page aligned yes\n", r.Stdout);
            Assert.Matches(@"regions \d+ overlapping the initrd 0\n", r.Stdout);
            Assert.Matches(@"allocated \d+ x 256 KiB, left under 768 KiB\n", r.Stdout);
            Assert.Contains("fnv " + Fnv(2166136261, data).ToString("X8") + " after same\n", r.Stdout);
        }
    }
}
