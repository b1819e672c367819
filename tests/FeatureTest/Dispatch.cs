using System;

namespace FeatureTest
{
    public interface IShape
    {
        int Area();
        string Name { get; }
    }

    public abstract class ShapeBase : IShape
    {
        public abstract int Area();
        public virtual string Name => "shape";
        public virtual int Corners() => 0;
    }

    public sealed class Square : ShapeBase
    {
        private readonly int _side;
        public Square(int side) { _side = side; }
        public override int Area() => _side * _side;
        public override string Name => "square";
        public override int Corners() => 4;
    }

    public sealed class Rect : ShapeBase
    {
        private readonly int _w, _h;
        public Rect(int w, int h) { _w = w; _h = h; }
        public override int Area() => _w * _h;
        public override string Name => "rect";
        public override int Corners() => 4;
    }

    public class Triangle : ShapeBase
    {
        protected readonly int B, H;
        public Triangle(int b, int h) { B = b; H = h; }
        public override int Area() => B * H / 2;
        public override int Corners() => 3;
    }

    public sealed class RightTriangle : Triangle
    {
        public RightTriangle(int b, int h) : base(b, h) { }
        public override string Name => "right-triangle";
    }

    public struct Dot : IShape
    {
        public int Area() => 1;
        public string Name => "dot";
    }

    public sealed class Blob : IShape
    {
        private readonly int _cells;
        public Blob(int cells) { _cells = cells; }
        public int Area() => _cells * 3;
        public string Name => "blob";
    }

    public sealed class Ring : IShape, IComparable<Ring>
    {
        private readonly int _outer, _inner;
        public Ring(int outer, int inner) { _outer = outer; _inner = inner; }
        public int Area() => 3 * (_outer * _outer - _inner * _inner);
        public string Name => "ring";
        public int CompareTo(Ring? other) => other is null ? 1 : Area() - other.Area();
    }

    /// <summary>Interface and virtual dispatch over many implementations chosen at run time.</summary>
    public static class Dispatch
    {
        public static int Run(int seed)
        {
            IShape[] shapes = new IShape[8];
            for (int i = 0; i < shapes.Length; i++) shapes[i] = Make((i + seed) % 7, i + 1);
            int total = 0;
            string names = "";
            for (int i = 0; i < shapes.Length; i++)
            {
                total += shapes[i].Area();
                names = names + shapes[i].Name + (i + 1 < shapes.Length ? "," : "");
            }
            int corners = 0;
            for (int i = 0; i < shapes.Length; i++)
            {
                if (shapes[i] is ShapeBase b) corners += b.Corners();
            }
            Console.WriteLine("dispatch names: " + names);
            bool ok = Program.Check("dispatch area total", total, ExpectedTotal(seed)) & Program.Check("dispatch corners", corners, ExpectedCorners(seed));
            return ok ? 1 : 0;
        }

        private static IShape Make(int kind, int n)
        {
            switch (kind)
            {
                case 0: return new Square(n);
                case 1: return new Rect(n, n + 1);
                case 2: return new Triangle(n, 2 * n);
                case 3: return new RightTriangle(2 * n, n);
                case 4: return new Dot();
                case 5: return new Blob(n);
                default: return new Ring(n + 1, n);
            }
        }

        // The same sums computed without dispatch, from the formulas.
        private static int ExpectedTotal(int seed)
        {
            int t = 0;
            for (int i = 0; i < 8; i++)
            {
                int n = i + 1, kind = (i + seed) % 7;
                t += kind switch { 0 => n * n, 1 => n * (n + 1), 2 => n * 2 * n / 2, 3 => 2 * n * n / 2, 4 => 1, 5 => n * 3, _ => 3 * ((n + 1) * (n + 1) - n * n) };
            }
            return t;
        }

        private static int ExpectedCorners(int seed)
        {
            int c = 0;
            for (int i = 0; i < 8; i++)
            {
                int kind = (i + seed) % 7;
                c += kind switch { 0 => 4, 1 => 4, 2 => 3, 3 => 3, _ => 0 };
            }
            return c;
        }
    }
}
