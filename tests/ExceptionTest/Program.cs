using System;

namespace ExceptionTest
{
    /// <summary>
    /// Exercises exception handling and prints a trace of what ran, in order. The same program runs on the CLR
    /// and as an image; both must print the same bytes. Modes: all (default; includes the hardware faults), software (all but the
    /// exceptions the CPU raises), hardware, uncaught, stacktrace, bench N.
    /// </summary>
    public static class Program
    {
        private static int s_checks;
        private static int s_failures;

        public static int Main(string[] args)
        {
            args = Compose.TestApps.PlainArguments.AfterSeparator(args);
            string mode = args.Length > 0 ? args[0] : "all";
            if (mode == "bench") return Bench.Run(args.Length > 1 ? ParseInt(args[1]) : 1000);
            int seed = args.Length > 0 ? args.Length - 1 : 0; // extra arguments change the computed values
            Console.WriteLine("exceptiontest start: mode " + mode);
            if (mode == "uncaught") Uncaught.Run(args.Length);
            if (mode == "stacktrace") { StackTraces.Run(args.Length); return 5; }
            Basics.Run();
            Frames.Run(seed);
            Finallys.Run();
            Nested.Run();
            RuntimeErrors.Run(seed);
            if (mode != "software") RuntimeErrors.Hardware(seed);
            Console.WriteLine("checks: " + s_checks.ToString() + ", failures: " + s_failures.ToString());
            Console.WriteLine("exceptiontest end");
            return s_failures == 0 ? 5 : 1;
        }

        /// <summary>Prints one line of the trace.</summary>
        public static void Trace(string line) => Console.WriteLine(line);

        /// <summary>Prints a computed value and whether it is what the code expects.</summary>
        public static void Check(string name, long actual, long expected)
        {
            s_checks++;
            if (actual != expected) s_failures++;
            Console.WriteLine(name + " = " + actual.ToString() + (actual == expected ? " ok" : " MISMATCH expected " + expected.ToString()));
        }

        /// <summary>The type of an exception as a short name (images carry no reflection).</summary>
        public static string Kind(Exception e)
        {
            if (e is TestException) return "TestException";
            if (e is DerivedTestException) return "DerivedTestException";
            if (e is ArgumentNullException) return "ArgumentNullException";
            if (e is ArgumentOutOfRangeException) return "ArgumentOutOfRangeException";
            if (e is ArgumentException) return "ArgumentException";
            if (e is IndexOutOfRangeException) return "IndexOutOfRangeException";
            if (e is NullReferenceException) return "NullReferenceException";
            if (e is InvalidCastException) return "InvalidCastException";
            if (e is OverflowException) return "OverflowException";
            if (e is DivideByZeroException) return "DivideByZeroException";
            if (e is InvalidOperationException) return "InvalidOperationException";
            if (e is NotSupportedException) return "NotSupportedException";
            return "Exception";
        }

        /// <summary>"Kind: message" of an exception.</summary>
        public static string Describe(Exception e) => Kind(e) + ": " + e.Message;

        private static int ParseInt(string s)
        {
            int v = 0;
            for (int i = 0; i < s.Length; i++) v = v * 10 + (s[i] - '0');
            return v;
        }
    }

    /// <summary>An exception type of the app.</summary>
    public class TestException : Exception
    {
        public int Code { get; }
        public TestException(string message, int code) : base(message) { Code = code; }
    }

    /// <summary>A derived app exception, caught by base-class clauses.</summary>
    public sealed class DerivedTestException : InvalidOperationException
    {
        public DerivedTestException(string message) : base(message) { }
    }

    /// <summary>The uncaught case: an exception leaves Main through a few frames.</summary>
    public static class Uncaught
    {
        public static void Run(int n)
        {
            Console.WriteLine("about to throw uncaught");
            Level1(n);
        }

        private static void Level1(int n) { if (n >= 0) Level2(n + 1); Console.WriteLine("not reached"); }

        private static void Level2(int n)
        {
            try { Level3(n); }
            finally { Console.WriteLine("finally of the uncaught exception"); }
        }

        private static void Level3(int n) => throw new DerivedTestException("nobody catches " + n.ToString());
    }
}
