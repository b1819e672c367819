using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Compose.Libraries.UkGcMarkSweep;

namespace Compose.Gc.Tests
{
    /// <summary>
    /// MethodTables laid out as ILC does for the parts the collector reads (flags, base size, GCDesc before the
    /// MethodTable), in native memory owned by the instance.
    /// </summary>
    public sealed unsafe class SyntheticTypes : IDisposable
    {
        private readonly List<nint> _blocks = new();

        /// <summary>A class of <paramref name="baseSize"/> bytes with references at the given object offsets.</summary>
        public byte* Class(uint baseSize, params int[] referenceOffsets)
        {
            // One series per run of consecutive reference slots, as ILC emits.
            var series = new List<(nuint Size, nuint Offset)>();
            Array.Sort(referenceOffsets);
            for (int i = 0; i < referenceOffsets.Length;)
            {
                int j = i;
                while (j + 1 < referenceOffsets.Length && referenceOffsets[j + 1] == referenceOffsets[j] + 8) j++;
                nuint bytes = (nuint)((j - i + 1) * 8);
                series.Add((bytes - baseSize, (nuint)referenceOffsets[i]));
                i = j + 1;
            }
            return Make(baseSize, 0, series, null, 0);
        }

        /// <summary>An array of references (base size 24: header, MethodTable, length).</summary>
        public byte* ReferenceArray() => Make(24, 8, new List<(nuint, nuint)> { (unchecked((nuint)(-24)), 16) }, null, 0);

        /// <summary>An array of primitives (no references), e.g. int[] (component 4) or string-like (2).</summary>
        public byte* PrimitiveArray(ushort componentSize) => Make(24, componentSize, new List<(nuint, nuint)>(), null, 0);

        /// <summary>
        /// An array of structs of <paramref name="elementWords"/> words, where <paramref name="pointerMask"/> bit i
        /// marks word i as a reference (at least one bit set): the repeating GCDesc (negative series count).
        /// </summary>
        public byte* StructArray(int elementWords, ulong pointerMask)
        {
            var runs = new List<(int Start, int Length)>();
            for (int w = 0; w < elementWords;)
            {
                if ((pointerMask >> w & 1) == 0) { w++; continue; }
                int s = w;
                while (w < elementWords && (pointerMask >> w & 1) != 0) w++;
                runs.Add((s, w - s));
            }
            var items = new List<(uint Pointers, uint Skip)>();
            for (int i = 0; i < runs.Count; i++)
            {
                int end = runs[i].Start + runs[i].Length;
                int next = i + 1 < runs.Count ? runs[i + 1].Start : runs[0].Start + elementWords;
                items.Add(((uint)runs[i].Length, (uint)((next - end) * 8)));
            }
            return Make(24, (ushort)(elementWords * 8), null, items, (nuint)(16 + runs[0].Start * 8));
        }

        private byte* Make(uint baseSize, ushort componentSize, List<(nuint Size, nuint Offset)>? series,
            List<(uint Pointers, uint Skip)>? items, nuint repeatStart)
        {
            int descBytes = series != null ? 8 + series.Count * 16 : 8 + 16 + (items!.Count - 1) * 8;
            int total = descBytes + 64;
            byte* block = (byte*)NativeMemory.AllocZeroed((nuint)total);
            _blocks.Add((nint)block);
            byte* mt = block + descBytes;
            uint flags = componentSize;
            if (componentSize != 0) flags |= GcLayout.HasComponentSizeFlag;
            bool pointers = series != null ? series.Count > 0 : true;
            if (pointers) flags |= GcLayout.HasPointersFlag;
            *(uint*)mt = flags;
            *(uint*)(mt + 4) = baseSize;
            if (series != null)
            {
                *(nint*)(mt - 8) = series.Count;
                // Highest series just below the count, in increasing offset order going down (as ILC writes them).
                for (int i = 0; i < series.Count; i++)
                {
                    byte* s = mt - 8 - 16 * (i + 1);
                    *(nuint*)s = series[i].Size;
                    *(nuint*)(s + 8) = series[i].Offset;
                }
            }
            else
            {
                *(nint*)(mt - 8) = -items!.Count;
                byte* highest = mt - 8 - 16;
                *(nuint*)(highest + 8) = repeatStart;
                for (int i = 0; i < items.Count; i++)
                {
                    uint* item = (uint*)(highest - 8 * i);
                    item[0] = items[i].Pointers;
                    item[1] = items[i].Skip;
                }
            }
            return mt;
        }

        public void Dispose()
        {
            foreach (nint b in _blocks) NativeMemory.Free((void*)b);
            _blocks.Clear();
        }
    }

    /// <summary>Collects visited slot addresses.</summary>
    public unsafe struct SlotList : IReferenceVisitor
    {
        public List<nuint> Slots;

        public void Visit(nuint* slot) => (Slots ??= new List<nuint>()).Add((nuint)slot);
    }
}
