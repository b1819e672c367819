using System.IO;

namespace Compose.Images.Tests
{
    /// <summary>Builds HelloWorld and the feature test once, hosted and linuxu, for every test in the collection.</summary>
    public sealed class ImageFixture
    {
        public string HelloHosted { get; }
        public string HelloImage { get; }
        public string FeatureHosted { get; }
        public string FeatureImage { get; }

        public ImageFixture()
        {
            string root = Tools.RepoRoot;
            string hello = Path.Combine(root, "samples", "HelloWorld", "HelloWorld.csproj");
            string feature = Path.Combine(root, "tests", "FeatureTest", "FeatureTest.csproj");
            Tools.BuildOrThrow(hello, "hosted");
            Tools.BuildOrThrow(hello, "linuxu");
            Tools.BuildOrThrow(feature, "hosted");
            Tools.BuildOrThrow(feature, "linuxu");
            HelloHosted = Path.Combine(root, "samples", "HelloWorld", "bin", "Debug", "net10.0", "helloworld.dll");
            HelloImage = Path.Combine(root, "samples", "HelloWorld", "bin", "linuxu", "Debug", "net10.0", "helloworld_linuxu-x86_64");
            FeatureHosted = Path.Combine(root, "tests", "FeatureTest", "bin", "Debug", "net10.0", "FeatureTest.dll");
            FeatureImage = Path.Combine(root, "tests", "FeatureTest", "bin", "linuxu", "Debug", "net10.0", "featuretest_linuxu-x86_64");
        }
    }

    [CollectionDefinition("images")]
    public sealed class ImageCollection : ICollectionFixture<ImageFixture>
    {
    }
}
