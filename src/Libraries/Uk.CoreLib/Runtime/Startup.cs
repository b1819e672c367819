using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// Image startup: the platform boot code calls <c>UkCoreLibStart</c>, which sets up the early object arena,
    /// initialises the module (GC static bases, eager class constructors) and runs ILC's <c>__managed__Main</c>,
    /// which in turn calls <see cref="InitializeCommandLineArgs"/> and <see cref="GetMainMethodArguments"/> and
    /// then the app's Main.
    /// </summary>
    internal static unsafe class StartupCodeHelpers
    {
        private static int s_argc;
        private static byte** s_argv;

        [UnmanagedCallersOnly(EntryPoint = "UkCoreLibStart")]
        private static int UkCoreLibStart(int argc, byte** argv, byte* earlyHeap, nuint earlyHeapSize)
        {
            UkObjectHeap.InitializeEarlyArena(earlyHeap, earlyHeapSize);
            // Every managed frame of the boot thread lies below this one: the top of what a collector scans.
            UkStacks.SetBootStackTop((nuint)(&argc) + (nuint)sizeof(nint));
            nuint count;
            nint* headers = NativeRuntime.UkGetModuleHeaders(&count);
            for (nuint i = 0; i < count; i++)
            {
                if (headers[i] != 0) InitializeModule((byte*)headers[i]);
            }
            for (nuint i = 0; i < count; i++)
            {
                if (headers[i] != 0) RunEagerConstructors((byte*)headers[i]);
            }
            return NativeRuntime.ManagedMain(argc, argv);
        }

        // Called by ILC's __managed__Main before Main.
        internal static void InitializeCommandLineArgs(int argc, sbyte** argv)
        {
            s_argc = argc;
            s_argv = (byte**)argv;
        }

        // Called by ILC's __managed__Main for a Main(string[] args): every argument but the program path.
        internal static string[] GetMainMethodArguments()
        {
            int n = s_argc > 0 ? s_argc - 1 : 0;
            string[] args = new string[n];
            for (int i = 0; i < n; i++) args[i] = Utf8.DecodeCString(s_argv[i + 1]);
            return args;
        }

        private const int SectionGCStaticRegion = 201;
        private const int SectionTypeManagerIndirection = 204;
        private const int SectionEagerCctor = 205;

        private static void InitializeModule(byte* header)
        {
            byte* indirection = GetModuleSection(header, SectionTypeManagerIndirection, out _);
            if (indirection != null) *(nint*)indirection = (nint)header;

            byte* statics = GetModuleSection(header, SectionGCStaticRegion, out int length);
            if (statics != null) InitializeStatics(statics, length);
        }

        private static void RunEagerConstructors(byte* header)
        {
            byte* section = GetModuleSection(header, SectionEagerCctor, out int length);
            for (int i = 0; i < length / sizeof(nint); i++) ((delegate*<void>*)section)[i]();
        }

        // Each entry of the GC static region is a 32-bit relative pointer to an 8-byte cell. Until initialised
        // the cell holds two 32-bit relative pointers: the MethodTable of the statics base, tagged with 1
        // (uninitialised) and 2 (preinitialised data), then the preinitialised data. Startup replaces the whole
        // cell with a pointer to a newly allocated base object (static fields live in it).
        private static void InitializeStatics(byte* region, int length)
        {
            // Safe: region/length come from the module header ILC wrote; cells are in writable .data.
            for (int* block = (int*)region; block < (int*)(region + length); block++)
            {
                byte* cell = (byte*)block + *block;
                int tagged = *(int*)cell;
                if ((tagged & 1) == 0) continue;
                var mt = (global::Internal.Runtime.MethodTable*)(cell + (tagged & ~3));
                object baseObject = RuntimeExports.AllocateObject(mt);
                if ((tagged & 2) != 0)
                {
                    byte* preinit = cell + 4 + *(int*)(cell + 4);
                    Buffer.MemoryCopy(preinit, Unsafe.AsPointer(ref baseObject.GetRawData()), mt->BaseSize - (uint)(2 * sizeof(nint)));
                }
                *(nint*)cell = *(nint*)Unsafe.AsPointer(ref baseObject);
            }
        }

        // ReadyToRunHeader: uint signature, ushort major, ushort minor, uint flags, ushort count, byte entry size,
        // byte entry type, then rows of { int id, int flags, void* start, void* end }.
        internal static byte* FindSection(byte* header, int id, out int length) => GetModuleSection(header, id, out length);

        internal static byte* GetModuleSection(byte* header, int id, out int length)
        {
            ushort count = *(ushort*)(header + 12);
            byte entrySize = header[14];
            byte* row = header + 16;
            for (int i = 0; i < count; i++, row += entrySize)
            {
                if (*(int*)row != id) continue;
                byte* start = *(byte**)(row + 8);
                length = (*(int*)(row + 4) & 1) != 0 ? (int)(*(byte**)(row + 16) - start) : sizeof(nint);
                return start;
            }
            length = 0;
            return null;
        }
    }
}

namespace System.Runtime
{
    /// <summary>Native symbols every image provides (Uk.CoreLib's native/corelib.S and the platform boot code).</summary>
    internal static unsafe class NativeRuntime
    {
        [DllImport(UkNative.Library, EntryPoint = "UkGetModuleHeaders"), SuppressGCTransition]
        internal static extern nint* UkGetModuleHeaders(nuint* count);

        [DllImport(UkNative.Library, EntryPoint = "__managed__Main")]
        internal static extern int ManagedMain(int argc, byte** argv);

        [DllImport(UkNative.Library, EntryPoint = "uk_plat_console_write"), SuppressGCTransition]
        internal static extern void ConsoleWrite(byte* buffer, nuint length);

        [DllImport(UkNative.Library, EntryPoint = "uk_plat_console_error"), SuppressGCTransition]
        internal static extern void ConsoleError(byte* buffer, nuint length);

        [DllImport(UkNative.Library, EntryPoint = "uk_type_name_table"), SuppressGCTransition]
        internal static extern nint* TypeNameTable();

        [DllImport(UkNative.Library, EntryPoint = "uk_plat_exit"), SuppressGCTransition]
        internal static extern void Exit(int status);
    }

    /// <summary>The library name of native symbols resolved at link time (ILC: --directpinvoke:uknative).</summary>
    public static class UkNative
    {
        /// <summary>Pass <c>--directpinvoke:uknative</c> to ILC: calls bind to plain symbols, no loader.</summary>
        public const string Library = "uknative";
    }

    internal static unsafe class Utf8
    {
        internal static string DecodeCString(byte* s)
        {
            int n = 0;
            while (s[n] != 0) n++;
            return Decode(new ReadOnlySpan<byte>(s, n));
        }

        // UTF-8 to UTF-16; invalid sequences become U+FFFD.
        internal static string Decode(ReadOnlySpan<byte> bytes)
        {
            int count = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                string? result = pass == 1 ? string.FastAllocateString(count) : null;
                int at = 0;
                for (int i = 0; i < bytes.Length;)
                {
                    uint c = bytes[i];
                    int extra = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
                    if (extra < 0 || i + extra > bytes.Length - 1) { c = 0xFFFD; i++; }
                    else
                    {
                        if (extra > 0) c &= (uint)(0x3F >> extra);
                        i++;
                        for (int k = 0; k < extra; k++, i++) c = (c << 6) | (uint)(bytes[i] & 0x3F);
                    }
                    if (c >= 0x10000)
                    {
                        if (result != null)
                        {
                            Unsafe.Add(ref result.GetRawStringData(), at) = (char)(0xD800 + ((c - 0x10000) >> 10));
                            Unsafe.Add(ref result.GetRawStringData(), at + 1) = (char)(0xDC00 + ((c - 0x10000) & 0x3FF));
                        }
                        at += 2;
                    }
                    else
                    {
                        if (result != null) Unsafe.Add(ref result.GetRawStringData(), at) = (char)c;
                        at++;
                    }
                }
                if (pass == 0) count = at; else return result!;
            }
            return "";
        }

        // UTF-16 to UTF-8 into a caller buffer; returns bytes written (stops when full). Lone surrogates: U+FFFD.
        internal static int Encode(ReadOnlySpan<char> chars, Span<byte> dest, ref int consumed)
        {
            int w = 0;
            int i = consumed;
            for (; i < chars.Length; i++)
            {
                uint c = chars[i];
                int adv = 0;
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < chars.Length && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (uint)(chars[i + 1] - 0xDC00);
                    adv = 1;
                }
                else if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
                int need = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (w + need > dest.Length) break;
                if (need == 1) dest[w++] = (byte)c;
                else if (need == 2) { dest[w++] = (byte)(0xC0 | (c >> 6)); dest[w++] = (byte)(0x80 | (c & 0x3F)); }
                else if (need == 3) { dest[w++] = (byte)(0xE0 | (c >> 12)); dest[w++] = (byte)(0x80 | ((c >> 6) & 0x3F)); dest[w++] = (byte)(0x80 | (c & 0x3F)); }
                else { dest[w++] = (byte)(0xF0 | (c >> 18)); dest[w++] = (byte)(0x80 | ((c >> 12) & 0x3F)); dest[w++] = (byte)(0x80 | ((c >> 6) & 0x3F)); dest[w++] = (byte)(0x80 | (c & 0x3F)); }
                i += adv;
            }
            consumed = i;
            return w;
        }
    }
}

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>How ILC lowers <c>ldtoken</c>: a handle wrapping the MethodTable or the field/method descriptor.</summary>
    internal static unsafe class LdTokenHelpers
    {
        private static RuntimeTypeHandle GetRuntimeTypeHandle(nint pMethodTable)
        {
            RuntimeTypeHandle handle = default;
            *(nint*)&handle = pMethodTable;
            return handle;
        }

        private static RuntimeMethodHandle GetRuntimeMethodHandle(nint pHandleSignature)
        {
            RuntimeMethodHandle handle = default;
            *(nint*)&handle = pHandleSignature;
            return handle;
        }

        private static RuntimeFieldHandle GetRuntimeFieldHandle(nint pHandleSignature)
        {
            RuntimeFieldHandle handle = default;
            *(nint*)&handle = pHandleSignature;
            return handle;
        }

        // Images carry no reflection: typeof(T) as an object is null.
        private static Type? GetRuntimeType(nint pMethodTable) => null;
    }
}
