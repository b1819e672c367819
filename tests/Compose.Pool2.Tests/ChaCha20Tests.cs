using System;
using System.Security.Cryptography;
using System.Text;
using Compose.Libraries.UkSwRand;
using CsCheck;
using Xunit;

namespace Compose.Pool2.Tests
{
    /// <summary>ChaCha20 against the test vectors of RFC 8439 and against the platform's ChaCha20-Poly1305.</summary>
    public class ChaCha20Tests
    {
        [Fact]
        public void QuarterRound_Rfc8439_2_2_1()
        {
            uint[] state =
            {
                0x879531e0, 0xc5ecf37d, 0x516461b1, 0xc9a62f8a, 0x44c20ef3, 0x3390af7f, 0xd9fc690b, 0x2a5f714c,
                0x53372767, 0xb00a5631, 0x974c541a, 0x359e9963, 0x5c971061, 0x3d631689, 0x2098d9d6, 0x91dbd320,
            };
            ChaCha20.QuarterRound(state, 2, 7, 8, 13);
            uint[] expected =
            {
                0x879531e0, 0xc5ecf37d, 0xbdb886dc, 0xc9a62f8a, 0x44c20ef3, 0x3390af7f, 0xd9fc690b, 0xcfacafd2,
                0xe46bea80, 0xb00a5631, 0x974c541a, 0x359e9963, 0x5c971061, 0xccc07c79, 0x2098d9d6, 0x91dbd320,
            };
            Assert.Equal(expected, state);
        }

        [Fact]
        public void BlockFunction_Rfc8439_2_3_2()
        {
            byte[] key = Hex.Parse("00:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:10:11:12:13:14:15:16:17:18:19:1a:1b:1c:1d:1e:1f");
            byte[] nonce = Hex.Parse("00:00:00:09:00:00:00:4a:00:00:00:00");
            byte[] expected = Hex.Parse(@"
                10 f1 e7 e4 d1 3b 59 15 50 0f dd 1f a3 20 71 c4
                c7 d1 f4 c7 33 c0 68 03 04 22 aa 9a c3 d4 6c 4e
                d2 82 64 46 07 9f aa 09 14 c2 d7 05 d9 8b 02 a2
                b5 12 9c d1 de 16 4e b9 cb d0 83 e8 a2 50 3c 4e");
            var block = new byte[64];
            Assert.True(ChaCha20.Block(key, 1, nonce, block));
            Assert.Equal(expected, block);
        }

        [Fact]
        public void Encryption_Rfc8439_2_4_2()
        {
            byte[] key = Hex.Parse("00:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:10:11:12:13:14:15:16:17:18:19:1a:1b:1c:1d:1e:1f");
            byte[] nonce = Hex.Parse("00:00:00:00:00:00:00:4a:00:00:00:00");
            byte[] plaintext = Encoding.ASCII.GetBytes(
                "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
            Assert.Equal(114, plaintext.Length);
            byte[] expected = Hex.Parse(@"
                6e 2e 35 9a 25 68 f9 80 41 ba 07 28 dd 0d 69 81
                e9 7e 7a ec 1d 43 60 c2 0a 27 af cc fd 9f ae 0b
                f9 1b 65 c5 52 47 33 ab 8f 59 3d ab cd 62 b3 57
                16 39 d6 24 e6 51 52 ab 8f 53 0c 35 9f 08 61 d8
                07 ca 0d bf 50 0d 6a 61 56 a3 8e 08 8a 22 b6 5e
                52 bc 51 4d 16 cc f8 06 81 8c e9 1a b7 79 37 36
                5a f9 0b bf 74 a3 5b e6 b4 0b 8e ed f2 78 5e 42
                87 4d");
            var ciphertext = new byte[plaintext.Length];
            Assert.True(ChaCha20.Xor(key, 1, nonce, plaintext, ciphertext));
            Assert.Equal(expected, ciphertext);

            var decrypted = new byte[ciphertext.Length];
            Assert.True(ChaCha20.Xor(key, 1, nonce, ciphertext, decrypted));
            Assert.Equal(plaintext, decrypted);
        }

        [Fact]
        public void BadSizes_AreRefused_WithoutWriting()
        {
            var output = new byte[64];
            Assert.False(ChaCha20.Block(new byte[31], 0, new byte[12], output));
            Assert.False(ChaCha20.Block(new byte[32], 0, new byte[8], output));
            Assert.False(ChaCha20.Block(new byte[32], 0, new byte[12], new byte[63]));
            Assert.False(ChaCha20.Xor(new byte[32], 0, new byte[12], new byte[10], new byte[9]));
            Assert.All(output, b => Assert.Equal(0, b));
        }

        [Fact]
        public void Xor_RefusesCounterWrap()
        {
            var output = new byte[65];
            Assert.True(ChaCha20.Xor(new byte[32], uint.MaxValue, new byte[12], new byte[64], new byte[64]));
            Assert.False(ChaCha20.Xor(new byte[32], uint.MaxValue, new byte[12], new byte[65], output));
            Assert.All(output, b => Assert.Equal(0, b));
        }

        [Fact]
        public void Xor_MatchesPlatformChaCha20Poly1305_Ciphertext()
        {
            // AEAD_CHACHA20_POLY1305 encrypts with the ChaCha20 keystream from block counter 1 (RFC 8439 2.8),
            // so its ciphertext (without the tag) is an independent check of the cipher for arbitrary inputs.
            Assert.True(ChaCha20Poly1305.IsSupported, "the platform's ChaCha20-Poly1305 is the oracle of this test");
            Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[12], Gen.Byte.Array[0, 700]).Sample((key, nonce, plaintext) =>
            {
                var expected = new byte[plaintext.Length];
                using (var aead = new ChaCha20Poly1305(key))
                    aead.Encrypt(nonce, plaintext, expected, new byte[16]);
                var actual = new byte[plaintext.Length];
                Assert.True(ChaCha20.Xor(key, 1, nonce, plaintext, actual));
                Assert.Equal(expected, actual);
            }, iter: 200);
        }
    }
}
