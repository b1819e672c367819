using System;

namespace ExceptionTest
{
    /// <summary>Throw and catch in one method, type filters, base-class catches, when filters, rethrow.</summary>
    public static class Basics
    {
        public static void Run()
        {
            SameMethod();
            TypeFilters(1);
            TypeFilters(2);
            TypeFilters(3);
            TypeFilters(4);
            WhenFilters(3);
            WhenFilters(8);
            ThrowingFilter();
            Rethrow();
            RethrowObject();
            CatchAll();
        }

        private static void SameMethod()
        {
            int state = 1;
            try
            {
                state = 2;
                if (state == 2) throw new TestException("same method", 11);
                state = 3;
            }
            catch (TestException e)
            {
                Program.Trace("same method caught " + Program.Describe(e) + " code " + e.Code.ToString());
                state += 10;
            }
            Program.Check("same method state", state, 12);
        }

        private static void Thrower(int which)
        {
            switch (which)
            {
                case 1: throw new ArgumentNullException("arg");
                case 2: throw new DerivedTestException("derived " + which.ToString());
                case 3: throw new TestException("test " + which.ToString(), which);
                default: throw new NotSupportedException("not supported " + which.ToString());
            }
        }

        private static void TypeFilters(int which)
        {
            string where = "none";
            try
            {
                Thrower(which);
            }
            catch (ArgumentException e)
            {
                where = "ArgumentException clause (" + Program.Kind(e) + ")";
            }
            catch (InvalidOperationException e)
            {
                where = "InvalidOperationException clause (" + Program.Describe(e) + ")";
            }
            catch (TestException e) when (e.Code == 3)
            {
                where = "TestException clause code " + e.Code.ToString();
            }
            catch (Exception e)
            {
                where = "Exception clause (" + Program.Describe(e) + ")";
            }
            Program.Trace("type filter " + which.ToString() + " -> " + where);
        }

        private static bool Log(string what, bool result)
        {
            Program.Trace("  filter " + what + " returns " + (result ? "true" : "false"));
            return result;
        }

        private static void WhenFilters(int code)
        {
            try
            {
                try
                {
                    try
                    {
                        throw new TestException("filtered", code);
                    }
                    finally
                    {
                        // Runs in the second pass: after every filter of the first pass.
                        Program.Trace("  inner finally (second pass)");
                    }
                }
                catch (TestException e) when (Log("code > 5", e.Code > 5))
                {
                    Program.Trace("  caught by the big-code clause: " + e.Code.ToString());
                }
            }
            catch (TestException e) when (Log("code <= 5", e.Code <= 5))
            {
                Program.Trace("  caught by the small-code clause: " + e.Code.ToString());
            }
        }

        private static bool Explode(int code) => code > 0 ? throw new InvalidOperationException("inside a filter") : false;

        // An exception escaping a filter is swallowed: the filter counts as false and the search goes on.
        private static void ThrowingFilter()
        {
            try
            {
                try
                {
                    throw new TestException("filtered by an exploding filter", 5);
                }
                catch (TestException e) when (Explode(e.Code))
                {
                    Program.Trace("throwing filter: wrong, the handler ran");
                }
            }
            catch (TestException e)
            {
                Program.Trace("throwing filter: counted as false, the outer clause caught " + e.Message);
            }
        }

        private static void Rethrow()
        {
            int seen = 0;
            try
            {
                try
                {
                    Thrower(2);
                }
                catch (InvalidOperationException)
                {
                    seen += 1;
                    Program.Trace("rethrow: first catch, rethrowing");
                    throw;
                }
            }
            catch (DerivedTestException e)
            {
                seen += 10;
                Program.Trace("rethrow: outer catch got " + Program.Describe(e));
            }
            Program.Check("rethrow seen", seen, 11);
        }

        private static void RethrowObject()
        {
            TestException? original = null;
            try
            {
                try
                {
                    Thrower(3);
                }
                catch (TestException e)
                {
                    original = e;
#pragma warning disable CA2200 // the point: throw e keeps the object
                    throw e;
#pragma warning restore CA2200
                }
            }
            catch (TestException e)
            {
                Program.Check("throw e keeps the object", ReferenceEquals(e, original) ? 1 : 0, 1);
            }
        }

        private static void CatchAll()
        {
            int caught = 0;
            for (int i = 1; i <= 4; i++)
            {
                try { Thrower(i); }
                catch { caught++; }
            }
            Program.Check("catch-all count", caught, 4);
        }
    }
}
