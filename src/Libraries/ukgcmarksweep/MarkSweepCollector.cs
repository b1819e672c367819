using System;
using Compose.Libraries.UkAlloc;
using Compose.Libraries.UkAllocRegion;
using Compose.Libraries.UkGc;
using Compose.Platform;
#if UK_IMAGE
using System.Runtime;
#endif

namespace Compose.Libraries.UkGcMarkSweep
{
    /// <summary>
    /// Stop-the-world mark-sweep collector for images. Roots: the GC static bases (precise), the objects of the
    /// early arena (allocated before the collector was installed; never freed, their fields traced precisely),
    /// the frozen object regions of the image and every registered thread stack with the callee-saved registers
    /// (conservative: any word that points into a heap object, interior pointers included, keeps it alive).
    /// Objects are traced precisely through their MethodTable's GCDesc. The sweep frees dead objects to the bound
    /// <see cref="IAllocator"/>, which must be a freeing one (ukalloctlsf or ukallocbbuddy; ukallocregion is refused
    /// at boot). A collection runs when the bytes allocated since the last one exceed <c>THRESHOLD</c>, and before
    /// an allocation fails; if memory is still short after it, the image panics naming heap size and request.
    /// Finalizers are not run (there are none in images). Objects never move.
    /// </summary>
    [UkLibrary("ukgcmarksweep", Description = "Mark-sweep garbage collector (precise heap, conservative stacks)", License = "BSD-3-Clause")]
    [Provides(typeof(IGarbageCollector))]
    [Requires(typeof(IAllocator))]
    [Requires(typeof(IMemoryRegions))]
    [Requires(typeof(IClock), Optional = true)]
    [UkIntOption("THRESHOLD", 2 * 1024 * 1024, Min = 4096, Max = 1L << 40, Help = "Bytes allocated since the last collection that trigger the next one")]
    [UkIntOption("MARK_STACK", 16384, Min = 64, Max = 1 << 24, Help = "Entries of the mark stack (on overflow marked objects are re-traced)")]
    public sealed partial class MarkSweepCollector : IGarbageCollector
    {
        private const string Library = "ukgcmarksweep";

        private static MarkSweepCollector? s_active;
        private MarkSweepHeap? _heap;
        private IClock? _clock;
        private ulong _sinceLast;
        private ulong _threshold;
        private bool _collecting;
        private GcStatistics _stats;
        private readonly PauseLog _pauses = new PauseLog();

        /// <inheritdoc/>
        public string Name => Library;

        /// <inheritdoc/>
        public bool FreesObjects => true;

        /// <summary>The engine (null until installed, and on the hosted platform).</summary>
        public MarkSweepHeap? Heap => _heap;

        /// <summary>
        /// Images: builds the heap over the platform's memory regions and routes <c>new</c> here (before ukboot's
        /// plain hand-over, which then steps aside). Panics when the bound allocator is ukallocregion.
        /// </summary>
        [UkInit(UkInitClass.Early, Priority = 8)]
        public static unsafe void Install()
        {
#if UK_IMAGE
            if (UkApi<IGarbageCollector>.Instance is not MarkSweepCollector self) return;
            if (self.Attach(UkApi<IAllocator>.Instance, UkApi<IMemoryRegions>.Instance, UkApi<IClock>.Instance))
                UkObjectHeap.InstallAllocator(&AllocateObject);
#endif
        }

        /// <summary>
        /// Builds the heap over <paramref name="regions"/> with objects from <paramref name="allocator"/> and makes this
        /// the collector <c>new</c> reaches; false (nothing done) without an allocator or regions. Panics when the
        /// allocator is ukallocregion or has no room for the bitmaps.
        /// </summary>
        public bool Attach(IAllocator? allocator, IMemoryRegions? regions, IClock? clock)
        {
            MarkSweepCollector self = this;
            if (allocator == null || regions == null) return false;
            Span<byte> buffer = stackalloc byte[256];
            var message = new GcMessage(buffer);
            if (allocator is RegionAllocator)
            {
                message.Append("panic: ukgcmarksweep: the bound IAllocator is ukallocregion, which never frees; choose a freeing allocator (CONFIG_LIBUKALLOCTLSF=y or CONFIG_LIBUKALLOCBBUDDY=y)");
                GcPanic.Fail(message);
                return false;
            }
            nuint low = nuint.MaxValue, high = 0;
            ulong heapSize = 0;
            for (int i = 0; i < regions.Count; i++)
            {
                MemoryRegion r = regions[i];
                heapSize += r.Length;
                if (r.Length == 0) continue;
                if (r.Start < low) low = r.Start;
                if (r.Start + r.Length > high) high = r.Start + r.Length;
            }
            MarkSweepHeap? heap = high > low ? MarkSweepHeap.Create(allocator, low, high, (int)Options.MarkStack) : null;
            if (heap == null)
            {
                message.Append("panic: ukgcmarksweep: no memory for the object-start and mark bitmaps");
                GcPanic.Fail(message);
                return false;
            }
            self._heap = heap;
            self._clock = clock;
            self._threshold = (ulong)Options.Threshold;
            self._stats.HeapSize = heapSize;
            s_active = self;
            return true;
        }

        private static unsafe void* AllocateObject(nuint size) => s_active!.Allocate(size);

        /// <summary>Allocates an object of <paramref name="size"/> bytes, collecting first when the threshold is reached.</summary>
        public unsafe void* Allocate(nuint size)
        {
            MarkSweepHeap heap = _heap!;
            if (_collecting) Fatal("an object was allocated during a collection");
            if (_sinceLast + size > _threshold) Collect();
            void* memory = heap.Allocate(size, out bool outOfRange);
            if (memory == null && !outOfRange)
            {
                Collect();
                memory = heap.Allocate(size, out outOfRange);
            }
            if (outOfRange) Fatal("the allocator returned memory outside the platform's memory regions");
            if (memory == null) OutOfMemory(size, _stats.HeapSize, heap.BytesInObjects);
            _sinceLast += size;
            _stats.BytesAllocated += size;
            return memory;
        }

        /// <summary>The out-of-memory panic after a full collection.</summary>
        public static void OutOfMemory(nuint size, ulong heapSize, ulong bytesInObjects)
        {
            Span<byte> buffer = stackalloc byte[256];
            var message = new GcMessage(buffer);
            GcPanic.FormatOutOfMemory(ref message, Library, size, heapSize, bytesInObjects, "still short after a full collection");
            GcPanic.Fail(message);
        }

        private static void Fatal(string what)
        {
            Span<byte> buffer = stackalloc byte[256];
            var message = new GcMessage(buffer);
            message.Append("panic: ukgcmarksweep: ");
            message.Append(what);
            GcPanic.Fail(message);
        }

        /// <inheritdoc/>
        public void Collect()
        {
#if UK_IMAGE
            MarkSweepHeap? heap = _heap;
            if (heap == null || _collecting) return;
            _collecting = true;
            long start = _clock != null ? _clock.MonotonicNanoseconds : 0;
            ImageRoots.Mark(heap);
            heap.Drain();
            SweepResult swept = heap.Sweep();
            long pause = _clock != null ? _clock.MonotonicNanoseconds - start : 0;
            _stats.Collections++;
            _stats.BytesFreed += swept.BytesFreed;
            _stats.ObjectsFreed += swept.ObjectsFreed;
            _stats.BytesLive = heap.BytesInObjects;
            _stats.LastPauseNanoseconds = pause;
            _stats.TotalPauseNanoseconds += pause;
            if (pause > _stats.MaxPauseNanoseconds) _stats.MaxPauseNanoseconds = pause;
            _pauses.Add(pause);
            _sinceLast = 0;
            _collecting = false;
#else
            _collecting = false;
            ClrCollector.Collect();
#endif
        }

        /// <inheritdoc/>
        public GcStatistics Statistics
        {
            get
            {
#if UK_IMAGE
                return _stats;
#else
                return ClrCollector.Read();
#endif
            }
        }

        /// <inheritdoc/>
        public int CopyRecentPauses(Span<long> destination)
        {
#if UK_IMAGE
            return _pauses.CopyTo(destination);
#else
            return ClrCollector.CopyRecentPauses(destination);
#endif
        }
    }
}
