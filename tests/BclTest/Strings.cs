using System;

namespace BclTest
{
    /// <summary>String and span helpers (ordinal).</summary>
    public static class Strings
    {
        /// <summary>Prints the section.</summary>
        public static void Run()
        {
            Console.WriteLine("== strings");
            string s = "  The quick, brown fox; jumps over the lazy dog.  ";
            string t = s.Trim();
            Console.WriteLine($"trim: [{t}] [{s.TrimStart()}] [{s.TrimEnd()}] [{"xxhixx".Trim('x')}] [{"--a-b--".TrimStart('-')}] [{"ab,,".TrimEnd(',')}] [{"..a..".Trim('.', 'a')}]");
            Console.WriteLine($"indexof: {t.IndexOf('q')} {t.IndexOf("fox")} {t.IndexOf("the")} {t.IndexOf("cat")} {t.IndexOf('o', 15)} {t.IndexOf("o", 20)} {t.LastIndexOf('o')} {t.LastIndexOf("the")} {t.IndexOfAny(new[] { ',', ';' })} {t.IndexOf("")}");
            Console.WriteLine($"substring: [{t.Substring(4, 5)}] [{t.Substring(40)}] starts {t.StartsWith("The")} {t.StartsWith('T')} {t.StartsWith("the")} ends {t.EndsWith("dog.")} {t.EndsWith('.')} contains {t.Contains("brown")} {t.Contains('z')} {t.Contains("Brown")}");
            Console.WriteLine($"replace: [{t.Replace("the", "a")}] [{t.Replace('o', '0')}] [{"aaa".Replace("a", "bb")}] [{"abcabc".Replace("bc", "")}]");
            Console.WriteLine($"case: {t.ToUpperInvariant()} | {t.ToLowerInvariant()} | {"ÀÉÎõü straße".ToUpperInvariant()} | {"ÀÉÎ MIXED".ToLowerInvariant()}");
            string[] parts = t.Split(' ');
            Console.WriteLine($"split: {parts.Length} [{string.Join("|", parts)}]");
            Console.WriteLine($"split2: [{string.Join("|", "a,b,,c,".Split(','))}] [{string.Join("|", "a,b,,c,".Split(',', StringSplitOptions.RemoveEmptyEntries))}] [{string.Join("|", " a , b ,, c ".Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))}]");
            Console.WriteLine($"split3: [{string.Join("|", t.Split(new[] { ' ', ',', ';', '.' }, StringSplitOptions.RemoveEmptyEntries))}] [{string.Join("|", "a::b::::c".Split("::"))}] [{string.Join("|", "k=v=w".Split('=', 2))}] [{string.Join("|", "x y\tz\nw".Split())}]");
            Console.WriteLine($"join: {string.Join(", ", "a", "b", "c")} {string.Join('-', new[] { "x", "y" })} {string.Concat("a", "b", "c", "d", "e")} {string.Concat(new System.Collections.Generic.List<string> { "p", "q" })}");
            Console.WriteLine($"pad: [{"7".PadLeft(3, '0')}] [{"ab".PadRight(5)}|] [{"abc".Insert(1, "XY")}] [{"abcdef".Remove(2, 3)}] [{"abcdef".Remove(4)}]");
            Console.WriteLine($"misc: {string.IsNullOrWhiteSpace(" \t")} {string.IsNullOrEmpty("")} {string.CompareOrdinal("abc", "abd") < 0} {string.Equals("ABC", "abc", StringComparison.OrdinalIgnoreCase)} {new string('*', 4)} {"hello".ToCharArray().Length} {string.Compare("b", "a", StringComparison.Ordinal) > 0}");

            ReadOnlySpan<char> span = "  key = value  ".AsSpan().Trim();
            int eq = span.IndexOf('=');
            Console.WriteLine($"span: [{span.ToString()}] key [{span.Slice(0, eq).Trim().ToString()}] value [{span.Slice(eq + 1).Trim().ToString()}] starts {span.StartsWith("key".AsSpan())} ends {span.EndsWith("lue".AsSpan())} idx {span.IndexOf("val".AsSpan())} last {span.LastIndexOf('e')}");
            ReadOnlySpan<int> nums = new[] { 1, 2, 3, 4, 2, 3 };
            Console.WriteLine($"span ints: {nums.IndexOf(3)} {nums.LastIndexOf(3)} {nums.IndexOf(new[] { 2, 3 }.AsSpan())} {nums.LastIndexOf(new[] { 2, 3 }.AsSpan())} {nums.Contains(4)} {nums.SequenceEqual(new[] { 1, 2, 3, 4, 2, 3 })} {nums.IndexOfAny(4, 9)}");
        }
    }
}
