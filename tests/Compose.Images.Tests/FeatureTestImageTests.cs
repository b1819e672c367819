using System;

namespace Compose.Images.Tests
{
    /// <summary>The Uk.CoreLib feature test, run on the CLR and as a linuxu image: same output, same status.</summary>
    [Collection("images")]
    public sealed class FeatureTestImageTests
    {
        private readonly ImageFixture _f;

        public FeatureTestImageTests(ImageFixture f) { _f = f; }

        private (Tools.Result Hosted, Tools.Result Image) RunBoth(params string[] args)
        {
            var hostedArgs = new string[args.Length + 1];
            hostedArgs[0] = _f.FeatureHosted;
            args.CopyTo(hostedArgs, 1);
            return (Tools.Run("dotnet", hostedArgs), Tools.Run(_f.FeatureImage, args));
        }

        [Theory]
        [InlineData("")]
        [InlineData("all|x")]
        [InlineData("all|b|c|d|e")]
        public void AllFeaturesMatchHosted(string joined)
        {
            string[] args = joined.Length == 0 ? new string[0] : joined.Split('|');
            var (hosted, image) = RunBoth(args);
            Assert.Equal(hosted.StdOut, image.StdOut);
            Assert.Equal(3, hosted.ExitCode);
            Assert.Equal(hosted.ExitCode, image.ExitCode);
            Assert.Equal("", image.StdErr);
            Assert.DoesNotContain("MISMATCH", image.StdOut);
            Assert.Contains("checks passed: 8\n", image.StdOut);
            // Values computed here from the shapes' formulas; the image computes them through interface dispatch.
            Assert.Contains("dispatch area total = " + ExpectedArea(args.Length) + " ok\n", image.StdOut);
            Assert.Contains("dispatch corners = " + ExpectedCorners(args.Length) + " ok\n", image.StdOut);
            Assert.Contains("before lazy access\nlazy cctor ran\nafter lazy access: hello from cctor 5\n", image.StdOut);
            Assert.Contains("hex: FF 0000beef FFFFFFFF 0A\n", image.StdOut);
            Assert.Contains("numbers: 0 -12345 " + long.MinValue + " " + ulong.MaxValue + "\n", image.StdOut);
            Assert.Contains("unicode: grüße € 😀\n", image.StdOut);
            Assert.Contains("featuretest start: " + args.Length + " args", image.StdOut);
        }

        [Theory]
        [InlineData("panic", "Unhandled exception. System.InvalidOperationException: boom with 1 args")]
        [InlineData("custom", "Unhandled exception. FeatureTest.ShapeException: bad shape 7")]
        public void UncaughtThrowPrintsTypeMessageAndTrace(string mode, string expected)
        {
            var (hosted, image) = RunBoth(mode);
            Assert.Equal(hosted.StdOut, image.StdOut);
            Assert.Contains("about to throw", image.StdOut);
            Assert.DoesNotContain("featuretest end", image.StdOut);
            Assert.Equal(expected, FirstLine(hosted.StdErr));
            Assert.Equal(expected, FirstLine(image.StdErr));
            // Exceptions are dispatched now: an uncaught one also prints the frames it crossed.
            Assert.Contains("\n   at ", image.StdErr);
            Assert.Equal(134, image.ExitCode);
            Assert.Equal(hosted.ExitCode, image.ExitCode);
        }

        [Fact]
        public void EnvironmentExitStatusPropagates()
        {
            var (hosted, image) = RunBoth("exit");
            Assert.Equal(42, hosted.ExitCode);
            Assert.Equal(42, image.ExitCode);
            Assert.Equal(hosted.StdOut, image.StdOut);
            Assert.EndsWith("exiting with 42\n", image.StdOut);
        }

        private static string FirstLine(string text)
        {
            int nl = text.IndexOf('\n');
            return nl < 0 ? text : text.Substring(0, nl);
        }

        private static int ExpectedArea(int seed)
        {
            int t = 0;
            for (int i = 0; i < 8; i++)
            {
                int n = i + 1;
                switch ((i + seed) % 7)
                {
                    case 0: t += n * n; break;                    // square
                    case 1: t += n * (n + 1); break;              // rect
                    case 2: t += n * n; break;                    // triangle n x 2n
                    case 3: t += n * n; break;                    // right triangle 2n x n
                    case 4: t += 1; break;                        // dot
                    case 5: t += 3 * n; break;                    // blob
                    default: t += 3 * (2 * n + 1); break;         // ring (n+1, n)
                }
            }
            return t;
        }

        private static int ExpectedCorners(int seed)
        {
            int c = 0;
            for (int i = 0; i < 8; i++)
            {
                int kind = (i + seed) % 7;
                c += kind <= 1 ? 4 : kind <= 3 ? 3 : 0;
            }
            return c;
        }
    }
}
