using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System
{
    /// <summary>Span helpers used by library code (a subset of the BCL's MemoryExtensions).</summary>
    public static partial class MemoryExtensions
    {
        /// <summary>The string's characters as a span.</summary>
        public static ReadOnlySpan<char> AsSpan(this string? text) => text is null ? default : text.AsSpanInternal();

        /// <summary>Part of the string's characters as a span.</summary>
        public static ReadOnlySpan<char> AsSpan(this string? text, int start) => AsSpan(text).Slice(start);

        /// <summary>Part of the string's characters as a span.</summary>
        public static ReadOnlySpan<char> AsSpan(this string? text, int start, int length) => AsSpan(text).Slice(start, length);

        /// <summary>The array as a span.</summary>
        public static Span<T> AsSpan<T>(this T[]? array) => new Span<T>(array);

        /// <summary>Part of the array as a span.</summary>
        public static Span<T> AsSpan<T>(this T[]? array, int start) => new Span<T>(array).Slice(start);

        /// <summary>Part of the array as a span.</summary>
        public static Span<T> AsSpan<T>(this T[]? array, int start, int length) => new Span<T>(array, start, length);

        /// <summary>Element-wise equality.</summary>
        public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>
        {
            if (span.Length != other.Length) return false;
            for (int i = 0; i < span.Length; i++)
            {
                if (!span[i].Equals(other[i])) return false;
            }
            return true;
        }

        /// <summary>Element-wise equality.</summary>
        public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other) where T : IEquatable<T> => SequenceEqual((ReadOnlySpan<T>)span, other);

        /// <summary>Index of the first element equal to <paramref name="value"/>, or -1.</summary>
        public static int IndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
            {
                if (span[i].Equals(value)) return i;
            }
            return -1;
        }

        /// <summary>Index of the first element equal to <paramref name="value"/>, or -1.</summary>
        public static int IndexOf<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value);

        /// <summary>Whether <paramref name="span"/> starts with <paramref name="value"/>.</summary>
        public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
            => value.Length <= span.Length && SequenceEqual(span.Slice(0, value.Length), value);
    }
}

namespace System.Runtime.InteropServices
{
    /// <summary>Low-level span and array access.</summary>
    public static class MemoryMarshal
    {
        /// <summary>Reference to the first element of an array (no bounds check).</summary>
        public static ref T GetArrayDataReference<T>(T[] array) => ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data);

        /// <summary>Reference to the first element of a span.</summary>
        public static ref T GetReference<T>(Span<T> span) => ref span.DangerousReference;

        /// <summary>Reference to the first element of a read-only span.</summary>
        public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span.DangerousReference;

        /// <summary>A span over <paramref name="length"/> elements at <paramref name="reference"/>.</summary>
        public static Span<T> CreateSpan<T>(ref T reference, int length) => new Span<T>(ref reference, length);

        /// <summary>A read-only span over <paramref name="length"/> elements at <paramref name="reference"/>.</summary>
        public static ReadOnlySpan<T> CreateReadOnlySpan<T>(ref readonly T reference, int length) => new ReadOnlySpan<T>(ref Unsafe.AsRef(in reference), length);

        /// <summary>The bytes of a span of unmanaged values.</summary>
        public static Span<byte> AsBytes<T>(Span<T> span) where T : unmanaged
            => new Span<byte>(ref Unsafe.As<T, byte>(ref GetReference(span)), span.Length * Unsafe.SizeOf<T>());

        /// <summary>The bytes of a read-only span of unmanaged values.</summary>
        public static ReadOnlySpan<byte> AsBytes<T>(ReadOnlySpan<T> span) where T : unmanaged
            => new ReadOnlySpan<byte>(ref Unsafe.As<T, byte>(ref GetReference(span)), span.Length * Unsafe.SizeOf<T>());

    }
}
