using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Block copies (ILC calls Memmove and BulkMoveWithWriteBarrier by name).</summary>
    public static unsafe class Buffer
    {
        /// <summary>Copies bytes between possibly overlapping native buffers.</summary>
        public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
        {
            if (sourceBytesToCopy > destinationSizeInBytes) throw new ArgumentOutOfRangeException(nameof(sourceBytesToCopy));
            Memmove((byte*)destination, (byte*)source, (nuint)sourceBytesToCopy);
        }

        internal static void MemoryCopy(void* source, void* destination, nuint bytes) => Memmove((byte*)destination, (byte*)source, bytes);

        internal static void Memmove(byte* dest, byte* src, nuint len)
        {
            if (dest == src || len == 0) return;
            if (dest < src || dest >= src + len)
            {
                nuint i = 0;
                for (; i + 8 <= len; i += 8) *(ulong*)(dest + i) = *(ulong*)(src + i);
                for (; i < len; i++) dest[i] = src[i];
            }
            else
            {
                nuint i = len;
                for (; i >= 8; i -= 8) *(ulong*)(dest + i - 8) = *(ulong*)(src + i - 8);
                for (; i > 0; i--) dest[i - 1] = src[i - 1];
            }
        }

        internal static void Memmove<T>(ref T destination, ref T source, nuint elementCount)
            => Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), elementCount * (nuint)Unsafe.SizeOf<T>());

        // Objects never move (no GC), so a plain copy is a correct barrier-free bulk move.
        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount)
            => Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), byteCount);

        internal static void Memmove(ref byte destination, ref byte source, nuint byteCount)
            => Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), byteCount);
    }

    internal static unsafe class SpanHelpers
    {
        internal static void Memmove(ref byte destination, ref byte source, nuint byteCount) => Buffer.Memmove(ref destination, ref source, byteCount);

        internal static void ClearWithoutReferences(ref byte b, nuint byteLength)
        {
            byte* p = (byte*)Unsafe.AsPointer(ref b);
            for (nuint i = 0; i < byteLength; i++) p[i] = 0;
        }

        internal static void ClearWithReferences(ref nint ip, nuint pointerSizeLength)
        {
            for (nuint i = 0; i < pointerSizeLength; i++) Unsafe.Add(ref ip, (nint)i) = 0;
        }

        internal static void Fill(ref byte destination, byte value, nuint count)
        {
            byte* p = (byte*)Unsafe.AsPointer(ref destination);
            for (nuint i = 0; i < count; i++) p[i] = value;
        }
    }

    /// <summary>Integer helpers and the checked conversions ILC calls by name.</summary>
    public static partial class Math
    {
        /// <summary>The smaller value.</summary>
        public static int Min(int a, int b) => a < b ? a : b;
        /// <summary>The larger value.</summary>
        public static int Max(int a, int b) => a > b ? a : b;
        /// <summary>The smaller value.</summary>
        public static long Min(long a, long b) => a < b ? a : b;
        /// <summary>The larger value.</summary>
        public static long Max(long a, long b) => a > b ? a : b;
        /// <summary>The smaller value.</summary>
        public static ulong Min(ulong a, ulong b) => a < b ? a : b;
        /// <summary>The larger value.</summary>
        public static ulong Max(ulong a, ulong b) => a > b ? a : b;
        /// <summary>The smaller value.</summary>
        public static nuint Min(nuint a, nuint b) => a < b ? a : b;
        /// <summary>The larger value.</summary>
        public static nuint Max(nuint a, nuint b) => a > b ? a : b;
        /// <summary>The absolute value.</summary>
        public static int Abs(int a) => a < 0 ? (a == int.MinValue ? throw new OverflowException() : -a) : a;
        /// <summary>The absolute value.</summary>
        public static long Abs(long a) => a < 0 ? (a == long.MinValue ? throw new OverflowException() : -a) : a;

        private static int ConvertToInt32Checked(double v) => v > -2147483649.0 && v < 2147483648.0 ? (int)v : throw new OverflowException();
        private static uint ConvertToUInt32Checked(double v) => v > -1.0 && v < 4294967296.0 ? (uint)v : throw new OverflowException();
        private static long ConvertToInt64Checked(double v) => v >= -9223372036854775808.0 && v < 9223372036854775808.0 ? (long)v : throw new OverflowException();
        private static ulong ConvertToUInt64Checked(double v) => v > -1.0 && v < 18446744073709551616.0 ? (ulong)v : throw new OverflowException();
    }

    /// <summary>Process-level services: exit.</summary>
    public static class Environment
    {
        /// <summary>Ends the image with <paramref name="exitCode"/> (no finalizers, no term functions).</summary>
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        public static void Exit(int exitCode)
        {
            NativeRuntime.Exit(exitCode);
            while (true) { }
        }

        /// <summary>Ends the image after printing <paramref name="message"/>.</summary>
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        public static void FailFast(string? message)
        {
            Panic.Fail(message ?? "FailFast");
        }

        /// <summary>The line terminator.</summary>
        public static string NewLine => "\n";
    }

    /// <summary>Console output through the platform console (<c>uk_plat_console_write</c>), UTF-8.</summary>
    public static unsafe class Console
    {
        /// <summary>Writes text.</summary>
        public static void Write(string? value)
        {
            if (value is null) return;
            byte* buffer = stackalloc byte[512];
            int consumed = 0;
            while (consumed < value.Length)
            {
                int n = Utf8.Encode(value, new Span<byte>(buffer, 512), ref consumed);
                NativeRuntime.ConsoleWrite(buffer, (nuint)n);
            }
        }

        /// <summary>Writes a character.</summary>
        public static void Write(char value) => Write(string.FromChar(value));

        /// <summary>Writes an integer.</summary>
        public static void Write(int value) => Write(Number.Int64ToString(value));

        /// <summary>Writes an integer.</summary>
        public static void Write(long value) => Write(Number.Int64ToString(value));

        /// <summary>Writes an object's text.</summary>
        public static void Write(object? value) => Write(value?.ToString());

        /// <summary>Writes text and a newline.</summary>
        public static void WriteLine(string? value)
        {
            Write(value);
            Write("\n");
        }

        /// <summary>Writes a newline.</summary>
        public static void WriteLine() => Write("\n");

        /// <summary>Writes an integer and a newline.</summary>
        public static void WriteLine(int value) => WriteLine(Number.Int64ToString(value));

        /// <summary>Writes an integer and a newline.</summary>
        public static void WriteLine(long value) => WriteLine(Number.Int64ToString(value));

        /// <summary>Writes a boolean and a newline.</summary>
        public static void WriteLine(bool value) => WriteLine(value ? "True" : "False");

        /// <summary>Writes a character and a newline.</summary>
        public static void WriteLine(char value) => WriteLine(string.FromChar(value));

        /// <summary>Writes an object's text and a newline.</summary>
        public static void WriteLine(object? value) => WriteLine(value?.ToString());

        /// <summary>Writes a double (shortest round-trip text) and a newline.</summary>
        public static void WriteLine(double value) => WriteLine(value.ToString());

        /// <summary>Writes a double (shortest round-trip text).</summary>
        public static void Write(double value) => Write(value.ToString());
    }

    /// <summary>Integer formatting (decimal and hex), the only formatting images have.</summary>
    internal static unsafe partial class Number
    {
        internal static string UInt64ToString(ulong value)
        {
            char* buffer = stackalloc char[20];
            int at = 20;
            do
            {
                buffer[--at] = (char)('0' + (int)(value % 10));
                value /= 10;
            } while (value != 0);
            return new ReadOnlySpan<char>(buffer + at, 20 - at).ToStringCopy();
        }

        internal static string Int64ToString(long value)
        {
            if (value >= 0) return UInt64ToString((ulong)value);
            char* buffer = stackalloc char[21];
            ulong magnitude = (ulong)(-(value + 1)) + 1;
            int at = 21;
            do
            {
                buffer[--at] = (char)('0' + (int)(magnitude % 10));
                magnitude /= 10;
            } while (magnitude != 0);
            buffer[--at] = '-';
            return new ReadOnlySpan<char>(buffer + at, 21 - at).ToStringCopy();
        }

        // Integer formats of the invariant culture: "G"/"D"/"N"/"X" with an optional precision (Uk.Algorithms.IntegerText).
        internal static string FormatUInt64(ulong value, string? format, int maxHexDigits)
            => Uk.Algorithms.IntegerText.Format(value, false, format, value) ?? throw BadFormat(format);

        internal static string FormatInt64(long value, string? format, int maxHexDigits)
        {
            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            ulong hexBits = maxHexDigits >= 16 ? (ulong)value : (ulong)value & ((1UL << (maxHexDigits * 4)) - 1);
            return Uk.Algorithms.IntegerText.Format(magnitude, value < 0, format, hexBits) ?? throw BadFormat(format);
        }

        internal static FormatException BadFormat(string? format)
            => new FormatException("Format string '" + format + "' is not supported in images (integers: G, D, N, X with a precision; doubles: G, R, F, N).");
    }
}
