using System;
using System.Collections.Generic;
using Compose.Libraries.UkSwRand;
using Compose.Platform;
using CsCheck;
using Xunit;

namespace Compose.Pool2.Tests
{
    /// <summary>The ukswrand generator: its stream, seeding, key erasure, and the library's boot seeding.</summary>
    [Collection(UkApiBindings.Name)]
    public class SwRandTests
    {
        private static readonly byte[] Seed32 = Hex.Parse("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

        /// <summary>The generator's stream rebuilt from the RFC-checked cipher: per refill, 4 blocks under the key,
        /// the first 32 bytes become the next key, the other 224 are output.</summary>
        private static byte[] ReferenceStream(byte[] key, int length)
        {
            var output = new List<byte>();
            key = (byte[])key.Clone();
            while (output.Count < length)
            {
                var keystream = new byte[ChaCha20Generator.BufferBlocks * 64];
                Assert.True(ChaCha20.Xor(key, 0, new byte[12], new byte[keystream.Length], keystream));
                key = keystream[..32];
                output.AddRange(keystream[32..]);
            }
            return output.GetRange(0, length).ToArray();
        }

        [Fact]
        public void Unseeded_FillReportsEagain_AndZeroes()
        {
            var g = new ChaCha20Generator();
            var buffer = new byte[16];
            buffer.AsSpan().Fill(0xAA);
            Assert.False(g.IsSeeded);
            Assert.Equal(RandomStatus.NotSeeded, g.Fill(buffer));
            Assert.Equal(-11, RandomStatus.NotSeeded);
            Assert.All(buffer, b => Assert.Equal(0, b));
        }

        [Fact]
        public void EmptySeed_IsRefused()
        {
            var g = new ChaCha20Generator();
            Assert.False(g.Seed(ReadOnlySpan<byte>.Empty));
            Assert.False(g.IsSeeded);
        }

        [Fact]
        public void Stream_IsChaCha20WithFastKeyErasure()
        {
            var g = new ChaCha20Generator();
            Assert.True(g.Seed(Seed32));
            var actual = new byte[1000];
            Assert.Equal(1000, g.Fill(actual));
            Assert.Equal(ReferenceStream(Seed32, 1000), actual);
        }

        [Fact]
        public void Stream_DoesNotDependOnHowDrawsAreSplit()
        {
            Gen.Int[0, 300].Array[0, 12].Sample(sizes =>
            {
                var g = new ChaCha20Generator();
                g.Seed(Seed32);
                var joined = new List<byte>();
                foreach (int size in sizes)
                {
                    var part = new byte[size];
                    Assert.Equal(size, g.Fill(part));
                    joined.AddRange(part);
                }
                int total = joined.Count;
                Assert.Equal(ReferenceStream(Seed32, total), joined.ToArray());
            }, iter: 200);
        }

        [Fact]
        public void Reseeding_ChangesTheStream_AndDiscardsBufferedOutput()
        {
            var a = new ChaCha20Generator();
            var b = new ChaCha20Generator();
            a.Seed(Seed32);
            b.Seed(Seed32);
            var first = new byte[10];
            a.Fill(first);
            b.Fill(first);
            b.Seed(new byte[] { 1 });
            var fromA = new byte[64];
            var fromB = new byte[64];
            a.Fill(fromA);
            b.Fill(fromB);
            Assert.NotEqual(fromA, fromB);
            // After the reseed b restarts from a fresh refill of the mixed key: key XOR seed, folded.
            Assert.Equal(ReferenceStream(MixedKeyAfterOneRefill(), 64), fromB);
        }

        private static byte[] MixedKeyAfterOneRefill()
        {
            // The key after the first refill is the first 32 keystream bytes of the seed key; the reseed XORs 1 into byte 0.
            var keystream = new byte[64];
            Assert.True(ChaCha20.Xor(Seed32, 0, new byte[12], new byte[64], keystream));
            var key = keystream[..32];
            key[0] ^= 1;
            return key;
        }

        [Fact]
        public void DifferentSeeds_GiveDifferentStreams()
        {
            Gen.Byte.Array[32].Select(Gen.Byte.Array[32]).Where(t => !t.Item1.AsSpan().SequenceEqual(t.Item2)).Sample((s1, s2) =>
            {
                var a = new ChaCha20Generator();
                var b = new ChaCha20Generator();
                a.Seed(s1);
                b.Seed(s2);
                var x = new byte[32];
                var y = new byte[32];
                a.Fill(x);
                b.Fill(y);
                Assert.NotEqual(x, y);
            }, iter: 100);
        }

        [Fact]
        public void Output_LooksUniform_ChiSquareOnByteValues()
        {
            var g = new ChaCha20Generator();
            g.Seed(Seed32);
            var data = new byte[256 * 400];
            g.Fill(data);
            var counts = new int[256];
            foreach (byte b in data) counts[b]++;
            double expected = data.Length / 256.0, chi = 0;
            foreach (int c in counts) chi += (c - expected) * (c - expected) / expected;
            // 255 degrees of freedom: the 99.99th percentile is about 348; a broken generator lands far above.
            Assert.InRange(chi, 150, 348);
        }

        [Fact]
        public void FixedSeedSource_RepeatsItsSeed()
        {
            var source = new FixedSeedSource(new byte[] { 1, 2, 3 });
            var seed = new byte[7];
            Assert.True(source.TryGetSeed(seed));
            Assert.Equal(new byte[] { 1, 2, 3, 1, 2, 3, 1 }, seed);
            Assert.False(new FixedSeedSource(ReadOnlySpan<byte>.Empty).TryGetSeed(seed));
        }

        private sealed class FakeClock : IClock
        {
            public long Wall;
            public long Mono;
            public long Step = 37;
            public long MonotonicNanoseconds => Mono += Step;
            public long WallClockNanoseconds => Wall;
        }

        [Fact]
        public void ClockSeedSource_DependsOnTheClock()
        {
            var s1 = new byte[32];
            var s2 = new byte[32];
            var s3 = new byte[32];
            Assert.True(new ClockSeedSource(new FakeClock { Wall = 1_700_000_000_000_000_000, Mono = 5 }).TryGetSeed(s1));
            Assert.True(new ClockSeedSource(new FakeClock { Wall = 1_700_000_000_000_000_000, Mono = 5 }).TryGetSeed(s2));
            Assert.True(new ClockSeedSource(new FakeClock { Wall = 1_700_000_000_000_000_001, Mono = 5 }).TryGetSeed(s3));
            Assert.Equal(s1, s2);
            Assert.NotEqual(s1, s3);
            var jittery = new FakeClock { Wall = 1_700_000_000_000_000_000, Mono = 5, Step = 38 };
            var s4 = new byte[32];
            new ClockSeedSource(jittery).TryGetSeed(s4);
            Assert.NotEqual(s1, s4);
        }

        [Fact]
        public void Library_InitSeedsTheBoundProviderFromTheClock()
        {
            var rng = new SoftwareRandom();
            UkApi<IRandom>.Bind(rng);
            UkApi<IClock>.Bind(new FakeClock { Wall = 42 });
            try
            {
                Assert.False(rng.IsSeeded);
                Assert.Equal(0, SoftwareRandom.Init());
                Assert.True(rng.IsSeeded);
                Assert.Equal("clock", rng.SeedSourceName);
                var buffer = new byte[100];
                Assert.Equal(100, rng.Fill(buffer));
                Assert.Contains(buffer, b => b != 0);

                UkApi<IClock>.Bind(null);
                var other = new SoftwareRandom();
                UkApi<IRandom>.Bind(other);
                Assert.Equal(-1, SoftwareRandom.Init());
                Assert.False(other.IsSeeded);
            }
            finally
            {
                UkApi<IRandom>.Bind(null);
                UkApi<IClock>.Bind(null);
            }
        }

        private sealed class FakeEntropy : IEntropySource
        {
            public string Name { get; set; } = "rdseed";
            public bool Works = true;
            public int Calls;
            public bool Fill(Span<byte> buffer)
            {
                Calls++;
                for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(0x40 + i);
                return Works;
            }
        }

        [Fact]
        public void Library_InitPrefersThePlatformEntropySource_AndFallsBackToTheClock()
        {
            var entropy = new FakeEntropy();
            UkApi<IClock>.Bind(new FakeClock { Wall = 42 });
            UkApi<IEntropySource>.Bind(entropy);
            try
            {
                var rng = new SoftwareRandom();
                UkApi<IRandom>.Bind(rng);
                Assert.Equal(0, SoftwareRandom.Init());
                Assert.Equal("rdseed", rng.SeedSourceName);
                Assert.Equal(1, entropy.Calls);
                // The stream is the one the entropy bytes seed.
                var expected = new SoftwareRandom();
                var seed = new byte[32];
                for (int i = 0; i < seed.Length; i++) seed[i] = (byte)(0x40 + i);
                Assert.True(expected.Seed(new FixedSeedSource(seed)));
                var a = new byte[64];
                var b = new byte[64];
                rng.Fill(a);
                expected.Fill(b);
                Assert.Equal(b, a);

                entropy.Works = false;                 // the instruction kept failing: the clock takes over
                rng = new SoftwareRandom();
                UkApi<IRandom>.Bind(rng);
                Assert.Equal(0, SoftwareRandom.Init());
                Assert.Equal("clock", rng.SeedSourceName);

                entropy.Works = true;
                entropy.Name = "";                     // a CPU without RDSEED/RDRAND: not even asked
                entropy.Calls = 0;
                rng = new SoftwareRandom();
                UkApi<IRandom>.Bind(rng);
                Assert.Equal(0, SoftwareRandom.Init());
                Assert.Equal("clock", rng.SeedSourceName);
                Assert.Equal(0, entropy.Calls);
            }
            finally
            {
                UkApi<IRandom>.Bind(null);
                UkApi<IClock>.Bind(null);
                UkApi<IEntropySource>.Bind(null);
            }
        }

        [Fact]
        public void NextBelow_StaysInRange_AndHitsEveryValue()
        {
            var rng = new SoftwareRandom();
            rng.Seed(new FixedSeedSource(Seed32));
            var seen = new bool[7];
            for (int i = 0; i < 1000; i++)
            {
                uint v = rng.NextBelow(7);
                Assert.InRange(v, 0u, 6u);
                seen[v] = true;
            }
            Assert.All(seen, Assert.True);
            Assert.Equal(0u, rng.NextBelow(0));
        }
    }
}
