using System;
using System.IO;

namespace Compose.Images.Tests
{
    /// <summary>
    /// A throwaway composition outside the repository (an app and a library with a linuxu linker fragment), built
    /// against the repository's build logic, for tests that must edit sources.
    /// </summary>
    public sealed class TempComposition : IDisposable
    {
        public string Dir { get; }
        public string AppProject => Path.Combine(Dir, "fragapp", "fragapp.csproj");
        public string Image => Path.Combine(Dir, "fragapp", "bin", "linuxu", "Debug", "net10.0", "fragapp_linuxu-x86_64");
        public string LinkerScript => Path.Combine(Dir, "fragapp", "obj", "linuxu", "Debug", "net10.0", "compose.lds");
        public string FragmentFile => Path.Combine(Dir, "fraglib", "linuxu.ld");

        public TempComposition()
        {
            Dir = Path.Combine(Path.GetTempPath(), "compose-images-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string root = Tools.RepoRoot;
            Write("Directory.Build.props", "<Project><Import Project=\"" + Path.Combine(root, "Directory.Build.props") + "\" /></Project>");
            Write("Directory.Build.targets", "<Project><Import Project=\"" + Path.Combine(root, "Directory.Build.targets") + "\" /></Project>");
            Write("Directory.Packages.props", "<Project><Import Project=\"" + Path.Combine(root, "Directory.Packages.props") + "\" /></Project>");
            Write("fraglib/fraglib.csproj", @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ComposeKind>Library</ComposeKind>
    <AssemblyName>Compose.Libraries.fraglib</AssemblyName>
    <RootNamespace>Compose.Libraries.FragLib</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <AdditionalFiles Include=""linuxu.ld"" ComposeRole=""LinkerFragment"" ComposePlatform=""linuxu"" />
  </ItemGroup>
</Project>");
            Write("fraglib/FragLib.cs", @"namespace Compose.Libraries.FragLib
{
    /// <summary>A library whose only content is a linker fragment.</summary>
    [Compose.UkLibrary(""fraglib"")]
    public static class FragLibrary { }
}");
            SetFragmentMarker(0x11223344);
            Write("fragapp/fragapp.csproj", @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ComposeKind>App</ComposeKind>
    <OutputType>Exe</OutputType>
    <AssemblyName>fragapp</AssemblyName>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include=""../fraglib/fraglib.csproj"" />
  </ItemGroup>
</Project>");
            Write("fragapp/.config", "CONFIG_LIBPLATLINUXU_HEAP_SIZE=4194304\nCONFIG_LIBUKBOOT_BANNER=n\n");
            Write("fragapp/Program.cs", @"using System;
using Compose;

[assembly: UkApplication(""fragapp"")]
[assembly: Requires(typeof(Compose.Libraries.FragLib.FragLibrary))]

namespace FragApp
{
    public static class App
    {
        // Allocates args[0] bytes (default 1000) in one array, more than the early arena holds when asked.
        [UkMain]
        public static int Main(string[] args)
        {
            int size = 1000;
            if (args.Length > 0)
            {
                size = 0;
                foreach (char c in args[0]) size = size * 10 + (c - '0');
            }
            byte[] block = new byte[size];
            block[size - 1] = 7;
            Console.WriteLine(""allocated "" + block.Length.ToString() + "" last "" + block[size - 1].ToString());
            return 5;
        }
    }
}");
        }

        public void SetFragmentMarker(uint marker)
        {
            Write("fraglib/linuxu.ld", "SECTIONS\n{\n  .compose_test_marker : { LONG(0x" + marker.ToString("x8") + ") }\n}\nINSERT AFTER .rodata;\n");
        }

        private void Write(string relative, string text)
        {
            string path = Path.Combine(Dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        public void Dispose()
        {
            try { Directory.Delete(Dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
