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
        /// Orders init functions by class, then priority, then requirements first (a library's init runs after the
        /// inits of everything it requires, directly or not), then library name, then method name. Termination
        /// functions run in the reverse of the same order.
        /// </summary>
        private (List<InitCall> Inits, List<InitCall> Terms) OrderInits()
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var name in _included.Keys) index[name] = index.Count;
            var adjacency = new int[index.Count][];
            foreach (var pair in index)
            {
                var targets = new List<int>();
                if (_edges.TryGetValue(pair.Key, out var edges))
                    foreach (var e in edges) targets.Add(index[e.Target]);
                adjacency[pair.Value] = targets.ToArray();
            }
            var reach = new ulong[index.Count][];
            var inits = new List<InitCall>();
            var terms = new List<InitCall>();
            foreach (var name in SortedIncluded())
            {
                var lib = _pool[name];
                foreach (var i in lib.Inits)
                {
                    var call = new InitCall(lib.Name, lib.TypeName, i.Method, i.Class, i.Priority, i.ReturnsInt);
                    (i.IsTerm ? terms : inits).Add(call);
                }
            }
            var orderedTerms = Order(terms);
            orderedTerms.Reverse();
            return (Order(inits), orderedTerms);

            List<InitCall> Order(List<InitCall> calls)
            {
                calls.Sort((a, b) =>
                {
                    int c = a.Class.CompareTo(b.Class);
                    if (c == 0) c = a.Priority.CompareTo(b.Priority);
                    if (c == 0) c = string.CompareOrdinal(a.Library, b.Library);
                    if (c == 0) c = string.CompareOrdinal(a.Method, b.Method);
                    return c;
                });
                var result = new List<InitCall>(calls.Count);
                int start = 0;
                while (start < calls.Count)
                {
                    int end = start;
                    while (end < calls.Count && calls[end].Class == calls[start].Class && calls[end].Priority == calls[start].Priority) end++;
                    result.AddRange(TopologicalGroup(calls.GetRange(start, end - start)));
                    start = end;
                }
                return result;
            }

            // Kahn's algorithm within one (class, priority) group, always taking the first ready call in name order;
            // a leftover cycle (only possible through optional requirements) is broken at its first call by name.
            List<InitCall> TopologicalGroup(List<InitCall> group)
            {
                if (group.Count == 1) return group;
                int n = group.Count;
                var before = new List<int>[n];
                var pending = new int[n];
                for (int i = 0; i < n; i++) before[i] = new List<int>();
                for (int a = 0; a < n; a++)
                    for (int b = 0; b < n; b++)
                        if (group[a].Library != group[b].Library && Reaches(group[b].Library, group[a].Library))
                        {
                            before[a].Add(b); // a runs before b
                            pending[b]++;
                        }
                var done = new bool[n];
                var result = new List<InitCall>(n);
                while (result.Count < n)
                {
                    int pick = -1;
                    for (int i = 0; i < n; i++) if (!done[i] && pending[i] == 0) { pick = i; break; }
                    if (pick < 0) for (int i = 0; i < n; i++) if (!done[i]) { pick = i; break; }
                    done[pick] = true;
                    result.Add(group[pick]);
                    foreach (int b in before[pick]) pending[b]--;
                }
                return result;
            }

            // Whether a library requires another, directly or not: one depth-first walk over integer adjacency per
            // source library, kept as a bit set over the composed libraries.
            bool Reaches(string from, string to)
            {
                int f = index[from];
                var bits = reach[f];
                if (bits is null)
                {
                    bits = reach[f] = new ulong[(adjacency.Length + 63) / 64];
                    var work = new Stack<int>();
                    work.Push(f);
                    while (work.Count > 0)
                        foreach (int t in adjacency[work.Pop()])
                        {
                            if ((bits[t >> 6] & (1UL << t)) != 0) continue;
                            bits[t >> 6] |= 1UL << t;
                            work.Push(t);
                        }
                }
                int i = index[to];
                return (bits[i >> 6] & (1UL << i)) != 0;
            }
        }
    }
}
