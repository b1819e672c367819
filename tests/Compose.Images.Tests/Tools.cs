using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Compose.Images.Tests
{
    /// <summary>Runs processes (dotnet build, images) and finds the repository.</summary>
    internal static class Tools
    {
        public static string RepoRoot { get; } = FindRoot();

        private static string FindRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "src", "Build", "Compose.Image.targets"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }

        public sealed record Result(int ExitCode, string StdOut, string StdErr)
        {
            public string All => StdOut + StdErr;
        }

        public static Result Run(string file, string[] args, string? workingDirectory = null, Action<ProcessStartInfo>? configure = null, int timeoutMs = 600_000)
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? RepoRoot };
            foreach (string a in args) psi.ArgumentList.Add(a);
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            psi.Environment["DOTNET_NOLOGO"] = "1";
            psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            configure?.Invoke(psi);
            using var p = Process.Start(psi)!;
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            p.OutputDataReceived += (_, e) => { if (e.Data != null) lock (stdout) stdout.Append(e.Data).Append('\n'); };
            p.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (stderr) stderr.Append(e.Data).Append('\n'); };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            if (!p.WaitForExit(timeoutMs))
            {
                p.Kill(true);
                throw new TimeoutException(file + " " + string.Join(" ", args) + " did not finish in " + timeoutMs + " ms");
            }
            p.WaitForExit();
            return new Result(p.ExitCode, stdout.ToString(), stderr.ToString());
        }

        /// <summary>dotnet build of a project for a platform; returns the result (callers assert).</summary>
        public static Result Build(string project, string platform, params string[] extra)
        {
            var args = new System.Collections.Generic.List<string> { "build", project, "-v:q", "-nologo", "-p:UkPlatform=" + platform };
            args.AddRange(extra);
            return Run("dotnet", args.ToArray());
        }

        public static Result BuildOrThrow(string project, string platform)
        {
            var r = Build(project, platform);
            if (r.ExitCode != 0) throw new InvalidOperationException("build of " + project + " for " + platform + " failed:\n" + r.All);
            return r;
        }
    }
}
