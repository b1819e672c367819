using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Compose.Libraries.RamFs;
using Compose.Libraries.VfsCore;
using Xunit;

namespace Compose.Pool2.Tests
{
    /// <summary>Symbolic links, hard links, rename and permission checks against the POSIX (Linux) behaviour.</summary>
    public class VfsLinkTests
    {
        private static byte[] P(string s) => Encoding.UTF8.GetBytes(s);

        private static Vfs NewRoot()
        {
            var vfs = new Vfs();
            Assert.Equal(0, vfs.Mount(P("/"), new RamFileSystem()));
            return vfs;
        }

        private static void Write(Vfs vfs, string path, string content, uint mode = 0x1A4)
        {
            int fd = vfs.Open(P(path), OpenFlags.WriteOnly | OpenFlags.Create | OpenFlags.Truncate, mode);
            Assert.True(fd >= Vfs.FirstDescriptor, "open " + path + ": " + Errno.Name(fd));
            Assert.Equal(content.Length, vfs.Write(fd, P(content)));
            Assert.Equal(0, vfs.Close(fd));
        }

        private static string? Read(Vfs vfs, string path)
        {
            int fd = vfs.Open(P(path), OpenFlags.ReadOnly, 0);
            if (fd < 0) return Errno.Name(fd);
            var buffer = new byte[4096];
            int n = vfs.Read(fd, buffer);
            Assert.Equal(0, vfs.Close(fd));
            return n < 0 ? Errno.Name(n) : Encoding.UTF8.GetString(buffer, 0, n);
        }

        private static string Err(int r) => Errno.Name(r);

        private static VfsStat LStat(Vfs vfs, string path)
        {
            Assert.Equal("OK", Err(vfs.LinkStat(P(path), out VfsStat st)));
            return st;
        }

        [Fact]
        public void Symlinks_resolve_relative_absolute_and_in_the_middle_of_a_path()
        {
            var vfs = NewRoot();
            Assert.Equal(0, vfs.MakeDirectory(P("/a"), 0x1ED));
            Assert.Equal(0, vfs.MakeDirectory(P("/a/b"), 0x1ED));
            Write(vfs, "/a/b/f", "data");
            Assert.Equal(0, vfs.Symlink(P("b/f"), P("/a/rel")));        // relative to /a
            Assert.Equal(0, vfs.Symlink(P("/a/b"), P("/abs")));         // absolute, to a directory
            Assert.Equal(0, vfs.Symlink(P("../../a/./b"), P("/a/b/up")));  // climbs and comes back
            Assert.Equal("data", Read(vfs, "/a/rel"));
            Assert.Equal("data", Read(vfs, "/abs/f"));
            Assert.Equal("data", Read(vfs, "/a/b/up/up/up/f"));
            // ".." after a link to a directory is taken from the target (/a/b/..), as Linux does.
            Assert.Equal(0, vfs.Stat(P("/abs/.."), out VfsStat st));
            Assert.Equal(LStat(vfs, "/a").Inode, st.Inode);
            // stat follows, lstat does not; the link's size is its target's length.
            Assert.Equal(0, vfs.Stat(P("/abs"), out st));
            Assert.Equal(VfsNodeType.Directory, st.Type);
            Assert.Equal(VfsNodeType.Symlink, LStat(vfs, "/abs").Type);
            Assert.Equal(4, LStat(vfs, "/abs").Size);
            var buffer = new byte[16];
            Assert.Equal(3, vfs.ReadLink(P("/a/rel"), buffer));
            Assert.Equal("b/f", Encoding.UTF8.GetString(buffer, 0, 3));
            Assert.Equal(2, vfs.ReadLink(P("/a/rel"), buffer.AsSpan(0, 2))); // truncated, as readlink(2)
            Assert.Equal("EINVAL", Err(vfs.ReadLink(P("/a/b/f"), buffer)));
            Assert.Equal("ENOENT", Err(vfs.ReadLink(P("/nothing"), buffer)));
            // A directory listing names the link as a link.
            int fd = vfs.Open(P("/"), OpenFlags.ReadOnly | OpenFlags.Directory, 0);
            var types = new List<VfsNodeType>();
            var name = new byte[256];
            while (vfs.ReadDirectory(fd, name, out _, out VfsNodeType type) == 1) types.Add(type);
            Assert.Equal(new[] { VfsNodeType.Directory, VfsNodeType.Symlink }, types);
        }

        [Fact]
        public void Dangling_looping_and_nofollow_links_give_the_posix_errors()
        {
            var vfs = NewRoot();
            Assert.Equal(0, vfs.Symlink(P("/missing"), P("/dangling")));
            Assert.Equal("ENOENT", Read(vfs, "/dangling"));
            Assert.Equal("ENOENT", Err(vfs.Stat(P("/dangling"), out _)));
            // O_CREAT through a dangling link creates its target; O_CREAT|O_EXCL refuses the link itself.
            Assert.Equal("EEXIST", Err(vfs.Open(P("/dangling"), OpenFlags.WriteOnly | OpenFlags.Create | OpenFlags.Exclusive, 0x1A4)));
            Write(vfs, "/dangling", "made");
            Assert.Equal("made", Read(vfs, "/missing"));
            Assert.Equal("ELOOP", Err(vfs.Open(P("/dangling"), OpenFlags.ReadOnly | OpenFlags.NoFollow, 0)));
            Assert.Equal(0, vfs.Symlink(P("/loop2"), P("/loop1")));
            Assert.Equal(0, vfs.Symlink(P("/loop1"), P("/loop2")));
            Assert.Equal("ELOOP", Read(vfs, "/loop1"));
            Assert.Equal("ELOOP", Err(vfs.Stat(P("/loop2/x"), out _)));
            // 40 links in a chain resolve, 41 do not (Linux's MAXSYMLINKS).
            Write(vfs, "/end", "end");
            Assert.Equal(0, vfs.Symlink(P("/end"), P("/c0")));
            for (int i = 1; i <= Vfs.MaxSymlinks; i++) Assert.Equal(0, vfs.Symlink(P("/c" + (i - 1)), P("/c" + i)));
            Assert.Equal("end", Read(vfs, "/c" + (Vfs.MaxSymlinks - 1)));
            Assert.Equal("ELOOP", Read(vfs, "/c" + Vfs.MaxSymlinks));
            // Creating over an existing name, an empty target, a link below a file.
            Assert.Equal("EEXIST", Err(vfs.Symlink(P("/x"), P("/end"))));
            Assert.Equal("ENOENT", Err(vfs.Symlink(P(""), P("/empty"))));
            Assert.Equal("ENOTDIR", Err(vfs.Symlink(P("/x"), P("/end/below"))));
            // unlink removes the link, not its target; rmdir refuses it.
            Assert.Equal(0, vfs.Unlink(P("/c0")));
            Assert.Equal("end", Read(vfs, "/end"));
            Assert.Equal("ENOENT", Read(vfs, "/c1"));
            Assert.Equal("ENOTDIR", Err(vfs.RemoveDirectory(P("/c1"))));
        }

        [Fact]
        public void A_link_cannot_lead_outside_the_root_and_crosses_mount_points()
        {
            var vfs = NewRoot();
            Write(vfs, "/top", "top");
            Assert.Equal(0, vfs.MakeDirectory(P("/mnt"), 0x1ED));
            Assert.Equal(0, vfs.Mount(P("/mnt"), new RamFileSystem()));
            Write(vfs, "/mnt/inner", "inner");
            Assert.Equal(0, vfs.Symlink(P("../../../../../top"), P("/mnt/escape")));
            Assert.Equal("top", Read(vfs, "/mnt/escape"));
            Assert.Equal(0, vfs.Symlink(P("mnt/inner"), P("/in")));
            Assert.Equal("inner", Read(vfs, "/in"));
        }

        [Fact]
        public void Hard_links_share_data_and_count_names()
        {
            var vfs = NewRoot();
            Write(vfs, "/f", "one");
            Assert.Equal(1, LStat(vfs, "/f").LinkCount);
            Assert.Equal(0, vfs.MakeDirectory(P("/d"), 0x1ED));
            Assert.Equal(0, vfs.Link(P("/f"), P("/d/g")));
            Assert.Equal(2, LStat(vfs, "/f").LinkCount);
            Assert.Equal(LStat(vfs, "/f").Inode, LStat(vfs, "/d/g").Inode);
            Write(vfs, "/d/g", "two");
            Assert.Equal("two", Read(vfs, "/f"));
            Assert.Equal(0, vfs.Unlink(P("/f")));
            Assert.Equal(1, LStat(vfs, "/d/g").LinkCount);
            Assert.Equal("two", Read(vfs, "/d/g"));
            Assert.Equal("EPERM", Err(vfs.Link(P("/d"), P("/d2"))));
            Assert.Equal("EEXIST", Err(vfs.Link(P("/d/g"), P("/d"))));
            Assert.Equal("ENOENT", Err(vfs.Link(P("/nothing"), P("/x"))));
            Assert.Equal("ENOENT", Err(vfs.Link(P("/d/g"), P("/no/x"))));
            // Directories: 2 plus one per subdirectory (each child's "..").
            Assert.Equal(3, LStat(vfs, "/").LinkCount);
            Assert.Equal(2, LStat(vfs, "/d").LinkCount);
            Assert.Equal(0, vfs.MakeDirectory(P("/mnt"), 0x1ED));
            Assert.Equal(0, vfs.Mount(P("/mnt"), new RamFileSystem()));
            Assert.Equal("EXDEV", Err(vfs.Link(P("/d/g"), P("/mnt/g"))));
        }

        [Fact]
        public void Rename_moves_replaces_and_refuses_as_posix_says()
        {
            var vfs = NewRoot();
            Write(vfs, "/a", "A");
            Write(vfs, "/b", "B");
            int keep = vfs.Open(P("/b"), OpenFlags.ReadOnly, 0);
            Assert.Equal(0, vfs.Rename(P("/a"), P("/b")));              // replaces b
            Assert.Equal("ENOENT", Read(vfs, "/a"));
            Assert.Equal("A", Read(vfs, "/b"));
            var buffer = new byte[8];
            Assert.Equal(1, vfs.Read(keep, buffer));                      // the open descriptor keeps the old file
            Assert.Equal((byte)'B', buffer[0]);
            Assert.Equal(0, vfs.Rename(P("/b"), P("/b")));              // same name: nothing happens
            Assert.Equal(0, vfs.Link(P("/b"), P("/b2")));
            Assert.Equal(0, vfs.Rename(P("/b"), P("/b2")));             // same file: nothing happens, both names stay
            Assert.Equal("A", Read(vfs, "/b"));

            Assert.Equal(0, vfs.MakeDirectory(P("/d"), 0x1ED));
            Assert.Equal(0, vfs.MakeDirectory(P("/d/sub"), 0x1ED));
            Write(vfs, "/d/sub/f", "F");
            Assert.Equal(0, vfs.MakeDirectory(P("/empty"), 0x1ED));
            Assert.Equal(0, vfs.MakeDirectory(P("/full"), 0x1ED));
            Write(vfs, "/full/x", "X");
            Assert.Equal("EINVAL", Err(vfs.Rename(P("/d"), P("/d/sub/d"))));
            Assert.Equal("ENOTEMPTY", Err(vfs.Rename(P("/d"), P("/full"))));
            Assert.Equal("ENOTDIR", Err(vfs.Rename(P("/d"), P("/b"))));
            Assert.Equal("EISDIR", Err(vfs.Rename(P("/b"), P("/d"))));
            Assert.Equal("ENOENT", Err(vfs.Rename(P("/none"), P("/x"))));
            Assert.Equal("ENOENT", Err(vfs.Rename(P("/b"), P("/none/x"))));
            Assert.Equal(0, vfs.Rename(P("/d"), P("/empty")));          // a directory over an empty one
            Assert.Equal("F", Read(vfs, "/empty/sub/f"));
            Assert.Equal(0, vfs.Rename(P("/empty/sub"), P("/full/sub")));
            Assert.Equal("F", Read(vfs, "/full/sub/f"));
            Assert.Equal(2, LStat(vfs, "/empty").LinkCount);
            Assert.Equal(3, LStat(vfs, "/full").LinkCount);

            // Symbolic links are renamed themselves.
            Assert.Equal(0, vfs.Symlink(P("/full"), P("/lnk")));
            Assert.Equal(0, vfs.Rename(P("/lnk"), P("/lnk2")));
            Assert.Equal(VfsNodeType.Symlink, LStat(vfs, "/lnk2").Type);
            Assert.Equal("X", Read(vfs, "/lnk2/x"));

            // Mount points and mounted roots are busy; names do not move between file systems.
            Assert.Equal(0, vfs.MakeDirectory(P("/mnt"), 0x1ED));
            Assert.Equal(0, vfs.Mount(P("/mnt"), new RamFileSystem()));
            Assert.Equal("EXDEV", Err(vfs.Rename(P("/b"), P("/mnt/b"))));
            Assert.Equal("EBUSY", Err(vfs.Rename(P("/mnt"), P("/mnt2"))));
            Assert.Equal("EBUSY", Err(vfs.Rename(P("/"), P("/x"))));
            Write(vfs, "/mnt/in", "in");
            Assert.Equal(0, vfs.Rename(P("/mnt/in"), P("/mnt/in2")));
            Assert.Equal("in", Read(vfs, "/mnt/in2"));
        }

        [Fact]
        public void Permissions_follow_owner_group_other_and_root_passes()
        {
            var vfs = NewRoot();
            Write(vfs, "/secret", "s", 0x180);                        // 0600, root's
            Write(vfs, "/public", "p", 0x1A4);                        // 0644
            Assert.Equal(0, vfs.MakeDirectory(P("/closed"), 0x1C0));  // 0700
            Write(vfs, "/closed/f", "c");
            Assert.Equal(0, vfs.MakeDirectory(P("/tmp"), 0x1FF));     // 0777
            Assert.Equal("s", Read(vfs, "/secret"));                   // root reads anything
            Assert.Equal("EACCES", Err(vfs.Access(P("/secret"), AccessMode.Execute))); // but executes only with an x bit

            vfs.SetCredentials(1000, 1000);
            Assert.Equal("EACCES", Read(vfs, "/secret"));
            Assert.Equal("p", Read(vfs, "/public"));
            Assert.Equal("EACCES", Err(vfs.Open(P("/public"), OpenFlags.WriteOnly, 0)));
            Assert.Equal("EACCES", Err(vfs.Open(P("/new"), OpenFlags.WriteOnly | OpenFlags.Create, 0x1A4)));
            Assert.Equal("EACCES", Read(vfs, "/closed/f"));            // no search permission on /closed
            Assert.Equal("EACCES", Err(vfs.Unlink(P("/public"))));
            Assert.Equal("EACCES", Err(vfs.MakeDirectory(P("/mine"), 0x1ED)));
            Assert.Equal("EACCES", Err(vfs.Rename(P("/public"), P("/tmp/public"))));
            Assert.Equal("EPERM", Err(vfs.Chmod(P("/public"), 0x1FF)));
            Assert.Equal(0, vfs.Access(P("/public"), AccessMode.Read));
            Assert.Equal("EACCES", Err(vfs.Access(P("/public"), AccessMode.Read | AccessMode.Write)));
            Write(vfs, "/tmp/mine", "m", 0x180);
            Assert.Equal(1000u, LStat(vfs, "/tmp/mine").UserId);
            Assert.Equal(0, vfs.Chmod(P("/tmp/mine"), 0x100));       // 0400: the owner may read only
            Assert.Equal("EACCES", Err(vfs.Open(P("/tmp/mine"), OpenFlags.ReadWrite, 0)));
            Assert.Equal("m", Read(vfs, "/tmp/mine"));
            vfs.SetCredentials(1001, 1000);                             // same group, other user
            Assert.Equal("EACCES", Read(vfs, "/tmp/mine"));
            Assert.Equal(0, vfs.Unlink(P("/tmp/mine")));                // /tmp is 0777 (no sticky bit support)
            vfs.SetCredentials(0, 0);
            Assert.Equal(0, vfs.Chmod(P("/closed"), 0x1ED));
            vfs.SetCredentials(1000, 1000);
            Assert.Equal("c", Read(vfs, "/closed/f"));
        }

        /// <summary>Random link/rename/unlink/write sequences over one directory agree with a name-to-file model.</summary>
        [Fact]
        public void Random_link_rename_unlink_sequences_match_a_model()
        {
            var names = new[] { "a", "b", "c", "d", "e" };
            var op = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 4], Gen.Int[0, 4]);
            op.Array[1, 60].Sample(ops =>
            {
                var vfs = NewRoot();
                var model = new Dictionary<string, int>();   // name -> file id
                var content = new Dictionary<int, string>();
                int next = 0;
                foreach (var (kind, x, y) in ops)
                {
                    string a = names[x], b = names[y];
                    switch (kind)
                    {
                        case 0: // write (create or overwrite) a
                            string text = "v" + next;
                            Write(vfs, "/" + a, text);
                            if (!model.TryGetValue(a, out int id)) model[a] = id = next;
                            content[id] = text;
                            next++;
                            break;
                        case 1: // link a b
                            int r = vfs.Link(P("/" + a), P("/" + b));
                            int expected = !model.ContainsKey(a) ? -Errno.ENOENT : model.ContainsKey(b) ? -Errno.EEXIST : 0;
                            Assert.Equal(Err(expected), Err(r));
                            if (r == 0) model[b] = model[a];
                            break;
                        case 2: // rename a b
                            r = vfs.Rename(P("/" + a), P("/" + b));
                            Assert.Equal(Err(model.ContainsKey(a) ? 0 : -Errno.ENOENT), Err(r));
                            if (r == 0 && !(model.TryGetValue(b, out int tb) && tb == model[a]))
                            {
                                model[b] = model[a];
                                model.Remove(a);
                            }
                            break;
                        default: // unlink a
                            r = vfs.Unlink(P("/" + a));
                            Assert.Equal(Err(model.Remove(a) ? 0 : -Errno.ENOENT), Err(r));
                            break;
                    }
                    foreach (string n in names)
                    {
                        if (model.TryGetValue(n, out int id))
                        {
                            Assert.Equal(content[id], Read(vfs, "/" + n));
                            Assert.Equal(model.Values.Count(v => v == id), LStat(vfs, "/" + n).LinkCount);
                        }
                        else Assert.Equal("ENOENT", Read(vfs, "/" + n));
                    }
                }
            }, iter: 300);
        }
    }
}
