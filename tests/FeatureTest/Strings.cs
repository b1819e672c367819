using System;

namespace FeatureTest
{
    public static class Strings
    {
        public static int Run()
        {
            string a = "Hello";
            string b = "World";
            string joined = a + ", " + b + "!";
            string built = string.Concat("Hel", "lo");
            Console.WriteLine("string: " + joined);
            Console.WriteLine("numbers: " + 0.ToString() + " " + (-12345).ToString() + " " + long.MinValue.ToString() + " " + ulong.MaxValue.ToString());
            Console.WriteLine("hex: " + 255.ToString("X") + " " + 48879.ToString("x8") + " " + (-1).ToString("X") + " " + ((byte)10).ToString("X2"));
            Console.WriteLine("unicode: grüße € 😀");
            Console.WriteLine("chars: " + joined[7].ToString() + " index " + joined.IndexOf('W').ToString() + " sub " + joined.Substring(7, 5));
            int hash = 0;
            for (int i = 0; i < joined.Length; i++) hash = hash * 31 + joined[i];
            bool ok = Program.Check("string equality", (built == a ? 1 : 0) + (ReferenceEquals(built, a) ? 10 : 0) + (a != b ? 100 : 0), 101)
                & Program.Check("string length", joined.Length, 13)
                & Program.Check("string hash", hash, Hash(joined))
                & Program.Check("string starts/ends", (joined.StartsWith("Hello") ? 1 : 0) + (joined.EndsWith("!") ? 2 : 0), 3)
                & Program.Check("null-or-empty", (string.IsNullOrEmpty("") ? 1 : 0) + (string.IsNullOrEmpty(null) ? 2 : 0) + (string.IsNullOrEmpty(a) ? 4 : 0), 3);
            return ok ? 1 : 0;
        }

        private static int Hash(string s)
        {
            int h = 0;
            foreach (char c in s) h = h * 31 + c;
            return h;
        }
    }
}
