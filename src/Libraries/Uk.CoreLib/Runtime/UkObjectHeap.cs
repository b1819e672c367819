using System;

namespace System.Runtime
{
    /// <summary>
    /// Where <c>new</c> gets memory in an image. Before an allocator is installed objects come from the early
    /// arena the platform boot code hands to <c>UkCoreLibStart</c>; afterwards from the installed function
    /// (the composed IAllocator, installed by ukboot's image init, or a garbage collector library such as
    /// ukgcmarksweep, which also frees objects; see <see cref="UkGcRoots"/>).
    /// </summary>
    public static unsafe class UkObjectHeap
    {
        private static byte* s_arenaFirst;
        private static byte* s_arenaNext;
        private static byte* s_arenaEnd;
        private static nuint s_arenaSize;
        private static delegate*<nuint, void*> s_allocate;
        private static nuint s_bytesAllocated;

        internal static void InitializeEarlyArena(byte* start, nuint size)
        {
            s_arenaNext = (byte*)(((nuint)start + 15) & ~(nuint)15);
            s_arenaFirst = s_arenaNext;
            s_arenaEnd = start + size;
            s_arenaSize = size;
        }

        /// <summary>
        /// Routes object allocation to <paramref name="allocate"/>, which must return zeroed memory aligned to 16
        /// bytes, or null when out of memory.
        /// </summary>
        public static void InstallAllocator(delegate*<nuint, void*> allocate) { s_allocate = allocate; }

        /// <summary>Whether an allocator has been installed (else objects come from the early arena).</summary>
        public static bool HasAllocator => s_allocate != null;

        /// <summary>Bytes of objects allocated since boot (both sources).</summary>
        public static nuint BytesAllocated => s_bytesAllocated;

        internal static byte* EarlyArenaFirst => s_arenaFirst;

        internal static byte* EarlyArenaNext => s_arenaNext;

        /// <summary>Bytes of the early arena still free.</summary>
        public static nuint EarlyArenaAvailable => (nuint)(s_arenaEnd - s_arenaNext);

        internal static void* Allocate(nuint size)
        {
            size = (size + 15) & ~(nuint)15;
            s_bytesAllocated += size;
            if (s_allocate != null)
            {
                void* p = s_allocate(size);
                if (p == null) Panic.Fail("out of memory: the allocator could not serve an object allocation");
                return p;
            }
            if ((nuint)(s_arenaEnd - s_arenaNext) < size)
            {
                Panic.Fail("out of memory: the early arena is exhausted and no allocator is installed");
            }
            // Safe: the check above keeps [result, result + size) inside the arena the boot code handed over.
            byte* result = s_arenaNext;
            s_arenaNext += size;
            // The arena is .bss (zero) and never reused, so the memory is already zeroed.
            return result;
        }
    }

    /// <summary>The image's last word: prints a message and ends the image with a non-zero status.</summary>
    internal static unsafe class Panic
    {
        /// <summary>Status of an image stopped by an unhandled exception (the CLR's is SIGABRT: 128 + 6).</summary>
        internal const int UnhandledExceptionStatus = 134;

        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        internal static void Unhandled(Exception? exception)
        {
            WriteUnhandledHeader(exception);
            NativeRuntime.Exit(UnhandledExceptionStatus);
            while (true) { }
        }

        /// <summary>Writes <c>Unhandled exception. &lt;type&gt;: &lt;message&gt;</c> and a newline to the error console.</summary>
        internal static void WriteUnhandledHeader(Exception? exception)
        {
            string? message = exception?.Message;
            WriteError("Unhandled exception. ");
            byte* name = exception is null ? null : TypeName(exception.GetMethodTable());
            if (name != null)
            {
                nuint length = 0;
                while (name[length] != 0) length++;
                NativeRuntime.ConsoleError(name, length);
            }
            else
            {
                WriteError(exception is null ? "System.Exception" : exception.TypeName);
            }
            WriteError(": ");
            WriteError(message ?? "");
            WriteError("\n");
        }

        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        internal static void Fail(string what)
        {
            // No allocation here: Fail also reports running out of memory.
            WriteError("panic: ");
            WriteError(what);
            WriteError("\n");
            NativeRuntime.Exit(UnhandledExceptionStatus);
            while (true) { }
        }

        /// <summary>
        /// The full name of <paramref name="exception"/>'s type from the build's table (app and library exception
        /// types included), else the name the type declares in Uk.CoreLib.
        /// </summary>
        internal static string ExceptionTypeName(Exception exception)
        {
            byte* name = TypeName(exception.GetMethodTable());
            if (name == null) return exception.TypeName;
            int length = 0;
            while (name[length] != 0) length++;
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = (char)name[i];
            return new string(chars);
        }

        // The build's table of exception type names (typenames.S): { MethodTable*, char* } pairs, ending with nulls.
        private static byte* TypeName(global::Internal.Runtime.MethodTable* type)
        {
            for (nint* entry = NativeRuntime.TypeNameTable(); entry[0] != 0; entry += 2)
            {
                if ((global::Internal.Runtime.MethodTable*)entry[0] == type) return (byte*)entry[1];
            }
            return null;
        }

        internal static void WriteError(string text)
        {
            byte* buffer = stackalloc byte[256];
            int consumed = 0;
            while (consumed < text.Length)
            {
                int n = Utf8.Encode(text, new Span<byte>(buffer, 256), ref consumed);
                NativeRuntime.ConsoleError(buffer, (nuint)n);
            }
        }
    }
}
