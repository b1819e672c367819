using System;
using System.Runtime.InteropServices;
using Compose.Libraries.UkAlloc;
using Compose.Libraries.UkAllocBBuddy;
using Compose.Libraries.UkAllocRegion;
using Compose.Libraries.UkAllocTlsf;

namespace Compose.Allocators.Tests
{
    public enum Provider { Region, Buddy, Tlsf }

    /// <summary>A provider over a fresh native region filled with 0xCD, freed on dispose.</summary>
    public sealed unsafe class TestHeap : IDisposable
    {
        public const byte Poison = 0xCD;

        public TestHeap(Provider provider, nuint size, nuint offset = 0)
        {
            Provider = provider;
            // Safe: the region is ours until Dispose, and every byte of it is written before the allocator sees it.
            Memory = (byte*)NativeMemory.AlignedAlloc(size + offset, 4096);
            Size = size + offset;
            new Span<byte>(Memory, (int)Size).Fill(Poison);
            nuint start = (nuint)Memory + offset;
            switch (provider)
            {
                case Provider.Region:
                    var region = new RegionAllocator();
                    region.AddRegion(start, size);
                    Allocator = region;
                    break;
                case Provider.Buddy:
                    var buddy = new BuddyAllocator();
                    if (!buddy.AddRegion(start, size)) throw new InvalidOperationException("region too small");
                    Allocator = buddy;
                    break;
                default:
                    var tlsf = new TlsfAllocator();
                    if (!tlsf.AddRegion(start, size)) throw new InvalidOperationException("region too small");
                    Allocator = tlsf;
                    break;
            }
        }

        public Provider Provider { get; }

        public IAllocator Allocator { get; }

        public byte* Memory { get; }

        public nuint Size { get; }

        /// <summary>Whether freed memory is reused (buddy and TLSF; the region allocator never reuses).</summary>
        public bool Reuses => Provider != Provider.Region;

        /// <summary>The largest block a request can get now (buddy and TLSF).</summary>
        public nuint LargestFreeBlock => Allocator switch
        {
            BuddyAllocator b => b.LargestFreeBlock,
            TlsfAllocator t => t.LargestFreeBlock,
            _ => Allocator.AvailableMemory,
        };

        /// <summary>Hands another region to the buddy or TLSF allocator.</summary>
        public bool AddRegion(nuint start, nuint length) => Allocator switch
        {
            BuddyAllocator b => b.AddRegion(start, length),
            TlsfAllocator t => t.AddRegion(start, length),
            _ => throw new InvalidOperationException("the region allocator takes one region"),
        };

        public void SetFaultHandler(IAllocatorFaultHandler? handler)
        {
            if (Allocator is BuddyAllocator b) b.FaultHandler = handler;
            else if (Allocator is TlsfAllocator t) t.FaultHandler = handler;
            else ((RegionAllocator)Allocator).FaultHandler = handler;
        }

        public AllocatorFault LastFault => Allocator switch
        {
            BuddyAllocator b => b.LastFault,
            TlsfAllocator t => t.LastFault,
            RegionAllocator r => r.LastFault,
            _ => default,
        };

        public string LibraryName => Provider switch
        {
            Provider.Region => "ukallocregion",
            Provider.Buddy => "ukallocbbuddy",
            _ => "ukalloctlsf",
        };

        public bool Contains(void* p, nuint length) =>
            (nuint)p >= (nuint)Memory && (nuint)p + length <= (nuint)Memory + Size;

        public void Dispose() => NativeMemory.AlignedFree(Memory);
    }

    /// <summary>Native memory for an extra region, freed on dispose.</summary>
    public sealed unsafe class RawRegion : IDisposable
    {
        public RawRegion(nuint size)
        {
            // Safe: owned until Dispose.
            Start = (nuint)NativeMemory.AlignedAlloc(size, 4096);
            Size = size;
        }

        public nuint Start { get; }

        public nuint Size { get; }

        public void Dispose() => NativeMemory.AlignedFree((void*)Start);
    }

    /// <summary>Collects faults.</summary>
    public sealed class RecordingFaultHandler : IAllocatorFaultHandler
    {
        public System.Collections.Generic.List<AllocatorFault> Faults { get; } = new();

        public void OnFault(in AllocatorFault fault) => Faults.Add(fault);
    }
}
