using System;

namespace Compose.Libraries.UkCpio
{
    /// <summary>Why a cpio archive could not be read.</summary>
    public enum CpioError
    {
        /// <summary>No error.</summary>
        None,

        /// <summary>The archive ends inside a header, a name, file data or padding.</summary>
        Truncated,

        /// <summary>A header does not start with the newc magic <c>070701</c> (or <c>070702</c>, newc with checksums).</summary>
        BadMagic,

        /// <summary>A header field is not eight hexadecimal digits.</summary>
        BadHeaderField,

        /// <summary>The name size is 0 or larger than <see cref="CpioReader.MaxNameSize"/>.</summary>
        BadNameSize,

        /// <summary>The name is not NUL-terminated, has a NUL inside, or is empty.</summary>
        BadName,

        /// <summary>A <c>070702</c> regular file's data does not add up to its checksum.</summary>
        BadChecksum,

        /// <summary>The archive ends without the <c>TRAILER!!!</c> entry.</summary>
        MissingTrailer,
    }

    /// <summary>One member of a newc archive; its name and data are slices of the archive.</summary>
    public readonly ref struct CpioEntry
    {
        /// <summary>File type bits of <see cref="Mode"/> (POSIX S_IFMT).</summary>
        public const uint TypeMask = 0xF000;

        /// <summary>Directory type (S_IFDIR).</summary>
        public const uint TypeDirectory = 0x4000;

        /// <summary>Regular file type (S_IFREG).</summary>
        public const uint TypeRegular = 0x8000;

        /// <summary>Symbolic link type (S_IFLNK); the data is the link target.</summary>
        public const uint TypeSymlink = 0xA000;

        internal CpioEntry(ReadOnlySpan<byte> name, ReadOnlySpan<byte> data, uint inode, uint mode, uint uid, uint gid,
                           uint links, uint modificationTime, int headerOffset)
        {
            Name = name; Data = data; Inode = inode; Mode = mode; UserId = uid; GroupId = gid; Links = links;
            ModificationTime = modificationTime; HeaderOffset = headerOffset;
        }

        /// <summary>The path as stored (usually relative, e.g. <c>./etc/motd</c> or <c>etc/motd</c>), without the NUL.</summary>
        public ReadOnlySpan<byte> Name { get; }

        /// <summary>The file's contents (a symlink's target).</summary>
        public ReadOnlySpan<byte> Data { get; }

        /// <summary>Inode number in the archive (hard links share it).</summary>
        public uint Inode { get; }

        /// <summary>Type and permission bits.</summary>
        public uint Mode { get; }

        /// <summary>Owner user id.</summary>
        public uint UserId { get; }

        /// <summary>Owner group id.</summary>
        public uint GroupId { get; }

        /// <summary>Number of links.</summary>
        public uint Links { get; }

        /// <summary>Modification time, seconds since the Unix epoch.</summary>
        public uint ModificationTime { get; }

        /// <summary>Offset of this entry's header in the archive.</summary>
        public int HeaderOffset { get; }

        /// <summary>Permission bits (the low 12 bits of <see cref="Mode"/>).</summary>
        public uint Permissions => Mode & 0xFFF;

        /// <summary>Whether the entry is a directory.</summary>
        public bool IsDirectory => (Mode & TypeMask) == TypeDirectory;

        /// <summary>Whether the entry is a regular file.</summary>
        public bool IsRegularFile => (Mode & TypeMask) == TypeRegular;

        /// <summary>Whether the entry is a symbolic link.</summary>
        public bool IsSymlink => (Mode & TypeMask) == TypeSymlink;
    }
}
