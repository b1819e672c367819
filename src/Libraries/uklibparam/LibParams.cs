using Compose.Platform;

namespace Compose.Libraries.UkLibParam
{
    /// <summary>
    /// The parameters of the running image. The generated boot sequence parses the command line with
    /// <see cref="LibParamParser"/>, passes the result to <see cref="Report"/> (which prints help or the error),
    /// assigns the <c>[UkParam]</c> members and calls <see cref="Install"/>, all before the first init function.
    /// Libraries normally read their own members; the lookups here serve code that only knows a parameter's name.
    /// Until then every lookup gives the caller's default.
    /// </summary>
    public static class LibParams
    {
        private static LibParamResult? s_current;

        /// <summary>Exit status of a boot stopped by a bad parameter (sysexits EX_USAGE, as kvm's boot arguments).</summary>
        public const int UsageStatus = 64;

        /// <summary>The installed result, or null before boot has parsed the command line.</summary>
        public static LibParamResult? Current => s_current;

        /// <summary>Makes <paramref name="result"/> the values libraries see (null clears them, for tests).</summary>
        public static void Install(LibParamResult? result) { s_current = result; }

        /// <summary>
        /// Prints the outcome on the console: the help listing for <see cref="LibParamStatus.Help"/>, the error for
        /// <see cref="LibParamStatus.Error"/>, nothing when parsing succeeded. Returns -1 when boot should go on,
        /// otherwise the status to exit with before main: 0 after help, <see cref="UsageStatus"/> (64) after an error.
        /// </summary>
        public static int Report(LibParamResult result)
        {
            if (result.Status == LibParamStatus.Ok) return -1;
            if (result.Status == LibParamStatus.Help)
            {
                UkConsole.Write(LibParamParser.Help(result.Table));
                return 0;
            }
            UkConsole.WriteLine(result.Error);
            UkConsole.WriteLine("uklibparam: stopping the boot before main (status 64); give " + LibParamParser.HelpWord + " to list the parameters");
            return UsageStatus;
        }

        /// <summary>The int parameter <c>library.name</c>, or <paramref name="fallback"/> when none is installed or declared.</summary>
        public static long GetInt(string library, string name, long fallback)
            => s_current is not null && s_current.TryGetInt(library, name, out long v) ? v : fallback;

        /// <summary>The bool parameter <c>library.name</c>, or <paramref name="fallback"/>.</summary>
        public static bool GetBool(string library, string name, bool fallback)
            => s_current is not null && s_current.TryGetBool(library, name, out bool v) ? v : fallback;

        /// <summary>The string parameter <c>library.name</c>, or <paramref name="fallback"/>.</summary>
        public static string GetString(string library, string name, string fallback)
            => s_current is not null && s_current.TryGetString(library, name, out string v) ? v : fallback;
    }
}
