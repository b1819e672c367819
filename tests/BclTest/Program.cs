using System;
using System.Collections.Generic;
using Compose;

[assembly: UkApplication("bcltest")]

namespace BclTest
{
    /// <summary>
    /// Prints what the everyday BCL computes; the same text on the CLR and in images is the test. Modes (first
    /// argument): "all" (default), or one of the throw modes, which end with the BCL's exception.
    /// </summary>
    public static class App
    {
        /// <summary>Runs the sections; status 0.</summary>
        [UkMain]
        public static int Main(string[] args)
        {
            string mode = args.Length > 0 ? args[0] : "all";
            Console.WriteLine($"bcltest: mode {mode}, {args.Length} args");
            switch (mode)
            {
                case "throw-parse": Console.WriteLine("about to parse"); Console.WriteLine(int.Parse("12x")); return 1;
                case "throw-overflow": Console.WriteLine("about to parse"); Console.WriteLine(int.Parse("2147483648")); return 1;
                case "throw-key": Console.WriteLine("about to look up"); Console.WriteLine(new Dictionary<string, int>()["missing"]); return 1;
                case "throw-index": Console.WriteLine("about to index"); Console.WriteLine(new List<int> { 1, 2 }[2]); return 1;
                case "throw-dequeue": Console.WriteLine("about to dequeue"); Console.WriteLine(new Queue<int>().Dequeue()); return 1;
                case "throw-double": Console.WriteLine("about to parse"); Console.WriteLine(double.Parse("1.2.3")); return 1;
            }
            Collections.Run();
            Sorting.Run();
            Text.Run();
            Numbers.Run();
            Strings.Run();
            Maths.Run();
            Console.WriteLine("bcltest end");
            return 0;
        }
    }

    /// <summary>A deterministic pseudo-random sequence (64-bit LCG, top bits), the same on every platform.</summary>
    public sealed class Lcg
    {
        private ulong _state;

        /// <summary>A sequence from a seed.</summary>
        public Lcg(ulong seed) { _state = seed; }

        /// <summary>The next 64 bits.</summary>
        public ulong Next()
        {
            _state = _state * 6364136223846793005UL + 1442695040888963407UL;
            ulong x = _state;
            x ^= x >> 29;
            x *= 0xBF58476D1CE4E5B9UL;
            x ^= x >> 32;
            return x;
        }

        /// <summary>A value in [0, n).</summary>
        public int Below(int n) => (int)(Next() % (ulong)n);
    }
}
