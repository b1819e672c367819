using System;

namespace Compose
{
    /// <summary>
    /// Declares a library parameter: a value set on the kernel command line at boot, like Unikraft's
    /// <c>UK_LIB_PARAM</c>. Put it on a static, writable field or property of a <see cref="UkLibraryAttribute"/> class;
    /// the member's type (<c>bool</c>, <c>int</c>, <c>long</c> or <c>string</c>) is the parameter's type and its value
    /// at boot (the initialiser) is the default. On the command line it is <c>library.name=value</c> before <c>--</c>
    /// (<c>ukdebug.level=4 -- app args</c>); the boot sequence assigns the member before the first init function.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class UkParamAttribute : Attribute
    {
        /// <summary>Declares parameter <paramref name="name"/> (lower-case letters, digits and '_').</summary>
        public UkParamAttribute(string name) { Name = name; }

        /// <summary>The parameter's name within its library: <c>library.name</c> on the command line.</summary>
        public string Name { get; }

        /// <summary>One line of help for the parameter listing (<c>uklibparam.help</c>).</summary>
        public string? Help { get; set; }

        /// <summary>Smallest accepted value of an integer parameter (default: the type's smallest).</summary>
        public long Min { get; set; } = long.MinValue;

        /// <summary>Largest accepted value of an integer parameter (default: the type's largest).</summary>
        public long Max { get; set; } = long.MaxValue;
    }
}
