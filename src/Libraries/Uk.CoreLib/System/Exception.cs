namespace System
{
    /// <summary>
    /// The base of exceptions. In images exceptions are dispatched by Uk.CoreLib (Runtime/ExceptionHandling.cs);
    /// an uncaught one prints <c>Unhandled exception. &lt;type&gt;: &lt;message&gt;</c> and a stack trace and ends the
    /// image with status 134.
    /// </summary>
    public class Exception
    {
        private readonly string? _message;

        /// <summary>Creates an exception with the default message.</summary>
        public Exception() { }

        /// <summary>Creates an exception with a message.</summary>
        public Exception(string? message) { _message = message; }

        /// <summary>Creates an exception with a message and a cause.</summary>
        public Exception(string? message, Exception? innerException) { _message = message; InnerException = innerException; }

        /// <summary>The message.</summary>
        public virtual string Message => _message ?? DefaultMessage;

        /// <summary>The cause.</summary>
        public Exception? InnerException { get; }

        internal virtual string TypeName => "System.Exception";

        // The frames of the last dispatch (instruction addresses; the first is the faulting instruction itself
        // when _traceActive, else every entry is a return address), null before the first throw.
        private nuint[]? _trace;
        private bool _traceActive;

        /// <summary>
        /// The frames from where the exception was thrown to where it was caught, one <c>   at</c> line each:
        /// <c>symbol+0xoffset (address)</c> when the image has a symbol table (kvm), else the address (resolve
        /// it with <c>addr2line -f -e &lt;image&gt;.dbg</c>). Null until the exception is thrown. <c>throw;</c>
        /// appends its frames, <c>throw e;</c> starts over, as on the CLR.
        /// </summary>
        public virtual string? StackTrace
        {
            get
            {
                if (_trace is null) return null;
                var text = new System.Text.StringBuilder();
                for (int i = 0; i < _trace.Length; i++)
                {
                    if (i > 0) text.Append('\n');
                    System.Runtime.UkExceptionReport.AppendFrame(text, _trace[i], _traceActive && i == 0);
                }
                return text.ToString();
            }
        }

        internal unsafe void SetStackTrace(nuint* frames, int count, bool active, bool append)
        {
            nuint[]? old = append ? _trace : null;
            int kept = old is null ? 0 : old.Length;
            // A rethrow's first frame is the catch block of the method that caught the exception, which is already
            // the last recorded frame: the CLR lists that method once.
            int skip = kept > 0 && count > 0 ? 1 : 0;
            var trace = new nuint[kept + count - skip];
            for (int i = 0; i < kept; i++) trace[i] = old![i];
            for (int i = skip; i < count; i++) trace[kept + i - skip] = frames[i];
            _trace = trace;
            if (!append) _traceActive = active;
        }

        internal virtual string DefaultMessage => "Exception of type '" + TypeName + "' was thrown.";

        /// <summary>
        /// As the CLR writes it: <c>&lt;type&gt;: &lt;message&gt;</c> (the type alone for an empty message), the inner
        /// exception after <c> ---&gt; </c> and its end marker, then <see cref="StackTrace"/> when thrown.
        /// </summary>
        public override string ToString()
        {
            string message = Message;
            string text = System.Runtime.Panic.ExceptionTypeName(this);
            if (message.Length > 0) text += ": " + message;
            if (InnerException != null)
                text += "\n ---> " + InnerException.ToString() + "\n   --- End of inner exception stack trace ---";
            string? trace = StackTrace;
            if (trace != null) text += "\n" + trace;
            return text;
        }
    }

    /// <summary>Base of the runtime's exceptions.</summary>
    public class SystemException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SystemException() { }
        /// <summary>Creates the exception.</summary>
        public SystemException(string? message) : base(message) { }
        /// <summary>Creates the exception.</summary>
        public SystemException(string? message, Exception? inner) : base(message, inner) { }
        internal override string TypeName => "System.SystemException";
    }

    /// <summary>An invalid argument.</summary>
    public class ArgumentException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public ArgumentException() { }
        /// <summary>Creates the exception.</summary>
        public ArgumentException(string? message) : base(message) { }
        /// <summary>Creates the exception.</summary>
        public ArgumentException(string? message, string? paramName) : base(message) { ParamName = paramName; }
        /// <summary>Creates the exception.</summary>
        public ArgumentException(string? message, Exception? inner) : base(message, inner) { }
        /// <summary>The parameter.</summary>
        public virtual string? ParamName { get; }
        internal override string TypeName => "System.ArgumentException";
        internal override string DefaultMessage => "Value does not fall within the expected range.";
    }

    /// <summary>A null argument.</summary>
    public class ArgumentNullException : ArgumentException
    {
        /// <summary>Creates the exception.</summary>
        public ArgumentNullException() { }
        /// <summary>Creates the exception.</summary>
        public ArgumentNullException(string? paramName) : base("Value cannot be null.", paramName) { }
        /// <summary>Creates the exception.</summary>
        public ArgumentNullException(string? paramName, string? message) : base(message, paramName) { }
        internal override string TypeName => "System.ArgumentNullException";
    }

    /// <summary>An argument outside its range.</summary>
    public class ArgumentOutOfRangeException : ArgumentException
    {
        /// <summary>Creates the exception.</summary>
        public ArgumentOutOfRangeException() { }
        /// <summary>Creates the exception.</summary>
        public ArgumentOutOfRangeException(string? paramName) : base("Specified argument was out of the range of valid values.", paramName) { }
        /// <summary>Creates the exception.</summary>
        public ArgumentOutOfRangeException(string? paramName, string? message) : base(message, paramName) { }
        internal override string TypeName => "System.ArgumentOutOfRangeException";
        internal override string DefaultMessage => "Specified argument was out of the range of valid values.";
    }

    /// <summary>An operation invalid in the object's state.</summary>
    public class InvalidOperationException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public InvalidOperationException() { }
        /// <summary>Creates the exception.</summary>
        public InvalidOperationException(string? message) : base(message) { }
        /// <summary>Creates the exception.</summary>
        public InvalidOperationException(string? message, Exception? inner) : base(message, inner) { }
        internal override string TypeName => "System.InvalidOperationException";
        internal override string DefaultMessage => "Operation is not valid due to the current state of the object.";
    }

    /// <summary>An unsupported operation.</summary>
    public class NotSupportedException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public NotSupportedException() { }
        /// <summary>Creates the exception.</summary>
        public NotSupportedException(string? message) : base(message) { }
        internal override string TypeName => "System.NotSupportedException";
        internal override string DefaultMessage => "Specified method is not supported.";
    }

    /// <summary>A missing implementation.</summary>
    public class NotImplementedException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public NotImplementedException() { }
        /// <summary>Creates the exception.</summary>
        public NotImplementedException(string? message) : base(message) { }
        internal override string TypeName => "System.NotImplementedException";
        internal override string DefaultMessage => "The method or operation is not implemented.";
    }

    /// <summary>An index outside an array or span.</summary>
    public sealed class IndexOutOfRangeException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public IndexOutOfRangeException() { }
        /// <summary>Creates the exception.</summary>
        public IndexOutOfRangeException(string? message) : base(message) { }
        internal override string TypeName => "System.IndexOutOfRangeException";
        internal override string DefaultMessage => "Index was outside the bounds of the array.";
    }

    /// <summary>A null dereference.</summary>
    public sealed class NullReferenceException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public NullReferenceException() { }
        /// <summary>Creates the exception.</summary>
        public NullReferenceException(string? message) : base(message) { }
        internal override string TypeName => "System.NullReferenceException";
        internal override string DefaultMessage => "Object reference not set to an instance of an object.";
    }

    /// <summary>An invalid cast.</summary>
    public sealed class InvalidCastException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public InvalidCastException() { }
        /// <summary>Creates the exception.</summary>
        public InvalidCastException(string? message) : base(message) { }
        internal override string TypeName => "System.InvalidCastException";
        internal override string DefaultMessage => "Specified cast is not valid.";
    }

    /// <summary>An arithmetic overflow.</summary>
    public sealed class OverflowException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public OverflowException() { }
        /// <summary>Creates the exception.</summary>
        public OverflowException(string? message) : base(message) { }
        internal override string TypeName => "System.OverflowException";
        internal override string DefaultMessage => "Arithmetic operation resulted in an overflow.";
    }

    /// <summary>Division by zero.</summary>
    public sealed class DivideByZeroException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public DivideByZeroException() { }
        internal override string TypeName => "System.DivideByZeroException";
        internal override string DefaultMessage => "Attempted to divide by zero.";
    }

    /// <summary>A store of the wrong element type into an array.</summary>
    public sealed class ArrayTypeMismatchException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public ArrayTypeMismatchException() { }
        internal override string TypeName => "System.ArrayTypeMismatchException";
        internal override string DefaultMessage => "Attempted to access an element as a type incompatible with the array.";
    }

    /// <summary>A feature missing on this platform.</summary>
    public sealed class PlatformNotSupportedException : NotSupportedException
    {
        /// <summary>Creates the exception.</summary>
        public PlatformNotSupportedException() { }
        /// <summary>Creates the exception.</summary>
        public PlatformNotSupportedException(string? message) : base(message) { }
        internal override string TypeName => "System.PlatformNotSupportedException";
        internal override string DefaultMessage => "Operation is not supported on this platform.";
    }

    /// <summary>Out of memory.</summary>
    public sealed class OutOfMemoryException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public OutOfMemoryException() { }
        internal override string TypeName => "System.OutOfMemoryException";
    }

    /// <summary>Invalid format.</summary>
    public class FormatException : SystemException
    {
        /// <summary>Creates the exception.</summary>
        public FormatException() { }
        /// <summary>Creates the exception.</summary>
        public FormatException(string? message) : base(message) { }
        internal override string TypeName => "System.FormatException";
    }

    /// <summary>Helpers that throw the runtime's exceptions (Uk.CoreLib's own code).</summary>
    internal static class ThrowHelpers
    {
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        internal static void ThrowIndexOutOfRange() => throw new IndexOutOfRangeException();
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        internal static void ThrowArgumentOutOfRange() => throw new ArgumentOutOfRangeException();
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        internal static void ThrowOverflow() => throw new OverflowException();
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        internal static void ThrowInvalidCast() => throw new InvalidCastException();
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        internal static void ThrowArrayTypeMismatch() => throw new ArrayTypeMismatchException();
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        internal static void ThrowNullReference() => throw new NullReferenceException();
    }
}

namespace Internal.Runtime.CompilerHelpers
{
    using System;

    /// <summary>The throw helpers ILC-generated code calls by name.</summary>
    internal static class ThrowHelpers
    {
        private static void ThrowOverflowException() => throw new OverflowException();
        private static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();
        private static void ThrowNullReferenceException() => throw new NullReferenceException();
        private static void ThrowDivideByZeroException() => throw new DivideByZeroException();
        private static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();
        private static void ThrowPlatformNotSupportedException() => throw new PlatformNotSupportedException();
        private static void ThrowNotImplementedException() => throw new NotImplementedException();
        private static void ThrowNotSupportedException() => throw new NotSupportedException();
        private static void ThrowInvalidCastException() => throw new InvalidCastException();
        private static void ThrowArgumentException() => throw new ArgumentException();
        private static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();
        private static void ThrowFeatureBodyRemoved() => throw new NotSupportedException("This code was removed by the compiler.");
    }
}
