using System;

namespace FeatureTest
{
    public delegate long Reducer(long acc, int value);

    public sealed class Scaler
    {
        private readonly int _factor;
        public Scaler(int factor) { _factor = factor; }
        public int Scale(int x) => x * _factor;
    }

    public static class Delegates
    {
        private static int Twice(int x) => 2 * x;

        private static long Fold(int[] values, Reducer reducer, long seed)
        {
            long acc = seed;
            for (int i = 0; i < values.Length; i++) acc = reducer(acc, values[i]);
            return acc;
        }

        public static int Run()
        {
            int[] values = { 1, 2, 3, 4, 5 };
            Func<int, int> square = x => x * x;           // non-capturing lambda
            Func<int, int> twice = Twice;                 // static method group
            Func<int, int> scale = new Scaler(10).Scale;  // instance method
            int offset = values.Length;
            Func<int, int> shifted = x => x + offset;     // closure
            Action<string> print = s => Console.WriteLine("delegate says " + s);
            int sum = 0;
            Func<int, int>[] all = { square, twice, scale, shifted };
            for (int i = 0; i < all.Length; i++)
            {
                for (int j = 0; j < values.Length; j++) sum += all[i](values[j]);
            }
            print("hi");
            long folded = Fold(values, (acc, v) => acc * 2 + v, 1);
            bool ok = Program.Check("delegate sum", sum, 55 + 30 + 150 + 40)
                & Program.Check("delegate fold", folded, 89)
                & Program.Check("delegate target null", twice.Target == null ? 1 : 0, 1);
            return ok ? 1 : 0;
        }
    }
}
