using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Compose.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Compose.Generators
{
    /// <summary>A library class as the parser saw it: its spec, where to emit its Options class, and its problems.</summary>
    internal sealed record LibraryModel(LibrarySpec Spec, string? Namespace, string ClassName, bool EmitOptions, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>The app's declaration and its problems.</summary>
    internal sealed record AppModel(AppSpec? App, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>The [UkMain] method found in the app.</summary>
    internal sealed record MainModel(string Type, string Method, bool ReturnsInt, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>The only code that touches symbols: turns attributes into equatable specs.</summary>
    internal static partial class Parser
    {
        private static readonly SymbolDisplayFormat s_fullName = SymbolDisplayFormat.FullyQualifiedFormat;

        public static string FullName(ITypeSymbol type) => type.ToDisplayString(s_fullName);

        public static SourceRef? ToRef(Location? location)
        {
            if (location is null || !location.IsInSource || location.SourceTree is null) return null;
            var span = location.GetLineSpan();
            return new SourceRef(location.SourceTree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length,
                span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
        }

        private static SourceRef? AttributeRef(AttributeData a, CancellationToken ct) => ToRef(a.ApplicationSyntaxReference?.GetSyntax(ct).GetLocation());

        /// <summary>The location of constructor argument <paramref name="index"/> of an attribute, else of the attribute.</summary>
        private static SourceRef? ArgumentRef(AttributeData a, int index, CancellationToken ct)
        {
            if (a.ApplicationSyntaxReference?.GetSyntax(ct) is AttributeSyntax syntax)
            {
                var args = syntax.ArgumentList?.Arguments;
                if (args is { } list && index < list.Count) return ToRef(list[index].GetLocation());
                return ToRef(syntax.GetLocation());
            }
            return null;
        }

        private static SourceRef? NamedArgumentRef(AttributeData a, string name, CancellationToken ct)
        {
            if (a.ApplicationSyntaxReference?.GetSyntax(ct) is AttributeSyntax syntax && syntax.ArgumentList != null)
                foreach (var arg in syntax.ArgumentList.Arguments)
                    if (arg.NameEquals?.Name.Identifier.ValueText == name) return ToRef(arg.Expression.GetLocation());
            return AttributeRef(a, ct);
        }

        private static string? Named(AttributeData a, string name)
        {
            foreach (var kv in a.NamedArguments) if (kv.Key == name) return kv.Value.Value as string;
            return null;
        }

        private static long? NamedLong(AttributeData a, string name)
        {
            foreach (var kv in a.NamedArguments)
                if (kv.Key == name && kv.Value.Value is { } v) return System.Convert.ToInt64(v, CultureInfo.InvariantCulture);
            return null;
        }

        public static LibraryModel ParseLibrary(INamedTypeSymbol type, AttributeData libraryAttribute, KnownTypes kt, bool internalsVisible, CancellationToken ct)
        {
            var diags = new List<DiagnosticInfo>();
            var where = ArgumentRef(libraryAttribute, 0, ct);
            string name = libraryAttribute.ConstructorArguments.Length == 1 && libraryAttribute.ConstructorArguments[0].Value is string n ? n : "";
            if (name.Length == 0)
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, where, "[UkLibrary] on " + type.Name + " needs a non-empty library name"));

            string? platformOf = null;
            var platforms = new List<string>();
            var provides = new List<ProvideSpec>();
            var requires = new List<RequirementSpec>();
            var options = new List<OptionSpec>();
            foreach (var a in type.GetAttributes())
            {
                var cls = a.AttributeClass;
                if (KnownTypes.Is(cls, kt.Platform))
                {
                    platformOf = a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null;
                    if (string.IsNullOrEmpty(platformOf))
                        diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, ArgumentRef(a, 0, ct), "[UkPlatform] needs a platform name"));
                }
                else if (KnownTypes.Is(cls, kt.ProvidesAttr))
                {
                    if (TypeArgument(a, "Provides", diags, ct) is { } api)
                        provides.Add(new ProvideSpec(FullName(api), Implements(type, api), ArgumentRef(a, 0, ct)));
                }
                else if (KnownTypes.Is(cls, kt.RequiresAttr))
                {
                    if (TypeArgument(a, "Requires", diags, ct) is { } api)
                        requires.Add(new RequirementSpec(FullName(api), Named(a, "Optional") is null && IsOptional(a), ArgumentRef(a, 0, ct)));
                }
                else if (ParseOption(a, kt, diags, ct) is { } option)
                {
                    options.Add(option);
                }
            }
            foreach (var kv in libraryAttribute.NamedArguments)
                if (kv.Key == "Platforms" && !kv.Value.IsNull)
                    foreach (var v in kv.Value.Values) if (v.Value is string p) platforms.Add(p);

            var inits = ParseInits(type, kt, internalsVisible, diags, ct);
            var parameters = ParseParams(type, name, kt, internalsVisible, diags, ct);
            if (parameters.Count > 0 && FullName(type) != LibParamLibrary)
                requires.Add(new RequirementSpec(LibParamLibrary, false, parameters[0].Location));
            bool constructible = false;
            foreach (var ctor in type.InstanceConstructors)
                if (ctor.Parameters.Length == 0 && Accessible(ctor, internalsVisible)) constructible = true;
            if (provides.Count > 0 && (type.IsAbstract || !constructible))
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadLibraryClass, where,
                    "Library '" + name + "' provides an API, so class " + type.Name + " must be a non-abstract class with a public parameterless constructor; the wiring table creates the provider with it"));
            if (!Accessible(type, internalsVisible))
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadLibraryClass, where, "Library class " + type.Name + " must be public so the app's wiring table can reach it"));

            bool isPartial = false;
            foreach (var r in type.DeclaringSyntaxReferences)
                if (r.GetSyntax(ct) is TypeDeclarationSyntax t)
                    foreach (var m in t.Modifiers) if (m.ValueText == "partial") isPartial = true;
            bool emitOptions = options.Count > 0;
            if (emitOptions && (!isPartial || type.ContainingType != null))
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadLibraryClass, where,
                    "Library class " + type.Name + " declares options, so it must be a top-level partial class: the generator adds its Options class"));
                emitOptions = false;
            }

            var spec = new LibrarySpec(name, Named(libraryAttribute, "Version") ?? "0.1.0", Named(libraryAttribute, "Description"),
                Named(libraryAttribute, "License"), FullName(type), type.ContainingAssembly.Name, platformOf,
                platforms.ToEquatableArray(), provides.ToEquatableArray(), requires.ToEquatableArray(), options.ToEquatableArray(),
                inits.ToEquatableArray(), EquatableArray<FragmentSpec>.Empty, null, constructible && !type.IsAbstract, where)
            { Params = parameters.ToEquatableArray() };
            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } nsSym ? nsSym.ToDisplayString() : null;
            return new LibraryModel(spec, ns, type.Name, emitOptions, diags.ToEquatableArray());
        }

        private static bool IsOptional(AttributeData a)
        {
            foreach (var kv in a.NamedArguments) if (kv.Key == "Optional" && kv.Value.Value is bool b) return b;
            return false;
        }

        private static bool Accessible(ISymbol s, bool internalsVisible)
        {
            for (var cur = s; cur != null && cur is not INamespaceSymbol; cur = cur.ContainingType)
            {
                var acc = cur.DeclaredAccessibility;
                if (acc == Accessibility.Public) continue;
                if (internalsVisible && (acc == Accessibility.Internal || acc == Accessibility.ProtectedOrInternal)) continue;
                return false;
            }
            return true;
        }

        private static bool Implements(INamedTypeSymbol type, ITypeSymbol api)
        {
            if (SymbolEqualityComparer.Default.Equals(type, api)) return true;
            foreach (var i in type.AllInterfaces) if (SymbolEqualityComparer.Default.Equals(i, api)) return true;
            for (var b = type.BaseType; b != null; b = b.BaseType) if (SymbolEqualityComparer.Default.Equals(b, api)) return true;
            return false;
        }

        private static ITypeSymbol? TypeArgument(AttributeData a, string attributeName, List<DiagnosticInfo> diags, CancellationToken ct)
        {
            if (a.ConstructorArguments.Length < 1 || a.ConstructorArguments[0].Kind == TypedConstantKind.Error)
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownType, ArgumentRef(a, 0, ct), attributeName));
                return null;
            }
            if (a.ConstructorArguments[0].Value is not ITypeSymbol t)
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, ArgumentRef(a, 0, ct), "[" + attributeName + "] needs typeof(an API interface or library class), not null"));
                return null;
            }
            if (t.TypeKind == TypeKind.Error)
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownType, ArgumentRef(a, 0, ct), attributeName + "(typeof(" + t.Name + "))"));
                return null;
            }
            if (t is INamedTypeSymbol { IsUnboundGenericType: true } || t is INamedTypeSymbol { IsGenericType: true })
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, ArgumentRef(a, 0, ct), "[" + attributeName + "] does not support generic API types (" + t.Name + ")"));
                return null;
            }
            return t;
        }

        public static OptionSpec? ParseOption(AttributeData a, KnownTypes kt, List<DiagnosticInfo> diags, CancellationToken ct)
        {
            var cls = a.AttributeClass;
            OptionKind kind;
            if (KnownTypes.Is(cls, kt.Bool)) kind = OptionKind.Bool;
            else if (KnownTypes.Is(cls, kt.Int)) kind = OptionKind.Int;
            else if (KnownTypes.Is(cls, kt.String)) kind = OptionKind.String;
            else if (KnownTypes.Is(cls, kt.Choice)) kind = OptionKind.Choice;
            else return null;
            var where = ArgumentRef(a, 0, ct);
            var args = a.ConstructorArguments;
            if (args.Length < 2 || args[0].Value is not string name || args[0].Kind == TypedConstantKind.Error)
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, where, "Option attribute needs a name and a default value"));
                return null;
            }
            string? defaultText = kind switch
            {
                OptionKind.Bool => args[1].Value is bool b ? (b ? "y" : "n") : null,
                OptionKind.Int => args[1].Value is { } v && !(v is string) ? System.Convert.ToInt64(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : null,
                _ => args[1].Value as string,
            };
            if (defaultText is null)
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, ArgumentRef(a, 1, ct), "Option " + name + " needs a non-null default value"));
                return null;
            }
            string? featureSwitch = kind == OptionKind.Bool ? Named(a, "FeatureSwitch") : null;
            if (featureSwitch != null && !IsFeatureSwitchName(featureSwitch))
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, NamedArgumentRef(a, "FeatureSwitch", ct),
                    "FeatureSwitch '" + featureSwitch + "' of option " + name + " is not a feature switch name (dotted identifier, e.g. Uk.CoreLib.Exceptions)"));
                featureSwitch = null;
            }
            var choices = new List<string>();
            if (kind == OptionKind.Choice && args.Length >= 3 && !args[2].IsNull)
                foreach (var c in args[2].Values) if (c.Value is string s) choices.Add(s);
            return new OptionSpec(name, kind, defaultText, kind == OptionKind.Int ? NamedLong(a, "Min") : null,
                kind == OptionKind.Int ? NamedLong(a, "Max") : null, choices.ToEquatableArray(), Named(a, "Help"), Named(a, "DependsOn"), where)
            { FeatureSwitch = featureSwitch };
        }

        // ILC's --feature:<name>=<value>: a dotted identifier, nothing that would end the name or the line.
        private static bool IsFeatureSwitchName(string s)
        {
            if (s.Length == 0 || s[0] == '.' || s[s.Length - 1] == '.') return false;
            foreach (char ch in s)
                if (!(ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.')) return false;
            return !char.IsDigit(s[0]) && s.IndexOf("..", System.StringComparison.Ordinal) < 0;
        }

        private static List<InitSpec> ParseInits(INamedTypeSymbol type, KnownTypes kt, bool internalsVisible, List<DiagnosticInfo> diags, CancellationToken ct)
        {
            var inits = new List<InitSpec>();
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol method) continue;
                foreach (var a in method.GetAttributes())
                {
                    bool isInit = KnownTypes.Is(a.AttributeClass, kt.Init), isTerm = KnownTypes.Is(a.AttributeClass, kt.Term);
                    if (!isInit && !isTerm) continue;
                    string label = isInit ? "UkInit" : "UkTerm";
                    int cls = a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int c ? c : 0;
                    int priority = (int)(NamedLong(a, "Priority") ?? 9);
                    var where = AttributeRef(a, ct);
                    bool returnsInt = method.ReturnType.SpecialType == SpecialType.System_Int32;
                    bool ok = method.IsStatic && method.Parameters.Length == 0 && !method.IsGenericMethod
                        && (returnsInt || method.ReturnsVoid) && Accessible(method, internalsVisible);
                    if (!ok)
                    {
                        diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadInitMethod, ToRef(method.Locations.Length > 0 ? method.Locations[0] : null) ?? where,
                            "[" + label + "] method " + type.Name + "." + method.Name + " must be a public static, non-generic method without parameters returning void or int"));
                        continue;
                    }
                    if (cls < 1 || cls > 6)
                    {
                        diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, ArgumentRef(a, 0, ct), "[" + label + "] on " + method.Name + " needs an init class (UkInitClass.Early ... Late)"));
                        continue;
                    }
                    inits.Add(new InitSpec(method.Name, cls, priority, isTerm, returnsInt, NamedArgumentRef(a, "Priority", ct)));
                }
            }
            inits.Sort((x, y) => string.CompareOrdinal(x.Method, y.Method));
            return inits;
        }

        public static ApiSpec ParseApi(INamedTypeSymbol type, AttributeData a, CancellationToken ct)
            => new ApiSpec(FullName(type), Named(a, "DefaultProvider"), AttributeRef(a, ct));

        /// <summary>Reads the app's assembly attributes; null app when the assembly is not a Compose app.</summary>
        public static AppModel ParseApp(IAssemblySymbol assembly, KnownTypes kt, CancellationToken ct)
        {
            var diags = new List<DiagnosticInfo>();
            AttributeData? appAttr = null;
            var requires = new List<RequirementSpec>();
            var options = new List<OptionSpec>();
            var choices = new List<ProviderChoiceSpec>();
            foreach (var a in assembly.GetAttributes())
            {
                var cls = a.AttributeClass;
                if (KnownTypes.Is(cls, kt.Application)) appAttr = a;
                else if (KnownTypes.Is(cls, kt.RequiresAttr))
                {
                    if (TypeArgument(a, "Requires", diags, ct) is { } api)
                        requires.Add(new RequirementSpec(FullName(api), IsOptional(a), ArgumentRef(a, 0, ct)));
                }
                else if (KnownTypes.Is(cls, kt.UseProvider))
                {
                    var api = TypeArgument(a, "UkUseProvider", diags, ct);
                    var lib = a.ConstructorArguments.Length == 2 ? a.ConstructorArguments[1].Value as string : null;
                    if (api != null && !string.IsNullOrEmpty(lib)) choices.Add(new ProviderChoiceSpec(FullName(api), lib!, ArgumentRef(a, 1, ct)));
                    else if (api != null) diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, ArgumentRef(a, 1, ct), "[UkUseProvider] needs a library name"));
                }
                else if (ParseOption(a, kt, diags, ct) is { } option) options.Add(option);
            }
            if (appAttr is null) return new AppModel(null, diags.ToEquatableArray());
            string name = appAttr.ConstructorArguments.Length == 1 ? appAttr.ConstructorArguments[0].Value as string ?? "" : "";
            var where = ArgumentRef(appAttr, 0, ct);
            if (!LibraryValidator.IsName(name))
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, where,
                    "Application name '" + name + "' is not valid: use lower-case letters, digits and '_', starting with a letter"));
            var app = new AppSpec(name, Named(appAttr, "Version") ?? "0.1.0", null, null, false, requires.ToEquatableArray(),
                options.ToEquatableArray(), choices.ToEquatableArray(), where);
            LibraryValidator.ValidateOptions(name, app.Options, diags, where);
            return new AppModel(app, diags.ToEquatableArray());
        }

        public static MainModel ParseMain(IMethodSymbol method, CancellationToken ct)
        {
            var diags = new List<DiagnosticInfo>();
            bool returnsInt = method.ReturnType.SpecialType == SpecialType.System_Int32;
            bool ok = method.IsStatic && !method.IsGenericMethod && (returnsInt || method.ReturnsVoid) && method.Parameters.Length == 1
                && method.Parameters[0].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String, Rank: 1 }
                && method.DeclaredAccessibility != Accessibility.Private && method.ContainingType.DeclaredAccessibility != Accessibility.Private;
            if (!ok)
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadMain, ToRef(method.Locations[0]),
                    "[UkMain] method " + method.Name + " must be a non-private static method taking (string[] args) and returning int or void"));
            return new MainModel(FullName(method.ContainingType), method.Name, returnsInt, diags.ToEquatableArray());
        }

        /// <summary>A referenced assembly's manifest (or why it could not be read), parsed once per assembly symbol.</summary>
        private sealed class ReferenceManifest
        {
            public ReferenceManifest(ManifestSpec? manifest, DiagnosticInfo? error) { Manifest = manifest; Error = error; }
            public ManifestSpec? Manifest { get; }
            public DiagnosticInfo? Error { get; }
        }

        // Roslyn reuses the symbols of unchanged references across compilations, so an edit in the app does not
        // parse the manifests of its references again; the parsed specs are the same instances, which also makes
        // the pipeline's equality check a reference comparison.
        private static readonly ConditionalWeakTable<IAssemblySymbol, ReferenceManifest> s_referenceCache = new ConditionalWeakTable<IAssemblySymbol, ReferenceManifest>();

        /// <summary>The manifests of referenced assemblies, from their <c>[assembly: UkManifest]</c>.</summary>
        public static (EquatableArray<ManifestSpec> Manifests, EquatableArray<DiagnosticInfo> Diagnostics) ReadReferences(Compilation compilation, CancellationToken ct)
        {
            var manifests = new List<ManifestSpec>();
            var diags = new List<DiagnosticInfo>();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                ct.ThrowIfCancellationRequested();
                if (!ReferencesCompose(assembly)) continue;
                var entry = s_referenceCache.GetValue(assembly, ReadManifest);
                if (entry.Manifest != null) manifests.Add(entry.Manifest);
                if (entry.Error != null) diags.Add(entry.Error);
            }
            manifests.Sort((x, y) => string.CompareOrdinal(x.Assembly, y.Assembly));
            return (manifests.ToEquatableArray(), diags.ToEquatableArray());
        }

        private static ReferenceManifest ReadManifest(IAssemblySymbol assembly)
        {
            foreach (var a in assembly.GetAttributes())
            {
                if (a.AttributeClass?.ToDisplayString() != KnownTypes.UkManifest) continue;
                if (a.ConstructorArguments.Length != 1 || a.ConstructorArguments[0].Value is not string text) continue;
                var m = ManifestCodec.TryRead(text, out var error);
                return m != null
                    ? new ReferenceManifest(m, null)
                    : new ReferenceManifest(null, DiagnosticInfo.Create(DiagnosticCatalog.MalformedAttribute, null, "Referenced assembly " + assembly.Name + ": " + error));
            }
            return new ReferenceManifest(null, null);
        }

        private static bool ReferencesCompose(IAssemblySymbol assembly)
        {
            if (assembly.Name == "Compose.Abstractions") return false;
            foreach (var module in assembly.Modules)
                foreach (var r in module.ReferencedAssemblies)
                    if (r.Name == "Compose.Abstractions") return true;
            return false;
        }

        public static ImmutableArray<AttributeData> AttributesOf(ISymbol s) => s.GetAttributes();
    }
}
