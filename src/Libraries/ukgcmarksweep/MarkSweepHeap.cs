using Compose.Libraries.UkAlloc;

namespace Compose.Libraries.UkGcMarkSweep
{
    /// <summary>What one sweep found.</summary>
    public struct SweepResult
    {
        /// <summary>Objects freed.</summary>
        public ulong ObjectsFreed;

        /// <summary>Bytes freed (as allocated).</summary>
        public ulong BytesFreed;

        /// <summary>Objects left.</summary>
        public ulong ObjectsLive;
    }

    /// <summary>
    /// The mark-sweep engine, independent of where roots come from (so host tests drive it over synthetic objects):
    /// objects come from an <see cref="IAllocator"/> that can free, each start is recorded in an object-start
    /// bitmap over the heap's address range, marking uses a second bitmap and a bounded mark stack (when it
    /// overflows, the marked objects are re-traced until nothing new is found), and the sweep gives every
    /// unmarked object back to the allocator. Small objects (up to <see cref="SmallLimit"/> bytes) are kept instead
    /// in free lists, one per 16-byte size class, that later allocations of that class take first: allocation and
    /// sweep are then a list pop and push instead of an allocator call. The lists go back to the allocator when it
    /// runs out (<see cref="ReleaseFreeLists"/>), so no memory is stranded in the wrong class. Not thread-safe: the
    /// caller stops the world (uksched is cooperative).
    /// </summary>
    public sealed unsafe class MarkSweepHeap
    {
        private readonly IAllocator _allocator;
        private readonly GranuleBitmap _starts;
        private readonly GranuleBitmap _marks;
        private readonly nuint* _stack;
        private readonly nuint* _free;            // SmallClasses list heads: class c holds blocks of at least 16 * (c + 1) bytes
        private readonly int _stackCapacity;
        private int _stackTop;
        private bool _overflowed;

        /// <summary>The largest object size kept in a size-class free list by the sweep.</summary>
        public const int SmallLimit = 256;

        private const int SmallClasses = SmallLimit / GranuleBitmap.Granule;

        private MarkSweepHeap(IAllocator allocator, GranuleBitmap starts, GranuleBitmap marks, nuint* stack, int stackCapacity, nuint* free)
        {
            _allocator = allocator;
            _free = free;
            _starts = starts;
            _marks = marks;
            _stack = stack;
            _stackCapacity = stackCapacity;
        }

        /// <summary>
        /// A heap whose objects come from <paramref name="allocator"/> and lie in [<paramref name="start"/>,
        /// <paramref name="end"/>); its bitmaps and mark stack are taken from the allocator. Null when that fails.
        /// </summary>
        public static MarkSweepHeap? Create(IAllocator allocator, nuint start, nuint end, int markStackCapacity)
        {
            start &= ~(nuint)(GranuleBitmap.Granule - 1);
            nuint words = GranuleBitmap.WordsFor(end - start);
            void* startBits = allocator.Calloc(words, 8);
            void* markBits = allocator.Calloc(words, 8);
            void* stack = allocator.Calloc((nuint)markStackCapacity, (nuint)sizeof(nuint));
            void* free = allocator.Calloc(SmallClasses, (nuint)sizeof(nuint));
            if (startBits == null || markBits == null || stack == null || free == null)
            {
                allocator.Free(startBits);
                allocator.Free(markBits);
                allocator.Free(stack);
                allocator.Free(free);
                return null;
            }
            return new MarkSweepHeap(allocator,
                new GranuleBitmap(start, end - start, (ulong*)startBits),
                new GranuleBitmap(start, end - start, (ulong*)markBits),
                (nuint*)stack, markStackCapacity, (nuint*)free);
        }

        /// <summary>First address objects may have.</summary>
        public nuint Start => _starts.Base;

        /// <summary>End of the range objects may have.</summary>
        public nuint End => _starts.Base + _starts.Length;

        /// <summary>Bytes of the heap's own bookkeeping (two bitmaps and the mark stack).</summary>
        public nuint OverheadBytes => 2 * _starts.WordCount * 8 + (nuint)(_stackCapacity + SmallClasses) * (nuint)sizeof(nuint);

        /// <summary>Bytes of dead small objects kept in the size-class free lists (not in the allocator).</summary>
        public ulong BytesInFreeLists { get; private set; }

        /// <summary>Bytes of objects currently allocated (live or not yet swept).</summary>
        public ulong BytesInObjects { get; private set; }

        /// <summary>Times the mark stack overflowed (and marked objects were re-traced).</summary>
        public ulong MarkStackOverflows { get; private set; }

        /// <summary>
        /// Allocates <paramref name="size"/> zeroed bytes (a multiple of 16) for an object and records its start.
        /// Null when the allocator has no memory. <paramref name="outOfRange"/> is set when the allocator returned
        /// memory outside the heap's range or not 16-byte aligned (the block is given back; a configuration error).
        /// </summary>
        public void* Allocate(nuint size, out bool outOfRange)
        {
            outOfRange = false;
            if (size >= GranuleBitmap.Granule && size <= SmallLimit)
            {
                nuint* head = _free + (size / GranuleBitmap.Granule - 1);
                nuint block = *head;
                if (block != 0)
                {
                    // Safe: the block is a swept object of this class inside the heap range, at least size bytes long.
                    *head = *(nuint*)block;
                    for (ulong* word = (ulong*)block, end = (ulong*)(block + size); word < end; word++) *word = 0;
                    _starts.Set(block);
                    BytesInFreeLists -= size;
                    BytesInObjects += size;
                    return (void*)block;
                }
            }
            void* memory = _allocator.Calloc(1, size);
            if (memory == null && ReleaseFreeLists() != 0) memory = _allocator.Calloc(1, size);
            if (memory == null) return null;
            nuint at = (nuint)memory;
            if (!_starts.Covers(at) || !_starts.Covers(at + size - 1) || (at & (GranuleBitmap.Granule - 1)) != 0)
            {
                _allocator.Free(memory);
                outOfRange = true;
                return null;
            }
            _starts.Set(at);
            BytesInObjects += size;
            return memory;
        }

        /// <summary>Whether <paramref name="address"/> is the start of an object of this heap.</summary>
        public bool IsObjectStart(nuint address) => _starts.IsSet(address);

        /// <summary>Whether <paramref name="obj"/> (an object start) is marked.</summary>
        public bool IsMarked(nuint obj) => _marks.IsSet(obj);

        /// <summary>
        /// The start of the heap object that contains <paramref name="address"/> (its start, an interior address or
        /// its padding), or 0: a conservative root's test.
        /// </summary>
        public nuint FindObject(nuint address)
        {
            if (!_starts.Covers(address)) return 0;
            nuint start = _starts.FindAtOrBelow(address);
            if (start == 0) return 0;
            return address < start + GcLayout.AllocatedSize(start) ? start : 0;
        }

        /// <summary>A precise reference (a static or a field): marks its object when it is a heap object start.</summary>
        public void MarkReference(nuint value)
        {
            if (_starts.IsSet(value)) Mark(value);
        }

        /// <summary>A word that may be a reference or an interior pointer (stacks, registers, frozen data).</summary>
        public void MarkConservative(nuint value)
        {
            nuint obj = FindObject(value);
            if (obj != 0) Mark(obj);
        }

        /// <summary>Every 8-byte aligned word of [<paramref name="from"/>, <paramref name="to"/>) as a conservative root.</summary>
        public void ScanConservative(nuint from, nuint to)
        {
            for (nuint at = (from + 7) & ~(nuint)7; at + 8 <= to; at += 8) MarkConservative(*(nuint*)at);
        }

        /// <summary>Marks what the fields of <paramref name="obj"/> (any object, e.g. outside the heap) refer to.</summary>
        public void TraceFields(nuint obj)
        {
            var visitor = new MarkVisitor(this);
            GcLayout.VisitReferences(obj, ref visitor);
        }

        private void Mark(nuint obj)
        {
            if (_marks.IsSet(obj)) return;
            _marks.Set(obj);
            if (!GcLayout.HasPointers(*(byte**)obj)) return;
            if (_stackTop == _stackCapacity)
            {
                _overflowed = true;
                return;
            }
            _stack[_stackTop++] = obj;
        }

        /// <summary>Traces everything reachable from what was marked so far.</summary>
        public void Drain()
        {
            while (true)
            {
                while (_stackTop > 0) TraceFields(_stack[--_stackTop]);
                if (!_overflowed) return;
                // Some marked objects were not pushed: trace every marked object again (new marks get pushed).
                _overflowed = false;
                MarkStackOverflows++;
                for (nuint w = 0; w < _marks.WordCount; w++)
                {
                    ulong word = _marks.Word(w);
                    while (word != 0)
                    {
                        int bit = BitOps.LowestSetBit(word);
                        word &= word - 1;
                        TraceFields(_marks.AddressOf(w, bit));
                        while (_stackTop > 0) TraceFields(_stack[--_stackTop]);
                    }
                }
            }
        }

        /// <summary>Frees every unmarked object, clears the marks and returns what was freed.</summary>
        public SweepResult Sweep()
        {
            SweepResult result = default;
            for (nuint w = 0; w < _starts.WordCount; w++)
            {
                ulong starts = _starts.Word(w);
                if (starts == 0) continue;
                ulong marks = _marks.Word(w);
                ulong dead = starts & ~marks;
                result.ObjectsLive += (ulong)PopCount(starts & marks);
                while (dead != 0)
                {
                    int bit = BitOps.LowestSetBit(dead);
                    dead &= dead - 1;
                    nuint obj = _starts.AddressOf(w, bit);
                    nuint size = GcLayout.AllocatedSize(obj);
                    result.ObjectsFreed++;
                    result.BytesFreed += size;
                    if (size <= SmallLimit)
                    {
                        // Kept for the next allocation of its class; the link is the dead object's first word.
                        nuint* head = _free + (size / GranuleBitmap.Granule - 1);
                        *(nuint*)obj = *head;
                        *head = obj;
                        BytesInFreeLists += size;
                    }
                    else
                    {
                        _allocator.Free((void*)obj);
                    }
                }
                _starts.SetWord(w, starts & marks);
                _marks.SetWord(w, 0);
            }
            BytesInObjects -= result.BytesFreed;
            return result;
        }

        /// <summary>
        /// Gives every block of the size-class free lists back to the allocator (when it is out of memory, so that
        /// memory freed as small objects can serve any request) and returns the bytes released.
        /// </summary>
        public ulong ReleaseFreeLists()
        {
            ulong released = BytesInFreeLists;
            for (int c = 0; c < SmallClasses; c++)
            {
                nuint block = _free[c];
                _free[c] = 0;
                while (block != 0)
                {
                    nuint next = *(nuint*)block;
                    _allocator.Free((void*)block);
                    block = next;
                }
            }
            BytesInFreeLists = 0;
            return released;
        }

        private static int PopCount(ulong value)
        {
            int n = 0;
            while (value != 0) { value &= value - 1; n++; }
            return n;
        }

        private struct MarkVisitor : IReferenceVisitor
        {
            private readonly MarkSweepHeap _heap;

            public MarkVisitor(MarkSweepHeap heap) { _heap = heap; }

            public void Visit(nuint* slot) => _heap.MarkReference(*slot);
        }
    }
}
