using System;

namespace Compose
{
    /// <summary>Common shape of the typed option attributes (Kconfig <c>config</c> entries).</summary>
    public abstract class UkOptionAttribute : Attribute
    {
        /// <summary>Creates an option named <paramref name="name"/> (upper case letters, digits and '_').</summary>
        protected UkOptionAttribute(string name) { Name = name; }

        /// <summary>
        /// The option's short name; its <c>.config</c> key is <c>CONFIG_LIB&lt;LIBRARY&gt;_&lt;NAME&gt;</c>
        /// (<c>CONFIG_APP&lt;APP&gt;_&lt;NAME&gt;</c> for the app's own options).
        /// </summary>
        public string Name { get; }

        /// <summary>Help text shown by tools and written to the build manifest.</summary>
        public string? Help { get; set; }

        /// <summary>
        /// The short name of a bool option of the same library; while it is off this option keeps its default
        /// and setting it is reported.
        /// </summary>
        public string? DependsOn { get; set; }
    }

    /// <summary>A yes/no option (Kconfig <c>bool</c>).</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class UkBoolOptionAttribute : UkOptionAttribute
    {
        /// <summary>Declares a bool option with its default.</summary>
        public UkBoolOptionAttribute(string name, bool defaultValue) : base(name) { Default = defaultValue; }

        /// <summary>The value when the app's <c>.config</c> does not set it.</summary>
        public bool Default { get; }

        /// <summary>
        /// An ILC feature switch that follows this option in images: the build compiles the app with
        /// <c>--feature:&lt;name&gt;=true|false</c>, so a <c>[FeatureSwitchDefinition]</c> property of that name
        /// becomes a constant and the code it guards is left out when the option is off. The linker template sees
        /// the value as <c>features["&lt;name&gt;"]</c>.
        /// </summary>
        public string? FeatureSwitch { get; set; }
    }

    /// <summary>An integer option (Kconfig <c>int</c> with <c>range</c>).</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class UkIntOptionAttribute : UkOptionAttribute
    {
        /// <summary>Declares an integer option with its default.</summary>
        public UkIntOptionAttribute(string name, long defaultValue) : base(name) { Default = defaultValue; }

        /// <summary>The value when the app's <c>.config</c> does not set it.</summary>
        public long Default { get; }

        /// <summary>Smallest allowed value.</summary>
        public long Min { get; set; } = long.MinValue;

        /// <summary>Largest allowed value.</summary>
        public long Max { get; set; } = long.MaxValue;
    }

    /// <summary>A string option (Kconfig <c>string</c>).</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class UkStringOptionAttribute : UkOptionAttribute
    {
        /// <summary>Declares a string option with its default.</summary>
        public UkStringOptionAttribute(string name, string defaultValue) : base(name) { Default = defaultValue; }

        /// <summary>The value when the app's <c>.config</c> does not set it.</summary>
        public string Default { get; }
    }

    /// <summary>An option whose value is one of a fixed set of names (Kconfig <c>choice</c>).</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class UkChoiceOptionAttribute : UkOptionAttribute
    {
        /// <summary>Declares a choice option with its default and the names allowed.</summary>
        public UkChoiceOptionAttribute(string name, string defaultValue, params string[] choices) : base(name)
        {
            Default = defaultValue;
            Choices = choices;
        }

        /// <summary>The value when the app's <c>.config</c> does not set it.</summary>
        public string Default { get; }

        /// <summary>The allowed values.</summary>
        public string[] Choices { get; }
    }
}
