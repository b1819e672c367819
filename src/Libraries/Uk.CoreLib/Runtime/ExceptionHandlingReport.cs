namespace System.Runtime
{
    /// <summary>
    /// The report of an exception no frame catches: <c>Unhandled exception. &lt;type&gt;: &lt;message&gt;</c> (as
    /// the CLR prints it) and a stack trace, one <c>   at</c> line per frame with the return address and, when
    /// the image carries a symbol table (uk_symtab: entries {address, name} sorted by address, names stored as
    /// shared prefixes and strings, see src/Build/symtab.awk), the function's symbol and offset. Without one the addresses can be
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
            text.Append("   at ");
            if (FindSymbol(active ? pc : pc - 1, out uint* header, out uint reference, out nuint start))
            {
                byte* name = stackalloc byte[NameCapacity];
                int length = CopySymbolName(header, reference, name, NameCapacity);
                for (int i = 0; i < length; i++) text.Append((char)name[i]);
                text.Append("+0x").Append(((ulong)(pc - start)).ToString("x")).Append(" (0x").Append(((ulong)pc).ToString("x16")).Append(')');
                return;
            }
            text.Append("0x").Append(((ulong)pc).ToString("x16"));
        }

        private const int NameCapacity = 512;

        // " name+0xoff " before the address when the symbol table covers it.
        private static bool WriteSymbol(nuint lookup, nuint pc)
        {
            if (!FindSymbol(lookup, out uint* header, out uint reference, out nuint start)) return false;
            byte* name = stackalloc byte[NameCapacity];
            NativeRuntime.ConsoleError(name, (nuint)CopySymbolName(header, reference, name, NameCapacity));
            Panic.WriteError("+0x");
            WriteHexDigits(pc - start, 1);
            Panic.WriteError(" ");
            return true;
        }

        // The symbol at or below lookup in the image's table (uk_symtab, see src/Build/symtab.awk):
        // a header { prefixes offset, strings offset, S }, then entries { uint32 address, uint32 name ref } sorted
        // by address, the prefix refs and the strings. False when there is no table or no symbol below.
        private static bool FindSymbol(nuint lookup, out uint* header, out uint reference, out nuint start)
        {
            nuint* addresses = UkEhNative.Addresses();
            nuint* countCell = (nuint*)addresses[5];
            header = (uint*)addresses[6];
            reference = 0;
            start = 0;
            if (countCell == null || header == null || *countCell == 0 || lookup > uint.MaxValue) return false;
            uint* entries = header + 3;
            uint key = (uint)lookup;
            nuint lo = 0, hi = *countCell;
            if (entries[0] > key) return false;
            while (hi - lo > 1)
            {
                nuint mid = (lo + hi) / 2;
                if (entries[2 * mid] <= key) lo = mid; else hi = mid;
            }
            reference = entries[2 * lo + 1];
            start = entries[2 * lo];
            return true;
        }

        // Copies the text of a name ref into buffer (at most capacity bytes) and returns its length: the prefix
        // (index ref >> S, 0: none; a prefix's own prefix index is lower, so the recursion ends even on a damaged
        // table), then the string at offset ref & (2^S - 1).
        private static int CopySymbolName(uint* header, uint reference, byte* buffer, int capacity)
        {
            int shift = (int)header[2];
            uint index = reference >> shift;
            int length = 0;
            if (index != 0)
            {
                uint prefix = ((uint*)((byte*)header + header[0]))[index - 1];
                if ((prefix >> shift) < index) length = CopySymbolName(header, prefix, buffer, capacity);
            }
            byte* name = (byte*)header + header[1] + (reference & ((1u << shift) - 1));
            for (nuint i = 0; name[i] != 0 && length < capacity; i++) buffer[length++] = name[i];
            return length;
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
