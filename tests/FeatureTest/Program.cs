using System;

namespace FeatureTest
{
    /// <summary>Exercises every Uk.CoreLib feature and prints results computed at run time.</summary>
    public static class Program
    {
        /// <summary>The words after the first "--", or all of them when there is none.</summary>
        private static string[] AfterSeparator(string[] args)
        {
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] != "--") continue;
                var rest = new string[args.Length - i - 1];
                for (int k = 0; k < rest.Length; k++) rest[k] = args[i + 1 + k];
                return rest;
            }
            return args;
        }

        public static int Main(string[] args)
        {
            // A plain Main gets the platform's whole command line; kvm's holds "[library parameters] -- [arguments]"
            // (a composed app's generated entry splits it with uklibparam). This app takes no parameters.
            args = AfterSeparator(args);
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
