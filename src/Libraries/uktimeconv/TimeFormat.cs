using System;

namespace Compose.Libraries.UkTimeConv
{
    /// <summary>ISO 8601 text for calendar times, written as ASCII bytes (for consoles and logs in images).</summary>
    public static class TimeFormat
    {
        /// <summary>Length of <c>YYYY-MM-DDThh:mm:ss.nnnnnnnnnZ</c>.</summary>
        public const int Iso8601Length = 30;

        /// <summary>
        /// Writes <paramref name="time"/> as <c>YYYY-MM-DDThh:mm:ss.nnnnnnnnnZ</c> and returns the 30 bytes written;
        /// returns 0 (writing nothing) when the buffer is shorter, the year is outside 0..9999 or a field is out of range.
        /// </summary>
        public static int WriteIso8601(in CalendarTime time, Span<byte> destination)
        {
            if (destination.Length < Iso8601Length || time.Year < 0 || time.Year > 9999) return 0;
            if (time.Month < 1 || time.Month > 12 || time.Day < 1 || time.Day > 31 || time.Hour < 0 || time.Hour > 23
                || time.Minute < 0 || time.Minute > 59 || time.Second < 0 || time.Second > 59
                || time.Nanosecond < 0 || time.Nanosecond >= TimeConv.NanosecondsPerSecond) return 0;
            Digits(destination, 0, 4, time.Year);
            destination[4] = (byte)'-';
            Digits(destination, 5, 2, time.Month);
            destination[7] = (byte)'-';
            Digits(destination, 8, 2, time.Day);
            destination[10] = (byte)'T';
            Digits(destination, 11, 2, time.Hour);
            destination[13] = (byte)':';
            Digits(destination, 14, 2, time.Minute);
            destination[16] = (byte)':';
            Digits(destination, 17, 2, time.Second);
            destination[19] = (byte)'.';
            Digits(destination, 20, 9, time.Nanosecond);
            destination[29] = (byte)'Z';
            return Iso8601Length;
        }

        private static void Digits(Span<byte> destination, int at, int count, long value)
        {
            for (int i = count - 1; i >= 0; i--)
            {
                destination[at + i] = (byte)('0' + value % 10);
                value /= 10;
            }
        }
    }
}
