using Compose.Platform;

namespace Compose.Libraries.UkDebug
{
    /// <summary>printk levels, most severe first (Unikraft's KLVL_*).</summary>
    public enum PrintkLevel
    {
        /// <summary>The system cannot go on.</summary>
        Crit = 0,
        /// <summary>An operation failed.</summary>
        Err = 1,
        /// <summary>Something looks wrong.</summary>
        Warn = 2,
        /// <summary>Progress worth knowing.</summary>
        Info = 3,
        /// <summary>Detail for developers.</summary>
        Debug = 4,
    }

    /// <summary>
    /// Kernel messages and assertions (Unikraft's ukdebug). A message reaches the console, prefixed with the level
    /// and the library, when it is at least as severe as both the compile-time floor
    /// (<c>CONFIG_LIBUKDEBUG_PRINTK_LEVEL</c>: nothing less severe is ever printed) and the boot-time level (the
    /// library parameter <c>ukdebug.level=0..4</c>, default 4, which can only make the console quieter).
    /// </summary>
    [UkLibrary("ukdebug", Description = "printk with levels and assertions", License = "BSD-3-Clause")]
    [Requires(typeof(IConsole))]
    [Requires(typeof(IPlatformControl))]
    [UkBoolOption("PRINTK", true, Help = "Print kernel messages at all")]
    [UkChoiceOption("PRINTK_LEVEL", "err", "crit", "err", "warn", "info", "debug", Help = "Least severe level printed", DependsOn = "PRINTK")]
    [UkBoolOption("ASSERT", true, Help = "Check UkDebug.Assert conditions")]
    [UkBoolOption("TRACE", false, Help = "Print the trace point counters at shutdown")]
    public static partial class UkDebugLibrary
    {
        /// <summary>
        /// The boot-time level, the library parameter <c>ukdebug.level</c> (0 crit ... 4 debug). The default 4 leaves
        /// the compile-time floor alone; lower values silence the less severe messages.
        /// </summary>
        [UkParam("level", Min = 0, Max = 4, Help = "printk level at boot: 0 crit, 1 err, 2 warn, 3 info, 4 debug; never beyond CONFIG_LIBUKDEBUG_PRINTK_LEVEL")]
        public static int BootLevel = 4;

        /// <summary>The compile-time floor, <c>CONFIG_LIBUKDEBUG_PRINTK_LEVEL</c>.</summary>
        public static PrintkLevel CompileTimeLevel => ParseLevel(Options.PrintkLevel);

        /// <summary>The level in effect: the less verbose of the compile-time floor and the boot-time level.</summary>
        public static PrintkLevel Level
        {
            get
            {
                PrintkLevel floor = CompileTimeLevel;
                int boot = BootLevel < 0 ? 0 : BootLevel;
                return boot < (int)floor ? (PrintkLevel)boot : floor;
            }
        }

        /// <summary>Whether a message of <paramref name="level"/> is printed.</summary>
        public static bool Enabled(PrintkLevel level) => Options.Printk && level <= Level;

        /// <summary>Prints <paramref name="message"/> from <paramref name="library"/> at <paramref name="level"/>.</summary>
        public static void Printk(PrintkLevel level, string library, string message)
        {
            if (!Enabled(level)) return;
            UkConsole.WriteLine("[" + LevelName(level) + "] " + library + ": " + message);
        }

        /// <summary>
        /// When assertions are on and <paramref name="condition"/> is false: prints what failed and where, then
        /// terminates with status 134 (like abort).
        /// </summary>
        public static void Assert(bool condition, string library, string what)
        {
            if (condition || !Options.Assert) return;
            UkConsole.WriteLine("[crit] " + library + ": assertion failed: " + what);
            UkApi<IPlatformControl>.Instance?.Terminate(134);
        }

        /// <summary>The level's name as used in <c>.config</c> and message prefixes.</summary>
        public static string LevelName(PrintkLevel level) => level switch
        {
            PrintkLevel.Crit => "crit",
            PrintkLevel.Err => "err",
            PrintkLevel.Warn => "warn",
            PrintkLevel.Info => "info",
            _ => "debug",
        };

        /// <summary>Parses a level name; unknown names mean <see cref="PrintkLevel.Debug"/>.</summary>
        public static PrintkLevel ParseLevel(string name) => name switch
        {
            "crit" => PrintkLevel.Crit,
            "err" => PrintkLevel.Err,
            "warn" => PrintkLevel.Warn,
            "info" => PrintkLevel.Info,
            _ => PrintkLevel.Debug,
        };
    }
}
