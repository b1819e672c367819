using Compose.Libraries.UkSched;

namespace Compose.Libraries.UkLock
{
    /// <summary>A condition variable used with a <see cref="UkMutex"/> (Unikraft's <c>uk_waitq</c> pattern).</summary>
    public sealed class UkCondition
    {
        private readonly ISched? _sched;
        private WaitQueue _waiters;
        private string _lastError = "";

        /// <summary>Creates a condition over <paramref name="sched"/> (null: the bound scheduler).</summary>
        public UkCondition(ISched? sched = null) { _sched = sched; }

        /// <summary>The message of the last misuse, naming the library and the call ("" when none).</summary>
        public string LastError => _lastError;

        /// <summary>
        /// Releases <paramref name="mutex"/> (which the caller must hold), blocks until signalled, and takes the mutex
        /// back before returning. An error, without waiting, when the caller does not hold the mutex.
        /// </summary>
        public LockError Wait(UkMutex mutex)
        {
            ISched sched = UkLockLibrary.Resolve(_sched);
            UkThread self = sched.Current;
            if (mutex.Owner != self)
            {
                _lastError = UkLockLibrary.Name + ": Condition.Wait() by thread '" + self.Name + "': the caller does not hold the mutex";
                return LockError.NotOwner;
            }
            _waiters.Enqueue(self);
            int depth = mutex.ReleaseAll();
            sched.Block();
            mutex.Reacquire(depth);
            return LockError.None;
        }

        /// <summary>Wakes the longest waiting thread, if any.</summary>
        public void Signal()
        {
            UkThread? waiter = _waiters.Dequeue();
            if (waiter != null) UkLockLibrary.Resolve(_sched).Wake(waiter);
        }

        /// <summary>Wakes every waiting thread.</summary>
        public void Broadcast()
        {
            ISched sched = UkLockLibrary.Resolve(_sched);
            for (UkThread? waiter = _waiters.Dequeue(); waiter != null; waiter = _waiters.Dequeue()) sched.Wake(waiter);
        }
    }
}
