namespace Compose.Composition
{
    /// <summary>A place in a source file or in the app's <c>.config</c>, free of Roslyn types.</summary>
    /// <param name="Path">File path as the compilation knows it.</param>
    /// <param name="Start">Character offset of the span.</param>
    /// <param name="Length">Span length in characters.</param>
    /// <param name="StartLine">Zero-based line of the start.</param>
    /// <param name="StartColumn">Zero-based column of the start.</param>
    /// <param name="EndLine">Zero-based line of the end.</param>
    /// <param name="EndColumn">Zero-based column of the end.</param>
    public sealed record SourceRef(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        /// <summary><c>path:line</c> with a one-based line, for messages.</summary>
        public override string ToString() => Path + ":" + (StartLine + 1);
    }

    /// <summary>The kinds of typed options (Kconfig bool, int, string, choice).</summary>
    public enum OptionKind
    {
        /// <summary>y/n.</summary>
        Bool,
        /// <summary>64-bit integer with an optional range.</summary>
        Int,
        /// <summary>Quoted string.</summary>
        String,
        /// <summary>One of a fixed set of names.</summary>
        Choice,
    }

    /// <summary>An option a library (or the app) declares.</summary>
    /// <param name="Name">Short name (<c>PRINTK</c>).</param>
    /// <param name="Kind">Value type.</param>
    /// <param name="Default">Default in canonical text: <c>y</c>/<c>n</c>, decimal, or the string itself.</param>
    /// <param name="Min">Smallest allowed int value, if bounded.</param>
    /// <param name="Max">Largest allowed int value, if bounded.</param>
    /// <param name="Choices">Allowed values of a choice option.</param>
    /// <param name="Help">Help text.</param>
    /// <param name="DependsOn">Short name of a bool option of the same owner.</param>
    /// <param name="Location">Where it is declared, when in the current compilation.</param>
    public sealed record OptionSpec(
        string Name, OptionKind Kind, string Default, long? Min, long? Max,
        EquatableArray<string> Choices, string? Help, string? DependsOn, SourceRef? Location)
    {
        /// <summary>The ILC feature switch a bool option sets in images (<c>FeatureSwitch</c>), or null.</summary>
        public string? FeatureSwitch { get; init; }
    }

    /// <summary>A <c>[Requires]</c> on a library or the app.</summary>
    /// <param name="Api">Fully qualified API (or library class) name, <c>global::</c> prefixed.</param>
    /// <param name="Optional">Whether absence is allowed.</param>
    /// <param name="Location">The attribute argument, when in the current compilation.</param>
    public sealed record RequirementSpec(string Api, bool Optional, SourceRef? Location);

    /// <summary>A <c>[Provides]</c> on a library.</summary>
    /// <param name="Api">Fully qualified API name.</param>
    /// <param name="Implements">Whether the library class implements the interface.</param>
    /// <param name="Location">The attribute argument, when in the current compilation.</param>
    public sealed record ProvideSpec(string Api, bool Implements, SourceRef? Location);

    /// <summary>An init or termination function.</summary>
    /// <param name="Method">Method name on the library class.</param>
    /// <param name="Class">Init class, 1 (early) to 6 (late).</param>
    /// <param name="Priority">Priority 0-9.</param>
    /// <param name="IsTerm">Termination function.</param>
    /// <param name="ReturnsInt">Returns a status (else void).</param>
    /// <param name="Location">The attribute, when in the current compilation.</param>
    public sealed record InitSpec(string Method, int Class, int Priority, bool IsTerm, bool ReturnsInt, SourceRef? Location);

    /// <summary>The value types of a library parameter (<c>[UkParam]</c>): the member's type.</summary>
    public enum ParamKind
    {
        /// <summary><c>bool</c>.</summary>
        Bool,
        /// <summary><c>int</c> (32-bit; the range defaults to int's).</summary>
        Int,
        /// <summary><c>long</c>.</summary>
        Long,
        /// <summary><c>string</c>.</summary>
        String,
    }

    /// <summary>A boot-time parameter a library declares with <c>[UkParam]</c> on a static field or property.</summary>
    /// <param name="Name">The name after <c>library.</c> on the command line.</param>
    /// <param name="Member">The static field or property the boot sequence assigns.</param>
    /// <param name="Kind">The value type.</param>
    /// <param name="Min">Smallest accepted value of an int or long parameter, if bounded.</param>
    /// <param name="Max">Largest accepted value of an int or long parameter, if bounded.</param>
    /// <param name="Help">Help text for the parameter listing.</param>
    /// <param name="Location">The attribute's name argument, when in the current compilation.</param>
    public sealed record ParamSpec(string Name, string Member, ParamKind Kind, long? Min, long? Max, string? Help, SourceRef? Location);

    /// <summary>A linker-script fragment a library contributes for a platform (<c>*</c> for all).</summary>
    public sealed record FragmentSpec(string Platform, string FileName, string Text);

    /// <summary>A library as its manifest describes it.</summary>
    public sealed record LibrarySpec(
        string Name,
        string Version,
        string? Description,
        string? License,
        string TypeName,
        string Assembly,
        string? PlatformOf,
        EquatableArray<string> Platforms,
        EquatableArray<ProvideSpec> Provides,
        EquatableArray<RequirementSpec> Requires,
        EquatableArray<OptionSpec> Options,
        EquatableArray<InitSpec> Inits,
        EquatableArray<FragmentSpec> Fragments,
        string? LinkerTemplate,
        bool Constructible,
        SourceRef? Location)
    {
        /// <summary>The <c>.config</c> key prefix: <c>LIB</c> + upper-case name.</summary>
        public string ConfigPrefix => "LIB" + Name.ToUpperInvariant();

        /// <summary>The boot-time parameters (<c>[UkParam]</c> members), in member-name order.</summary>
        public EquatableArray<ParamSpec> Params { get; init; } = EquatableArray<ParamSpec>.Empty;
    }

    /// <summary>An API interface and its default provider.</summary>
    public sealed record ApiSpec(string TypeName, string? DefaultProvider, SourceRef? Location);

    /// <summary>One assembly's manifest: its libraries and APIs.</summary>
    public sealed record ManifestSpec(string Assembly, EquatableArray<LibrarySpec> Libraries, EquatableArray<ApiSpec> Apis);

    /// <summary>The app's explicit provider choice (<c>[assembly: UkUseProvider]</c>).</summary>
    public sealed record ProviderChoiceSpec(string Api, string Library, SourceRef? Location);

    /// <summary>The application being composed.</summary>
    public sealed record AppSpec(
        string Name,
        string Version,
        string? MainType,
        string? MainMethod,
        bool MainReturnsInt,
        EquatableArray<RequirementSpec> Requires,
        EquatableArray<OptionSpec> Options,
        EquatableArray<ProviderChoiceSpec> Choices,
        SourceRef? Location)
    {
        /// <summary>The <c>.config</c> key prefix: <c>APP</c> + upper-case name.</summary>
        public string ConfigPrefix => "APP" + Name.ToUpperInvariant();
    }

    /// <summary>The kinds of value a <c>.config</c> line holds.</summary>
    public enum ConfigValueKind
    {
        /// <summary><c>=y</c></summary>
        Yes,
        /// <summary><c>=n</c> or <c># CONFIG_X is not set</c></summary>
        No,
        /// <summary>A decimal or <c>0x</c> hex integer.</summary>
        Int,
        /// <summary>A double-quoted string (unescaped in <see cref="ConfigEntry.Value"/>).</summary>
        String,
        /// <summary>A bare word.</summary>
        Word,
    }

    /// <summary>One assignment in <c>.config</c>.</summary>
    /// <param name="Key">The key without <c>CONFIG_</c>.</param>
    /// <param name="Kind">The value's kind.</param>
    /// <param name="Value">The value text (unescaped for strings; the integer's decimal text for ints).</param>
    /// <param name="KeyLocation">The key's span (with <c>CONFIG_</c>).</param>
    /// <param name="ValueLocation">The value's span.</param>
    public sealed record ConfigEntry(string Key, ConfigValueKind Kind, string Value, SourceRef KeyLocation, SourceRef ValueLocation);

    /// <summary>The app's parsed <c>.config</c>.</summary>
    public sealed record ConfigSpec(string Path, EquatableArray<ConfigEntry> Entries, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>Everything the resolver needs.</summary>
    /// <param name="App">The application.</param>
    /// <param name="Platform">The platform name.</param>
    /// <param name="Manifests">Manifests of the references and of the current compilation, in a stable order.</param>
    /// <param name="Config">The parsed <c>.config</c>, if any.</param>
    /// <param name="ComposeVersion">The Compose version composing.</param>
    public sealed record CompositionInput(
        AppSpec App, string Platform, EquatableArray<ManifestSpec> Manifests, ConfigSpec? Config, string ComposeVersion);
}
