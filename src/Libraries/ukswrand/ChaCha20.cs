using System;

namespace Compose.Libraries.UkSwRand
{
    /// <summary>
    /// The ChaCha20 block function and stream cipher of RFC 8439 (32-byte key, 32-bit block counter, 12-byte nonce).
    /// Written without BCL helpers so it runs in images; sizes are checked and reported through the return value.
    /// </summary>
    public static class ChaCha20
    {
        /// <summary>Key length in bytes.</summary>
        public const int KeySize = 32;

        /// <summary>Nonce length in bytes.</summary>
        public const int NonceSize = 12;

        /// <summary>Length of one keystream block in bytes.</summary>
        public const int BlockSize = 64;

        // "expand 32-byte k" as four little-endian words (RFC 8439 section 2.3).
        private const uint Sigma0 = 0x61707865, Sigma1 = 0x3320646e, Sigma2 = 0x79622d32, Sigma3 = 0x6b206574;

        /// <summary>
        /// Computes one 64-byte keystream block for <paramref name="key"/>, <paramref name="counter"/> and
        /// <paramref name="nonce"/> into <paramref name="output"/>. Returns false (and writes nothing) when the key
        /// is not 32 bytes, the nonce not 12 bytes or the output shorter than 64 bytes.
        /// </summary>
        public static bool Block(ReadOnlySpan<byte> key, uint counter, ReadOnlySpan<byte> nonce, Span<byte> output)
        {
            if (key.Length != KeySize || nonce.Length != NonceSize || output.Length < BlockSize) return false;
            Span<uint> state = stackalloc uint[16];
            InitState(state, key, counter, nonce);
            Span<uint> working = stackalloc uint[16];
            Permute(state, working);
            for (int i = 0; i < 16; i++) StoreLittleEndian(output.Slice(i * 4, 4), working[i] + state[i]);
            return true;
        }

        /// <summary>
        /// Encrypts or decrypts (the same operation): XORs <paramref name="input"/> with the keystream that starts
        /// at block <paramref name="counter"/> and writes the result to <paramref name="output"/>. Returns false
        /// (and writes nothing) on a bad key or nonce size, an output shorter than the input, or an input so long that
        /// the 32-bit block counter would wrap.
        /// </summary>
        public static bool Xor(ReadOnlySpan<byte> key, uint counter, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> input, Span<byte> output)
        {
            if (key.Length != KeySize || nonce.Length != NonceSize || output.Length < input.Length) return false;
            ulong blocks = ((ulong)input.Length + BlockSize - 1) / BlockSize;
            if ((ulong)counter + blocks > (ulong)uint.MaxValue + 1) return false;
            Span<byte> stream = stackalloc byte[BlockSize];
            int offset = 0;
            while (offset < input.Length)
            {
                Block(key, counter, nonce, stream);
                counter++;
                int n = input.Length - offset < BlockSize ? input.Length - offset : BlockSize;
                for (int i = 0; i < n; i++) output[offset + i] = (byte)(input[offset + i] ^ stream[i]);
                offset += n;
            }
            stream.Clear();
            return true;
        }

        /// <summary>The initial state: constants, key, counter, nonce (RFC 8439 section 2.3).</summary>
        private static void InitState(Span<uint> state, ReadOnlySpan<byte> key, uint counter, ReadOnlySpan<byte> nonce)
        {
            state[0] = Sigma0; state[1] = Sigma1; state[2] = Sigma2; state[3] = Sigma3;
            for (int i = 0; i < 8; i++) state[4 + i] = LoadLittleEndian(key.Slice(i * 4, 4));
            state[12] = counter;
            for (int i = 0; i < 3; i++) state[13 + i] = LoadLittleEndian(nonce.Slice(i * 4, 4));
        }

        /// <summary>20 rounds (10 column + diagonal double rounds) of <paramref name="state"/> into <paramref name="working"/>.</summary>
        private static void Permute(ReadOnlySpan<uint> state, Span<uint> working)
        {
            state.CopyTo(working);
            for (int round = 0; round < 10; round++)
            {
                QuarterRound(working, 0, 4, 8, 12);
                QuarterRound(working, 1, 5, 9, 13);
                QuarterRound(working, 2, 6, 10, 14);
                QuarterRound(working, 3, 7, 11, 15);
                QuarterRound(working, 0, 5, 10, 15);
                QuarterRound(working, 1, 6, 11, 12);
                QuarterRound(working, 2, 7, 8, 13);
                QuarterRound(working, 3, 4, 9, 14);
            }
        }

        /// <summary>The ChaCha quarter round on words a, b, c, d of <paramref name="x"/> (RFC 8439 section 2.1).</summary>
        public static void QuarterRound(Span<uint> x, int a, int b, int c, int d)
        {
            x[a] += x[b]; x[d] = RotateLeft(x[d] ^ x[a], 16);
            x[c] += x[d]; x[b] = RotateLeft(x[b] ^ x[c], 12);
            x[a] += x[b]; x[d] = RotateLeft(x[d] ^ x[a], 8);
            x[c] += x[d]; x[b] = RotateLeft(x[b] ^ x[c], 7);
        }

        private static uint RotateLeft(uint value, int bits) => (value << bits) | (value >> (32 - bits));

        private static uint LoadLittleEndian(ReadOnlySpan<byte> b) => b[0] | ((uint)b[1] << 8) | ((uint)b[2] << 16) | ((uint)b[3] << 24);

        private static void StoreLittleEndian(Span<byte> b, uint value)
        {
            b[0] = (byte)value;
            b[1] = (byte)(value >> 8);
            b[2] = (byte)(value >> 16);
            b[3] = (byte)(value >> 24);
        }
    }
}
