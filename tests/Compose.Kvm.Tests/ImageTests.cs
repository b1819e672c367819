using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>Composed apps as kvm images under QEMU (TCG): same output and status as hosted, and the platform's services.</summary>
    [Collection("kvm-images")]
    public sealed class ImageTests
    {
        private readonly KvmImages _images;

        public ImageTests(KvmImages images) { _images = images; }

        [QemuTheory]
        [InlineData("microvm")]
        [InlineData("pc")]
        public void HelloWorld_prints_what_it_prints_hosted(string machine)
        {
            string[] args = { "one", "two words", "quote\"d" };
            RunResult hosted = KvmImages.RunHosted(_images.HelloWorldHosted, args);
            RunResult image = Qemu.Run(_images.HelloWorldImage, machine, appArgs: args);
            Assert.Contains("Hello world!\n", hosted.Stdout);
            Assert.Equal(hosted.Stdout, image.Stdout);
            Assert.Equal(hosted.ExitCode, image.ExitCode);
            Assert.Equal("", image.Stderr);
        }

        [QemuTheory]
        [InlineData("microvm", "")]
        [InlineData("microvm", "all|b|c|d|e")]
        [InlineData("pc", "all|x")]
        [InlineData("microvm", "exit")]
        public void FeatureTest_prints_what_it_prints_hosted(string machine, string joined)
        {
            string[] args = joined.Length == 0 ? Array.Empty<string>() : joined.Split('|');
            RunResult hosted = KvmImages.RunHosted(_images.FeatureTestHosted, args);
            RunResult image = Qemu.Run(_images.FeatureTestImage, machine, appArgs: args);
            Assert.Equal(hosted.Stdout, image.Stdout);
            Assert.Equal(hosted.ExitCode, image.ExitCode);
            Assert.DoesNotContain("MISMATCH", image.Stdout);
            Assert.Equal(joined == "exit" ? 42 : 3, image.ExitCode);
        }

        [QemuFact]
        public void FeatureTest_panic_prints_type_and_message_and_exits_134()
        {
            RunResult hosted = KvmImages.RunHosted(_images.FeatureTestHosted, "panic");
            RunResult image = Qemu.Run(_images.FeatureTestImage, "pc", appArgs: new[] { "panic" });
            // One serial line: the image's error output follows its standard output on COM1.
            string firstErrorLine = hosted.Stderr.Split('\n')[0];
            Assert.StartsWith(hosted.Stdout + firstErrorLine, image.Stdout);
            Assert.Equal(134, hosted.ExitCode);
            Assert.Equal(134, image.ExitCode);
        }

        [QemuFact]
        public void Writing_to_text_from_csharp_is_a_page_fault_report_naming_the_method()
        {
            RunResult r = Qemu.Run(_images.ProbeImage, appArgs: new[] { "textwrite" });
            Assert.True(r.ExitCode == 70, r.ToString());
            Assert.Contains("[kvm] CPU exception 14 #PF page fault\n  error code 0x0000000000000003\n", r.Stdout);
            Assert.Matches(@"RIP 0x[0-9a-f]{16} <kvmprobe_KvmProbe_Probe__\w+\+0x[0-9a-f]+>", r.Stdout);
            Assert.DoesNotContain("text write went through", r.Stdout);
            Assert.Contains("[kvm] stopped by a CPU exception (exit status 70)\n", r.Stdout);
        }

        [QemuTheory]
        [InlineData("microvm", 16)]
        [InlineData("pc", 64)]
        public void Allocator_sees_about_the_memory_size(string machine, int megabytes)
        {
            RunResult r = Qemu.Run(_images.ProbeImage, machine, megabytes + "M", appArgs: new[] { "memory" });
            Assert.True(r.ExitCode == 0, r.ToString());
            long size = megabytes * 1024L * 1024L;
            long total = long.Parse(Regex.Match(r.Stdout, @"regions \d+ total (\d+)").Groups[1].Value);
            long available = long.Parse(Regex.Match(r.Stdout, @"allocator available (\d+)").Groups[1].Value);
            // Below the RAM size by the image, its stacks and early arena and the firmware's areas: under 2 MiB.
            Assert.InRange(total, size - 2 * 1024 * 1024, size);
            Assert.InRange(available, total - 64 * 1024, total);
            Assert.Matches(@"after 1 MiB \d+ last 7\n", r.Stdout);
        }

        [QemuFact]
        public void Unknown_boot_argument_stops_the_boot_with_a_clear_message()
        {
            RunResult r = Qemu.Run(_images.HelloWorldImage, bootArgs: new[] { "platkvm.boottime", "netdev.ip=10.0.0.2" }, appArgs: new[] { "x" });
            Assert.Equal(64, r.ExitCode);
            Assert.Equal("uklibparam: unknown library 'netdev' in argument 2 'netdev.ip=10.0.0.2'; libraries with parameters: platkvm, ukboot, ukdebug\n" +
                "uklibparam: stopping the boot before main (status 64); give uklibparam.help to list the parameters\n", r.Stdout);
        }

        [QemuFact]
        public void Library_parameters_reach_the_libraries_and_the_app_gets_the_rest_as_on_hosted()
        {
            RunResult r = Qemu.Run(_images.HelloWorldImage, bootArgs: new[] { "ukboot.banner=0", "ukdebug.level=1" }, appArgs: new[] { "x", "ukboot.banner=1" });
            RunResult hosted = KvmImages.RunHosted(_images.HelloWorldHosted, "ukboot.banner=0", "ukdebug.level=1", "--", "x", "ukboot.banner=1");
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal("Hello world!\nArguments:\n  \"x\"\n  \"ukboot.banner=1\"\n", r.Stdout);
            Assert.Equal(hosted.Stdout, r.Stdout);
        }

        [QemuFact]
        public void Parameter_help_lists_every_parameter_and_exits_0_before_main()
        {
            RunResult r = Qemu.Run(_images.HelloWorldImage, bootArgs: new[] { "uklibparam.help" });
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("  platkvm.boottime=<bool>  default 0\n", r.Stdout);
            Assert.Contains("  ukdebug.level=<int>  default 4, range 0..4\n", r.Stdout);
            Assert.DoesNotContain("Hello world!", r.Stdout);
        }

        [QemuFact]
        public void A_bad_parameter_value_stops_the_boot_with_status_64()
        {
            RunResult r = Qemu.Run(_images.HelloWorldImage, bootArgs: new[] { "platkvm.boottime=maybe" }, appArgs: new[] { "x" });
            Assert.Equal(64, r.ExitCode);
            Assert.StartsWith("uklibparam: bad value 'maybe' for platkvm.boottime (argument 1 'platkvm.boottime=maybe'): expected a boolean", r.Stdout);
            Assert.DoesNotContain("Hello world!", r.Stdout);
        }

        [QemuFact]
        public void Too_many_command_line_words_stop_the_boot_with_a_message()
        {
            string[] args = Enumerable.Range(0, 70).Select(i => "w" + i).ToArray();
            RunResult r = Qemu.Run(_images.HelloWorldImage, appArgs: args);
            Assert.Equal(64, r.ExitCode);
            Assert.StartsWith("platkvm: the kernel command line has more than 64 words; 7 dropped. Pass fewer arguments.\n", r.Stdout);
        }

        [QemuFact]
        public void Boot_time_is_printed_when_asked()
        {
            RunResult r = Qemu.Run(_images.HelloWorldImage, bootArgs: new[] { "platkvm.boottime" });
            Assert.True(r.ExitCode == 0, r.ToString());
            Match m = Regex.Match(r.Stdout, @"\[kvm\] boot to main: (\d+) TSC ticks, (\d+) us at (\d+) MHz\n");
            Assert.True(m.Success, r.ToString());
            Assert.True(long.Parse(m.Groups[1].Value) > 0);
            Assert.DoesNotContain("[kvm] boot to main", Qemu.Run(_images.HelloWorldImage).Stdout);
        }

        [QemuTheory]
        [InlineData("microvm")]
        [InlineData("pc")]
        public void Clock_advances_across_a_timer_sleep(string machine)
        {
            RunResult r = Qemu.Run(_images.ProbeImage, machine, appArgs: new[] { "clock" });
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("slept at least 30 ms: yes\nslept under 2 s: yes\nmonotonic: yes\n", r.Stdout);
            long wall = long.Parse(Regex.Match(r.Stdout, @"wall seconds (\d+)").Groups[1].Value);
            Assert.InRange(wall, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 300, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 300);
        }

        [QemuTheory]
        [InlineData("microvm")]
        [InlineData("pc")]
        public void Console_reads_serial_input(string machine)
        {
            RunResult r = Qemu.Run(_images.ProbeImage, machine, appArgs: new[] { "echo" }, stdin: "grüße from the host\n");
            Assert.True(r.ExitCode == "grüße from the host".Length + 2, r.ToString());   // UTF-8 bytes: ü and ß take two
            Assert.EndsWith("read [grüße from the host]\n", r.Stdout);
        }

        [Fact]
        public void Image_and_debug_image_are_named_for_qemu_and_stripped()
        {
            string image = _images.HelloWorldImage;
            Assert.EndsWith("helloworld_qemu-x86_64", image);
            Assert.True(File.Exists(image + ".dbg"));
            Assert.DoesNotContain(".symtab", Tools.Check("readelf", "-S", image).Stdout);
            Assert.Contains(".symtab", Tools.Check("readelf", "-S", image + ".dbg").Stdout);
            Assert.Contains(Elf.Segments(image), s => s.Type == Elf.Note);
        }
    }
}
