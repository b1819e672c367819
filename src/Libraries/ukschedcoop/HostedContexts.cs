#if !UK_IMAGE
using System;
using System.Diagnostics;
using System.Threading;
using Compose.Libraries.UkSched;

namespace Compose.Libraries.UkSchedCoop
{
    /// <summary>
    /// The <c>hosted</c> context switch: each scheduler thread is an OS thread that waits on its own baton (a
    /// semaphore) until the scheduler hands it the CPU. A switch releases the next thread's baton and then waits on
    /// the caller's, so exactly one scheduler thread runs at a time and the semaphores order their memory accesses.
    /// CLR only; linuxu and kvm switch stacks in assembly instead.
    /// </summary>
    internal static class ThreadContexts
    {
        private sealed class Context
        {
            public readonly SemaphoreSlim Baton = new SemaphoreSlim(0, 1);
        }

        /// <summary>Thrown on a thread that called <see cref="ISched.Exit"/>, caught where its OS thread started.</summary>
        private sealed class ExitSignal : Exception
        {
        }

        private static readonly Stopwatch s_clock = Stopwatch.StartNew();

        /// <summary>The context of the OS thread that called into the scheduler first.</summary>
        public static object ForCallingThread() => new Context();

        /// <summary>Starts the OS thread of <paramref name="thread"/>; it waits for its baton before running the body.</summary>
        public static object Start(CoopScheduler scheduler, UkThread thread)
        {
            var context = new Context();
            var os = new Thread(() =>
            {
                context.Baton.Wait();
                try
                {
                    scheduler.RunBody(thread);
                }
                catch (ExitSignal)
                {
                    return;   // Exit() already handed the CPU on
                }
                catch (Exception failure)
                {
                    // A body that fails ends its thread; the scheduler records why and carries on with the others.
                    scheduler.RecordFailure(thread, failure.GetType().Name + ": " + failure.Message);
                }
                scheduler.Finish(thread);
            });
            os.IsBackground = true;
            os.Name = "uk:" + thread.Name;
            os.Start();
            return context;
        }

        /// <summary>Hands the CPU from <paramref name="from"/> to <paramref name="to"/>; returns when <paramref name="from"/> is resumed.</summary>
        public static void Switch(UkThread from, UkThread to)
        {
            Context self = (Context)from.Context!;
            ((Context)to.Context!).Baton.Release();
            self.Baton.Wait();
        }

        /// <summary>Lets <paramref name="to"/> run; the caller is about to end and touches no scheduler state after this.</summary>
        public static void Resume(UkThread to) => ((Context)to.Context!).Baton.Release();

        /// <summary>Ends the calling thread after <see cref="CoopScheduler.Finish"/> handed the CPU on.</summary>
        public static void EndCurrent(UkThread self)
        {
            if (self.Id != 0) throw new ExitSignal();
            // The boot thread has no start routine to unwind to: it stays parked for good.
            ((Context)self.Context!).Baton.Wait();
            Thread.Sleep(Timeout.Infinite);
        }

        /// <summary>Nothing to give back: a joined thread's OS thread has ended.</summary>
        public static void Release(UkThread thread)
        {
        }

        /// <summary>Waits about <paramref name="nanoseconds"/> for the first sleeper, like a platform halting until the timer fires.</summary>
        public static void Idle(long nanoseconds)
        {
            if (nanoseconds >= 1_000_000) Thread.Sleep((int)Math.Min(nanoseconds / 1_000_000, int.MaxValue));
            else Thread.Yield();
        }

        /// <summary>Nanoseconds from the host's monotonic clock.</summary>
        public static long MonotonicNow() => (long)(s_clock.ElapsedTicks * (1_000_000_000.0 / Stopwatch.Frequency));

        /// <summary>Stops with <paramref name="message"/> (a deadlock); the caller holds the baton, so nothing else runs.</summary>
        public static void Panic(string message) => throw new InvalidOperationException(message);
    }
}
#endif
