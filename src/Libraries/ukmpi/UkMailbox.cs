using Compose.Libraries.UkLock;
using Compose.Libraries.UkSched;

namespace Compose.Libraries.UkMpi
{
    /// <summary>The ukmpi library: bounded mailboxes between threads.</summary>
    [UkLibrary("ukmpi", Description = "Bounded mailboxes with blocking and non-blocking post and fetch", License = "BSD-3-Clause")]
    [Requires(typeof(ISched))]
    [Requires(typeof(UkLockLibrary))]
    public static class UkMpiLibrary
    {
    }

    /// <summary>
    /// A bounded FIFO mailbox (Unikraft's <c>uk_mbox</c>): <see cref="Post"/> blocks while it is full,
    /// <see cref="Fetch"/> while it is empty; the Try forms never block. Two semaphores count the free and the
    /// used slots, so every message is fetched exactly once and in posting order.
    /// </summary>
    /// <typeparam name="T">The message type.</typeparam>
    public sealed class UkMailbox<T>
    {
        private readonly T[] _slots;
        private readonly UkSemaphore _free;
        private readonly UkSemaphore _used;
        private int _head, _tail;

        /// <summary>Creates a mailbox of <paramref name="capacity"/> (at least 1) slots over <paramref name="sched"/> (null: the bound scheduler).</summary>
        public UkMailbox(int capacity, ISched? sched = null)
        {
            if (capacity < 1) capacity = 1;
            _slots = new T[capacity];
            _free = new UkSemaphore(capacity, sched);
            _used = new UkSemaphore(0, sched);
        }

        /// <summary>How many messages it can hold.</summary>
        public int Capacity => _slots.Length;

        /// <summary>Messages waiting to be fetched and not yet claimed by a woken fetcher.</summary>
        public long Count => _used.Count;

        /// <summary>Posts <paramref name="message"/>, blocking while the mailbox is full.</summary>
        public void Post(T message)
        {
            _free.Down();
            Put(message);
        }

        /// <summary>Posts <paramref name="message"/> if there is room now.</summary>
        public bool TryPost(T message)
        {
            if (!_free.TryDown()) return false;
            Put(message);
            return true;
        }

        /// <summary>Takes the oldest message, blocking while the mailbox is empty.</summary>
        public T Fetch()
        {
            _used.Down();
            return Take();
        }

        /// <summary>Takes the oldest message if there is one now.</summary>
        public bool TryFetch(out T message)
        {
            if (!_used.TryDown())
            {
                message = default!;
                return false;
            }
            message = Take();
            return true;
        }

        private void Put(T message)
        {
            _slots[_tail] = message;
            _tail = _tail + 1 == _slots.Length ? 0 : _tail + 1;
            _used.Up();
        }

        private T Take()
        {
            T message = _slots[_head];
            _slots[_head] = default!;
            _head = _head + 1 == _slots.Length ? 0 : _head + 1;
            _free.Up();
            return message;
        }
    }
}
