using System;
using Compose.Libraries.VfsCore;

namespace Compose.Libraries.UkCpio
{
    /// <summary>
    /// Unikraft's ukcpio: reading the initrd's newc cpio archive (<see cref="CpioReader"/>) and confining member names
    /// to the root (<see cref="CpioPath"/>), and unpacking it into the root file system (<see cref="CpioUnpack"/>):
    /// at boot (Rootfs init, after ramfs mounted "/") from the file named by INITRD_PATH on hosted and linuxu.
    /// The kvm initrd (QEMU -initrd) is not wired yet.
    /// </summary>
    [UkLibrary("ukcpio", Description = "newc cpio archive reader (initrd)", License = "BSD-3-Clause")]
    [Requires(typeof(IVfs))]
    [UkStringOption("INITRD_PATH", "", Help = "hosted, linuxu: path of a newc archive unpacked into / at boot (empty: none)")]
    public static partial class Cpio
    {
        /// <summary>
        /// Rootfs init, after ramfs (priority 0) mounted "/": unpacks the archive at INITRD_PATH, if set, into the
        /// bound VFS. A missing, unreadable or malformed archive stops the boot with a message naming it.
        /// </summary>
        [UkInit(UkInitClass.Rootfs, Priority = 5)]
        public static int UnpackInitrd()
        {
            string path = Options.InitrdPath;
            if (path.Length == 0) return 0;
            IVfs? vfs = UkApi<IVfs>.Instance;
            if (vfs is null) return 0;
            if (!InitrdFile.TryRead(path, out byte[] archive, out string error))
            {
                Console.WriteLine(error);
                return 1;
            }
            int created = CpioUnpack.Unpack(archive, vfs, out int skipped, out error);
            if (created < 0)
            {
                Console.WriteLine(error + " (initrd '" + path + "')");
                return 1;
            }
            LastUnpacked = created;
            LastSkipped = skipped;
            return 0;
        }

        /// <summary>Files and directories the boot-time unpack created (-1 before it ran).</summary>
        public static int LastUnpacked { get; private set; } = -1;

        /// <summary>Entries the boot-time unpack skipped (devices, fifos, sockets).</summary>
        public static int LastSkipped { get; private set; }

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
