using System;
#if UK_PLATFORM_LINUXU
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#endif

namespace Compose.Libraries.UkCpio
{
    /// <summary>
    /// Loads the initrd archive named by a path: on hosted through System.IO, on linuxu with open/lseek/pread/close
    /// through linuxu's syscall gate (boot.S <c>uk_linuxu_syscall</c>). Other platforms have no files to read.
    /// </summary>
    internal static unsafe class InitrdFile
    {
        /// <summary>Largest initrd read from a file (the ramfs copy needs as much again).</summary>
        public const long MaxSize = 64L * 1024 * 1024;

        public static bool TryRead(string path, out byte[] data, out string error)
        {
            data = Array.Empty<byte>();
            error = "";
#if !UK_IMAGE
            try
            {
                var info = new System.IO.FileInfo(path);
                if (info.Exists && info.Length > MaxSize) { error = "ukcpio: initrd '" + path + "' is over 64 MiB"; return false; }
                data = System.IO.File.ReadAllBytes(path);
                return true;
            }
            catch (Exception e)
            {
                error = "ukcpio: cannot read initrd '" + path + "': " + e.Message;
                return false;
            }
#elif UK_PLATFORM_LINUXU
            var name = new byte[path.Length * 3 + 1];
            int at = 0;
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                if (c >= 0x80 || c == 0) { error = "ukcpio: initrd path '" + path + "' must be ASCII"; return false; }
                name[at++] = (byte)c;
            }
            long fd;
            // Safe: the array is never moved (images have no moving GC) and is NUL-terminated above.
            fixed (byte* p = name) fd = Syscall(SYS_open, (long)p, 0 /* O_RDONLY */, 0, 0, 0, 0);
            if (fd < 0) { error = "ukcpio: cannot open initrd '" + path + "': errno " + (-fd); return false; }
            long size = Syscall(SYS_lseek, fd, 0, 2 /* SEEK_END */, 0, 0, 0);
            if (size < 0 || size > MaxSize)
            {
                Syscall(SYS_close, fd, 0, 0, 0, 0, 0);
                error = "ukcpio: initrd '" + path + "' " + (size < 0 ? "cannot be sized: errno " + (-size) : "is over 64 MiB");
                return false;
            }
            var buffer = new byte[size];
            long done = 0;
            while (done < size)
            {
                long n;
                // Safe: done < size = buffer.Length, so the kernel writes inside the array.
                fixed (byte* p = buffer) n = Syscall(SYS_pread64, fd, (long)(p + done), size - done, done, 0, 0);
                if (n == -4 /* EINTR */) continue;
                if (n <= 0)
                {
                    Syscall(SYS_close, fd, 0, 0, 0, 0, 0);
                    error = "ukcpio: reading initrd '" + path + "' failed at byte " + done + (n < 0 ? ": errno " + (-n) : ": file shrank");
                    return false;
                }
                done += n;
            }
            Syscall(SYS_close, fd, 0, 0, 0, 0, 0);
            data = buffer;
            return true;
#else
            error = "ukcpio: no initrd file support on this platform (path '" + path + "')";
            return false;
#endif
        }

#if UK_PLATFORM_LINUXU
        private const long SYS_close = 3, SYS_open = 2, SYS_lseek = 8, SYS_pread64 = 17;

        [DllImport("uknative", EntryPoint = "uk_linuxu_syscall"), SuppressGCTransition]
        private static extern long Syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);
#endif
    }
}
