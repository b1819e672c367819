namespace Compose.Composition
{
    /// <summary>An API bound to the library that provides it.</summary>
    /// <param name="Api">Fully qualified API name.</param>
    /// <param name="Library">Provider library name.</param>
    /// <param name="ProviderType">Fully qualified provider class name.</param>
    /// <param name="Reason">Why this provider: <c>explicit</c>, <c>.config</c>, <c>default</c>, <c>only candidate</c>.</param>
    public sealed record Binding(string Api, string Library, string ProviderType, string Reason);

    /// <summary>An option's final value.</summary>
    /// <param name="Owner">Library name, or the app's name.</param>
    /// <param name="Key">The <c>.config</c> key without <c>CONFIG_</c>.</param>
    /// <param name="Option">The declaration.</param>
    /// <param name="Value">Canonical value text (<c>y</c>/<c>n</c>, decimal, string).</param>
    /// <param name="Source">Where the value comes from: <c>default</c> or <c>.config:LINE</c>.</param>
    public sealed record ResolvedOption(string Owner, string Key, OptionSpec Option, string Value, string Source);

    /// <summary>One call in the init or termination sequence.</summary>
    public sealed record InitCall(string Library, string TypeName, string Method, int Class, int Priority, bool ReturnsInt);

    /// <summary>A composed library and why it is in the composition.</summary>
    /// <param name="Spec">The library.</param>
    /// <param name="RequiredBy">The library that pulled it in, or the root: the app's name, or <c>app → .config</c>.</param>
    /// <param name="Via">The API it was pulled in for, when it was required through an API.</param>
    public sealed record ComposedLibrary(LibrarySpec Spec, string RequiredBy, string? Via);

    /// <summary>The result of composing an app: every decision the build follows.</summary>
    public sealed record Composition(
        string ComposeVersion,
        AppSpec App,
        string Platform,
        LibrarySpec PlatformLibrary,
        EquatableArray<ComposedLibrary> Libraries,
        EquatableArray<Binding> Bindings,
        EquatableArray<ResolvedOption> LibraryOptions,
        EquatableArray<ResolvedOption> AppOptions,
        EquatableArray<InitCall> Inits,
        EquatableArray<InitCall> Terms);

    /// <summary>The resolver's answer: a composition when there are no errors, and every diagnostic.</summary>
    public sealed record ResolveResult(Composition? Composition, EquatableArray<DiagnosticInfo> Diagnostics);
}
