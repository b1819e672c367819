namespace System.Runtime
{
    /// <summary>
    /// The report of an exception no frame catches: <c>Unhandled exception. &lt;type&gt;: &lt;message&gt;</c> (as
    /// the CLR prints it) and a stack trace, one <c>   at</c> line per frame with the return address and, when
    /// the image carries a symbol table (kvm_symtab: sorted {address, name} pairs, see
    /// src/Platforms/kvm/boot/symtab.awk), the function's symbol and offset. Without one the addresses can be
    /// resolved against the image's .dbg file with addr2line.
    /// </summary>
    internal static unsafe class UkExceptionReport
    {
        private const int MaxFrames = 64;

        internal static void Unhandled(object exception, UkEhContext* site, bool active)
        {
            Panic.WriteUnhandledHeader(exception as Exception);
            UkFrameCursor cursor = new UkFrameCursor(site, active);
            int frames = 0;
            bool symbols = false;
            while (cursor.Valid)
            {
                // A funclet's parent frame is the method of the funclet frame just printed: listed once.
                if (cursor.FuncletParent) { cursor.Next(); continue; }
                if (frames < MaxFrames)
                {
                    nuint pc = cursor.Context.Rip;
                    Panic.WriteError("   at ");
                    bool named = WriteSymbol(active && frames == 0 ? pc : pc - 1, pc);
                    symbols |= named;
                    if (named) Panic.WriteError("(");
                    WriteHex(pc);
                    Panic.WriteError(named ? ")\n" : "\n");
                }
                frames++;
                cursor.Next();
            }
            if (frames > MaxFrames) Panic.WriteError("   ... " + (frames - MaxFrames).ToString() + " more frames\n");
            if (!symbols) Panic.WriteError("   (no symbol table in the image: addr2line -f -e <image>.dbg <address>)\n");
        }

        /// <summary>
        /// A throw in an image built without exception dispatch (<see cref="UkFeatures.Exceptions"/> off): the
        /// report's first line, the throw site (<paramref name="pc"/>: the return address of the throw helper, or
        /// the faulting instruction when <paramref name="active"/>), and how to get dispatch back. Exits 134.
        /// </summary>
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        internal static void ThrowPanic(object exception, nuint pc, bool active)
        {
            Panic.WriteUnhandledHeader(exception as Exception);
            Panic.WriteError("   at ");
            bool named = WriteSymbol(active ? pc : pc - 1, pc);
            if (named) Panic.WriteError("(");
            WriteHex(pc);
            Panic.WriteError(named ? ")\n" : "\n");
            if (!named) Panic.WriteError("   (no symbol table in the image: addr2line -f -e <image>.dbg <address>)\n");
            Panic.WriteError("   (exceptions are off in this image, so nothing catches them: CONFIG_LIBUKBOOT_EXCEPTIONS=y turns dispatch on)\n");
            NativeRuntime.Exit(Panic.UnhandledExceptionStatus);
            while (true) { }
        }

        /// <summary>
        /// One <c>Exception.StackTrace</c> line: <c>   at name+0xoff (0xaddress)</c> as in the report, or
        /// <c>   at 0xaddress</c> without a symbol table. <paramref name="active"/>: the address is the faulting
        /// instruction, not a return address.
        /// </summary>
        internal static void AppendFrame(System.Text.StringBuilder text, nuint pc, bool active)
        {
            text.Append("   at 0x").Append(((ulong)pc).ToString("x16"));
        }

        // " name+0xoff " before the address when the symbol table covers it.
        private static bool WriteSymbol(nuint lookup, nuint pc)
        {
            nuint* addresses = UkEhNative.Addresses();
            nuint* countCell = (nuint*)addresses[5];
            nuint* table = (nuint*)addresses[6];
            if (countCell == null || table == null || *countCell == 0) return false;
            nuint lo = 0, hi = *countCell;
            if (table[0] > lookup) return false;
            while (hi - lo > 1)
            {
                nuint mid = (lo + hi) / 2;
                if (table[2 * mid] <= lookup) lo = mid; else hi = mid;
            }
            byte* name = (byte*)table[2 * lo + 1];
            nuint length = 0;
            while (name[length] != 0) length++;
            NativeRuntime.ConsoleError(name, length);
            Panic.WriteError("+0x");
            WriteHexDigits(pc - table[2 * lo], 1);
            Panic.WriteError(" ");
            return true;
        }

        private static void WriteHex(nuint value)
        {
            Panic.WriteError("0x");
            WriteHexDigits(value, 16);
        }

        private static void WriteHexDigits(nuint value, int minDigits)
        {
            byte* buffer = stackalloc byte[16];
            int n = 0;
            do { buffer[15 - n] = (byte)"0123456789abcdef"[(int)(value & 15)]; value >>= 4; n++; } while (value != 0 || n < minDigits);
            NativeRuntime.ConsoleError(buffer + 16 - n, (nuint)n);
        }
    }
}
