using System;

namespace FeatureTest
{
    /// <summary>Exercises every Uk.CoreLib feature and prints results computed at run time.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            args = Compose.TestApps.PlainArguments.AfterSeparator(args);
            string mode = args.Length > 0 ? args[0] : "all";
            Console.WriteLine("featuretest start: " + args.Length.ToString() + " args, mode " + mode);
            if (mode == "exit") { Console.WriteLine("exiting with 42"); Environment.Exit(42); }
            int checks = 0;
            checks += Dispatch.Run(args.Length);
            checks += Generics.Run();
            checks += Statics.Run();
            checks += Delegates.Run();
            checks += Strings.Run();
            checks += Spans.Run();
            checks += Arrays.Run();
            checks += Boxing.Run();
            Console.WriteLine("checks passed: " + checks.ToString());
            if (mode == "panic") Panic.Run(args.Length);
            if (mode == "custom") Panic.Custom(args.Length);
            Console.WriteLine("featuretest end");
            return checks == 8 ? 3 : 1;
        }

        /// <summary>Prints one computed result and whether it matches what the code expects.</summary>
        public static bool Check(string name, long actual, long expected)
        {
            Console.WriteLine(name + " = " + actual.ToString() + (actual == expected ? " ok" : " MISMATCH expected " + expected.ToString()));
            return actual == expected;
        }
    }
}
