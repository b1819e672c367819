using System;
using System.ComponentModel;

namespace Compose
{
    /// <summary>
    /// Declares the assembly as a Compose application; the build composes it with
    /// the libraries it needs into <c>/// the libraries it needs into <c>&lt;name&gt;_&lt;platform&gt;-x86_64</c>.lt;name/// the libraries it needs into <c>&lt;name&gt;_&lt;platform&gt;-x86_64</c>.gt;_/// the libraries it needs into <c>&lt;name&gt;_&lt;platform&gt;-x86_64</c>.lt;platform/// the libraries it needs into <c>&lt;name&gt;_&lt;platform&gt;-x86_64</c>.gt;-x86_64</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
    public sealed class UkApplicationAttribute : Attribute
    {
        /// <summary>Declares the application.</summary>
        /// <param name="name">The app's name (lower case letters, digits and '_').</param>
        public UkApplicationAttribute(string name) { Name = name; }

        /// <summary>The app's name.</summary>
        public string Name { get; }

        /// <summary>The app's version, written to the build manifest.</summary>
        public string Version { get; set; } = "0.1.0";
    }

    /// <summary>
    /// Marks the app's main function: a static method <c>int M(string[] args)</c> or <c>void M(string[] args)</c>.
    /// The generated entry point boots the composition, then calls it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class UkMainAttribute : Attribute
    {
    }

    /// <summary>
    /// The app's explicit choice of provider for an API; it wins over the API's default provider. The same
    /// choice can be made in <c>.config</c> with <c>CONFIG_LIB&lt;PROVIDER&gt;=y</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class UkUseProviderAttribute : Attribute
    {
        /// <summary>Chooses library <paramref name="library"/> as the provider of <paramref name="api"/>.</summary>
        public UkUseProviderAttribute(Type api, string library)
        {
            Api = api;
            Library = library;
        }

        /// <summary>The API.</summary>
        public Type Api { get; }

        /// <summary>The chosen library's name.</summary>
        public string Library { get; }
    }

    /// <summary>
    /// Written by the library-side generator: the manifest of the libraries an assembly declares, so that an
    /// app's generator reads its references without walking their types. Not for hand use.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class UkManifestAttribute : Attribute
    {
        /// <summary>Stores the manifest text.</summary>
        public UkManifestAttribute(string manifest) { Manifest = manifest; }

        /// <summary>The manifest, in the format of Compose.Composition's manifest reader.</summary>
        public string Manifest { get; }
    }
}
