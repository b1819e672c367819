// StringBuilder: one growable char array (the BCL chains chunks; the observable behaviour is the same).
namespace System.Text
{
    /// <summary>A mutable string.</summary>
    public sealed class StringBuilder
    {
        private char[] _chars;
        private int _length;

        /// <summary>An empty builder.</summary>
        public StringBuilder() : this(16) { }

        /// <summary>An empty builder with room for <paramref name="capacity"/> characters.</summary>
        public StringBuilder(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            _chars = new char[capacity == 0 ? 16 : capacity];
        }

        /// <summary>A builder holding <paramref name="value"/>.</summary>
        public StringBuilder(string? value) : this(value is null || value.Length < 16 ? 16 : value.Length) { Append(value); }

        /// <summary>Number of characters; setting it truncates or pads with '\0'.</summary>
        public int Length
        {
            get => _length;
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException(nameof(value));
                Reserve(value);
                for (int i = _length; i < value; i++) _chars[i] = '\0';
                _length = value;
            }
        }

        /// <summary>Size of the buffer.</summary>
        public int Capacity => _chars.Length;

        /// <summary>The character at <paramref name="index"/>.</summary>
        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException();
                return _chars[index];
            }
            set
            {
                if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException();
                _chars[index] = value;
            }
        }

        private void Reserve(int total)
        {
            if (total <= _chars.Length) return;
            int capacity = _chars.Length * 2;
            if (capacity < total) capacity = total;
            char[] grown = new char[capacity];
            new ReadOnlySpan<char>(_chars, 0, _length).CopyTo(grown);
            _chars = grown;
        }

        /// <summary>Appends characters.</summary>
        public StringBuilder Append(ReadOnlySpan<char> value)
        {
            Reserve(_length + value.Length);
            value.CopyTo(new Span<char>(_chars, _length, value.Length));
            _length += value.Length;
            return this;
        }

        /// <summary>Appends a string.</summary>
        public StringBuilder Append(string? value) => value is null ? this : Append(value.AsSpan());

        /// <summary>Appends <paramref name="count"/> characters of <paramref name="value"/> from <paramref name="startIndex"/>.</summary>
        public StringBuilder Append(string? value, int startIndex, int count) => Append(value.AsSpan(startIndex, count));

        /// <summary>Appends a character.</summary>
        public StringBuilder Append(char value)
        {
            Reserve(_length + 1);
            _chars[_length++] = value;
            return this;
        }

        /// <summary>Appends a character <paramref name="repeatCount"/> times.</summary>
        public StringBuilder Append(char value, int repeatCount)
        {
            if (repeatCount < 0) throw new ArgumentOutOfRangeException(nameof(repeatCount));
            Reserve(_length + repeatCount);
            for (int i = 0; i < repeatCount; i++) _chars[_length++] = value;
            return this;
        }

        /// <summary>Appends characters.</summary>
        public StringBuilder Append(char[]? value) => value is null ? this : Append(new ReadOnlySpan<char>(value));

        /// <summary>Appends decimal text.</summary>
        public StringBuilder Append(int value) => Append(value.ToString());

        /// <summary>Appends decimal text.</summary>
        public StringBuilder Append(long value) => Append(value.ToString());

        /// <summary>Appends decimal text.</summary>
        public StringBuilder Append(uint value) => Append(value.ToString());

        /// <summary>Appends decimal text.</summary>
        public StringBuilder Append(ulong value) => Append(value.ToString());

        /// <summary>Appends the shortest round-trip text.</summary>
        public StringBuilder Append(double value) => Append(value.ToString());

        /// <summary>Appends "True" or "False".</summary>
        public StringBuilder Append(bool value) => Append(value ? "True" : "False");

        /// <summary>Appends an object's text.</summary>
        public StringBuilder Append(object? value) => value is null ? this : Append(value.ToString());

        /// <summary>Appends formatted text (handler built by the compiler for <c>Append($"...")</c>).</summary>
        public StringBuilder Append(ref System.Runtime.CompilerServices.DefaultInterpolatedStringHandler handler) => Append(handler.ToStringAndClear());

        /// <summary>Appends a line terminator ("\n").</summary>
        public StringBuilder AppendLine() => Append('\n');

        /// <summary>Appends a string and a line terminator.</summary>
        public StringBuilder AppendLine(string? value) => Append(value).Append('\n');

        /// <summary>Appends strings with a separator between them.</summary>
        public StringBuilder AppendJoin(string? separator, params string?[] values)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) Append(separator);
                Append(values[i]);
            }
            return this;
        }

        /// <summary>Inserts a string at <paramref name="index"/>.</summary>
        public StringBuilder Insert(int index, string? value)
        {
            if ((uint)index > (uint)_length) throw new ArgumentOutOfRangeException(nameof(index));
            if (value is null || value.Length == 0) return this;
            Reserve(_length + value.Length);
            Array.Copy(_chars, index, _chars, index + value.Length, _length - index);
            value.AsSpan().CopyTo(new Span<char>(_chars, index, value.Length));
            _length += value.Length;
            return this;
        }

        /// <summary>Removes <paramref name="length"/> characters from <paramref name="startIndex"/>.</summary>
        public StringBuilder Remove(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex + length > _length) throw new ArgumentOutOfRangeException(nameof(length));
            Array.Copy(_chars, startIndex + length, _chars, startIndex, _length - startIndex - length);
            _length -= length;
            return this;
        }

        /// <summary>Replaces every <paramref name="oldChar"/>.</summary>
        public StringBuilder Replace(char oldChar, char newChar)
        {
            for (int i = 0; i < _length; i++) if (_chars[i] == oldChar) _chars[i] = newChar;
            return this;
        }

        /// <summary>Replaces every occurrence of <paramref name="oldValue"/> (ordinal).</summary>
        public StringBuilder Replace(string oldValue, string? newValue)
        {
            string replaced = ToString().Replace(oldValue, newValue);
            _length = 0;
            return Append(replaced);
        }

        /// <summary>Removes every character.</summary>
        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        /// <summary>The characters as a string.</summary>
        public override string ToString() => new string(_chars, 0, _length);

        /// <summary><paramref name="length"/> characters from <paramref name="startIndex"/> as a string.</summary>
        public string ToString(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex + length > _length) throw new ArgumentOutOfRangeException(nameof(length));
            return new string(_chars, startIndex, length);
        }
    }
}
