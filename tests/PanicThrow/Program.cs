using System;
using System.Runtime.CompilerServices;
using Compose;

[assembly: UkApplication("panicthrow")]

namespace PanicThrow
{
    /// <summary>
    /// Every way an image raises an exception, in an image without exception dispatch. With no argument the
    /// try/catch/finally blocks run their normal paths and the app prints "ok"; with one of throw, null, div or
    /// index, that exception must end the image: the catch and finally below print MUST-NOT-RUN if they ever run.
    /// </summary>
    public static class App
    {
        private sealed class Box { public int Value; }

        private static Box? s_box;

        [UkMain]
        public static int Main(string[] args)
        {
            string mode = args.Length > 0 ? args[0] : "";
            int total = 0;
            try
            {
                total += Raise(mode, args.Length);
            }
            catch (InvalidOperationException)
            {
                Console.WriteLine("MUST-NOT-RUN: catch");
            }
            finally
            {
                Console.WriteLine(mode.Length == 0 ? "finally on the normal path" : "MUST-NOT-RUN: finally");
            }
            Console.WriteLine("ok " + total.ToString());
            return 0;
        }

        private static int Raise(string mode, int count)
        {
            Console.WriteLine("raising: " + (mode.Length == 0 ? "nothing" : mode));
            switch (mode)
            {
                case "throw": Thrower.Throw("boom"); return 0;
                case "null": return Read(s_box);
                case "div": return 100 / (count - 1);
                case "index": { var slots = new int[2]; return slots[count + 1]; }
                default: return 1;
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Read(Box? box) => box!.Value;
    }

    /// <summary>A throw in its own method, so that the reported site can be resolved to it.</summary>
    public static class Thrower
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Throw(string message) => throw new InvalidOperationException(message);
    }
}
