using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Compose.Generators.Tests")]
[assembly: InternalsVisibleTo("Compose.Generators.Bench")]
