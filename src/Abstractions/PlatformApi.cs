using System;

namespace Compose.Platform
{
    /// <summary>Console of the platform: the host's stdout, a serial port, ...</summary>
    [UkApi]
    public interface IConsole
    {
        /// <summary>Writes UTF-8 bytes to the console.</summary>
        void Write(ReadOnlySpan<byte> utf8);

        /// <summary>Reads up to <c>buffer.Length</c> bytes; returns the count, 0 at end of input.</summary>
        int Read(Span<byte> buffer);
    }

    /// <summary>A region of memory the platform hands to allocators.</summary>
    public readonly struct MemoryRegion
    {
        /// <summary>Creates a region descriptor.</summary>
        public MemoryRegion(nuint start, nuint length)
        {
            Start = start;
            Length = length;
        }

        /// <summary>First byte address.</summary>
        public nuint Start { get; }

        /// <summary>Size in bytes.</summary>
        public nuint Length { get; }
    }

    /// <summary>The memory regions free for allocators after the image and boot structures.</summary>
    [UkApi]
    public interface IMemoryRegions
    {
        /// <summary>Number of regions.</summary>
        int Count { get; }

        /// <summary>Region <paramref name="index"/>.</summary>
        MemoryRegion this[int index] { get; }
    }

    /// <summary>Time sources of the platform.</summary>
    [UkApi]
    public interface IClock
    {
        /// <summary>Nanoseconds since an arbitrary point before boot; never goes back.</summary>
        long MonotonicNanoseconds { get; }

        /// <summary>Nanoseconds since the Unix epoch by the platform's wall clock.</summary>
        long WallClockNanoseconds { get; }
    }

    /// <summary>Lifecycle services of the platform.</summary>
    [UkApi]
    public interface IPlatformControl
    {
        /// <summary>The platform's name: <c>hosted</c>, <c>linuxu</c>, <c>kvm</c>.</summary>
        string Name { get; }

        /// <summary>Ends the image (or process) with <paramref name="status"/>; does not return.</summary>
        void Terminate(int status);
    }
}
