namespace Compose.Platform
{
    /// <summary>Writes text to the bound <see cref="IConsole"/>, encoding UTF-8 without the BCL's encoders.</summary>
    public static class UkConsole
    {
        /// <summary>Writes <paramref name="text"/>; does nothing while no console is bound.</summary>
        public static unsafe void Write(string text)
        {
            var console = UkApi<IConsole>.Instance;
            if (console is null) return;
            byte* buffer = stackalloc byte[256];
            int used = 0;
            for (int i = 0; i < text.Length; i++)
            {
                uint c = text[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                    c = 0x10000 + ((c - 0xD800) << 10) + (uint)(text[++i] - 0xDC00);
                if (used > 252)
                {
                    console.Write(new System.ReadOnlySpan<byte>(buffer, used));
                    used = 0;
                }
                // Safe: at most 4 bytes are written and used <= 252 here, within the 256-byte buffer.
                if (c < 0x80) buffer[used++] = (byte)c;
                else if (c < 0x800) { buffer[used++] = (byte)(0xC0 | (c >> 6)); buffer[used++] = (byte)(0x80 | (c & 0x3F)); }
                else if (c < 0x10000)
                {
                    buffer[used++] = (byte)(0xE0 | (c >> 12));
                    buffer[used++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[used++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    buffer[used++] = (byte)(0xF0 | (c >> 18));
                    buffer[used++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                    buffer[used++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[used++] = (byte)(0x80 | (c & 0x3F));
                }
            }
            if (used > 0) console.Write(new System.ReadOnlySpan<byte>(buffer, used));
        }

        /// <summary>Writes <paramref name="text"/> and a line feed.</summary>
        public static void WriteLine(string text)
        {
            Write(text);
            Write("\n");
        }
    }
}
