using System;
using System.Runtime.CompilerServices;

namespace ExceptionTest
{
    /// <summary>
    /// Mode "stacktrace": prints Exception.StackTrace of caught exceptions between marker lines, for the tests to
    /// reduce to method names (the CLR's text names methods, an image's names symbols or addresses) and compare
    /// with the CLR's: a throw three calls deep caught in Run, a `throw;` that appends the rethrowing frames, and
    /// a `throw e;` that starts over.
    /// </summary>
    public static class StackTraces
    {
        public static void Run(int n)
        {
            var fresh = new InvalidOperationException("never thrown");
            Console.WriteLine("not thrown: " + (fresh.StackTrace is null ? "null" : "set"));
            try { Level1(n); }
            catch (InvalidOperationException e) { Print("deep", e); }
            try { Rethrower(n); }
            catch (InvalidOperationException e) { Print("rethrow", e); }
            try { Rethrower2(n); }
            catch (InvalidOperationException e) { Print("throw-e", e); }
            // ToString: type (the app's own types by full name), message, inner exception, trace.
            Console.WriteLine(new InvalidOperationException("outer", new DerivedTestException("inner " + n.ToString())).ToString());
            Console.WriteLine("[" + new Exception("").ToString() + "]");
            try { Wrapper(n); }
            catch (InvalidOperationException e)
            {
                Console.WriteLine("tostring begin");
                Console.WriteLine(e.ToString());
                Console.WriteLine("tostring end");
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Wrapper(int n)
        {
            try { Level1(n); }
            catch (InvalidOperationException e) { throw new InvalidOperationException("wrapped", e); }
        }

        private static void Print(string name, Exception e)
        {
            Console.WriteLine("trace " + name + " begin");
            Console.WriteLine(e.StackTrace ?? "null");
            Console.WriteLine("trace " + name + " end");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Level1(int n) { Level2(n + 1); Console.WriteLine("not reached"); }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Level2(int n) { Level3(n + 1); Console.WriteLine("not reached"); }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Level3(int n) => throw new InvalidOperationException("depth " + n.ToString());

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Rethrower(int n)
        {
            try { Level1(n); }
            catch (InvalidOperationException) { Console.WriteLine("rethrowing"); throw; }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Rethrower2(int n)
        {
            try { Level1(n); }
            catch (InvalidOperationException e) { Console.WriteLine("throwing again"); ThrowAgain(e); }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowAgain(Exception e) => throw e;
    }
}
