namespace Compose.Libraries.UkLibParam
{
    /// <summary>The type of a library parameter.</summary>
    public enum LibParamType
    {
        /// <summary>A 64-bit signed integer, decimal or <c>0x</c> hexadecimal, optionally bounded.</summary>
        Int,

        /// <summary>A flag: <c>1/0</c>, <c>true/false</c>, <c>yes/no</c>, <c>on/off</c>, or the bare name for true.</summary>
        Bool,

        /// <summary>Any text after the <c>=</c>, possibly empty.</summary>
        String,
    }

    /// <summary>
    /// The declaration of one parameter: <c>library.name</c> on the kernel command line, its type, default and help.
    /// </summary>
    public sealed class LibParam
    {
        private LibParam(string library, string name, LibParamType type, string defaultText, string help, long min, long max)
        {
            Library = library; Name = name; Type = type; DefaultText = defaultText; Help = help; Min = min; Max = max;
        }

        /// <summary>An integer parameter in [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public static LibParam Int(string library, string name, long defaultValue, string help, long min = long.MinValue, long max = long.MaxValue)
            => new LibParam(library, name, LibParamType.Int, Text.Decimal(defaultValue), help, min, max);

        /// <summary>A boolean parameter.</summary>
        public static LibParam Bool(string library, string name, bool defaultValue, string help)
            => new LibParam(library, name, LibParamType.Bool, defaultValue ? "1" : "0", help, 0, 1);

        /// <summary>A string parameter.</summary>
        public static LibParam String(string library, string name, string defaultValue, string help)
            => new LibParam(library, name, LibParamType.String, defaultValue, help, 0, 0);

        /// <summary>
        /// A parameter whose default is given as command-line text (as a generator would emit it); the default is
        /// checked by <see cref="LibParamParser.Parse(LibParam[], string[], string[])"/> like a value from the command line.
        /// </summary>
        public static LibParam FromText(string library, string name, LibParamType type, string defaultText, string help, long min = long.MinValue, long max = long.MaxValue)
            => new LibParam(library, name, type, defaultText, help, min, max);

        /// <summary>The owning library's name, e.g. <c>ukalloc</c>.</summary>
        public string Library { get; }

        /// <summary>The parameter's name within the library, e.g. <c>verbose</c>.</summary>
        public string Name { get; }

        /// <summary>The value type.</summary>
        public LibParamType Type { get; }

        /// <summary>The default as command-line text.</summary>
        public string DefaultText { get; }

        /// <summary>One line of help for the parameter listing.</summary>
        public string Help { get; }

        /// <summary>Smallest accepted value of an int parameter.</summary>
        public long Min { get; }

        /// <summary>Largest accepted value of an int parameter.</summary>
        public long Max { get; }
    }

    /// <summary>The value of one parameter after parsing: the default or the command line's.</summary>
    public struct LibParamValue
    {
        /// <summary>The value of an int parameter.</summary>
        public long Int;

        /// <summary>The value of a bool parameter.</summary>
        public bool Bool;

        /// <summary>The value of a string parameter (null for other types).</summary>
        public string? String;

        /// <summary>Whether the command line set it (false: the default).</summary>
        public bool IsSet;
    }
}
