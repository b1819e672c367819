using System;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    /// <summary>Exports a method under a native symbol name (ILC, with --generateunmanagedentrypoints).</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RuntimeExportAttribute : Attribute
    {
        /// <summary>Names the symbol.</summary>
        public RuntimeExportAttribute(string entry) { }
    }

    /// <summary>Imports a native symbol as a method body.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RuntimeImportAttribute : Attribute
    {
        /// <summary>Names the symbol.</summary>
        public RuntimeImportAttribute(string entry) { }

        /// <summary>Names the library and symbol.</summary>
        public RuntimeImportAttribute(string lib, string entry) { }
    }

    /// <summary>
    /// The helpers ILC-generated code calls by symbol: allocation, boxing, exceptions (a panic) and the
    /// no-op GC transitions of an image without a garbage collector or threads.
    /// </summary>
    internal static unsafe class RuntimeExports
    {
        internal static object AllocateObject(MethodTable* mt)
        {
            // Safe: Allocate returns zeroed memory of at least BaseSize bytes; the first word is the MethodTable.
            void* memory = UkObjectHeap.Allocate(mt->BaseSize);
            *(MethodTable**)memory = mt;
            return Unsafe.AsRef<object>(&memory);
        }

        internal static object NewArrayLike(MethodTable* mt, int length)
        {
            if (length < 0) ThrowHelpers.ThrowOverflow();
            nuint size = (nuint)mt->BaseSize + (nuint)length * mt->ComponentSize;
            size = (size + 7) & ~(nuint)7;
            // Safe: size covers the header (MethodTable, length) and length components, rounded up.
            void* memory = UkObjectHeap.Allocate(size);
            *(MethodTable**)memory = mt;
            *(int*)((byte*)memory + sizeof(nint)) = length;
            return Unsafe.AsRef<object>(&memory);
        }

        [RuntimeExport("RhpNewFast")]
        private static object RhpNewFast(MethodTable* mt) => AllocateObject(mt);

        [RuntimeExport("RhpNewFinalizable")]
        private static object RhpNewFinalizable(MethodTable* mt) => AllocateObject(mt);

        [RuntimeExport("RhpNewArrayFast")]
        private static object RhpNewArrayFast(MethodTable* mt, int length) => NewArrayLike(mt, length);

        [RuntimeExport("RhpNewPtrArrayFast")]
        private static object RhpNewPtrArrayFast(MethodTable* mt, int length) => NewArrayLike(mt, length);

        [RuntimeExport("RhpNewArray")]
        private static object RhpNewArray(MethodTable* mt, int length) => NewArrayLike(mt, length);

        [RuntimeExport("RhNewString")]
        private static object RhNewString(MethodTable* mt, int length) => NewArrayLike(mt, length);

        [RuntimeExport("RhpNewArrayFastAlign8")]
        private static object RhpNewArrayFastAlign8(MethodTable* mt, int length) => NewArrayLike(mt, length);

        [RuntimeExport("RhBox")]
        internal static object RhBox(MethodTable* mt, ref byte data)
        {
            if (mt->IsNullable)
            {
                // Nullable<T>: box the value (hasValue flag first, value at the alignment of T) or null.
                if (data == 0) return null!;
                MethodTable* valueType = mt->NullableType;
                return RhBox(valueType, ref Unsafe.Add(ref data, (nint)NullableValueOffset(mt)));
            }
            object result = AllocateObject(mt);
            Buffer.Memmove(ref result.GetRawData(), ref data, mt->ValueTypeSize);
            return result;
        }

        [RuntimeExport("RhBoxAny")]
        private static object RhBoxAny(ref byte data, MethodTable* mt)
        {
            if (mt->IsValueType) return RhBox(mt, ref data);
            return Unsafe.As<byte, object>(ref data);
        }

        [RuntimeExport("RhUnbox2")]
        private static ref byte RhUnbox2(MethodTable* expected, object obj)
        {
            if (obj is null || obj.GetMethodTable() != expected) ThrowHelpers.ThrowInvalidCast();
            return ref obj.GetRawData();
        }

        [RuntimeExport("RhUnboxNullable")]
        private static void RhUnboxNullable(ref byte data, MethodTable* nullableType, object? obj)
        {
            uint size = nullableType->ValueTypeSize;
            for (uint i = 0; i < size; i++) Unsafe.Add(ref data, (nint)i) = 0;
            if (obj is null) return;
            data = 1;
            MethodTable* valueType = nullableType->NullableType;
            if (obj.GetMethodTable() != valueType) ThrowHelpers.ThrowInvalidCast();
            Buffer.Memmove(ref Unsafe.Add(ref data, (nint)NullableValueOffset(nullableType)), ref obj.GetRawData(), valueType->ValueTypeSize);
        }

        [RuntimeExport("RhUnboxAny")]
        private static void RhUnboxAny(object? o, ref byte data, MethodTable* mt)
        {
            if (mt->IsValueType)
            {
                if (mt->IsNullable) { RhUnboxNullable(ref data, mt, o); return; }
                if (o is null || o.GetMethodTable() != mt) ThrowHelpers.ThrowInvalidCast();
                Buffer.Memmove(ref data, ref o!.GetRawData(), mt->ValueTypeSize);
            }
            else
            {
                Unsafe.As<byte, object?>(ref data) = TypeCast.CheckCastAny(mt, o);
            }
        }

        private static uint NullableValueOffset(MethodTable* nullableType) => nullableType->NullableValueOffset;

        // RhpThrowEx and RhpRethrow are in native/eh.S (they capture the throw site's registers); the dispatch
        // is UkExceptionDispatch (ExceptionHandling.cs).

        [RuntimeExport("RhpFallbackFailFast")]
        private static void RhpFallbackFailFast() => Panic.Fail("runtime fail-fast");

        [RuntimeExport("RhpPInvoke")]
        private static void RhpPInvoke(nint frame) { }

        [RuntimeExport("RhpPInvokeReturn")]
        private static void RhpPInvokeReturn(nint frame) { }

        [RuntimeExport("RhpReversePInvoke")]
        private static void RhpReversePInvoke(nint frame) { }

        [RuntimeExport("RhpReversePInvokeReturn")]
        private static void RhpReversePInvokeReturn(nint frame) { }

        [RuntimeExport("RhGetRuntimeHelperForType")]
        private static nint RhGetRuntimeHelperForType(MethodTable* mt, int helper) => 0;
    }
}
