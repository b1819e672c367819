using System;

namespace Compose.Libraries.VfsCore
{
    /// <summary>
    /// Unikraft's vfscore: the descriptor table, the mount table and path resolution over <see cref="VfsNode"/>s.
    /// A root file system must be mounted on "/" (ramfs does it in a Rootfs init function) before paths resolve.
    /// </summary>
    [UkLibrary("vfscore", Description = "file descriptors, paths and mount points", License = "BSD-3-Clause")]
    [Provides(typeof(IVfs))]
    public sealed partial class Vfs : IVfs
    {
        /// <summary>Longest path accepted, in bytes (PATH_MAX without the NUL).</summary>
        public const int MaxPath = 4095;

        /// <summary>Longest path component, in bytes (NAME_MAX).</summary>
        public const int MaxName = 255;

        /// <summary>First descriptor vfscore hands out (0-2 are the console's).</summary>
        public const int FirstDescriptor = 3;

        /// <summary>Size of the descriptor table when none is given.</summary>
        public const int DefaultDescriptors = 64;

        private sealed class OpenFile
        {
            public VfsNode Node = null!;
            public long Offset;
            public int Flags;
        }

        private readonly OpenFile?[] _files;
        private VfsNode?[] _mountPoints = new VfsNode?[4];
        private VfsNode?[] _mountRoots = new VfsNode?[4];
        private int _mounts;
        private VfsNode? _root;

        /// <summary>A VFS with <see cref="DefaultDescriptors"/> descriptors and nothing mounted.</summary>
        public Vfs() : this(DefaultDescriptors) { }

        /// <summary>A VFS with <paramref name="descriptors"/> descriptors (3 are reserved) and nothing mounted.</summary>
        public Vfs(int descriptors)
        {
            _files = new OpenFile?[descriptors < FirstDescriptor + 1 ? FirstDescriptor + 1 : descriptors];
        }

        /// <summary>Number of descriptors in the table (the highest usable is one less).</summary>
        public int DescriptorCount => _files.Length;

        /// <inheritdoc/>
        public int Mount(ReadOnlySpan<byte> path, IFileSystem fs)
        {
            if (fs is null) return -Errno.EINVAL;
            if (_root is null)
            {
                if (!IsRootPath(path)) return -Errno.ENOENT;
                _root = fs.Root;
                return 0;
            }
            int r = Resolve(path, true, out _, out _, out VfsNode? node, out _);
            if (r < 0) return r;
            if (node is null) return -Errno.ENOENT;
            if (node.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
            if (node == _root) return -Errno.EBUSY;
            for (int i = 0; i < _mounts; i++)
                if (_mountRoots[i] == node) return -Errno.EBUSY;
            if (_mounts == _mountPoints.Length)
            {
                _mountPoints = Grown(_mountPoints, _mounts * 2);
                _mountRoots = Grown(_mountRoots, _mounts * 2);
            }
            _mountPoints[_mounts] = node;
            _mountRoots[_mounts] = fs.Root;
            _mounts++;
            return 0;
        }

        /// <inheritdoc/>
        public int Open(ReadOnlySpan<byte> path, int flags, uint mode)
        {
            int access = flags & OpenFlags.AccessMask;
            if (access == 3) return -Errno.EINVAL;
            bool exclusive = (flags & (OpenFlags.Create | OpenFlags.Exclusive)) == (OpenFlags.Create | OpenFlags.Exclusive);
            bool follow = (flags & OpenFlags.NoFollow) == 0 && !exclusive;
            int r = Resolve(path, follow, out VfsNode? parent, out ReadOnlySpan<byte> name, out VfsNode? node, out bool trailingSlash);
            if (r < 0) return r;
            if (node is null)
            {
                if ((flags & OpenFlags.Create) == 0 || parent is null) return -Errno.ENOENT;
                if (trailingSlash || (flags & OpenFlags.Directory) != 0) return -Errno.EISDIR;
                if (!MayChange(parent)) return -Errno.EACCES;
                node = Owned(parent.Create(name, VfsNodeType.Regular, mode & 0xFFF));
                if (node is null) return -Errno.ENOMEM;
            }
            else
            {
                if (exclusive) return -Errno.EEXIST;
                if (node.Type == VfsNodeType.Symlink) return -Errno.ELOOP;
                int wanted = (access != OpenFlags.WriteOnly ? AccessMode.Read : 0)
                    | (access != OpenFlags.ReadOnly || (flags & OpenFlags.Truncate) != 0 ? AccessMode.Write : 0);
                if (!Permits(node, wanted)) return -Errno.EACCES;
                if (node.Type == VfsNodeType.Directory)
                {
                    if (access != OpenFlags.ReadOnly || (flags & OpenFlags.Truncate) != 0) return -Errno.EISDIR;
                }
                else
                {
                    if ((flags & OpenFlags.Directory) != 0 || trailingSlash) return -Errno.ENOTDIR;
                    if ((flags & OpenFlags.Truncate) != 0 && access != OpenFlags.ReadOnly)
                    {
                        int t = node.Truncate(0);
                        if (t < 0) return t;
                    }
                }
            }
            int fd = -1;
            for (int i = FirstDescriptor; i < _files.Length; i++)
                if (_files[i] is null) { fd = i; break; }
            if (fd < 0) return -Errno.EMFILE;
            var file = new OpenFile();
            file.Node = node;
            file.Flags = flags;
            _files[fd] = file;
            return fd;
        }

        /// <inheritdoc/>
        public int Close(int fd)
        {
            if (Get(fd) is null) return -Errno.EBADF;
            _files[fd] = null;
            return 0;
        }

        /// <inheritdoc/>
        public int Read(int fd, Span<byte> buffer)
        {
            OpenFile? f = Get(fd);
            if (f is null || (f.Flags & OpenFlags.AccessMask) == OpenFlags.WriteOnly) return -Errno.EBADF;
            if (f.Node.Type == VfsNodeType.Directory) return -Errno.EISDIR;
            int n = f.Node.Read(f.Offset, buffer);
            if (n > 0) f.Offset += n;
            return n;
        }

        /// <inheritdoc/>
        public int Write(int fd, ReadOnlySpan<byte> data)
        {
            OpenFile? f = Get(fd);
            if (f is null || (f.Flags & OpenFlags.AccessMask) == OpenFlags.ReadOnly) return -Errno.EBADF;
            if (f.Node.Type == VfsNodeType.Directory) return -Errno.EISDIR;
            if ((f.Flags & OpenFlags.Append) != 0) f.Offset = f.Node.Size;
            int n = f.Node.Write(f.Offset, data);
            if (n > 0) f.Offset += n;
            return n;
        }

        /// <inheritdoc/>
        public long Seek(int fd, long offset, int origin)
        {
            OpenFile? f = Get(fd);
            if (f is null) return -Errno.EBADF;
            long start;
            if (origin == SeekOrigin.Set) start = 0;
            else if (origin == SeekOrigin.Current) start = f.Offset;
            else if (origin == SeekOrigin.End) start = f.Node.Size;
            else return -Errno.EINVAL;
            if (offset > 0 && start > long.MaxValue - offset) return -Errno.EINVAL;
            long target = start + offset;
            if (target < 0) return -Errno.EINVAL;
            f.Offset = target;
            return target;
        }

        /// <inheritdoc/>
        public int Stat(ReadOnlySpan<byte> path, out VfsStat stat) => StatPath(path, true, out stat);

        /// <summary>stat(2) (<paramref name="follow"/>) or lstat(2).</summary>
        private int StatPath(ReadOnlySpan<byte> path, bool follow, out VfsStat stat)
        {
            stat = default;
            int r = Resolve(path, follow, out _, out _, out VfsNode? node, out bool trailingSlash);
            if (r < 0) return r;
            if (node is null) return -Errno.ENOENT;
            if (trailingSlash && node.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
            Fill(node, out stat);
            return 0;
        }

        /// <inheritdoc/>
        public int StatDescriptor(int fd, out VfsStat stat)
        {
            stat = default;
            OpenFile? f = Get(fd);
            if (f is null) return -Errno.EBADF;
            Fill(f.Node, out stat);
            return 0;
        }

        /// <inheritdoc/>
        public int MakeDirectory(ReadOnlySpan<byte> path, uint mode)
        {
            int r = Resolve(path, false, out VfsNode? parent, out ReadOnlySpan<byte> name, out VfsNode? node, out _);
            if (r < 0) return r;
            if (node is not null) return -Errno.EEXIST;
            if (parent is null) return -Errno.ENOENT;
            if (!MayChange(parent)) return -Errno.EACCES;
            return Owned(parent.Create(name, VfsNodeType.Directory, mode & 0xFFF)) is null ? -Errno.ENOMEM : 0;
        }

        /// <inheritdoc/>
        public int RemoveDirectory(ReadOnlySpan<byte> path)
        {
            int r = Resolve(path, false, out VfsNode? parent, out ReadOnlySpan<byte> name, out VfsNode? node, out _);
            if (r < 0) return r;
            if (node is null) return -Errno.ENOENT;
            if (node.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
            if (IsDot(name)) return -Errno.EINVAL;
            if (parent is null || IsDotDot(name) || IsMounted(node)) return -Errno.EBUSY;
            if (node.Size != 0) return -Errno.ENOTEMPTY;
            if (!MayChange(parent)) return -Errno.EACCES;
            return parent.Remove(name);
        }

        /// <inheritdoc/>
        public int Unlink(ReadOnlySpan<byte> path)
        {
            int r = Resolve(path, false, out VfsNode? parent, out ReadOnlySpan<byte> name, out VfsNode? node, out bool trailingSlash);
            if (r < 0) return r;
            if (node is null) return -Errno.ENOENT;
            if (node.Type == VfsNodeType.Directory) return -Errno.EISDIR;
            if (trailingSlash) return -Errno.ENOTDIR;
            if (parent is null) return -Errno.EISDIR;
            if (!MayChange(parent)) return -Errno.EACCES;
            return parent.Remove(name);
        }

        /// <inheritdoc/>
        public int ReadDirectory(int fd, Span<byte> name, out int nameLength, out VfsNodeType type)
        {
            nameLength = 0;
            type = default;
            OpenFile? f = Get(fd);
            if (f is null) return -Errno.EBADF;
            if (f.Node.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
            if (!f.Node.Entry(f.Offset, out ReadOnlySpan<byte> entryName, out VfsNode? entry) || entry is null) return 0;
            if (entryName.Length > name.Length) return -Errno.EINVAL;
            entryName.CopyTo(name);
            nameLength = entryName.Length;
            type = entry.Type;
            f.Offset++;
            return 1;
        }

        /// <summary>A copy of <paramref name="array"/> with <paramref name="size"/> elements (Array.Resize without its nullable ref).</summary>
        private static T[] Grown<T>(T[] array, int size)
        {
            var grown = new T[size];
            Array.Copy(array, grown, array.Length < size ? array.Length : size);
            return grown;
        }

        private OpenFile? Get(int fd) => fd >= 0 && fd < _files.Length ? _files[fd] : null;

        private static void Fill(VfsNode node, out VfsStat stat)
        {
            stat.Type = node.Type;
            stat.Size = node.Size;
            stat.Mode = node.Mode;
            stat.Inode = node.Inode;
            stat.ModificationTime = node.ModificationTime;
            stat.LinkCount = node.LinkCount;
            stat.UserId = node.UserId;
            stat.GroupId = node.GroupId;
        }
    }
}
