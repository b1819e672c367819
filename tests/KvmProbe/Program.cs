using System;
using Compose;
using Compose.Libraries.UkAlloc;
using Compose.Libraries.UkSwRand;
using Compose.Platform;
using Compose.Platforms.Kvm;

[assembly: UkApplication("kvmprobe")]
[assembly: Requires(typeof(IClock))]
[assembly: Requires(typeof(IInitrd))]
[assembly: Requires(typeof(IRandom))]

namespace KvmProbe
{
    /// <summary>Probes of the kvm platform, one per first argument.</summary>
    public static class Probe
    {
        /// <summary>memory | clock | textwrite | echo | platform | initrd | random</summary>
        [UkMain]
        public static int Main(string[] args)
        {
            string mode = args.Length > 0 ? args[0] : "";
            if (mode == "memory") return Memory();
            if (mode == "initrd") return Initrd();
            if (mode == "random") return Random();
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

        // The boot module (QEMU -initrd): where it is, whether any allocator region overlaps it, and its FNV-1a
        // hash before and after allocating (and writing) nearly all of the heap.
        private static unsafe int Initrd()
        {
            MemoryRegion initrd = UkApi<IInitrd>.Instance!.Region;
            ulong start = initrd.Start, end = initrd.Start + initrd.Length;
            Console.WriteLine("initrd " + initrd.Length.ToString() + " bytes, page aligned " + (start % 4096 == 0 ? "yes" : "no"));
            IMemoryRegions regions = UkApi<IMemoryRegions>.Instance!;
            int overlaps = 0;
            for (int i = 0; i < regions.Count; i++)
            {
                ulong s = regions[i].Start, e = s + regions[i].Length;
                if (s < end && e > start) overlaps++;
            }
            Console.WriteLine("regions " + regions.Count.ToString() + " overlapping the initrd " + overlaps.ToString());
            uint before = Fnv(initrd);
            IAllocator allocator = UkApi<IAllocator>.Instance!;
            const int Chunk = 256 * 1024;
            var kept = new byte[1024][];
            int chunks = 0;
            while (chunks < kept.Length && allocator.AvailableMemory > 3 * Chunk)
            {
                byte[] block = new byte[Chunk];
                for (int j = 0; j < block.Length; j += 64) block[j] = 0xA5;
                kept[chunks++] = block;
            }
            Console.WriteLine("allocated " + chunks.ToString() + " x 256 KiB, left " + (allocator.AvailableMemory < 3 * Chunk ? "under 768 KiB" : "more"));
            uint after = Fnv(initrd);
            Console.WriteLine("fnv " + before.ToString("X8") + " after " + (after == before ? "same" : after.ToString("X8")));
            return 0;
        }

        // What seeded ukswrand (its debug printk at boot says it too), and what the CPU offers directly.
        private static int Random()
        {
            var rng = UkApi<IRandom>.Instance as SoftwareRandom;
            IEntropySource entropy = UkApi<IEntropySource>.Instance!;
            Console.WriteLine("seed source " + (rng?.SeedSourceName ?? "none"));
            Console.WriteLine("cpu entropy " + (entropy.Name.Length == 0 ? "none" : entropy.Name));
            var a = new byte[16];
            var b = new byte[16];
            bool filled = entropy.Fill(a) && entropy.Fill(b);
            bool differ = false;
            for (int i = 0; i < a.Length; i++) differ |= a[i] != b[i];
            Console.WriteLine("cpu fill " + (filled ? (differ ? "ok" : "repeats") : "unavailable"));
            return 0;
        }

        private static unsafe uint Fnv(MemoryRegion region)
        {
            uint h = 2166136261;
            // Safe: IInitrd's region is mapped and readable for the image's life.
            byte* p = (byte*)region.Start;
            for (nuint i = 0; i < region.Length; i++) h = (h ^ p[i]) * 16777619;
            return h;
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
