using System;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// The runtime type descriptor ILC 10 emits for every type (must live in namespace Internal.Runtime). Only
    /// the parts Uk.CoreLib reads are modelled: the fixed header, the vtable, the interface list and the
    /// relative pointers after it (type manager, writable data, dispatch map, finalizer, sealed slots).
    /// </summary>
    internal unsafe struct MethodTable
    {
        // Upper 16 bits: flags; lower 16 bits: component size (arrays, string) or extended flags.
        private uint _uFlags;
        private uint _uBaseSize;
        private MethodTable* _relatedType;
        private ushort _usNumVtableSlots;
        private ushort _usNumInterfaces;
        private uint _uHashCode;

        private const uint HasComponentSizeFlag = 0x80000000;
        private const uint KindMask = 0x00030000;
        private const uint HasDispatchMapFlag = 0x00040000;
        private const uint IsDynamicTypeFlag = 0x00080000;
        private const uint HasFinalizerFlag = 0x00100000;
        private const uint HasSealedVTableEntriesFlag = 0x00400000;
        private const uint HasPointersFlag = 0x01000000;
        private const int ElementTypeShift = 26;

        internal const int ElementTypeValueTypeLimit = 0x14; // below Class: value types and primitives
        internal const int ElementTypeNullable = 0x12;
        internal const int ElementTypeClass = 0x14;
        internal const int ElementTypeInterface = 0x15;
        internal const int ElementTypeArray = 0x17;
        internal const int ElementTypeSzArray = 0x18;

        /// <summary>The MethodTable of <typeparamref name="T"/> (ILC intrinsic).</summary>
        [Intrinsic]
        internal static extern MethodTable* Of<T>();

        internal ushort ComponentSize => (_uFlags & HasComponentSizeFlag) != 0 ? (ushort)_uFlags : (ushort)0;
        internal bool HasComponentSize => (_uFlags & HasComponentSizeFlag) != 0;
        internal uint BaseSize => _uBaseSize;
        internal int ElementType => (int)((_uFlags >> ElementTypeShift) & 0x1F);
        internal bool IsInterface => ElementType == ElementTypeInterface;
        internal bool IsArray => ElementType == ElementTypeArray || ElementType == ElementTypeSzArray;
        internal bool IsValueType => ElementType < ElementTypeClass;
        internal bool IsNullable => ElementType == ElementTypeNullable;
        internal bool IsCanonical => (_uFlags & KindMask) == 0;
        internal bool IsParameterized => (_uFlags & KindMask) == 0x20000;
        internal bool ContainsGCPointers => (_uFlags & HasPointersFlag) != 0;
        internal ushort NumVtableSlots => _usNumVtableSlots;
        internal ushort NumInterfaces => _usNumInterfaces;
        internal uint HashCode => _uHashCode;

        /// <summary>The base class for canonical types; null for interfaces, arrays and object.</summary>
        internal MethodTable* BaseType => IsCanonical ? _relatedType : null;

        /// <summary>The element type of arrays (and the underlying type of pointers/byrefs).</summary>
        internal MethodTable* RelatedParameterType => _relatedType;

        /// <summary>Bytes of the boxed payload of a value type (base size minus header, MT pointer and padding).</summary>
        internal uint ValueTypeSize => _uBaseSize - (uint)(2 * sizeof(nint)) - ((_uFlags >> 5) & 0x7);

        internal nint* VTable
        {
            get
            {
                fixed (MethodTable* self = &this) return (nint*)((byte*)self + sizeof(MethodTable));
            }
        }

        internal MethodTable** InterfaceMap => (MethodTable**)(VTable + _usNumVtableSlots);

        // Relative pointers (32-bit offsets from their own address) follow the interface list.
        private byte* AfterInterfaces => (byte*)(InterfaceMap + _usNumInterfaces);

        private static byte* FollowRelative(byte* at) => at + *(int*)at;

        internal DispatchMapHeader* DispatchMap
        {
            get
            {
                if ((_uFlags & HasDispatchMapFlag) == 0) return null;
                // type manager indirection (4) + writable data (4), then the dispatch map.
                return (DispatchMapHeader*)FollowRelative(AfterInterfaces + 8);
            }
        }

        /// <summary>For Nullable&lt;T&gt;: the MethodTable of T (the first generic argument).</summary>
        internal MethodTable* NullableType
        {
            get
            {
                byte* at = AfterInterfaces + 8;
                if ((_uFlags & HasDispatchMapFlag) != 0) at += 4;
                if ((_uFlags & HasFinalizerFlag) != 0) at += 4;
                if ((_uFlags & HasSealedVTableEntriesFlag) != 0) at += 4;
                at += 4; // generic definition; the composition of a one-argument type points at the argument
                return (MethodTable*)FollowRelative(at);
            }
        }

        /// <summary>For Nullable&lt;T&gt;: byte offset of the value (a power of two kept in the flags).</summary>
        internal uint NullableValueOffset => 1u << (int)((_uFlags & 0x700) >> 8);

        /// <summary>Entry <paramref name="index"/> of the sealed virtual slots table.</summary>
        internal nint GetSealedVirtualSlot(int index)
        {
            byte* at = AfterInterfaces + 8;
            if ((_uFlags & HasDispatchMapFlag) != 0) at += 4;
            if ((_uFlags & HasFinalizerFlag) != 0) at += 4;
            // HasSealedVTableEntriesFlag must be set when a dispatch map names a sealed slot.
            byte* table = FollowRelative(at);
            return (nint)FollowRelative(table + 4 * index);
        }
    }

    /// <summary>The interface dispatch map: which vtable or sealed slot implements each interface slot.</summary>
    internal unsafe struct DispatchMapHeader
    {
        internal ushort StandardEntryCount;
        internal ushort DefaultEntryCount;
        internal ushort StandardStaticEntryCount;
        internal ushort DefaultStaticEntryCount;

        internal DispatchMapEntry* Entries
        {
            get
            {
                fixed (DispatchMapHeader* self = &this) return (DispatchMapEntry*)(self + 1);
            }
        }
    }

    internal struct DispatchMapEntry
    {
        internal ushort InterfaceIndex;
        internal ushort InterfaceMethodSlot;
        internal ushort ImplMethodSlot;
    }
}
