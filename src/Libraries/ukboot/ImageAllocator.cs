#if UK_IMAGE
using System.Runtime;
using Compose.Libraries.UkAlloc;

namespace Compose.Libraries.UkBoot
{
    public static partial class UkBootLibrary
    {
        /// <summary>
        /// Images only: from here on <c>new</c> takes memory from the bound allocator instead of Uk.CoreLib's early
        /// arena. Last of the early init functions, so the allocator has its memory regions by then.
        /// </summary>
        [UkInit(UkInitClass.Early, Priority = 9)]
        public static unsafe void InstallObjectAllocator()
        {
            // A garbage collector library (ukgcnone, ukgcmarksweep) installs its own allocation path earlier.
            if (UkApi<IAllocator>.Instance is null || UkObjectHeap.HasAllocator) return;
            UkObjectHeap.InstallAllocator(&AllocateObject);
        }

        private static unsafe void* AllocateObject(nuint size) => UkApi<IAllocator>.Instance!.Calloc(1, size);
    }
}
#endif
