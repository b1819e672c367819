namespace Compose.Libraries.UkLock
{
    /// <summary>
    /// A spinlock for the single CPU of a cooperative scheduler (Unikraft's <c>uk_spinlock</c> without SMP): nothing can
    /// release it while its taker spins, so taking a held lock is reported as a deadlock instead of spinning forever.
    /// </summary>
    public sealed class UkSpinlock
    {
        private bool _held;
        private string _lastError = "";

        /// <summary>Whether it is held.</summary>
        public bool IsHeld => _held;

        /// <summary>The message of the last misuse, naming the library and the call ("" when none).</summary>
        public string LastError => _lastError;

        /// <summary>Takes the lock; <see cref="LockError.WouldDeadlock"/> when it is already held.</summary>
        public LockError Acquire()
        {
            if (_held)
            {
                _lastError = UkLockLibrary.Name + ": Spinlock.Acquire(): already held; on one cooperative CPU this spins forever";
                return LockError.WouldDeadlock;
            }
            _held = true;
            return LockError.None;
        }

        /// <summary>Takes the lock if it is free.</summary>
        public bool TryAcquire()
        {
            if (_held) return false;
            _held = true;
            return true;
        }

        /// <summary>Releases the lock; <see cref="LockError.NotHeld"/> when it is not held.</summary>
        public LockError Release()
        {
            if (!_held)
            {
                _lastError = UkLockLibrary.Name + ": Spinlock.Release(): the spinlock is not held";
                return LockError.NotHeld;
            }
            _held = false;
            return LockError.None;
        }
    }
}
