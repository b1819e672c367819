using System;
using System.Text;
using Compose.Libraries.UkTimeConv;
using Compose.Platform;
using CsCheck;
using Xunit;

namespace Compose.Pool2.Tests
{
    /// <summary>uktimeconv: round trips over the whole long range and dates checked against System.DateTimeOffset.</summary>
    [Collection(UkApiBindings.Name)]
    public class TimeConvTests
    {
        // DateTimeOffset covers 0001-01-01 .. 9999-12-31.
        private static readonly long MinDtoSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
        private static readonly long MaxDtoSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

        private static void AssertSameAsDateTimeOffset(long seconds, int nanoseconds)
        {
            var c = TimeConv.ToCalendar(new TimeSpec(seconds, nanoseconds));
            var d = DateTimeOffset.FromUnixTimeSeconds(seconds);
            Assert.Equal(d.Year, c.Year);
            Assert.Equal(d.Month, c.Month);
            Assert.Equal(d.Day, c.Day);
            Assert.Equal(d.Hour, c.Hour);
            Assert.Equal(d.Minute, c.Minute);
            Assert.Equal(d.Second, c.Second);
            Assert.Equal(nanoseconds, c.Nanosecond);
            Assert.Equal((int)d.DayOfWeek, c.DayOfWeek);
            Assert.Equal(d.DayOfYear, c.DayOfYear);
            Assert.True(TimeConv.TryFromCalendar(c, out var back));
            Assert.Equal(seconds, back.Seconds);
            Assert.Equal(nanoseconds, back.Nanoseconds);
        }

        [Theory]
        [InlineData(0L, 1970, 1, 1, 0, 0, 0, 4)]              // the epoch, a Thursday
        [InlineData(951782400L, 2000, 2, 29, 0, 0, 0, 2)]     // leap day of a year divisible by 400, a Tuesday
        [InlineData(2147483647L, 2038, 1, 19, 3, 14, 7, 2)]   // last second of signed 32-bit time_t
        [InlineData(2147483648L, 2038, 1, 19, 3, 14, 8, 2)]   // first second past it
        [InlineData(-1L, 1969, 12, 31, 23, 59, 59, 3)]
        [InlineData(-2208988800L, 1900, 1, 1, 0, 0, 0, 1)]    // 1900 is not a leap year
        [InlineData(-62135596800L, 1, 1, 1, 0, 0, 0, 1)]      // first day of DateTimeOffset's range
        [InlineData(253402300799L, 9999, 12, 31, 23, 59, 59, 5)]
        public void KnownDates(long seconds, int year, int month, int day, int hour, int minute, int second, int dayOfWeek)
        {
            var c = TimeConv.ToCalendar(new TimeSpec(seconds, 0));
            Assert.Equal((year, month, day, hour, minute, second, dayOfWeek), ((int)c.Year, c.Month, c.Day, c.Hour, c.Minute, c.Second, c.DayOfWeek));
            AssertSameAsDateTimeOffset(seconds, 0);
        }

        [Fact]
        public void LeapDays()
        {
            Assert.True(TimeConv.TryFromCalendar(new CalendarTime(2000, 2, 29), out var t));
            Assert.Equal(951782400L, t.Seconds);
            Assert.False(TimeConv.TryFromCalendar(new CalendarTime(1900, 2, 29), out _));
            Assert.False(TimeConv.TryFromCalendar(new CalendarTime(2100, 2, 29), out _));
            Assert.True(TimeConv.TryFromCalendar(new CalendarTime(2024, 2, 29), out _));
            Assert.True(TimeConv.TryFromCalendar(new CalendarTime(-4, 2, 29), out _));   // 5 BC, proleptic
            Assert.Equal(366, TimeConv.ToCalendar(new TimeSpec(978307200L - 1, 0)).DayOfYear); // 2000-12-31T23:59:59
        }

        [Fact]
        public void NegativeNanoseconds_FloorToTheEarlierSecond()
        {
            var t = TimeConv.FromNanoseconds(-1);
            Assert.Equal(-1L, t.Seconds);
            Assert.Equal(999_999_999, t.Nanoseconds);
            var c = TimeConv.ToCalendar(-1L);
            Assert.Equal((1969L, 12, 31, 23, 59, 59, 999_999_999), (c.Year, c.Month, c.Day, c.Hour, c.Minute, c.Second, c.Nanosecond));
            t = TimeConv.FromNanoseconds(-1_500_000_000);
            Assert.Equal((-2L, 500_000_000), (t.Seconds, t.Nanoseconds));
        }

        [Fact]
        public void Nanoseconds_RoundTrip_OverTheWholeLongRange()
        {
            Gen.Long.Sample(ns =>
            {
                var t = TimeConv.FromNanoseconds(ns);
                Assert.True(t.IsNormalized);
                Assert.True(TimeConv.TryToNanoseconds(t, out long back));
                Assert.Equal(ns, back);
            }, iter: 10_000);
            foreach (long ns in new[] { long.MinValue, long.MaxValue, 0L, -1L })
            {
                Assert.True(TimeConv.TryToNanoseconds(TimeConv.FromNanoseconds(ns), out long back));
                Assert.Equal(ns, back);
            }
        }

        [Fact]
        public void TimeSpec_OutsideTheNanosecondRange_IsRefused()
        {
            Assert.False(TimeConv.TryToNanoseconds(new TimeSpec(long.MaxValue / 1_000_000_000 + 1, 0), out _));
            Assert.False(TimeConv.TryToNanoseconds(new TimeSpec(long.MinValue / 1_000_000_000 - 2, 999_999_999), out _));
            Assert.False(TimeConv.TryToNanoseconds(new TimeSpec(long.MinValue / 1_000_000_000 - 1, 145_224_191), out _));
            Assert.True(TimeConv.TryToNanoseconds(new TimeSpec(long.MinValue / 1_000_000_000 - 1, 145_224_192), out long min));
            Assert.Equal(long.MinValue, min);
            Assert.False(TimeConv.TryToNanoseconds(new TimeSpec(long.MaxValue / 1_000_000_000, 999_999_999), out _));
            Assert.False(TimeConv.TryToNanoseconds(new TimeSpec(0, 1_000_000_000), out _));
            Assert.False(TimeConv.TryToNanoseconds(new TimeSpec(0, -1), out _));
        }

        [Fact]
        public void Normalize_CarriesAndDetectsOverflow()
        {
            Assert.True(TimeConv.TryNormalize(10, -1, out var t));
            Assert.Equal((9L, 999_999_999), (t.Seconds, t.Nanoseconds));
            Assert.True(TimeConv.TryNormalize(1, 2_500_000_000, out t));
            Assert.Equal((3L, 500_000_000), (t.Seconds, t.Nanoseconds));
            Assert.False(TimeConv.TryNormalize(long.MaxValue, 1_000_000_000, out _));
            Assert.False(TimeConv.TryNormalize(long.MinValue, -1, out _));
        }

        [Fact]
        public void Seconds_RoundTripThroughTheCalendar_OverTheWholeLongRange()
        {
            Gen.Select(Gen.Long, Gen.Int[0, 999_999_999]).Sample((s, ns) =>
            {
                var c = TimeConv.ToCalendar(new TimeSpec(s, ns));
                Assert.True(TimeConv.TryFromCalendar(c, out var back), "no way back for " + s);
                Assert.Equal(s, back.Seconds);
                Assert.Equal(ns, back.Nanoseconds);
            }, iter: 10_000);
            foreach (long s in new[] { long.MinValue, long.MaxValue })
            {
                Assert.True(TimeConv.TryFromCalendar(TimeConv.ToCalendar(new TimeSpec(s, 0)), out var back));
                Assert.Equal(s, back.Seconds);
            }
        }

        [Fact]
        public void Calendar_MatchesDateTimeOffset_OverItsRange()
        {
            Gen.Select(Gen.Long[MinDtoSeconds, MaxDtoSeconds], Gen.Int[0, 999_999_999])
               .Sample((s, ns) => AssertSameAsDateTimeOffset(s, ns), iter: 10_000);
        }

        [Fact]
        public void ValidDates_MatchDateTimeOffset()
        {
            var gen = from y in Gen.Int[1, 9999]
                      from m in Gen.Int[1, 12]
                      from d in Gen.Int[1, DateTime.DaysInMonth(y, m)]
                      from h in Gen.Int[0, 23]
                      from mi in Gen.Int[0, 59]
                      from s in Gen.Int[0, 59]
                      select (y, m, d, h, mi, s);
            gen.Sample(x =>
            {
                Assert.Equal(DateTime.DaysInMonth(x.y, x.m), TimeConv.DaysInMonth(x.y, x.m));
                Assert.Equal(DateTime.IsLeapYear(x.y), TimeConv.IsLeapYear(x.y));
                Assert.True(TimeConv.TryFromCalendar(new CalendarTime(x.y, x.m, x.d, x.h, x.mi, x.s), out var t));
                var expected = new DateTimeOffset(x.y, x.m, x.d, x.h, x.mi, x.s, TimeSpan.Zero).ToUnixTimeSeconds();
                Assert.Equal(expected, t.Seconds);
            }, iter: 5_000);
        }

        [Theory]
        [InlineData(2023, 13, 1, 0, 0, 0, 0)]
        [InlineData(2023, 0, 1, 0, 0, 0, 0)]
        [InlineData(2023, 4, 31, 0, 0, 0, 0)]
        [InlineData(2023, 1, 0, 0, 0, 0, 0)]
        [InlineData(2023, 1, 1, 24, 0, 0, 0)]
        [InlineData(2023, 1, 1, -1, 0, 0, 0)]
        [InlineData(2023, 1, 1, 0, 60, 0, 0)]
        [InlineData(2016, 12, 31, 23, 59, 60, 0)]   // a real leap second, which POSIX time cannot name
        [InlineData(2023, 1, 1, 0, 0, 0, 1_000_000_000)]
        [InlineData(2023, 1, 1, 0, 0, 0, -1)]
        public void InvalidDates_AreRefused(int y, int m, int d, int h, int mi, int s, int ns)
        {
            Assert.False(TimeConv.TryFromCalendar(new CalendarTime(y, m, d, h, mi, s, ns), out _));
        }

        [Fact]
        public void DatesBeyondLongSeconds_AreRefused()
        {
            var last = TimeConv.ToCalendar(new TimeSpec(long.MaxValue, 0));
            var next = last;
            next.Year++;
            Assert.False(TimeConv.TryFromCalendar(next, out _));
            var first = TimeConv.ToCalendar(new TimeSpec(long.MinValue, 0));
            var before = first;
            before.Year--;
            Assert.False(TimeConv.TryFromCalendar(before, out _));
            Assert.False(TimeConv.TryFromCalendar(new CalendarTime(long.MaxValue, 1, 1), out _));
            Assert.False(TimeConv.TryFromCalendar(new CalendarTime(long.MinValue, 1, 1), out _));
        }

        [Fact]
        public void Iso8601_MatchesDateTimeOffset()
        {
            Gen.Select(Gen.Long[MinDtoSeconds, MaxDtoSeconds], Gen.Int[0, 999_999_999]).Sample((s, ns) =>
            {
                var buffer = new byte[40];
                int n = TimeFormat.WriteIso8601(TimeConv.ToCalendar(new TimeSpec(s, ns)), buffer);
                Assert.Equal(30, n);
                var text = Encoding.ASCII.GetString(buffer, 0, n);
                var dto = DateTimeOffset.FromUnixTimeSeconds(s).AddTicks(ns / 100);
                Assert.Equal(dto.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff"), text[..27]);
                Assert.Equal((ns % 100).ToString("00") + "Z", text[27..]);
            }, iter: 2_000);
            Assert.Equal(0, TimeFormat.WriteIso8601(new CalendarTime(2000, 1, 1), new byte[29]));
            Assert.Equal(0, TimeFormat.WriteIso8601(new CalendarTime(10000, 1, 1), new byte[30]));
            Assert.Equal(0, TimeFormat.WriteIso8601(new CalendarTime(-1, 1, 1), new byte[30]));
        }

        private sealed class FixedClock : IClock
        {
            public long MonotonicNanoseconds => 0;
            public long WallClockNanoseconds => 2_147_483_648L * 1_000_000_000 + 5;
        }

        [Fact]
        public void WallClock_ReadsTheBoundPlatformClock()
        {
            var before = UkApi<IClock>.Instance;
            UkApi<IClock>.Bind(new FixedClock());
            try
            {
                Assert.True(TimeConv.TryGetWallClock(out var now));
                Assert.Equal((2038L, 1, 19, 3, 14, 8, 5), (now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, now.Nanosecond));
                UkApi<IClock>.Bind(null);
                Assert.False(TimeConv.TryGetWallClock(out _));
            }
            finally
            {
                UkApi<IClock>.Bind(before);
            }
        }
    }
}
