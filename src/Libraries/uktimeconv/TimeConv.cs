using System;
using Compose.Platform;

namespace Compose.Libraries.UkTimeConv
{
    /// <summary>
    /// Conversions between nanoseconds, <see cref="TimeSpec"/> and UTC calendar dates, without the BCL's DateTime.
    /// Dates use the days-from-civil method: shift the year to start in March (so the leap day is the last day of
    /// the year), split it into 400-year eras of 146 097 days, and count days within the era arithmetically.
    /// Every long number of seconds converts to a date and back; failures are reported through return values.
    /// </summary>
    [UkLibrary("uktimeconv", Description = "Time conversions: nanoseconds, timespec, UTC calendar dates", License = "BSD-3-Clause")]
    [Requires(typeof(IClock), Optional = true)]
    public static class TimeConv
    {
        /// <summary>Nanoseconds in a second.</summary>
        public const int NanosecondsPerSecond = 1_000_000_000;

        /// <summary>Seconds in a day (POSIX days have no leap seconds).</summary>
        public const long SecondsPerDay = 86_400;

        private const long DaysPerEra = 146_097;

        // Days from 0000-03-01 (the start of era 0 in the March-based count) to 1970-01-01.
        private const long EpochShift = 719_468;

        /// <summary>Splits nanoseconds since the epoch into a normalised <see cref="TimeSpec"/> (floor division).</summary>
        public static TimeSpec FromNanoseconds(long nanoseconds)
        {
            long seconds = nanoseconds / NanosecondsPerSecond;
            long rest = nanoseconds % NanosecondsPerSecond;
            if (rest < 0) { seconds--; rest += NanosecondsPerSecond; }
            return new TimeSpec(seconds, (int)rest);
        }

        /// <summary>Nanoseconds since the epoch; false when <paramref name="time"/> is not normalised or out of the long range (about 1677 to 2262).</summary>
        public static bool TryToNanoseconds(TimeSpec time, out long nanoseconds)
        {
            nanoseconds = 0;
            if (!time.IsNormalized) return false;
            if (time.Seconds >= 0)
            {
                if (time.Seconds > (long.MaxValue - time.Nanoseconds) / NanosecondsPerSecond) return false;
                nanoseconds = time.Seconds * NanosecondsPerSecond + time.Nanoseconds;
                return true;
            }
            // (seconds + 1) * 10^9 - (10^9 - ns) reaches long.MinValue without an intermediate overflow.
            if (time.Seconds + 1 < long.MinValue / NanosecondsPerSecond) return false;
            long whole = (time.Seconds + 1) * NanosecondsPerSecond;
            long back = NanosecondsPerSecond - time.Nanoseconds;
            if (whole < long.MinValue + back) return false;
            nanoseconds = whole - back;
            return true;
        }

        /// <summary>Normalises seconds plus any number of nanoseconds (e.g. the result of adding two timespecs); false on overflow.</summary>
        public static bool TryNormalize(long seconds, long nanoseconds, out TimeSpec time)
        {
            time = default;
            var carry = FromNanoseconds(nanoseconds);
            if (carry.Seconds > 0 && seconds > long.MaxValue - carry.Seconds) return false;
            if (carry.Seconds < 0 && seconds < long.MinValue - carry.Seconds) return false;
            time = new TimeSpec(seconds + carry.Seconds, carry.Nanoseconds);
            return true;
        }

        /// <summary>Whether <paramref name="year"/> is a Gregorian leap year.</summary>
        public static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

        /// <summary>Days in <paramref name="month"/> of <paramref name="year"/>; 0 for a month outside 1..12.</summary>
        public static int DaysInMonth(long year, int month)
        {
            if (month < 1 || month > 12) return 0;
            if (month == 2) return IsLeapYear(year) ? 29 : 28;
            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }

        /// <summary>
        /// Days from 1970-01-01 to the given date (negative before). The date is not checked; use a valid one
        /// (<see cref="DaysInMonth"/>) with |year| below 10^15.
        /// </summary>
        public static long DaysFromCivil(long year, int month, int day)
        {
            if (month <= 2) year--;
            long era = FloorDiv(year, 400);
            long yearOfEra = year - era * 400;                                   // 0..399
            int marchMonth = month > 2 ? month - 3 : month + 9;                  // 0 = March .. 11 = February
            long dayOfYear = (153 * marchMonth + 2) / 5 + day - 1;              // 0..365
            long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * DaysPerEra + dayOfEra - EpochShift;
        }

        /// <summary>The date <paramref name="days"/> days after 1970-01-01 (|days| below 10^16).</summary>
        public static void CivilFromDays(long days, out long year, out int month, out int day)
        {
            long z = days + EpochShift;
            long era = FloorDiv(z, DaysPerEra);
            long dayOfEra = z - era * DaysPerEra;                                                        // 0..146096
            long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;  // 0..399
            long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);              // 0..365
            int marchMonth = (int)((5 * dayOfYear + 2) / 153);                                           // 0..11
            day = (int)(dayOfYear - (153 * marchMonth + 2) / 5 + 1);
            month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
            year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        }

        /// <summary>The UTC calendar time of <paramref name="time"/> (normalised), with day of week and of year.</summary>
        public static CalendarTime ToCalendar(TimeSpec time)
        {
            long days = FloorDiv(time.Seconds, SecondsPerDay);
            long secondOfDay = time.Seconds - days * SecondsPerDay;
            CivilFromDays(days, out long year, out int month, out int day);
            var result = new CalendarTime(year, month, day, (int)(secondOfDay / 3600), (int)(secondOfDay / 60 % 60), (int)(secondOfDay % 60), time.Nanoseconds);
            result.DayOfWeek = (int)FloorMod(days + 4, 7);                    // 1970-01-01 was a Thursday
            result.DayOfYear = (int)(days - DaysFromCivil(year, 1, 1)) + 1;
            return result;
        }

        /// <summary>The UTC calendar time of <paramref name="nanoseconds"/> since the epoch.</summary>
        public static CalendarTime ToCalendar(long nanoseconds) => ToCalendar(FromNanoseconds(nanoseconds));

        /// <summary>
        /// The time of a calendar date; false when a field is out of range (month 1..12, day within the month, hour
        /// 0..23, minute and second 0..59, nanosecond 0..999 999 999) or the result does not fit a long of seconds.
        /// DayOfWeek and DayOfYear are ignored.
        /// </summary>
        public static bool TryFromCalendar(in CalendarTime date, out TimeSpec time)
        {
            time = default;
            if (date.Month < 1 || date.Month > 12 || date.Day < 1 || date.Day > DaysInMonth(date.Year, date.Month)) return false;
            if (date.Hour < 0 || date.Hour > 23 || date.Minute < 0 || date.Minute > 59 || date.Second < 0 || date.Second > 59) return false;
            if (date.Nanosecond < 0 || date.Nanosecond >= NanosecondsPerSecond) return false;
            // Beyond this the day count itself could overflow; long seconds end near year 292 277 026 596 anyway.
            if (date.Year > 300_000_000_000L || date.Year < -300_000_000_000L) return false;
            long days = DaysFromCivil(date.Year, date.Month, date.Day);
            long secondOfDay = date.Hour * 3600L + date.Minute * 60L + date.Second;
            if (days >= 0)
            {
                if (days > (long.MaxValue - secondOfDay) / SecondsPerDay) return false;
                time = new TimeSpec(days * SecondsPerDay + secondOfDay, date.Nanosecond);
            }
            else
            {
                // (days + 1) * 86400 - (86400 - secondOfDay) reaches long.MinValue without an intermediate overflow.
                if (days + 1 < long.MinValue / SecondsPerDay) return false;
                long whole = (days + 1) * SecondsPerDay;
                long back = SecondsPerDay - secondOfDay;
                if (whole < long.MinValue + back) return false;
                time = new TimeSpec(whole - back, date.Nanosecond);
            }
            return true;
        }

        /// <summary>The wall-clock time of the bound platform clock as a calendar time; false when no clock is bound.</summary>
        public static bool TryGetWallClock(out CalendarTime now)
        {
            now = default;
            var clock = UkApi<IClock>.Instance;
            if (clock is null) return false;
            now = ToCalendar(clock.WallClockNanoseconds);
            return true;
        }

        private static long FloorDiv(long a, long b)
        {
            long q = a / b;
            return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
        }

        private static long FloorMod(long a, long b) => a - FloorDiv(a, b) * b;
    }
}
