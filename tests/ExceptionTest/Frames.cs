using System;

namespace ExceptionTest
{
    /// <summary>Exceptions crossing frames: many frames, deep recursion, virtual and delegate calls.</summary>
    public static class Frames
    {
        private static int s_finallyCount;

        public static void Run(int seed)
        {
            AcrossTenFrames(seed);
            DeepRecursion(1000);
            ThroughInterfaceAndDelegate();
            LocalsSurvive(seed);
        }

        private static int Down(int depth, int target)
        {
            if (depth == target) throw new TestException("thrown at depth " + depth.ToString(), depth);
            int r = Down(depth + 1, target);
            return r + 1; // not reached: keeps the frame from being a tail call
        }

        private static void AcrossTenFrames(int seed)
        {
            try
            {
                Down(0, 10 + seed);
                Program.Trace("across frames: not reached");
            }
            catch (TestException e)
            {
                Program.Trace("across frames: " + e.Message);
                Program.Check("across frames code", e.Code, 10 + seed);
            }
        }

        private static int Recurse(int depth)
        {
            try
            {
                if (depth == 0) throw new TestException("bottom of the recursion", 0);
                return Recurse(depth - 1) + 1;
            }
            finally
            {
                s_finallyCount++;
            }
        }

        private static void DeepRecursion(int depth)
        {
            s_finallyCount = 0;
            try
            {
                Recurse(depth);
            }
            catch (TestException e)
            {
                Program.Trace("deep recursion: " + e.Message);
            }
            Program.Check("deep recursion finallys", s_finallyCount, depth + 1);
        }

        private interface IStep { int Step(int x); }
        private sealed class Good : IStep { public int Step(int x) => x + 1; }
        private sealed class Bad : IStep { public int Step(int x) => throw new InvalidOperationException("bad step at " + x.ToString()); }

        private static void ThroughInterfaceAndDelegate()
        {
            IStep[] steps = new IStep[] { new Good(), new Good(), new Bad(), new Good() };
            int x = 0;
            try
            {
                for (int i = 0; i < steps.Length; i++) x = steps[i].Step(x);
            }
            catch (InvalidOperationException e)
            {
                Program.Trace("interface call: " + e.Message);
            }
            Func<int, int> f = v => v == 2 ? throw new ArgumentException("delegate saw " + v.ToString()) : v;
            try
            {
                for (int i = 0; i < 5; i++) x += f(i);
            }
            catch (ArgumentException e)
            {
                Program.Trace("delegate call: " + e.Message);
            }
            Program.Check("steps before failures", x, 3);
        }

        private static int Mix(int a, int b) => a == 7 ? throw new TestException("mix", a * b) : a * 31 + b;

        // Values kept in callee-saved registers and on the stack across a throw must be intact in the handler.
        private static void LocalsSurvive(int seed)
        {
            long a = 1000 + seed, b = 2000, c = 3000, d = 4000, e = 5000;
            int sum = 0;
            for (int i = 0; i < 10; i++)
            {
                try
                {
                    sum += Mix(i, (int)(a + b + c + d + e));
                    a++; b += 2; c += 3; d += 4; e += 5;
                }
                catch (TestException ex)
                {
                    sum += ex.Code % 1000;
                    a += 100; b += 200;
                }
            }
            Program.Check("locals after throws", a + b + c + d + e + sum, ExpectedTotal(seed));
        }

        // The same computation without exceptions.
        private static long ExpectedTotal(int seed)
        {
            long a = 1000 + seed, b = 2000, c = 3000, d = 4000, e = 5000;
            int sum = 0;
            for (int i = 0; i < 10; i++)
            {
                int arg = (int)(a + b + c + d + e);
                if (i == 7) { sum += (i * arg) % 1000; a += 100; b += 200; }
                else { sum += i * 31 + arg; a++; b += 2; c += 3; d += 4; e += 5; }
            }
            return a + b + c + d + e + sum;
        }
    }
}
