// What the C# compiler lowers $"..." to (C# 10+): the same calls as on the CLR.
using System.Text;

namespace System.Runtime.CompilerServices
{
    /// <summary>Marks a type the compiler may use as an interpolated string handler.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class InterpolatedStringHandlerAttribute : Attribute
    {
    }

    /// <summary>Names the arguments passed to a handler's constructor.</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
    {
        /// <summary>One argument.</summary>
        public InterpolatedStringHandlerArgumentAttribute(string argument) { Arguments = new string[] { argument }; }

        /// <summary>Several arguments.</summary>
        public InterpolatedStringHandlerArgumentAttribute(params string[] arguments) { Arguments = arguments; }

        /// <summary>The argument names.</summary>
        public string[] Arguments { get; }
    }

    /// <summary>Builds an interpolated string; holes are formatted as their ToString(format) (invariant culture).</summary>
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        private char[] _chars;
        private int _length;

        /// <summary>A handler for <paramref name="literalLength"/> literal characters and <paramref name="formattedCount"/> holes.</summary>
        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _chars = new char[literalLength + formattedCount * 11 + 1];
            _length = 0;
        }

        /// <summary>A handler (the provider is ignored: images format with the invariant culture).</summary>
        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider? provider) : this(literalLength, formattedCount) { }

        /// <summary>Appends literal text.</summary>
        public void AppendLiteral(string value) => AppendSpan(value.AsSpan());

        /// <summary>Appends a value's text.</summary>
        public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

        /// <summary>Appends a value's text in a format.</summary>
        public void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

        /// <summary>Appends a value's text, padded to <paramref name="alignment"/> (negative: left-aligned).</summary>
        public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

        /// <summary>Appends a value's text in a format, padded to <paramref name="alignment"/>.</summary>
        public void AppendFormatted<T>(T value, int alignment, string? format)
        {
            string? text = FormatValue(value, format);
            AppendAligned(text.AsSpan(), alignment);
        }

        /// <summary>Appends characters.</summary>
        public void AppendFormatted(ReadOnlySpan<char> value) => AppendSpan(value);

        /// <summary>Appends characters, padded to <paramref name="alignment"/>.</summary>
        public void AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string? format = null) => AppendAligned(value, alignment);

        /// <summary>Appends a string.</summary>
        public void AppendFormatted(string? value) => AppendSpan(value.AsSpan());

        /// <summary>Appends a string, padded to <paramref name="alignment"/>.</summary>
        public void AppendFormatted(string? value, int alignment = 0, string? format = null) => AppendAligned(value.AsSpan(), alignment);

        /// <summary>Appends an object's text.</summary>
        public void AppendFormatted(object? value, int alignment = 0, string? format = null) => AppendAligned(FormatValue(value, format).AsSpan(), alignment);

        /// <summary>The text built so far; the handler is then empty.</summary>
        public string ToStringAndClear()
        {
            string result = new string(_chars, 0, _length);
            _length = 0;
            return result;
        }

        /// <summary>The text built so far.</summary>
        public override string ToString() => new string(_chars, 0, _length);

        // Primitive values are formatted without boxing (the default(T) tests fold per instantiation).
        internal static string? FormatValue<T>(T value, string? format)
        {
            if (default(T) is int) return Unsafe.As<T, int>(ref value).ToString(format);
            if (default(T) is long) return Unsafe.As<T, long>(ref value).ToString(format);
            if (default(T) is uint) return Unsafe.As<T, uint>(ref value).ToString(format);
            if (default(T) is ulong) return Unsafe.As<T, ulong>(ref value).ToString(format);
            if (default(T) is double) return Unsafe.As<T, double>(ref value).ToString(format);
            if (default(T) is char) return Unsafe.As<T, char>(ref value).ToString();
            if (default(T) is bool) return Unsafe.As<T, bool>(ref value).ToString();
            if (value is IFormattable f) return f.ToString(format, null);
            return value?.ToString();
        }

        private void AppendAligned(ReadOnlySpan<char> text, int alignment)
        {
            int width = alignment < 0 ? -alignment : alignment;
            int pad = width - text.Length;
            if (pad > 0 && alignment > 0) AppendPadding(pad);
            AppendSpan(text);
            if (pad > 0 && alignment < 0) AppendPadding(pad);
        }

        private void AppendPadding(int count)
        {
            Reserve(count);
            for (int i = 0; i < count; i++) _chars[_length++] = ' ';
        }

        private void AppendSpan(ReadOnlySpan<char> text)
        {
            Reserve(text.Length);
            text.CopyTo(new Span<char>(_chars, _length, text.Length));
            _length += text.Length;
        }

        private void Reserve(int more)
        {
            if (_length + more <= _chars.Length) return;
            int capacity = _chars.Length * 2;
            if (capacity < _length + more) capacity = _length + more;
            char[] grown = new char[capacity];
            new ReadOnlySpan<char>(_chars, 0, _length).CopyTo(grown);
            _chars = grown;
        }
    }
}
