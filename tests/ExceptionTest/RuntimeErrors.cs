using System;

namespace ExceptionTest
{
    /// <summary>The runtime's own exceptions: bounds checks, casts, checked arithmetic, division, null.</summary>
    public static class RuntimeErrors
    {
        private sealed class Node { public int Value = 1; public int Get() => Value; }

        public static void Run(int seed)
        {
            int[] data = new int[4 + seed];
            Attempt("array index", () => data[data.Length + 2] = 1);
            Attempt("array negative index", () => data[seed - 1] = 1);
            object boxed = "a string";
            Attempt("invalid cast", () => { Node n = (Node)boxed; return; });
            object boxedInt = 5;
            Attempt("unbox to wrong type", () => { long l = (long)boxedInt; return; });
            int big = int.MaxValue - seed;
            Attempt("checked add", () => { int r = checked(big + 1); return; });
            long huge = long.MaxValue - seed;
            Attempt("checked conversion", () => { int r = checked((int)huge); return; });
            Attempt("span index", () => { Span<int> s = data; s[s.Length] = 2; return; });
        }

        /// <summary>
        /// Exceptions the CPU raises (a fault, not a helper call): ILC emits no null checks (a null dereference
        /// faults) and lets idiv fault on a zero divisor or int.MinValue / -1.
        /// </summary>
        public static void Hardware(int seed)
        {
            int[] data = new int[4 + seed];
            int zero = seed;
            Attempt("integer divide by zero", () => { int r = 10 / zero; return; });
            Attempt("integer remainder by zero", () => { long r = 10L % zero; return; });
            int min = int.MinValue + seed;
            int minusOne = -1 - seed;
            Attempt("int.MinValue / -1", () => { int r = min / minusOne; return; });
            Node? none = seed == 0 ? null : new Node();
            Attempt("null field read", () => { int v = none!.Value; return; });
            Attempt("null method call", () => { int v = none!.Get(); return; });
            Attempt("null array length", () => { int[]? a = none == null ? null : data; int v = a!.Length; return; });
        }

        private static void Attempt(string what, Action action)
        {
            try
            {
                action();
                Program.Trace(what + ": no exception");
            }
            catch (Exception e)
            {
                Program.Trace(what + ": " + Program.Kind(e));
            }
        }
    }
}
