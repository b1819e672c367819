using System;
using Compose;
using Compose.Libraries.UkLock;
using Compose.Libraries.UkMpi;
using Compose.Libraries.UkSched;

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

        /// <summary>Starts the threads, waits for them, prints the checksum.</summary>
        [UkMain]
        public static int Main(string[] args)
        {
            ISched? sched = UkApi<ISched>.Instance;
            if (sched == null)
            {
                Console.WriteLine("threads: no scheduler bound");
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
            return s_fetched == Producers * MessagesPerProducer ? 0 : 1;
        }
    }
}
