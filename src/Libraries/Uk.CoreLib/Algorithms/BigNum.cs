// Pure algorithm shared by Uk.CoreLib and the host tests (tests/Compose.CoreLib.Tests links this file and checks it
// against the real BCL): a small unsigned big integer for exact floating-point formatting and parsing.
namespace Uk.Algorithms
{
    /// <summary>
    /// A non-negative integer of 32-bit limbs (little-endian) that grows as needed. Mutating operations work in place.
    /// Images may run without a collector, so the limb array starts small (formatting a double needs at most 36 limbs).
    /// </summary>
    internal sealed class BigNum
    {
        private uint[] _limbs = new uint[8];
        private int _length; // number of significant limbs; 0 means zero

        internal static BigNum FromUInt64(ulong value)
        {
            var b = new BigNum();
            b.SetUInt64(value);
            return b;
        }

        private void Ensure(int limbs)
        {
            if (limbs <= _limbs.Length) return;
            int size = _limbs.Length * 2;
            if (size < limbs) size = limbs;
            uint[] grown = new uint[size];
            for (int i = 0; i < _length; i++) grown[i] = _limbs[i];
            _limbs = grown;
        }

        internal void SetUInt64(ulong value)
        {
            _limbs[0] = (uint)value;
            _limbs[1] = (uint)(value >> 32);
            _length = value == 0 ? 0 : (value >> 32) == 0 ? 1 : 2;
        }

        internal BigNum Clone()
        {
            var b = new BigNum();
            b.CopyFrom(this);
            return b;
        }

        internal void CopyFrom(BigNum other)
        {
            Ensure(other._length);
            for (int i = 0; i < other._length; i++) _limbs[i] = other._limbs[i];
            _length = other._length;
        }

        internal bool IsZero => _length == 0;

        /// <summary>Number of significant bits (0 for zero).</summary>
        internal int BitLength
        {
            get
            {
                if (_length == 0) return 0;
                uint top = _limbs[_length - 1];
                int bits = 0;
                while (top != 0) { bits++; top >>= 1; }
                return (_length - 1) * 32 + bits;
            }
        }

        internal void MultiplySmall(uint factor)
        {
            ulong carry = 0;
            for (int i = 0; i < _length; i++)
            {
                ulong p = (ulong)_limbs[i] * factor + carry;
                _limbs[i] = (uint)p;
                carry = p >> 32;
            }
            if (carry != 0) { Ensure(_length + 1); _limbs[_length++] = (uint)carry; }
            if (factor == 0) _length = 0;
        }

        internal void AddSmall(uint value)
        {
            ulong carry = value;
            for (int i = 0; i < _length && carry != 0; i++)
            {
                ulong s = (ulong)_limbs[i] + carry;
                _limbs[i] = (uint)s;
                carry = s >> 32;
            }
            if (carry != 0) { Ensure(_length + 1); _limbs[_length++] = (uint)carry; }
        }

        internal void MultiplyPow10(int exponent)
        {
            while (exponent >= 9) { MultiplySmall(1000000000); exponent -= 9; }
            uint f = 1;
            while (exponent-- > 0) f *= 10;
            if (f != 1) MultiplySmall(f);
        }

        internal void ShiftLeft(int bits)
        {
            if (_length == 0 || bits == 0) return;
            int words = bits >> 5, rest = bits & 31;
            Ensure(_length + words + 1);
            _limbs[_length + words] = 0; // the limb above the result may hold stale bits
            if (rest == 0)
            {
                for (int i = _length - 1; i >= 0; i--) _limbs[i + words] = _limbs[i];
            }
            else
            {
                for (int i = _length - 1; i >= 0; i--)
                {
                    _limbs[i + words + 1] |= _limbs[i] >> (32 - rest);
                    _limbs[i + words] = _limbs[i] << rest;
                }
            }
            for (int i = 0; i < words; i++) _limbs[i] = 0;
            _length += words + 1;
            Trim();
        }

        /// <summary>this += other.</summary>
        internal void Add(BigNum other)
        {
            int n = _length > other._length ? _length : other._length;
            Ensure(n + 1);
            ulong carry = 0;
            for (int i = 0; i < n; i++)
            {
                ulong s = (ulong)(i < _length ? _limbs[i] : 0) + (i < other._length ? other._limbs[i] : 0) + carry;
                _limbs[i] = (uint)s;
                carry = s >> 32;
            }
            _length = n;
            if (carry != 0) _limbs[_length++] = (uint)carry; // room ensured above
        }

        /// <summary>this -= other; requires this &gt;= other.</summary>
        internal void Subtract(BigNum other)
        {
            long borrow = 0;
            for (int i = 0; i < _length; i++)
            {
                long d = (long)_limbs[i] - (i < other._length ? other._limbs[i] : 0) - borrow;
                borrow = d < 0 ? 1 : 0;
                _limbs[i] = (uint)d;
            }
            Trim();
        }

        internal static int Compare(BigNum a, BigNum b)
        {
            if (a._length != b._length) return a._length < b._length ? -1 : 1;
            for (int i = a._length - 1; i >= 0; i--)
            {
                if (a._limbs[i] != b._limbs[i]) return a._limbs[i] < b._limbs[i] ? -1 : 1;
            }
            return 0;
        }

        /// <summary>Compares a + b with c, using <paramref name="scratch"/> for the sum.</summary>
        internal static int CompareSum(BigNum a, BigNum b, BigNum c, BigNum scratch)
        {
            scratch.CopyFrom(a);
            scratch.Add(b);
            return Compare(scratch, c);
        }

        /// <summary>
        /// The quotient of this / divisor when it is known to be below 10 (digit generation); this becomes the remainder.
        /// </summary>
        internal uint DivRemSmallQuotient(BigNum divisor)
        {
            uint q = 0;
            while (Compare(this, divisor) >= 0)
            {
                Subtract(divisor);
                q++;
            }
            return q;
        }

        /// <summary>The 64 most significant bits (left-aligned), and whether any bit below them is set.</summary>
        internal ulong Top64(out bool lowerBitsSet)
        {
            int bits = BitLength;
            lowerBitsSet = false;
            if (bits <= 64)
            {
                ulong v = _length == 0 ? 0 : _limbs[0] | (_length > 1 ? (ulong)_limbs[1] << 32 : 0);
                return bits == 0 ? 0 : v << (64 - bits);
            }
            int shift = bits - 64; // bits dropped from the bottom
            ulong result = 0;
            for (int i = 0; i < 64; i++)
            {
                int bit = shift + i;
                if ((_limbs[bit >> 5] >> (bit & 31) & 1) != 0) result |= 1UL << i;
            }
            for (int w = 0; w < (shift >> 5); w++)
            {
                if (_limbs[w] != 0) { lowerBitsSet = true; break; }
            }
            if (!lowerBitsSet && (shift & 31) != 0 && (_limbs[shift >> 5] & ((1u << (shift & 31)) - 1)) != 0) lowerBitsSet = true;
            return result;
        }

        /// <summary>this = round(this / 2^bits), ties to even.</summary>
        internal void ShiftRightRoundHalfEven(int bits)
        {
            if (bits <= 0 || _length == 0) return;
            bool half = Bit(bits - 1), below = false;
            for (int i = 0; i < bits - 1 && !below; i++) below = Bit(i);
            int words = bits >> 5, rest = bits & 31;
            int n = _length - words;
            if (n <= 0) { _length = 0; }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    ulong lo = _limbs[i + words];
                    ulong hi = i + words + 1 < _length ? _limbs[i + words + 1] : 0;
                    _limbs[i] = rest == 0 ? (uint)lo : (uint)((lo >> rest) | (hi << (32 - rest)));
                }
                _length = n;
                Trim();
            }
            if (half && (below || (_length > 0 && (_limbs[0] & 1) != 0))) AddSmall(1);
        }

        private bool Bit(int index) => (index >> 5) < _length && ((_limbs[index >> 5] >> (index & 31)) & 1) != 0;

        /// <summary>Divides by a small divisor in place and returns the remainder.</summary>
        internal uint DivRemSmall(uint divisor)
        {
            ulong rem = 0;
            for (int i = _length - 1; i >= 0; i--)
            {
                ulong cur = (rem << 32) | _limbs[i];
                _limbs[i] = (uint)(cur / divisor);
                rem = cur % divisor;
            }
            Trim();
            return (uint)rem;
        }

        /// <summary>The decimal digits ("0" for zero).</summary>
        internal string ToDecimalString()
        {
            if (_length == 0) return "0";
            BigNum t = Clone();
            char[] buffer = new char[_length * 10 + 10];
            int at = buffer.Length;
            while (!t.IsZero)
            {
                uint chunk = t.DivRemSmall(1000000000);
                for (int i = 0; i < 9; i++) { buffer[--at] = (char)('0' + chunk % 10); chunk /= 10; }
            }
            while (at < buffer.Length - 1 && buffer[at] == '0') at++;
            return new string(buffer, at, buffer.Length - at);
        }

        private void Trim()
        {
            while (_length > 0 && _limbs[_length - 1] == 0) _length--;
        }
    }
}
