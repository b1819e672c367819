using System;
using Compose.Libraries.VfsCore;
using Compose.Platform;

namespace Compose.Libraries.UkCpio
{
    /// <summary>
    /// Unikraft's ukcpio: reading the initrd's newc cpio archive (<see cref="CpioReader"/>) and confining member names
    /// to the root (<see cref="CpioPath"/>), and unpacking it into the root file system (<see cref="CpioUnpack"/>):
    /// at boot (Rootfs init, after ramfs mounted "/"): on platforms that provide <see cref="IInitrd"/> (kvm: the module
    /// QEMU loads with -initrd) from memory, elsewhere (hosted, linuxu) from the file named by the library parameter
    /// <c>ukcpio.initrd</c>, else by the option INITRD_PATH.
    /// </summary>
    [UkLibrary("ukcpio", Description = "newc cpio archive reader (initrd)", License = "BSD-3-Clause")]
    [Requires(typeof(IVfs))]
    [Requires(typeof(IInitrd), Optional = true)]
    [UkStringOption("INITRD_PATH", "", Help = "hosted, linuxu: path of a newc archive unpacked into / at boot (empty: none); kvm: non-empty means the image needs an initrd module (QEMU -initrd)")]
    public static partial class Cpio
    {
        /// <summary>The library parameter <c>ukcpio.initrd=path</c>: the archive to unpack, instead of INITRD_PATH.</summary>
        [UkParam("initrd", Help = "hosted, linuxu: path of a newc archive unpacked into / at boot; overrides CONFIG_LIBUKCPIO_INITRD_PATH")]
        public static string InitrdParam = "";

        /// <summary>The archive the boot unpacks: <c>ukcpio.initrd</c> when given, else INITRD_PATH (empty: none).</summary>
        public static string InitrdPath => InitrdParam.Length != 0 ? InitrdParam : Options.InitrdPath;

        /// <summary>
        /// Rootfs init, after ramfs (priority 0) mounted "/": unpacks the initrd into the bound VFS. With a platform
        /// <see cref="IInitrd"/> (kvm) the archive is the boot module, if any; elsewhere the file at
        /// <see cref="InitrdPath"/>, if set. A missing (while a path is set), unreadable or malformed archive stops the
        /// boot with a message naming it.
        /// </summary>
        [UkInit(UkInitClass.Rootfs, Priority = 5)]
        public static int UnpackInitrd()
        {
            string path = InitrdPath;
            IVfs? vfs = UkApi<IVfs>.Instance;
            if (vfs is null) return 0;
            IInitrd? module = UkApi<IInitrd>.Instance;
            if (module is not null) return UnpackModule(module.Region, path, vfs);
            if (path.Length == 0) return 0;
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

        /// <summary>
        /// Unpacks the boot module at <paramref name="region"/> (length 0: none, an error when INITRD_PATH says the
        /// image needs one). Returns the init status.
        /// </summary>
        private static unsafe int UnpackModule(MemoryRegion region, string path, IVfs vfs)
        {
            if (region.Length == 0)
            {
                if (path.Length == 0) return 0;
                Console.WriteLine("ukcpio: no initrd: the loader passed no boot module, and this image needs one (INITRD_PATH '"
                    + path + "'); boot it with QEMU -initrd FILE (tools/compose-run -i FILE)");
                return 1;
            }
            if (region.Length > int.MaxValue)
            {
                Console.WriteLine("ukcpio: initrd module of " + (ulong)region.Length + " bytes is over 2 GiB");
                return 1;
            }
            // Safe: the platform reports a mapped, readable range of region.Length bytes that no allocator hands
            // out (IInitrd's contract), and the span does not outlive this call (ramfs copies what it keeps).
            var archive = new ReadOnlySpan<byte>((void*)region.Start, (int)region.Length);
            int created = CpioUnpack.Unpack(archive, vfs, out int skipped, out string error);
            if (created < 0)
            {
                Console.WriteLine(error + " (initrd module, " + (int)region.Length + " bytes)");
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
