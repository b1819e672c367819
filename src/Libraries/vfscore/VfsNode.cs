using System;

namespace Compose.Libraries.VfsCore
{
    /// <summary>What a node is.</summary>
    public enum VfsNodeType
    {
        /// <summary>A regular file.</summary>
        Regular = 1,
        /// <summary>A directory.</summary>
        Directory = 2,
        /// <summary>A symbolic link; its data is the target path.</summary>
        Symlink = 3,
    }

    /// <summary>stat(2) results vfscore reports.</summary>
    public struct VfsStat
    {
        /// <summary>File or directory.</summary>
        public VfsNodeType Type;
        /// <summary>Size in bytes (a directory: its number of entries).</summary>
        public long Size;
        /// <summary>Permission bits.</summary>
        public uint Mode;
        /// <summary>Inode number, unique within the file system.</summary>
        public ulong Inode;
        /// <summary>Modification time, seconds since the Unix epoch (as given by the creator).</summary>
        public long ModificationTime;
        /// <summary>Number of names (hard links) the node has; a directory: 2 plus its subdirectories.</summary>
        public int LinkCount;
        /// <summary>Owner's user id.</summary>
        public uint UserId;
        /// <summary>Owner's group id.</summary>
        public uint GroupId;
    }

    /// <summary>
    /// A file, directory or symbolic link of some file system (Unikraft's vnode). A symbolic link keeps its target
    /// as its data (<see cref="Read"/>/<see cref="Write"/>), as ext2 does for short links. vfscore checks paths, descriptors, access modes and
    /// node types before calling these; a file system implements the storage. Errors are negated <see cref="Errno"/>
    /// values, never exceptions.
    /// </summary>
    public abstract class VfsNode
    {
        /// <summary>File or directory.</summary>
        public abstract VfsNodeType Type { get; }

        /// <summary>Size in bytes; for a directory, its number of entries.</summary>
        public abstract long Size { get; }

        /// <summary>Permission bits.</summary>
        public uint Mode;

        /// <summary>Inode number.</summary>
        public ulong Inode;

        /// <summary>Modification time (seconds since the epoch).</summary>
        public long ModificationTime;

        /// <summary>Names the node has (kept by the file system); a directory: 2 plus its subdirectories.</summary>
        public int LinkCount;

        /// <summary>Owner's user id (set by vfscore from the caller's credentials at creation).</summary>
        public uint UserId;

        /// <summary>Owner's group id.</summary>
        public uint GroupId;

        /// <summary>Directory: the child called <paramref name="name"/> (one component), or null.</summary>
        public abstract VfsNode? Lookup(ReadOnlySpan<byte> name);

        /// <summary>Directory: creates a child (the name is known not to exist); returns it, or null when out of space.</summary>
        public abstract VfsNode? Create(ReadOnlySpan<byte> name, VfsNodeType type, uint mode);

        /// <summary>Directory: removes the child called <paramref name="name"/>; 0 or a negated errno.</summary>
        public abstract int Remove(ReadOnlySpan<byte> name);

        /// <summary>
        /// Directory: adds the existing <paramref name="node"/> under <paramref name="name"/> (known not to exist),
        /// counting one more link; 0, -EXDEV when the node belongs to another file system instance, or -ENOMEM.
        /// vfscore uses it for hard links (files) and rename (any type).
        /// </summary>
        public abstract int Attach(ReadOnlySpan<byte> name, VfsNode node);

        /// <summary>
        /// Directory: the entry at <paramref name="index"/> (0-based, in creation order); false past the end.
        /// </summary>
        public abstract bool Entry(long index, out ReadOnlySpan<byte> name, out VfsNode? node);

        /// <summary>File: copies up to <c>buffer.Length</c> bytes from <paramref name="offset"/>; the count (0 at or past the end).</summary>
        public abstract int Read(long offset, Span<byte> buffer);

        /// <summary>File: writes <paramref name="data"/> at <paramref name="offset"/>, filling a gap with zeros; the count or a negated errno.</summary>
        public abstract int Write(long offset, ReadOnlySpan<byte> data);

        /// <summary>File: sets the size, zero-filling when it grows; 0 or a negated errno.</summary>
        public abstract int Truncate(long size);
    }

    /// <summary>A mountable file system: gives the root directory of a new instance.</summary>
    public interface IFileSystem
    {
        /// <summary>The file system's name (e.g. "ramfs").</summary>
        string Name { get; }

        /// <summary>The root directory of this instance.</summary>
        VfsNode Root { get; }
    }
}
