using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>
    /// Images built by the real pipeline (generator, Uk.CoreLib, ILC, boot code, generated linker script):
    /// HelloWorld and the Uk.CoreLib feature test for hosted and kvm, and tests/KvmProbe for kvm. Each build
    /// runs once, on first use, so skipped tests cost nothing.
    /// </summary>
    public sealed class KvmImages
    {
        private readonly Dictionary<string, string> _built = new();
        private readonly object _gate = new();

        public string HelloWorldHosted => Build("samples/HelloWorld", "hosted", "helloworld.dll");
        public string HelloWorldImage => Build("samples/HelloWorld", "kvm", "helloworld_qemu-x86_64");
        public string FeatureTestHosted => Build("tests/FeatureTest", "hosted", "FeatureTest.dll");
        public string FeatureTestImage => Build("tests/FeatureTest", "kvm", "featuretest_qemu-x86_64");
        public string ProbeImage => Build("tests/KvmProbe", "kvm", "kvmprobe_qemu-x86_64");

        private string Build(string project, string platform, string output)
        {
            lock (_gate)
            {
                string key = project + "|" + platform;
                if (_built.TryGetValue(key, out string? path)) return path;
                RunResult r = Tools.Run("dotnet", new[] { "build", Path.Combine(Repo.Root, project), "-v:q", "-nologo", "-p:UkPlatform=" + platform });
                Assert.True(r.ExitCode == 0, $"dotnet build {project} -p:UkPlatform={platform} failed:\n{r}");
                string dir = platform == "hosted" ? "bin/Debug/net10.0" : $"bin/{platform}/Debug/net10.0";
                path = Path.Combine(Repo.Root, project, dir, output);
                Assert.True(File.Exists(path), path + " was not built");
                _built[key] = path;
                return path;
            }
        }

        /// <summary>Runs a hosted build (<c>dotnet app.dll args</c>).</summary>
        public static RunResult RunHosted(string dll, params string[] args)
        {
            var all = new List<string> { dll };
            all.AddRange(args);
            return Tools.Run("dotnet", all);
        }
    }

    [CollectionDefinition("kvm-images")]
    public sealed class KvmImagesCollection : ICollectionFixture<KvmImages> { }
}
