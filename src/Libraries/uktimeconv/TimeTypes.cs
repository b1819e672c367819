namespace Compose.Libraries.UkTimeConv
{
    /// <summary>
    /// A point in time as whole seconds since the Unix epoch plus nanoseconds, like POSIX <c>struct timespec</c>.
    /// Normalised: <see cref="Nanoseconds"/> is in [0, 999 999 999], so -0.5 s is (-1 s, 500 000 000 ns).
    /// </summary>
    public readonly struct TimeSpec
    {
        /// <summary>Creates a time; use <see cref="TimeConv.TryNormalize"/> for unnormalised parts.</summary>
        public TimeSpec(long seconds, int nanoseconds)
        {
            Seconds = seconds;
            Nanoseconds = nanoseconds;
        }

        /// <summary>Whole seconds since 1970-01-01T00:00:00Z (floor for times before the epoch).</summary>
        public long Seconds { get; }

        /// <summary>Nanoseconds within the second, 0 to 999 999 999 when normalised.</summary>
        public int Nanoseconds { get; }

        /// <summary>Whether <see cref="Nanoseconds"/> is in range.</summary>
        public bool IsNormalized => Nanoseconds >= 0 && Nanoseconds < TimeConv.NanosecondsPerSecond;
    }

    /// <summary>A UTC calendar date and time of day (proleptic Gregorian calendar, astronomical years: 0 = 1 BC).</summary>
    public struct CalendarTime
    {
        /// <summary>Year; may be zero or negative.</summary>
        public long Year;

        /// <summary>Month, 1 (January) to 12.</summary>
        public int Month;

        /// <summary>Day of the month, 1 to 31.</summary>
        public int Day;

        /// <summary>Hour, 0 to 23.</summary>
        public int Hour;

        /// <summary>Minute, 0 to 59.</summary>
        public int Minute;

        /// <summary>Second, 0 to 59 (leap seconds are not represented, as in POSIX time).</summary>
        public int Second;

        /// <summary>Nanoseconds within the second.</summary>
        public int Nanosecond;

        /// <summary>Day of the week, 0 = Sunday to 6 = Saturday (output only).</summary>
        public int DayOfWeek;

        /// <summary>Day of the year, 1 to 366 (output only).</summary>
        public int DayOfYear;

        /// <summary>Creates a date and time (DayOfWeek and DayOfYear are filled in by <see cref="TimeConv.ToCalendar(TimeSpec)"/>).</summary>
        public CalendarTime(long year, int month, int day, int hour = 0, int minute = 0, int second = 0, int nanosecond = 0)
        {
            Year = year; Month = month; Day = day; Hour = hour; Minute = minute; Second = second; Nanosecond = nanosecond;
            DayOfWeek = 0; DayOfYear = 0;
        }
    }
}
