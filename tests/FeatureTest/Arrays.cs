using System;

namespace FeatureTest
{
    public static class Arrays
    {
        public static int Run()
        {
            int[] primes = { 2, 3, 5, 7, 11, 13 };
            string[] words = new string[3];
            words[0] = "one"; words[1] = "two"; words[2] = "three";
            int[][] jagged = new int[3][];
            for (int i = 0; i < jagged.Length; i++)
            {
                jagged[i] = new int[i + 2];
                for (int j = 0; j < jagged[i].Length; j++) jagged[i][j] = i * 10 + j;
            }
            int[] copy = new int[primes.Length];
            Array.Copy(primes, copy, primes.Length);
            long jaggedSum = 0;
            foreach (int[] row in jagged) foreach (int v in row) jaggedSum += v;
            int totalLetters = 0;
            foreach (string w in words) totalLetters += w.Length;
            object[] mixed = { 1, "two", 3L, new Square(2) };
            int kinds = 0;
            foreach (object o in mixed)
            {
                if (o is int) kinds += 1;
                else if (o is string) kinds += 10;
                else if (o is long) kinds += 100;
                else if (o is IShape) kinds += 1000;
            }
            bool ok = Program.Check("array copy sum", copy[0] + copy[5] + copy.Length, 21)
                & Program.Check("jagged sum", jaggedSum, (0 + 1) + (10 + 11 + 12) + (20 + 21 + 22 + 23))
                & Program.Check("string array letters", totalLetters, 11)
                & Program.Check("object array kinds", kinds, 1111)
                & Program.Check("empty array", Array.Empty<string>().Length, 0);
            return ok ? 1 : 0;
        }
    }
}
