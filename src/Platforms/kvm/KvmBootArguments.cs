namespace Compose.Platforms.Kvm
{
    /// <summary>
    /// The boot arguments of the kvm platform: the kernel command-line words before <c>--</c> (boot/args.S
    /// splits the line; the words after <c>--</c> are the app's arguments). Known: <c>platkvm.boottime</c>.
    /// </summary>
    internal static unsafe class KvmBootArguments
    {
        private const string BootTime = "platkvm.boottime";
        private static bool s_reportBootTime;

        /// <summary>Validates every boot argument; returns 0, or <see cref="KvmPlatform.UsageStatus"/> after a message.</summary>
        internal static int Check()
        {
            int dropped = Native.ArgumentsDropped();
            if (dropped > 0)
            {
                KvmText.Write("platkvm: the kernel command line has more than 64 words; ");
                KvmText.WriteDecimal((ulong)dropped);
                KvmText.Write(" dropped. Pass fewer arguments.\n");
                return KvmPlatform.UsageStatus;
            }
            int count;
            byte** words = Native.BootArguments(&count);
            for (int i = 0; i < count; i++)
            {
                byte* word = words[i];
                if (KvmText.CStringEquals(word, BootTime) || KvmText.CStringEquals(word, BootTime + "=1"))
                {
                    s_reportBootTime = true;
                    continue;
                }
                if (KvmText.CStringEquals(word, BootTime + "=0"))
                {
                    s_reportBootTime = false;
                    continue;
                }
                KvmText.Write("platkvm: unknown boot argument '");
                KvmText.WriteCString(word);
                KvmText.Write("' (kernel command line, word ");
                KvmText.WriteDecimal((ulong)(i + 1));
                KvmText.Write(", before '--'). Known boot arguments: " + BootTime +
                              "[=0|1]. Arguments for the app go after '--'.\n");
                return KvmPlatform.UsageStatus;
            }
            return 0;
        }

        /// <summary>Prints the TSC ticks since the first boot instruction when the option or <c>platkvm.boottime</c> is on.</summary>
        internal static void ReportBootTime(bool option)
        {
            if (!s_reportBootTime && !option) return;
            ulong ticks = Native.ReadTsc() - Native.BootTsc();
            ulong hz = KvmTime.TscHertz();
            KvmText.Write("[kvm] boot to main: ");
            KvmText.WriteDecimal(ticks);
            KvmText.Write(" TSC ticks, ");
            KvmText.WriteDecimal(ticks * 1000 / (hz / 1000));
            KvmText.Write(" us at ");
            KvmText.WriteDecimal(hz / 1000000);
            KvmText.Write(" MHz\n");
        }
    }
}
