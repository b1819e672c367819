using System;
using Compose;
using Compose.Generated;

[assembly: UkApplication("helloworld")]
[assembly: UkBoolOption("PRINTARGS", true, Help = "Print the arguments main receives")]

namespace HelloWorld
{
    /// <summary>The application from the Unikraft talk: greets, then lists its arguments.</summary>
    public static class App
    {
        /// <summary>The app's main function, called by the boot sequence.</summary>
        [UkMain]
        public static int Main(string[] args)
        {
            Console.WriteLine("Hello world!");
            if (AppOptions.Printargs)
            {
                Console.WriteLine("Arguments:");
                for (int i = 0; i < args.Length; i++)
                    Console.WriteLine("  \"" + args[i] + "\"");
            }
            return 0;
        }
    }
}
