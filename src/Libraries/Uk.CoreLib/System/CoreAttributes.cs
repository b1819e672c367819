// Attribute types of System, System.Reflection and System.Runtime.Versioning (metadata only in images).
namespace System
{
    /// <summary>Base of attributes.</summary>
    public abstract class Attribute
    {
    }

    /// <summary>Where an attribute may appear.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        /// <summary>Declares the targets.</summary>
        public AttributeUsageAttribute(AttributeTargets validOn) { ValidOn = validOn; Inherited = true; }

        /// <summary>The targets.</summary>
        public AttributeTargets ValidOn { get; }

        /// <summary>Whether several may appear on one target.</summary>
        public bool AllowMultiple { get; set; }

        /// <summary>Whether derived classes inherit it.</summary>
        public bool Inherited { get; set; }
    }

    /// <summary>Attribute targets.</summary>
    [Flags]
    public enum AttributeTargets
    {
        /// <summary>Assembly.</summary>
        Assembly = 0x0001,
        /// <summary>Module.</summary>
        Module = 0x0002,
        /// <summary>Class.</summary>
        Class = 0x0004,
        /// <summary>Struct.</summary>
        Struct = 0x0008,
        /// <summary>Enum.</summary>
        Enum = 0x0010,
        /// <summary>Constructor.</summary>
        Constructor = 0x0020,
        /// <summary>Method.</summary>
        Method = 0x0040,
        /// <summary>Property.</summary>
        Property = 0x0080,
        /// <summary>Field.</summary>
        Field = 0x0100,
        /// <summary>Event.</summary>
        Event = 0x0200,
        /// <summary>Interface.</summary>
        Interface = 0x0400,
        /// <summary>Parameter.</summary>
        Parameter = 0x0800,
        /// <summary>Delegate.</summary>
        Delegate = 0x1000,
        /// <summary>Return value.</summary>
        ReturnValue = 0x2000,
        /// <summary>Generic parameter.</summary>
        GenericParameter = 0x4000,
        /// <summary>All.</summary>
        All = 0x7FFF,
    }

    /// <summary>An enum of bit flags.</summary>
    [AttributeUsage(AttributeTargets.Enum, Inherited = false)]
    public sealed class FlagsAttribute : Attribute { }

    /// <summary>A params parameter.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = true)]
    public sealed class ParamArrayAttribute : Attribute { }

    /// <summary>An obsolete member.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = false)]
    public sealed class ObsoleteAttribute : Attribute
    {
        /// <summary>Marks obsolete.</summary>
        public ObsoleteAttribute() { }
        /// <summary>Marks obsolete with a message.</summary>
        public ObsoleteAttribute(string? message) { }
        /// <summary>Marks obsolete with a message.</summary>
        public ObsoleteAttribute(string? message, bool error) { }
        /// <summary>Diagnostic id.</summary>
        public string? DiagnosticId { get; set; }
        /// <summary>URL.</summary>
        public string? UrlFormat { get; set; }
    }

    /// <summary>CLS compliance.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = true)]
    public sealed class CLSCompliantAttribute : Attribute
    {
        /// <summary>Declares compliance.</summary>
        public CLSCompliantAttribute(bool isCompliant) { }
    }

    /// <summary>A field that is not serialised.</summary>
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class NonSerializedAttribute : Attribute { }

    /// <summary>A per-thread static (unsupported in images: threads statics are not set up).</summary>
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class ThreadStaticAttribute : Attribute { }

    /// <summary>Serializable type.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Delegate, Inherited = false)]
    public sealed class SerializableAttribute : Attribute { }
}

namespace System.Reflection
{
    /// <summary>The member a language uses as default (indexers).</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
    public sealed class DefaultMemberAttribute : Attribute
    {
        /// <summary>Names the member.</summary>
        public DefaultMemberAttribute(string memberName) { MemberName = memberName; }

        /// <summary>The member.</summary>
        public string MemberName { get; }
    }

    /// <summary>Assembly company.</summary>
    [AttributeUsage(AttributeTargets.Assembly)] public sealed class AssemblyCompanyAttribute : Attribute { /** <summary>Sets it.</summary> */ public AssemblyCompanyAttribute(string company) { } }
    /// <summary>Assembly configuration.</summary>
    [AttributeUsage(AttributeTargets.Assembly)] public sealed class AssemblyConfigurationAttribute : Attribute { /** <summary>Sets it.</summary> */ public AssemblyConfigurationAttribute(string configuration) { } }
    /// <summary>Assembly description.</summary>
    [AttributeUsage(AttributeTargets.Assembly)] public sealed class AssemblyDescriptionAttribute : Attribute { /** <summary>Sets it.</summary> */ public AssemblyDescriptionAttribute(string description) { } }
    /// <summary>Assembly file version.</summary>
    [AttributeUsage(AttributeTargets.Assembly)] public sealed class AssemblyFileVersionAttribute : Attribute { /** <summary>Sets it.</summary> */ public AssemblyFileVersionAttribute(string version) { } }
    /// <summary>Assembly informational version.</summary>
    [AttributeUsage(AttributeTargets.Assembly)] public sealed class AssemblyInformationalVersionAttribute : Attribute { /** <summary>Sets it.</summary> */ public AssemblyInformationalVersionAttribute(string informationalVersion) { } }
    /// <summary>Assembly product.</summary>
    [AttributeUsage(AttributeTargets.Assembly)] public sealed class AssemblyProductAttribute : Attribute { /** <summary>Sets it.</summary> */ public AssemblyProductAttribute(string product) { } }
    /// <summary>Assembly title.</summary>
    [AttributeUsage(AttributeTargets.Assembly)] public sealed class AssemblyTitleAttribute : Attribute { /** <summary>Sets it.</summary> */ public AssemblyTitleAttribute(string title) { } }
    /// <summary>Assembly version.</summary>
    [AttributeUsage(AttributeTargets.Assembly)] public sealed class AssemblyVersionAttribute : Attribute { /** <summary>Sets it.</summary> */ public AssemblyVersionAttribute(string version) { } }
    /// <summary>Assembly metadata.</summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)] public sealed class AssemblyMetadataAttribute : Attribute { /** <summary>Sets it.</summary> */ public AssemblyMetadataAttribute(string key, string? value) { } }
}

namespace System.Runtime.Versioning
{
    /// <summary>The target framework the assembly was built for.</summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class TargetFrameworkAttribute : Attribute
    {
        /// <summary>Names it.</summary>
        public TargetFrameworkAttribute(string frameworkName) { }

        /// <summary>Display name.</summary>
        public string? FrameworkDisplayName { get; set; }
    }

    /// <summary>Supported OS platform.</summary>
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
    public sealed class SupportedOSPlatformAttribute : Attribute { /** <summary>Names it.</summary> */ public SupportedOSPlatformAttribute(string platformName) { } }
}
