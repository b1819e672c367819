using System;
using Compose.Libraries.UkAllocRegion;
using Compose.Libraries.UkAllocTlsf;
using Compose.Libraries.UkGc;
using Compose.Libraries.UkGcMarkSweep;
using Compose.Libraries.UkGcNone;
using Compose.Platform;
using System.Runtime.InteropServices;

namespace Compose.Gc.Tests
{
    public sealed unsafe class PanicMessageTests
    {
        private sealed class Regions : IMemoryRegions
        {
            private readonly MemoryRegion _region;
            public Regions(nuint start, nuint length) { _region = new MemoryRegion(start, length); }
            public int Count => 1;
            public MemoryRegion this[int index] => _region;
        }

        [Fact]
        public void Ukgcnone_out_of_memory_names_request_heap_and_objects()
        {
            var e = Assert.Throws<InvalidOperationException>(() => NoCollector.OutOfMemory(4096, 16 << 20, 16 << 20));
            Assert.Equal("panic: ukgcnone: out of memory allocating 4096 bytes (heap 16 MiB, 16 MiB in objects); objects are never freed with ukgcnone", e.Message);
        }

        [Theory]
        [InlineData(0UL, "0 bytes")]
        [InlineData(1000UL, "1000 bytes")]
        [InlineData(4096UL, "4 KiB")]
        [InlineData(3UL << 20, "3 MiB")]
        public void Sizes_print_in_the_largest_exact_unit(ulong bytes, string text)
        {
            Span<byte> buffer = stackalloc byte[64];
            var m = new GcMessage(buffer);
            m.AppendSize(bytes);
            Assert.Equal(text, m.ToString());
        }

        [Theory]
        [InlineData(16UL << 20, "16 MiB")]
        [InlineData((2UL << 20) + 700 * 1024 + 5, "2748 KiB")]
        [InlineData(1023UL, "1023 bytes")]
        public void Approximate_sizes_never_round_up_and_say_MiB_only_when_exact(ulong bytes, string text)
        {
            Span<byte> buffer = stackalloc byte[64];
            var m = new GcMessage(buffer);
            m.AppendApproximateSize(bytes);
            Assert.Equal(text, m.ToString());
        }

        [Fact]
        public void Message_is_cut_at_the_buffer_end_instead_of_overrunning()
        {
            Span<byte> buffer = stackalloc byte[8];
            var m = new GcMessage(buffer);
            m.Append("0123456789");
            m.AppendDecimal(42);
            Assert.Equal("01234567", m.ToString());
        }

        [Fact]
        public void Marksweep_refuses_the_region_allocator()
        {
            byte* memory = (byte*)NativeMemory.AlignedAlloc(1 << 20, 4096);
            try
            {
                var region = new RegionAllocator();
                region.AddRegion((nuint)memory, 1 << 20);
                var e = Assert.Throws<InvalidOperationException>(() => new MarkSweepCollector().Attach(region, new Regions((nuint)memory, 1 << 20), null));
                Assert.Contains("ukgcmarksweep: the bound IAllocator is ukallocregion, which never frees", e.Message);
            }
            finally { NativeMemory.AlignedFree(memory); }
        }

        [Fact]
        public void Marksweep_out_of_memory_after_collection_names_request_and_heap()
        {
            const int size = 256 * 1024;
            byte* memory = (byte*)NativeMemory.AlignedAlloc(size, 4096);
            try
            {
                var tlsf = new TlsfAllocator();
                Assert.True(tlsf.AddRegion((nuint)memory, size));
                var gc = new MarkSweepCollector();
                Assert.True(gc.Attach(tlsf, new Regions((nuint)memory, size), null));
                // Every block is a live-looking object (an int array MethodTable is not needed: nothing is swept on
                // the host, where Collect() is the CLR's), so the heap runs out.
                var e = Assert.Throws<InvalidOperationException>((Action)(() => { while (true) gc.Allocate(4096); }));
                Assert.True(e.Message.StartsWith("panic: ukgcmarksweep: out of memory allocating 4096 bytes (heap 256 KiB, "), e.Message);
                Assert.EndsWith(" in objects); still short after a full collection", e.Message);
            }
            finally { NativeMemory.AlignedFree(memory); }
        }

        [Fact]
        public void Pause_log_keeps_the_most_recent_pauses_oldest_first()
        {
            var log = new PauseLog();
            for (int i = 0; i < PauseLog.Capacity + 10; i++) log.Add(i);
            var copy = new long[5];
            Assert.Equal(5, log.CopyTo(copy));
            Assert.Equal(new long[] { PauseLog.Capacity + 5, PauseLog.Capacity + 6, PauseLog.Capacity + 7, PauseLog.Capacity + 8, PauseLog.Capacity + 9 }, copy);
        }
    }
}
