using System;

namespace FeatureTest
{
    public static class Spans
    {
        public static unsafe int Run()
        {
            Span<int> numbers = stackalloc int[16];
            for (int i = 0; i < numbers.Length; i++) numbers[i] = i * i;
            Span<int> middle = numbers.Slice(4, 8);
            long sum = 0;
            foreach (int v in middle) sum += v;
            ReadOnlySpan<byte> utf8 = "compose"u8;
            int bytes = 0;
            for (int i = 0; i < utf8.Length; i++) bytes += utf8[i];
            int[] heap = new int[6];
            numbers.Slice(1, 6).CopyTo(heap);
            Span<byte> filled = stackalloc byte[8];
            filled.Fill(7);
            byte* raw = stackalloc byte[4];
            raw[0] = 1; raw[3] = 9;
            Span<byte> fromPointer = new Span<byte>(raw, 4);
            nuint native = (nuint)fromPointer.Length * 3;
            ReadOnlySpan<char> word = "span-of-chars".AsSpan(8);
            bool ok = Program.Check("span slice sum", sum, 16 + 25 + 36 + 49 + 64 + 81 + 100 + 121)
                & Program.Check("u8 literal", bytes + utf8.Length * 1000, 7000 + 99 + 111 + 109 + 112 + 111 + 115 + 101)
                & Program.Check("span copy", heap[5] + heap[0], 37)
                & Program.Check("span fill + pointer", filled[7] + fromPointer[3] + (long)native, 7 + 9 + 12)
                & Program.Check("char span", word.Length + (word.SequenceEqual("chars".AsSpan()) ? 100 : 0), 105);
            Console.WriteLine("span text: " + word.ToString());
            return ok ? 1 : 0;
        }
    }
}
