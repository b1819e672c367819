using System;
using System.Collections.Generic;
using System.Globalization;

namespace Compose.Composition
{
    /// <summary>
    /// Composes an app: which libraries it needs (transitively from the app and the platform), one provider per
    /// API (explicit choice, then the API's default, then the only candidate), every option value and the init
    /// order. Free of Roslyn types; never throws on any input.
    /// </summary>
    public sealed partial class Resolver
    {
        private readonly CompositionInput _input;
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();
        private readonly Dictionary<string, LibrarySpec> _pool = new Dictionary<string, LibrarySpec>(StringComparer.Ordinal);
        private readonly Dictionary<string, LibrarySpec> _byType = new Dictionary<string, LibrarySpec>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<LibrarySpec>> _providers = new Dictionary<string, List<LibrarySpec>>(StringComparer.Ordinal);
        private readonly Dictionary<string, ApiSpec> _apis = new Dictionary<string, ApiSpec>(StringComparer.Ordinal);
        private readonly Dictionary<string, (LibrarySpec Library, string Reason)> _choices = new Dictionary<string, (LibrarySpec, string)>(StringComparer.Ordinal);
        private readonly HashSet<string> _disabled = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, Binding> _bindings = new Dictionary<string, Binding>(StringComparer.Ordinal);
        // Why each library is in: the library (or root label) that pulled it in and the API it did so for. Chains for
        // messages are rebuilt from these links on demand, so deep graphs stay linear in time and memory.
        private readonly Dictionary<string, (string? Parent, string? Via, string Root)> _included = new Dictionary<string, (string?, string?, string)>(StringComparer.Ordinal);
        private readonly List<string> _includeOrder = new List<string>();
        private readonly Dictionary<string, List<(string Target, bool Optional, SourceRef? Location)>> _edges = new Dictionary<string, List<(string, bool, SourceRef?)>>(StringComparer.Ordinal);

        private string? _platformName;

        private Resolver(CompositionInput input) { _input = input; }

        /// <summary>Composes <paramref name="input"/>.</summary>
        public static ResolveResult Resolve(CompositionInput input)
        {
            var resolver = new Resolver(input);
            try
            {
                return resolver.Run();
            }
            catch (Exception e)
            {
                // A crash here is a bug; it becomes a diagnostic rather than an exception in the compiler.
                resolver._diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InternalError, input.App.Location, e.GetType().Name + ": " + e.Message));
                return new ResolveResult(null, resolver._diagnostics.ToEquatableArray());
            }
        }

        private SourceRef? AppLocation => _input.App.Location;

        private ResolveResult Run()
        {
            BuildPool();
            if (_input.Config != null) _diagnostics.AddRange(_input.Config.Diagnostics);
            var config = ReadConfig();
            ReadChoices();

            LibrarySpec? platform = FindPlatform();
            _platformName = platform?.Name;
            var app = _input.App;
            if (platform != null) Include(platform, null, null, app.Name, app.Location);
            foreach (var name in SortedKeys(config.Selected))
                Include(_pool[name], null, null, app.Name + " → .config", config.Selected[name]);
            foreach (var req in app.Requires)
                Require(app.Name, req);
            // An explicit provider choice (UkUseProvider, or a provider library selected in .config) binds its API even
            // when nothing requires it: choosing a provider says the app wants that API (e.g. a collector).
            foreach (var api in SortedKeys(_choices))
                if (!_bindings.ContainsKey(api) && !_disabled.Contains(_choices[api].Library.Name))
                    Require(app.Name, new RequirementSpec(api, false, null));

            // Requirements of included libraries; Include appends to _includeOrder, so this walks the closure.
            for (int i = 0; i < _includeOrder.Count; i++)
            {
                var lib = _pool[_includeOrder[i]];
                foreach (var req in lib.Requires)
                    Require(lib.Name, req);
            }

            ReportCycles();
            var libraryOptions = new List<ResolvedOption>();
            foreach (var name in SortedIncluded())
            {
                var lib = _pool[name];
                libraryOptions.AddRange(ResolveOptions(lib.Name, lib.ConfigPrefix, lib.Options, config));
            }
            var appOptions = ResolveOptions(app.Name, app.ConfigPrefix, app.Options, config);
            ReportUnusedOptionLines(config);
            var (inits, terms) = OrderInits();

            bool hasErrors = false;
            foreach (var d in _diagnostics)
                if (DiagnosticCatalog.Get(d.Id).Severity == Severity.Error) hasErrors = true;
            if (hasErrors || platform is null)
                return new ResolveResult(null, _diagnostics.ToEquatableArray());

            var libraries = new List<ComposedLibrary>();
            foreach (var name in SortedIncluded())
            {
                var link = _included[name];
                libraries.Add(new ComposedLibrary(_pool[name], link.Parent ?? link.Root, link.Via));
            }
            var bindings = new List<Binding>(_bindings.Values);
            bindings.Sort((a, b) => string.CompareOrdinal(a.Api, b.Api));
            var composition = new Composition(_input.ComposeVersion, app, _input.Platform, platform, libraries.ToEquatableArray(),
                bindings.ToEquatableArray(), libraryOptions.ToEquatableArray(), appOptions.ToEquatableArray(),
                inits.ToEquatableArray(), terms.ToEquatableArray());
            return new ResolveResult(composition, _diagnostics.ToEquatableArray());
        }

        private void BuildPool()
        {
            foreach (var manifest in _input.Manifests)
            {
                foreach (var api in manifest.Apis)
                    if (!_apis.ContainsKey(api.TypeName)) _apis[api.TypeName] = api;
                foreach (var lib in manifest.Libraries)
                {
                    if (_pool.TryGetValue(lib.Name, out var existing))
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateLibrary, lib.Location ?? existing.Location ?? AppLocation,
                            lib.Name, Describe(existing), Describe(lib)));
                        continue;
                    }
                    _pool[lib.Name] = lib;
                    _byType[lib.TypeName] = lib;
                    // Libraries of the current compilation (with locations) are checked by its analyzer, per symbol.
                    if (lib.Location is null) LibraryValidator.Validate(lib, _diagnostics, AppLocation);
                    foreach (var p in lib.Provides)
                    {
                        if (!_providers.TryGetValue(p.Api, out var list)) _providers[p.Api] = list = new List<LibrarySpec>();
                        list.Add(lib);
                    }
                }
            }
            foreach (var list in _providers.Values) list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        private static string Describe(LibrarySpec lib) => lib.TypeName.Replace("global::", "") + " (" + lib.Assembly + ")";

        private LibrarySpec? FindPlatform()
        {
            var matches = new List<LibrarySpec>();
            var known = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var lib in _pool.Values)
            {
                if (lib.PlatformOf is null) continue;
                known.Add(lib.PlatformOf);
                if (string.Equals(lib.PlatformOf, _input.Platform, StringComparison.Ordinal)) matches.Add(lib);
            }
            if (matches.Count == 0)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownPlatform, AppLocation, _input.Platform,
                    known.Count == 0 ? "none (reference a platform library)" : string.Join(", ", known)));
                return null;
            }
            matches.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            if (matches.Count > 1)
            {
                var names = new List<string>();
                foreach (var m in matches) names.Add(m.Name);
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadProviderChoice, AppLocation,
                    "Several platform libraries for platform '" + _input.Platform + "': " + string.Join(", ", names) + "; reference only one"));
            }
            return matches[0];
        }

        private void ReadChoices()
        {
            foreach (var choice in _input.App.Choices)
            {
                var where = choice.Location ?? AppLocation;
                if (!_pool.TryGetValue(choice.Library, out var lib))
                {
                    string? near = Closest(choice.Library, _pool.Keys);
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadProviderChoice, where,
                        "UkUseProvider names '" + choice.Library + "', but no library of that name is in the pool" + (near is null ? "" : "; did you mean '" + near + "'?")));
                    continue;
                }
                if (!Provides(lib, choice.Api))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadProviderChoice, where,
                        "UkUseProvider chooses '" + lib.Name + "' for " + Short(choice.Api) + ", but '" + lib.Name + "' does not provide " + Short(choice.Api)));
                    continue;
                }
                AddChoice(choice.Api, lib, "explicit", where);
            }
        }

        private void AddChoice(string api, LibrarySpec lib, string reason, SourceRef? where)
        {
            if (_choices.TryGetValue(api, out var previous) && previous.Library.Name != lib.Name)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadProviderChoice, where,
                    "Both '" + previous.Library.Name + "' (" + previous.Reason + ") and '" + lib.Name + "' (" + reason + ") are chosen as the provider of " + Short(api) + "; keep one"));
                return;
            }
            _choices[api] = (lib, reason);
        }

        private static bool Provides(LibrarySpec lib, string api)
        {
            foreach (var p in lib.Provides) if (p.Api == api) return true;
            return false;
        }

        private bool AvailableOn(LibrarySpec lib)
        {
            if (lib.Platforms.Count == 0) return true;
            foreach (var p in lib.Platforms) if (p == _input.Platform) return true;
            return false;
        }

        private void Include(LibrarySpec lib, string? parent, string? via, string root, SourceRef? where)
        {
            if (_included.ContainsKey(lib.Name)) return;
            _included[lib.Name] = (parent, via, root);
            _includeOrder.Add(lib.Name);
            if (!AvailableOn(lib))
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnavailableOnPlatform, where ?? AppLocation, lib.Name,
                    Chain(lib.Name), _input.Platform, string.Join(", ", lib.Platforms)));
        }

        /// <summary>The requirement chain from the app to <paramref name="name"/>, e.g. <c>demo → plat → ukboot → IAlloc → region</c>.</summary>
        private string Chain(string name)
        {
            var parts = new List<string>();
            string? current = name;
            while (current != null && _included.TryGetValue(current, out var link))
            {
                parts.Add(current);
                if (link.Via != null) parts.Add(link.Via);
                if (link.Parent == null) { parts.Add(link.Root); break; }
                current = link.Parent;
            }
            if (current != null && !_included.ContainsKey(current)) parts.Add(current);
            parts.Reverse();
            return string.Join(" → ", parts);
        }

        private void Require(string owner, RequirementSpec req)
        {
            var where = req.Location ?? AppLocation;
            LibrarySpec? target;
            if (_byType.TryGetValue(req.Api, out var direct))
            {
                target = direct;
                if (_disabled.Contains(direct.Name) && !req.Optional)
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.MissingProvider, where, owner, direct.Name,
                        Chain(owner) + " → " + direct.Name, "it is disabled in .config (CONFIG_" + direct.ConfigPrefix + " is not set); enable it"));
                if (_disabled.Contains(direct.Name)) return;
            }
            else
            {
                target = BindApi(owner, req, where);
            }
            if (target is null) return;
            // The platform library roots the composition like the app: what it requires is pulled in, but it does
            // not depend on it (every library may use the platform API, and the platform comes up first).
            if (owner != _platformName)
            {
                if (!_edges.TryGetValue(owner, out var list)) _edges[owner] = list = new List<(string, bool, SourceRef?)>();
                list.Add((target.Name, req.Optional, req.Location));
            }
            bool isApp = !_included.ContainsKey(owner);
            string? via = _byType.ContainsKey(req.Api) ? null : Short(req.Api);
            Include(target, isApp ? null : owner, via, owner, where);
        }

        private LibrarySpec? BindApi(string owner, RequirementSpec req, SourceRef? where)
        {
            string api = req.Api;
            if (_bindings.TryGetValue(api, out var bound)) return _pool[bound.Library];
            _providers.TryGetValue(api, out var all);
            all ??= new List<LibrarySpec>();
            var candidates = new List<LibrarySpec>();
            foreach (var c in all)
                if (!_disabled.Contains(c.Name) && AvailableOn(c)) candidates.Add(c);
            string ChainText() => Chain(owner) + " → " + Short(api);

            LibrarySpec? chosen = null;
            string reason = "";
            if (_choices.TryGetValue(api, out var choice)) { chosen = choice.Library; reason = choice.Reason; }
            else if (_apis.TryGetValue(api, out var apiSpec) && apiSpec.DefaultProvider != null
                     && candidates.Exists(c => c.Name == apiSpec.DefaultProvider))
            { chosen = _pool[apiSpec.DefaultProvider]; reason = "default"; }
            else if (candidates.Count == 1) { chosen = candidates[0]; reason = "only candidate"; }
            else if (candidates.Count == 0)
            {
                if (req.Optional) return null;
                var unavailable = all.Find(c => !AvailableOn(c) && !_disabled.Contains(c.Name));
                if (unavailable != null)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnavailableOnPlatform, where, unavailable.Name,
                        ChainText(), _input.Platform, string.Join(", ", unavailable.Platforms)));
                    return null;
                }
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.MissingProvider, where, owner, Short(api), ChainText(), CandidateText(all)));
                return null;
            }
            else
            {
                if (req.Optional)
                {
                    chosen = candidates.Find(c => _included.ContainsKey(c.Name));
                    if (chosen is null) return null;
                    reason = "already composed";
                }
                else
                {
                    var names = new List<string>();
                    foreach (var c in candidates) names.Add(c.Name);
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.AmbiguousProvider, where, Short(api),
                        JoinAnd(names), Short(api), ChainText()).WithProperties("api=" + api, "candidates=" + string.Join(",", names)));
                    return null;
                }
            }
            _bindings[api] = new Binding(api, chosen.Name, chosen.TypeName, reason);
            return chosen;
        }

        private string CandidateText(List<LibrarySpec> all)
        {
            var disabled = new List<string>();
            foreach (var c in all) if (_disabled.Contains(c.Name)) disabled.Add(c.Name);
            if (disabled.Count > 0) return "candidates disabled in .config: " + string.Join(", ", disabled) + "; enable one with CONFIG_LIB<NAME>=y";
            return "no library in the pool provides it; reference a library that declares [Provides(typeof(...))] for it";
        }

        private IEnumerable<string> SortedIncluded()
        {
            var names = new List<string>(_included.Keys);
            names.Sort(StringComparer.Ordinal);
            return names;
        }

        private static List<string> SortedKeys<T>(Dictionary<string, T> d)
        {
            var keys = new List<string>(d.Keys);
            keys.Sort(StringComparer.Ordinal);
            return keys;
        }

        /// <summary><c>global::A.B.IApi</c> → <c>IApi</c>.</summary>
        internal static string Short(string typeName)
        {
            int dot = typeName.LastIndexOf('.');
            return dot < 0 ? typeName.Replace("global::", "") : typeName.Substring(dot + 1);
        }

        private static string JoinAnd(List<string> names)
            => names.Count <= 1 ? string.Join("", names) : string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];

        /// <summary>The known name closest to <paramref name="name"/> by edit distance, if close enough to suggest.</summary>
        public static string? Closest(string name, IEnumerable<string> known)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var k in known)
            {
                int d = Levenshtein(name, k);
                if (d < bestDistance || (d == bestDistance && best != null && string.CompareOrdinal(k, best) < 0)) { best = k; bestDistance = d; }
            }
            return best != null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
        }

        private static int Levenshtein(string a, string b)
        {
            var prev = new int[b.Length + 1];
            var cur = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) prev[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                for (int j = 1; j <= b.Length; j++)
                    cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                (prev, cur) = (cur, prev);
            }
            return prev[b.Length];
        }

        private static string Line(SourceRef r) => ".config:" + (r.StartLine + 1).ToString(CultureInfo.InvariantCulture);
    }
}
