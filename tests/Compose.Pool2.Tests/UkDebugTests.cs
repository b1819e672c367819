using System;
using System.Diagnostics;
using System.IO;
using Compose.Libraries.UkDebug;
using CsCheck;
using Xunit;

namespace Compose.Pool2.Tests
{
    public class UkDebugTests
    {
        /// <summary>What <c>hexdump -C -v</c> (util-linux/BSD hexdump) prints for <paramref name="data"/>.</summary>
        private static string HexdumpTool(byte[] data)
        {
            string file = Path.Combine(Path.GetTempPath(), "ukdebug-" + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(file, data);
            try
            {
                var psi = new ProcessStartInfo("hexdump", new[] { "-C", "-v", file }) { RedirectStandardOutput = true, RedirectStandardError = true };
                using var p = Process.Start(psi)!;
                string output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                Assert.True(p.ExitCode == 0, "hexdump failed (apt-get install bsdextrautils): " + p.StandardError.ReadToEnd());
                return output;
            }
            finally { File.Delete(file); }
        }

        [Fact]
        public void Hexdump_matches_the_hexdump_tool()
        {
            var bytes = new byte[256 + 37];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i * 7 + 3);
            Assert.Equal(HexdumpTool(bytes), UkDebugLibrary.HexdumpText(bytes));
            foreach (int n in new[] { 1, 7, 8, 9, 15, 16, 17, 32 })
                Assert.Equal(HexdumpTool(bytes[..n]), UkDebugLibrary.HexdumpText(bytes.AsSpan(0, n)));
        }

        [Fact]
        public void Hexdump_matches_the_tool_on_random_data()
        {
            Gen.Byte.Array[1, 100].Sample(bytes => Assert.Equal(HexdumpTool(bytes), UkDebugLibrary.HexdumpText(bytes)), iter: 20);
        }

        [Fact]
        public void Hexdump_line_layout_and_base_offset()
        {
            Assert.Equal("00001000  48 69 0a                                          |Hi.|",
                         UkDebugLibrary.HexdumpLine("Hi\n"u8, 0x1000));
            string text = UkDebugLibrary.HexdumpText("0123456789abcdefXY"u8, 0xFFF0);
            Assert.Equal("0000fff0  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
                       + "00010000  58 59                                             |XY|\n"
                       + "00010002\n", text);
            Assert.Equal("", UkDebugLibrary.HexdumpText(ReadOnlySpan<byte>.Empty));
        }

        [Fact]
        public void Trace_points_count_and_report_in_registration_order()
        {
            var a = UkDebugLibrary.RegisterTracePoint("tests", "alpha-" + Guid.NewGuid().ToString("N"));
            var b = UkDebugLibrary.RegisterTracePoint("tests", "beta-" + Guid.NewGuid().ToString("N"));
            Assert.Same(a, UkDebugLibrary.RegisterTracePoint("tests", a.Name));
            for (int i = 0; i < 5; i++) a.Hit();
            b.Add(42);
            b.Hit();
            Assert.Equal(5, a.Count);
            Assert.Equal(43, b.Count);
            string report = UkDebugLibrary.TraceReport();
            int ia = report.IndexOf("trace tests." + a.Name + " 5\n", StringComparison.Ordinal);
            int ib = report.IndexOf("trace tests." + b.Name + " 43\n", StringComparison.Ordinal);
            Assert.True(ia >= 0 && ib > ia, report);
            Assert.False(UkDebugLibrary.Options.Trace); // off by default: nothing printed at shutdown
        }
    }
}
