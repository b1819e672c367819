using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>The root of the type hierarchy. Its first field is the MethodTable pointer ILC lays out.</summary>
    public class Object
    {
#pragma warning disable CS0649 // written by the allocator, never by C#
        internal unsafe MethodTable* m_pEEType; // ILC looks this field up by name (unboxing stubs of shared generic structs)
#pragma warning restore CS0649

        /// <summary>Creates an object.</summary>
        public Object() { }

        /// <summary>Reference equality unless overridden.</summary>
        public virtual bool Equals(object? obj) => ReferenceEquals(this, obj);

        /// <summary>A hash of the object's address unless overridden (objects do not move: there is no GC).</summary>
        public virtual unsafe int GetHashCode()
        {
            object self = this;
            nint address = *(nint*)Unsafe.AsPointer(ref self);
            return (int)address ^ (int)(address >> 32);
        }

        /// <summary>The type's short name where the image knows it, else "Object".</summary>
        public virtual string? ToString() => "System.Object";

        /// <summary>Whether two references are the same object.</summary>
        public static bool ReferenceEquals(object? a, object? b) => a == b;

        /// <summary>Whether two objects are equal by <see cref="Equals(object?)"/>.</summary>
        public static bool Equals(object? a, object? b)
        {
            if (a == b) return true;
            if (a is null || b is null) return false;
            return a.Equals(b);
        }

        /// <summary>Finalizer slot; never called (no GC in images).</summary>
        ~Object() { }

        internal unsafe MethodTable* GetMethodTable() => m_pEEType;

        /// <summary>Reference to the first byte after the MethodTable pointer (the instance data).</summary>
        internal ref byte GetRawData() => ref Unsafe.As<RawData>(this).Data;
    }

    internal sealed class RawData
    {
        public byte Data;
    }

    internal sealed class RawArrayData
    {
        public uint Length;
        public uint Padding;
        public byte Data;
    }
}
