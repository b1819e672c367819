using System;
using System.Collections.Generic;

namespace Compose.Composition
{
    public sealed partial class Resolver
    {
        /// <summary>Reports each cycle of non-optional requirements once, starting at its smallest name.</summary>
        private void ReportCycles()
        {
            var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on stack, 2 done
            var stack = new List<string>();
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var start in SortedIncluded()) Visit(start);

            void Visit(string node)
            {
                if (state.TryGetValue(node, out int s) && s == 2) return;
                state[node] = 1;
                stack.Add(node);
                if (_edges.TryGetValue(node, out var edges))
                {
                    foreach (var (target, optional, location) in edges)
                    {
                        if (optional) continue;
                        if (state.TryGetValue(target, out int t) && t == 1)
                        {
                            var cycle = stack.GetRange(stack.IndexOf(target), stack.Count - stack.IndexOf(target));
                            int min = 0;
                            for (int i = 1; i < cycle.Count; i++) if (string.CompareOrdinal(cycle[i], cycle[min]) < 0) min = i;
                            var rotated = new List<string>();
                            for (int i = 0; i < cycle.Count; i++) rotated.Add(cycle[(min + i) % cycle.Count]);
                            rotated.Add(rotated[0]);
                            string text = string.Join(" → ", rotated);
                            if (reported.Add(text))
                                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.RequirementCycle, location ?? AppLocation, text));
                            continue;
                        }
                        Visit(target);
                    }
                }
                stack.RemoveAt(stack.Count - 1);
                state[node] = 2;
            }
        }

        /// <summary>
        /// Orders init functions by class, then priority, then requirements first, then name. "Requirements first"
        /// is one global order of the composed libraries: Kahn's algorithm over the requirement graph, taking the
        /// ready library with the smallest name each time (a leftover cycle, possible only through optional
        /// requirements, is broken at its smallest name). A library's inits therefore run after those of every
        /// library it requires, directly or not, within the same class and priority. Linear apart from the name
        /// ordering, so thousands of libraries order in milliseconds. Termination functions run in reverse.
        /// </summary>
        private (List<InitCall> Inits, List<InitCall> Terms) OrderInits()
        {
            var rank = RequirementOrder();
            var inits = new List<InitCall>();
            var terms = new List<InitCall>();
            foreach (var name in _includeOrder)
            {
                var lib = _pool[name];
                foreach (var i in lib.Inits)
                    (i.IsTerm ? terms : inits).Add(new InitCall(lib.Name, lib.TypeName, i.Method, i.Class, i.Priority, i.ReturnsInt));
            }
            Comparison<InitCall> order = (a, b) =>
            {
                int c = a.Class.CompareTo(b.Class);
                if (c == 0) c = a.Priority.CompareTo(b.Priority);
                if (c == 0) c = rank[a.Library].CompareTo(rank[b.Library]);
                if (c == 0) c = string.CompareOrdinal(a.Method, b.Method);
                return c;
            };
            inits.Sort(order);
            terms.Sort(order);
            terms.Reverse();
            return (inits, terms);
        }

        /// <summary>Each composed library's position in the requirements-first, then-name order.</summary>
        private Dictionary<string, int> RequirementOrder()
        {
            var pending = new Dictionary<string, int>(StringComparer.Ordinal);   // requirements not yet placed
            var requiredBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var name in _includeOrder) pending[name] = 0;
            foreach (var name in _includeOrder)
            {
                if (!_edges.TryGetValue(name, out var edges)) continue;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var e in edges)
                {
                    if (e.Target == name || !seen.Add(e.Target)) continue;
                    pending[name]++;
                    if (!requiredBy.TryGetValue(e.Target, out var list)) requiredBy[e.Target] = list = new List<string>();
                    list.Add(name);
                }
            }
            var ready = new SortedSet<string>(StringComparer.Ordinal);
            var waiting = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var pair in pending) (pair.Value == 0 ? ready : waiting).Add(pair.Key);
            var rank = new Dictionary<string, int>(StringComparer.Ordinal);
            while (ready.Count > 0 || waiting.Count > 0)
            {
                string next;
                if (ready.Count > 0) { next = ready.Min!; ready.Remove(next); }
                else { next = waiting.Min!; waiting.Remove(next); }
                rank[next] = rank.Count;
                if (!requiredBy.TryGetValue(next, out var dependents)) continue;
                foreach (var d in dependents)
                {
                    if (rank.ContainsKey(d) || --pending[d] != 0) continue;
                    waiting.Remove(d);
                    ready.Add(d);
                }
            }
            return rank;
        }
    }
}
