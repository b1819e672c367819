using Compose.Libraries.UkSched;

namespace Compose.Libraries.UkLock
{
    /// <summary>A counting semaphore (Unikraft's <c>uk_semaphore</c>); an Up with waiters hands the unit to the first.</summary>
    public sealed class UkSemaphore
    {
        private readonly ISched? _sched;
        private WaitQueue _waiters;
        private long _count;

        /// <summary>Creates a semaphore with <paramref name="count"/> units over <paramref name="sched"/> (null: the bound scheduler).</summary>
        public UkSemaphore(long count, ISched? sched = null)
        {
            _count = count < 0 ? 0 : count;
            _sched = sched;
        }

        /// <summary>Units available now.</summary>
        public long Count => _count;

        /// <summary>Takes a unit, blocking until one is available.</summary>
        public void Down()
        {
            if (_count > 0) { _count--; return; }
            ISched sched = UkLockLibrary.Resolve(_sched);
            _waiters.Enqueue(sched.Current);
            sched.Block();   // Up handed us its unit
        }

        /// <summary>Takes a unit if one is available now.</summary>
        public bool TryDown()
        {
            if (_count == 0) return false;
            _count--;
            return true;
        }

        /// <summary>Returns a unit, waking the first waiter if there is one.</summary>
        public void Up()
        {
            UkThread? waiter = _waiters.Dequeue();
            if (waiter != null) UkLockLibrary.Resolve(_sched).Wake(waiter);
            else _count++;
        }
    }
}
