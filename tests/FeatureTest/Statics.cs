using System;

namespace FeatureTest
{
    public sealed class Registry
    {
        public string Label = "";
        public int Hits;
    }

    /// <summary>A class whose static constructor must run on first access, not before.</summary>
    public static class Lazy
    {
        public static readonly string Greeting;
        public static int Runs;

        static Lazy()
        {
            Console.WriteLine("lazy cctor ran");
            Runs++;
            Greeting = "hello from cctor " + Statics.Counter.ToString();
        }

        public static void Touch() { }
    }

    public static class Statics
    {
        private static string s_name = "statics";
        private static readonly int[] s_table = { 3, 1, 4, 1, 5, 9, 2, 6 };
        private static Registry? s_registry;
        private static object s_lock = new object();
        public static int Counter;
        private static long s_big = 0x1_0000_0000L;

        public static int Run()
        {
            s_registry ??= new Registry { Label = "reg" };
            s_registry.Hits += 2;
            int tableSum = 0;
            foreach (int v in s_table) tableSum += v;
            Counter = 5;
            Console.WriteLine("before lazy access");
            string g = Lazy.Greeting;
            Lazy.Touch();
            Console.WriteLine("after lazy access: " + g);
            bool ok = Program.Check("static table sum", tableSum, 31)
                & Program.Check("static ref fields", s_name.Length + s_registry.Label.Length + s_registry.Hits + (s_lock != null ? 1 : 0), 13)
                & Program.Check("static long", s_big >> 32, 1)
                & Program.Check("lazy cctor runs", Lazy.Runs, 1);
            return ok ? 1 : 0;
        }
    }
}
