using System.Runtime.InteropServices;

namespace Compose.Platforms.Kvm
{
    /// <summary>
    /// The boot code's services (boot/io.S, boot/args.S), bound at link time: the image pipeline runs ILC with
    /// <c>--directpinvoke:uknative</c> (Uk.CoreLib's native library name), so these are plain calls, no loader.
    /// </summary>
    internal static unsafe class Native
    {
        private const string Lib = "uknative";

        [DllImport(Lib, EntryPoint = "kvm_uart_write"), SuppressGCTransition]
        internal static extern void UartWrite(byte* bytes, nuint length);

        [DllImport(Lib, EntryPoint = "kvm_uart_read"), SuppressGCTransition]
        internal static extern nuint UartRead(byte* buffer, nuint capacity);

        [DllImport(Lib, EntryPoint = "kvm_exit"), SuppressGCTransition]
        internal static extern void Exit(int status);

        [DllImport(Lib, EntryPoint = "kvm_inb"), SuppressGCTransition]
        internal static extern byte InByte(ushort port);

        [DllImport(Lib, EntryPoint = "kvm_outb"), SuppressGCTransition]
        internal static extern void OutByte(ushort port, byte value);

        [DllImport(Lib, EntryPoint = "kvm_rdtsc"), SuppressGCTransition]
        internal static extern ulong ReadTsc();

        [DllImport(Lib, EntryPoint = "kvm_boot_tsc_get"), SuppressGCTransition]
        internal static extern ulong BootTsc();

        [DllImport(Lib, EntryPoint = "kvm_halt_irq"), SuppressGCTransition]
        internal static extern void HaltUntilInterrupt();

        [DllImport(Lib, EntryPoint = "kvm_irq_set_mask"), SuppressGCTransition]
        internal static extern void SetIrqMask(uint mask);

        [DllImport(Lib, EntryPoint = "kvm_free_floor"), SuppressGCTransition]
        internal static extern nuint FreeFloor();

        /// <summary>Usable RAM as the loader reported it: <c>count</c> pairs of (start, length).</summary>
        [DllImport(Lib, EntryPoint = "kvm_memmap_get"), SuppressGCTransition]
        internal static extern ulong* MemoryMap(int* count);

        /// <summary>The first boot module: returns its address, its size in <c>*size</c>, the loader's module count in <c>*count</c>.</summary>
        [DllImport(Lib, EntryPoint = "kvm_initrd_get"), SuppressGCTransition]
        internal static extern ulong InitrdGet(ulong* size, int* count);

        /// <summary>Sets (1) or clears (0) the present bit of the 4 KiB page at <c>address</c>, splitting its 2 MiB page; -1 when it cannot.</summary>
        [DllImport(Lib, EntryPoint = "kvm_page_set_present"), SuppressGCTransition]
        internal static extern int PageSetPresent(nuint address, int present);

        [DllImport(Lib, EntryPoint = "uk_guard_add"), SuppressGCTransition]
        internal static extern int GuardAdd(nuint guardLow, nuint stackLow, nuint stackHigh, char* name, nuint length);

        [DllImport(Lib, EntryPoint = "uk_guard_remove"), SuppressGCTransition]
        internal static extern void GuardRemove(nuint guardLow);

        [DllImport(Lib, EntryPoint = "kvm_args_dropped_get"), SuppressGCTransition]
        internal static extern int ArgumentsDropped();
    }
}
