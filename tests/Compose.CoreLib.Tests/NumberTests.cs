using System;
using System.Globalization;
using CsCheck;
using Uk.Algorithms;

namespace Compose.CoreLib.Tests
{
    /// <summary>Uk.CoreLib's number formatting and parsing against the real BCL (invariant culture).</summary>
    public sealed class NumberTests
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        /// <summary>Doubles from every corner: random bit patterns (all exponents, subnormals), small integers, decimals.</summary>
        private static readonly Gen<double> AnyDouble = Gen.OneOf(
            Gen.Long.Select(BitConverter.Int64BitsToDouble),
            Gen.Double,
            Gen.Int[-1000000, 1000000].Select(i => (double)i),
            Gen.Int[-100000, 100000].Select(Gen.Int[0, 12], (i, p) => i / Math.Pow(10, p)),
            Gen.Long[0, 0x000FFFFFFFFFFFFFL].Select(BitConverter.Int64BitsToDouble));

        [Fact]
        public void Shortest_double_text_equals_the_BCL_for_100k_doubles()
        {
            AnyDouble.Sample(d => Assert.Equal(d.ToString(Inv), DoubleFormat.ToShortestString(d)), iter: 100_000);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(double.Epsilon)]
        [InlineData(double.MaxValue)]
        [InlineData(double.MinValue)]
        [InlineData(1e15)]
        [InlineData(1e16)]
        [InlineData(123456789012345678.0)]
        [InlineData(1234567890123456.0)]
        [InlineData(0.0001)]
        [InlineData(0.00001)]
        [InlineData(1.5e-5)]
        [InlineData(2.2250738585072014E-308)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity)]
        [InlineData(9007199254740993.0)]
        [InlineData(0.1)]
        [InlineData(1.0 / 3)]
        public void Shortest_double_text_equals_the_BCL_at_the_edges(double d)
        {
            Assert.Equal(d.ToString(Inv), DoubleFormat.ToShortestString(d));
        }

        [Fact]
        public void Negative_zero_prints_like_the_BCL() => Assert.Equal((-0.0).ToString(Inv), DoubleFormat.ToShortestString(-0.0));

        [Fact]
        public void Parsing_the_BCL_text_of_100k_doubles_gives_the_same_double()
        {
            Gen.Select(AnyDouble, Gen.Int[0, 3]).Sample((d, style) =>
            {
                string text = style switch { 0 => d.ToString("R", Inv), 1 => d.ToString("E16", Inv), 2 => d.ToString("F20", Inv), _ => d.ToString("E25", Inv) };
                Assert.True(DoubleParse.TryParse(text, out double mine), text);
                Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, Inv)), BitConverter.DoubleToInt64Bits(mine));
            }, iter: 100_000);
        }

        /// <summary>Random decimal strings (long mantissas, halfway cases, huge and tiny exponents) parse like the BCL.</summary>
        [Fact]
        public void Parsing_random_decimal_text_equals_the_BCL()
        {
            var digits = Gen.Char['0', '9'].Array[1, 40].Select(a => new string(a));
            var text = Gen.Select(Gen.Bool, digits, Gen.Int[0, 40], Gen.Int[-360, 330], Gen.Bool)
                .Select(t => (t.Item1 ? "-" : "") + Insert(t.Item2, t.Item3) + (t.Item5 ? "e" + t.Item4 : ""));
            text.Sample(s =>
            {
                Assert.True(DoubleParse.TryParse(s, out double mine), s);
                Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(s, Inv)), BitConverter.DoubleToInt64Bits(mine));
            }, iter: 50_000);
        }

        private static string Insert(string digits, int at) => at >= digits.Length ? digits : digits.Substring(0, at) + "." + digits.Substring(at);

        [Theory]
        [InlineData("  12.5  ")]
        [InlineData("+1,234.5")]
        [InlineData(".5")]
        [InlineData("5.")]
        [InlineData("1e400")]
        [InlineData("-1e-400")]
        [InlineData("Infinity")]
        [InlineData("-infinity")]
        [InlineData("NaN")]
        [InlineData("2.4703282292062327e-324")]
        [InlineData("2.4703282292062328e-324")]
        [InlineData("9007199254740993")]
        [InlineData("9007199254740993.0000000000000000000000000000000000000000000000000000001")]
        [InlineData("1.7976931348623158e308")]
        [InlineData("1.7976931348623159e308")]
        public void Parsing_edge_text_equals_the_BCL(string s)
        {
            Assert.True(DoubleParse.TryParse(s, out double mine), s);
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(s, Inv)), BitConverter.DoubleToInt64Bits(mine));
        }

        [Theory]
        [InlineData("")]
        [InlineData(" ")]
        [InlineData("abc")]
        [InlineData("1e")]
        [InlineData("1.2.3")]
        [InlineData("--1")]
        [InlineData("1 2")]
        [InlineData(".")]
        public void Bad_double_text_fails_like_the_BCL(string s)
        {
            Assert.False(double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, Inv, out _));
            Assert.False(DoubleParse.TryParse(s, out _));
        }

        [Fact]
        public void Integer_formats_equal_the_BCL()
        {
            string[] formats = { "", "G", "D", "D8", "N", "N0", "N3", "X", "X8", "x4", "x" };
            Gen.Select(Gen.Long, Gen.Int[0, formats.Length - 1], Gen.Int[0, 2]).Sample((v, f, width) =>
            {
                string format = formats[f];
                if (width == 0)
                {
                    int i = (int)v;
                    Assert.Equal(i.ToString(format, Inv), IntegerText.Format(i < 0 ? (ulong)(-(long)i) : (ulong)i, i < 0, format, (uint)i));
                }
                else if (width == 1)
                {
                    Assert.Equal(v.ToString(format, Inv), IntegerText.Format(v < 0 ? (ulong)(-(v + 1)) + 1 : (ulong)v, v < 0, format, (ulong)v));
                }
                else
                {
                    ulong u = (ulong)v;
                    Assert.Equal(u.ToString(format, Inv), IntegerText.Format(u, false, format, u));
                }
            }, iter: 50_000);
        }

        [Fact]
        public void Integer_parsing_equals_the_BCL()
        {
            var text = Gen.OneOf(
                Gen.Long.Select(v => v.ToString(Inv)),
                Gen.Int.Select(v => " " + v.ToString(Inv) + " "),
                Gen.String[Gen.Char["+- 0123456789a"], 0, 22],
                Gen.Select(Gen.Char["+-"], Gen.Char['0', '9'].Array[1, 25]).Select((s, d) => s + new string(d)));
            text.Sample(s =>
            {
                ParseStatus st32 = IntegerText.TryParseInt64(s, int.MinValue, int.MaxValue, out long v32);
                Assert.Equal(Status(() => int.Parse(s, Inv)), st32);
                if (st32 == ParseStatus.Ok) Assert.Equal(int.Parse(s, Inv), v32);
                ParseStatus st64 = IntegerText.TryParseInt64(s, long.MinValue, long.MaxValue, out long v64);
                Assert.Equal(Status(() => long.Parse(s, Inv)), st64);
                if (st64 == ParseStatus.Ok) Assert.Equal(long.Parse(s, Inv), v64);
                ParseStatus stu = IntegerText.TryParseUInt64(s, out ulong vu);
                Assert.Equal(Status(() => ulong.Parse(s, Inv)), stu);
                if (stu == ParseStatus.Ok) Assert.Equal(ulong.Parse(s, Inv), vu);
            }, iter: 50_000);
        }

        private static ParseStatus Status(Action parse)
        {
            try { parse(); return ParseStatus.Ok; }
            catch (FormatException) { return ParseStatus.Format; }
            catch (OverflowException) { return ParseStatus.Overflow; }
        }
    }
}

namespace Compose.CoreLib.Tests
{
    /// <summary>"F" and "N" double formats against the BCL.</summary>
    public sealed class FixedFormatTests
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        [Fact]
        public void Fixed_and_grouped_formats_equal_the_BCL()
        {
            var value = Gen.OneOf(
                Gen.Double,
                Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(d => Math.Abs(d) < 1e30),
                Gen.Int[-100000, 100000].Select(Gen.Int[0, 5], (i, p) => i / Math.Pow(10, p)),
                Gen.Int[-64, 64].Select(i => i / 8.0));
            Gen.Select(value, Gen.Int[0, 6], Gen.Bool).Sample((d, decimals, groups) =>
            {
                string format = (groups ? "N" : "F") + decimals;
                Assert.Equal(d.ToString(format, Inv), DoubleFormat.ToFixedString(d, decimals, groups));
            }, iter: 50_000);
        }

        [Fact]
        public void Exponent_format_equals_the_BCL()
        {
            var value = Gen.OneOf(
                Gen.Double,
                Gen.Long.Select(BitConverter.Int64BitsToDouble),                     // every exponent, subnormals
                Gen.Int[-100000, 100000].Select(Gen.Int[0, 5], (i, p) => i / Math.Pow(10, p)),
                Gen.Int[-64, 64].Select(i => i / 8.0),                                // exact ties
                Gen.Int[1, 9999].Select(i => i * 1e-3 + 9.9995));                     // carries into a new digit
            Gen.Select(value, Gen.Int[0, 20], Gen.Bool).Sample((d, precision, lower) =>
            {
                string format = (lower ? "e" : "E") + precision;
                Assert.Equal(d.ToString(format, Inv), DoubleFormat.ToExponentString(d, precision, lower ? 'e' : 'E'));
            }, iter: 50_000);
            foreach (double d in new[] { 0.125, 2.5, 9.5, 0.0, -0.0, double.Epsilon, double.MaxValue, 1e-300, 9.9999999 })
                foreach (int precision in new[] { 0, 1, 2, 6, 17 })
                    Assert.Equal(d.ToString("E" + precision, Inv), DoubleFormat.ToExponentString(d, precision, 'E'));
        }
    }
}

namespace Compose.CoreLib.Tests
{
    /// <summary>float.ToString() (shortest float digits) against the BCL.</summary>
    public sealed class FloatFormatTests
    {
        [Fact]
        public void Shortest_float_text_equals_the_BCL_for_100k_floats()
        {
            Gen.OneOf(Gen.Int.Select(BitConverter.Int32BitsToSingle), Gen.Float, Gen.Int[-100000, 100000].Select(i => i / 100f))
                .Sample(f => Assert.Equal(f.ToString(CultureInfo.InvariantCulture), DoubleFormat.ToShortestString(f)), iter: 100_000);
        }
    }
}
