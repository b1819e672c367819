#if UK_IMAGE
using System;
using Compose.Libraries.UkSched;

namespace Compose.Libraries.UkSchedCoop
{
    /// <summary>
    /// The image side of the context switch, until the platforms (linuxu, kvm) provide the assembly switch of
    /// callee-saved registers and stack pointer: only the boot thread exists. Yield and Sleep work (Sleep polls the
    /// platform clock); creating a thread is a panic that says so, never a silent no-op.
    /// </summary>
    internal static class ThreadContexts
    {
        public static object ForCallingThread() => new object();

        public static object Start(CoopScheduler scheduler, UkThread thread) =>
            throw new InvalidOperationException("ukschedcoop: Create(thread '" + thread.Name + "'): this platform has no thread context switch yet");

        public static void Switch(UkThread from, UkThread to) =>
            throw new InvalidOperationException("ukschedcoop: switch to thread '" + to.Name + "': this platform has no thread context switch yet");

        public static void Resume(UkThread to) =>
            throw new InvalidOperationException("ukschedcoop: resume thread '" + to.Name + "': this platform has no thread context switch yet");

        public static void EndCurrent(UkThread self) =>
            throw new InvalidOperationException("ukschedcoop: Exit(): thread '" + self.Name + "' is the only thread");

        /// <summary>Nothing to halt on yet: the scheduler polls the clock until the first sleeper is due.</summary>
        public static void Idle(long nanoseconds)
        {
        }

        public static long MonotonicNow() =>
            throw new InvalidOperationException("ukschedcoop: Sleep(): no IClock is bound; the platform library provides it");

        public static void Panic(string message) => throw new InvalidOperationException(message);
    }
}
#endif
