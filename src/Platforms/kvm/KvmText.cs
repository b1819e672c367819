using System;

namespace Compose.Platforms.Kvm
{
    /// <summary>Console output for the platform's own messages, straight to the UART (no allocation).</summary>
    internal static unsafe class KvmText
    {
        /// <summary>Writes the ASCII characters of <paramref name="text"/>; others become '?'.</summary>
        internal static void Write(string text)
        {
            byte* buffer = stackalloc byte[64];
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                buffer[n++] = c < 128 ? (byte)c : (byte)'?';
                if (n == 64) { Native.UartWrite(buffer, 64); n = 0; }
            }
            if (n > 0) Native.UartWrite(buffer, (nuint)n);
        }

        /// <summary>Writes a NUL-terminated byte string as is.</summary>
        internal static void WriteCString(byte* text) => Native.UartWrite(text, CStringLength(text));

        /// <summary>Writes <paramref name="value"/> in decimal.</summary>
        internal static void WriteDecimal(ulong value)
        {
            byte* digits = stackalloc byte[20];
            int at = 20;
            do { digits[--at] = (byte)('0' + (int)(value % 10)); value /= 10; } while (value != 0);
            Native.UartWrite(digits + at, (nuint)(20 - at));
        }

        internal static nuint CStringLength(byte* text)
        {
            nuint n = 0;
            while (text[n] != 0) n++;
            return n;
        }

        /// <summary>Whether the NUL-terminated <paramref name="text"/> equals the ASCII <paramref name="expected"/>.</summary>
        internal static bool CStringEquals(byte* text, string expected)
        {
            int i = 0;
            for (; i < expected.Length; i++)
            {
                if (text[i] != (byte)expected[i]) return false;
            }
            return text[i] == 0;
        }
    }
}
