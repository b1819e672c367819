using System;
using Compose.Libraries.VfsCore;

namespace Compose.Libraries.UkCpio
{
    /// <summary>Unpacking a newc archive into a file system through vfscore.</summary>
    public static class CpioUnpack
    {
        /// <summary>
        /// Creates the archive's directories, regular files and symbolic links under "/" of <paramref name="vfs"/> (names
        /// confined to the root by <see cref="CpioPath"/>; devices, fifos and sockets are skipped and counted; hard links
        /// become separate copies, with the data cpio stores in the last of them).
        /// Returns the number of files and directories created, or -1 with <paramref name="error"/> naming the entry
        /// and the cause: a malformed or truncated archive, a name escaping the root, or a VFS error (entries before it
        /// stay unpacked).
        /// </summary>
        public static int Unpack(ReadOnlySpan<byte> archive, IVfs vfs, out int skipped, out string error)
        {
            skipped = 0;
            error = "";
            var reader = new CpioReader(archive);
            var path = new byte[Vfs.MaxPath + 1];
            path[0] = (byte)'/';
            int created = 0;
            while (reader.TryNext(out CpioEntry entry))
            {
                CpioPathError pe = CpioPath.Normalize(entry.Name, path.AsSpan(1), out int length);
                if (pe != CpioPathError.None)
                {
                    error = Where(entry) + (pe == CpioPathError.EscapesRoot ? "name climbs above the root" : "name too long");
                    return -1;
                }
                if (length == 0) continue; // "." : the root itself
                ReadOnlySpan<byte> target = path.AsSpan(0, length + 1);
                int r;
                if (entry.IsDirectory)
                {
                    r = vfs.MakeDirectory(target, entry.Permissions);
                    if (r == -Errno.EEXIST && vfs.Stat(target, out VfsStat st) == 0 && st.Type == VfsNodeType.Directory) r = 0;
                }
                else if (entry.IsRegularFile)
                {
                    r = WriteFile(vfs, target, entry.Data, entry.Permissions);
                }
                else if (entry.IsSymlink)
                {
                    // The target is stored as archived; resolving it later stays inside the VFS (".." stops at "/").
                    r = vfs.Symlink(entry.Data, target);
                    if (r == -Errno.EEXIST && vfs.Unlink(target) == 0) r = vfs.Symlink(entry.Data, target);
                }
                else
                {
                    skipped++;
                    continue;
                }
                if (r < 0)
                {
                    error = Where(entry) + Errno.Name(r);
                    return -1;
                }
                created++;
            }
            if (reader.Error != CpioError.None)
            {
                error = reader.ErrorMessage;
                return -1;
            }
            return created;
        }

        private static int WriteFile(IVfs vfs, ReadOnlySpan<byte> path, ReadOnlySpan<byte> data, uint permissions)
        {
            int fd = vfs.Open(path, OpenFlags.WriteOnly | OpenFlags.Create | OpenFlags.Truncate, permissions);
            if (fd < 0) return fd;
            int r = 0;
            while (data.Length > 0)
            {
                int n = vfs.Write(fd, data);
                if (n <= 0) { r = n < 0 ? n : -Errno.EINVAL; break; }
                data = data.Slice(n);
            }
            vfs.Close(fd);
            return r;
        }

        private static string Where(CpioEntry entry)
        {
            string name = "";
            var n = entry.Name;
            for (int i = 0; i < n.Length && i < 80; i++) name += (char)n[i];
            return "ukcpio: entry '" + name + "' at offset " + entry.HeaderOffset + ": ";
        }
    }
}
