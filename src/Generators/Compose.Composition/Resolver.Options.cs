using System;
using System.Collections.Generic;
using System.Globalization;

namespace Compose.Composition
{
    public sealed partial class Resolver
    {
        /// <summary>The <c>.config</c> after classification of its keys.</summary>
        private sealed class ConfigView
        {
            public readonly Dictionary<string, SourceRef?> Selected = new Dictionary<string, SourceRef?>(StringComparer.Ordinal);
            public readonly Dictionary<string, ConfigEntry> Values = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
            public readonly Dictionary<string, string> OptionOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        private ConfigView ReadConfig()
        {
            var view = new ConfigView();
            var libraryKeys = new Dictionary<string, LibrarySpec>(StringComparer.Ordinal);
            var optionKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var lib in _pool.Values)
            {
                libraryKeys[lib.ConfigPrefix] = lib;
                foreach (var o in lib.Options) optionKeys[lib.ConfigPrefix + "_" + o.Name] = lib.Name;
            }
            foreach (var o in _input.App.Options) optionKeys[_input.App.ConfigPrefix + "_" + o.Name] = _input.App.Name;
            if (_input.Config is null) return view;

            foreach (var entry in _input.Config.Entries)
            {
                if (libraryKeys.TryGetValue(entry.Key, out var lib))
                {
                    if (entry.Kind == ConfigValueKind.Yes)
                    {
                        view.Selected[lib.Name] = entry.KeyLocation;
                        _disabled.Remove(lib.Name);
                    }
                    else if (entry.Kind == ConfigValueKind.No)
                    {
                        view.Selected.Remove(lib.Name);
                        _disabled.Add(lib.Name);
                    }
                    else
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.WrongValueType, entry.ValueLocation, entry.Key, "library selection", entry.Value, "use y to select the library or n to disable it"));
                    }
                    continue;
                }
                if (optionKeys.TryGetValue(entry.Key, out var owner))
                {
                    view.Values[entry.Key] = entry;
                    view.OptionOwner[entry.Key] = owner;
                    continue;
                }
                var known = new List<string>(optionKeys.Keys);
                known.AddRange(libraryKeys.Keys);
                string? near = Closest(entry.Key, known);
                var d = DiagnosticInfo.Create(DiagnosticCatalog.UnknownOption, entry.KeyLocation, entry.Key,
                    near is null ? "" : "; did you mean CONFIG_" + near + "?");
                _diagnostics.Add(near is null ? d : d.WithProperties("suggestion=CONFIG_" + near));
            }
            foreach (var name in SortedKeys(view.Selected))
            {
                var lib = _pool[name];
                foreach (var p in lib.Provides) AddChoice(p.Api, lib, ".config", view.Selected[name]);
            }
            return view;
        }

        private List<ResolvedOption> ResolveOptions(string owner, string prefix, EquatableArray<OptionSpec> options, ConfigView config)
        {
            var result = new List<ResolvedOption>();
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var o in options)
            {
                string key = prefix + "_" + o.Name;
                string value = o.Default, source = "default";
                if (config.Values.TryGetValue(key, out var entry) && TryConvert(o, key, entry, out var converted))
                {
                    value = converted;
                    source = Line(entry.KeyLocation);
                }
                values[o.Name] = value;
                result.Add(new ResolvedOption(owner, key, o, value, source));
            }
            for (int i = 0; i < result.Count; i++)
            {
                var r = result[i];
                if (r.Option.DependsOn is null || !values.TryGetValue(r.Option.DependsOn, out var dep) || dep != "n") continue;
                if (r.Source != "default" && config.Values.TryGetValue(r.Key, out var entry))
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DependencyOff, entry.KeyLocation, r.Key, prefix + "_" + r.Option.DependsOn, r.Option.Default));
                result[i] = r with { Value = r.Option.Default, Source = "default (" + prefix + "_" + r.Option.DependsOn + " is off)" };
            }
            return result;
        }

        private bool TryConvert(OptionSpec o, string key, ConfigEntry entry, out string value)
        {
            value = "";
            switch (o.Kind)
            {
                case OptionKind.Bool:
                    if (entry.Kind == ConfigValueKind.Yes || entry.Kind == ConfigValueKind.No) { value = entry.Value; return true; }
                    return WrongType(key, "bool", entry, "use y or n");
                case OptionKind.Int:
                    if (entry.Kind != ConfigValueKind.Int) return WrongType(key, "int", entry, "use a decimal or 0x hex number");
                    long n = long.Parse(entry.Value, CultureInfo.InvariantCulture);
                    long min = o.Min ?? long.MinValue, max = o.Max ?? long.MaxValue;
                    if (n < min || n > max)
                    {
                        string nearest = (n < min ? min : max).ToString(CultureInfo.InvariantCulture);
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.ValueOutOfRange, entry.ValueLocation, key, entry.Value,
                            min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)).WithProperties("nearest=" + nearest));
                        return false;
                    }
                    value = entry.Value;
                    return true;
                case OptionKind.String:
                    if (entry.Kind == ConfigValueKind.String) { value = entry.Value; return true; }
                    return WrongType(key, "string", entry, "write it in double quotes");
                default:
                    if ((entry.Kind == ConfigValueKind.String || entry.Kind == ConfigValueKind.Word) && Contains(o.Choices, entry.Value))
                    {
                        value = entry.Value;
                        return true;
                    }
                    return WrongType(key, "choice", entry, "one of: " + string.Join(", ", o.Choices));
            }
        }

        private static bool Contains(EquatableArray<string> items, string value)
        {
            foreach (var i in items) if (i == value) return true;
            return false;
        }

        private bool WrongType(string key, string kind, ConfigEntry entry, string hint)
        {
            string shown = entry.Kind == ConfigValueKind.String ? "\"" + entry.Value + "\"" : entry.Kind == ConfigValueKind.No && entry.ValueLocation.Length > 1 ? "is not set" : entry.Value;
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.WrongValueType, entry.ValueLocation, key, kind, shown, hint));
            return false;
        }

        private void ReportUnusedOptionLines(ConfigView config)
        {
            foreach (var key in SortedKeys(config.Values))
            {
                string owner = config.OptionOwner[key];
                if (owner == _input.App.Name && !_pool.ContainsKey(owner)) continue;
                if (_included.ContainsKey(owner)) continue;
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.OptionOfUnusedLibrary, config.Values[key].KeyLocation, key, owner));
            }
        }
    }
}
