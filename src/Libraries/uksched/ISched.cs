using System.ComponentModel;

namespace Compose.Libraries.UkSched
{
    /// <summary>The code a thread runs (Unikraft's <c>uk_thread_fn1_t</c>); an interface, so images need no delegates.</summary>
    public interface IThreadBody
    {
        /// <summary>The thread's work; returning ends the thread like <see cref="ISched.Exit"/>.</summary>
        void Run();
    }

    /// <summary>Where a thread is in its life.</summary>
    public enum UkThreadState
    {
        /// <summary>In the run queue, waiting for its turn.</summary>
        Runnable = 0,

        /// <summary>The thread that runs now.</summary>
        Running = 1,

        /// <summary>Asleep until its wake-up time.</summary>
        Sleeping = 2,

        /// <summary>Waiting for another thread (join, locks).</summary>
        Blocked = 3,

        /// <summary>Finished; its resources go once it is joined.</summary>
        Exited = 4,
    }

    /// <summary>Outcome of a scheduler call that can be misused.</summary>
    public enum SchedError
    {
        /// <summary>Success.</summary>
        None = 0,

        /// <summary>The thread was already joined, or another thread is already waiting to join it.</summary>
        AlreadyJoined = 1,

        /// <summary>A thread tried to join itself.</summary>
        JoinSelf = 2,

        /// <summary>The thread belongs to another scheduler.</summary>
        ForeignThread = 3,
    }

    /// <summary>A thread of the scheduler (Unikraft's <c>struct uk_thread</c>).</summary>
    public sealed class UkThread
    {
        /// <summary>Number of per-thread slots.</summary>
        public const int SlotCount = 4;

        private object? _slot0, _slot1, _slot2, _slot3;

        /// <summary>Creates a thread record; schedulers call this, applications call <see cref="ISched.Create"/>.</summary>
        public UkThread(string name, int id, IThreadBody? body, object owner)
        {
            Name = name;
            Id = id;
            Body = body;
            Owner = owner;
        }

        /// <summary>The name given at creation.</summary>
        public string Name { get; }

        /// <summary>Unique per scheduler, in creation order; 0 is the thread that booted the scheduler.</summary>
        public int Id { get; }

        /// <summary>The code it runs (null for the boot thread).</summary>
        public IThreadBody? Body { get; }

        /// <summary>The scheduler that owns it.</summary>
        public object Owner { get; }

        /// <summary>Its state.</summary>
        public UkThreadState State { get; set; }

        /// <summary>Per-thread slot <paramref name="index"/> (0..<see cref="SlotCount"/>-1), for libraries' thread-local data.</summary>
        public object? GetSlot(int index) => index switch { 0 => _slot0, 1 => _slot1, 2 => _slot2, 3 => _slot3, _ => null };

        /// <summary>Sets per-thread slot <paramref name="index"/>; returns false for an index out of range.</summary>
        public bool SetSlot(int index, object? value)
        {
            switch (index)
            {
                case 0: _slot0 = value; return true;
                case 1: _slot1 = value; return true;
                case 2: _slot2 = value; return true;
                case 3: _slot3 = value; return true;
                default: return false;
            }
        }

        /// <summary>Scheduler-owned: the next thread in the queue this thread sits in.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public UkThread? QueueNext { get; set; }

        /// <summary>Scheduler-owned: the monotonic time (ns) a sleeping thread wakes at.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public long WakeAt { get; set; }

        /// <summary>Scheduler-owned: the thread waiting in <see cref="ISched.Join"/> for this one.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public UkThread? Joiner { get; set; }

        /// <summary>Scheduler-owned: whether a join has collected this thread.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public bool Joined { get; set; }

        /// <summary>Scheduler-owned: blocked in <see cref="ISched.Block"/> (so <see cref="ISched.Wake"/> applies), not in a join.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public bool InBlock { get; set; }

        /// <summary>Owned by the wait queue (lock, semaphore, condition) the blocked thread waits in: the next waiter.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public UkThread? WaitNext { get; set; }

        /// <summary>Scheduler-owned: the platform's context for this thread (stack and saved registers, or an OS thread).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public object? Context { get; set; }
    }

    /// <summary>The scheduler API (Unikraft's <c>uk_sched</c> plus <c>uk_thread</c> calls).</summary>
    [UkApi(DefaultProvider = "ukschedcoop")]
    public interface ISched
    {
        /// <summary>Creates a runnable thread that runs <paramref name="body"/>; it first runs when scheduled.</summary>
        UkThread Create(string name, IThreadBody body);

        /// <summary>Waits until <paramref name="thread"/> has exited and collects it; an error for misuse.</summary>
        SchedError Join(UkThread thread);

        /// <summary>Ends the calling thread; does not return.</summary>
        void Exit();

        /// <summary>Lets the other runnable threads run before the caller continues.</summary>
        void Yield();

        /// <summary>Suspends the caller for at least <paramref name="nanoseconds"/>.</summary>
        void Sleep(long nanoseconds);

        /// <summary>The calling thread.</summary>
        UkThread Current { get; }

        /// <summary>
        /// Blocks the calling thread until another calls <see cref="Wake"/> on it (Unikraft's
        /// <c>uk_thread_block</c>); the building block of locks and wait queues.
        /// </summary>
        void Block();

        /// <summary>Makes a thread blocked in <see cref="Block"/> runnable again; no effect on a thread that is not blocked there.</summary>
        void Wake(UkThread thread);

        /// <summary>The message of the last misuse detected, naming the library and the call ("" when none).</summary>
        string LastError { get; }
    }
}
