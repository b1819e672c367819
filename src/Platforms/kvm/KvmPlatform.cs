using System;
using Compose.Libraries.UkBoot;
using Compose.Platform;

namespace Compose.Platforms.Kvm
{
    /// <summary>
    /// The kvm platform: a VM image booted by QEMU (microvm or pc) through PVH or multiboot. Console on the
    /// COM1 ns16550 UART, memory from the loader's memory map, time from the TSC calibrated against the PIT,
    /// shutdown through isa-debug-exit (else ACPI power-off). The boot code in boot/*.S does the machine work.
    /// </summary>
    [UkLibrary("platkvm", Description = "kvm platform: QEMU microvm/pc VM images (PVH, multiboot)",
        License = "MIT", Platforms = new[] { "kvm" })]
    [UkPlatform("kvm")]
    [Provides(typeof(IConsole))]
    [Provides(typeof(IMemoryRegions))]
    [Provides(typeof(IClock))]
    [Provides(typeof(IPlatformControl))]
    [Provides(typeof(IPlatformSleep))]
    [Provides(typeof(IStackGuard))]
    [Provides(typeof(IInitrd))]
    [Provides(typeof(IEntropySource))]
    [Requires(typeof(UkBootLibrary))]
    [UkBoolOption("BOOT_TIME", false, Help = "Print the TSC ticks from the first boot instruction to main (also: boot argument platkvm.boottime)")]
    public sealed partial class KvmPlatform : IConsole, IMemoryRegions, IClock, IPlatformControl, IPlatformSleep, IInitrd, IEntropySource
    {
        /// <summary>Exit status of a boot stopped by a bad command line (sysexits EX_USAGE).</summary>
        public const int UsageStatus = 64;

        /// <inheritdoc />
        public string Name => "kvm";

        /// <inheritdoc />
        public void Terminate(int status) => Native.Exit(status);

        /// <inheritdoc />
        public unsafe void Write(ReadOnlySpan<byte> utf8)
        {
            // Safe: the span is pinned for the call and the UART routine reads exactly utf8.Length bytes.
            fixed (byte* p = utf8) Native.UartWrite(p, (nuint)utf8.Length);
        }

        /// <inheritdoc />
        public unsafe int Read(Span<byte> buffer)
        {
            if (buffer.Length == 0) return 0;
            // Safe: the span is pinned and the UART routine writes at most buffer.Length bytes.
            fixed (byte* p = buffer) return (int)Native.UartRead(p, (nuint)buffer.Length);
        }

        /// <inheritdoc />
        public int Count => KvmMemory.RegionCount();

        /// <inheritdoc />
        public MemoryRegion this[int index] => KvmMemory.Region(index);

        /// <summary>The first boot module (QEMU <c>-initrd</c>), kept out of the memory regions; length 0 without one.</summary>
        MemoryRegion IInitrd.Region => KvmInitrd.Region();

        /// <summary>The CPU's RDSEED, else RDRAND (<c>X86Entropy</c>, CPUID-checked); empty name when it has neither.</summary>
        string IEntropySource.Name => Compose.Platforms.X86.X86Entropy.Name;

        /// <inheritdoc/>
        bool IEntropySource.Fill(Span<byte> buffer) => Compose.Platforms.X86.X86Entropy.Fill(buffer);

        /// <inheritdoc />
        public long MonotonicNanoseconds => KvmTime.MonotonicNanoseconds();

        /// <inheritdoc />
        public long WallClockNanoseconds => KvmTime.WallClockNanoseconds();

        /// <summary>Sleeps at least <paramref name="nanoseconds"/>, halting the CPU until PIT interrupts.</summary>
        public static void Sleep(long nanoseconds) => KvmTime.Sleep(nanoseconds);

        /// <inheritdoc/>
        void IPlatformSleep.Sleep(long nanoseconds)
        {
            if (nanoseconds > 0) KvmTime.Sleep(nanoseconds);
        }

        /// <summary>The library parameter <c>platkvm.boottime</c>: report the boot time like <c>CONFIG_LIBPLATKVM_BOOT_TIME=y</c>.</summary>
        [UkParam("boottime", Help = "Print the TSC ticks from the first boot instruction to main (like CONFIG_LIBPLATKVM_BOOT_TIME=y)")]
        public static bool BootTimeParam;

        /// <summary>Refuses a command line with more words than the boot code keeps (unknown words are uklibparam's to refuse).</summary>
        [UkInit(UkInitClass.Early, Priority = 0)]
        public static int CheckBootArguments() => KvmBootArguments.Check();

        /// <summary>With <c>CONFIG_LIBPLATKVM_BOOT_TIME=y</c> or the parameter <c>platkvm.boottime</c>, prints the TSC ticks from the first boot instruction to here, just before main.</summary>
        [UkInit(UkInitClass.Late, Priority = 9)]
        public static void ReportBootTime() => KvmBootArguments.ReportBootTime(Options.BootTime || BootTimeParam);
    }
}
