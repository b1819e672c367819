using System;
using Compose.Libraries.VfsCore;

namespace Compose.Libraries.RamFs
{
    /// <summary>
    /// Unikraft's ramfs: files and directories kept in memory (objects and byte arrays), mounted as the root file
    /// system by a Rootfs init function when the image has a vfscore.
    /// </summary>
    [UkLibrary("ramfs", Description = "in-memory file system (the root file system)", License = "BSD-3-Clause")]
    [Requires(typeof(IVfs))]
    public sealed class RamFileSystem : IFileSystem
    {
        /// <summary>Largest file ramfs holds (its data is one byte array).</summary>
        public const long MaxFileSize = 0x7FFFFFC7;

        private ulong _nextInode = 1;

        /// <summary>An empty file system (its root directory, mode 0755).</summary>
        public RamFileSystem()
        {
            Root = new RamNode(this, VfsNodeType.Directory, 0x1ED);
        }

        /// <inheritdoc/>
        public string Name => "ramfs";

        /// <inheritdoc/>
        public VfsNode Root { get; }

        internal ulong NextInode() => _nextInode++;

        /// <summary>Mounts a new ramfs on "/" of the bound VFS (the root file system); non-zero stops the boot.</summary>
        [UkInit(UkInitClass.Rootfs, Priority = 0)]
        public static int MountRoot()
        {
            IVfs? vfs = UkApi<IVfs>.Instance;
            if (vfs is null) return 0;
            int r = vfs.Mount("/"u8, new RamFileSystem());
            if (r < 0) Console.WriteLine("ramfs: mounting the root file system failed: " + Errno.Name(r));
            return r < 0 ? 1 : 0;
        }
    }

    /// <summary>A ramfs file, directory or symbolic link (whose data is its target).</summary>
    internal sealed class RamNode : VfsNode
    {
        private readonly RamFileSystem _fs;
        private readonly VfsNodeType _type;
        private byte[] _data = Array.Empty<byte>();
        private long _size;
        private byte[]?[] _names = Array.Empty<byte[]?>();
        private RamNode?[] _children = Array.Empty<RamNode?>();
        private int _count;

        public RamNode(RamFileSystem fs, VfsNodeType type, uint mode)
        {
            _fs = fs;
            _type = type;
            Mode = mode;
            Inode = fs.NextInode();
            LinkCount = type == VfsNodeType.Directory ? 2 : 1;
        }

        public override VfsNodeType Type => _type;

        public override long Size => _type == VfsNodeType.Directory ? _count : _size;

        public override VfsNode? Lookup(ReadOnlySpan<byte> name)
        {
            int i = Find(name);
            return i < 0 ? null : _children[i];
        }

        public override VfsNode? Create(ReadOnlySpan<byte> name, VfsNodeType type, uint mode)
        {
            if (_type != VfsNodeType.Directory) return null;
            var child = new RamNode(_fs, type, mode);
            Add(name, child);
            return child;
        }

        public override int Attach(ReadOnlySpan<byte> name, VfsNode node)
        {
            if (_type != VfsNodeType.Directory) return -Errno.ENOTDIR;
            if (node is not RamNode child || child._fs != _fs) return -Errno.EXDEV;
            // A directory has one name at a time (rename moves it); a file counts each name.
            if (child._type != VfsNodeType.Directory) child.LinkCount++;
            Add(name, child);
            return 0;
        }

        /// <summary>Appends the entry; a subdirectory adds one to this directory's link count (its "..").</summary>
        private void Add(ReadOnlySpan<byte> name, RamNode child)
        {
            if (_count == _names.Length)
            {
                int capacity = _count == 0 ? 4 : _count * 2;
                _names = Grown(_names, capacity);
                _children = Grown(_children, capacity);
            }
            _names[_count] = name.ToArray();
            _children[_count] = child;
            _count++;
            if (child._type == VfsNodeType.Directory) LinkCount++;
        }

        public override int Remove(ReadOnlySpan<byte> name)
        {
            int i = Find(name);
            if (i < 0) return -Errno.ENOENT;
            RamNode child = _children[i]!;
            if (child._type == VfsNodeType.Directory) LinkCount--;
            else child.LinkCount--;
            for (int k = i; k + 1 < _count; k++)
            {
                _names[k] = _names[k + 1];
                _children[k] = _children[k + 1];
            }
            _count--;
            _names[_count] = null;
            _children[_count] = null;
            return 0;
        }

        public override bool Entry(long index, out ReadOnlySpan<byte> name, out VfsNode? node)
        {
            name = default;
            node = null;
            if (index < 0 || index >= _count) return false;
            name = _names[index];
            node = _children[index];
            return true;
        }

        public override int Read(long offset, Span<byte> buffer)
        {
            if (offset >= _size || buffer.Length == 0) return 0;
            long available = _size - offset;
            int n = available < buffer.Length ? (int)available : buffer.Length;
            _data.AsSpan((int)offset, n).CopyTo(buffer);
            return n;
        }

        public override int Write(long offset, ReadOnlySpan<byte> data)
        {
            if (data.Length == 0) return 0;
            long end = offset + data.Length;
            if (offset < 0 || end > RamFileSystem.MaxFileSize) return -Errno.EFBIG;
            Grow(end);
            data.CopyTo(_data.AsSpan((int)offset));
            if (end > _size) _size = end;
            return data.Length;
        }

        public override int Truncate(long size)
        {
            if (size < 0) return -Errno.EINVAL;
            if (size > RamFileSystem.MaxFileSize) return -Errno.EFBIG;
            if (size > _size) Grow(size);
            else if (size < _size) _data.AsSpan((int)size, (int)(_size - size)).Clear();
            _size = size;
            return 0;
        }

        /// <summary>Makes the data array at least <paramref name="size"/> bytes; the new bytes are zero.</summary>
        private void Grow(long size)
        {
            if (size <= _data.Length) return;
            long capacity = _data.Length < 64 ? 64 : (long)_data.Length * 2;
            if (capacity < size) capacity = size;
            if (capacity > RamFileSystem.MaxFileSize) capacity = RamFileSystem.MaxFileSize;
            _data = Grown(_data, (int)capacity);
        }

        /// <summary>A copy of <paramref name="array"/> with <paramref name="size"/> elements (Array.Resize without its nullable ref).</summary>
        private static T[] Grown<T>(T[] array, int size)
        {
            var grown = new T[size];
            Array.Copy(array, grown, array.Length < size ? array.Length : size);
            return grown;
        }

        private int Find(ReadOnlySpan<byte> name)
        {
            for (int i = 0; i < _count; i++)
                if (name.SequenceEqual(_names[i])) return i;
            return -1;
        }
    }
}
