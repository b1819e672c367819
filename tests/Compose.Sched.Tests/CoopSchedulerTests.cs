using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Compose.Libraries.UkSched;
using Compose.Libraries.UkSchedCoop;
using Xunit;

namespace Compose.Sched.Tests
{
    /// <summary>ukschedcoop on hosted: round-robin order, join, exit, sleep, one thread at a time, misuse.</summary>
    public sealed class CoopSchedulerTests
    {
        /// <summary>A thread body from a lambda (tests only; images use classes).</summary>
        internal sealed class Body : IThreadBody
        {
            private readonly Action _run;

            public Body(Action run) { _run = run; }

            public void Run() => _run();
        }

        /// <summary>Runs <paramref name="scenario"/> on a fresh OS thread (it becomes the scheduler's main) with a deadline.</summary>
        internal static void RunAsMain(Action scenario)
        {
            Exception? failure = null;
            var main = new Thread(() =>
            {
                try { scenario(); }
                catch (Exception e) { failure = e; }
            });
            main.IsBackground = true;
            main.Start();
            Assert.True(main.Join(TimeSpan.FromSeconds(20)), "the scenario did not finish in 20 s (scheduler hang)");
            if (failure != null) throw new Exception("scenario failed", failure);
        }

        [Fact]
        public void ThreadsRunRoundRobinInCreationOrder()
        {
            var trace = new List<string>();
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var threads = new List<UkThread>();
                foreach (string name in new[] { "a", "b", "c" })
                {
                    threads.Add(sched.Create(name, new Body(() =>
                    {
                        for (int i = 0; i < 3; i++)
                        {
                            trace.Add(name + i);
                            sched.Yield();
                        }
                    })));
                }
                trace.Add("main");
                foreach (UkThread t in threads) Assert.Equal(SchedError.None, sched.Join(t));
                trace.Add("joined");
            });
            var expected = new List<string> { "main" };
            for (int i = 0; i < 3; i++)
                foreach (string name in new[] { "a", "b", "c" }) expected.Add(name + i);
            expected.Add("joined");
            Assert.Equal(expected, trace);
        }

        [Fact]
        public void OnlyOneThreadRunsAtATime()
        {
            int active = 0, maxActive = 0, steps = 0;
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var threads = new List<UkThread>();
                for (int n = 0; n < 6; n++)
                {
                    threads.Add(sched.Create("t" + n, new Body(() =>
                    {
                        for (int i = 0; i < 50; i++)
                        {
                            int now = Interlocked.Increment(ref active);
                            if (now > Volatile.Read(ref maxActive)) Volatile.Write(ref maxActive, now);
                            Thread.SpinWait(200);
                            steps++;   // unsynchronised on purpose: lost updates would show overlap
                            Interlocked.Decrement(ref active);
                            sched.Yield();
                        }
                    })));
                }
                foreach (UkThread t in threads) sched.Join(t);
            });
            Assert.Equal(1, maxActive);
            Assert.Equal(6 * 50, steps);
        }

        [Fact]
        public void JoinWaitsForExitAndASecondJoinIsAnError()
        {
            var trace = new List<string>();
            UkThread? worker = null;
            SchedError second = SchedError.None;
            string message = "";
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                worker = sched.Create("worker", new Body(() =>
                {
                    sched.Yield();   // nothing else runnable: main is blocked in Join
                    trace.Add("worker done");
                }));
                Assert.Equal(UkThreadState.Runnable, worker.State);
                Assert.Equal(SchedError.None, sched.Join(worker));
                trace.Add("main after join");
                second = sched.Join(worker);
                message = sched.LastError;
            });
            Assert.Equal(new[] { "worker done", "main after join" }, trace);
            Assert.Equal(UkThreadState.Exited, worker!.State);
            Assert.Equal(SchedError.AlreadyJoined, second);
            Assert.Equal("ukschedcoop: Join(thread 'worker'): the thread was already joined, or another thread waits to join it", message);
        }

        [Fact]
        public void JoiningItselfOrAForeignThreadIsAnError()
        {
            SchedError self = SchedError.None, foreign = SchedError.None;
            string selfMessage = "";
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var other = new CoopScheduler();
                UkThread t = sched.Create("narcissus", new Body(() =>
                {
                    self = sched.Join(sched.Current);
                    selfMessage = sched.LastError;
                }));
                foreign = other.Join(t);
                Assert.Equal(SchedError.None, sched.Join(t));
            });
            Assert.Equal(SchedError.JoinSelf, self);
            Assert.Contains("Join(thread 'narcissus'): a thread cannot join itself", selfMessage);
            Assert.Equal(SchedError.ForeignThread, foreign);
        }

        [Fact]
        public void ExitEndsTheThreadAndWakesAThreadWaitingToJoinIt()
        {
            var trace = new List<string>();
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                UkThread? quitter = null;
                // The waiter runs first and blocks in Join until the quitter exits.
                UkThread waiter = sched.Create("waiter", new Body(() =>
                {
                    trace.Add("waiter joins");
                    trace.Add("waiter join " + sched.Join(quitter!));
                }));
                quitter = sched.Create("quitter", new Body(() =>
                {
                    trace.Add("quitter before exit");
                    sched.Exit();
                    trace.Add("quitter after exit");   // must never run
                }));
                sched.Join(waiter);
                Assert.Equal(UkThreadState.Exited, quitter.State);
                Assert.Equal(SchedError.AlreadyJoined, sched.Join(quitter));
            });
            Assert.Equal(new[] { "waiter joins", "quitter before exit", "waiter join None" }, trace);
        }

        /// <summary>A clock that moves 1 ms forward on every read, so sleep tests do not depend on host timing.</summary>
        private sealed class SteppingClock : Compose.Platform.IClock
        {
            private long _now;

            public long MonotonicNanoseconds => _now += 1_000_000;

            public long WallClockNanoseconds => _now;

            public long Peek => _now;
        }

        [Fact]
        public void SleepersWakeInDeadlineOrderAndNeverEarly()
        {
            var woke = new List<(string Name, long WakeAt, long Now)>();
            var order = new List<string>();
            var clock = new SteppingClock();
            RunAsMain(() =>
            {
                var sched = new CoopScheduler { Clock = clock };
                var threads = new List<UkThread>();
                foreach ((string name, long ms) in new[] { ("slow", 120L), ("fast", 10L), ("mid", 80L) })
                {
                    threads.Add(sched.Create(name, new Body(() =>
                    {
                        sched.Sleep(ms * 1_000_000);
                        woke.Add((name, sched.Current.WakeAt, clock.Peek));
                        order.Add(name);
                    })));
                }
                // A busy thread that yields keeps the CPU cycling while the others sleep (each yield reads the clock).
                threads.Add(sched.Create("busy", new Body(() =>
                {
                    for (int i = 0; i < 40; i++) sched.Yield();
                    order.Add("busy");
                })));
                foreach (UkThread t in threads) sched.Join(t);
            });
            Assert.Equal(new[] { "fast", "busy", "mid", "slow" }, order);
            Assert.Equal(3, woke.Count);
            foreach (var w in woke) Assert.True(w.Now >= w.WakeAt, w.Name + " woke at " + w.Now + " ns, before " + w.WakeAt);
        }

        [Fact]
        public void SleepOnTheHostClockLastsAtLeastTheTimeAsked()
        {
            long slept = 0;
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                UkThread sleeper = sched.Create("sleeper", new Body(() =>
                {
                    var watch = Stopwatch.StartNew();
                    sched.Sleep(30_000_000);
                    slept = watch.ElapsedTicks * 1000 / Stopwatch.Frequency;
                }));
                sched.Join(sleeper);
            });
            Assert.True(slept >= 30, "slept " + slept + " ms for 30 ms");
        }

        [Fact]
        public void ADeadlockIsReportedNotHung()
        {
            string error = "";
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                UkThread main = sched.Current;
                UkThread t = sched.Create("cyclic", new Body(() => sched.Join(main)));
                sched.Join(t);   // t joins main while main joins t: nothing can run
                error = sched.LastError;
            });
            Assert.Contains("ukschedcoop: Join(): deadlock: no thread is runnable or sleeping", error);
        }

        [Fact]
        public void PerThreadSlotsAreSeparate()
        {
            var seen = new List<object?>();
            RunAsMain(() =>
            {
                var sched = new CoopScheduler();
                var threads = new List<UkThread>();
                for (int n = 0; n < 3; n++)
                {
                    int id = n;
                    threads.Add(sched.Create("s" + n, new Body(() =>
                    {
                        Assert.True(sched.Current.SetSlot(1, "value" + id));
                        sched.Yield();
                        seen.Add(sched.Current.GetSlot(1));
                    })));
                }
                foreach (UkThread t in threads) sched.Join(t);
                Assert.Null(sched.Current.GetSlot(1));
                Assert.False(sched.Current.SetSlot(UkThread.SlotCount, "x"));
            });
            Assert.Equal(new object?[] { "value0", "value1", "value2" }, seen);
        }
    }
}
