using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Compose.Libraries.UkCpio;
using CsCheck;
using Xunit;

namespace Compose.Pool2.Tests
{
    /// <summary>Entry names are confined to the root: normalisation, escapes, overlong names.</summary>
    public class CpioPathTests
    {
        private static (CpioPathError Error, string Path) Normalize(string name, int capacity = 4096)
        {
            var buffer = new byte[capacity];
            var error = CpioPath.Normalize(Encoding.UTF8.GetBytes(name), buffer, out int length);
            return (error, Encoding.UTF8.GetString(buffer, 0, length));
        }

        [Theory]
        [InlineData(".", "")]
        [InlineData("./", "")]
        [InlineData("", "")]
        [InlineData("etc/motd", "etc/motd")]
        [InlineData("./etc/motd", "etc/motd")]
        [InlineData("/etc//motd/", "etc/motd")]
        [InlineData("a/./b/../c", "a/c")]
        [InlineData("a/b/../..", "")]
        [InlineData("a/..", "")]
        [InlineData("...", "...")]
        [InlineData("a/.hidden/..x", "a/.hidden/..x")]
        public void Normalizes(string name, string expected)
        {
            Assert.Equal((CpioPathError.None, expected), Normalize(name));
        }

        [Theory]
        [InlineData("..")]
        [InlineData("../etc/passwd")]
        [InlineData("/../x")]
        [InlineData("a/../../b")]
        [InlineData("./a/b/../../..")]
        public void EscapesAboveTheRoot_AreRefused(string name)
        {
            Assert.Equal((CpioPathError.EscapesRoot, ""), Normalize(name));
        }

        [Fact]
        public void OverlongNames_AreRefused()
        {
            Assert.Equal(CpioPathError.TooLong, Normalize("d/" + new string('x', 256)).Error);
            Assert.Equal(CpioPathError.None, Normalize("d/" + new string('x', 255)).Error);
            Assert.Equal(CpioPathError.TooLong, Normalize("abc/def", 6).Error);
            Assert.Equal((CpioPathError.None, "abc/def"), Normalize("abc/def", 7));
        }

        /// <summary>The same rules written the obvious way, over strings.</summary>
        private static (CpioPathError, string) Reference(string name)
        {
            var stack = new List<string>();
            foreach (var part in name.Split('/'))
            {
                if (part.Length == 0 || part == ".") continue;
                if (part == "..")
                {
                    if (stack.Count == 0) return (CpioPathError.EscapesRoot, "");
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }
                stack.Add(part);
            }
            return (CpioPathError.None, string.Join('/', stack));
        }

        [Fact]
        public void MatchesTheReference_AndNeverLeavesDotsOrSlashes()
        {
            var part = Gen.OneOf(Gen.Const(".."), Gen.Const("."), Gen.Const(""), Gen.String[Gen.Char["ab."], 1, 3]);
            part.Array[0, 8].Select(parts => string.Join('/', parts)).Sample(name =>
            {
                var actual = Normalize(name);
                Assert.Equal(Reference(name), actual);
                if (actual.Error == CpioPathError.None && actual.Path.Length > 0)
                {
                    Assert.DoesNotContain("..", actual.Path.Split('/'));
                    Assert.DoesNotContain(".", actual.Path.Split('/'));
                    Assert.DoesNotContain("", actual.Path.Split('/'));
                }
            }, iter: 5_000);
        }

        [Fact]
        [System.Runtime.Versioning.SupportedOSPlatform("linux")]
        public void ArchiveFromTheCpioTool_WithAnEscapingName_IsCaught()
        {
            string root = Path.Combine(Path.GetTempPath(), "ukcpio-escape-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(root, "sub"));
            try
            {
                File.WriteAllText(Path.Combine(root, "evil"), "x");
                File.WriteAllText(Path.Combine(root, "sub", "ok"), "y");
                var psi = new ProcessStartInfo("sh", new[] { "-c", "printf 'ok\\n../evil\\n' | cpio --quiet -o -H newc" })
                {
                    WorkingDirectory = Path.Combine(root, "sub"),
                    RedirectStandardOutput = true,
                };
                using var process = Process.Start(psi)!;
                var output = new MemoryStream();
                process.StandardOutput.BaseStream.CopyTo(output);
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, "cpio failed (is the cpio tool installed?)");

                var results = new List<(string, CpioPathError)>();
                var reader = new CpioReader(output.ToArray());
                var buffer = new byte[4096];
                while (reader.TryNext(out var entry))
                    results.Add((Encoding.UTF8.GetString(entry.Name), CpioPath.Normalize(entry.Name, buffer, out _)));
                Assert.True(reader.AtEnd, reader.ErrorMessage);
                Assert.Equal(new[] { ("ok", CpioPathError.None), ("../evil", CpioPathError.EscapesRoot) }, results);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
