using System;
using System.Text;
using CsCheck;
using Compose.Libraries.RamFs;
using Compose.Libraries.VfsCore;
using Xunit;

namespace Compose.Pool2.Tests
{
    public class VfsTests
    {
        private static byte[] P(string s) => Encoding.UTF8.GetBytes(s);

        private static Vfs NewRoot(int descriptors = Vfs.DefaultDescriptors)
        {
            var vfs = new Vfs(descriptors);
            Assert.Equal(0, vfs.Mount(P("/"), new RamFileSystem()));
            return vfs;
        }

        private static int Create(Vfs vfs, string path, string content)
        {
            int fd = vfs.Open(P(path), OpenFlags.WriteOnly | OpenFlags.Create | OpenFlags.Truncate, 0x1A4);
            Assert.True(fd >= Vfs.FirstDescriptor, "open " + path + ": " + Errno.Name(fd));
            Assert.Equal(content.Length, vfs.Write(fd, P(content)));
            Assert.Equal(0, vfs.Close(fd));
            return 0;
        }

        private static string ReadAll(Vfs vfs, string path)
        {
            int fd = vfs.Open(P(path), OpenFlags.ReadOnly, 0);
            Assert.True(fd >= 0, "open " + path + ": " + Errno.Name(fd));
            var buffer = new byte[4096];
            var text = new StringBuilder();
            int n;
            while ((n = vfs.Read(fd, buffer.AsSpan(0, 7))) > 0) text.Append(Encoding.UTF8.GetString(buffer, 0, n));
            Assert.Equal(0, n);
            Assert.Equal(0, vfs.Close(fd));
            return text.ToString();
        }

        [Fact]
        public void Nothing_resolves_before_the_root_is_mounted()
        {
            var vfs = new Vfs();
            Assert.Equal(-Errno.ENOENT, vfs.Open(P("/a"), OpenFlags.ReadOnly | OpenFlags.Create, 0));
            Assert.Equal(-Errno.ENOENT, vfs.Mount(P("/mnt"), new RamFileSystem()));
        }

        [Fact]
        public void Write_then_read_back_through_offsets()
        {
            var vfs = NewRoot();
            Create(vfs, "/hello.txt", "hello, world");
            Assert.Equal("hello, world", ReadAll(vfs, "/hello.txt"));
            int fd = vfs.Open(P("/hello.txt"), OpenFlags.ReadWrite, 0);
            Assert.Equal(7, vfs.Seek(fd, 7, SeekOrigin.Set));
            Assert.Equal(5, vfs.Write(fd, P("WORLD")));
            Assert.Equal(12, vfs.Seek(fd, 0, SeekOrigin.Current));
            Assert.Equal(8, vfs.Seek(fd, -4, SeekOrigin.End));
            Assert.Equal(16, vfs.Seek(fd, 16, SeekOrigin.Set));
            Assert.Equal(2, vfs.Write(fd, P("!!")));
            Assert.Equal(0, vfs.StatDescriptor(fd, out VfsStat st));
            Assert.Equal(18, st.Size);
            Assert.Equal(VfsNodeType.Regular, st.Type);
            Assert.Equal(0, vfs.Close(fd));
            Assert.Equal("hello, WORLD\0\0\0\0!!", ReadAll(vfs, "/hello.txt"));
        }

        [Fact]
        public void Truncate_append_and_exclusive()
        {
            var vfs = NewRoot();
            Create(vfs, "/f", "abcdef");
            Create(vfs, "/f", "xy");
            Assert.Equal("xy", ReadAll(vfs, "/f"));
            int fd = vfs.Open(P("/f"), OpenFlags.WriteOnly | OpenFlags.Append, 0);
            vfs.Seek(fd, 0, SeekOrigin.Set);
            Assert.Equal(1, vfs.Write(fd, P("z")));
            vfs.Close(fd);
            Assert.Equal("xyz", ReadAll(vfs, "/f"));
            Assert.Equal(-Errno.EEXIST, vfs.Open(P("/f"), OpenFlags.WriteOnly | OpenFlags.Create | OpenFlags.Exclusive, 0));
            Assert.Equal(-Errno.ENOENT, vfs.Open(P("/g"), OpenFlags.ReadOnly, 0));
            Assert.Equal(-Errno.EINVAL, vfs.Open(P("/f"), 3, 0));
        }

        [Fact]
        public void Access_modes_are_enforced()
        {
            var vfs = NewRoot();
            Create(vfs, "/f", "abc");
            int ro = vfs.Open(P("/f"), OpenFlags.ReadOnly, 0);
            Assert.Equal(-Errno.EBADF, vfs.Write(ro, P("x")));
            int wo = vfs.Open(P("/f"), OpenFlags.WriteOnly, 0);
            Assert.Equal(-Errno.EBADF, vfs.Read(wo, new byte[4]));
            Assert.Equal(-Errno.EINVAL, vfs.Seek(ro, -1, SeekOrigin.Set));
            Assert.Equal(-Errno.EINVAL, vfs.Seek(ro, 0, 3));
        }

        [Fact]
        public void Descriptors_out_of_range_closed_or_reserved_are_EBADF()
        {
            var vfs = NewRoot(8);
            Create(vfs, "/f", "abc");
            foreach (int fd in new[] { -1, 0, 1, 2, 7, 8, 1000, int.MinValue, int.MaxValue })
            {
                Assert.Equal(-Errno.EBADF, vfs.Read(fd, new byte[4]));
                Assert.Equal(-Errno.EBADF, vfs.Write(fd, P("x")));
                Assert.Equal(-Errno.EBADF, vfs.Close(fd));
                Assert.Equal(-Errno.EBADF, vfs.Seek(fd, 0, SeekOrigin.Set));
                Assert.Equal(-Errno.EBADF, vfs.StatDescriptor(fd, out _));
                Assert.Equal(-Errno.EBADF, vfs.ReadDirectory(fd, new byte[256], out _, out _));
            }
            int a = vfs.Open(P("/f"), OpenFlags.ReadOnly, 0);
            Assert.Equal(3, a);
            Assert.Equal(0, vfs.Close(a));
            Assert.Equal(-Errno.EBADF, vfs.Close(a));
            Assert.Equal(-Errno.EBADF, vfs.Read(a, new byte[1]));
        }

        [Fact]
        public void The_table_fills_with_EMFILE_and_frees_the_lowest()
        {
            var vfs = NewRoot(8);
            Create(vfs, "/f", "abc");
            for (int expected = 3; expected < 8; expected++) Assert.Equal(expected, vfs.Open(P("/f"), OpenFlags.ReadOnly, 0));
            Assert.Equal(-Errno.EMFILE, vfs.Open(P("/f"), OpenFlags.ReadOnly, 0));
            Assert.Equal(0, vfs.Close(5));
            Assert.Equal(5, vfs.Open(P("/f"), OpenFlags.ReadOnly, 0));
        }

        [Fact]
        public void Directories_mkdir_readdir_rmdir()
        {
            var vfs = NewRoot();
            Assert.Equal(0, vfs.MakeDirectory(P("/etc"), 0x1ED));
            Assert.Equal(-Errno.EEXIST, vfs.MakeDirectory(P("/etc"), 0x1ED));
            Assert.Equal(-Errno.EEXIST, vfs.MakeDirectory(P("/"), 0x1ED));
            Assert.Equal(-Errno.ENOENT, vfs.MakeDirectory(P("/no/sub"), 0x1ED));
            Create(vfs, "/etc/motd", "hi");
            Assert.Equal(0, vfs.MakeDirectory(P("/etc/sub/"), 0x1ED));
            Assert.Equal(-Errno.ENOTDIR, vfs.MakeDirectory(P("/etc/motd/x"), 0x1ED));

            int fd = vfs.Open(P("/etc"), OpenFlags.ReadOnly | OpenFlags.Directory, 0);
            Assert.True(fd >= 3);
            var name = new byte[255];
            Assert.Equal(1, vfs.ReadDirectory(fd, name, out int len, out VfsNodeType type));
            Assert.Equal("motd", Encoding.UTF8.GetString(name, 0, len));
            Assert.Equal(VfsNodeType.Regular, type);
            Assert.Equal(-Errno.EINVAL, vfs.ReadDirectory(fd, new byte[2], out _, out _));
            Assert.Equal(1, vfs.ReadDirectory(fd, name, out len, out type));
            Assert.Equal("sub", Encoding.UTF8.GetString(name, 0, len));
            Assert.Equal(VfsNodeType.Directory, type);
            Assert.Equal(0, vfs.ReadDirectory(fd, name, out _, out _));
            Assert.Equal(-Errno.EISDIR, vfs.Read(fd, name));
            Assert.Equal(0, vfs.Seek(fd, 0, SeekOrigin.Set));
            Assert.Equal(1, vfs.ReadDirectory(fd, name, out len, out _));
            Assert.Equal("motd", Encoding.UTF8.GetString(name, 0, len));

            int file = vfs.Open(P("/etc/motd"), OpenFlags.ReadOnly, 0);
            Assert.Equal(-Errno.ENOTDIR, vfs.ReadDirectory(file, name, out _, out _));

            Assert.Equal(-Errno.EISDIR, vfs.Open(P("/etc"), OpenFlags.WriteOnly, 0));
            Assert.Equal(-Errno.ENOTDIR, vfs.Open(P("/etc/motd"), OpenFlags.ReadOnly | OpenFlags.Directory, 0));
            Assert.Equal(-Errno.ENOTDIR, vfs.Open(P("/etc/motd/"), OpenFlags.ReadOnly, 0));
            Assert.Equal(-Errno.EISDIR, vfs.Open(P("/etc/new/"), OpenFlags.WriteOnly | OpenFlags.Create, 0));

            Assert.Equal(-Errno.ENOTEMPTY, vfs.RemoveDirectory(P("/etc")));
            Assert.Equal(-Errno.ENOTDIR, vfs.RemoveDirectory(P("/etc/motd")));
            Assert.Equal(-Errno.ENOENT, vfs.RemoveDirectory(P("/etc/none")));
            Assert.Equal(-Errno.EINVAL, vfs.RemoveDirectory(P("/etc/sub/.")));
            Assert.Equal(-Errno.EBUSY, vfs.RemoveDirectory(P("/")));
            Assert.Equal(0, vfs.RemoveDirectory(P("/etc/sub")));
            Assert.Equal(-Errno.ENOENT, vfs.Stat(P("/etc/sub"), out _));
        }

        [Fact]
        public void Unlink_semantics()
        {
            var vfs = NewRoot();
            vfs.MakeDirectory(P("/d"), 0x1ED);
            Create(vfs, "/d/f", "data");
            int open = vfs.Open(P("/d/f"), OpenFlags.ReadOnly, 0);
            Assert.Equal(-Errno.EISDIR, vfs.Unlink(P("/d")));
            Assert.Equal(-Errno.ENOENT, vfs.Unlink(P("/d/g")));
            Assert.Equal(-Errno.ENOTDIR, vfs.Unlink(P("/d/f/x")));
            Assert.Equal(-Errno.ENOTDIR, vfs.Unlink(P("/d/f/")));
            Assert.Equal(0, vfs.Unlink(P("/d/f")));
            Assert.Equal(-Errno.ENOENT, vfs.Stat(P("/d/f"), out _));
            // An open descriptor keeps the unlinked file's data, as POSIX says.
            var buffer = new byte[8];
            Assert.Equal(4, vfs.Read(open, buffer));
            Assert.Equal(0, vfs.RemoveDirectory(P("/d")));
        }

        [Fact]
        public void Dot_and_dotdot_resolve_and_never_climb_above_the_root()
        {
            var vfs = NewRoot();
            vfs.MakeDirectory(P("/a"), 0x1ED);
            vfs.MakeDirectory(P("/a/b"), 0x1ED);
            Create(vfs, "/a/b/f", "F");
            Create(vfs, "/top", "T");
            Assert.Equal("F", ReadAll(vfs, "/a/./b/../b//f"));
            Assert.Equal("F", ReadAll(vfs, "a/b/f"));
            Assert.Equal("T", ReadAll(vfs, "/a/b/../../top"));
            Assert.Equal("T", ReadAll(vfs, "/../../../top"));
            Assert.Equal("T", ReadAll(vfs, "/a/b/../../../../../top"));
            Assert.Equal("T", ReadAll(vfs, "../top"));
            Create(vfs, "/../../escape", "E");
            Assert.Equal(0, vfs.Stat(P("/escape"), out VfsStat st));
            Assert.Equal(1, st.Size);
            Assert.Equal(0, vfs.Stat(P("/.."), out st));
            Assert.Equal(VfsNodeType.Directory, st.Type);
            Assert.Equal(3, st.Size); // a, top, escape: /.. is the root
            Assert.Equal(-Errno.ENOTDIR, vfs.Stat(P("/top/.."), out _));
            Assert.Equal(-Errno.ENOENT, vfs.Stat(P("/none/.."), out _));
            Assert.Equal(-Errno.ENOENT, vfs.Stat(P(""), out _));
            Assert.Equal(-Errno.EINVAL, vfs.Stat(P("/a\0b"), out _));
        }

        [Fact]
        public void Overlong_names_and_paths_are_ENAMETOOLONG()
        {
            var vfs = NewRoot();
            string longest = new string('n', Vfs.MaxName);
            Create(vfs, "/" + longest, "x");
            Assert.Equal(0, vfs.Stat(P("/" + longest), out _));
            string over = new string('n', Vfs.MaxName + 1);
            Assert.Equal(-Errno.ENAMETOOLONG, vfs.Open(P("/" + over), OpenFlags.WriteOnly | OpenFlags.Create, 0));
            Assert.Equal(-Errno.ENAMETOOLONG, vfs.MakeDirectory(P("/" + over), 0));
            Assert.Equal(-Errno.ENAMETOOLONG, vfs.Stat(P("/" + over + "/x"), out _));
            var sb = new StringBuilder();
            while (sb.Length <= Vfs.MaxPath) sb.Append("/.");
            Assert.Equal(-Errno.ENAMETOOLONG, vfs.Stat(P(sb.ToString()), out _));
            Assert.Equal(0, vfs.Stat(P(sb.ToString().Substring(0, Vfs.MaxPath - 1)), out _));
        }

        [Fact]
        public void Mount_points_are_crossed_both_ways()
        {
            var vfs = NewRoot();
            vfs.MakeDirectory(P("/mnt"), 0x1ED);
            Create(vfs, "/mnt/hidden", "under");
            Create(vfs, "/top", "T");
            Assert.Equal(0, vfs.Mount(P("/mnt"), new RamFileSystem()));
            Assert.Equal(-Errno.ENOENT, vfs.Stat(P("/mnt/hidden"), out _));
            Create(vfs, "/mnt/inner", "I");
            Assert.Equal("I", ReadAll(vfs, "/mnt/inner"));
            Assert.Equal("T", ReadAll(vfs, "/mnt/../top"));
            Assert.Equal("T", ReadAll(vfs, "/mnt/../../top"));
            Assert.Equal(-Errno.EBUSY, vfs.Mount(P("/mnt"), new RamFileSystem()));
            Assert.Equal(-Errno.EBUSY, vfs.Mount(P("/"), new RamFileSystem()));
            Assert.Equal(-Errno.ENOTDIR, vfs.Mount(P("/top"), new RamFileSystem()));
            Assert.Equal(-Errno.ENOENT, vfs.Mount(P("/nowhere"), new RamFileSystem()));
            Assert.Equal(-Errno.EBUSY, vfs.RemoveDirectory(P("/mnt")));
        }

        [Fact]
        public void Random_writes_match_a_byte_array_model()
        {
            Gen.Select(Gen.Int[0, 300], Gen.Byte.Array[0, 100]).Array[1, 20].Sample(ops =>
            {
                var vfs = NewRoot();
                var model = new byte[0];
                int fd = vfs.Open(P("/m"), OpenFlags.ReadWrite | OpenFlags.Create, 0);
                foreach (var (offset, data) in ops)
                {
                    Assert.Equal(offset, vfs.Seek(fd, offset, SeekOrigin.Set));
                    Assert.Equal(data.Length, vfs.Write(fd, data));
                    if (data.Length > 0 && offset + data.Length > model.Length) Array.Resize(ref model, offset + data.Length);
                    if (data.Length > 0) data.CopyTo(model, offset);
                }
                Assert.Equal(0, vfs.Seek(fd, 0, SeekOrigin.Set));
                var back = new byte[model.Length + 10];
                Assert.Equal(model.Length, vfs.Read(fd, back));
                Assert.Equal(model, back.AsSpan(0, model.Length).ToArray());
            });
        }
    }
}
