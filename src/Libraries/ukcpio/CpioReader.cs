using System;

namespace Compose.Libraries.UkCpio
{
    /// <summary>
    /// Reads a newc (<c>cpio -H newc</c>, magic 070701) or newc-with-checksum (<c>-H crc</c>, 070702) archive from
    /// memory, entry by entry, without copying. Every size and offset is checked against the archive before use;
    /// errors stop the reader and are reported with the offset where they were found, never by an exception.
    /// Hard links, device nodes and unpacking into the file system (vfscore) are the caller's business.
    /// </summary>
    public ref struct CpioReader
    {
        /// <summary>Size of a newc header: a 6-byte magic and thirteen 8-digit hexadecimal fields.</summary>
        public const int HeaderSize = 110;

        /// <summary>Largest name size accepted, NUL included (PATH_MAX).</summary>
        public const int MaxNameSize = 4096;

        private readonly ReadOnlySpan<byte> _archive;
        private int _position;

        /// <summary>Starts reading <paramref name="archive"/> at its first byte.</summary>
        public CpioReader(ReadOnlySpan<byte> archive)
        {
            _archive = archive;
            _position = 0;
            Error = CpioError.None;
            ErrorOffset = 0;
            AtEnd = false;
        }

        /// <summary>The error that stopped the reader, or <see cref="CpioError.None"/>.</summary>
        public CpioError Error { get; private set; }

        /// <summary>Offset in the archive where <see cref="Error"/> was found.</summary>
        public int ErrorOffset { get; private set; }

        /// <summary>Whether the trailer entry has been read (the archive is complete).</summary>
        public bool AtEnd { get; private set; }

        /// <summary>Bytes consumed so far; after the trailer, the archive's length without the block padding.</summary>
        public int Position => _position;

        /// <summary>
        /// Reads the next entry. Returns false at the trailer (<see cref="AtEnd"/>) or on an error
        /// (<see cref="Error"/>); after that it keeps returning false.
        /// </summary>
        public bool TryNext(out CpioEntry entry)
        {
            entry = default;
            if (AtEnd || Error != CpioError.None) return false;
            int start = _position;
            int remaining = _archive.Length - start;
            if (remaining == 0) return Fail(CpioError.MissingTrailer, start);
            if (remaining < HeaderSize) return Fail(CpioError.Truncated, start);

            var header = _archive.Slice(start, HeaderSize);
            bool withChecksum;
            if (IsMagic(header, (byte)'1')) withChecksum = false;
            else if (IsMagic(header, (byte)'2')) withChecksum = true;
            else return Fail(CpioError.BadMagic, start);

            // Field order after the magic: ino mode uid gid nlink mtime filesize devmajor devminor rdevmajor rdevminor namesize check.
            if (!Field(header, 0, out uint inode) || !Field(header, 1, out uint mode) || !Field(header, 2, out uint uid)
                || !Field(header, 3, out uint gid) || !Field(header, 4, out uint links) || !Field(header, 5, out uint mtime)
                || !Field(header, 6, out uint fileSize) || !Field(header, 7, out _) || !Field(header, 8, out _)
                || !Field(header, 9, out _) || !Field(header, 10, out _) || !Field(header, 11, out uint nameSize)
                || !Field(header, 12, out uint check))
                return Fail(CpioError.BadHeaderField, start);

            if (nameSize == 0 || nameSize > MaxNameSize) return Fail(CpioError.BadNameSize, start);
            long nameStart = (long)start + HeaderSize;
            if (nameStart + nameSize > _archive.Length) return Fail(CpioError.Truncated, start);
            var name = _archive.Slice((int)nameStart, (int)nameSize - 1);
            if (_archive[(int)nameStart + (int)nameSize - 1] != 0 || name.Length == 0) return Fail(CpioError.BadName, start);
            for (int i = 0; i < name.Length; i++)
                if (name[i] == 0) return Fail(CpioError.BadName, start);

            // Header plus name, then the data, are each padded to a multiple of four bytes.
            long dataStart = AlignUp(nameStart + nameSize);
            long dataEnd = dataStart + fileSize;
            if (dataStart > _archive.Length || dataEnd > _archive.Length) return Fail(CpioError.Truncated, start);
            var data = _archive.Slice((int)dataStart, (int)fileSize);
            // The 070702 checksum (sum of the data bytes) covers regular files; writers put 0 for other types.
            if (withChecksum && (mode & CpioEntry.TypeMask) == CpioEntry.TypeRegular && Sum(data) != check)
                return Fail(CpioError.BadChecksum, start);
            long next = AlignUp(dataEnd);

            if (IsTrailer(name))
            {
                // The padding after the trailer's (empty) data may be cut; what follows it is block padding.
                _position = next <= _archive.Length ? (int)next : _archive.Length;
                AtEnd = true;
                return false;
            }
            if (next > _archive.Length) return Fail(CpioError.Truncated, (int)dataEnd);
            _position = (int)next;
            entry = new CpioEntry(name, data, inode, mode, uid, gid, links, mtime, start);
            return true;
        }

        /// <summary>A one-line description of <see cref="Error"/> with its offset, for the boot log.</summary>
        public string ErrorMessage => Error == CpioError.None ? "" : "ukcpio: " + Describe(Error) + " at offset " + Decimal(ErrorOffset);

        /// <summary>What an error means, in words.</summary>
        public static string Describe(CpioError error)
        {
            switch (error)
            {
                case CpioError.None: return "no error";
                case CpioError.Truncated: return "archive truncated";
                case CpioError.BadMagic: return "not a newc cpio header (magic is not 070701 or 070702)";
                case CpioError.BadHeaderField: return "header field is not 8 hexadecimal digits";
                case CpioError.BadNameSize: return "name size is 0 or over 4096";
                case CpioError.BadName: return "name is empty, not NUL-terminated or contains a NUL";
                case CpioError.BadChecksum: return "data does not match the entry's checksum";
                case CpioError.MissingTrailer: return "archive ends without the TRAILER!!! entry";
                default: return "unknown error";
            }
        }

        private bool Fail(CpioError error, int offset)
        {
            Error = error;
            ErrorOffset = offset;
            return false;
        }

        private static bool IsMagic(ReadOnlySpan<byte> h, byte last)
            => h[0] == '0' && h[1] == '7' && h[2] == '0' && h[3] == '7' && h[4] == '0' && h[5] == last;

        private static bool Field(ReadOnlySpan<byte> header, int index, out uint value)
        {
            value = 0;
            int at = 6 + index * 8;
            for (int i = 0; i < 8; i++)
            {
                byte c = header[at + i];
                uint digit;
                if (c >= '0' && c <= '9') digit = (uint)(c - '0');
                else if (c >= 'a' && c <= 'f') digit = (uint)(c - 'a' + 10);
                else if (c >= 'A' && c <= 'F') digit = (uint)(c - 'A' + 10);
                else return false;
                value = (value << 4) | digit;
            }
            return true;
        }

        private static long AlignUp(long value) => (value + 3) & ~3L;

        private static uint Sum(ReadOnlySpan<byte> data)
        {
            uint sum = 0;
            for (int i = 0; i < data.Length; i++) sum += data[i];
            return sum;
        }

        private static bool IsTrailer(ReadOnlySpan<byte> name)
        {
            const string trailer = "TRAILER!!!";
            if (name.Length != trailer.Length) return false;
            for (int i = 0; i < trailer.Length; i++) if (name[i] != trailer[i]) return false;
            return true;
        }

        private static string Decimal(int value)
        {
            if (value == 0) return "0";
            var digits = new char[11];
            int at = digits.Length;
            uint magnitude = value < 0 ? (uint)(-(long)value) : (uint)value;
            while (magnitude != 0) { digits[--at] = (char)('0' + (int)(magnitude % 10)); magnitude /= 10; }
            if (value < 0) digits[--at] = '-';
            return new string(digits, at, digits.Length - at);
        }
    }
}
