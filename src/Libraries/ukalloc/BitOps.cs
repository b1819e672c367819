namespace Compose.Libraries.UkAlloc
{
    /// <summary>Bit helpers the allocators and the collector share; plain code, so images need no intrinsics.</summary>
    public static class BitOps
    {
        /// <summary>Index of the lowest set bit of <paramref name="value"/> (which must not be 0).</summary>
        public static int LowestSetBit(ulong value)
        {
            int bit = 0;
            if ((value & 0xFFFFFFFF) == 0) { bit += 32; value >>= 32; }
            if ((value & 0xFFFF) == 0) { bit += 16; value >>= 16; }
            if ((value & 0xFF) == 0) { bit += 8; value >>= 8; }
            if ((value & 0xF) == 0) { bit += 4; value >>= 4; }
            if ((value & 0x3) == 0) { bit += 2; value >>= 2; }
            if ((value & 0x1) == 0) bit += 1;
            return bit;
        }

        /// <summary>Index of the highest set bit of <paramref name="value"/> (which must not be 0).</summary>
        public static int HighestSetBit(ulong value)
        {
            int bit = 0;
            if ((value >> 32) != 0) { bit += 32; value >>= 32; }
            if ((value >> 16) != 0) { bit += 16; value >>= 16; }
            if ((value >> 8) != 0) { bit += 8; value >>= 8; }
            if ((value >> 4) != 0) { bit += 4; value >>= 4; }
            if ((value >> 2) != 0) { bit += 2; value >>= 2; }
            if ((value >> 1) != 0) bit += 1;
            return bit;
        }
    }
}
