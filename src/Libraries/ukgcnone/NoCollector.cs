using System;
using Compose.Libraries.UkAlloc;
using Compose.Libraries.UkGc;
using Compose.Platform;
#if UK_IMAGE
using System.Runtime;
#endif

namespace Compose.Libraries.UkGcNone
{
    /// <summary>
    /// The collector that never collects: objects come from the bound <see cref="IAllocator"/> and are never freed.
    /// Smallest and fastest, for short-lived images. Running out of memory is a panic that names the request, the
    /// heap size and the bytes in objects, and says that ukgcnone never frees.
    /// </summary>
    [UkLibrary("ukgcnone", Description = "Garbage collector that never frees objects", License = "BSD-3-Clause")]
    [Provides(typeof(IGarbageCollector))]
    [Requires(typeof(IAllocator))]
    public sealed class NoCollector : IGarbageCollector
    {
        private const string Library = "ukgcnone";
        private static ulong s_bytesAllocated;
        private static ulong s_heapSize;

        /// <inheritdoc/>
        public string Name => Library;

        /// <inheritdoc/>
        public bool FreesObjects => false;

        /// <summary>Images: routes <c>new</c> here (before ukboot's plain hand-over, which then steps aside).</summary>
        [UkInit(UkInitClass.Early, Priority = 8)]
        public static unsafe void Install()
        {
            if (UkApi<IGarbageCollector>.Instance is not NoCollector || UkApi<IAllocator>.Instance is null) return;
            s_heapSize = GcPanic.PlatformHeapSize();
#if UK_IMAGE
            UkObjectHeap.InstallAllocator(&Allocate);
#endif
        }

        /// <summary>Allocates <paramref name="size"/> zeroed bytes for an object; panics when the allocator has none.</summary>
        public static unsafe void* Allocate(nuint size)
        {
            void* memory = UkApi<IAllocator>.Instance!.Calloc(1, size);
            if (memory == null) OutOfMemory(size, s_heapSize, s_bytesAllocated);
            s_bytesAllocated += size;
            return memory;
        }

        /// <summary>The out-of-memory panic (a separate method so that tests can check the text).</summary>
        public static void OutOfMemory(nuint size, ulong heapSize, ulong bytesInObjects)
        {
            Span<byte> buffer = stackalloc byte[256];
            var message = new GcMessage(buffer);
            GcPanic.FormatOutOfMemory(ref message, Library, size, heapSize, bytesInObjects, "objects are never freed with ukgcnone");
            GcPanic.Fail(message);
        }

        /// <inheritdoc/>
        public void Collect()
        {
#if !UK_IMAGE
            ClrCollector.Collect();
#endif
        }

        /// <inheritdoc/>
        public GcStatistics Statistics
        {
            get
            {
#if UK_IMAGE
                return new GcStatistics { BytesAllocated = s_bytesAllocated, BytesLive = s_bytesAllocated, HeapSize = s_heapSize };
#else
                return ClrCollector.Read();
#endif
            }
        }

        /// <inheritdoc/>
        public int CopyRecentPauses(Span<long> destination)
        {
#if UK_IMAGE
            return 0;
#else
            return ClrCollector.CopyRecentPauses(destination);
#endif
        }
    }
}
