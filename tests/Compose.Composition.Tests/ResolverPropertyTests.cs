using Compose.Composition;
using CsCheck;
using static Compose.Composition.Tests.Specs;

namespace Compose.Composition.Tests;

/// <summary>Random library graphs: the resolver never throws and its answers hold together.</summary>
public class ResolverPropertyTests
{
    private static readonly string[] s_apis = ["I0", "I1", "I2", "I3", "I4", "I5"];

    private static readonly Gen<LibrarySpec[]> s_graph =
        from count in Gen.Int[1, 12]
        from libs in Gen.Select(
            Gen.Int[0, s_apis.Length - 1].Array[0, 2],
            Gen.Int[0, s_apis.Length - 1].Array[0, 3],
            Gen.Int[1, 6],
            Gen.Int[0, 9],
            Gen.Bool).Array[count]
        select libs.Select((l, i) => Lib("l" + i,
            provides: l.Item1.Distinct().Select(a => s_apis[a]).ToArray(),
            requires: l.Item2.Distinct().Select(a => s_apis[a]).ToArray(),
            inits: [Init("Init", l.Item3, l.Item4), Init("Stop", l.Item3, l.Item4, term: true)],
            platforms: l.Item5 ? [] : ["test"])).ToArray();

    private static CompositionInput Build(LibrarySpec[] libs, int[] appRequires)
    {
        var all = libs.Append(Platform(appRequires.Select(a => s_apis[a]).Distinct().ToArray())).ToArray();
        return Input(App(), "", all);
    }

    [Fact]
    public void Never_throws_binds_or_diagnoses_every_requirement_and_orders_inits()
    {
        Gen.Select(s_graph, Gen.Int[0, s_apis.Length - 1].Array[0, 3]).Sample((libs, appRequires) =>
        {
            var input = Build(libs, appRequires);
            var r = Resolver.Resolve(input);
            Assert.DoesNotContain(r.Diagnostics, d => d.Id == DiagnosticCatalog.InternalError);
            Assert.Equal(r.Composition is null, r.Diagnostics.Any(d => DiagnosticCatalog.Get(d.Id).Severity == Severity.Error));
            if (r.Composition is not { } c) return;

            var composed = c.Libraries.Select(l => l.Spec).ToDictionary(l => l.Name);
            var bound = c.Bindings.ToDictionary(b => b.Api, b => b.Library);
            // Every requirement of every composed library is bound to a composed provider that provides it.
            foreach (var lib in composed.Values)
                foreach (var req in lib.Requires)
                {
                    Assert.True(bound.TryGetValue(req.Api, out var provider), lib.Name + " requires unbound " + req.Api);
                    Assert.Contains(composed[provider!].Provides, p => p.Api == req.Api);
                }
            // Init order: by class and priority, and a library's inits after those of libraries it requires.
            var inits = c.Inits.ToList();
            for (int i = 1; i < inits.Count; i++)
                Assert.True((inits[i - 1].Class, inits[i - 1].Priority).CompareTo((inits[i].Class, inits[i].Priority)) <= 0);
            foreach (var lib in composed.Values)
                foreach (var req in lib.Requires)
                {
                    var provider = bound[req.Api];
                    if (provider == lib.Name) continue;
                    int mine = inits.FindIndex(x => x.Library == lib.Name), theirs = inits.FindIndex(x => x.Library == provider);
                    if (mine < 0 || theirs < 0) continue; // the platform library has no init functions here
                    var a = inits[mine]; var b = inits[theirs];
                    if ((a.Class, a.Priority) == (b.Class, b.Priority)) Assert.True(theirs < mine, provider + " must init before " + lib.Name);
                }
            Assert.Equal(c.Inits.Select(i => i.Library).Reverse(), c.Terms.Select(t => t.Library));
        }, iter: 300);
    }

    [Fact]
    public void Same_input_gives_the_same_output()
    {
        Gen.Select(s_graph, Gen.Int[0, s_apis.Length - 1].Array[0, 3]).Sample((libs, appRequires) =>
        {
            var a = Resolver.Resolve(Build(libs, appRequires));
            var b = Resolver.Resolve(Build(libs.Select(l => l with { }).ToArray(), appRequires));
            Assert.Equal(a, b);
            if (a.Composition != null)
            {
                Assert.Equal(WiringEmitter.Emit(a.Composition), WiringEmitter.Emit(b.Composition!));
                Assert.Equal(BuildEmitter.EmitManifest(a.Composition), BuildEmitter.EmitManifest(b.Composition!));
            }
        }, iter: 100);
    }
}
