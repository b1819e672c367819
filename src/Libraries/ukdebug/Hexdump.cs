using System;

namespace Compose.Libraries.UkDebug
{
    public static partial class UkDebugLibrary
    {
        /// <summary>
        /// One line of a canonical hex dump (the format of <c>hexdump -C</c>): the 8-digit hexadecimal offset, up to 16
        /// bytes in hexadecimal (an extra space after the eighth) and the printable ASCII between bars.
        /// </summary>
        public static string HexdumpLine(ReadOnlySpan<byte> row, long offset)
        {
            var line = new char[8 + 2 + 16 * 3 + 1 + 1 + 16 + 2];
            int at = 0;
            for (int shift = 28; shift >= 0; shift -= 4) line[at++] = HexDigit((int)(offset >> shift) & 0xF);
            line[at++] = ' ';
            line[at++] = ' ';
            int n = row.Length < 16 ? row.Length : 16;
            for (int i = 0; i < 16; i++)
            {
                if (i < n)
                {
                    line[at++] = HexDigit(row[i] >> 4);
                    line[at++] = HexDigit(row[i] & 0xF);
                }
                else
                {
                    line[at++] = ' ';
                    line[at++] = ' ';
                }
                line[at++] = ' ';
                if (i == 7) line[at++] = ' ';
            }
            line[at++] = ' ';
            line[at++] = '|';
            for (int i = 0; i < n; i++) line[at++] = row[i] >= 0x20 && row[i] < 0x7F ? (char)row[i] : '.';
            line[at++] = '|';
            return new string(line, 0, at);
        }

        /// <summary>
        /// The whole dump of <paramref name="data"/> as <c>hexdump -C -v</c> prints it: one line per 16 bytes, then
        /// the length as a final offset line; offsets start at <paramref name="baseOffset"/>.
        /// </summary>
        public static string HexdumpText(ReadOnlySpan<byte> data, long baseOffset = 0)
        {
            string text = "";
            for (int start = 0; start < data.Length; start += 16)
            {
                int n = data.Length - start < 16 ? data.Length - start : 16;
                text += HexdumpLine(data.Slice(start, n), baseOffset + start) + "\n";
            }
            if (data.Length > 0)
            {
                var end = new char[8];
                long total = baseOffset + data.Length;
                for (int i = 0; i < 8; i++) end[i] = HexDigit((int)(total >> (28 - 4 * i)) & 0xF);
                text += new string(end, 0, 8) + "\n";
            }
            return text;
        }

        /// <summary>Prints <paramref name="data"/> as a hex dump at <paramref name="level"/>, one printk per line.</summary>
        public static void Hexdump(PrintkLevel level, string library, ReadOnlySpan<byte> data, long baseOffset = 0)
        {
            if (!Enabled(level)) return;
            for (int start = 0; start < data.Length; start += 16)
            {
                int n = data.Length - start < 16 ? data.Length - start : 16;
                Printk(level, library, HexdumpLine(data.Slice(start, n), baseOffset + start));
            }
        }

        private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
    }
}
