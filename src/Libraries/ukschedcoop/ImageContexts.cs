#if UK_IMAGE
using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Compose.Libraries.UkAlloc;
using Compose.Libraries.UkSched;
using Compose.Platform;

namespace Compose.Libraries.UkSchedCoop
{
    /// <summary>
    /// The image side of the context switch (linuxu, kvm): a context is a saved stack pointer; the platform's
    /// assembly (src/Platforms/arch/x86_64/ukctx.S) pushes the callee-saved registers, swaps stack pointers and pops.
    /// Each created thread gets a <see cref="StackSize"/>-byte stack from the bound <see cref="IAllocator"/> above a
    /// <see cref="GuardSize"/>-byte guard zone, given back when the thread is joined. Where the platform provides
    /// <see cref="IStackGuard"/> (linuxu, kvm) the zone is one page made inaccessible, so an overflow faults at once
    /// and the platform's fault handler reports it as a stack overflow naming the thread. Otherwise (or when the
    /// platform cannot guard that page) the zone's top word is a canary, checked whenever the thread switches away
    /// and when it is joined, so an overrun of less than the zone panics naming the thread and corrupts only its own
    /// block (a deeper one, or one that skips the canary word, is not caught).
    /// Thread statics (<c>[ThreadStatic]</c>): Uk.CoreLib's <see cref="UkThreadStatics"/> holds the running thread's
    /// block; each switch parks it in the outgoing context and installs the incoming one's (null: a fresh block on
    /// first use), so every thread's block is reachable from its <see cref="UkThread.Context"/>.
    /// Idling waits through the platform's <see cref="IPlatformSleep"/> (nanosleep, or PIT and hlt).
    /// </summary>
    internal static unsafe class ThreadContexts
    {
        /// <summary>Bytes of stack per created thread.</summary>
        internal const int StackSize = 64 * 1024;

        /// <summary>Bytes below each stack kept as a guard zone: one page, inaccessible where the platform can guard it.</summary>
        internal const int GuardSize = 4096;

        /// <summary>The word at the top of the overrun zone, just below the stack's lowest usable address.</summary>
        private const ulong Canary = 0x57AC_CA4A_21E5_0DEDUL;

        private sealed class Context
        {
            public nuint StackPointer;
            public void* Stack;
            public bool Guarded;   // the zone under the stack is an inaccessible page (IStackGuard), not a canary
            public object? ThreadStatics;   // the thread's [ThreadStatic] block while it is switched out
            public CoopScheduler? Scheduler;
            public UkThread? Thread;
            public int StackId = -1;    // registration with Uk.CoreLib's UkStacks (scanned by a collector)
        }

        /// <summary>Where an ending thread's stack pointer goes: nobody resumes it.</summary>
        private static nuint s_discardedStackPointer;

        [DllImport(UkNative.Library, EntryPoint = "uk_ctx_switch"), SuppressGCTransition]
        private static extern void SwitchStacks(nuint* save, nuint load);

        [DllImport(UkNative.Library, EntryPoint = "uk_ctx_init"), SuppressGCTransition]
        private static extern nuint InitStack(void* top, void* entry, nint argument);

        /// <summary>The boot thread's context: its stack pointer is stored at its first switch.</summary>
        public static object ForCallingThread()
        {
            var context = new Context();
            // Safe: objects do not move in images and the boot thread's context stays reachable from its thread.
            fixed (nuint* saved = &context.StackPointer) context.StackId = UkStacks.Register(0, 0, saved);
            return context;
        }

        /// <summary>Allocates the stack of <paramref name="thread"/> and builds a first frame that enters <see cref="Entry"/>.</summary>
        public static object Start(CoopScheduler scheduler, UkThread thread)
        {
            IAllocator? allocator = UkApi<IAllocator>.Instance;
            if (allocator == null) Panic("ukschedcoop: Create(thread '" + thread.Name + "'): no IAllocator is bound for its stack");
            IStackGuard? guard = UkApi<IStackGuard>.Instance;
            void* stack = allocator!.Memalign(guard != null ? (nuint)GuardSize : 16, GuardSize + StackSize);
            if (stack == null) Panic("ukschedcoop: Create(thread '" + thread.Name + "'): out of memory for its " + StackSize.ToString() + "-byte stack");
            var context = new Context { Stack = stack, Scheduler = scheduler, Thread = thread };
            context.Guarded = guard != null && guard.Protect((nuint)stack, (nuint)stack + GuardSize + StackSize, thread.Name);
            // Safe: the block is GuardSize + StackSize bytes, so the word below GuardSize is ours (and accessible when unguarded).
            if (!context.Guarded) *(ulong*)((byte*)stack + GuardSize - sizeof(ulong)) = Canary;
            // Safe: objects never move in images, and the context stays reachable from the thread (and from the
            // new stack, which a collector scans), so its address stays valid as the entry's argument.
            nint self = *(nint*)Unsafe.AsPointer(ref context);
            delegate*<nint, void> entry = &Entry;
            context.StackPointer = InitStack((byte*)stack + GuardSize + StackSize, entry, self);
            fixed (nuint* saved = &context.StackPointer)
                context.StackId = UkStacks.Register((nuint)stack + GuardSize, (nuint)stack + GuardSize + StackSize, saved);
            return context;
        }

        /// <summary>First managed code of a created thread, reached from uk_ctx_start; ends by switching away for good.</summary>
        private static void Entry(nint contextAddress)
        {
            Context context = Unsafe.As<nint, Context>(ref contextAddress);
            CoopScheduler scheduler = context.Scheduler!;
            UkThread thread = context.Thread!;
            scheduler.RunBody(thread);
            scheduler.Finish(thread);
            Panic("ukschedcoop: thread '" + thread.Name + "' was resumed after it exited");
        }

        /// <summary>Saves the caller's registers and stack in <paramref name="from"/>'s context and continues <paramref name="to"/>.</summary>
        public static void Switch(UkThread from, UkThread to)
        {
            Context self = (Context)from.Context!;
            Context next = (Context)to.Context!;
            CheckCanary(self, from);
            // Thread statics: the TLS root always holds the running thread's block; park ours, install next's.
            // Nothing to do when neither has a block (a thread's block only goes from null to set while it runs,
            // so a null Current means our parked one is null too): apps without thread statics pay one compare.
            object? ours = UkThreadStatics.Current;
            object? theirs = next.ThreadStatics;
            if (ours != null || theirs != null)
            {
                self.ThreadStatics = ours;
                UkThreadStatics.Current = theirs;
            }
            fixed (nuint* save = &self.StackPointer)
            {
                // Safe: save points into a live context object; the switch writes one word there.
                SwitchStacks(save, next.StackPointer);
            }
        }

        /// <summary>Continues <paramref name="to"/>; the calling thread has exited and its stack is abandoned.</summary>
        public static void Resume(UkThread to)
        {
            Context next = (Context)to.Context!;
            UkThreadStatics.Current = next.ThreadStatics;   // the exiting thread's block is dropped with it
            // Safe: a static field's address does not change in an image.
            SwitchStacks((nuint*)Unsafe.AsPointer(ref s_discardedStackPointer), next.StackPointer);
        }

        /// <summary>Reached only if an exited thread were resumed: <see cref="CoopScheduler.Finish"/> never returns here.</summary>
        public static void EndCurrent(UkThread self) =>
            Panic("ukschedcoop: Exit(): thread '" + self.Name + "' was resumed after it exited");

        /// <summary>Gives a joined thread's stack back to the allocator (it ran its last instruction on it before).</summary>
        public static void Release(UkThread thread)
        {
            if (thread.Context is Context context && context.Stack != null)
            {
                if (context.Guarded) UkApi<IStackGuard>.Instance!.Unprotect((nuint)context.Stack);
                else CheckCanary(context, thread);
                UkStacks.Unregister(context.StackId);
                context.StackId = -1;
                UkApi<IAllocator>.Instance!.Free(context.Stack);
                context.Stack = null;
            }
        }

        /// <summary>Panics when the canary at the bottom of <paramref name="thread"/>'s stack was overwritten.</summary>
        private static void CheckCanary(Context context, UkThread thread)
        {
            // Safe: Stack is the live block Start allocated (null for the boot thread, whose stack is the platform's).
            if (context.Stack != null && !context.Guarded && *(ulong*)((byte*)context.Stack + GuardSize - sizeof(ulong)) != Canary)
                Panic("ukschedcoop: thread '" + thread.Name + "' overran its " + StackSize.ToString() + "-byte stack (the canary at its bottom was overwritten)");
        }

        /// <summary>Waits for the first sleeper through the platform; without <see cref="IPlatformSleep"/> the scheduler polls the clock.</summary>
        public static void Idle(long nanoseconds)
        {
            IPlatformSleep? sleep = UkApi<IPlatformSleep>.Instance;
            if (sleep != null && nanoseconds > 0) sleep.Sleep(nanoseconds);
        }

        public static long MonotonicNow()
        {
            Panic("ukschedcoop: Sleep(): no IClock is bound; the platform library provides it");
            return 0;
        }

        public static void Panic(string message) => throw new InvalidOperationException(message);
    }
}
#endif
