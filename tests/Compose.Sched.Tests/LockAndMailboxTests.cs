using System;
using System.Collections.Generic;
using Compose.Libraries.UkLock;
using Compose.Libraries.UkMpi;
using Compose.Libraries.UkSched;
using Compose.Libraries.UkSchedCoop;
using CsCheck;
using Xunit;
using static Compose.Sched.Tests.CoopSchedulerTests;

namespace Compose.Sched.Tests
{
    /// <summary>uklock and ukmpi over ukschedcoop on hosted.</summary>
    public sealed class LockAndMailboxTests
    {
        private static void JoinAll(ISched sched, List<UkThread> threads)
        {
            foreach (UkThread t in threads) Assert.Equal(SchedError.None, sched.Join(t));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void MutexKeepsAReadYieldWriteSectionAtomic(bool locked)
        {
            int counter = 0;
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var mutex = new UkMutex(sched);
                var threads = new List<UkThread>();
                for (int n = 0; n < 4; n++)
                {
                    threads.Add(sched.Create("w" + n, new Body(() =>
                    {
                        for (int i = 0; i < 25; i++)
                        {
                            if (locked) mutex.Lock();
                            int seen = counter;
                            sched.Yield();   // others run here; without the mutex they overwrite each other
                            counter = seen + 1;
                            if (locked) Assert.Equal(LockError.None, mutex.Unlock());
                            sched.Yield();
                        }
                    })));
                }
                JoinAll(sched, threads);
            });
            // The unlocked run shows the test can tell: its updates are lost.
            if (locked) Assert.Equal(100, counter);
            else Assert.True(counter < 100, "unlocked counter " + counter);
        }

        [Fact]
        public void MutexIsRecursiveAndHandsOverInFifoOrder()
        {
            var order = new List<string>();
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var mutex = new UkMutex(sched);
                mutex.Lock();
                mutex.Lock();
                Assert.Equal(2, mutex.Depth);
                var threads = new List<UkThread>();
                foreach (string name in new[] { "x", "y", "z" })
                    threads.Add(sched.Create(name, new Body(() =>
                    {
                        mutex.Lock();
                        order.Add(name);
                        mutex.Unlock();
                    })));
                sched.Yield();   // x, y, z queue on the mutex
                Assert.True(mutex.TryLock());   // main still owns it: TryLock nests (depth 3)
                mutex.Unlock();
                mutex.Unlock();
                Assert.Same(sched.Current, mutex.Owner);
                mutex.Unlock();
                Assert.Equal("x", mutex.Owner!.Name);
                JoinAll(sched, threads);
                Assert.Null(mutex.Owner);
            });
            Assert.Equal(new[] { "x", "y", "z" }, order);
        }

        [Fact]
        public void UnlockingAMutexOneDoesNotHoldIsAnError()
        {
            LockError notHeld = LockError.None, notOwner = LockError.None;
            string message = "";
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var mutex = new UkMutex(sched);
                notHeld = mutex.Unlock();
                mutex.Lock();
                UkThread intruder = sched.Create("intruder", new Body(() =>
                {
                    notOwner = mutex.Unlock();
                    message = mutex.LastError;
                }));
                sched.Join(intruder);
                Assert.Same(sched.Current, mutex.Owner);
                Assert.Equal(LockError.None, mutex.Unlock());
            });
            Assert.Equal(LockError.NotHeld, notHeld);
            Assert.Equal(LockError.NotOwner, notOwner);
            Assert.Equal("uklock: Mutex.Unlock() by thread 'intruder': the mutex is held by thread 'main'", message);
        }

        [Fact]
        public void SemaphoreBlocksUntilUp()
        {
            var trace = new List<string>();
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var sem = new UkSemaphore(0, sched);
                UkThread waiter = sched.Create("waiter", new Body(() =>
                {
                    trace.Add("down");
                    sem.Down();
                    trace.Add("got it");
                }));
                sched.Yield();
                trace.Add("up");
                Assert.False(sem.TryDown());
                sem.Up();
                Assert.Equal(0, sem.Count);   // handed to the waiter, not banked
                sched.Join(waiter);
                sem.Up();
                Assert.True(sem.TryDown());
            });
            Assert.Equal(new[] { "down", "up", "got it" }, trace);
        }

        [Fact]
        public void ConditionWaitReleasesTheMutexAndSignalWakesInOrder()
        {
            var trace = new List<string>();
            LockError withoutMutex = LockError.None;
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var mutex = new UkMutex(sched);
                var cond = new UkCondition(sched);
                withoutMutex = cond.Wait(mutex);
                int ready = 0;
                var threads = new List<UkThread>();
                foreach (string name in new[] { "a", "b", "c" })
                    threads.Add(sched.Create(name, new Body(() =>
                    {
                        mutex.Lock();
                        while (ready == 0) cond.Wait(mutex);
                        ready--;
                        trace.Add(name);
                        mutex.Unlock();
                    })));
                sched.Yield();   // all three wait, each having released the mutex
                Assert.True(mutex.TryLock());
                ready = 1;
                cond.Signal();
                mutex.Unlock();
                sched.Yield();
                Assert.Equal(new[] { "a" }, trace);
                mutex.Lock();
                ready = 2;
                cond.Broadcast();
                mutex.Unlock();
                JoinAll(sched, threads);
            });
            Assert.Equal(LockError.NotOwner, withoutMutex);
            Assert.Equal(new[] { "a", "b", "c" }, trace);
        }

        [Fact]
        public void SpinlockReportsDeadlockAndUnheldRelease()
        {
            var spin = new UkSpinlock();
            Assert.Equal(LockError.NotHeld, spin.Release());
            Assert.Equal("uklock: Spinlock.Release(): the spinlock is not held", spin.LastError);
            Assert.Equal(LockError.None, spin.Acquire());
            Assert.False(spin.TryAcquire());
            Assert.Equal(LockError.WouldDeadlock, spin.Acquire());
            Assert.Contains("uklock: Spinlock.Acquire()", spin.LastError);
            Assert.Equal(LockError.None, spin.Release());
            Assert.True(spin.TryAcquire());
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(2, 4)]
        [InlineData(3, 2)]
        [InlineData(4, 7)]
        public void MailboxLosesAndDuplicatesNothingUnderManyProducersAndConsumers(int seed, int capacity)
        {
            RunMailbox(seed, capacity, producers: 4, perProducer: 150, consumers: 3);
        }

        [Fact]
        public void MailboxPropertyOverRandomShapesAndSchedules()
        {
            Gen.Select(Gen.Int, Gen.Int[1, 8], Gen.Int[1, 5], Gen.Int[1, 4], Gen.Int[1, 12])
                .Sample((seed, capacity, producers, consumers, rounds) =>
                    RunMailbox(seed, capacity, producers, consumers * rounds, consumers), iter: 60, threads: 1);
        }

        /// <summary>
        /// Producers post (producer, sequence) pairs and consumers fetch an equal share, each side choosing at random
        /// (from <paramref name="seed"/>) between blocking and polling calls and when to yield. Every message must
        /// arrive exactly once, and each producer's messages in order.
        /// </summary>
        private static void RunMailbox(int seed, int capacity, int producers, int perProducer, int consumers)
        {
            var received = new List<(int Producer, int Seq)>[consumers];
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var box = new UkMailbox<(int, int)>(capacity, sched);
                var random = new Random(seed);
                var threads = new List<UkThread>();
                for (int p = 0; p < producers; p++)
                {
                    int id = p;
                    threads.Add(sched.Create("p" + p, new Body(() =>
                    {
                        for (int i = 0; i < perProducer; i++)
                        {
                            if (random.Next(3) == 0) sched.Yield();
                            if (random.Next(2) == 0) box.Post((id, i));
                            else while (!box.TryPost((id, i))) sched.Yield();
                        }
                    })));
                }
                for (int c = 0; c < consumers; c++)
                {
                    int id = c;
                    received[id] = new List<(int, int)>();
                    threads.Add(sched.Create("c" + c, new Body(() =>
                    {
                        for (int i = 0; i < producers * perProducer / consumers; i++)
                        {
                            if (random.Next(3) == 0) sched.Yield();
                            if (random.Next(2) == 0) received[id].Add(box.Fetch());
                            else
                            {
                                (int, int) m;
                                while (!box.TryFetch(out m)) sched.Yield();
                                received[id].Add(m);
                            }
                        }
                    })));
                }
                JoinAll(sched, threads);
                Assert.Equal(0, box.Count);
                Assert.False(box.TryFetch(out _));
            });
            var seen = new HashSet<(int, int)>();
            foreach (var list in received)
            {
                var last = new int[producers];
                Array.Fill(last, -1);
                foreach (var (producer, seq) in list)
                {
                    Assert.True(seen.Add((producer, seq)), "duplicate " + (producer, seq));
                    Assert.True(seq > last[producer], "producer " + producer + " out of order: " + seq + " after " + last[producer]);
                    last[producer] = seq;
                }
            }
            Assert.Equal(producers * perProducer, seen.Count);
        }

        [Fact]
        public void MailboxTryFormsNeverBlock()
        {
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var box = new UkMailbox<int>(2, sched);
                Assert.False(box.TryFetch(out _));
                Assert.True(box.TryPost(1));
                Assert.True(box.TryPost(2));
                Assert.False(box.TryPost(3));
                Assert.True(box.TryFetch(out int first));
                Assert.Equal(1, first);
                Assert.Equal(2, box.Fetch());
            });
        }
    }
}
