using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Compose.Images.Tests
{
    /// <summary>Builds tests/BclTest and samples/WordCount once, hosted (real BCL) and linuxu (Uk.CoreLib).</summary>
    public sealed class BclImagesFixture
    {
        public string BclHosted { get; }
        public string BclImage { get; }
        public string WordCountHosted { get; }
        public string WordCountImage { get; }

        public BclImagesFixture()
        {
            string root = Tools.RepoRoot;
            string bcl = Path.Combine(root, "tests", "BclTest", "BclTest.csproj");
            string wc = Path.Combine(root, "samples", "WordCount", "WordCount.csproj");
            Tools.BuildOrThrow(bcl, "hosted");
            Tools.BuildOrThrow(bcl, "linuxu");
            Tools.BuildOrThrow(wc, "hosted");
            Tools.BuildOrThrow(wc, "linuxu");
            BclHosted = Path.Combine(root, "tests", "BclTest", "bin", "Debug", "net10.0", "bcltest.dll");
            BclImage = Path.Combine(root, "tests", "BclTest", "bin", "linuxu", "Debug", "net10.0", "bcltest_linuxu-x86_64");
            WordCountHosted = Path.Combine(root, "samples", "WordCount", "bin", "Debug", "net10.0", "wordcount.dll");
            WordCountImage = Path.Combine(root, "samples", "WordCount", "bin", "linuxu", "Debug", "net10.0", "wordcount_linuxu-x86_64");
        }
    }

    /// <summary>The everyday BCL in images: the same output as the CLR's BCL, byte for byte.</summary>
    [Collection("images")]
    public sealed class BclTestImageTests : IClassFixture<BclImagesFixture>
    {
        private readonly BclImagesFixture _f;

        public BclTestImageTests(BclImagesFixture f) { _f = f; }

        private (Tools.Result Hosted, Tools.Result Image) RunBcl(params string[] args)
            => (Tools.Run("dotnet", new[] { _f.BclHosted }.Concat(args).ToArray()), Tools.Run(_f.BclImage, args));

        [Fact]
        public void Every_section_prints_what_the_real_BCL_prints()
        {
            var (hosted, image) = RunBcl();
            Assert.True(hosted.ExitCode == 0, hosted.All);
            Assert.Equal("", image.StdErr);
            Assert.Equal(0, image.ExitCode);
            Assert.Equal(hosted.StdOut, image.StdOut);
            foreach (string section in new[] { "== collections", "== sorting", "== text", "== numbers", "== strings", "== math", "bcltest end" })
                Assert.Contains(section + "\n", image.StdOut);
            // Spot checks computed here, independent of both runs.
            Assert.Contains("double 0.30000000000000004 R=0.30000000000000004 F2=0.30", image.StdOut);
            Assert.Contains($"int -12345: -12345 -00012345 FFFFCFC7 ffffcfc7 -12,345.00 -12,345 -12345\n", image.StdOut);
            Assert.Contains("round trips " + CountRoundTrips() + "\n", image.StdOut);
        }

        // Mirrors the random-double loop of tests/BclTest/Numbers.cs (same LCG, same seed) on the CLR.
        private static int CountRoundTrips()
        {
            ulong state = 2024;
            int count = 0;
            for (int i = 0; i < 300; i++)
            {
                state = state * 6364136223846793005UL + 1442695040888963407UL;
                ulong x = state;
                x ^= x >> 29;
                x *= 0xBF58476D1CE4E5B9UL;
                x ^= x >> 32;
                double d = BitConverter.Int64BitsToDouble((long)x);
                if (double.IsNaN(d) || double.IsInfinity(d)) continue;
                count++;
            }
            return count;
        }

        [Theory]
        [InlineData("throw-parse", "System.FormatException: The input string '12x' was not in a correct format.")]
        [InlineData("throw-overflow", "System.OverflowException: Value was either too large or too small for an Int32.")]
        [InlineData("throw-key", "System.Collections.Generic.KeyNotFoundException: The given key 'missing' was not present in the dictionary.")]
        [InlineData("throw-index", "System.ArgumentOutOfRangeException: Index was out of range. Must be non-negative and less than the size of the collection.")]
        [InlineData("throw-dequeue", "System.InvalidOperationException: Queue empty.")]
        [InlineData("throw-double", "System.FormatException: The input string '1.2.3' was not in a correct format.")]
        public void Bad_input_throws_the_BCL_exception_type(string mode, string expected)
        {
            var (hosted, image) = RunBcl(mode);
            Assert.Equal(hosted.StdOut, image.StdOut);
            Assert.StartsWith("Unhandled exception. " + expected, hosted.StdErr);
            // Images print the message without the CLR's " (Parameter 'x')" suffix of argument exceptions.
            Assert.StartsWith("Unhandled exception. " + expected, image.StdErr);
            Assert.Equal(134, image.ExitCode);
            Assert.Equal(hosted.ExitCode, image.ExitCode);
        }

        [Fact]
        public void WordCount_prints_the_same_as_hosted_for_the_built_in_text()
        {
            var hosted = Tools.Run("dotnet", new[] { _f.WordCountHosted });
            var image = Tools.Run(_f.WordCountImage, Array.Empty<string>());
            Assert.True(hosted.ExitCode == 0, hosted.All);
            Assert.Equal(0, image.ExitCode);
            Assert.Equal("", image.StdErr);
            Assert.Equal(hosted.StdOut, image.StdOut);
            Assert.Contains("from the built-in text\n", image.StdOut);
        }

        [Fact]
        public void WordCount_counts_command_line_text_like_LINQ_does()
        {
            string[] text = { "--top=4", "Dog cat, dog; BIRD bird bird.", "cat? ant 'dog' eel", "yak" };
            var hosted = Tools.Run("dotnet", new[] { _f.WordCountHosted }.Concat(text).ToArray());
            var image = Tools.Run(_f.WordCountImage, text);
            Assert.Equal(hosted.StdOut, image.StdOut);
            Assert.Equal(0, image.ExitCode);

            // The expected top 4, total and average computed here with LINQ.
            var words = string.Join(" ", text.Skip(1)).Split(new[] { ' ', ',', ';', '.', '?' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim('\'').ToLowerInvariant()).ToList();
            var top = words.GroupBy(w => w).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(4).ToList();
            for (int i = 0; i < top.Count; i++)
                Assert.Contains($"{i + 1,3}. {top[i].Key,-12} {top[i].Count(),4} ", image.StdOut);
            Assert.Contains($"total words: {words.Count}\n", image.StdOut);
            Assert.Contains($"average word length: {(double)words.Sum(w => w.Length) / words.Count}\n", image.StdOut);
        }

        [Fact]
        public void WordCount_rejects_a_bad_top_value()
        {
            var image = Tools.Run(_f.WordCountImage, new[] { "--top=x" });
            Assert.Equal(2, image.ExitCode);
            Assert.Contains("wordcount: bad --top value 'x' (a positive integer; not a number)", image.StdOut);
            // Caught by type: int.Parse's OverflowException, not its FormatException.
            var big = Tools.Run(_f.WordCountImage, new[] { "--repeat=99999999999" });
            Assert.Equal(2, big.ExitCode);
            Assert.Contains("wordcount: bad --repeat value '99999999999' (a positive integer; too large)", big.StdOut);
        }

        /// <summary>
        /// 8,000 passes over the built-in text allocate about three times the 16 MiB heap in short-lived strings and
        /// arrays: the image only finishes because ukgcmarksweep reclaims them, and prints what the CLR prints.
        /// </summary>
        [Fact]
        public void WordCount_repeated_runs_in_a_heap_smaller_than_its_garbage()
        {
            var hosted = Tools.Run("dotnet", new[] { _f.WordCountHosted, "--repeat=8000" });
            var image = Tools.Run(_f.WordCountImage, new[] { "--repeat=8000" });
            Assert.True(hosted.ExitCode == 0, hosted.All);
            Assert.True(image.ExitCode == 0, image.StdOut + image.StdErr);
            Assert.Contains("counted 8000 times\n", image.StdOut);
            Assert.Equal(hosted.StdOut, image.StdOut);
        }
    }
}
