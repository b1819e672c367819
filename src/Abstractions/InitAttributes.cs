using System;

namespace Compose
{
    /// <summary>
    /// The init classes of the boot sequence, in the order they run (Unikraft's <c>UK_INIT_CLASS_*</c>).
    /// </summary>
    public enum UkInitClass
    {
        /// <summary>Before the platform is fully up: consoles, early memory.</summary>
        Early = 1,
        /// <summary>Platform devices and services.</summary>
        Plat = 2,
        /// <summary>Ordinary libraries.</summary>
        Lib = 3,
        /// <summary>Root file system mounts.</summary>
        Rootfs = 4,
        /// <summary>System services built on the libraries.</summary>
        Sys = 5,
        /// <summary>Last, just before the banner and main.</summary>
        Late = 6,
    }

    /// <summary>
    /// Marks a static method <c>void M()</c> or <c>int M()</c> as an init function. The boot sequence runs init
    /// functions by class, then priority (0 earliest, 9 latest), then with the providers of a library's
    /// requirements first, then by name. A non-zero return stops the boot with that status.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class UkInitAttribute : Attribute
    {
        /// <summary>Declares an init function of class <paramref name="initClass"/>.</summary>
        public UkInitAttribute(UkInitClass initClass) { Class = initClass; }

        /// <summary>The init class.</summary>
        public UkInitClass Class { get; }

        /// <summary>Priority within the class, 0 (earliest) to 9 (latest, the default).</summary>
        public int Priority { get; set; } = 9;
    }

    /// <summary>
    /// Marks a static method <c>void M()</c> as a termination function; termination functions run after main,
    /// in the reverse of the init order.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class UkTermAttribute : Attribute
    {
        /// <summary>Declares a termination function of class <paramref name="initClass"/>.</summary>
        public UkTermAttribute(UkInitClass initClass) { Class = initClass; }

        /// <summary>The init class it belongs to.</summary>
        public UkInitClass Class { get; }

        /// <summary>Priority within the class, 0 to 9 (the default).</summary>
        public int Priority { get; set; } = 9;
    }
}
