using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Compose.Libraries.UkGcMarkSweep;
using CsCheck;

namespace Compose.Gc.Tests
{
    public sealed unsafe class GcLayoutTests
    {
        private static List<nuint> Visit(nuint obj)
        {
            var list = new SlotList();
            GcLayout.VisitReferences(obj, ref list);
            return list.Slots ?? new List<nuint>();
        }

        [Fact]
        public void Class_with_separate_and_adjacent_reference_fields()
        {
            using var types = new SyntheticTypes();
            byte* mt = types.Class(56, 8, 24, 32);
            byte* obj = (byte*)NativeMemory.AllocZeroed(64);
            *(byte**)obj = mt;
            Assert.Equal(new[] { (nuint)obj + 8, (nuint)obj + 24, (nuint)obj + 32 }, Visit((nuint)obj).ToArray());
            Assert.Equal((nuint)56, GcLayout.ObjectSize((nuint)obj));
            Assert.Equal((nuint)64, GcLayout.AllocatedSize((nuint)obj));
            NativeMemory.Free(obj);
        }

        [Fact]
        public void Class_without_references_has_no_slots()
        {
            using var types = new SyntheticTypes();
            byte* mt = types.Class(24);
            byte* obj = (byte*)NativeMemory.AllocZeroed(32);
            *(byte**)obj = mt;
            Assert.False(GcLayout.HasPointers(mt));
            Assert.Empty(Visit((nuint)obj));
            NativeMemory.Free(obj);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(7)]
        public void Reference_array_slots_are_its_elements(int length)
        {
            using var types = new SyntheticTypes();
            byte* mt = types.ReferenceArray();
            byte* obj = (byte*)NativeMemory.AllocZeroed((nuint)(24 + 8 * length + 16));
            *(byte**)obj = mt;
            *(int*)(obj + 8) = length;
            var expected = new List<nuint>();
            for (int i = 0; i < length; i++) expected.Add((nuint)obj + 16 + (nuint)(8 * i));
            Assert.Equal(expected, Visit((nuint)obj));
            Assert.Equal((nuint)(24 + 8 * length), GcLayout.ObjectSize((nuint)obj));
            NativeMemory.Free(obj);
        }

        [Fact]
        public void String_like_array_size_rounds_like_the_allocator()
        {
            using var types = new SyntheticTypes();
            byte* mt = types.PrimitiveArray(2);
            byte* obj = (byte*)NativeMemory.AllocZeroed(64);
            *(byte**)obj = mt;
            *(int*)(obj + 8) = 5;   // 24 + 10 = 34 -> 40 (8) -> 48 (16)
            Assert.Equal((nuint)34, GcLayout.ObjectSize((nuint)obj));
            Assert.Equal((nuint)48, GcLayout.AllocatedSize((nuint)obj));
            Assert.Empty(Visit((nuint)obj));
            NativeMemory.Free(obj);
        }

        [Fact]
        public void Struct_array_with_two_references_per_element()
        {
            using var types = new SyntheticTypes();
            byte* mt = types.StructArray(3, 0b101);   // { ref, int, ref }
            byte* obj = (byte*)NativeMemory.AllocZeroed(24 + 3 * 24);
            *(byte**)obj = mt;
            *(int*)(obj + 8) = 3;
            var expected = new List<nuint>();
            for (int k = 0; k < 3; k++) { expected.Add((nuint)obj + 16 + (nuint)(24 * k)); expected.Add((nuint)obj + 32 + (nuint)(24 * k)); }
            Assert.Equal(expected, Visit((nuint)obj));
            NativeMemory.Free(obj);
        }

        [Fact]
        public void Struct_arrays_of_any_layout_visit_exactly_their_reference_words()
        {
            Gen.Select(Gen.Int[1, 12], Gen.ULong, Gen.Int[0, 20]).Sample((words, maskBits, length) =>
            {
                ulong mask = maskBits & ((1UL << words) - 1);
                if (mask == 0) mask = 1UL << (int)(maskBits % (ulong)words);
                using var types = new SyntheticTypes();
                byte* mt = types.StructArray(words, mask);
                nuint size = (nuint)(24 + words * 8 * length);
                byte* obj = (byte*)NativeMemory.AllocZeroed(size + 16);
                *(byte**)obj = mt;
                *(int*)(obj + 8) = length;
                var expected = new List<nuint>();
                for (int k = 0; k < length; k++)
                    for (int w = 0; w < words; w++)
                        if ((mask >> w & 1) != 0) expected.Add((nuint)obj + 16 + (nuint)(k * words * 8 + w * 8));
                List<nuint> actual = Visit((nuint)obj);
                NativeMemory.Free(obj);
                Assert.Equal(expected, actual);
            }, iter: 500);
        }
    }
}
