using System;
using System.Runtime.InteropServices;
using System.Text;
using Compose.Libraries.UkAlloc;
using Compose.Platform;
using Xunit;

namespace Compose.Allocators.Tests
{
    /// <summary>
    /// Double free and pointers never handed out: detected, named (library, call, pointer), and harmless. The tests
    /// that bind a fake platform live in this class only, so no other test sees it (xunit runs a class's tests
    /// one after another).
    /// </summary>
    public sealed unsafe class AllocatorFaultTests
    {
        [Theory]
        [InlineData(Provider.Region)]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void DoubleFreeIsReportedAndChangesNothing(Provider provider)
        {
            using var heap = new TestHeap(provider, 64 * 1024);
            var faults = new RecordingFaultHandler();
            heap.SetFaultHandler(faults);
            IAllocator a = heap.Allocator;
            byte* left = (byte*)a.Malloc(100);
            byte* victim = (byte*)a.Malloc(100);
            byte* right = (byte*)a.Malloc(100);   // keeps the victim from merging with free space
            a.Free(victim);
            nuint available = a.AvailableMemory;
            AllocatorStatistics stats = a.Statistics;

            a.Free(victim);

            AllocatorFault fault = Assert.Single(faults.Faults);
            Assert.Equal(AllocatorFaultKind.DoubleFree, fault.Kind);
            Assert.Equal(heap.LibraryName, fault.Library);
            Assert.Equal("Free", fault.Call);
            Assert.Equal((nuint)victim, fault.Pointer);
            Assert.Equal(heap.LibraryName + ": Free(0x" + ((nuint)victim).ToString("x") + "): double free: the block is already free", fault.Message);
            Assert.Equal(AllocatorFaultKind.DoubleFree, heap.LastFault.Kind);
            Assert.Equal(available, a.AvailableMemory);
            Assert.Equal(stats.Frees, a.Statistics.Frees);

            // The allocator still works: the victim's block comes back once, not twice (region: never again).
            void* again = a.Malloc(100);
            void* other = a.Malloc(100);
            Assert.True(heap.Reuses ? again == victim : again != victim);
            Assert.True(other != victim);
            a.Free(left);
            a.Free(right);
            a.Free(again);
            a.Free(other);
            Assert.Single(faults.Faults);
            Assert.Equal(0UL, a.Statistics.BytesInUse);
        }

        [Theory]
        [InlineData(Provider.Region)]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void ForeignAndInteriorPointersAreReported(Provider provider)
        {
            using var heap = new TestHeap(provider, 64 * 1024);
            var faults = new RecordingFaultHandler();
            heap.SetFaultHandler(faults);
            IAllocator a = heap.Allocator;
            byte* p = (byte*)a.Malloc(256);
            nuint available = a.AvailableMemory;
            void* native = NativeMemory.Alloc(64);
            try
            {
                a.Free(native);
                a.Free(p + 64);
                Assert.True(a.Realloc(p + 64, 1000) == null);
                a.Free(p + 1);
            }
            finally
            {
                NativeMemory.Free(native);
            }
            Assert.Equal(4, faults.Faults.Count);
            Assert.Equal(AllocatorFaultKind.ForeignPointer, faults.Faults[0].Kind);
            Assert.Equal(AllocatorFaultKind.NotAllocated, faults.Faults[1].Kind);
            Assert.Equal("Free", faults.Faults[1].Call);
            Assert.Equal(AllocatorFaultKind.NotAllocated, faults.Faults[2].Kind);
            Assert.Equal("Realloc", faults.Faults[2].Call);
            Assert.Equal(AllocatorFaultKind.ForeignPointer, faults.Faults[3].Kind);
            Assert.Contains("never returned by this allocator", faults.Faults[1].Message);
            Assert.Equal(available, a.AvailableMemory);
            a.Free(p);
            Assert.Equal(0UL, a.Statistics.BytesInUse);
        }

        [Fact]
        public void TlsfFreeingAMergedBlockAgainIsReported()
        {
            using var heap = new TestHeap(Provider.Tlsf, 64 * 1024);
            var faults = new RecordingFaultHandler();
            heap.SetFaultHandler(faults);
            IAllocator a = heap.Allocator;
            byte* x = (byte*)a.Malloc(64);
            byte* y = (byte*)a.Malloc(64);
            Assert.True(y == x + 80, "consecutive blocks from the single free block");
            a.Free(y);   // merges with the free rest of the region
            a.Free(x);   // merges with y
            a.Free(y);
            a.Free(x);
            Assert.Equal(2, faults.Faults.Count);
            Assert.Equal(AllocatorFaultKind.NotAllocated, faults.Faults[0].Kind);
            Assert.Equal(AllocatorFaultKind.DoubleFree, faults.Faults[1].Kind);   // x starts the merged free block
            Assert.Equal(0UL, a.Statistics.BytesInUse);
        }

        [Fact]
        public void BuddyFreeingAMergedBlockAgainIsReported()
        {
            // A region laid out so that its arena ends in one naturally aligned 64 KiB block: the head and tag map
            // take the 4 KiB before it (with a few small blocks after them).
            byte* memory = (byte*)NativeMemory.AlignedAlloc(128 * 1024, 64 * 1024);
            try
            {
                var buddy = new Compose.Libraries.UkAllocBBuddy.BuddyAllocator();
                var faults = new RecordingFaultHandler();
                buddy.FaultHandler = faults;
                Assert.True(buddy.AddRegion((nuint)memory + 60 * 1024, 68 * 1024));
                Assert.Equal((nuint)(64 * 1024), buddy.LargestFreeBlock);
                byte* x = (byte*)buddy.Memalign(32 * 1024, 32 * 1024);
                byte* y = (byte*)buddy.Memalign(32 * 1024, 32 * 1024);
                Assert.True(x == memory + 64 * 1024 && y == x + 32 * 1024, "the two halves of the 64 KiB block");
                buddy.Free(x);
                buddy.Free(y);   // merges with its buddy x
                Assert.Equal((nuint)(64 * 1024), buddy.LargestFreeBlock);
                buddy.Free(y);
                buddy.Free(x);
                Assert.Equal(2, faults.Faults.Count);
                Assert.Equal(AllocatorFaultKind.NotAllocated, faults.Faults[0].Kind);
                Assert.Equal("ukallocbbuddy", faults.Faults[0].Library);
                Assert.Equal(AllocatorFaultKind.DoubleFree, faults.Faults[1].Kind);   // x starts the merged block
                Assert.Equal(0UL, buddy.Statistics.BytesInUse);
            }
            finally
            {
                NativeMemory.AlignedFree(memory);
            }
        }

        [Theory]
        [InlineData(Provider.Region)]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void WithoutHandlerOrPlatformAFaultThrowsWithTheMessage(Provider provider)
        {
            using var heap = new TestHeap(provider, 64 * 1024);
            IAllocator a = heap.Allocator;
            void* p = a.Malloc(64);
            a.Malloc(64);
            a.Free(p);
            var error = Assert.Throws<InvalidOperationException>(() => a.Free(p));
            Assert.StartsWith(heap.LibraryName + ": Free(0x", error.Message);
            Assert.Contains("double free", error.Message);
        }

        [Theory]
        [InlineData(Provider.Region)]
        [InlineData(Provider.Buddy)]
        [InlineData(Provider.Tlsf)]
        public void WithAPlatformAFaultPanicsOnTheConsole(Provider provider)
        {
            using var heap = new TestHeap(provider, 64 * 1024);
            var platform = new FakePlatform();
            UkApi<IConsole>.Bind(platform);
            UkApi<IPlatformControl>.Bind(platform);
            try
            {
                IAllocator a = heap.Allocator;
                void* p = a.Malloc(64);
                a.Malloc(64);
                a.Free(p);
                a.Free(p);
            }
            finally
            {
                UkApi<IConsole>.Bind(null);
                UkApi<IPlatformControl>.Bind(null);
            }
            Assert.Equal(AllocatorFaults.PanicStatus, platform.Status);
            string output = platform.Output.ToString();
            Assert.StartsWith("PANIC " + heap.LibraryName + ": Free(0x", output);
            Assert.EndsWith("double free: the block is already free\n", output);
        }

        private sealed class FakePlatform : IConsole, IPlatformControl
        {
            public StringBuilder Output { get; } = new();

            public int? Status { get; private set; }

            public string Name => "fake";

            public void Write(ReadOnlySpan<byte> utf8) => Output.Append(Encoding.ASCII.GetString(utf8));

            public int Read(Span<byte> buffer) => 0;

            public void Terminate(int status) => Status = status;
        }
    }
}
