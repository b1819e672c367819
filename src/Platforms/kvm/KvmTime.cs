namespace Compose.Platforms.Kvm
{
    /// <summary>
    /// Time on kvm: the TSC, calibrated once (on first use, so boot does not pay for it) against the 8254 PIT
    /// (1.193182 MHz), gives monotonic nanoseconds since the first boot instruction; the CMOS RTC read at
    /// calibration anchors the wall clock; sleeping programs PIT channel 0 one-shot and halts until IRQ 0.
    /// </summary>
    internal static class KvmTime
    {
        private const ulong PitHertz = 1193182;
        private const ushort PitChannel0 = 0x40;
        private const ushort PitCommand = 0x43;
        private const uint CalibrationPitTicks = 11932;   // 10 ms
        private const long MaxSleepSlice = 50_000_000;    // below the PIT's 16-bit one-shot range (54.9 ms)

        private static ulong s_tscHertz;
        private static ulong s_nsPerTsc32;                // nanoseconds per TSC tick, 32.32 fixed point
        private static long s_wallAtCalibration;
        private static ulong s_tscAtCalibration;

        /// <summary>The TSC frequency (calibrated on first call).</summary>
        internal static ulong TscHertz()
        {
            if (s_tscHertz == 0) Calibrate();
            return s_tscHertz;
        }

        internal static long MonotonicNanoseconds()
        {
            if (s_tscHertz == 0) Calibrate();
            return (long)ToNanoseconds(Native.ReadTsc() - Native.BootTsc());
        }

        internal static long WallClockNanoseconds()
        {
            if (s_tscHertz == 0) Calibrate();
            return s_wallAtCalibration + (long)ToNanoseconds(Native.ReadTsc() - s_tscAtCalibration);
        }

        internal static void Sleep(long nanoseconds)
        {
            long now = MonotonicNanoseconds();
            long deadline = now + nanoseconds;
            while (now < deadline)
            {
                long slice = deadline - now;
                if (slice > MaxSleepSlice) slice = MaxSleepSlice;
                ulong pitTicks = (ulong)slice * PitHertz / 1_000_000_000UL;
                if (pitTicks == 0) pitTicks = 1;
                StartOneShot((uint)pitTicks);
                Native.SetIrqMask(0xFFFE);      // IRQ 0 only
                Native.HaltUntilInterrupt();
                Native.SetIrqMask(0xFFFF);
                now = MonotonicNanoseconds();
            }
        }

        // (ticks >> 32) * k + ((ticks & 0xFFFFFFFF) * k >> 32) with k in 32.32: exact and without overflow.
        private static ulong ToNanoseconds(ulong ticks) =>
            (ticks >> 32) * s_nsPerTsc32 + (((ticks & 0xFFFF_FFFFUL) * s_nsPerTsc32) >> 32);

        private static void Calibrate()
        {
            StartOneShot(0xFFFF);
            uint first = ReadCounter();
            ulong tscStart = Native.ReadTsc();
            uint now;
            do { now = ReadCounter(); } while (first - now < CalibrationPitTicks && now <= first);
            ulong tscEnd = Native.ReadTsc();
            uint elapsed = first - now;
            if (now > first || elapsed == 0) elapsed = CalibrationPitTicks;  // counter wrapped: keep the nominal window
            s_tscHertz = (tscEnd - tscStart) * PitHertz / elapsed;
            if (s_tscHertz == 0) s_tscHertz = 1_000_000_000;
            s_nsPerTsc32 = (1_000_000_000UL << 32) / s_tscHertz;
            s_tscAtCalibration = Native.ReadTsc();
            s_wallAtCalibration = KvmRtc.ReadUnixNanoseconds();
        }

        // Channel 0, low then high byte, mode 0 (interrupt on terminal count).
        private static void StartOneShot(uint count)
        {
            Native.OutByte(PitCommand, 0x30);
            Native.OutByte(PitChannel0, (byte)count);
            Native.OutByte(PitChannel0, (byte)(count >> 8));
        }

        private static uint ReadCounter()
        {
            Native.OutByte(PitCommand, 0x00);    // latch channel 0
            uint low = Native.InByte(PitChannel0);
            uint high = Native.InByte(PitChannel0);
            return low | (high << 8);
        }
    }
}
