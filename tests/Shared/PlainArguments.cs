namespace Compose.TestApps
{
    /// <summary>
    /// The arguments of a plain <c>Main</c> (not a Compose app): it gets the platform's whole command line, and kvm's
    /// holds "[library parameters] -- [arguments]" (a composed app's generated entry splits it with uklibparam).
    /// Linked into tests/FeatureTest and tests/ExceptionTest, which take no parameters.
    /// </summary>
    internal static class PlainArguments
    {
        /// <summary>The words after the first "--", or all of them when there is none.</summary>
        public static string[] AfterSeparator(string[] args)
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
    }
}
