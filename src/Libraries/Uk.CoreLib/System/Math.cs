// Math beyond the integer helpers in Services.cs. Exact (bit for bit the CLR's): Min, Max, Abs, Clamp, Sign, Sqrt
// (the JIT's sqrtsd), Floor, Ceiling, Truncate, Round (to even), Round(x, digits) (the CLR's scaling).
// Approximate (within a few ULP of the CLR's libm, not bit-exact): Exp, Log, Log10, Log2, Pow with a non-integer exponent.
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>How Math.Round treats a value halfway between two integers.</summary>
    public enum MidpointRounding
    {
        /// <summary>To the even neighbour.</summary>
        ToEven = 0,
        /// <summary>Away from zero.</summary>
        AwayFromZero = 1,
    }

    public static partial class Math
    {
        /// <summary>π.</summary>
        public const double PI = 3.14159265358979323846;
        /// <summary>e.</summary>
        public const double E = 2.7182818284590452354;

        /// <summary>The smaller value.</summary>
        public static uint Min(uint a, uint b) => a < b ? a : b;
        /// <summary>The larger value.</summary>
        public static uint Max(uint a, uint b) => a > b ? a : b;
        /// <summary>The smaller value.</summary>
        public static short Min(short a, short b) => a < b ? a : b;
        /// <summary>The larger value.</summary>
        public static short Max(short a, short b) => a > b ? a : b;
        /// <summary>The smaller value.</summary>
        public static byte Min(byte a, byte b) => a < b ? a : b;
        /// <summary>The larger value.</summary>
        public static byte Max(byte a, byte b) => a > b ? a : b;

        /// <summary>The larger value; NaN if either is NaN; +0 over -0.</summary>
        public static double Max(double val1, double val2)
        {
            if (val1 != val2) return double.IsNaN(val1) ? val1 : (val2 < val1 ? val1 : val2);
            return double.IsNegative(val2) ? val1 : val2;
        }

        /// <summary>The smaller value; NaN if either is NaN; -0 over +0.</summary>
        public static double Min(double val1, double val2)
        {
            if (val1 != val2 && !double.IsNaN(val1)) return val1 < val2 ? val1 : val2;
            return double.IsNegative(val1) ? val1 : val2;
        }

        /// <summary>The absolute value (clears the sign bit).</summary>
        public static double Abs(double value) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) & 0x7FFFFFFFFFFFFFFFL);

        /// <summary>The absolute value.</summary>
        public static short Abs(short value) => value < 0 ? (value == short.MinValue ? throw new OverflowException("Negating the minimum value of a twos complement number is invalid.") : (short)-value) : value;

        /// <summary><paramref name="value"/> limited to [min, max].</summary>
        public static int Clamp(int value, int min, int max)
        {
            if (min > max) throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
            return value < min ? min : value > max ? max : value;
        }

        /// <summary><paramref name="value"/> limited to [min, max].</summary>
        public static long Clamp(long value, long min, long max)
        {
            if (min > max) throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
            return value < min ? min : value > max ? max : value;
        }

        /// <summary><paramref name="value"/> limited to [min, max].</summary>
        public static double Clamp(double value, double min, double max)
        {
            if (min > max) throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
            return value < min ? min : value > max ? max : value;
        }

        /// <summary>-1, 0 or 1.</summary>
        public static int Sign(int value) => value > 0 ? 1 : value < 0 ? -1 : 0;

        /// <summary>-1, 0 or 1.</summary>
        public static int Sign(long value) => value > 0 ? 1 : value < 0 ? -1 : 0;

        /// <summary>-1, 0 or 1; ArithmeticException for NaN.</summary>
        public static int Sign(double value)
        {
            if (value > 0) return 1;
            if (value < 0) return -1;
            if (value == 0) return 0;
            throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
        }

        /// <summary>The correctly rounded square root (the JIT emits sqrtsd; the body is the fallback).</summary>
        [Intrinsic]
        public static double Sqrt(double d)
        {
            if (!(d > 0)) return d == 0 ? d : double.NaN;
            if (double.IsPositiveInfinity(d)) return d;
            double x = d > 1 ? d / 2 : 1;
            for (int i = 0; i < 1100; i++)
            {
                double next = 0.5 * (x + d / x);
                if (next == x) break;
                x = next;
            }
            return x;
        }

        /// <summary>The integer part (towards zero).</summary>
        public static double Truncate(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d);
            int exp = (int)((bits >> 52) & 0x7FF) - 1023;
            if (exp < 0) return bits < 0 ? -0.0 : 0.0;
            if (exp >= 52) return d; // already an integer, or NaN/∞
            long mask = (1L << (52 - exp)) - 1;
            return BitConverter.Int64BitsToDouble(bits & ~mask);
        }

        /// <summary>The largest integer not above <paramref name="d"/>.</summary>
        public static double Floor(double d)
        {
            double t = Truncate(d);
            return t > d ? t - 1 : t;
        }

        /// <summary>The smallest integer not below <paramref name="d"/>.</summary>
        public static double Ceiling(double d)
        {
            double t = Truncate(d);
            return t < d ? t + 1 : t;
        }

        /// <summary>The nearest integer; halfway goes to the even one.</summary>
        public static double Round(double a) => Round(a, MidpointRounding.ToEven);

        /// <summary>The nearest integer with the given halfway rule.</summary>
        public static double Round(double value, MidpointRounding mode)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            int exp = (int)((bits >> 52) & 0x7FF) - 1023;
            if (exp >= 52) return value;
            double t = Truncate(value);
            double frac = Abs(value - t); // exact
            double step = bits < 0 ? -1.0 : 1.0;
            if (frac > 0.5) return t + step;
            if (frac == 0.5 && (mode == MidpointRounding.AwayFromZero || ((long)t & 1) != 0)) return t + step;
            return t;
        }

        private static readonly double[] Power10 = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };

        /// <summary>Rounded to <paramref name="digits"/> decimals (0..15), halfway to even, by scaling as the CLR does.</summary>
        public static double Round(double value, int digits) => Round(value, digits, MidpointRounding.ToEven);

        /// <summary>Rounded to <paramref name="digits"/> decimals (0..15) with the given halfway rule, by scaling as the CLR does.</summary>
        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if ((uint)digits > 15) throw new ArgumentOutOfRangeException(nameof(digits), "Rounding digits must be between 0 and 15, inclusive.");
            if (Abs(value) < 1e16)
            {
                double power10 = Power10[digits];
                value *= power10;
                value = Round(value, mode);
                value /= power10;
            }
            return value;
        }

        private const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;

        /// <summary>e^x (within a few ULP; not bit-exact with the CLR).</summary>
        public static double Exp(double x)
        {
            if (double.IsNaN(x)) return x;
            if (x > 709.782712893384) return double.PositiveInfinity;
            if (x < -745.1332191019412) return 0;
            // x = k ln2 + r, |r| <= ln2/2; e^x = 2^k e^r
            double kf = Round(x / 0.6931471805599453);
            int k = (int)kf;
            double r = (x - kf * Ln2Hi) - kf * Ln2Lo;
            double term = 1, sum = 1;
            for (int n = 1; n < 30; n++)
            {
                term *= r / n;
                double next = sum + term;
                if (next == sum) break;
                sum = next;
            }
            return ScaleB(sum, k);
        }

        /// <summary><paramref name="x"/> x 2^<paramref name="n"/>, exact unless the result is subnormal.</summary>
        public static double ScaleB(double x, int n)
        {
            while (n > 1000) { x *= 8.98846567431158E+307; n -= 1023; }
            while (n < -1000) { x *= 2.2250738585072014E-308 * 4503599627370496.0; n += 1022 - 52; }
            return x * BitConverter.Int64BitsToDouble((long)(n + 1023) << 52);
        }

        /// <summary>The natural logarithm (within a few ULP; not bit-exact with the CLR).</summary>
        public static double Log(double d)
        {
            if (double.IsNaN(d) || d < 0) return double.NaN;
            if (d == 0) return double.NegativeInfinity;
            if (double.IsPositiveInfinity(d)) return d;
            int e = 0;
            long bits = BitConverter.DoubleToInt64Bits(d);
            if ((bits >> 52) == 0) { d *= 4503599627370496.0; e = -52; bits = BitConverter.DoubleToInt64Bits(d); }
            e += (int)(bits >> 52) - 1023;
            double m = BitConverter.Int64BitsToDouble((bits & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L); // [1, 2)
            if (m > 1.4142135623730951) { m *= 0.5; e++; }
            // log(m) = 2 atanh(f), f = (m-1)/(m+1), |f| < 0.1716
            double f = (m - 1) / (m + 1), f2 = f * f, term = f, sum = 0;
            for (int n = 1; n < 80; n += 2)
            {
                double next = sum + term / n;
                if (next == sum) break;
                sum = next;
                term *= f2;
            }
            return e * Ln2Hi + (2 * sum + e * Ln2Lo);
        }

        /// <summary>The base-10 logarithm (approximate).</summary>
        public static double Log10(double d) => Log(d) * 0.43429448190325182765;

        /// <summary>The base-2 logarithm (approximate).</summary>
        public static double Log2(double d) => Log(d) * 1.4426950408889634074;

        /// <summary>x^y: repeated multiplication for integer |y| up to 64 (exact when the result is representable), else Exp(y Log x).</summary>
        public static double Pow(double x, double y)
        {
            if (y == 0) return 1;
            if (double.IsNaN(x) || double.IsNaN(y)) return x == 1 ? 1 : double.NaN;
            if (y == Truncate(y) && Abs(y) <= 64)
            {
                long n = (long)Abs(y);
                double result = 1, b = x;
                while (n != 0)
                {
                    if ((n & 1) != 0) result *= b;
                    b *= b;
                    n >>= 1;
                }
                return y < 0 ? 1 / result : result;
            }
            if (x < 0) return double.NaN;
            if (x == 0) return y > 0 ? 0 : double.PositiveInfinity;
            return Exp(y * Log(x));
        }
    }

    /// <summary>An arithmetic error.</summary>
    public class ArithmeticException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public ArithmeticException() { }
        /// <summary>Creates the exception.</summary>
        public ArithmeticException(string? message) : base(message) { }
        internal override string TypeName => "System.ArithmeticException";
    }
}
