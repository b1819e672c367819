using System;
using System.Runtime.InteropServices;

namespace Compose.Platforms.X86
{
    /// <summary>
    /// The CPU's random number instructions (ukrand.S beside this file), compiled into the linuxu and kvm platform
    /// libraries (each csproj links this file): RDSEED when CPUID reports it, else RDRAND, else nothing. The platform
    /// classes expose it as <c>Compose.Platform.IEntropySource</c>.
    /// </summary>
    internal static unsafe class X86Entropy
    {
        private const int FeatureRdrand = 1, FeatureRdseed = 2;
        private static int _features = -1;

        /// <summary><c>rdseed</c>, <c>rdrand</c> or empty: what this CPU offers (CPUID, read once).</summary>
        public static string Name
        {
            get
            {
                int f = Features();
                return (f & FeatureRdseed) != 0 ? "rdseed" : (f & FeatureRdrand) != 0 ? "rdrand" : "";
            }
        }

        /// <summary>
        /// Fills <paramref name="buffer"/> from RDSEED (else RDRAND) 8 bytes at a time; false when the CPU has neither,
        /// an instruction kept failing through its retries, or it returned all zeros or all ones (the pattern of
        /// known-broken RDRAND implementations).
        /// </summary>
        public static bool Fill(Span<byte> buffer)
        {
            int f = Features();
            bool seed = (f & FeatureRdseed) != 0;
            if (!seed && (f & FeatureRdrand) == 0) return false;
            int at = 0;
            while (at < buffer.Length)
            {
                ulong value;
                int ok = seed ? RdSeed64(&value) : RdRand64(&value);
                if (ok == 0 || value == 0 || value == ulong.MaxValue) return false;
                for (int i = 0; i < 8 && at < buffer.Length; i++) buffer[at++] = (byte)(value >> (8 * i));
            }
            return true;
        }

        private static int Features()
        {
            if (_features < 0) _features = RandFeatures();
            return _features;
        }

        [DllImport("uknative", EntryPoint = "uk_x86_rand_features"), SuppressGCTransition]
        private static extern int RandFeatures();

        [DllImport("uknative", EntryPoint = "uk_x86_rdrand64"), SuppressGCTransition]
        private static extern int RdRand64(ulong* value);

        [DllImport("uknative", EntryPoint = "uk_x86_rdseed64"), SuppressGCTransition]
        private static extern int RdSeed64(ulong* value);
    }
}
