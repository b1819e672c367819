using System;

namespace BclTest
{
    /// <summary>Math: exact functions printed exactly, approximate ones to 6 decimals.</summary>
    public static class Maths
    {
        /// <summary>Prints the section.</summary>
        public static void Run()
        {
            Console.WriteLine("== math");
            Console.WriteLine($"minmax: {Math.Min(3, -4)} {Math.Max(3L, 9L)} {Math.Min(2.5, -0.5)} {Math.Max(-0.0, 0.0)} {Math.Min(1.0, double.NaN)} {Math.Max(7u, 9u)}");
            Console.WriteLine($"abs/clamp/sign: {Math.Abs(-7)} {Math.Abs(-2.5)} {Math.Abs(long.MinValue + 1)} {Math.Clamp(15, 0, 10)} {Math.Clamp(-3.5, -1.0, 1.0)} {Math.Sign(-9)} {Math.Sign(0.0)} {Math.Sign(2.5)}");
            double[] values = { 2.5, 3.5, -2.5, -0.4, 0.5, 1.49999999999999989, 7.0, -7.5, 1e20, 123.456789, -123.456789, 2.675 };
            foreach (double v in values)
                Console.WriteLine($"round {v}: floor {Math.Floor(v)} ceil {Math.Ceiling(v)} trunc {Math.Truncate(v)} round {Math.Round(v)} away {Math.Round(v, MidpointRounding.AwayFromZero)} r2 {Math.Round(v, 2)}");
            Console.WriteLine($"sqrt: {Math.Sqrt(2)} {Math.Sqrt(144)} {Math.Sqrt(1e-300)} {Math.Sqrt(0.5)} {Math.Sqrt(-1)} {Math.Sqrt(double.MaxValue)}");
            Console.WriteLine($"pow (integer exponents): {Math.Pow(2, 10)} {Math.Pow(2, -3)} {Math.Pow(10, 15)} {Math.Pow(1.5, 4)} {Math.Pow(-3, 5)} {Math.Pow(7, 0)}");
            Console.WriteLine($"approx: exp1 {Math.Exp(1):F6} exp-2 {Math.Exp(-2):F6} log10 {Math.Log(10):F6} log2 {Math.Log(2):F6} log10(1000) {Math.Log10(1000):F6} pow {Math.Pow(2, 0.5):F6} {Math.Pow(10, 2.5):F6}");
            double mean = 0;
            for (int i = 1; i <= 10; i++) mean += i * 0.1;
            Console.WriteLine($"accumulate: {mean} {mean / 10} {(int)Math.Round(mean * 100)} {Math.PI * 2}");
        }
    }
}
