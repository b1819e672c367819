#if UK_IMAGE
using System.Runtime;

namespace Compose.Libraries.UkGcMarkSweep
{
    /// <summary>The roots of an image, from Uk.CoreLib's <see cref="UkGcRoots"/> and <see cref="UkStacks"/>.</summary>
    internal static unsafe class ImageRoots
    {
        /// <summary>Marks everything the roots refer to (the caller drains the mark stack).</summary>
        public static void Mark(MarkSweepHeap heap)
        {
            // Objects of the early arena (statics bases among them) are never freed: trace their fields.
            byte* at = UkGcRoots.EarlyArenaStart;
            byte* end = UkGcRoots.EarlyArenaUsedEnd;
            while (at < end && *(nuint*)at != 0)
            {
                heap.TraceFields((nuint)at);
                at += GcLayout.AllocatedSize((nuint)at);
            }
            int modules = UkGcRoots.ModuleCount;
            for (int m = 0; m < modules; m++)
            {
                // Each GC static cell holds its statics base object (set up by Uk.CoreLib's startup).
                byte* region = UkGcRoots.GetStaticRegion(m, out int length);
                for (int* block = (int*)region; region != null && block < (int*)(region + length); block++)
                {
                    nuint baseObject = *(nuint*)((byte*)block + *block);
                    if (baseObject == 0 || (baseObject & 3) != 0) continue;
                    if (heap.IsObjectStart(baseObject)) heap.MarkReference(baseObject);
                    else heap.TraceFields(baseObject);
                }
                // Frozen objects are not heap objects, but writable ones (arrays) may have been given references.
                byte* frozen = UkGcRoots.GetFrozenRegion(m, out int frozenLength);
                if (frozen != null) heap.ScanConservative((nuint)frozen, (nuint)(frozen + frozenLength));
            }
            ScanStacks(heap);
        }

        private static void ScanStacks(MarkSweepHeap heap)
        {
            nuint* registers = stackalloc nuint[6];
            nuint sp = UkStacks.CaptureRegisters(registers);
            bool onThreadStack = false;
            for (int i = 0; i < UkStacks.Count; i++)
            {
                if (!UkStacks.TryGet(i, out nuint low, out nuint high, out _)) continue;
                if (low != 0 && sp >= low && sp < high) onThreadStack = true;
            }
            if (!onThreadStack) heap.ScanConservative(sp, UkStacks.BootStackTop);
            for (int i = 0; i < UkStacks.Count; i++)
            {
                if (!UkStacks.TryGet(i, out nuint low, out nuint high, out nuint saved)) continue;
                bool boot = low == 0;
                if (!boot && sp >= low && sp < high)
                {
                    heap.ScanConservative(sp, high);
                    continue;
                }
                if (boot && !onThreadStack) continue;   // the boot stack is current: scanned above
                // A suspended thread: from its saved stack pointer (callee-saved registers pushed below the frame).
                if (saved == 0 || saved >= high || (!boot && saved < low)) continue;
                heap.ScanConservative(saved, high);
            }
        }
    }
}
#endif
