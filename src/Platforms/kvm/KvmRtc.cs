namespace Compose.Platforms.Kvm
{
    /// <summary>The CMOS real-time clock (ports 0x70/0x71): date and time in UTC, BCD or binary.</summary>
    internal static class KvmRtc
    {
        /// <summary>The RTC's time as nanoseconds since the Unix epoch (second resolution).</summary>
        internal static long ReadUnixNanoseconds()
        {
            while ((Read(0x0A) & 0x80) != 0) { }          // wait out an update in progress
            int second = Read(0x00), minute = Read(0x02), hour = Read(0x04);
            int day = Read(0x07), month = Read(0x08), year = Read(0x09), century = Read(0x32);
            int statusB = Read(0x0B);
            bool pm = (hour & 0x80) != 0;
            hour &= 0x7F;
            if ((statusB & 0x04) == 0)
            {
                second = FromBcd(second); minute = FromBcd(minute); hour = FromBcd(hour);
                day = FromBcd(day); month = FromBcd(month); year = FromBcd(year); century = FromBcd(century);
            }
            if ((statusB & 0x02) == 0 && pm) hour = (hour % 12) + 12;
            int fullYear = (century >= 19 && century <= 30 ? century : 20) * 100 + year;
            long days = DaysFromCivil(fullYear, month, day);
            return ((days * 24 + hour) * 60 + minute) * 60_000_000_000L + second * 1_000_000_000L;
        }

        private static int Read(byte register)
        {
            Native.OutByte(0x70, register);
            return Native.InByte(0x71);
        }

        private static int FromBcd(int value) => (value & 0x0F) + (value >> 4) * 10;

        // Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
        private static long DaysFromCivil(int year, int month, int day)
        {
            year -= month <= 2 ? 1 : 0;
            int era = (year >= 0 ? year : year - 399) / 400;
            int yearOfEra = year - era * 400;
            int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return (long)era * 146097 + dayOfEra - 719468;
        }
    }
}
