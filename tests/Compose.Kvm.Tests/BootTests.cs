using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>
    /// The kvm boot path with the probe fixture (no ILC): boot protocols on both machines, the command line,
    /// the memory map, W^X page tables and guard pages, exception reports, and exit statuses through the runner.
    /// </summary>
    public sealed class BootTests : IClassFixture<ProbeImages>
    {
        private readonly ProbeImages _images;

        public BootTests(ProbeImages images) { _images = images; }

        [QemuTheory]
        [InlineData("microvm", "multiboot", 2)]
        [InlineData("microvm", "pvh", 1)]
        [InlineData("pc", "multiboot", 2)]
        [InlineData("pc", "pvh", 1)]
        public void Boots_through_each_protocol_on_each_machine(string machine, string protocol, int expected)
        {
            RunResult r = Qemu.Run(_images.Image(protocol), machine, appArgs: new[] { "proto" });
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal($"protocol {expected}\n", r.Stdout);
        }

        [QemuTheory]
        [InlineData("microvm", "multiboot")]
        [InlineData("pc", "pvh")]
        public void Command_line_reaches_the_app_word_for_word(string machine, string protocol)
        {
            AssertSplit(machine, protocol);
        }

        [QemuFact]
        public void Command_line_splits_like_ukargparse()
        {
            // Raw kernel command lines (no runner quoting), against the rules of src/Libraries/ukargparse.
            var cases = new (string Line, string[] Words)[]
            {
                ("a  'b  c' \"d \\\" e\" f\\ g", new[] { "a", "b  c", "d \" e", "f g" }),
                ("'x\\y' \"x\\y\" x\\y", new[] { "x\\y", "x\\y", "xy" }),
                ("\"\\\\\" ''", new[] { "\\", "" }),
            };
            foreach (var (line, words) in cases)
            {
                RunResult r = Tools.Run(Qemu.Program, new[] { "-M", "microvm", "-accel", "tcg", "-m", "32M",
                    "-nodefaults", "-no-user-config", "-display", "none", "-serial", "stdio", "-no-reboot",
                    "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", _images.Both, "-append", "-- args " + line });
                Assert.Equal(string.Concat(words.Select(w => "arg [" + w + "]\n")), r.Stdout);
            }
        }

        private void AssertSplit(string machine, string protocol)
        {
            string[] args = { "plain", "two words", "quote\"d", "single'quote", "back\\slash", "", "--", "last", "tab\there" };
            RunResult r = Qemu.Run(_images.Image(protocol), machine, bootArgs: new[] { "platkvm.x=1", "y" },
                appArgs: new[] { "args" }.Concat(args).ToArray());
            string expected = string.Concat(args.Select(a => "arg [" + a + "]\n")) + "boot [platkvm.x=1]\nboot [y]\n";
            Assert.Equal(expected, r.Stdout);
            Assert.Equal(args.Length + 1, r.ExitCode);
        }

        [QemuTheory]
        [InlineData(0, 0)]
        [InlineData(1, 1)]
        [InlineData(42, 42)]
        [InlineData(125, 125)]
        [InlineData(134, 134)]
        [InlineData(255, 255)]
        [InlineData(256, 0)]
        public void Exit_status_comes_back_whole_through_the_runner(int status, int expected)
        {
            RunResult r = Qemu.Run(_images.Both, appArgs: new[] { "exit", status.ToString() });
            Assert.True(expected == r.ExitCode, r.ToString());
        }

        [QemuTheory]
        [InlineData(0, 3)]
        [InlineData(42, 87)]
        [InlineData(125, 253)]
        [InlineData(126, 255)]
        [InlineData(134, 255)]
        public void Isa_debug_exit_alone_carries_status_plus_one(int status, int qemuCode)
        {
            // Without the runner (no debugcon file), QEMU's own exit code is ((status + 1) << 1) | 1, clamped.
            RunResult r = Tools.Run(Qemu.Program, new[] { "-M", "microvm", "-accel", "tcg", "-m", "32M",
                "-nodefaults", "-no-user-config", "-display", "none", "-serial", "stdio", "-no-reboot",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", _images.Both, "-append", "-- exit " + status });
            Assert.True(qemuCode == r.ExitCode, r.ToString());
        }

        [QemuTheory]
        [InlineData("textwrite", "_kvm_image_start", 0x3)]     // present | write
        [InlineData("rodatawrite", "_rodata_start", 0x3)]
        [InlineData("dataexec", "_erodata", 0x11)]             // present | instruction fetch
        public void Page_tables_are_write_xor_execute(string probe, string rangeStart, int errorCode)
        {
            RunResult r = Qemu.Run(_images.Both, appArgs: new[] { probe });
            AssertPageFault(r, errorCode, out ulong cr2);
            Assert.True(cr2 >= ProbeImages.Symbol(_images.Both, rangeStart), r.ToString());
            Assert.True(cr2 < ProbeImages.Symbol(_images.Both, "_end"), r.ToString());
        }

        [QemuFact]
        public void Null_page_is_unmapped()
        {
            RunResult r = Qemu.Run(_images.Both, "pc", appArgs: new[] { "null" });
            AssertPageFault(r, 0x0, out ulong cr2);
            Assert.Equal(0UL, cr2);
        }

        [QemuFact]
        public void Boot_stack_overflow_hits_the_guard_page_and_is_reported()
        {
            // The page fault runs on IST1 and finds the guard in the guard registry: a stack-overflow panic naming
            // the boot thread, with the fault address inside kvm_boot_stack_guard, not a bare #PF report.
            RunResult r = Qemu.Run(_images.Both, appArgs: new[] { "overflow" });
            Assert.True(r.ExitCode == 134, r.ToString());
            Match m = Regex.Match(r.Stdout, @"\[kvm\] panic: stack overflow in thread 'main' \(fault at 0x([0-9a-f]{16}), guard page 0x([0-9a-f]{16})-0x[0-9a-f]{16}, stack 0x[0-9a-f]{16}-0x[0-9a-f]{16}, RIP 0x[0-9a-f]{16} <p_overflow\+0x[0-9a-f]+>\)\n");
            Assert.True(m.Success, r.ToString());
            ulong cr2 = Convert.ToUInt64(m.Groups[1].Value, 16);
            ulong guard = ProbeImages.Symbol(_images.Both, "kvm_boot_stack_guard");
            Assert.Equal(guard, Convert.ToUInt64(m.Groups[2].Value, 16));
            Assert.InRange(cr2, guard, guard + 4095);
        }

        [QemuFact]
        public void Invalid_opcode_is_reported_with_rip_and_registers()
        {
            RunResult r = Qemu.Run(_images.Both, appArgs: new[] { "ud" });
            Assert.Equal(70, r.ExitCode);
            Assert.Contains("[kvm] CPU exception 6 #UD invalid opcode", r.Stdout);
            Match rip = Regex.Match(r.Stdout, @"RIP 0x([0-9a-f]{16})");
            Assert.True(rip.Success, r.ToString());
            ulong at = Convert.ToUInt64(rip.Groups[1].Value, 16);
            Assert.Equal(ProbeImages.Symbol(_images.Both, "p_ud"), at);
            Assert.Contains($"RIP 0x{at:x16} <p_ud+0x0>", r.Stdout);
            foreach (string reg in new[] { "RAX", "RBX", "RSP", "R15", "CR2", "CR3", "RFLAGS" }) Assert.Contains(reg + " 0x", r.Stdout);
        }

        [QemuFact]
        public void Sse_works_in_ring_0()
        {
            RunResult r = Qemu.Run(_images.Both, appArgs: new[] { "sse" });
            Assert.Equal("sse ok\n", r.Stdout);
            Assert.Equal(0, r.ExitCode);
        }

        [QemuTheory]
        [InlineData("microvm", "pvh", 2)]
        [InlineData("microvm", "multiboot", 32)]
        [InlineData("pc", "multiboot", 2)]
        [InlineData("pc", "pvh", 128)]
        public void Memory_map_reports_about_the_configured_size(string machine, string protocol, int megabytes)
        {
            RunResult r = Qemu.Run(_images.Image(protocol), machine, megabytes + "M", appArgs: new[] { "memory" });
            Match m = Regex.Match(r.Stdout, @"^ram (\d+)\n$");
            Assert.True(m.Success && r.ExitCode == 0, r.ToString());
            long ram = long.Parse(m.Groups[1].Value);
            long size = megabytes * 1024L * 1024L;
            // Firmware keeps the EBDA/BIOS area below 1 MiB and (pc) a few pages at the top.
            Assert.InRange(ram, size - 1024 * 1024, size);
        }

        [QemuTheory]
        [InlineData("pc", false)]       // ACPI S5 through PM1a_CNT: QEMU powers off even with reboots allowed
        [InlineData("microvm", true)]   // no ACPI PM port: the triple fault, which -no-reboot turns into an exit
        public void Without_isa_debug_exit_the_vm_still_stops(string machine, bool noReboot)
        {
            var args = new System.Collections.Generic.List<string> { "-M", machine, "-accel", "tcg", "-m", "32M",
                "-nodefaults", "-no-user-config", "-display", "none", "-serial", "stdio", "-kernel", _images.Both,
                "-append", "-- exit 5" };
            if (noReboot) args.Add("-no-reboot");
            RunResult r = Tools.Run(Qemu.Program, args, timeoutSeconds: 30);
            Assert.True(r.ExitCode == 0, r.ToString());
        }

        [QemuFact]
        public void Too_little_memory_for_the_image_is_reported()
        {
            RunResult r = Qemu.Run(_images.Both, "microvm", "1200K", appArgs: new[] { "memory" }, timeoutSeconds: 20);
            Assert.True(r.ExitCode == 71, r.ToString());
            Assert.Matches(@"^\[kvm\] not enough memory: the image needs \d+ KiB of RAM above 1 MiB, the VM has \d+ KiB there; give the VM more memory \(-m\)\n$", r.Stdout);
        }

        [Fact]
        public void Image_layout_is_linear_for_multiboot_and_segments_are_w_xor_x()
        {
            var loads = Elf.Segments(_images.Both).Where(s => s.Type == Elf.Load).ToList();
            Assert.Equal(3, loads.Count);
            Assert.Equal(0x100000UL, loads[0].Address);
            foreach (var s in loads)
            {
                Assert.Equal(loads[0].Address - loads[0].Offset, s.Address - s.Offset);
                Assert.False((s.Flags & Elf.Write) != 0 && (s.Flags & Elf.Execute) != 0, $"segment at {s.Address:x} is W+X");
                Assert.Equal(0UL, s.Address % 4096);
            }
            Assert.Contains(Elf.Segments(_images.Both), s => s.Type == Elf.Note);
        }

        [Fact]
        public void Library_fragments_are_rendered_into_the_script_and_placed()
        {
            Assert.Contains(ProbeImages.FragmentSection + " : { KEEP", System.IO.File.ReadAllText(_images.Script));
            RunResult r = Tools.Check("objdump", "-h", _images.Both);
            Match m = Regex.Match(r.Stdout, Regex.Escape(ProbeImages.FragmentSection) + @"\s+([0-9a-f]+)\s+([0-9a-f]+)");
            Assert.True(m.Success, r.Stdout);
            ulong vma = Convert.ToUInt64(m.Groups[2].Value, 16);
            Assert.InRange(vma, ProbeImages.Symbol(_images.Both, "_rodata_start"), ProbeImages.Symbol(_images.Both, "_erodata") - 1);
        }

        [Fact]
        public void Runner_rejects_bad_options_with_a_message()
        {
            RunResult r = Tools.Run("bash", new[] { System.IO.Path.Combine(Repo.Root, "tools", "compose-run"), "-M", "q35", _images.Both });
            Assert.Equal(125, r.ExitCode);
            Assert.Contains("unknown machine 'q35'", r.Stderr);
            r = Tools.Run("bash", new[] { System.IO.Path.Combine(Repo.Root, "tools", "compose-run"), "/nonexistent/image" });
            Assert.Equal(125, r.ExitCode);
            Assert.Contains("image '/nonexistent/image' not found", r.Stderr);
        }

        private static void AssertPageFault(RunResult r, int errorCode, out ulong cr2)
        {
            Assert.True(r.ExitCode == 70, r.ToString());
            Assert.Contains("[kvm] CPU exception 14 #PF page fault", r.Stdout);
            Assert.Contains($"error code 0x{errorCode:x16}", r.Stdout);
            Assert.Contains("[kvm] stopped by a CPU exception (exit status 70)", r.Stdout);
            Match m = Regex.Match(r.Stdout, @"CR2 0x([0-9a-f]{16})");
            Assert.True(m.Success, r.ToString());
            cr2 = Convert.ToUInt64(m.Groups[1].Value, 16);
        }
    }
}
