namespace Compose.Platforms.Kvm
{
    /// <summary>
    /// The kernel command line of the kvm platform. boot/args.S splits it into words and hands all of them to the
    /// app's entry point; the generated boot sequence parses the library parameters before <c>--</c> (uklibparam),
    /// <c>platkvm.boottime</c> among them. What is left here: the words the splitter had to drop.
    /// </summary>
    internal static unsafe class KvmBootArguments
    {
        /// <summary>Refuses a command line with more words than boot/args.S keeps; returns 0, or <see cref="KvmPlatform.UsageStatus"/> after a message.</summary>
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
            return 0;
        }

        /// <summary>Prints the TSC ticks since the first boot instruction when the option or <c>platkvm.boottime</c> is on.</summary>
        internal static void ReportBootTime(bool enabled)
        {
            if (!enabled) return;
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
