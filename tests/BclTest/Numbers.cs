using System;
using System.Text;

namespace BclTest
{
    /// <summary>Integer and floating-point formatting and parsing.</summary>
    public static class Numbers
    {
        /// <summary>Prints the section.</summary>
        public static void Run()
        {
            Console.WriteLine("== numbers");
            int[] ints = { 0, 1, -1, 42, -12345, int.MaxValue, int.MinValue, 1000000 };
            foreach (int i in ints)
                Console.WriteLine($"int {i}: {i.ToString()} {i.ToString("D8")} {i.ToString("X")} {i.ToString("x8")} {i.ToString("N")} {i.ToString("N0")} {i.ToString("G")}");
            long[] longs = { long.MaxValue, long.MinValue, -9876543210, 1L << 40 };
            foreach (long l in longs) Console.WriteLine($"long {l}: {l:X16} {l:N0} {l:D20}");
            Console.WriteLine($"ulong {ulong.MaxValue} {ulong.MaxValue:X} uint {uint.MaxValue:N0} byte {(byte)200:X2} short {(short)-300} ushort {(ushort)65535:x}");

            string[] intTexts = { "0", "-0", "+17", "  42  ", "-2147483648", "2147483647", "12x", "", " - 5", "2147483648", "99999999999" };
            var sb = new StringBuilder("int.TryParse:");
            foreach (string t in intTexts) sb.Append(" [").Append(t).Append("]=").Append(int.TryParse(t, out int v) ? v.ToString() : "fail");
            Console.WriteLine(sb.ToString());
            sb.Clear().Append("long/ulong:");
            foreach (string t in new[] { "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551615", "-1" })
                sb.Append(' ').Append(long.TryParse(t, out long l) ? l.ToString() : "fail").Append('/').Append(ulong.TryParse(t, out ulong ul) ? ul.ToString() : "fail");
            Console.WriteLine(sb.ToString());
            Console.WriteLine($"parse: {int.Parse("-77") + 1} {long.Parse(" 123456789012 ")} {byte.Parse("255")} {short.Parse("-32768")} {uint.Parse("4294967295")}");

            double[] doubles = { 0, -0.0, 1, -1, 0.1, 0.2, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 100, 1e15, 1e16, 1e17, 123456789012345680, 1e21, 1e-5, 1e-4, 0.00012345,
                                 double.MaxValue, double.MinValue, double.Epsilon, 2.2250738585072014E-308, Math.PI, Math.E, 5e-324, 9007199254740993, 0.3, 1.5e300, -2.5e-200 };
            foreach (double d in doubles) Console.WriteLine($"double {d} R={d:R} F2={d:F2} N3={d:N3} E={d:E} e2={d:e2} E0={d:E0} rt={double.Parse(d.ToString()) == d}");
            float third = 1f / 3;
            Console.WriteLine($"float: {1.1f} {0.1f + 0.2f} {float.MaxValue} {BitConverter.Int32BitsToSingle(1)} {16777217f} {(float)Math.PI} {third} {third:F3} {third:E3} {-0.0f} {1e10f} {123456789f}");
            Console.WriteLine($"special: {double.NaN} {double.PositiveInfinity} {double.NegativeInfinity} {double.IsNaN(0.0 / 0.0)} {(0.0 / 0.0).ToString()}");

            var rng = new Lcg(2024);
            var all = new StringBuilder();
            int roundTrips = 0;
            for (int i = 0; i < 300; i++)
            {
                double d = BitConverter.Int64BitsToDouble((long)rng.Next());
                if (double.IsNaN(d) || double.IsInfinity(d)) continue;
                string s = d.ToString();
                if (double.Parse(s) == d) roundTrips++;
                if (i % 10 == 0) all.Append(s).Append(' ');
            }
            Console.WriteLine("random doubles: " + all + "round trips " + roundTrips);
            all.Clear();
            for (int i = 0; i < 40; i++)
            {
                double d = (long)(rng.Next() % 2000001) / Math.Pow(10, rng.Below(9)) - 1000;
                all.Append(d).Append(' ');
            }
            Console.WriteLine("decimal-ish doubles: " + all);

            string[] doubleTexts = { "3.14159", "-0", "1e308", "1e309", "-1e-400", "  2.5  ", "1,234.5", ".5", "5.", "0.1e1", "4.9406564584124654E-324", "2.4703282292062328e-324",
                                     "123456789012345678901234567890", "0.30000000000000004", "Infinity", "-Infinity", "NaN", "abc", "1e", "--1", "" };
            sb.Clear().Append("double.TryParse:");
            foreach (string t in doubleTexts) sb.Append(" [").Append(t).Append("]=").Append(double.TryParse(t, out double v) ? v.ToString() : "fail");
            Console.WriteLine(sb.ToString());
            Console.WriteLine($"double.Parse: {double.Parse("6.02214076e23")} {double.Parse("-1.5E-3")} {double.Parse("1.7976931348623157e308") == double.MaxValue}");
            Console.WriteLine($"compare: {1.5.CompareTo(2.5)} {double.NaN.CompareTo(0.0)} {3.CompareTo(3)} {'a'.CompareTo('b') < 0} {true.CompareTo(false)} {"b".CompareTo("a") > 0}");
        }
    }
}
