using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>
    /// An immutable UTF-16 string. Layout is fixed by ILC: the length, then the characters (NUL-terminated).
    /// Images support literals, concatenation, equality, indexing, spans and integer formatting.
    /// </summary>
    public sealed unsafe partial class String : IEquatable<string>
    {
        // ILC looks these two fields up by name.
        private readonly int _stringLength;
        private char _firstChar;

        /// <summary>The empty string.</summary>
        public static readonly string Empty = "";

        /// <summary>Number of UTF-16 code units.</summary>
        public int Length => _stringLength;

        /// <summary>The code unit at <paramref name="index"/>.</summary>
        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength) ThrowHelpers.ThrowIndexOutOfRange();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        internal ref char GetRawStringData() => ref _firstChar;

        /// <summary>Enumerates the characters (C# lowers <c>foreach</c> over a string to an index loop).</summary>
        public CharEnumerator GetEnumerator() => new CharEnumerator(this);

        /// <summary>Reference to the first character (for <c>fixed</c>).</summary>
        public ref readonly char GetPinnableReference() => ref _firstChar;

        internal static string FastAllocateString(int length)
        {
            if (length == 0) return "";
            return Unsafe.As<string>(RuntimeExports.NewArrayLike(MethodTable.Of<string>(), length));
        }

        internal static string FromChar(char c)
        {
            string s = FastAllocateString(1);
            s._firstChar = c;
            return s;
        }

        /// <summary>Creates a string from a span of characters.</summary>
        public static string Create(ReadOnlySpan<char> chars) => new ReadOnlySpan<char>(chars).ToStringCopy();

        /// <summary>Creates a string from characters (the C# <c>new string(char[])</c>).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);

        /// <summary>Creates a string from <paramref name="length"/> characters of an array.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value, int startIndex, int length);

        /// <summary>Creates a string from characters.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(ReadOnlySpan<char> value);

        /// <summary>Creates a string from <paramref name="length"/> characters at <paramref name="value"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char* value, int startIndex, int length);

        /// <summary>Creates a string of <paramref name="count"/> copies of <paramref name="c"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);

        private static string Ctor(char c, int count)
        {
            string s = FastAllocateString(count);
            for (int i = 0; i < count; i++) Unsafe.Add(ref s._firstChar, i) = c;
            return s;
        }

        // ILC maps each string constructor to a static Ctor method with the same parameters.
        private static string Ctor(char[] value) => new ReadOnlySpan<char>(value).ToStringCopy();

        private static string Ctor(ReadOnlySpan<char> value) => value.ToStringCopy();

        private static string Ctor(char[] value, int startIndex, int length) => new ReadOnlySpan<char>(value, startIndex, length).ToStringCopy();

        private static string Ctor(char* value, int startIndex, int length) => new ReadOnlySpan<char>(value + startIndex, length).ToStringCopy();

        /// <summary>The string itself.</summary>
        public override string ToString() => this;

        /// <summary>Ordinal equality.</summary>
        public bool Equals(string? other)
        {
            if ((object)this == (object?)other) return true;
            if (other is null || other._stringLength != _stringLength) return false;
            for (int i = 0; i < _stringLength; i++)
            {
                if (Unsafe.Add(ref _firstChar, i) != Unsafe.Add(ref other._firstChar, i)) return false;
            }
            return true;
        }

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is string s && Equals(s);

        /// <summary>Ordinal equality, null-safe.</summary>
        public static bool Equals(string? a, string? b) => a is null ? b is null : a.Equals(b);

        /// <summary>Ordinal equality, null-safe.</summary>
        public static bool operator ==(string? a, string? b) => Equals(a, b);

        /// <summary>Ordinal inequality, null-safe.</summary>
        public static bool operator !=(string? a, string? b) => !Equals(a, b);

        /// <summary>FNV-1a over the code units (deterministic across runs, unlike the CLR's).</summary>
        public override int GetHashCode()
        {
            uint hash = 2166136261;
            for (int i = 0; i < _stringLength; i++)
            {
                hash = (hash ^ Unsafe.Add(ref _firstChar, i)) * 16777619;
            }
            return (int)hash;
        }

        /// <summary>Whether the string is null or has no characters.</summary>
        public static bool IsNullOrEmpty(string? value) => value is null || value._stringLength == 0;

        /// <summary>Whether the string starts with <paramref name="value"/> (ordinal).</summary>
        public bool StartsWith(string value) => value._stringLength <= _stringLength && AsSpanInternal().Slice(0, value._stringLength).SequenceEqual(value.AsSpanInternal());

        /// <summary>Whether the string ends with <paramref name="value"/> (ordinal).</summary>
        public bool EndsWith(string value) => value._stringLength <= _stringLength && AsSpanInternal().Slice(_stringLength - value._stringLength).SequenceEqual(value.AsSpanInternal());

        /// <summary>Index of the first <paramref name="c"/>, or -1.</summary>
        public int IndexOf(char c)
        {
            for (int i = 0; i < _stringLength; i++) if (Unsafe.Add(ref _firstChar, i) == c) return i;
            return -1;
        }

        /// <summary>The characters from <paramref name="startIndex"/> on.</summary>
        public string Substring(int startIndex) => Substring(startIndex, _stringLength - startIndex);

        /// <summary><paramref name="length"/> characters from <paramref name="startIndex"/>.</summary>
        public string Substring(int startIndex, int length) => AsSpanInternal().Slice(startIndex, length).ToStringCopy();

        internal ReadOnlySpan<char> AsSpanInternal() => new ReadOnlySpan<char>(ref _firstChar, _stringLength);

        /// <summary>The characters as a span.</summary>
        public static implicit operator ReadOnlySpan<char>(string? value) => value is null ? default : value.AsSpanInternal();

        /// <summary>Concatenates the text of two objects.</summary>
        public static string Concat(object? a, object? b) => Concat(a?.ToString(), b?.ToString());

        /// <summary>Concatenates the text of three objects.</summary>
        public static string Concat(object? a, object? b, object? c) => Concat(a?.ToString(), b?.ToString(), c?.ToString());

        /// <summary>Concatenates two strings.</summary>
        public static string Concat(string? a, string? b)
        {
            int la = a is null ? 0 : a._stringLength, lb = b is null ? 0 : b._stringLength;
            string result = FastAllocateString(la + lb);
            if (la + lb == 0) return result;
            Span<char> dest = new Span<char>(ref result._firstChar, la + lb);
            a.AsSpanInternalOrEmpty().CopyTo(dest);
            b.AsSpanInternalOrEmpty().CopyTo(dest.Slice(la));
            return result;
        }

        /// <summary>Concatenates three strings.</summary>
        public static string Concat(string? a, string? b, string? c) => Concat(Concat(a, b), c);

        /// <summary>Concatenates four strings.</summary>
        public static string Concat(string? a, string? b, string? c, string? d) => Concat(Concat(a, b), Concat(c, d));

        /// <summary>Concatenates any number of strings.</summary>
        public static string Concat(params string?[] values)
        {
            int total = 0;
            for (int i = 0; i < values.Length; i++) total += values[i] is null ? 0 : values[i]!._stringLength;
            string result = FastAllocateString(total);
            if (total == 0) return result;
            Span<char> dest = new Span<char>(ref result._firstChar, total);
            int at = 0;
            for (int i = 0; i < values.Length; i++)
            {
                string? v = values[i];
                if (v is null) continue;
                v.AsSpanInternal().CopyTo(dest.Slice(at));
                at += v._stringLength;
            }
            return result;
        }

        /// <summary>Concatenates spans (used by the compiler for span-based concatenation).</summary>
        public static string Concat(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            string result = FastAllocateString(a.Length + b.Length);
            if (result._stringLength == 0) return result;
            Span<char> dest = new Span<char>(ref result._firstChar, result._stringLength);
            a.CopyTo(dest);
            b.CopyTo(dest.Slice(a.Length));
            return result;
        }

        /// <summary>Concatenates spans.</summary>
        public static string Concat(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c) => Concat(Concat(a, b), c);

        /// <summary>Concatenates spans.</summary>
        public static string Concat(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c, ReadOnlySpan<char> d) => Concat(Concat(a, b), Concat(c, d));

        /// <summary>Joins strings with a separator.</summary>
        public static string Join(string? separator, params string?[] values)
        {
            string result = "";
            for (int i = 0; i < values.Length; i++)
            {
                result = i == 0 ? Concat(result, values[i]) : Concat(result, separator, values[i]);
            }
            return result;
        }
    }

    /// <summary>Walks the characters of a string.</summary>
    public sealed class CharEnumerator
    {
        private readonly string _text;
        private int _index = -1;

        internal CharEnumerator(string text) { _text = text; }

        /// <summary>Advances.</summary>
        public bool MoveNext() => ++_index < _text.Length;

        /// <summary>The current character.</summary>
        public char Current => _text[_index];
    }

    internal static class StringSpanExtensions
    {
        internal static ReadOnlySpan<char> AsSpanInternalOrEmpty(this string? s) => s is null ? default : s.AsSpanInternal();

        internal static unsafe string ToStringCopy(this ReadOnlySpan<char> chars)
        {
            string result = string.FastAllocateString(chars.Length);
            if (chars.Length == 0) return result;
            chars.CopyTo(new Span<char>(ref result.GetRawStringData(), chars.Length));
            return result;
        }
    }
}
