using Compose.Libraries.UkSched;

namespace Compose.Libraries.UkLock
{
    /// <summary>The uklock library: spinlock, mutex, semaphore and condition variable over the bound scheduler.</summary>
    [UkLibrary("uklock", Description = "Spinlock, mutex, semaphore and condition variable on uksched", License = "BSD-3-Clause")]
    [Requires(typeof(ISched))]
    public static class UkLockLibrary
    {
        internal const string Name = "uklock";

        /// <summary>The scheduler a primitive uses: its own, else the bound one.</summary>
        internal static ISched Resolve(ISched? own)
        {
            ISched? sched = own ?? UkApi<ISched>.Instance;
            if (sched == null) throw new System.InvalidOperationException(Name + ": no scheduler: bind an ISched provider (ukschedcoop) or pass one");
            return sched;
        }
    }

    /// <summary>What a lock call found wrong.</summary>
    public enum LockError
    {
        /// <summary>Success.</summary>
        None = 0,

        /// <summary>The calling thread does not hold the lock it tried to release or wait with.</summary>
        NotOwner = 1,

        /// <summary>The lock is not held at all.</summary>
        NotHeld = 2,

        /// <summary>Taking the lock would block forever (a spinlock held on a single cooperative CPU).</summary>
        WouldDeadlock = 3,
    }

    /// <summary>FIFO of threads blocked on a primitive, linked through <see cref="UkThread.WaitNext"/>.</summary>
    internal struct WaitQueue
    {
        private UkThread? _head, _tail;

        public bool IsEmpty => _head == null;

        public void Enqueue(UkThread thread)
        {
            thread.WaitNext = null;
            if (_tail == null) _head = thread;
            else _tail.WaitNext = thread;
            _tail = thread;
        }

        public UkThread? Dequeue()
        {
            UkThread? thread = _head;
            if (thread == null) return null;
            _head = thread.WaitNext;
            if (_head == null) _tail = null;
            thread.WaitNext = null;
            return thread;
        }
    }
}
