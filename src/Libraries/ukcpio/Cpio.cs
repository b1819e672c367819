using System;

namespace Compose.Libraries.UkCpio
{
    /// <summary>
    /// Unikraft's ukcpio: reading the initrd's newc cpio archive (<see cref="CpioReader"/>). Unpacking it into the
    /// root file system waits for vfscore and ramfs; the kvm initrd and the linuxu file parameter are platform work.
    /// </summary>
    [UkLibrary("ukcpio", Description = "newc cpio archive reader (initrd)", License = "BSD-3-Clause")]
    public static class Cpio
    {
        /// <summary>
        /// Reads the whole archive to its trailer; returns <see cref="CpioError.None"/> and the number of entries
        /// (the trailer not counted) when it is well formed, or the first error and where it is.
        /// </summary>
        public static CpioError Validate(ReadOnlySpan<byte> archive, out int entries, out int errorOffset)
        {
            var reader = new CpioReader(archive);
            entries = 0;
            while (reader.TryNext(out _)) entries++;
            errorOffset = reader.ErrorOffset;
            return reader.Error;
        }
    }
}
