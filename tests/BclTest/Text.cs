using System;
using System.Text;

namespace BclTest
{
    /// <summary>StringBuilder and string interpolation.</summary>
    public static class Text
    {
        /// <summary>Prints the section.</summary>
        public static void Run()
        {
            Console.WriteLine("== text");
            var sb = new StringBuilder();
            for (int i = 0; i < 30; i++) sb.Append(i % 10);
            sb.Append('-', 3).Append("end").AppendLine().Append(12L).Append(true).Append(2.5).Append((object)"obj");
            sb.Insert(0, ">>").Replace('0', 'o').Remove(2, 5);
            sb[0] = '[';
            Console.WriteLine($"sb: {sb} len {sb.Length} char {sb[3]} sub {sb.ToString(2, 4)}");
            sb.Clear().AppendJoin("/", "a", "b", "c");
            sb.Length = 4;
            Console.WriteLine("sb joined: " + sb.ToString() + "|" + sb.Replace("a/", "A-").ToString());

            int x = 255, neg = -42;
            long big = 1234567890123;
            double d = 1.0 / 3, e = 1e21, small = 2.5e-7;
            string name = "ada";
            char c = 'Z';
            bool flag = true;
            uint u = 4000000000;
            Console.WriteLine($"interp: {x} {x:X4} {x:x} {neg} {neg:D5} {big:N0} {big} {u} {u:X}");
            Console.WriteLine($"interp: {d} {e} {small} {d:F3} {1234.5:N2} {-0.0} {c} {flag} {name,-6}|{name,6}|{x,5}|{neg,-5}|");
            Console.WriteLine($"interp: {new Point(3, 4)} {null as string}|{(object)7} {x + neg:D} {12.0} {100.0 / 7:F4}");
            string formatted = string.Format("fmt: {0} {1:X8} {2,4}|{3,-4}|{{lit}} {4:F1}", "s", 48879, 7, 8, 2.25);
            Console.WriteLine(formatted);
        }
    }
}
