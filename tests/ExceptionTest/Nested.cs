using System;

namespace ExceptionTest
{
    /// <summary>Exceptions thrown inside catch and finally blocks, and try/catch inside handlers.</summary>
    public static class Nested
    {
        public static void Run()
        {
            ThrowInCatch();
            ThrowInFinally();
            TryInsideCatch();
            TryInsideFinally();
            InnerException();
        }

        private static void ThrowInCatch()
        {
            try
            {
                try
                {
                    throw new TestException("first", 1);
                }
                catch (TestException e)
                {
                    Program.Trace("throw in catch: caught " + e.Message + ", throwing second");
                    throw new InvalidOperationException("second after " + e.Message);
                }
                finally
                {
                    Program.Trace("throw in catch: finally of the try");
                }
            }
            catch (InvalidOperationException e)
            {
                Program.Trace("throw in catch: outer caught " + e.Message);
            }
        }

        private static void ThrowFromFinally()
        {
            try
            {
                throw new TestException("lost", 1);
            }
            finally
            {
                Program.Trace("throw in finally: finally replaces the exception");
                throw new ArgumentException("from finally");
            }
        }

        private static void ThrowInFinally()
        {
            try
            {
                ThrowFromFinally();
            }
            catch (TestException e)
            {
                Program.Trace("throw in finally: wrong, got " + e.Message);
            }
            catch (ArgumentException e)
            {
                Program.Trace("throw in finally: caught " + e.Message);
            }
        }

        private static void TryInsideCatch()
        {
            int steps = 0;
            try
            {
                throw new TestException("outer", 1);
            }
            catch (TestException)
            {
                steps++;
                try
                {
                    throw new TestException("inner", 2);
                }
                catch (TestException e)
                {
                    steps += e.Code * 10;
                    Program.Trace("try inside catch: inner handled " + e.Message);
                }
                steps += 100;
            }
            Program.Check("try inside catch steps", steps, 121);
        }

        private static void TryInsideFinally()
        {
            int steps = 0;
            try
            {
                try
                {
                    throw new TestException("pending", 3);
                }
                finally
                {
                    try
                    {
                        throw new InvalidOperationException("inside finally");
                    }
                    catch (InvalidOperationException e)
                    {
                        steps += 10;
                        Program.Trace("try inside finally: handled " + e.Message);
                    }
                }
            }
            catch (TestException e)
            {
                steps += e.Code;
                Program.Trace("try inside finally: pending exception still arrives: " + e.Message);
            }
            Program.Check("try inside finally steps", steps, 13);
        }

        private static void InnerException()
        {
            try
            {
                try
                {
                    throw new TestException("cause", 4);
                }
                catch (TestException e)
                {
                    throw new InvalidOperationException("wrapper", e);
                }
            }
            catch (InvalidOperationException e)
            {
                Program.Trace("inner exception: " + e.Message + " <- " + (e.InnerException == null ? "null" : e.InnerException.Message));
            }
        }
    }
}
