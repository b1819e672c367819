// The enumeration interfaces the compiler names for foreach. Arrays implement them through Array<T> (System/Core.cs)
// when passed as IEnumerable<T>; foreach over an array or a span still compiles to an index loop.
namespace System.Collections
{
    /// <summary>A sequence.</summary>
    public interface IEnumerable
    {
        /// <summary>An enumerator.</summary>
        IEnumerator GetEnumerator();
    }

    /// <summary>Walks a sequence.</summary>
    public interface IEnumerator
    {
        /// <summary>Advances.</summary>
        bool MoveNext();

        /// <summary>The current element.</summary>
        object? Current { get; }

        /// <summary>Restarts.</summary>
        void Reset();
    }
}

namespace System.Collections.Generic
{
    /// <summary>A typed sequence.</summary>
    public interface IEnumerable<out T> : IEnumerable
    {
        /// <summary>An enumerator.</summary>
        new IEnumerator<T> GetEnumerator();
    }

    /// <summary>Walks a typed sequence.</summary>
    public interface IEnumerator<out T> : IDisposable, IEnumerator
    {
        /// <summary>The current element.</summary>
        new T Current { get; }
    }
}
