namespace Compose.Platform
{
    /// <summary>
    /// Guard pages under thread stacks: the platform makes one page of memory the caller owns inaccessible, so that
    /// a thread running off the bottom of its stack faults there at once instead of overwriting whatever lies below,
    /// and its fault handler reports the fault as a stack overflow naming the thread. Provided by linuxu
    /// (<c>mprotect</c>) and kvm (the page's present bit, splitting a 2 MiB page into 4 KiB pages when needed); not by
    /// hosted, whose threads are OS threads with the host's own guard pages. Optional: a scheduler without it keeps
    /// a software canary instead.
    /// </summary>
    /// <remarks>
    /// The memory stays the caller's (it comes from the bound allocator), so the allocator's accounting and every
    /// region it manages are unchanged; the caller must call <see cref="Unprotect"/> before giving the memory back.
    /// </remarks>
    [UkApi]
    public interface IStackGuard
    {
        /// <summary>Bytes of one guard page; guard addresses are multiples of it.</summary>
        nuint PageSize { get; }

        /// <summary>
        /// Makes the <see cref="PageSize"/> bytes at <paramref name="guard"/> inaccessible and records that they guard
        /// the stack [<paramref name="guard"/> + <see cref="PageSize"/>, <paramref name="stackTop"/>) of the thread
        /// named <paramref name="owner"/>. Returns false, leaving the page as it was, when the platform cannot
        /// (an address it does not map with small pages, no page table left, a failed system call).
        /// </summary>
        bool Protect(nuint guard, nuint stackTop, string owner);

        /// <summary>Makes a page given to <see cref="Protect"/> accessible again and forgets its owner.</summary>
        void Unprotect(nuint guard);
    }
}
