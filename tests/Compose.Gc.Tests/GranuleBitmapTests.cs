using System;
using System.Linq;
using System.Runtime.InteropServices;
using Compose.Libraries.UkAlloc;
using Compose.Libraries.UkGcMarkSweep;
using CsCheck;

namespace Compose.Gc.Tests
{
    public sealed unsafe class GranuleBitmapTests
    {
        [Fact]
        public void Highest_set_bit_matches_the_definition()
        {
            Gen.ULong.Where(v => v != 0).Sample(v => Assert.Equal(63 - (int)ulong.LeadingZeroCount(v), BitOps.HighestSetBit(v)));
        }

        [Fact]
        public void Find_at_or_below_returns_the_closest_start_at_or_below()
        {
            const int granules = 4096;
            nuint baseAddress = 0x10000;
            Gen.Select(Gen.Int[0, granules - 1].Array[0, 60], Gen.Int[0, granules * 16 - 1].Array[1, 40]).Sample((starts, probes) =>
            {
                ulong* words = (ulong*)NativeMemory.AllocZeroed(GranuleBitmap.WordsFor(granules * 16), 8);
                var map = new GranuleBitmap(baseAddress, granules * 16, words);
                foreach (int s in starts) map.Set(baseAddress + (nuint)s * 16);
                var sorted = starts.Distinct().OrderBy(s => s).ToArray();
                foreach (int p in probes)
                {
                    int model = -1;
                    foreach (int s in sorted) if (s * 16 <= p) model = s;
                    nuint expected = model < 0 ? 0 : baseAddress + (nuint)model * 16;
                    Assert.Equal(expected, map.FindAtOrBelow(baseAddress + (nuint)p));
                    Assert.Equal(sorted.Contains(p / 16) && p % 16 == 0, map.IsSet(baseAddress + (nuint)p));
                }
                NativeMemory.Free(words);
            }, iter: 300);
        }

        [Fact]
        public void Covers_excludes_both_ends_outside_the_range()
        {
            ulong* words = (ulong*)NativeMemory.AllocZeroed(8, 8);
            var map = new GranuleBitmap(0x1000, 1024, words);
            Assert.False(map.Covers(0xFFF));
            Assert.True(map.Covers(0x1000));
            Assert.True(map.Covers(0x13FF));
            Assert.False(map.Covers(0x1400));
            Assert.False(map.IsSet(0x1400));
            NativeMemory.Free(words);
        }
    }
}
