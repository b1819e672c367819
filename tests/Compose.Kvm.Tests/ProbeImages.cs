using System;
using System.Collections.Generic;
using System.IO;
using Scriban;
using Scriban.Runtime;
using Xunit;

namespace Compose.Kvm.Tests
{
    /// <summary>
    /// Boot-path images built without ILC: the kvm boot sources and the test fixture fixtures/probe.S (a stand-in
    /// for Uk.CoreLib's UkCoreLibStart), linked with the kvm linker template rendered by Scriban, as the
    /// generator renders it. Built once per test run: one image with both headers, one PVH-only.
    /// </summary>
    public sealed class ProbeImages : IDisposable
    {
        public const string FragmentSection = ".kvm_probe_fragment";

        public ProbeImages()
        {
            Directory = Path.Combine(Path.GetTempPath(), "compose-kvm-probe-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            Script = Path.Combine(Directory, "probe.lds");
            File.WriteAllText(Script, RenderTemplate(new[] { ("kvmprobe", FragmentText) }));
            Both = Build("probe_qemu-x86_64", Array.Empty<string>());
            PvhOnly = Build("probe-pvh_qemu-x86_64", new[] { "-DKVM_NO_MULTIBOOT" });
        }

        public string Directory { get; }
        public string Script { get; }
        /// <summary>Multiboot header and PVH note: QEMU boots it through multiboot.</summary>
        public string Both { get; }
        /// <summary>PVH note only: QEMU boots it through PVH.</summary>
        public string PvhOnly { get; }

        public string Image(string protocol) => protocol == "pvh" ? PvhOnly : Both;

        private const string FragmentText =
            "    " + FragmentSection + " : { KEEP(*(" + FragmentSection + ")) } :rodata";

        /// <summary>Renders src/Platforms/kvm/link64.lds.scriban with the generator's model.</summary>
        public static string RenderTemplate(IEnumerable<(string Library, string Text)> fragments)
        {
            string path = Path.Combine(Repo.KvmDir, "link64.lds.scriban");
            Template template = Template.Parse(File.ReadAllText(path), path);
            Assert.False(template.HasErrors, string.Join("\n", template.Messages));
            var model = new ScriptObject();
            model["compose_version"] = "0.1.0";
            model["platform"] = "kvm";
            model["app"] = new ScriptObject { ["name"] = "probe", ["version"] = "1.0.0" };
            var libraries = new ScriptArray { new ScriptObject { ["name"] = "platkvm", ["version"] = "0.1.0" } };
            model["libraries"] = libraries;
            var list = new ScriptArray();
            foreach (var (library, text) in fragments) list.Add(new ScriptObject { ["library"] = library, ["text"] = text });
            model["fragments"] = list;
            model["options"] = new ScriptObject();
            model["features"] = new ScriptObject();   // no feature switches: the template's defaults (exceptions kept)
            var context = new TemplateContext();
            context.PushGlobal(model);
            return template.Render(context);
        }

        private string Build(string name, string[] defines)
        {
            string objDir = Path.Combine(Directory, name + ".obj");
            System.IO.Directory.CreateDirectory(objDir);
            var objects = new List<string>();
            // The boot sources, plus the shared x86-64 files the boot code calls (guard registry, TLS block).
            var sources = new List<string>(System.IO.Directory.GetFiles(Path.Combine(Repo.KvmDir, "boot"), "*.S"));
            sources.Add(Path.Combine(Repo.Root, "src", "Platforms", "arch", "x86_64", "ukguard.S"));
            sources.Add(Path.Combine(Repo.Root, "src", "Platforms", "arch", "x86_64", "uktls.S"));
            foreach (string source in sources)
            {
                string obj = Path.Combine(objDir, Path.GetFileNameWithoutExtension(source) + ".o");
                var args = new List<string> { "-c", "-I", Path.Combine(Repo.KvmDir, "boot") };
                args.AddRange(defines);
                args.AddRange(new[] { "-o", obj, source });
                Tools.Check("gcc", args.ToArray());
                objects.Add(obj);
            }
            string probe = Path.Combine(objDir, "probe.o");
            Tools.Check("gcc", "-c", "-o", probe, Path.Combine(Repo.Root, "tests", "Compose.Kvm.Tests", "fixtures", "probe.S"));
            objects.Add(probe);
            string image = Path.Combine(Directory, name);
            var ld = new List<string> { "-nostdlib", "-static", "-z", "max-page-size=0x1000", "-z", "noexecstack", "-T", Script, "-o", image };
            ld.AddRange(objects);
            Tools.Check("ld", ld.ToArray());

            // Second pass, as Platform.targets does: the text symbols as a table in rodata, linked again.
            string symtab = Path.Combine(objDir, "symtab.s");
            RunResult nm = Tools.Check("bash", "-c", $"nm -n --defined-only '{image}' | awk -f '{Path.Combine(Repo.Root, "src", "Build", "symtab.awk")}' > '{symtab}'");
            Tools.Check("as", "--64", "-o", symtab + ".o", symtab);
            ld.Add(symtab + ".o");
            Tools.Check("ld", ld.ToArray());
            return image;
        }

        /// <summary>The address of <paramref name="symbol"/> in <paramref name="image"/> (nm).</summary>
        public static ulong Symbol(string image, string symbol)
        {
            RunResult r = Tools.Check("nm", image);
            foreach (string line in r.Stdout.Split('\n'))
            {
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 3 && parts[2] == symbol) return Convert.ToUInt64(parts[0], 16);
            }
            throw new InvalidOperationException(symbol + " not in " + image);
        }

        public void Dispose()
        {
            try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        }
    }
}
