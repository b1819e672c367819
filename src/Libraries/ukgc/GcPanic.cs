using System;
using Compose.Platform;

namespace Compose.Libraries.UkGc
{
    /// <summary>
    /// A message composed in a caller-provided byte buffer, without allocating: collectors report running out of
    /// memory with it, when <c>new</c> (and so string concatenation) can no longer work.
    /// </summary>
    public ref struct GcMessage
    {
        private readonly Span<byte> _buffer;
        private int _length;

        /// <summary>Starts an empty message in <paramref name="buffer"/> (text beyond its end is cut).</summary>
        public GcMessage(Span<byte> buffer)
        {
            _buffer = buffer;
            _length = 0;
        }

        /// <summary>The bytes written so far (ASCII).</summary>
        public ReadOnlySpan<byte> Bytes => _buffer.Slice(0, _length);

        /// <summary>Appends ASCII text (other characters become '?').</summary>
        public void Append(string text)
        {
            for (int i = 0; i < text.Length && _length < _buffer.Length; i++)
                _buffer[_length++] = text[i] < 128 ? (byte)text[i] : (byte)'?';
        }

        /// <summary>Appends <paramref name="value"/> in decimal.</summary>
        public void AppendDecimal(ulong value)
        {
            Span<byte> digits = stackalloc byte[20];
            int n = 0;
            do
            {
                digits[n++] = (byte)('0' + (int)(value % 10));
                value /= 10;
            } while (value != 0);
            while (n > 0 && _length < _buffer.Length) _buffer[_length++] = digits[--n];
        }

        /// <summary>Appends a byte count: "16 MiB", "12 KiB" when exact, else "4096 bytes".</summary>
        public void AppendSize(ulong bytes)
        {
            if (bytes != 0 && bytes % (1024 * 1024) == 0) { AppendDecimal(bytes / (1024 * 1024)); Append(" MiB"); }
            else if (bytes != 0 && bytes % 1024 == 0) { AppendDecimal(bytes / 1024); Append(" KiB"); }
            else { AppendDecimal(bytes); Append(" bytes"); }
        }

        /// <summary>Appends a byte count in whole MiB when exact, else in KiB rounded down ("2728 KiB"), else in bytes.</summary>
        public void AppendApproximateSize(ulong bytes)
        {
            if (bytes != 0 && bytes % (1024 * 1024) == 0) { AppendDecimal(bytes / (1024 * 1024)); Append(" MiB"); }
            else if (bytes >= 1024) { AppendDecimal(bytes / 1024); Append(" KiB"); }
            else { AppendDecimal(bytes); Append(" bytes"); }
        }

        /// <summary>The message as a string (allocates; for hosted tests and exceptions).</summary>
        public override string ToString()
        {
            char[] chars = new char[_length];
            for (int i = 0; i < _length; i++) chars[i] = (char)_buffer[i];
            return new string(chars);
        }
    }

    /// <summary>Out-of-memory and misuse reports of the collectors.</summary>
    public static class GcPanic
    {
        /// <summary>Exit status of a collector panic (the CLR's SIGABRT status, like Uk.CoreLib's panics).</summary>
        public const int Status = 134;

        /// <summary>
        /// Writes "out of memory allocating N bytes (heap H, L in objects)" after <paramref name="library"/> and
        /// <paramref name="hint"/> after it into <paramref name="message"/>.
        /// </summary>
        public static void FormatOutOfMemory(ref GcMessage message, string library, ulong request, ulong heapSize, ulong bytesInObjects, string hint)
        {
            message.Append("panic: ");
            message.Append(library);
            message.Append(": out of memory allocating ");
            message.AppendDecimal(request);
            message.Append(" bytes (heap ");
            message.AppendApproximateSize(heapSize);
            message.Append(", ");
            message.AppendApproximateSize(bytesInObjects);
            message.Append(" in objects)");
            if (hint.Length > 0)
            {
                message.Append("; ");
                message.Append(hint);
            }
        }

        /// <summary>
        /// Prints <paramref name="message"/> and a newline to the platform console and terminates with
        /// <see cref="Status"/>; without a platform (host tests) throws <see cref="InvalidOperationException"/>.
        /// Allocates nothing on the image path.
        /// </summary>
        public static void Fail(in GcMessage message)
        {
            IPlatformControl? control = UkApi<IPlatformControl>.Instance;
            IConsole? console = UkApi<IConsole>.Instance;
            if (control == null) throw new InvalidOperationException(message.ToString());
            if (console != null)
            {
                console.Write(message.Bytes);
                console.Write("\n"u8);
            }
            control.Terminate(Status);
        }

        /// <summary>Sum of the platform's memory region lengths (0 without a platform).</summary>
        public static ulong PlatformHeapSize()
        {
            IMemoryRegions? regions = UkApi<IMemoryRegions>.Instance;
            if (regions == null) return 0;
            ulong total = 0;
            for (int i = 0; i < regions.Count; i++) total += regions[i].Length;
            return total;
        }
    }
}
