using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Threading
{
    /// <summary>
    /// Atomic operations, implemented by lock-prefixed instructions in native/corelib.S. Objects never move
    /// (no GC), so taking the address of a ref is stable.
    /// </summary>
    public static unsafe class Interlocked
    {
        /// <summary>Sets <paramref name="location1"/> to <paramref name="value"/> if it equals <paramref name="comparand"/>; returns the old value.</summary>
        public static int CompareExchange(ref int location1, int value, int comparand) => Native.Cas32((int*)Unsafe.AsPointer(ref location1), value, comparand);

        /// <summary>Sets <paramref name="location1"/> to <paramref name="value"/> if it equals <paramref name="comparand"/>; returns the old value.</summary>
        public static long CompareExchange(ref long location1, long value, long comparand) => Native.Cas64((long*)Unsafe.AsPointer(ref location1), value, comparand);

        /// <summary>Sets <paramref name="location1"/> to <paramref name="value"/> if it equals <paramref name="comparand"/>; returns the old value.</summary>
        public static nint CompareExchange(ref nint location1, nint value, nint comparand) => (nint)Native.Cas64((long*)Unsafe.AsPointer(ref location1), value, comparand);

        /// <summary>Sets <paramref name="location1"/> to <paramref name="value"/> if it is <paramref name="comparand"/>; returns the old reference.</summary>
        public static object? CompareExchange(ref object? location1, object? value, object? comparand)
        {
            long old = Native.Cas64((long*)Unsafe.AsPointer(ref location1), Unsafe.As<object?, long>(ref value), Unsafe.As<object?, long>(ref comparand));
            return Unsafe.As<long, object?>(ref old);
        }

        /// <summary>Sets <paramref name="location1"/> to <paramref name="value"/> if it is <paramref name="comparand"/>; returns the old reference.</summary>
        public static T CompareExchange<T>(ref T location1, T value, T comparand) where T : class?
            => Unsafe.As<T>(CompareExchange(ref Unsafe.As<T, object?>(ref location1), value, comparand));

        /// <summary>Stores <paramref name="value"/>; returns the old value.</summary>
        public static int Exchange(ref int location1, int value) => Native.Xchg32((int*)Unsafe.AsPointer(ref location1), value);

        /// <summary>Stores <paramref name="value"/>; returns the old value.</summary>
        public static long Exchange(ref long location1, long value) => Native.Xchg64((long*)Unsafe.AsPointer(ref location1), value);

        /// <summary>Stores <paramref name="value"/>; returns the old reference.</summary>
        public static object? Exchange(ref object? location1, object? value)
        {
            long old = Native.Xchg64((long*)Unsafe.AsPointer(ref location1), Unsafe.As<object?, long>(ref value));
            return Unsafe.As<long, object?>(ref old);
        }

        /// <summary>Stores <paramref name="value"/>; returns the old reference.</summary>
        public static T Exchange<T>(ref T location1, T value) where T : class?
            => Unsafe.As<T>(Exchange(ref Unsafe.As<T, object?>(ref location1), value));

        /// <summary>Adds <paramref name="value"/>; returns the new value.</summary>
        public static int Add(ref int location1, int value) => Native.Xadd32((int*)Unsafe.AsPointer(ref location1), value) + value;

        /// <summary>Adds <paramref name="value"/>; returns the new value.</summary>
        public static long Add(ref long location1, long value) => Native.Xadd64((long*)Unsafe.AsPointer(ref location1), value) + value;

        /// <summary>Adds one; returns the new value.</summary>
        public static int Increment(ref int location) => Add(ref location, 1);

        /// <summary>Adds one; returns the new value.</summary>
        public static long Increment(ref long location) => Add(ref location, 1);

        /// <summary>Subtracts one; returns the new value.</summary>
        public static int Decrement(ref int location) => Add(ref location, -1);

        /// <summary>Subtracts one; returns the new value.</summary>
        public static long Decrement(ref long location) => Add(ref location, -1);

        /// <summary>A full memory fence.</summary>
        public static void MemoryBarrier() => Native.Barrier();

        private static class Native
        {
            [DllImport(UkNative.Library, EntryPoint = "uk_atomic_cas32"), SuppressGCTransition]
            internal static extern int Cas32(int* location, int value, int comparand);

            [DllImport(UkNative.Library, EntryPoint = "uk_atomic_cas64"), SuppressGCTransition]
            internal static extern long Cas64(long* location, long value, long comparand);

            [DllImport(UkNative.Library, EntryPoint = "uk_atomic_xchg32"), SuppressGCTransition]
            internal static extern int Xchg32(int* location, int value);

            [DllImport(UkNative.Library, EntryPoint = "uk_atomic_xchg64"), SuppressGCTransition]
            internal static extern long Xchg64(long* location, long value);

            [DllImport(UkNative.Library, EntryPoint = "uk_atomic_xadd32"), SuppressGCTransition]
            internal static extern int Xadd32(int* location, int value);

            [DllImport(UkNative.Library, EntryPoint = "uk_atomic_xadd64"), SuppressGCTransition]
            internal static extern long Xadd64(long* location, long value);

            [DllImport(UkNative.Library, EntryPoint = "uk_memory_barrier"), SuppressGCTransition]
            internal static extern void Barrier();
        }
    }

    /// <summary>Volatile reads and writes (x86-64: ordinary aligned moves the compiler may not reorder).</summary>
    public static class Volatile
    {
        /// <summary>Reads with acquire semantics.</summary>
        public static int Read(ref readonly int location) => Unsafe.As<int, VolatileInt>(ref Unsafe.AsRef(in location)).Value;

        /// <summary>Writes with release semantics.</summary>
        public static void Write(ref int location, int value) => Unsafe.As<int, VolatileInt>(ref location).Value = value;

        /// <summary>Reads with acquire semantics.</summary>
        public static bool Read(ref readonly bool location) => Unsafe.As<bool, VolatileBool>(ref Unsafe.AsRef(in location)).Value;

        /// <summary>Writes with release semantics.</summary>
        public static void Write(ref bool location, bool value) => Unsafe.As<bool, VolatileBool>(ref location).Value = value;

        private struct VolatileInt { public volatile int Value; }
        private struct VolatileBool { public volatile bool Value; }
    }
}
