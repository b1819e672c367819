namespace Compose.Libraries.VfsCore
{
    /// <summary>
    /// POSIX error numbers (Linux x86-64 values). vfscore calls return them negated (<c>-Errno.ENOENT</c>), as
    /// Unikraft's internal VFS calls do; a non-negative result is success.
    /// </summary>
    public static class Errno
    {
        /// <summary>Operation not permitted.</summary>
        public const int EPERM = 1;
        /// <summary>No such file or directory.</summary>
        public const int ENOENT = 2;
        /// <summary>Bad file descriptor (not open, out of range, or not open for this access).</summary>
        public const int EBADF = 9;
        /// <summary>Out of memory.</summary>
        public const int ENOMEM = 12;
        /// <summary>Permission denied (mode bits refuse the caller's credentials).</summary>
        public const int EACCES = 13;
        /// <summary>Mount point busy (already a mount point, or the root of a mount).</summary>
        public const int EBUSY = 16;
        /// <summary>File exists.</summary>
        public const int EEXIST = 17;
        /// <summary>Cross-device link: a hard link or rename between two mounted file systems.</summary>
        public const int EXDEV = 18;
        /// <summary>A path prefix component is not a directory.</summary>
        public const int ENOTDIR = 20;
        /// <summary>Is a directory.</summary>
        public const int EISDIR = 21;
        /// <summary>Invalid argument.</summary>
        public const int EINVAL = 22;
        /// <summary>Too many open files.</summary>
        public const int EMFILE = 24;
        /// <summary>File too large.</summary>
        public const int EFBIG = 27;
        /// <summary>File name (component over 255 bytes) or path (over 4096 bytes) too long.</summary>
        public const int ENAMETOOLONG = 36;
        /// <summary>Directory not empty.</summary>
        public const int ENOTEMPTY = 39;
        /// <summary>Too many symbolic links met while resolving a path (more than 40), or O_NOFOLLOW on a link.</summary>
        public const int ELOOP = 40;

        /// <summary>The symbolic name of an error number (positive or negated), e.g. "ENOENT".</summary>
        public static string Name(int error)
        {
            if (error < 0) error = -error;
            switch (error)
            {
                case 0: return "OK";
                case EPERM: return "EPERM";
                case ENOENT: return "ENOENT";
                case EBADF: return "EBADF";
                case ENOMEM: return "ENOMEM";
                case EACCES: return "EACCES";
                case EXDEV: return "EXDEV";
                case ELOOP: return "ELOOP";
                case EBUSY: return "EBUSY";
                case EEXIST: return "EEXIST";
                case ENOTDIR: return "ENOTDIR";
                case EISDIR: return "EISDIR";
                case EINVAL: return "EINVAL";
                case EMFILE: return "EMFILE";
                case EFBIG: return "EFBIG";
                case ENAMETOOLONG: return "ENAMETOOLONG";
                case ENOTEMPTY: return "ENOTEMPTY";
                default: return "E?";
            }
        }
    }

    /// <summary>open(2) flags (Linux values).</summary>
    public static class OpenFlags
    {
        /// <summary>Read only.</summary>
        public const int ReadOnly = 0;
        /// <summary>Write only.</summary>
        public const int WriteOnly = 1;
        /// <summary>Read and write.</summary>
        public const int ReadWrite = 2;
        /// <summary>Mask of the access mode.</summary>
        public const int AccessMask = 3;
        /// <summary>O_CREAT: create the file if it does not exist.</summary>
        public const int Create = 0x40;
        /// <summary>O_EXCL: with Create, fail with EEXIST if it exists.</summary>
        public const int Exclusive = 0x80;
        /// <summary>O_TRUNC: truncate a regular file opened for writing.</summary>
        public const int Truncate = 0x200;
        /// <summary>O_APPEND: every write goes to the end.</summary>
        public const int Append = 0x400;
        /// <summary>O_DIRECTORY: fail with ENOTDIR unless the path is a directory.</summary>
        public const int Directory = 0x10000;
        /// <summary>O_NOFOLLOW: fail with ELOOP if the last component is a symbolic link.</summary>
        public const int NoFollow = 0x20000;
    }

    /// <summary>access(2) modes.</summary>
    public static class AccessMode
    {
        /// <summary>F_OK: the path exists.</summary>
        public const int Exists = 0;
        /// <summary>X_OK: execute (files) or search (directories).</summary>
        public const int Execute = 1;
        /// <summary>W_OK: write.</summary>
        public const int Write = 2;
        /// <summary>R_OK: read.</summary>
        public const int Read = 4;
    }

    /// <summary>lseek(2) origins.</summary>
    public static class SeekOrigin
    {
        /// <summary>From the start of the file.</summary>
        public const int Set = 0;
        /// <summary>From the current offset.</summary>
        public const int Current = 1;
        /// <summary>From the end of the file.</summary>
        public const int End = 2;
    }
}
