using Compose.Libraries.UkAlloc;
using Compose.Libraries.UkArgParse;
using Compose.Libraries.UkDebug;
using Compose.Libraries.UkLibParam;
using Compose.Platform;

namespace Compose.Libraries.UkBoot
{
    /// <summary>
    /// The bootstrap library (Unikraft's ukboot). The boot sequence itself is the generated wiring table; ukboot
    /// pulls in what every image needs (a console, printk, argument parsing, library parameters, an allocator) and
    /// prints the banner once the init functions have run. With uklibparam composed, the boot sequence parses
    /// <c>lib.param=value</c> words before <c>--</c> on every platform, and <c>uklibparam.help</c> lists them.
    /// </summary>
    [UkLibrary("ukboot", Description = "Bootstrap: banner and the libraries every image needs", License = "BSD-3-Clause")]
    [Requires(typeof(IConsole))]
    [Requires(typeof(IAllocator))]
    [Requires(typeof(UkDebugLibrary))]
    [Requires(typeof(UkArgParseLibrary))]
    [Requires(typeof(LibParamParser))]
    [UkBoolOption("BANNER", true, Help = "Print the Compose banner before main")]
    [UkBoolOption("EXCEPTIONS", true, FeatureSwitch = "Uk.CoreLib.Exceptions",
        Help = "Exception dispatch in images: catch, finally and stack traces. Off, a throw is a panic naming the exception and the throw site, and the image has no unwinder or unwind tables (about 20 KB less)")]
    public static partial class UkBootLibrary
    {
        /// <summary>The library parameter <c>ukboot.banner</c>: 0 leaves the banner out of this boot.</summary>
        [UkParam("banner", Help = "Print the Compose banner before main (when CONFIG_LIBUKBOOT_BANNER=y)")]
        public static bool BannerParam = true;

        /// <summary>Prints the banner as the last init function (late, priority 9), just before main.</summary>
        [UkInit(UkInitClass.Late, Priority = 9)]
        public static void PrintBanner()
        {
            if (!Options.Banner || !BannerParam) return;
            UkConsole.WriteLine("  ___ ___  _ __  _ __  ___ ___ ___");
            UkConsole.WriteLine(" / __/ _ \\| '  \\| '_ \\/ _ (_-</ -_)");
            UkConsole.WriteLine(" \\___\\___/|_|_|_| .__/\\___/__/\\___|");
            UkConsole.WriteLine("                |_|   " + UkRuntimeInfo.ComposeVersion);
        }
    }
}
