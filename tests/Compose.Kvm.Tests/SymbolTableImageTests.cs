using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>
    /// The symbol table's readers in booted images: every name and offset a report prints (Uk.CoreLib's stack
    /// traces and throw panics, traps.S's CPU exception report) equals what the image's .dbg says for the
    /// printed address (nm, one name per address as symtab.awk picks it).
    /// </summary>
    [Collection("kvm-images")]
    public sealed class SymbolTableImageTests
    {
        private readonly KvmImages _images;

        public SymbolTableImageTests(KvmImages images) { _images = images; }

        [QemuFact]
        public void Stack_trace_names_are_the_debug_file_symbols_of_their_addresses()
        {
            RunResult r = Qemu.Run(_images.ExceptionTestImage, "microvm", appArgs: new[] { "uncaught" });
            Assert.True(r.ExitCode == 134, r.ToString());
            // Return addresses: the call is the byte before them.
            int frames = CheckLines(r.Stdout, @"\n   at (\S+)\+0x([0-9a-f]+) \(0x([0-9a-f]{16})\)", _images.ExceptionTestImage, 1);
            Assert.True(frames >= 4, r.ToString());
        }

        [QemuTheory]
        [InlineData("throw")]
        [InlineData("index")]
        public void Throw_panic_names_the_debug_file_symbol_of_the_throw_site(string mode)
        {
            RunResult r = Qemu.Run(_images.PanicThrowImage, "microvm", appArgs: new[] { mode });
            Assert.True(r.ExitCode == 134, r.ToString());
            Assert.Equal(1, CheckLines(r.Stdout, @"\n   at (\S+)\+0x([0-9a-f]+) \(0x([0-9a-f]{16})\)", _images.PanicThrowImage, 1));
        }

        [QemuFact]
        public void Cpu_exception_report_names_the_debug_file_symbol_of_rip()
        {
            RunResult r = Qemu.Run(_images.ProbeImage, appArgs: new[] { "textwrite" });
            Assert.True(r.ExitCode == 70, r.ToString());
            // The faulting instruction itself: no adjustment.
            Assert.Equal(1, CheckLines(r.Stdout, @"RIP 0x([0-9a-f]{16}) <(\S+)\+0x([0-9a-f]+)>", _images.ProbeImage, 0, addressFirst: true));
        }

        // Each match: the printed name must be the .dbg's symbol at (address - adjust), and the printed offset
        // the address minus that symbol's address. Returns the number of matches.
        private static int CheckLines(string output, string pattern, string image, ulong adjust, bool addressFirst = false)
        {
            string listing = Tools.Check("nm", "-n", "--defined-only", image + ".dbg").Stdout;
            List<(ulong Address, string Name)> symbols = SymbolTableTests.Expected(listing);
            int count = 0;
            foreach (Match m in Regex.Matches(output, pattern))
            {
                string name = m.Groups[addressFirst ? 2 : 1].Value;
                ulong offset = ulong.Parse(m.Groups[addressFirst ? 3 : 2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                ulong address = ulong.Parse(m.Groups[addressFirst ? 1 : 3].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var (symbolAddress, symbolName) = Lookup(symbols, address - adjust);
                Assert.True(symbolName == name && address - symbolAddress == offset,
                    $"0x{address:x16} printed as {name}+0x{offset:x}, the .dbg has {symbolName}+0x{address - symbolAddress:x}\n{output}");
                count++;
            }
            return count;
        }

        private static (ulong, string) Lookup(List<(ulong Address, string Name)> symbols, ulong address)
        {
            (ulong, string) best = (0, "(none)");
            foreach (var s in symbols) if (s.Address <= address) best = s;
            return best;
        }
    }
}
