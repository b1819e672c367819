using System;
using System.IO;
using System.Text;
using Compose.Libraries.RamFs;
using Compose.Libraries.UkCpio;
using Compose.Libraries.VfsCore;
using Xunit;

namespace Compose.Pool2.Tests
{
    /// <summary>Unpacking archives into ramfs through vfscore.</summary>
    public sealed partial class CpioTests
    {
        private static Vfs NewRoot()
        {
            var vfs = new Vfs();
            Assert.Equal(0, vfs.Mount("/"u8, new RamFileSystem()));
            return vfs;
        }

        private static byte[] ReadVfs(Vfs vfs, string path)
        {
            int fd = vfs.Open(Vfs.Path(path), OpenFlags.ReadOnly, 0);
            Assert.True(fd >= 0, path + ": " + Errno.Name(fd));
            var output = new MemoryStream();
            var buffer = new byte[333];
            int n;
            while ((n = vfs.Read(fd, buffer)) > 0) output.Write(buffer, 0, n);
            Assert.Equal(0, n);
            vfs.Close(fd);
            return output.ToArray();
        }

        /// <summary>A newc member header + name + data, padded, as cpio writes them.</summary>
        private static byte[] Member(string name, uint mode, byte[] data)
        {
            var header = "070701" + "00000001" + mode.ToString("X8") + "00000000" + "00000000" + "00000001" + "00000000"
                         + data.Length.ToString("X8") + "00000000" + "00000000" + "00000000" + "00000000"
                         + (Encoding.UTF8.GetByteCount(name) + 1).ToString("X8") + "00000000";
            var output = new MemoryStream();
            output.Write(Encoding.ASCII.GetBytes(header));
            output.Write(Encoding.UTF8.GetBytes(name));
            output.WriteByte(0);
            while (output.Length % 4 != 0) output.WriteByte(0);
            output.Write(data);
            while (output.Length % 4 != 0) output.WriteByte(0);
            return output.ToArray();
        }

        private static byte[] Archive(params byte[][] members)
        {
            var output = new MemoryStream();
            foreach (var m in members) output.Write(m);
            output.Write(Member("TRAILER!!!", 0, Array.Empty<byte>()));
            return output.ToArray();
        }

        [Fact]
        public void Unpack_recreates_the_tree_cpio_archived()
        {
            var vfs = NewRoot();
            int created = CpioUnpack.Unpack(MakeArchive(), vfs, out int skipped, out string error);
            Assert.Equal("", error);
            Assert.Equal(0, skipped);
            Assert.Equal(8, created); // etc, d, hello.txt, empty, four, etc/motd, d/<long>, etc/link
            foreach (var file in new[] { "hello.txt", "empty", "four", "etc/motd", "d/" + LongName })
                Assert.Equal(File.ReadAllBytes(Path.Combine(_root, file)), ReadVfs(vfs, "/" + file));
            Assert.Equal(0, vfs.Stat("/etc"u8, out VfsStat st));
            Assert.Equal(VfsNodeType.Directory, st.Type);
            Assert.Equal(0, vfs.Stat("/four"u8, out st));
            Assert.Equal(0x144u, st.Mode); // 0504: r-x---r--
            // etc/link -> ../hello.txt, as File.CreateSymbolicLink made it: kept as a link, followed on open.
            Assert.Equal(0, vfs.LinkStat("/etc/link"u8, out st));
            Assert.Equal(VfsNodeType.Symlink, st.Type);
            var target = new byte[64];
            Assert.Equal(12, vfs.ReadLink("/etc/link"u8, target));
            Assert.Equal("../hello.txt", Encoding.UTF8.GetString(target, 0, 12));
            Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "hello.txt")), ReadVfs(vfs, "/etc/link"));
        }

        [Fact]
        public void Unpacking_twice_overwrites_files_and_keeps_directories()
        {
            var vfs = NewRoot();
            var archive = MakeArchive();
            Assert.True(CpioUnpack.Unpack(archive, vfs, out _, out _) > 0);
            Assert.Equal(8, CpioUnpack.Unpack(archive, vfs, out _, out string error));
            Assert.Equal("", error);
            Assert.Equal("Hello, initrd!\n", Encoding.UTF8.GetString(ReadVfs(vfs, "/hello.txt")));
        }

        [Fact]
        public void A_truncated_archive_is_an_error_and_keeps_what_came_before()
        {
            var archive = MakeArchive();
            foreach (int cut in new[] { 0, 50, archive.Length / 2, archive.Length - 600 })
            {
                var vfs = NewRoot();
                int r = CpioUnpack.Unpack(archive.AsSpan(0, cut), vfs, out _, out string error);
                Assert.Equal(-1, r);
                Assert.StartsWith("ukcpio: ", error);
                Assert.True(error.Contains("truncated") || error.Contains("without the TRAILER"), error);
            }
        }

        [Fact]
        public void A_malformed_archive_is_an_error()
        {
            var archive = MakeArchive();
            archive[0] = (byte)'X';
            Assert.Equal(-1, CpioUnpack.Unpack(archive, NewRoot(), out _, out string error));
            Assert.Contains("magic", error);
        }

        [Fact]
        public void Names_climbing_above_the_root_are_refused_and_nothing_is_written_outside()
        {
            foreach (var name in new[] { "../evil", "a/../../evil", "./../../etc/evil" })
            {
                var vfs = NewRoot();
                var archive = Archive(Member("a", 0x41ED, Array.Empty<byte>()), Member(name, 0x81A4, "bad"u8.ToArray()));
                Assert.Equal(-1, CpioUnpack.Unpack(archive, vfs, out _, out string error));
                Assert.Contains("climbs above the root", error);
                Assert.Contains(name, error);
                int fd = vfs.Open("/"u8, OpenFlags.ReadOnly, 0);
                var entry = new byte[255];
                Assert.Equal(1, vfs.ReadDirectory(fd, entry, out int length, out _));
                Assert.Equal("a", Encoding.UTF8.GetString(entry, 0, length));
                Assert.Equal(0, vfs.ReadDirectory(fd, entry, out _, out _));
            }
        }

        [Fact]
        public void Dotdot_inside_the_root_and_missing_parents()
        {
            var vfs = NewRoot();
            var ok = Archive(Member("a", 0x41ED, Array.Empty<byte>()), Member("a/../b", 0x81A4, "B"u8.ToArray()));
            Assert.Equal(2, CpioUnpack.Unpack(ok, vfs, out _, out string error));
            Assert.Equal("B", Encoding.UTF8.GetString(ReadVfs(vfs, "/b")));
            var orphan = Archive(Member("x/y", 0x81A4, "Y"u8.ToArray()));
            Assert.Equal(-1, CpioUnpack.Unpack(orphan, vfs, out _, out error));
            Assert.Contains("'x/y'", error);
            Assert.Contains("ENOENT", error);
            var overFile = Archive(Member("b/c", 0x81A4, "C"u8.ToArray()));
            Assert.Equal(-1, CpioUnpack.Unpack(overFile, vfs, out _, out error));
            Assert.Contains("ENOTDIR", error);
        }

        [Fact]
        public void Without_a_root_file_system_unpacking_fails_cleanly()
        {
            Assert.Equal(-1, CpioUnpack.Unpack(MakeArchive(), new Vfs(), out _, out string error));
            Assert.Contains("ENOENT", error);
        }
    }
}
