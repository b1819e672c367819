using Microsoft.CodeAnalysis;

namespace Compose.Generators
{
    /// <summary>The Compose attribute types of one compilation, resolved once; null when Compose is not referenced.</summary>
    internal sealed class KnownTypes
    {
        public const string UkLibrary = "Compose.UkLibraryAttribute";
        public const string UkPlatform = "Compose.UkPlatformAttribute";
        public const string UkApi = "Compose.UkApiAttribute";
        public const string Provides = "Compose.ProvidesAttribute";
        public const string Requires = "Compose.RequiresAttribute";
        public const string BoolOption = "Compose.UkBoolOptionAttribute";
        public const string IntOption = "Compose.UkIntOptionAttribute";
        public const string StringOption = "Compose.UkStringOptionAttribute";
        public const string ChoiceOption = "Compose.UkChoiceOptionAttribute";
        public const string UkInit = "Compose.UkInitAttribute";
        public const string UkTerm = "Compose.UkTermAttribute";
        public const string UkApplication = "Compose.UkApplicationAttribute";
        public const string UkMain = "Compose.UkMainAttribute";
        public const string UkUseProvider = "Compose.UkUseProviderAttribute";
        public const string UkManifest = "Compose.UkManifestAttribute";
        public const string UkParam = "Compose.UkParamAttribute";

        private KnownTypes(Compilation c)
        {
            Library = c.GetTypeByMetadataName(UkLibrary)!;
            Platform = c.GetTypeByMetadataName(UkPlatform);
            Api = c.GetTypeByMetadataName(UkApi);
            ProvidesAttr = c.GetTypeByMetadataName(Provides);
            RequiresAttr = c.GetTypeByMetadataName(Requires);
            Bool = c.GetTypeByMetadataName(BoolOption);
            Int = c.GetTypeByMetadataName(IntOption);
            String = c.GetTypeByMetadataName(StringOption);
            Choice = c.GetTypeByMetadataName(ChoiceOption);
            Init = c.GetTypeByMetadataName(UkInit);
            Term = c.GetTypeByMetadataName(UkTerm);
            Application = c.GetTypeByMetadataName(UkApplication);
            Main = c.GetTypeByMetadataName(UkMain);
            UseProvider = c.GetTypeByMetadataName(UkUseProvider);
            Manifest = c.GetTypeByMetadataName(UkManifest);
            Param = c.GetTypeByMetadataName(UkParam);
        }

        public INamedTypeSymbol Library { get; }
        public INamedTypeSymbol? Platform { get; }
        public INamedTypeSymbol? Api { get; }
        public INamedTypeSymbol? ProvidesAttr { get; }
        public INamedTypeSymbol? RequiresAttr { get; }
        public INamedTypeSymbol? Bool { get; }
        public INamedTypeSymbol? Int { get; }
        public INamedTypeSymbol? String { get; }
        public INamedTypeSymbol? Choice { get; }
        public INamedTypeSymbol? Init { get; }
        public INamedTypeSymbol? Term { get; }
        public INamedTypeSymbol? Application { get; }
        public INamedTypeSymbol? Main { get; }
        public INamedTypeSymbol? UseProvider { get; }
        public INamedTypeSymbol? Manifest { get; }
        public INamedTypeSymbol? Param { get; }

        public static KnownTypes? Create(Compilation c) => c.GetTypeByMetadataName(UkLibrary) is null ? null : new KnownTypes(c);

        public static bool Is(INamedTypeSymbol? a, INamedTypeSymbol? b) => a != null && SymbolEqualityComparer.Default.Equals(a, b);
    }
}
