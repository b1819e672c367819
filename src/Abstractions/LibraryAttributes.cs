using System;

namespace Compose
{
    /// <summary>
    /// Declares a class as a Compose library: a unit of the library pool that the build composes into an image,
    /// the counterpart of a Unikraft library directory with its <c>Makefile.uk</c> and <c>Config.uk</c>.
    /// </summary>
    /// <remarks>
    /// The name is the library's identity in the pool (<c>ukallocbbuddy</c>); its options are set in an app's
    /// <c>.config</c> as <c>CONFIG_LIB&lt;NAME&gt;_&lt;OPTION&gt;</c>. A class that carries options must be <c>partial</c>:
    /// the library-side generator adds a nested <c>Options</c> class holding the values the app chose.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class UkLibraryAttribute : Attribute
    {
        /// <summary>Declares a library named <paramref name="name"/> (lower case letters, digits and '_').</summary>
        public UkLibraryAttribute(string name) { Name = name; }

        /// <summary>The library's name in the pool.</summary>
        public string Name { get; }

        /// <summary>The library's version, written to the build manifest.</summary>
        public string Version { get; set; } = "0.1.0";

        /// <summary>One line saying what the library does.</summary>
        public string? Description { get; set; }

        /// <summary>SPDX license identifier.</summary>
        public string? License { get; set; }

        /// <summary>
        /// The platforms the library is available on (<c>hosted</c>, <c>linuxu</c>, <c>kvm</c>); empty means all.
        /// </summary>
        public string[]? Platforms { get; set; }
    }

    /// <summary>
    /// Marks a library as the platform library for one platform: it provides the platform API and roots the
    /// composition of every app built for that platform.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class UkPlatformAttribute : Attribute
    {
        /// <summary>Declares the library as the platform library of <paramref name="platform"/>.</summary>
        public UkPlatformAttribute(string platform) { Platform = platform; }

        /// <summary>The platform name (<c>hosted</c>, <c>linuxu</c>, <c>kvm</c>).</summary>
        public string Platform { get; }
    }

    /// <summary>Marks an interface (or a library class) as an API that libraries provide and require.</summary>
    [AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class UkApiAttribute : Attribute
    {
        /// <summary>
        /// The name of the library that provides this API when several candidates exist and the app chose none.
        /// </summary>
        public string? DefaultProvider { get; set; }
    }

    /// <summary>The library implements <see cref="Api"/>; the class must implement that interface.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ProvidesAttribute : Attribute
    {
        /// <summary>Declares that the library provides <paramref name="api"/>.</summary>
        public ProvidesAttribute(Type api) { Api = api; }

        /// <summary>The API interface.</summary>
        public Type Api { get; }
    }

    /// <summary>
    /// The library (or, on the assembly, the app) needs <see cref="Api"/>: an API interface, or a library class
    /// when the library itself is what is needed. The composition then contains a provider for it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class RequiresAttribute : Attribute
    {
        /// <summary>Declares a requirement on <paramref name="api"/>.</summary>
        public RequiresAttribute(Type api) { Api = api; }

        /// <summary>The API interface or library class required.</summary>
        public Type Api { get; }

        /// <summary>
        /// An optional requirement is bound when a provider is composed anyway or exactly one candidate exists,
        /// and is never an error when absent; the init order still puts its provider first.
        /// </summary>
        public bool Optional { get; set; }
    }
}
