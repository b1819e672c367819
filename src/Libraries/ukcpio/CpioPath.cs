using System;

namespace Compose.Libraries.UkCpio
{
    /// <summary>Why an entry name cannot be placed in the root file system.</summary>
    public enum CpioPathError
    {
        /// <summary>The name is usable.</summary>
        None,

        /// <summary>A <c>..</c> would climb above the root (e.g. <c>../etc/passwd</c>, <c>a/../../b</c>).</summary>
        EscapesRoot,

        /// <summary>The normalised path does not fit the destination, or a component is over 255 bytes (NAME_MAX).</summary>
        TooLong,
    }

    /// <summary>
    /// Turns an archive member's name into a path relative to the root the archive is unpacked into:
    /// leading <c>/</c>, empty and <c>.</c> components are dropped, <c>..</c> removes the previous component and may
    /// not climb above the root. Unpacking must use this, so that no archive can write outside its file system.
    /// </summary>
    public static class CpioPath
    {
        /// <summary>Longest path component (NAME_MAX).</summary>
        public const int MaxComponent = 255;

        /// <summary>
        /// Writes the normalised form of <paramref name="name"/> (components joined by <c>/</c>, no leading or
        /// trailing slash; empty for the root itself) into <paramref name="destination"/> and its length into
        /// <paramref name="length"/>. On an error, <paramref name="length"/> is 0.
        /// </summary>
        public static CpioPathError Normalize(ReadOnlySpan<byte> name, Span<byte> destination, out int length)
        {
            length = 0;
            int used = 0;
            int i = 0;
            while (i < name.Length)
            {
                int start = i;
                while (i < name.Length && name[i] != (byte)'/') i++;
                int size = i - start;
                i++; // past the '/'
                if (size == 0 || (size == 1 && name[start] == (byte)'.')) continue;
                if (size == 2 && name[start] == (byte)'.' && name[start + 1] == (byte)'.')
                {
                    if (used == 0) return CpioPathError.EscapesRoot;
                    while (used > 0 && destination[used - 1] != (byte)'/') used--;
                    if (used > 0) used--; // the separator before the removed component
                    continue;
                }
                if (size > MaxComponent) return CpioPathError.TooLong;
                int needed = used + (used > 0 ? 1 : 0) + size;
                if (needed > destination.Length) return CpioPathError.TooLong;
                if (used > 0) destination[used++] = (byte)'/';
                for (int k = 0; k < size; k++) destination[used++] = name[start + k];
            }
            length = used;
            return CpioPathError.None;
        }
    }
}
