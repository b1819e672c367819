using System;
using Compose;
using Compose.Libraries.RamFs;
using Compose.Libraries.UkCpio;
using Compose.Libraries.UkDebug;
using Compose.Libraries.VfsCore;

[assembly: UkApplication("files")]
[assembly: Requires(typeof(IVfs))]
[assembly: Requires(typeof(RamFileSystem))]
[assembly: Requires(typeof(Cpio))]
[assembly: Requires(typeof(UkDebugLibrary))]

namespace Files
{
    /// <summary>
    /// Reads files the initrd brought, writes a new one, lists the tree and prints a checksum over every file's path
    /// and contents: the same output on hosted, linuxu and kvm (the initrd as QEMU's boot module there).
    /// </summary>
    public static class App
    {
        private static readonly byte[] Buffer = new byte[4096];
        private static uint _checksum = 2166136261; // FNV-1a 32 offset basis
        private static readonly TracePoint Reads = UkDebugLibrary.RegisterTracePoint("files", "reads");

        /// <summary>Exit status: 0, or 1 when a step fails (the failing call and errno are printed).</summary>
        [UkMain]
        public static int Main(string[] args)
        {
            IVfs? vfs = UkApi<IVfs>.Instance;
            if (vfs is null) { Console.WriteLine("files: no vfscore bound"); return 1; }
            Console.WriteLine("initrd: " + Cpio.LastUnpacked + " entries unpacked, " + Cpio.LastSkipped + " skipped");

            string? motd = ReadText(vfs, "/etc/motd");
            if (motd is null) return 1;
            Console.Write("/etc/motd: " + motd);

            string? numbers = ReadText(vfs, "/data/numbers.txt");
            if (numbers is null) return 1;
            long sum = 0, value = 0, lines = 0;
            for (int i = 0; i < numbers.Length; i++)
            {
                char c = numbers[i];
                if (c >= '0' && c <= '9') value = value * 10 + (c - '0');
                else if (c == '\n') { sum += value; value = 0; lines++; }
            }
            Console.WriteLine("/data/numbers.txt: " + lines + " lines, sum " + sum);

            int r = vfs.MakeDirectory(Vfs.Path("/tmp"), 0x1ED);
            if (r < 0) return Fail("mkdir /tmp", r);
            string report = "lines=" + lines + " sum=" + sum + "\n";
            int fd = vfs.Open(Vfs.Path("/tmp/report.txt"), OpenFlags.WriteOnly | OpenFlags.Create | OpenFlags.Exclusive, 0x1A4);
            if (fd < 0) return Fail("open /tmp/report.txt", fd);
            byte[] bytes = Vfs.Path(report);
            r = vfs.Write(fd, bytes);
            if (r != bytes.Length) return Fail("write /tmp/report.txt", r);
            vfs.Close(fd);
            Console.Write("/tmp/report.txt: " + ReadText(vfs, "/tmp/report.txt"));
            Console.WriteLine("open /missing: " + Errno.Name(vfs.Open(Vfs.Path("/missing"), OpenFlags.ReadOnly, 0)));
            Console.WriteLine("mkdir /etc: " + Errno.Name(vfs.MakeDirectory(Vfs.Path("/etc"), 0x1ED)));

            Console.WriteLine("tree:");
            if (!List(vfs, "")) return 1;
            Console.WriteLine("checksum " + _checksum.ToString("X8"));
            return 0;
        }

        private static int Fail(string what, int error)
        {
            Console.WriteLine("files: " + what + " failed: " + Errno.Name(error));
            return 1;
        }

        /// <summary>The file's bytes as a string (ASCII), or null after printing the error.</summary>
        private static string? ReadText(IVfs vfs, string path)
        {
            int fd = vfs.Open(Vfs.Path(path), OpenFlags.ReadOnly, 0);
            if (fd < 0) { Fail("open " + path, fd); return null; }
            string text = "";
            int n;
            while ((n = vfs.Read(fd, Buffer)) > 0)
            {
                Reads.Hit();
                for (int i = 0; i < n; i++) text += (char)Buffer[i];
            }
            vfs.Close(fd);
            if (n < 0) { Fail("read " + path, n); return null; }
            return text;
        }

        /// <summary>Prints the tree under <paramref name="directory"/> depth first; regular files feed the checksum.</summary>
        private static bool List(IVfs vfs, string directory)
        {
            int fd = vfs.Open(Vfs.Path(directory.Length == 0 ? "/" : directory), OpenFlags.ReadOnly | OpenFlags.Directory, 0);
            if (fd < 0) { Fail("open " + directory + "/", fd); return false; }
            var name = new byte[Vfs.MaxName];
            int r;
            while ((r = vfs.ReadDirectory(fd, name, out int length, out VfsNodeType type)) > 0)
            {
                string path = directory + "/";
                for (int i = 0; i < length; i++) path += (char)name[i];
                if (type == VfsNodeType.Directory)
                {
                    Console.WriteLine("  " + path + "/");
                    if (!List(vfs, path)) return false;
                    continue;
                }
                vfs.Stat(Vfs.Path(path), out VfsStat st);
                Console.WriteLine("  " + path + " " + st.Size);
                Mix(Vfs.Path(path));
                Mix(new byte[1]);
                int file = vfs.Open(Vfs.Path(path), OpenFlags.ReadOnly, 0);
                int n;
                while ((n = vfs.Read(file, Buffer)) > 0)
                {
                    Reads.Hit();
                    Mix(Buffer.AsSpan(0, n));
                }
                vfs.Close(file);
            }
            vfs.Close(fd);
            if (r < 0) { Fail("readdir " + directory + "/", r); return false; }
            return true;
        }

        private static void Mix(ReadOnlySpan<byte> data)
        {
            for (int i = 0; i < data.Length; i++) _checksum = (_checksum ^ data[i]) * 16777619;
        }
    }
}
