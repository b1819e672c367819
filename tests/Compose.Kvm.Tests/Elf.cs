using System;
using System.Collections.Generic;
using System.IO;

namespace Compose.Kvm.Tests
{
    /// <summary>The loadable segments of an ELF64 file (just what the layout checks need).</summary>
    public static class Elf
    {
        public readonly record struct Segment(uint Type, uint Flags, ulong Offset, ulong Address, ulong FileSize, ulong MemorySize);

        public const uint Load = 1, Note = 4;
        public const uint Execute = 1, Write = 2, Read = 4;

        public static List<Segment> Segments(string path)
        {
            byte[] file = File.ReadAllBytes(path);
            if (file.Length < 64 || file[0] != 0x7F || file[1] != (byte)'E' || file[4] != 2)
                throw new InvalidDataException(path + " is not an ELF64 file");
            ulong phoff = BitConverter.ToUInt64(file, 32);
            ushort phentsize = BitConverter.ToUInt16(file, 54), phnum = BitConverter.ToUInt16(file, 56);
            var list = new List<Segment>();
            for (int i = 0; i < phnum; i++)
            {
                int at = checked((int)phoff + i * phentsize);
                list.Add(new Segment(BitConverter.ToUInt32(file, at), BitConverter.ToUInt32(file, at + 4),
                    BitConverter.ToUInt64(file, at + 8), BitConverter.ToUInt64(file, at + 16),
                    BitConverter.ToUInt64(file, at + 32), BitConverter.ToUInt64(file, at + 40)));
            }
            return list;
        }
    }
}
