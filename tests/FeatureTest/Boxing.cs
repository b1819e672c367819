using System;

namespace FeatureTest
{
    public struct Point : IEquatable<Point>
    {
        public int X, Y;
        public bool Equals(Point other) => X == other.X && Y == other.Y;
        public override bool Equals(object? obj) => obj is Point p && Equals(p);
        public override int GetHashCode() => X * 31 + Y;
        public override string ToString() => "(" + X.ToString() + "," + Y.ToString() + ")";
    }

    public static class Boxing
    {
        public static int Run()
        {
            object boxed = 42;
            int unboxed = (int)boxed;
            object point = new Point { X = 3, Y = 4 };
            Point back = (Point)point;
            int? maybe = 7;
            int? nothing = null;
            object boxedMaybe = maybe;
            object? boxedNothing = nothing;
            IEquatable<Point> eq = back;
            Console.WriteLine("boxed: " + boxed.ToString() + " " + point.ToString() + " " + boxedMaybe.ToString());
            bool ok = Program.Check("unbox", unboxed + back.X + back.Y, 49)
                & Program.Check("boxed equals", (boxed.Equals(42) ? 1 : 0) + (point.Equals(new Point { X = 3, Y = 4 }) ? 10 : 0) + (eq.Equals(new Point { X = 1 }) ? 100 : 0), 11)
                & Program.Check("nullable box", (boxedMaybe is int i ? i : -1) + (boxedNothing == null ? 100 : 0), 107)
                & Program.Check("value hash", point.GetHashCode(), 97);
            return ok ? 1 : 0;
        }
    }

    public static class Panic
    {
        public static void Run(int argCount)
        {
            Console.WriteLine("about to throw");
            throw new InvalidOperationException("boom with " + argCount.ToString() + " args");
        }
    }
}
