using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace Compose.PoolImages.Tests
{
    /// <summary>
    /// Each allocator provider composed into a throwaway app, built for hosted and for linuxu: the image runs a
    /// random malloc/free workload through the bound IAllocator (and object allocation through it), prints the same
    /// checksum and statistics as the hosted build, and a double free panics naming the library and the call.
    /// </summary>
    public sealed class AllocatorImageTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "compose-poolimages-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public void Dispose()
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        [Theory]
        [InlineData("ukallocbbuddy")]
        [InlineData("ukalloctlsf")]
        [InlineData("ukallocregion")]
        public void ProviderRunsInALinuxuImageLikeOnHosted(string library)
        {
            string project = WriteApp(library);
            string appDir = Path.GetDirectoryName(project)!;

            Result hostedBuild = Run("dotnet", "build", project, "-v:q", "-nologo", "-p:UkPlatform=hosted");
            Assert.True(hostedBuild.ExitCode == 0, "hosted build failed:\n" + hostedBuild.All);
            Result linuxuBuild = Run("dotnet", "build", project, "-v:q", "-nologo", "-p:UkPlatform=linuxu");
            Assert.True(linuxuBuild.ExitCode == 0, "linuxu build failed:\n" + linuxuBuild.All);

            string manifest = File.ReadAllText(Path.Combine(appDir, "obj", "linuxu", "Debug", "net10.0", "compose.manifest.json"));
            Assert.Contains("\"name\": \"" + library + "\"", manifest);

            Result hosted = Run("dotnet", Path.Combine(appDir, "bin", "Debug", "net10.0", "allocimg.dll"));
            string image = Path.Combine(appDir, "bin", "linuxu", "Debug", "net10.0", "allocimg_linuxu-x86_64");
            Result linuxu = Run(image);
            Assert.True(hosted.ExitCode == 0, "hosted run failed:\n" + hosted.All);
            Assert.True(linuxu.ExitCode == 0, "image run failed:\n" + linuxu.All);
            string hostedLine = ResultLine(hosted.StdOut);
            Assert.StartsWith("provider=" + library + " ", hostedLine);
            Assert.Equal(hostedLine, ResultLine(linuxu.StdOut));

            Result panic = Run(image, "doublefree");
            Assert.Equal(134, panic.ExitCode);
            Assert.Contains("PANIC " + library + ": Free(0x", panic.All);
            Assert.Contains("double free: the block is already free", panic.All);
            Assert.DoesNotContain("still running", panic.All);
        }

        private static string ResultLine(string output)
        {
            foreach (string line in output.Split('\n'))
                if (line.StartsWith("provider=", StringComparison.Ordinal)) return line.Trim();
            throw new Xunit.Sdk.XunitException("no result line in:\n" + output);
        }

        private string WriteApp(string library)
        {
            string root = RepoRoot();
            Write("Directory.Build.props", "<Project><Import Project=\"" + Path.Combine(root, "Directory.Build.props") + "\" /></Project>");
            Write("Directory.Build.targets", "<Project><Import Project=\"" + Path.Combine(root, "Directory.Build.targets") + "\" /></Project>");
            Write("Directory.Packages.props", "<Project><Import Project=\"" + Path.Combine(root, "Directory.Packages.props") + "\" /></Project>");
            string lib = Path.Combine(root, "src", "Libraries", library, library + ".csproj");
            Write("allocimg/allocimg.csproj", @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ComposeKind>App</ComposeKind>
    <OutputType>Exe</OutputType>
    <AssemblyName>allocimg</AssemblyName>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include=""" + lib + @""" />
  </ItemGroup>
</Project>");
            Write("allocimg/.config", "CONFIG_LIBUKBOOT_BANNER=n\n");
            Write("allocimg/Program.cs", @"using System;
using Compose;
using Compose.Libraries.UkAlloc;

[assembly: UkApplication(""allocimg"")]
[assembly: UkUseProvider(typeof(IAllocator), """ + library + @""")]

namespace AllocImg
{
    public static unsafe class App
    {
        [UkMain]
        public static int Main(string[] args)
        {
            IAllocator a = UkApi<IAllocator>.Instance!;
            if (args.Length > 0 && args[0] == ""doublefree"")
            {
                void* q = a.Malloc(100);
                a.Malloc(100);
                a.Free(q);
                a.Free(q);
                Console.WriteLine(""still running after a double free"");
                return 0;
            }
            ulong checksum = 0;
            nuint[] live = new nuint[64];
            uint seed = 12345;
            ulong before = a.Statistics.Allocations;
            for (int i = 0; i < 4000; i++)
            {
                seed = seed * 1103515245 + 12345;
                int slot = (int)(seed >> 16) & 63;
                a.Free((void*)live[slot]);
                nuint size = (nuint)(16 + ((seed >> 8) & 4095));
                byte* p = (byte*)a.Malloc(size);
                if (p == null) { Console.WriteLine(""malloc of "" + ((ulong)size).ToString() + "" failed""); return 1; }
                for (nuint b = 0; b < size; b++) p[b] = (byte)(i + (int)b);
                live[slot] = (nuint)p;
                checksum = checksum * 31 + p[size / 2] + p[size - 1];
            }
            for (int s = 0; s < 64; s++)
            {
                byte* p = (byte*)live[s];
                checksum = checksum * 31 + p[0];
                a.Free(p);
            }
            AllocatorStatistics st = a.Statistics;
            Console.WriteLine(""provider="" + """ + library + @""" + "" allocs="" + (st.Allocations - before).ToString()
                + "" checksum="" + checksum.ToString() + "" failures="" + st.Failures.ToString());
            return 0;
        }
    }
}");
            return Path.Combine(_dir, "allocimg", "allocimg.csproj");
        }

        private void Write(string relative, string text)
        {
            string path = Path.Combine(_dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        private static string RepoRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "src", "Build", "Compose.Image.targets"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }

        private sealed record Result(int ExitCode, string StdOut, string StdErr)
        {
            public string All => StdOut + StdErr;
        }

        private static Result Run(string file, params string[] args)
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in args) psi.ArgumentList.Add(arg);
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            psi.Environment["DOTNET_NOLOGO"] = "1";
            psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using Process process = Process.Start(psi)!;
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (stdout) stdout.Append(e.Data).Append('\n'); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (stderr) stderr.Append(e.Data).Append('\n'); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(600_000))
            {
                process.Kill(true);
                throw new TimeoutException(file + " did not finish in 10 minutes");
            }
            process.WaitForExit();
            return new Result(process.ExitCode, stdout.ToString(), stderr.ToString());
        }
    }
}
