using System;

namespace ExceptionTest
{
    /// <summary>finally on normal exit, on return, on exceptions; nested order across frames; using.</summary>
    public static class Finallys
    {
        public static void Run()
        {
            NormalExit();
            Program.Check("finally on return", ReturnThroughFinally() * 10 + s_value, 12);
            NestedOrder();
            UsingDisposes();
        }

        private static void NormalExit()
        {
            try { Program.Trace("finally normal: body"); }
            finally { Program.Trace("finally normal: finally"); }
        }

        private static int s_value;

        private static int ReturnThroughFinally()
        {
            s_value = 1;
            try { return s_value; }
            finally { Program.Trace("finally on return: finally ran"); s_value = 2; }
        }

        private static void Inner(string name)
        {
            try
            {
                try
                {
                    Program.Trace("nested: " + name + " throws");
                    throw new TestException("from " + name, 1);
                }
                finally
                {
                    Program.Trace("nested: " + name + " innermost finally");
                }
            }
            finally
            {
                Program.Trace("nested: " + name + " outer finally");
            }
        }

        private static void Middle()
        {
            try
            {
                Inner("inner");
            }
            catch (ArgumentException)
            {
                Program.Trace("nested: wrong catch ran");
            }
            finally
            {
                Program.Trace("nested: middle finally");
            }
        }

        private static void NestedOrder()
        {
            try
            {
                try
                {
                    Middle();
                }
                finally
                {
                    Program.Trace("nested: caller finally");
                }
            }
            catch (TestException e)
            {
                Program.Trace("nested: caught " + e.Message + " after all finallys");
            }
            finally
            {
                Program.Trace("nested: handler frame finally");
            }
        }

        private sealed class Resource : IDisposable
        {
            private readonly string _name;
            public Resource(string name) { _name = name; Program.Trace("using: open " + name); }
            public void Dispose() => Program.Trace("using: dispose " + _name);
        }

        private static void UsingDisposes()
        {
            try
            {
                using (var a = new Resource("a"))
                using (var b = new Resource("b"))
                {
                    throw new InvalidOperationException("inside using");
                }
            }
            catch (InvalidOperationException e)
            {
                Program.Trace("using: caught " + e.Message);
            }
        }
    }
}
