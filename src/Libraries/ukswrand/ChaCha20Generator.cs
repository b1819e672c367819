using System;

namespace Compose.Libraries.UkSwRand
{
    /// <summary>
    /// A ChaCha20 generator with fast key erasure: each refill computes <see cref="BufferBlocks"/> keystream blocks
    /// under the current key (nonce zero, counter from 0), takes the first 32 bytes as the next key and serves the
    /// rest, zeroing every byte it hands out. A later compromise of the state does not reveal earlier output.
    /// The output depends only on the seeds and the total number of bytes drawn, not on how draws are split.
    /// </summary>
    public sealed class ChaCha20Generator
    {
        /// <summary>Keystream blocks computed per refill.</summary>
        public const int BufferBlocks = 4;

        private const int BufferSize = BufferBlocks * ChaCha20.BlockSize;

        private readonly byte[] _key = new byte[ChaCha20.KeySize];
        private readonly byte[] _nonce = new byte[ChaCha20.NonceSize];
        private readonly byte[] _buffer = new byte[BufferSize];
        private int _position = BufferSize;
        private bool _seeded;

        /// <summary>Whether <see cref="Seed"/> has been called with seed material.</summary>
        public bool IsSeeded => _seeded;

        /// <summary>
        /// Mixes <paramref name="seed"/> into the key (XOR, folded over 32 bytes) and discards buffered output.
        /// The first seed sets the key; at least 32 bytes of good material are needed for full strength.
        /// Returns false (and changes nothing) for an empty seed.
        /// </summary>
        public bool Seed(ReadOnlySpan<byte> seed)
        {
            if (seed.Length == 0) return false;
            for (int i = 0; i < seed.Length; i++) _key[i % ChaCha20.KeySize] ^= seed[i];
            for (int i = _position; i < BufferSize; i++) _buffer[i] = 0;
            _position = BufferSize;
            _seeded = true;
            return true;
        }

        /// <summary>
        /// Fills <paramref name="destination"/> with random bytes; returns its length, or
        /// <see cref="RandomStatus.NotSeeded"/> (and zeroes it) when not seeded.
        /// </summary>
        public int Fill(Span<byte> destination)
        {
            if (!_seeded)
            {
                destination.Clear();
                return RandomStatus.NotSeeded;
            }
            int written = 0;
            while (written < destination.Length)
            {
                if (_position == BufferSize) Refill();
                int n = BufferSize - _position;
                if (n > destination.Length - written) n = destination.Length - written;
                for (int i = 0; i < n; i++)
                {
                    destination[written + i] = _buffer[_position + i];
                    _buffer[_position + i] = 0;
                }
                _position += n;
                written += n;
            }
            return destination.Length;
        }

        /// <summary>Four random bytes as a little-endian integer (0 when not seeded).</summary>
        public uint NextUInt32()
        {
            Span<byte> b = stackalloc byte[4];
            Fill(b);
            return b[0] | ((uint)b[1] << 8) | ((uint)b[2] << 16) | ((uint)b[3] << 24);
        }

        private void Refill()
        {
            for (int block = 0; block < BufferBlocks; block++)
                ChaCha20.Block(_key, (uint)block, _nonce, _buffer.AsSpan(block * ChaCha20.BlockSize, ChaCha20.BlockSize));
            for (int i = 0; i < ChaCha20.KeySize; i++)
            {
                _key[i] = _buffer[i];
                _buffer[i] = 0;
            }
            _position = ChaCha20.KeySize;
        }
    }
}
