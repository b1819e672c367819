using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Compose.Libraries.UkCpio;
using CsCheck;
using Xunit;

namespace Compose.Pool2.Tests
{
    /// <summary>ukcpio against archives written by the GNU cpio tool, and against truncated and malformed ones.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]   // the cpio tool and Unix file modes
    public sealed partial class CpioTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "ukcpio-test-" + Guid.NewGuid().ToString("N"));
        private static readonly string LongName = new string('n', 200);

        private sealed record Entry(string Name, uint Mode, byte[] Data, uint ModificationTime, int HeaderOffset);

        public CpioTests()
        {
            Directory.CreateDirectory(Path.Combine(_root, "etc"));
            Directory.CreateDirectory(Path.Combine(_root, "d"));
            File.WriteAllText(Path.Combine(_root, "hello.txt"), "Hello, initrd!\n");
            File.WriteAllBytes(Path.Combine(_root, "empty"), Array.Empty<byte>());
            File.WriteAllText(Path.Combine(_root, "four"), "abcd");
            var random = new byte[1000];
            new Random(7).NextBytes(random);
            File.WriteAllBytes(Path.Combine(_root, "etc", "motd"), random);
            File.CreateSymbolicLink(Path.Combine(_root, "etc", "link"), "../hello.txt");
            File.WriteAllText(Path.Combine(_root, "d", LongName), "x");
            File.SetUnixFileMode(Path.Combine(_root, "four"), UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.OtherRead);
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        /// <summary>Runs <c>cpio -o -H format</c> over the test tree, as the initrd would be built.</summary>
        private byte[] MakeArchive(string format = "newc")
        {
            var psi = new ProcessStartInfo("sh", new[] { "-c", "find . -print | LC_ALL=C sort | cpio --quiet -o -H " + format })
            {
                WorkingDirectory = _root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start sh");
            var stderr = process.StandardError.ReadToEndAsync();
            var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "cpio failed (is the cpio tool installed? apt-get install cpio): " + stderr.Result);
            Assert.True(output.Length > 0, "cpio wrote nothing: " + stderr.Result);
            return output.ToArray();
        }

        private static List<Entry> ReadAll(ReadOnlySpan<byte> archive, out CpioError error, out int errorOffset, out int position)
        {
            var entries = new List<Entry>();
            var reader = new CpioReader(archive);
            while (reader.TryNext(out var e))
                entries.Add(new Entry(Encoding.UTF8.GetString(e.Name), e.Mode, e.Data.ToArray(), e.ModificationTime, e.HeaderOffset));
            error = reader.Error;
            errorOffset = reader.ErrorOffset;
            position = reader.Position;
            Assert.Equal(error == CpioError.None, reader.AtEnd);
            Assert.False(reader.TryNext(out _));
            return entries;
        }

        private static string Normalize(string name) => name == "." ? "." : name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;

        [Theory]
        [InlineData("newc")]
        [InlineData("crc")]
        public void ArchiveFromTheCpioTool_HoldsEveryFileOfTheTree(string format)
        {
            byte[] archive = MakeArchive(format);
            var entries = ReadAll(archive, out var error, out _, out _);
            Assert.Equal(CpioError.None, error);

            var expected = Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(_root, p)).Append(".").OrderBy(p => p, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, entries.Select(e => Normalize(e.Name)).OrderBy(n => n, StringComparer.Ordinal).ToList());

            foreach (var e in entries)
            {
                string path = Path.Combine(_root, Normalize(e.Name));
                var info = new FileInfo(path);
                if (info.LinkTarget is string target)
                {
                    Assert.Equal(0x1FFu, e.Mode & 0xFFF);   // Linux symlinks are rwxrwxrwx
                    Assert.Equal(CpioEntry.TypeSymlink, e.Mode & CpioEntry.TypeMask);
                    Assert.Equal(target, Encoding.UTF8.GetString(e.Data));
                }
                else if (Directory.Exists(path))
                {
                    Assert.Equal((uint)File.GetUnixFileMode(path), e.Mode & 0xFFF);
                    Assert.Equal(CpioEntry.TypeDirectory, e.Mode & CpioEntry.TypeMask);
                    Assert.Empty(e.Data);
                }
                else
                {
                    Assert.Equal((uint)File.GetUnixFileMode(path), e.Mode & 0xFFF);
                    Assert.Equal(CpioEntry.TypeRegular, e.Mode & CpioEntry.TypeMask);
                    Assert.Equal(File.ReadAllBytes(path), e.Data);
                    Assert.Equal(new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds(), e.ModificationTime);
                }
            }
            Assert.Contains(entries, e => e.Name.EndsWith("d/" + LongName, StringComparison.Ordinal));
            Assert.Equal(CpioError.None, Cpio.Validate(archive, out int count, out _));
            Assert.Equal(entries.Count, count);
        }

        [Fact]
        public void Crc_CorruptedData_IsABadChecksum()
        {
            byte[] archive = MakeArchive("crc");
            int at = archive.AsSpan().IndexOf("Hello, initrd!"u8);
            Assert.True(at > 0);
            archive[at] ^= 1;
            var entries = ReadAll(archive, out var error, out int offset, out _);
            Assert.Equal(CpioError.BadChecksum, error);
            Assert.Equal("070702", Encoding.ASCII.GetString(archive, offset, 6));
            Assert.DoesNotContain(entries, e => e.Name.EndsWith("hello.txt", StringComparison.Ordinal));
        }

        [Fact]
        public void EveryTruncation_IsAnError_UntilTheTrailerIsWhole()
        {
            byte[] archive = MakeArchive();
            var full = ReadAll(archive, out _, out _, out int trailerEnd);
            Assert.True(trailerEnd % 4 == 0 && trailerEnd <= archive.Length);
            for (int n = 0; n < archive.Length; n++)
            {
                var entries = ReadAll(archive.AsSpan(0, n), out var error, out int offset, out _);
                if (n >= trailerEnd)
                {
                    Assert.Equal(CpioError.None, error);
                    Assert.Equal(full.Count, entries.Count);
                    continue;
                }
                Assert.True(error == CpioError.Truncated || error == CpioError.MissingTrailer, n + ": " + error);
                Assert.InRange(offset, 0, n);
                Assert.True(entries.Count < full.Count || n >= full[^1].HeaderOffset, "prefix " + n);
                for (int i = 0; i < entries.Count; i++)
                    Assert.Equal(full[i].Data, entries[i].Data);
            }
        }

        private static void SetField(byte[] archive, int headerOffset, int field, string hex8)
        {
            Assert.Equal(8, hex8.Length);
            Encoding.ASCII.GetBytes(hex8).CopyTo(archive, headerOffset + 6 + field * 8);
        }

        private static (CpioError Error, int Offset, string Message) Read(byte[] archive)
        {
            var reader = new CpioReader(archive);
            while (reader.TryNext(out _)) { }
            return (reader.Error, reader.ErrorOffset, reader.ErrorMessage);
        }

        [Fact]
        public void Malformed_Headers_AreLocatedErrors()
        {
            byte[] good = MakeArchive();
            var entries = ReadAll(good, out _, out _, out _);
            int second = entries[1].HeaderOffset;

            var a = (byte[])good.Clone();
            a[second] = (byte)'1';
            Assert.Equal((CpioError.BadMagic, second, "ukcpio: not a newc cpio header (magic is not 070701 or 070702) at offset " + second), Read(a));

            a = (byte[])good.Clone();
            SetField(a, second, 6, "0000001g");      // filesize
            Assert.Equal((CpioError.BadHeaderField, second), (Read(a).Error, Read(a).Offset));

            a = (byte[])good.Clone();
            SetField(a, second, 11, "00000000");     // namesize 0
            Assert.Equal((CpioError.BadNameSize, second), (Read(a).Error, Read(a).Offset));

            a = (byte[])good.Clone();
            SetField(a, second, 11, "00002000");     // namesize over PATH_MAX
            Assert.Equal(CpioError.BadNameSize, Read(a).Error);

            a = (byte[])good.Clone();
            SetField(a, second, 11, "00000fff");     // namesize within PATH_MAX, running into the next entries
            var expected = second + CpioReader.HeaderSize + 0xfff > a.Length ? CpioError.Truncated : CpioError.BadName;
            Assert.Equal((expected, second), (Read(a).Error, Read(a).Offset));

            a = (byte[])good.Clone();
            SetField(a, second, 6, "ffffffff");      // file size beyond the archive
            Assert.Equal((CpioError.Truncated, second), (Read(a).Error, Read(a).Offset));

            a = (byte[])good.Clone();
            int nameSize = Convert.ToInt32(Encoding.ASCII.GetString(good, second + 6 + 11 * 8, 8), 16);
            a[second + CpioReader.HeaderSize + nameSize - 1] = (byte)'x';   // no terminating NUL
            Assert.Equal((CpioError.BadName, second), (Read(a).Error, Read(a).Offset));

            a = (byte[])good.Clone();
            int hello = entries.Single(e => e.Name.EndsWith("hello.txt", StringComparison.Ordinal)).HeaderOffset;
            a[hello + CpioReader.HeaderSize + 1] = 0;                       // NUL inside the name
            Assert.Equal((CpioError.BadName, hello), (Read(a).Error, Read(a).Offset));

            Assert.Equal(CpioError.MissingTrailer, Read(Array.Empty<byte>()).Error);
            Assert.Equal(CpioError.Truncated, Read(new byte[50]).Error);
            Assert.Equal(CpioError.BadMagic, Read(new byte[512]).Error);
        }

        [Fact]
        public void ArchiveWithoutTrailer_IsReported()
        {
            byte[] good = MakeArchive();
            var entries = ReadAll(good, out _, out _, out int trailerEnd);
            // Cut just before the trailer's header: every entry is whole, the trailer is missing.
            int lastEntryEnd = trailerEnd - 124;   // header (110) + "TRAILER!!!\0" (11), padded to 124
            var cut = ReadAll(good.AsSpan(0, lastEntryEnd), out var error, out int offset, out _);
            Assert.Equal(CpioError.MissingTrailer, error);
            Assert.Equal(lastEntryEnd, offset);
            Assert.Equal(entries.Count, cut.Count);
        }

        [Fact]
        public void RandomCorruption_NeverThrows_AndStopsWithinTheArchive()
        {
            byte[] good = MakeArchive();
            Gen.Select(Gen.Int[0, good.Length - 1].Array[1, 8], Gen.Byte.Array[8]).Sample((positions, values) =>
            {
                var a = (byte[])good.Clone();
                for (int i = 0; i < positions.Length; i++) a[positions[i]] = values[i];
                var reader = new CpioReader(a);
                int steps = 0;
                while (reader.TryNext(out var e))
                {
                    Assert.True(++steps <= a.Length / CpioReader.HeaderSize);
                    Assert.InRange(e.HeaderOffset, 0, a.Length - CpioReader.HeaderSize);
                }
                Assert.InRange(reader.Position, 0, a.Length);
                Assert.True(reader.AtEnd || reader.Error != CpioError.None);
            }, iter: 2_000);
        }

        [Fact]
        public void RandomBytes_AreRejected()
        {
            Gen.Byte.Array[0, 600].Sample(bytes =>
            {
                Assert.NotEqual(CpioError.None, Cpio.Validate(bytes, out _, out _));
            }, iter: 2_000);
        }
    }
}
