using Compose.Libraries.UkAlloc;
using Compose.Libraries.UkArgParse;
using Compose.Libraries.UkDebug;
using Compose.Platform;

namespace Compose.Libraries.UkBoot
{
    /// <summary>
    /// The bootstrap library (Unikraft's ukboot). The boot sequence itself is the generated wiring table; ukboot
    /// pulls in what every image needs (a console, printk, argument parsing, an allocator) and prints the banner
    /// once the init functions have run.
    /// </summary>
    [UkLibrary("ukboot", Description = "Bootstrap: banner and the libraries every image needs", License = "BSD-3-Clause")]
    [Requires(typeof(IConsole))]
    [Requires(typeof(IAllocator))]
    [Requires(typeof(UkDebugLibrary))]
    [Requires(typeof(UkArgParseLibrary))]
    [UkBoolOption("BANNER", true, Help = "Print the Compose banner before main")]
    public static partial class UkBootLibrary
    {
        /// <summary>Prints the banner as the last init function (late, priority 9), just before main.</summary>
        [UkInit(UkInitClass.Late, Priority = 9)]
        public static void PrintBanner()
        {
            if (!Options.Banner) return;
            UkConsole.WriteLine("  ___ ___  _ __  _ __  ___ ___ ___");
            UkConsole.WriteLine(" / __/ _ \\| '  \\| '_ \\/ _ (_-</ -_)");
            UkConsole.WriteLine(" \\___\\___/|_|_|_| .__/\\___/__/\\___|");
            UkConsole.WriteLine("                |_|   " + UkRuntimeInfo.ComposeVersion);
        }
    }
}
