using System;
using System.Runtime.InteropServices;
using Compose.Libraries.UkBoot;
using Compose.Platform;

namespace Compose.Platforms.Linuxu
{
    /// <summary>
    /// The linuxu platform: the composition is a static Linux ELF with no libc. boot.S is the process entry and
    /// the syscall gate; this class is the platform API over raw syscalls: stdout/stdin as the console, one
    /// anonymous mmap of <c>CONFIG_LIBPLATLINUXU_HEAP_SIZE</c> bytes as the heap, the kernel's clocks,
    /// exit_group, and <c>mprotect</c>ed guard pages under thread stacks. boot.S runs main on its own mapped stack with
    /// a guard page and installs fault.S's SIGSEGV handler, which reports a fault in any registered guard page as a
    /// stack overflow naming the thread.
    /// </summary>
    [UkLibrary("platlinuxu", Description = "Platform: a static Linux process on raw syscalls", License = "BSD-3-Clause")]
    [UkPlatform("linuxu")]
    [Provides(typeof(IConsole))]
    [Provides(typeof(IMemoryRegions))]
    [Provides(typeof(IClock))]
    [Provides(typeof(IPlatformControl))]
    [Provides(typeof(IPlatformSleep))]
    [Provides(typeof(IStackGuard))]
    [Provides(typeof(IEntropySource))]
    [Requires(typeof(UkBootLibrary))]
    [UkIntOption("HEAP_SIZE", 16 * 1024 * 1024, Min = 64 * 1024, Max = 1L << 36, Help = "Bytes of anonymous memory mapped for the allocator")]
    public sealed unsafe partial class LinuxuPlatform : IConsole, IMemoryRegions, IClock, IPlatformControl, IPlatformSleep, IStackGuard, IEntropySource
    {
        private MemoryRegion _heap;

        /// <summary>The CPU's RDSEED, else RDRAND (<c>X86Entropy</c>, CPUID-checked); empty name when it has neither.</summary>
        string IEntropySource.Name => Compose.Platforms.X86.X86Entropy.Name;

        /// <inheritdoc/>
        bool IEntropySource.Fill(Span<byte> buffer) => Compose.Platforms.X86.X86Entropy.Fill(buffer);

        /// <summary>Writes to standard output (fd 1), retrying partial writes.</summary>
        public void Write(ReadOnlySpan<byte> utf8)
        {
            fixed (byte* start = utf8)
            {
                // Safe: start..start+Length is the pinned span; the kernel only reads it.
                int done = 0;
                while (done < utf8.Length)
                {
                    long n = Syscalls.Write(1, start + done, utf8.Length - done);
                    if (n == -Syscalls.EINTR) continue;
                    if (n <= 0) return;
                    done += (int)n;
                }
            }
        }

        /// <summary>Reads from standard input (fd 0); 0 at end of input or on error.</summary>
        public int Read(Span<byte> buffer)
        {
            fixed (byte* start = buffer)
            {
                // Safe: the kernel writes at most buffer.Length bytes into the pinned span.
                long n;
                do n = Syscalls.Read(0, start, buffer.Length); while (n == -Syscalls.EINTR);
                return n < 0 ? 0 : (int)n;
            }
        }

        /// <summary>One region: the heap, mapped on first use.</summary>
        public int Count => 1;

        /// <inheritdoc/>
        public MemoryRegion this[int index]
        {
            get
            {
                if (index != 0) throw new ArgumentOutOfRangeException(nameof(index));
                if (_heap.Length == 0) _heap = MapHeap((nuint)Options.HeapSize);
                return _heap;
            }
        }

        private static MemoryRegion MapHeap(nuint size)
        {
            long address = Syscalls.Mmap(null, size, Syscalls.PROT_READ | Syscalls.PROT_WRITE, Syscalls.MAP_PRIVATE | Syscalls.MAP_ANONYMOUS, -1, 0);
            if (address < 0 && address > -4096)
            {
                throw new InvalidOperationException("platlinuxu: mmap of the " + ((long)size).ToString() + "-byte heap failed with errno " + (-address).ToString() + "; lower CONFIG_LIBPLATLINUXU_HEAP_SIZE");
            }
            return new MemoryRegion((nuint)address, size);
        }

        /// <summary>Unmaps the heap (for tests that map and release it; the heap must no longer be in use).</summary>
        public void ReleaseHeap()
        {
            if (_heap.Length == 0) return;
            Syscalls.Munmap((void*)_heap.Start, _heap.Length);
            _heap = default;
        }

        /// <inheritdoc/>
        public long MonotonicNanoseconds => Syscalls.ClockNanoseconds(Syscalls.CLOCK_MONOTONIC);

        /// <inheritdoc/>
        public long WallClockNanoseconds => Syscalls.ClockNanoseconds(Syscalls.CLOCK_REALTIME);

        /// <summary>Sleeps for <paramref name="nanoseconds"/> (nanosleep, resumed after signals).</summary>
        public void Sleep(long nanoseconds)
        {
            if (nanoseconds <= 0) return;
            Syscalls.Timespec request = new Syscalls.Timespec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
            Syscalls.Timespec remaining;
            while (Syscalls.Nanosleep(&request, &remaining) == -Syscalls.EINTR) request = remaining;
        }

        /// <summary>Pages are 4 KiB on x86-64 Linux.</summary>
        public nuint PageSize => 4096;

        /// <summary>mprotect(PROT_NONE) on the page, then records it in the guard registry (arch/x86_64/ukguard.S).</summary>
        public bool Protect(nuint guard, nuint stackTop, string owner)
        {
            if ((guard & (PageSize - 1)) != 0 || stackTop <= guard + PageSize) return false;
            if (Syscalls.Mprotect((void*)guard, PageSize, Syscalls.PROT_NONE) != 0) return false;
            fixed (char* name = owner)
            {
                // Safe: name points at the pinned string's owner.Length characters, which the registry copies.
                Syscalls.GuardAdd(guard, guard + PageSize, stackTop, name, (nuint)owner.Length);
            }
            return true;
        }

        /// <summary>Forgets the guard and makes the page readable and writable again.</summary>
        public void Unprotect(nuint guard)
        {
            Syscalls.GuardRemove(guard);
            Syscalls.Mprotect((void*)guard, PageSize, Syscalls.PROT_READ | Syscalls.PROT_WRITE);
        }

        /// <inheritdoc/>
        public string Name => "linuxu";

        /// <inheritdoc/>
        public void Terminate(int status)
        {
            Syscalls.ExitGroup(status);
        }
    }

    /// <summary>The Linux x86-64 syscalls linuxu uses, through boot.S's <c>uk_linuxu_syscall</c> gate.</summary>
    internal static unsafe class Syscalls
    {
        internal const int EINTR = 4;
        internal const int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2;
        internal const int MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20;
        internal const int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1;
        private const long SYS_read = 0, SYS_write = 1, SYS_mmap = 9, SYS_mprotect = 10, SYS_munmap = 11, SYS_nanosleep = 35, SYS_exit_group = 231, SYS_clock_gettime = 228;

        internal struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        // Returns the raw kernel result: a value, or -errno.
        [DllImport("uknative", EntryPoint = "uk_linuxu_syscall"), SuppressGCTransition]
        private static extern long Syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);

        internal static long Read(int fd, byte* buffer, int count) => Syscall(SYS_read, fd, (long)buffer, count, 0, 0, 0);

        internal static long Write(int fd, byte* buffer, int count) => Syscall(SYS_write, fd, (long)buffer, count, 0, 0, 0);

        internal static long Mmap(void* address, nuint length, int protection, int flags, int fd, long offset)
            => Syscall(SYS_mmap, (long)address, (long)length, protection, flags, fd, offset);

        internal static long Mprotect(void* address, nuint length, int protection) => Syscall(SYS_mprotect, (long)address, (long)length, protection, 0, 0, 0);

        [DllImport("uknative", EntryPoint = "uk_guard_add"), SuppressGCTransition]
        internal static extern int GuardAdd(nuint guardLow, nuint stackLow, nuint stackHigh, char* name, nuint length);

        [DllImport("uknative", EntryPoint = "uk_guard_remove"), SuppressGCTransition]
        internal static extern void GuardRemove(nuint guardLow);

        internal static long Munmap(void* address, nuint length) => Syscall(SYS_munmap, (long)address, (long)length, 0, 0, 0, 0);

        internal static long Nanosleep(Timespec* request, Timespec* remaining) => Syscall(SYS_nanosleep, (long)request, (long)remaining, 0, 0, 0, 0);

        internal static long ClockNanoseconds(int clock)
        {
            Timespec ts;
            Syscall(SYS_clock_gettime, clock, (long)&ts, 0, 0, 0, 0);
            return ts.Seconds * 1_000_000_000 + ts.Nanoseconds;
        }

        internal static void ExitGroup(int status)
        {
            Syscall(SYS_exit_group, status, 0, 0, 0, 0, 0);
        }
    }
}
