using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>
    /// Images built by the real pipeline (generator, Uk.CoreLib, ILC, boot code, generated linker script):
    /// HelloWorld, the Uk.CoreLib feature and exception tests, tests/BclTest, samples/Files and samples/WordCount for
    /// hosted and kvm, and tests/KvmProbe for kvm. All of them are
    /// built in one MSBuild session (fixtures/build-images.proj) on first use, so skipped tests cost nothing.
    /// </summary>
    public sealed class KvmImages
    {
        private readonly Lazy<RunResult> _build = new(BuildAll);

        public string HelloWorldHosted => Output("samples/HelloWorld", "hosted", "helloworld.dll");
        public string HelloWorldImage => Output("samples/HelloWorld", "kvm", "helloworld_qemu-x86_64");
        public string FeatureTestHosted => Output("tests/FeatureTest", "hosted", "FeatureTest.dll");
        public string FeatureTestImage => Output("tests/FeatureTest", "kvm", "featuretest_qemu-x86_64");
        public string ExceptionTestHosted => Output("tests/ExceptionTest", "hosted", "ExceptionTest.dll");
        public string ExceptionTestImage => Output("tests/ExceptionTest", "kvm", "exceptiontest_qemu-x86_64");
        public string ProbeImage => Output("tests/KvmProbe", "kvm", "kvmprobe_qemu-x86_64");
        public string FilesHosted => Output("samples/Files", "hosted", "files.dll");
        public string FilesImage => Output("samples/Files", "kvm", "files_qemu-x86_64");
        /// <summary>samples/Files/initrd packed by the kvm build (newc, the cpio tool).</summary>
        public string FilesInitrd => Output("samples/Files", "kvm", "initrd.cpio");
        public string BclTestHosted => Output("tests/BclTest", "hosted", "bcltest.dll");
        public string BclTestImage => Output("tests/BclTest", "kvm", "bcltest_qemu-x86_64");
        public string WordCountHosted => Output("samples/WordCount", "hosted", "wordcount.dll");
        public string WordCountImage => Output("samples/WordCount", "kvm", "wordcount_qemu-x86_64");
        public string PanicThrowImage => Output("tests/PanicThrow", "kvm", "panicthrow_qemu-x86_64");

        private static RunResult BuildAll() =>
            Tools.Run("dotnet", new[] { "msbuild", Path.Combine(Repo.Root, "tests", "Compose.Kvm.Tests", "fixtures", "build-images.proj"),
                "-restore", "-t:Build", "-p:Root=" + Repo.Root, "-v:q", "-nologo" });

        private string Output(string project, string platform, string output)
        {
            RunResult r = _build.Value;
            Assert.True(r.ExitCode == 0, "building the test images (fixtures/build-images.proj) failed:\n" + r);
            string dir = platform == "hosted" ? "bin/Debug/net10.0" : $"bin/{platform}/Debug/net10.0";
            string path = Path.Combine(Repo.Root, project, dir, output);
            Assert.True(File.Exists(path), path + " was not built");
            return path;
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
