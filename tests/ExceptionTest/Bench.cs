using System;

namespace ExceptionTest
{
    /// <summary>
    /// The benchmark loop: N times, throw 10 frames deep and catch. bench/exceptions.sh times the process with
    /// N = 0 and N = large and divides the difference by N (images have no clock of their own in a plain program).
    /// One exception object is thrown every time: the loop measures dispatch, not allocation (a plain program's
    /// image has only the early arena, no allocator to reclaim into).
    /// </summary>
    public static class Bench
    {
        private static readonly TestException s_exception = new TestException("bench", 0);

        private static int Down(int depth)
        {
            if (depth == 0) throw s_exception;
            return Down(depth - 1) + 1;
        }

        public static int Run(int iterations)
        {
            int caught = 0;
            for (int i = 0; i < iterations; i++)
            {
                try { Down(9); }
                catch (TestException) { caught++; }
            }
            Console.WriteLine("bench: " + caught.ToString() + " caught");
            return caught == iterations ? 0 : 1;
        }
    }
}
