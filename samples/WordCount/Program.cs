using System;
using System.Collections.Generic;
using System.Text;
using Compose;

[assembly: UkApplication("wordcount")]
// Objects are reclaimed by the mark-sweep collector (over TLSF, .config): --repeat=N makes N times the garbage.
[assembly: UkUseProvider(typeof(Compose.Libraries.UkGc.IGarbageCollector), "ukgcmarksweep")]

namespace WordCount
{
    /// <summary>A word and how often it occurs.</summary>
    public readonly struct WordCountEntry
    {
        /// <summary>The word (lower case).</summary>
        public readonly string Word;
        /// <summary>Occurrences.</summary>
        public readonly int Count;

        /// <summary>A word and its count.</summary>
        public WordCountEntry(string word, int count) { Word = word; Count = count; }
    }

    /// <summary>Counts words; the same output on hosted, linuxu and kvm.</summary>
    public static class App
    {
        private const string BuiltInText =
            "It was the best of times, it was the worst of times, it was the age of wisdom,\n" +
            "it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,\n" +
            "it was the season of Light, it was the season of Darkness, it was the spring of hope,\n" +
            "it was the winter of despair, we had everything before us, we had nothing before us,\n" +
            "we were all going direct to Heaven, we were all going direct the other way.\n";

        /// <summary>Each thread's report buffer (images: thread statics in the TLS block).</summary>
        [ThreadStatic]
        private static StringBuilder? t_report;

        /// <summary>Status 0, or 2 for a bad --top or --repeat value.</summary>
        [UkMain]
        public static int Main(string[] args)
        {
            int top = 10;
            int repeat = 1;
            var words = new List<string>();
            foreach (string arg in args)
            {
                if (arg.StartsWith("--top=") || arg.StartsWith("--repeat="))
                {
                    string name = arg.Substring(2, arg.IndexOf('=') - 2);
                    string value = arg.Substring(arg.IndexOf('=') + 1);
                    int parsed;
                    try
                    {
                        parsed = int.Parse(value);
                    }
                    catch (FormatException)
                    {
                        Console.WriteLine($"wordcount: bad --{name} value '{value}' (a positive integer; not a number)");
                        return 2;
                    }
                    catch (OverflowException)
                    {
                        Console.WriteLine($"wordcount: bad --{name} value '{value}' (a positive integer; too large)");
                        return 2;
                    }
                    if (parsed < 1)
                    {
                        Console.WriteLine($"wordcount: bad --{name} value '{value}' (a positive integer)");
                        return 2;
                    }
                    if (name == "top") top = parsed;
                    else repeat = parsed;
                    continue;
                }
                words.Add(arg);
            }
            string text = words.Count > 0 ? string.Join(" ", words) : BuiltInText;
            string source = words.Count > 0 ? "command line" : "built-in text";
            Report(text, source, top, repeat);
            return 0;
        }

        /// <summary>Counts (<paramref name="repeat"/> passes over the text, each splitting it afresh) and prints.</summary>
        public static void Report(string text, string source, int top, int repeat)
        {
            string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var counts = new Dictionary<string, int>();
            var order = new List<string>();
            int total = 0;
            long letters = 0;
            for (int pass = 0; pass < repeat; pass++)
            foreach (string line in lines)
            {
                foreach (string raw in line.Split(new[] { ' ', '\t', ',', '.', ';', ':', '!', '?', '"', '(', ')' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    string word = raw.Trim('\'', '-').ToLowerInvariant();
                    if (word.Length == 0) continue;
                    total++;
                    letters += word.Length;
                    if (counts.TryGetValue(word, out int n)) counts[word] = n + 1;
                    else
                    {
                        counts.Add(word, 1);
                        order.Add(word);
                    }
                }
            }

            var entries = new List<WordCountEntry>(counts.Count);
            foreach (KeyValuePair<string, int> kv in counts) entries.Add(new WordCountEntry(kv.Key, kv.Value));
            entries.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Word, b.Word));

            StringBuilder sb = t_report ??= new StringBuilder();
            sb.Clear();
            sb.Append($"wordcount: {text.Length} characters, {lines.Length} lines from the {source}\n");
            if (repeat > 1) sb.Append($"counted {repeat} times\n");
            int shown = Math.Min(top, entries.Count);
            sb.Append($"top {shown} of {entries.Count} distinct words:\n");
            for (int i = 0; i < shown; i++)
            {
                WordCountEntry e = entries[i];
                double share = 100.0 * e.Count / total;
                sb.Append($"{i + 1,3}. {e.Word,-12} {e.Count,4} {share:F2}%\n");
            }
            double averageLength = total == 0 ? 0 : (double)letters / total;
            double perLine = lines.Length == 0 ? 0 : (double)total / ((long)lines.Length * repeat);
            sb.Append($"total words: {total}\n");
            sb.Append($"average word length: {averageLength}\n");
            sb.Append($"words per line: {perLine} (rounded {Math.Round(perLine, 2)})\n");
            sb.Append($"first seen: {string.Join(", ", order.GetRange(0, Math.Min(5, order.Count)))}\n");
            Console.Write(sb.ToString());
        }
    }
}
