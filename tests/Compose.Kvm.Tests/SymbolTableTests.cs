using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>
    /// The image symbol table (src/Build/symtab.awk) without QEMU: nm listings go through the awk
    /// script and the assembler as Platform.targets runs them, and the assembled bytes are decoded here
    /// (a decoder written from the format in src/Platforms/kvm/README.md) and compared with the names the
    /// listing has at each address.
    /// </summary>
    public sealed class SymbolTableTests
    {
        private static readonly string Script = Path.Combine(Repo.Root, "src", "Build", "symtab.awk");

        [Fact]
        public void Captured_helloworld_listing_decodes_to_every_name_at_every_address()
        {
            string listing = File.ReadAllText(Path.Combine(Repo.Root, "tests", "Compose.Kvm.Tests", "fixtures", "helloworld.nm"));
            Table table = Assemble(listing);
            var expected = Expected(listing);
            Assert.Equal(expected, table.Entries);
            Assert.True(expected.Count > 300, "the fixture should hold HelloWorld's ~320 functions");
            // Aliases: the managed export's long name, the last of equally long names in byte order.
            Assert.Contains((Address(listing, "RhBox"), "Uk_CoreLib_System_Runtime_RuntimeExports__RhBox"), table.Entries);
            Assert.Contains((Address(listing, "kvm_uart_write"), "uk_plat_console_write"), table.Entries);
            Assert.Contains((Address(listing, "UkCoreLibStart"), "Uk_CoreLib_Internal_Runtime_CompilerHelpers_StartupCodeHelpers__UkCoreLibStart"), table.Entries);
            // At most half of the former layout: 16-byte {address, pointer} pairs and every name in full.
            long pairs = 8;
            foreach (var (_, names) in TextSymbols(listing)) foreach (string name in names) pairs += 16 + name.Length + 1;
            Assert.True(table.Bytes * 2 <= pairs, $"table {table.Bytes} bytes, pair layout {pairs} bytes");
        }

        [Fact]
        public void Random_listings_decode_to_every_name_at_every_address()
        {
            // Names: one of a few nested stems, then a few segments and separators, so prefixes are shared at
            // every depth; runs of `_`, leading and trailing `_`, digits and exponent-like addresses (0...100e30).
            var stem = Gen.OneOf("", "", "_", "__", "Uk_", "Uk_CoreLib_", "Uk_CoreLib_System_", "Uk_CoreLib_System_Runtime_",
                "Uk_CoreLib_System_Runtime_UkEhUnwinder__", "Uk_CoreLib__", "kvm_trap_");
            var segment = Gen.OneOf("Uk", "System", "Runtime", "0", "1e5");
            var separator = Gen.OneOf("_", "_", "_", "_", "__", "___");
            var name = Gen.Select(stem, segment.Array[1, 4], separator.Array[3], Gen.OneOf("", "", "", "_"),
                (lead, segments, separators, tail) =>
                {
                    var b = new StringBuilder(lead);
                    for (int i = 0; i < segments.Length; i++) { if (i > 0) b.Append(separators[i - 1]); b.Append(segments[i]); }
                    return b.Append(tail).ToString();
                });
            var symbol = Gen.Select(Gen.Int[0, 40], Gen.OneOf('t', 'T', 'T', 'R', 'D'), name);
            symbol.Array[1, 60].Sample(symbols =>
            {
                // _kvm_image_start at 0x100000, _etext at 0x100e30; slot k is address 0x100000 + 0x70 * k, so some
                // symbols fall after _etext and several share an address (aliases).
                var lines = new List<(ulong Address, string Line)>
                {
                    (0x100000, "0000000000100000 T _kvm_image_start"),
                    (0x100e30, "0000000000100e30 R _etext"),
                };
                foreach (var (slot, type, text) in symbols)
                {
                    ulong address = 0x100000 + 0x70 * (ulong)slot;
                    lines.Add((address, address.ToString("x16") + " " + type + " " + text));
                }
                string listing = string.Join("\n", lines.OrderBy(l => l.Address).Select(l => l.Line)) + "\n";
                Assert.Equal(Expected(listing), Assemble(listing).Entries);
            }, iter: 25);
        }

        [Fact]
        public void Aliases_in_any_listing_order_give_the_same_table()
        {
            // nm orders names at one address with strcoll, so the build machine's locale could change their order.
            string[] lines = File.ReadAllLines(Path.Combine(Repo.Root, "tests", "Compose.Kvm.Tests", "fixtures", "helloworld.nm"));
            string reversed = string.Join("\n", lines.Select((l, i) => (Line: l, Index: i))
                .OrderBy(x => x.Line.Substring(0, 16), StringComparer.Ordinal).ThenByDescending(x => x.Index).Select(x => x.Line)) + "\n";
            Assert.NotEqual(string.Join("\n", lines) + "\n", reversed);
            Assert.Equal(Awk(string.Join("\n", lines) + "\n").Stdout, Awk(reversed).Stdout);
        }

        [Fact]
        public void A_text_symbol_above_4_GiB_is_an_error_naming_it()
        {
            string listing = "0000000000100000 T _kvm_image_start\n0000000000100010 T low\n0000000100000000 T high_function\n0000000100000100 R _etext\n";
            RunResult r = Awk(listing);
            Assert.NotEqual(0, r.ExitCode);
            Assert.Contains("symtab.awk: high_function at 0x0000000100000000: the table holds 32-bit addresses", r.Stderr);
        }

        [Fact]
        public void A_listing_without_the_image_bounds_is_an_error()
        {
            RunResult r = Awk("0000000000100010 T low\n");
            Assert.NotEqual(0, r.ExitCode);
            Assert.Contains("symtab.awk: no text start (_uk_text_start or _kvm_image_start) or _etext in the nm listing", r.Stderr);
        }

        /// <summary>The text symbols of an nm -n listing in [_kvm_image_start, _etext), by address.</summary>
        internal static SortedDictionary<ulong, List<string>> TextSymbols(string listing)
        {
            ulong start = Address(listing, "_kvm_image_start"), end = Address(listing, "_etext");
            var result = new SortedDictionary<ulong, List<string>>();
            foreach (string line in listing.Split('\n'))
            {
                string[] f = line.Split(' ');
                if (f.Length != 3 || (f[1] != "t" && f[1] != "T")) continue;
                ulong address = ulong.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (address < start || address >= end) continue;
                if (!result.TryGetValue(address, out var names)) result[address] = names = new List<string>();
                names.Add(f[2]);
            }
            return result;
        }

        /// <summary>One name per address: the longest, of equally long ones the last in byte order.</summary>
        internal static List<(ulong, string)> Expected(string listing)
        {
            var result = new List<(ulong, string)>();
            foreach (var (address, names) in TextSymbols(listing))
            {
                string best = names[0];
                foreach (string n in names)
                    if (n.Length > best.Length || (n.Length == best.Length && string.CompareOrdinal(n, best) > 0)) best = n;
                result.Add((address, best));
            }
            return result;
        }

        internal static ulong Address(string listing, string symbol)
        {
            foreach (string line in listing.Split('\n'))
            {
                string[] f = line.Split(' ');
                if (f.Length == 3 && f[2] == symbol) return ulong.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            throw new InvalidOperationException(symbol + " not in the listing");
        }

        private sealed record Table(List<(ulong, string)> Entries, long Bytes);

        private static RunResult Awk(string listing)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("awk")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            };
            psi.ArgumentList.Add("-f");
            psi.ArgumentList.Add(Script);
            psi.Environment["LC_ALL"] = "C";
            return Tools.Run(psi, 60, listing);
        }

        /// <summary>symtab.awk and as on <paramref name="listing"/>, then the section's bytes decoded.</summary>
        private static Table Assemble(string listing)
        {
            string dir = Path.Combine(Path.GetTempPath(), "compose-symtab-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                RunResult awk = Awk(listing);
                Assert.True(awk.ExitCode == 0, "symtab.awk failed:\n" + awk);
                string source = Path.Combine(dir, "symtab.s"), obj = Path.Combine(dir, "symtab.o"), bin = Path.Combine(dir, "symtab.bin");
                File.WriteAllText(source, awk.Stdout);
                Tools.Check("as", "--64", "-o", obj, source);
                Tools.Check("objcopy", "-O", "binary", "--only-section=.rodata.uk_symtab", obj, bin);
                byte[] bytes = File.ReadAllBytes(bin);
                // The object's own symbols: no relocations in the section, so its bytes are final.
                Assert.DoesNotContain(".rela.rodata.uk_symtab", Tools.Check("readelf", "-S", obj).Stdout);
                ulong countAt = 0, tableAt = 0;
                foreach (string line in Tools.Check("nm", obj).Stdout.Split('\n'))
                {
                    string[] f = line.Split(' ');
                    if (f.Length != 3) continue;
                    if (f[2] == "uk_symtab_count") countAt = ulong.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (f[2] == "uk_symtab") tableAt = ulong.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                }
                return new Table(Decode(bytes, (int)countAt, (int)tableAt), bytes.Length);
            }
            finally
            {
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
            }
        }

        private static List<(ulong, string)> Decode(byte[] b, int countAt, int table)
        {
            uint U32(int at) => BitConverter.ToUInt32(b, at);
            ulong count = BitConverter.ToUInt64(b, countAt);
            int prefixes = table + (int)U32(table), strings = table + (int)U32(table + 4);
            int shift = (int)U32(table + 8);
            Assert.InRange(shift, 1, 31);
            string Text(uint reference, int depth)
            {
                Assert.True(depth < 64, "prefix chain does not end");
                uint index = reference >> shift;
                string prefix = "";
                if (index != 0)
                {
                    uint parent = U32(prefixes + 4 * (int)(index - 1));
                    Assert.True(parent >> shift < index, $"prefix {index} has prefix {parent >> shift}");
                    prefix = Text(parent, depth + 1);
                }
                int at = strings + (int)(reference & ((1u << shift) - 1));
                int end = Array.IndexOf(b, (byte)0, at);
                return prefix + Encoding.ASCII.GetString(b, at, end - at);
            }
            var result = new List<(ulong, string)>();
            for (int i = 0; i < (int)count; i++)
            {
                int entry = table + 12 + 8 * i;
                result.Add((U32(entry), Text(U32(entry + 4), 0)));
            }
            return result;
        }
    }
}
