using System;

namespace Compose.Libraries.VfsCore
{
    /// <summary>
    /// The POSIX-like file API (Unikraft's vfscore syscalls). Paths are UTF-8 bytes, absolute or relative to the root
    /// (there is no working directory); <c>.</c> and <c>..</c> are resolved component by component and <c>..</c> at
    /// the root stays at the root. Results: non-negative on success, a negated <see cref="Errno"/> value on failure.
    /// Descriptors 0-2 are reserved for the console and are not vfscore's (EBADF); files get 3 and up.
    /// </summary>
    [UkApi(DefaultProvider = "vfscore")]
    public interface IVfs
    {
        /// <summary>Mounts <paramref name="fs"/> on the directory <paramref name="path"/> ("/" first: the root).</summary>
        int Mount(ReadOnlySpan<byte> path, IFileSystem fs);

        /// <summary>open(2): a descriptor (3 and up) or ENOENT, EEXIST, ENOTDIR, EISDIR, EINVAL, EMFILE, ENAMETOOLONG.</summary>
        int Open(ReadOnlySpan<byte> path, int flags, uint mode);

        /// <summary>close(2): 0 or EBADF.</summary>
        int Close(int fd);

        /// <summary>read(2) at the descriptor's offset, which advances: the count (0 at the end), EBADF or EISDIR.</summary>
        int Read(int fd, Span<byte> buffer);

        /// <summary>write(2) at the descriptor's offset (the end with O_APPEND): the count, EBADF, EISDIR or EFBIG.</summary>
        int Write(int fd, ReadOnlySpan<byte> data);

        /// <summary>lseek(2): the new offset, or EBADF, EINVAL (bad origin, negative result).</summary>
        long Seek(int fd, long offset, int origin);

        /// <summary>stat(2).</summary>
        int Stat(ReadOnlySpan<byte> path, out VfsStat stat);

        /// <summary>fstat(2).</summary>
        int StatDescriptor(int fd, out VfsStat stat);

        /// <summary>mkdir(2): 0 or EEXIST, ENOENT, ENOTDIR, ENAMETOOLONG.</summary>
        int MakeDirectory(ReadOnlySpan<byte> path, uint mode);

        /// <summary>rmdir(2): 0 or ENOENT, ENOTDIR, ENOTEMPTY, EBUSY (root, mount point), EINVAL (".").</summary>
        int RemoveDirectory(ReadOnlySpan<byte> path);

        /// <summary>unlink(2): 0 or ENOENT, ENOTDIR, EISDIR.</summary>
        int Unlink(ReadOnlySpan<byte> path);

        /// <summary>
        /// readdir(3) on a directory descriptor: 1 and the next entry's name (copied into <paramref name="name"/>)
        /// and type, 0 at the end, or EBADF, ENOTDIR, EINVAL (buffer too small). "." and ".." are not listed.
        /// </summary>
        int ReadDirectory(int fd, Span<byte> name, out int nameLength, out VfsNodeType type);

        /// <summary>lstat(2): like <see cref="Stat"/>, but a symbolic link in the last component is reported itself.</summary>
        int LinkStat(ReadOnlySpan<byte> path, out VfsStat stat);

        /// <summary>
        /// symlink(2): creates <paramref name="linkPath"/> pointing at <paramref name="target"/> (stored as given, not
        /// checked); 0 or EEXIST, ENOENT, ENOTDIR, EACCES, ENAMETOOLONG, ENOENT for an empty target.
        /// </summary>
        int Symlink(ReadOnlySpan<byte> target, ReadOnlySpan<byte> linkPath);

        /// <summary>readlink(2): the target's length (copied, truncated to the buffer, no NUL), or EINVAL (not a link), ENOENT.</summary>
        int ReadLink(ReadOnlySpan<byte> path, Span<byte> buffer);

        /// <summary>link(2): a new name for an existing file; 0 or EEXIST, ENOENT, EPERM (a directory), EXDEV, EACCES.</summary>
        int Link(ReadOnlySpan<byte> existingPath, ReadOnlySpan<byte> newPath);

        /// <summary>
        /// rename(2): moves a name, replacing a file by a file or an empty directory by a directory; 0 or ENOENT,
        /// EISDIR, ENOTDIR, ENOTEMPTY, EINVAL (a directory into itself), EXDEV, EBUSY (mount points), EACCES.
        /// </summary>
        int Rename(ReadOnlySpan<byte> oldPath, ReadOnlySpan<byte> newPath);

        /// <summary>chmod(2): sets the permission bits (07777); 0 or ENOENT, EPERM (not the owner and not root).</summary>
        int Chmod(ReadOnlySpan<byte> path, uint mode);

        /// <summary>access(2) with the caller's credentials: 0 or EACCES, ENOENT (<see cref="AccessMode"/> bits).</summary>
        int Access(ReadOnlySpan<byte> path, int mode);

        /// <summary>
        /// Sets the credentials later calls run with (one process: the image). User 0 (the default) is root: it passes
        /// read and write checks and needs one execute bit to execute, as on Linux.
        /// </summary>
        void SetCredentials(uint userId, uint groupId);
    }
}
