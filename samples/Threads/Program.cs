using System;
using Compose;
using Compose.Libraries.UkLock;
using Compose.Libraries.UkMpi;
using Compose.Libraries.UkSched;
using Compose.Platform;

[assembly: UkApplication("threads")]
[assembly: Requires(typeof(ISched))]
[assembly: Requires(typeof(UkLockLibrary))]
[assembly: Requires(typeof(UkMpiLibrary))]

namespace Threads
{
    /// <summary>
    /// Producers and consumers over a bounded mailbox; the consumers fold what they fetch into one checksum guarded
    /// by a mutex. The cooperative scheduler makes the interleaving, and so the checksum, the same on every platform.
    /// </summary>
    public static class App
    {
        public const int Producers = 3;
        public const int Consumers = 2;
        public const int MessagesPerProducer = 1000;

        private static UkMailbox<int> s_mailbox = null!;
        private static UkMutex s_lock = null!;
        private static ulong s_checksum;
        private static int s_fetched;

        /// <summary>Posts its messages, yielding now and then so that the threads interleave.</summary>
        private sealed class Producer : IThreadBody
        {
            private readonly int _id;

            public Producer(int id) { _id = id; }

            public void Run()
            {
                ISched sched = UkApi<ISched>.Instance!;
                for (int i = 0; i < MessagesPerProducer; i++)
                {
                    s_mailbox.Post(_id * 100000 + i);
                    if (i % 7 == _id) sched.Yield();
                }
            }
        }

        /// <summary>Fetches its share and folds each message into the checksum (order-sensitive).</summary>
        private sealed class Consumer : IThreadBody
        {
            public void Run()
            {
                for (int i = 0; i < Producers * MessagesPerProducer / Consumers; i++)
                {
                    int message = s_mailbox.Fetch();
                    s_lock.Lock();
                    s_checksum = (s_checksum * 31 + (ulong)message) % 1000000007UL;
                    s_fetched++;
                    s_lock.Unlock();
                }
            }
        }

        /// <summary>
        /// Sleeps (Index + 1) * 10 ms, then appends its index + 1 to the wake order; created in reverse, so the order
        /// shows that wake-ups follow the sleep times. A wake-up before the requested time is counted as early.
        /// </summary>
        private sealed class Sleeper : IThreadBody
        {
            public const long Step = 10_000_000;
            private readonly int _index;

            public Sleeper(int index) { _index = index; }

            public void Run()
            {
                IClock? clock = UkApi<IClock>.Instance;
                long start = clock != null ? clock.MonotonicNanoseconds : 0;
                UkApi<ISched>.Instance!.Sleep((_index + 1) * Step);
                if (clock != null && clock.MonotonicNanoseconds - start < (_index + 1) * Step) s_earlyWakes++;
                s_wakeOrder = s_wakeOrder * 10 + _index + 1;
            }
        }

        /// <summary>Yields <see cref="Rounds"/> times; two of them ping-pong the CPU for the switch benchmark.</summary>
        private sealed class PingPong : IThreadBody
        {
            public long Rounds;

            public void Run()
            {
                ISched sched = UkApi<ISched>.Instance!;
                for (long i = 0; i < Rounds; i++) sched.Yield();
            }
        }

        /// <summary>
        /// <c>threads bench N</c>: two threads yield to each other N times each; prints the switches (2N) and the
        /// nanoseconds per switch (a yield through the scheduler plus the context switch) by the platform clock.
        /// </summary>
        private static int Bench(ISched sched, string rounds)
        {
            long n = 0;
            for (int i = 0; i < rounds.Length; i++)
            {
                if (rounds[i] < '0' || rounds[i] > '9' || n > 1_000_000_000_000L)
                {
                    Console.WriteLine("threads: bench: '" + rounds + "' is not a round count");
                    return 2;
                }
                n = n * 10 + (rounds[i] - '0');
            }
            IClock? clock = UkApi<IClock>.Instance;
            if (clock == null || n == 0)
            {
                Console.WriteLine("threads: bench needs a platform clock and a round count above 0");
                return 2;
            }
            var a = new PingPong { Rounds = n };
            var b = new PingPong { Rounds = n };
            UkThread ta = sched.Create("ping", a);
            UkThread tb = sched.Create("pong", b);
            long start = clock.MonotonicNanoseconds;
            sched.Join(ta);
            sched.Join(tb);
            long elapsed = clock.MonotonicNanoseconds - start;
            long switches = 2 * n;
            long picoseconds = elapsed / switches * 1000 + elapsed % switches * 1000 / switches;
            string fraction = (picoseconds % 1000).ToString();
            while (fraction.Length < 3) fraction = "0" + fraction;
            Console.WriteLine("bench: " + switches.ToString() + " switches in " + elapsed.ToString() + " ns: " + (picoseconds / 1000).ToString() + "." + fraction + " ns per switch");
            return 0;
        }

        /// <summary>
        /// <c>threads overrun</c> (images): digs about 1 KiB below its 64 KiB stack and ends. With the platform's
        /// guard page (linuxu, kvm) the dig faults in the guard and the platform reports a stack overflow naming the
        /// thread; with the scheduler's canary instead, joining the thread panics naming it. (Hosted threads have
        /// OS-sized stacks.)
        /// </summary>
        private sealed unsafe class Overrun : IThreadBody
        {
            public void Run()
            {
                byte top = 0;
                s_dug = Dig(&top, 0);
            }

            // Each frame fills 512 bytes of stack; recursion stops once a frame lies 65 KiB below the first.
            private static int Dig(byte* top, int depth)
            {
                Span<byte> frame = stackalloc byte[512];
                frame.Fill((byte)depth);
                fixed (byte* bottom = frame)
                {
                    // Safe: only the addresses are compared; nothing is read through them.
                    if (top - bottom > 65 * 1024) return frame[depth % 512];
                }
                return Dig(top, depth + 1) + frame[0];
            }
        }

        /// <summary>
        /// <c>threads overflow main|thread</c> (images): recursion without bound, in the main thread or in a
        /// scheduler thread named "recurser"; the platform must report a stack overflow naming the thread and exit
        /// non-zero, never reset or return.
        /// </summary>
        private sealed class Recurser : IThreadBody
        {
            public void Run() => s_dug = Recurse(0);

            public static int Recurse(int depth)
            {
                Span<byte> frame = stackalloc byte[256];
                frame.Fill((byte)depth);
                return Recurse(depth + 1) + frame[depth % 256];
            }
        }

        /// <summary>
        /// <c>threads segfault</c> (images): writes through a pointer to an unmapped address far from null (16 TiB);
        /// the platform reports where. (A write near null is a NullReferenceException instead.)
        /// </summary>
        private static unsafe int Segfault()
        {
            int* wild = (int*)0x100000000000;
            // Not safe on purpose: the write must fault (nothing maps 16 TiB in these images) and the platform report it.
            *wild = 1;
            Console.WriteLine("threads: a write to address 0x100000000000 went through");
            return 1;
        }

        [ThreadStatic] private static int t_counter;
        [ThreadStatic] private static string? t_name;
        [ThreadStatic] private static long t_sum;

        /// <summary>
        /// Works on its own thread statics, yielding between steps so that the threads interleave; prints what it
        /// saw. Every thread must see only its own values, and a thread's first look must find the defaults.
        /// </summary>
        private sealed class TlsWorker : IThreadBody
        {
            private readonly int _id;

            public TlsWorker(int id) { _id = id; }

            public void Run()
            {
                ISched sched = UkApi<ISched>.Instance!;
                string first = "counter=" + t_counter.ToString() + " name=" + (t_name ?? "null") + " sum=" + t_sum.ToString();
                t_name = "worker" + _id.ToString();
                for (int i = 0; i < 5; i++)
                {
                    t_counter += _id + 1;
                    t_sum += t_counter;
                    sched.Yield();
                }
                Console.WriteLine(t_name + ": first " + first + "; last counter=" + t_counter.ToString() + " sum=" + t_sum.ToString());
            }
        }

        /// <summary><c>threads tls</c>: thread-static isolation between main and scheduler threads, old and new.</summary>
        private static int ThreadStatics(ISched sched)
        {
            t_name = "main";
            t_counter = 100;
            var workers = new UkThread[3];
            for (int i = 0; i < workers.Length; i++) workers[i] = sched.Create("tls" + i.ToString(), new TlsWorker(i));
            for (int i = 0; i < workers.Length; i++) sched.Join(workers[i]);
            Console.WriteLine("main: counter=" + t_counter.ToString() + " name=" + (t_name ?? "null") + " sum=" + t_sum.ToString());
            sched.Join(sched.Create("late", new TlsWorker(7)));
            Console.WriteLine("main again: counter=" + t_counter.ToString() + " name=" + (t_name ?? "null"));
            return t_counter == 100 && t_name == "main" ? 0 : 1;
        }

        private static int s_dug;
        private static byte[]? s_ballast;
        private static int s_wakeOrder;
        private static int s_earlyWakes;

        /// <summary>Starts the threads, waits for them, prints the checksum; then the sleepers, and their wake order.</summary>
        [UkMain]
        public static int Main(string[] args)
        {
            ISched? sched = UkApi<ISched>.Instance;
            if (sched == null)
            {
                Console.WriteLine("threads: no scheduler bound");
                return 1;
            }
            if (args.Length == 2 && args[0] == "bench") return Bench(sched, args[1]);
            if (args.Length == 1 && args[0] == "overrun")
            {
                sched.Join(sched.Create("digger", new Overrun()));
                Console.WriteLine("threads: overrun not detected (" + s_dug.ToString() + ")");
                return 1;
            }
            if (args.Length == 1 && args[0] == "segfault") return Segfault();
            if (args.Length == 1 && args[0] == "tls") return ThreadStatics(sched);
            if (args.Length >= 2 && args[0] == "overflow" && (args[1] == "main" || args[1] == "thread"))
            {
                // "overflow thread high": 8 MiB allocated first, so that the thread's stack (and its guard) lie above
                // the first 4 MiB, where kvm maps RAM with 2 MiB pages and must split one.
                if (args.Length == 3 && args[2] == "high") s_ballast = new byte[8 * 1024 * 1024];
                if (args[1] == "main") s_dug = Recurser.Recurse(0);
                else sched.Join(sched.Create("recurser", new Recurser()));
                Console.WriteLine("threads: unbounded recursion returned (" + s_dug.ToString() + ")");
                return 1;
            }
            s_mailbox = new UkMailbox<int>(4);
            s_lock = new UkMutex();
            var threads = new UkThread[Producers + Consumers];
            for (int p = 0; p < Producers; p++) threads[p] = sched.Create("producer" + p.ToString(), new Producer(p));
            for (int c = 0; c < Consumers; c++) threads[Producers + c] = sched.Create("consumer" + c.ToString(), new Consumer());
            for (int t = 0; t < threads.Length; t++)
            {
                if (sched.Join(threads[t]) != SchedError.None)
                {
                    Console.WriteLine("threads: " + sched.LastError);
                    return 1;
                }
            }
            Console.WriteLine("messages: " + s_fetched.ToString());
            Console.WriteLine("checksum: " + s_checksum.ToString());

            var sleepers = new UkThread[3];
            for (int i = sleepers.Length - 1; i >= 0; i--) sleepers[i] = sched.Create("sleeper" + i.ToString(), new Sleeper(i));
            for (int i = 0; i < sleepers.Length; i++) sched.Join(sleepers[i]);
            Console.WriteLine("wake order: " + s_wakeOrder.ToString() + ", early wake-ups: " + s_earlyWakes.ToString());
            return s_fetched == Producers * MessagesPerProducer && s_wakeOrder == 123 && s_earlyWakes == 0 ? 0 : 1;
        }
    }
}
