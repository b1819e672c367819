using System;
using Compose;
using Compose.Libraries.UkAlloc;
using Compose.Platform;
using Compose.Platforms.Kvm;

[assembly: UkApplication("kvmprobe")]
[assembly: Requires(typeof(IClock))]

namespace KvmProbe
{
    /// <summary>Probes of the kvm platform, one per first argument.</summary>
    public static class Probe
    {
        /// <summary>memory | clock | textwrite | echo | platform</summary>
        [UkMain]
        public static int Main(string[] args)
        {
            string mode = args.Length > 0 ? args[0] : "";
            if (mode == "memory") return Memory();
            if (mode == "clock") return Clock();
            if (mode == "textwrite") return TextWrite();
            if (mode == "echo") return Echo();
            if (mode == "platform")
            {
                Console.WriteLine("platform " + UkApi<IPlatformControl>.Instance!.Name);
                return 0;
            }
            Console.WriteLine("kvmprobe: unknown probe '" + mode + "'");
            return 2;
        }

        // What the allocator got from the platform's memory regions, and a large allocation from it.
        private static unsafe int Memory()
        {
            IMemoryRegions regions = UkApi<IMemoryRegions>.Instance!;
            ulong total = 0;
            for (int i = 0; i < regions.Count; i++) total += regions[i].Length;
            IAllocator allocator = UkApi<IAllocator>.Instance!;
            ulong before = allocator.AvailableMemory;
            byte[] big = new byte[1 << 20];
            big[big.Length - 1] = 7;
            Console.WriteLine("regions " + regions.Count.ToString() + " total " + total.ToString());
            Console.WriteLine("allocator available " + before.ToString());
            Console.WriteLine("after 1 MiB " + allocator.AvailableMemory.ToString() + " last " + big[big.Length - 1].ToString());
            return 0;
        }

        // Monotonic time across a 30 ms sleep (PIT one-shot + hlt) and a plausible wall clock.
        private static int Clock()
        {
            IClock clock = UkApi<IClock>.Instance!;
            long t0 = clock.MonotonicNanoseconds;
            KvmPlatform.Sleep(30_000_000);
            long t1 = clock.MonotonicNanoseconds;
            long slept = t1 - t0;
            long wall = clock.WallClockNanoseconds;
            Console.WriteLine("slept at least 30 ms: " + (slept >= 30_000_000 ? "yes" : "no " + slept.ToString()));
            Console.WriteLine("slept under 2 s: " + (slept < 2_000_000_000 ? "yes" : "no " + slept.ToString()));
            Console.WriteLine("monotonic: " + (t1 > t0 && t0 > 0 ? "yes" : "no"));
            Console.WriteLine("wall seconds " + (wall / 1_000_000_000).ToString());
            return 0;
        }

        // Reads console input up to a newline (the UART read halts the CPU while nothing is there) and echoes it.
        private static int Echo()
        {
            IConsole console = UkApi<IConsole>.Instance!;
            byte[] line = new byte[256];
            int length = 0;
            while (length < line.Length)
            {
                int n = console.Read(line.AsSpan(length));
                if (n <= 0) break;
                length += n;
                if (line[length - 1] == (byte)'\n') { length--; break; }
            }
            console.Write("read ["u8);
            console.Write(line.AsSpan(0, length));
            console.Write("]\n"u8);
            return length;
        }

        // Writes to its own code: the W^X page tables turn this into a page-fault report.
        private static unsafe int TextWrite()
        {
            delegate*<string[], int> self = &Main;
            *(byte*)self = 0xCC;
            Console.WriteLine("text write went through");
            return 1;
        }
    }
}
