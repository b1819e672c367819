using Compose.Libraries.UkSched;

namespace Compose.Libraries.UkLock
{
    /// <summary>
    /// A recursive mutex (Unikraft's <c>uk_mutex</c>): the owner may lock it again and must unlock it as often.
    /// Waiters queue in FIFO order and an unlock hands the mutex straight to the first of them.
    /// </summary>
    public sealed class UkMutex
    {
        private readonly ISched? _sched;
        private WaitQueue _waiters;
        private UkThread? _owner;
        private int _depth;
        private string _lastError = "";

        /// <summary>Creates an unlocked mutex over <paramref name="sched"/> (null: the bound scheduler).</summary>
        public UkMutex(ISched? sched = null) { _sched = sched; }

        /// <summary>The holder, or null.</summary>
        public UkThread? Owner => _owner;

        /// <summary>How many times the owner holds it.</summary>
        public int Depth => _depth;

        /// <summary>The message of the last misuse, naming the library and the call ("" when none).</summary>
        public string LastError => _lastError;

        /// <summary>Takes the mutex, blocking while another thread holds it.</summary>
        public void Lock()
        {
            ISched sched = UkLockLibrary.Resolve(_sched);
            UkThread self = sched.Current;
            if (_owner == null) { _owner = self; _depth = 1; return; }
            if (_owner == self) { _depth++; return; }
            _waiters.Enqueue(self);
            sched.Block();   // Unlock hands the mutex over before waking us
        }

        /// <summary>Takes the mutex if that needs no waiting.</summary>
        public bool TryLock()
        {
            UkThread self = UkLockLibrary.Resolve(_sched).Current;
            if (_owner == null) { _owner = self; _depth = 1; return true; }
            if (_owner == self) { _depth++; return true; }
            return false;
        }

        /// <summary>Releases one level of the caller's hold; an error, changing nothing, when the caller does not hold it.</summary>
        public LockError Unlock()
        {
            ISched sched = UkLockLibrary.Resolve(_sched);
            UkThread self = sched.Current;
            if (_owner != self)
            {
                LockError error = _owner == null ? LockError.NotHeld : LockError.NotOwner;
                _lastError = UkLockLibrary.Name + ": Mutex.Unlock() by thread '" + self.Name + "': "
                    + (_owner == null ? "the mutex is not locked" : "the mutex is held by thread '" + _owner.Name + "'");
                return error;
            }
            if (--_depth > 0) return LockError.None;
            _owner = _waiters.Dequeue();
            if (_owner != null)
            {
                _depth = 1;
                sched.Wake(_owner);
            }
            return LockError.None;
        }

        /// <summary>Releases the caller's whole hold for a condition wait; returns the depth to restore.</summary>
        internal int ReleaseAll()
        {
            int depth = _depth;
            _depth = 1;
            Unlock();
            return depth;
        }

        /// <summary>Takes the mutex back after a condition wait with the depth it had.</summary>
        internal void Reacquire(int depth)
        {
            Lock();
            _depth = depth;
        }
    }
}
