using System;
using Compose.Platform;

namespace Compose.Libraries.UkAlloc
{
    /// <summary>What an allocator found wrong with a pointer it was given.</summary>
    public enum AllocatorFaultKind
    {
        /// <summary>No fault.</summary>
        None = 0,

        /// <summary>The pointer is the start of a block that is already free.</summary>
        DoubleFree = 1,

        /// <summary>
        /// The pointer lies in the allocator's memory but is not the start of a live block: an interior pointer,
        /// or a block freed earlier whose memory has since been merged or handed out again.
        /// </summary>
        NotAllocated = 2,

        /// <summary>The pointer lies outside every region the allocator manages, or is misaligned.</summary>
        ForeignPointer = 3,
    }

    /// <summary>A misuse an allocator detected: which library, which call, what, and the pointer involved.</summary>
    public readonly struct AllocatorFault
    {
        /// <summary>Creates a fault record.</summary>
        public AllocatorFault(string library, string call, AllocatorFaultKind kind, nuint pointer)
        {
            Library = library;
            Call = call;
            Kind = kind;
            Pointer = pointer;
        }

        /// <summary>The library that detected it, e.g. <c>ukallocbbuddy</c>.</summary>
        public string Library { get; }

        /// <summary>The API call, e.g. <c>Free</c> or <c>Realloc</c>.</summary>
        public string Call { get; }

        /// <summary>What was wrong.</summary>
        public AllocatorFaultKind Kind { get; }

        /// <summary>The pointer passed to the call.</summary>
        public nuint Pointer { get; }

        /// <summary>The human-readable message, e.g. <c>ukallocbbuddy: Free(0x7f00...): double free ...</c>.</summary>
        public string Message => Library + ": " + Call + "(0x" + AllocatorFaults.Hex(Pointer) + "): " + Describe(Kind);

        private static string Describe(AllocatorFaultKind kind)
        {
            switch (kind)
            {
                case AllocatorFaultKind.DoubleFree:
                    return "double free: the block is already free";
                case AllocatorFaultKind.NotAllocated:
                    return "not a live block: the pointer was never returned by this allocator or was already freed";
                case AllocatorFaultKind.ForeignPointer:
                    return "foreign pointer: outside the memory this allocator manages, or misaligned";
                default:
                    return "no fault";
            }
        }
    }

    /// <summary>Receives allocator faults instead of the default panic (tests, debug tooling).</summary>
    public interface IAllocatorFaultHandler
    {
        /// <summary>Called once per detected fault; the allocator then returns without touching its state.</summary>
        void OnFault(in AllocatorFault fault);
    }

    /// <summary>
    /// The one place allocator providers report misuse. With a handler the fault is passed on and the call returns
    /// with the allocator's state untouched; without one it is a panic: the message goes to the platform console and
    /// the platform terminates with <see cref="PanicStatus"/>. With no platform bound (a bare host test process) the
    /// panic is an <see cref="InvalidOperationException"/> carrying the same message.
    /// </summary>
    public static class AllocatorFaults
    {
        /// <summary>The exit status of an allocator panic.</summary>
        public const int PanicStatus = 134;

        /// <summary>Reports <paramref name="fault"/> to <paramref name="handler"/>, or panics when it is null.</summary>
        public static void Raise(IAllocatorFaultHandler? handler, in AllocatorFault fault)
        {
            if (handler != null)
            {
                handler.OnFault(fault);
                return;
            }
            string message = "PANIC " + fault.Message + "\n";
            IPlatformControl? control = UkApi<IPlatformControl>.Instance;
            IConsole? console = UkApi<IConsole>.Instance;
            if (control == null) throw new InvalidOperationException(fault.Message);
            if (console != null) WriteAscii(console, message);
            control.Terminate(PanicStatus);
        }

        /// <summary>Lower-case hexadecimal digits of <paramref name="value"/>, without leading zeros.</summary>
        public static string Hex(nuint value)
        {
            // One-character strings, so that building the text needs string concatenation only (no char formatting).
            string[] digits = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f" };
            string text = "";
            do
            {
                text = digits[(int)(value & 0xF)] + text;
                value >>= 4;
            } while (value != 0);
            return text;
        }

        private static void WriteAscii(IConsole console, string text)
        {
            Span<byte> buffer = stackalloc byte[128];
            int used = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                buffer[used++] = c < 128 ? (byte)c : (byte)'?';
                if (used == buffer.Length)
                {
                    console.Write(buffer);
                    used = 0;
                }
            }
            if (used > 0) console.Write(buffer.Slice(0, used));
        }
    }
}
