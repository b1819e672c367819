using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Compose.Libraries.UkAlloc;
using Compose.Libraries.UkAllocBBuddy;
using Compose.Libraries.UkAllocRegion;
using Compose.Libraries.UkAllocTlsf;

namespace Compose.Allocators.Bench
{
    /// <summary>
    /// Allocate/free pairs with random sizes (16..4096 bytes, fixed seed) over a window of 256 live blocks: each
    /// operation frees the oldest block of the window and allocates a new one in its place. Every provider runs
    /// over its own 64 MiB native region; the baseline is NativeMemory.Alloc/Free in the same run.
    /// Run: dotnet build -c Release bench/Compose.Allocators.Bench, then dotnet bench/Compose.Allocators.Bench/bin/Release/net10.0/Compose.Allocators.Bench.dll --filter "*"
    /// </summary>
    [Config(typeof(Config))]
    public unsafe class AllocFreeBenchmarks
    {
        private const int Operations = 4096;
        private const int Window = 256;
        private const nuint HeapSize = 64 * 1024 * 1024;

        private sealed class Config : ManualConfig
        {
            public Config()
            {
                AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            }
        }

        private readonly nuint[] _sizes = new nuint[Operations];
        private readonly nuint[] _live = new nuint[Window];
        private byte* _regionMemory, _buddyMemory, _tlsfMemory;
        private RegionAllocator _region = null!;
        private BuddyAllocator _buddy = null!;
        private TlsfAllocator _tlsf = null!;

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(20261127);
            for (int i = 0; i < Operations; i++) _sizes[i] = (nuint)random.Next(16, 4097);
            _regionMemory = (byte*)NativeMemory.AlignedAlloc(HeapSize, 4096);
            _buddyMemory = (byte*)NativeMemory.AlignedAlloc(HeapSize, 4096);
            _tlsfMemory = (byte*)NativeMemory.AlignedAlloc(HeapSize, 4096);
            _region = new RegionAllocator();
            _region.AddRegion((nuint)_regionMemory, HeapSize);
            _buddy = new BuddyAllocator();
            _buddy.AddRegion((nuint)_buddyMemory, HeapSize);
            _tlsf = new TlsfAllocator();
            _tlsf.AddRegion((nuint)_tlsfMemory, HeapSize);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            NativeMemory.AlignedFree(_regionMemory);
            NativeMemory.AlignedFree(_buddyMemory);
            NativeMemory.AlignedFree(_tlsfMemory);
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
        public void NativeMemoryAllocFree()
        {
            for (int i = 0; i < Operations; i++)
            {
                int slot = i & (Window - 1);
                NativeMemory.Free((void*)_live[slot]);
                _live[slot] = (nuint)NativeMemory.Alloc(_sizes[i]);
            }
            ReleaseNative();
        }

        [Benchmark(OperationsPerInvoke = Operations)]
        public void Buddy() => Run(_buddy);

        [Benchmark(OperationsPerInvoke = Operations)]
        public void Tlsf() => Run(_tlsf);

        [Benchmark(OperationsPerInvoke = Operations)]
        public void Region()
        {
            // A region allocator never reuses memory: start over when less than one invocation's worth is left.
            if (_region.AvailableMemory < Operations * 4200) _region.AddRegion((nuint)_regionMemory, HeapSize);
            Run(_region);
        }

        private void Run(IAllocator allocator)
        {
            for (int i = 0; i < Operations; i++)
            {
                int slot = i & (Window - 1);
                allocator.Free((void*)_live[slot]);
                _live[slot] = (nuint)allocator.Malloc(_sizes[i]);
            }
            for (int slot = 0; slot < Window; slot++)
            {
                allocator.Free((void*)_live[slot]);
                _live[slot] = 0;
            }
        }

        private void ReleaseNative()
        {
            for (int slot = 0; slot < Window; slot++)
            {
                NativeMemory.Free((void*)_live[slot]);
                _live[slot] = 0;
            }
        }
    }

    public static class Program
    {
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
