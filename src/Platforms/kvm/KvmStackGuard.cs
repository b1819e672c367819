using Compose.Platform;

namespace Compose.Platforms.Kvm
{
    /// <summary>
    /// Guard pages on kvm (<see cref="IStackGuard"/>): the page's present bit in the identity map, cleared by
    /// boot/paging.S, which first splits the 2 MiB page holding it into 4 KiB pages (a split uses one of
    /// <c>KVM_SPLIT_PT_COUNT</c> page tables in bss, and stays). The guard and the stack above it go into the guard
    /// registry (arch/x86_64/ukguard.S), so boot/traps.S reports a page fault there as that thread's stack overflow.
    /// Exceptions run on the trap stack (IST1), so the report does not need the overflowed stack.
    /// </summary>
    public sealed partial class KvmPlatform : IStackGuard
    {
        /// <summary>4 KiB pages.</summary>
        public nuint PageSize => 4096;

        /// <summary>Clears the page's present bit and records the guard; false when the page cannot be split or is not mapped.</summary>
        public unsafe bool Protect(nuint guard, nuint stackTop, string owner)
        {
            if ((guard & (PageSize - 1)) != 0 || stackTop <= guard + PageSize) return false;
            if (Native.PageSetPresent(guard, 0) != 0) return false;
            fixed (char* name = owner)
            {
                // Safe: name points at the pinned string's owner.Length characters, which the registry copies.
                Native.GuardAdd(guard, guard + PageSize, stackTop, name, (nuint)owner.Length);
            }
            return true;
        }

        /// <summary>Forgets the guard and makes the page present again (it stays a 4 KiB page).</summary>
        public void Unprotect(nuint guard)
        {
            Native.GuardRemove(guard);
            Native.PageSetPresent(guard, 1);
        }
    }
}
