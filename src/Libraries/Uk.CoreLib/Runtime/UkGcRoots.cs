using System;
using System.Runtime.InteropServices;

namespace System.Runtime
{
    /// <summary>
    /// What a garbage collector library (ukgcmarksweep) needs to find the roots of an image: the modules' GC static
    /// regions (precise roots: each cell points at a statics base object) and frozen object regions (string
    /// literals and preinitialised objects in the image, which are not heap objects but may be written to), the
    /// early arena (objects allocated before an allocator was installed: never freed, traced as roots), and the
    /// stacks of every thread (scanned conservatively, see <see cref="UkStacks"/>).
    /// </summary>
    public static unsafe class UkGcRoots
    {
        private const int SectionGCStaticRegion = 201;
        private const int SectionFrozenObjectRegion = 206;

        /// <summary>Number of module headers (ILC emits one per image).</summary>
        public static int ModuleCount
        {
            get
            {
                nuint count;
                NativeRuntime.UkGetModuleHeaders(&count);
                return (int)count;
            }
        }

        /// <summary>
        /// The GC static region of module <paramref name="module"/>: an array of 32-bit relative pointers, each to
        /// a cell that, after startup, holds the address of a statics base object (see Startup.cs).
        /// </summary>
        public static byte* GetStaticRegion(int module, out int length) => Section(module, SectionGCStaticRegion, out length);

        /// <summary>The frozen object region of module <paramref name="module"/> (null when the module has none).</summary>
        public static byte* GetFrozenRegion(int module, out int length) => Section(module, SectionFrozenObjectRegion, out length);

        /// <summary>Start of the early arena (objects allocated before an allocator was installed).</summary>
        public static byte* EarlyArenaStart => UkObjectHeap.EarlyArenaFirst;

        /// <summary>End of the used part of the early arena: objects lie back to back from the start up to here.</summary>
        public static byte* EarlyArenaUsedEnd => UkObjectHeap.EarlyArenaNext;

        private static byte* Section(int module, int id, out int length)
        {
            nuint count;
            nint* headers = NativeRuntime.UkGetModuleHeaders(&count);
            length = 0;
            if ((uint)module >= count || headers[module] == 0) return null;
            return Internal.Runtime.CompilerHelpers.StartupCodeHelpers.FindSection((byte*)headers[module], id, out length);
        }
    }

    /// <summary>
    /// The registry of thread stacks a conservative collector scans. The boot stack is registered at startup with
    /// its top (the frame of <c>UkCoreLibStart</c>); a scheduler registers each stack it creates with its range
    /// and the address of the word where the stack pointer is saved when the thread is switched away (the
    /// context switch pushes the callee-saved registers below it, so they are scanned too). The stack holding the
    /// current stack pointer is scanned from there instead (see <see cref="CaptureRegisters"/>).
    /// </summary>
    public static unsafe class UkStacks
    {
        /// <summary>Maximum number of registered stacks.</summary>
        public const int Capacity = 256;

        private struct Entry
        {
            public nuint Low;
            public nuint High;
            public nuint* SavedStackPointer;
            public bool Used;
        }

        private static Entry[]? s_entries;
        private static nuint s_bootTop;

        internal static void SetBootStackTop(nuint top) { s_bootTop = top; }

        /// <summary>Highest address of the boot stack a collector needs to scan (the frame of UkCoreLibStart).</summary>
        public static nuint BootStackTop => s_bootTop;

        /// <summary>
        /// Registers a stack [<paramref name="low"/>, <paramref name="high"/>) whose saved stack pointer is stored at
        /// <paramref name="savedStackPointer"/> while its thread does not run. <paramref name="high"/> = 0 registers
        /// the boot stack (its top is known to Uk.CoreLib). The word must stay valid until <see cref="Unregister"/>.
        /// Returns the registration id; panics when <see cref="Capacity"/> stacks are registered.
        /// </summary>
        public static int Register(nuint low, nuint high, nuint* savedStackPointer)
        {
            s_entries ??= new Entry[Capacity];
            for (int i = 0; i < s_entries.Length; i++)
            {
                if (s_entries[i].Used) continue;
                s_entries[i].Low = high == 0 ? 0 : low;
                s_entries[i].High = high == 0 ? s_bootTop : high;
                s_entries[i].SavedStackPointer = savedStackPointer;
                s_entries[i].Used = true;
                return i;
            }
            Panic.Fail("UkStacks.Register: more than 256 thread stacks registered");
            return -1;
        }

        /// <summary>Forgets registration <paramref name="id"/> (its thread ended; its stack is about to be freed).</summary>
        public static void Unregister(int id)
        {
            if (s_entries != null && (uint)id < (uint)s_entries.Length) s_entries[id] = default;
        }

        /// <summary>Number of slots to look at with <see cref="TryGet"/>.</summary>
        public static int Count => s_entries is null ? 0 : s_entries.Length;

        /// <summary>Registered stack in slot <paramref name="index"/>: range and saved stack pointer (0 until saved).</summary>
        public static bool TryGet(int index, out nuint low, out nuint high, out nuint savedStackPointer)
        {
            low = high = savedStackPointer = 0;
            if (s_entries is null || (uint)index >= (uint)s_entries.Length || !s_entries[index].Used) return false;
            low = s_entries[index].Low;
            high = s_entries[index].High;
            savedStackPointer = *s_entries[index].SavedStackPointer;
            return true;
        }

        /// <summary>
        /// Stores the callee-saved registers (rbx, rbp, r12-r15) into <paramref name="buffer"/> (6 words, on the
        /// caller's stack) and returns the stack pointer: every reference the calling thread holds is then in
        /// [returned value, top of its stack).
        /// </summary>
        public static nuint CaptureRegisters(nuint* buffer) => NativeGc.CaptureRegisters(buffer);
    }

    internal static unsafe class NativeGc
    {
        [DllImport(UkNative.Library, EntryPoint = "uk_gc_capture_registers"), SuppressGCTransition]
        internal static extern nuint CaptureRegisters(nuint* buffer);
    }
}
