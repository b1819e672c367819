using Compose.Libraries.UkAlloc;

namespace Compose.Libraries.UkGcMarkSweep
{
    /// <summary>
    /// One bit per 16-byte granule of [<see cref="Base"/>, <see cref="Base"/> + <see cref="Length"/>): the
    /// object-start index (which granules begin an object) and the mark bits are both such bitmaps. The words live
    /// in memory the caller provides (zeroed, <see cref="WordsFor"/> 64-bit words).
    /// </summary>
    public sealed unsafe class GranuleBitmap
    {
        /// <summary>Bytes per bit.</summary>
        public const int Granule = 16;

        private readonly ulong* _words;
        private readonly nuint _wordCount;

        /// <summary>A bitmap over [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>), in <paramref name="words"/>.</summary>
        public GranuleBitmap(nuint start, nuint length, ulong* words)
        {
            Base = start;
            Length = length;
            _words = words;
            _wordCount = WordsFor(length);
        }

        /// <summary>64-bit words needed to cover <paramref name="length"/> bytes.</summary>
        public static nuint WordsFor(nuint length) => (length / Granule + 63) / 64;

        /// <summary>First covered address.</summary>
        public nuint Base { get; }

        /// <summary>Covered bytes.</summary>
        public nuint Length { get; }

        /// <summary>Number of words.</summary>
        public nuint WordCount => _wordCount;

        /// <summary>Whether <paramref name="address"/> lies in the covered range.</summary>
        public bool Covers(nuint address) => address - Base < Length;

        /// <summary>Sets the bit of the granule holding <paramref name="address"/> (which must be covered).</summary>
        public void Set(nuint address)
        {
            nuint bit = (address - Base) / Granule;
            _words[bit / 64] |= 1UL << (int)(bit % 64);
        }

        /// <summary>Clears the bit of the granule holding <paramref name="address"/>.</summary>
        public void Clear(nuint address)
        {
            nuint bit = (address - Base) / Granule;
            _words[bit / 64] &= ~(1UL << (int)(bit % 64));
        }

        /// <summary>Whether <paramref name="address"/> is covered, granule-aligned and its bit is set.</summary>
        public bool IsSet(nuint address)
        {
            if (!Covers(address) || (address & (Granule - 1)) != 0) return false;
            nuint bit = (address - Base) / Granule;
            return (_words[bit / 64] & (1UL << (int)(bit % 64))) != 0;
        }

        /// <summary>Word <paramref name="index"/> (bit i: granule index * 64 + i).</summary>
        public ulong Word(nuint index) => _words[index];

        /// <summary>Replaces word <paramref name="index"/>.</summary>
        public void SetWord(nuint index, ulong value) { _words[index] = value; }

        /// <summary>Address of bit <paramref name="bit"/> of word <paramref name="index"/>.</summary>
        public nuint AddressOf(nuint index, int bit) => Base + (index * 64 + (nuint)bit) * Granule;

        /// <summary>
        /// The highest set granule at or below <paramref name="address"/> (a covered address), or 0 when none:
        /// the start of the object that may contain it.
        /// </summary>
        public nuint FindAtOrBelow(nuint address)
        {
            nuint bit = (address - Base) / Granule;
            nuint index = bit / 64;
            ulong word = _words[index] & (ulong.MaxValue >> (63 - (int)(bit % 64)));
            while (true)
            {
                if (word != 0) return AddressOf(index, BitOps.HighestSetBit(word));
                if (index == 0) return 0;
                index--;
                word = _words[index];
            }
        }

        /// <summary>Clears every bit.</summary>
        public void ClearAll()
        {
            for (nuint i = 0; i < _wordCount; i++) _words[i] = 0;
        }
    }
}
