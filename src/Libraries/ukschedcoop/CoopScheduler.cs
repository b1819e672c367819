using Compose.Libraries.UkAlloc;
using Compose.Libraries.UkSched;
using Compose.Platform;

namespace Compose.Libraries.UkSchedCoop
{
    /// <summary>
    /// Cooperative round-robin scheduler, Unikraft's ukschedcoop: a thread runs until it yields, sleeps, blocks or
    /// exits; the next runnable thread in FIFO order runs then, and sleepers whose wake-up time has passed re-enter
    /// the run queue (in wake-up order) whenever the scheduler picks. With nothing runnable it idles until the first
    /// sleeper is due. The thread that first calls the scheduler becomes thread 0, "main".
    /// On <c>hosted</c> every thread is an OS thread and the running one holds a baton the others wait for
    /// (<c>ThreadContexts</c>), so exactly one runs at a time; in images (linuxu, kvm) the platform's assembly switches
    /// stacks allocated from the bound <see cref="IAllocator"/> (with a guard page under each where the platform
    /// provides <see cref="IStackGuard"/>, else a canary) and idling goes through <see cref="IPlatformSleep"/>.
    /// </summary>
    [UkLibrary("ukschedcoop", Description = "Cooperative round-robin scheduler", License = "BSD-3-Clause")]
    [Provides(typeof(ISched))]
    [Requires(typeof(IClock), Optional = true)]
    [Requires(typeof(IPlatformSleep), Optional = true)]
    [Requires(typeof(IStackGuard), Optional = true)]
    [Requires(typeof(IAllocator))]
    public sealed class CoopScheduler : ISched
    {
        private const string Library = "ukschedcoop";

        private UkThread? _current;
        private UkThread? _runHead, _runTail;
        private UkThread? _sleepers;   // sorted by WakeAt, FIFO among equal times
        private int _nextId;
        private string _lastError = "";

        /// <summary>The clock for sleeps; null means the platform's <see cref="IClock"/>, else the host's.</summary>
        public IClock? Clock { get; set; }

        /// <inheritdoc/>
        public string LastError => _lastError;

        /// <inheritdoc/>
        public UkThread Current => Adopt();

        /// <inheritdoc/>
        public UkThread Create(string name, IThreadBody body)
        {
            Adopt();
            var thread = new UkThread(name, _nextId++, body, this);
            thread.State = UkThreadState.Runnable;
            thread.Context = ThreadContexts.Start(this, thread);
            Enqueue(thread);
            return thread;
        }

        /// <inheritdoc/>
        public SchedError Join(UkThread thread)
        {
            UkThread self = Adopt();
            SchedError error = SchedError.None;
            if (thread.Owner != this) error = SchedError.ForeignThread;
            else if (thread == self) error = SchedError.JoinSelf;
            else if (thread.Joined || thread.Joiner != null) error = SchedError.AlreadyJoined;
            if (error != SchedError.None)
            {
                _lastError = Library + ": Join(thread '" + thread.Name + "'): " + Describe(error);
                return error;
            }
            if (thread.State != UkThreadState.Exited)
            {
                thread.Joiner = self;
                self.State = UkThreadState.Blocked;
                SwitchAway(self, "Join");
            }
            thread.Joiner = null;
            thread.Joined = true;
            ThreadContexts.Release(thread);
            thread.Context = null;
            return SchedError.None;
        }

        /// <inheritdoc/>
        public void Exit()
        {
            UkThread self = Adopt();
            Finish(self);
            ThreadContexts.EndCurrent(self);
        }

        /// <inheritdoc/>
        public void Yield()
        {
            UkThread self = Adopt();
            WakeDue();
            if (_runHead == null) return;
            self.State = UkThreadState.Runnable;
            Enqueue(self);
            SwitchAway(self, "Yield");
        }

        /// <inheritdoc/>
        public void Sleep(long nanoseconds)
        {
            UkThread self = Adopt();
            self.WakeAt = Now() + (nanoseconds > 0 ? nanoseconds : 0);
            self.State = UkThreadState.Sleeping;
            InsertSleeper(self);
            SwitchAway(self, "Sleep");
        }

        /// <inheritdoc/>
        public void Block()
        {
            UkThread self = Adopt();
            self.State = UkThreadState.Blocked;
            self.InBlock = true;
            SwitchAway(self, "Block");
        }

        /// <inheritdoc/>
        public void Wake(UkThread thread)
        {
            if (thread.Owner != this || thread.State != UkThreadState.Blocked || !thread.InBlock) return;
            thread.InBlock = false;
            thread.State = UkThreadState.Runnable;
            Enqueue(thread);
        }

        /// <summary>Runs a new thread's body once it first holds the baton, then ends it. Called by the context.</summary>
        internal void RunBody(UkThread thread)
        {
            thread.Body!.Run();
        }

        /// <summary>Records that <paramref name="thread"/>'s body failed with <paramref name="what"/>.</summary>
        internal void RecordFailure(UkThread thread, string what)
        {
            _lastError = Library + ": thread '" + thread.Name + "' failed: " + what;
        }

        /// <summary>Marks <paramref name="self"/> exited, wakes its joiner and hands the CPU on without waiting.</summary>
        internal void Finish(UkThread self)
        {
            self.State = UkThreadState.Exited;
            if (self.Joiner != null)
            {
                self.Joiner.State = UkThreadState.Runnable;
                Enqueue(self.Joiner);
            }
            UkThread next = PickNext("Exit");
            _current = next;
            next.State = UkThreadState.Running;
            ThreadContexts.Resume(next);
        }

        private UkThread Adopt()
        {
            if (_current != null) return _current;
            var main = new UkThread("main", 0, null, this);
            main.State = UkThreadState.Running;
            main.Context = ThreadContexts.ForCallingThread();
            _nextId = 1;
            _current = main;
            return main;
        }

        /// <summary>Gives the CPU to the next thread and returns when <paramref name="self"/> is picked again.</summary>
        private void SwitchAway(UkThread self, string call)
        {
            UkThread next = PickNext(call);
            _current = next;
            next.State = UkThreadState.Running;
            if (next == self) return;
            ThreadContexts.Switch(self, next);
        }

        /// <summary>The next thread to run: the run queue's head after waking due sleepers, idling while only sleepers exist.</summary>
        private UkThread PickNext(string call)
        {
            while (true)
            {
                WakeDue();
                if (_runHead != null)
                {
                    UkThread next = _runHead;
                    _runHead = next.QueueNext;
                    if (_runHead == null) _runTail = null;
                    next.QueueNext = null;
                    return next;
                }
                if (_sleepers == null)
                {
                    _lastError = Library + ": " + call + "(): deadlock: no thread is runnable or sleeping";
                    ThreadContexts.Panic(_lastError);
                }
                ThreadContexts.Idle(_sleepers!.WakeAt - Now());
            }
        }

        /// <summary>Moves the sleepers whose time has come to the run queue (reads the clock only when someone sleeps).</summary>
        private void WakeDue()
        {
            if (_sleepers == null) return;
            long now = Now();
            while (_sleepers != null && _sleepers.WakeAt <= now)
            {
                UkThread woken = _sleepers;
                _sleepers = woken.QueueNext;
                woken.QueueNext = null;
                woken.State = UkThreadState.Runnable;
                Enqueue(woken);
            }
        }

        private void Enqueue(UkThread thread)
        {
            thread.QueueNext = null;
            if (_runTail == null) _runHead = thread;
            else _runTail.QueueNext = thread;
            _runTail = thread;
        }

        private void InsertSleeper(UkThread thread)
        {
            if (_sleepers == null || thread.WakeAt < _sleepers.WakeAt)
            {
                thread.QueueNext = _sleepers;
                _sleepers = thread;
                return;
            }
            UkThread at = _sleepers;
            while (at.QueueNext != null && at.QueueNext.WakeAt <= thread.WakeAt) at = at.QueueNext;
            thread.QueueNext = at.QueueNext;
            at.QueueNext = thread;
        }

        private long Now()
        {
            IClock? clock = Clock ?? UkApi<IClock>.Instance;
            return clock != null ? clock.MonotonicNanoseconds : ThreadContexts.MonotonicNow();
        }

        private static string Describe(SchedError error)
        {
            switch (error)
            {
                case SchedError.AlreadyJoined: return "the thread was already joined, or another thread waits to join it";
                case SchedError.JoinSelf: return "a thread cannot join itself";
                case SchedError.ForeignThread: return "the thread belongs to another scheduler";
                default: return "no error";
            }
        }
    }
}
