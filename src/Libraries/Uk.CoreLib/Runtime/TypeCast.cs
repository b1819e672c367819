using System;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// Casting helpers ILC calls by name (isinst, castclass, array element stores). Exact type identity, base
    /// class chains and interface lists; no variance and no array covariance (a store of a derived element type
    /// into an array of a base type is accepted only when the array's element type is in the value's chain).
    /// </summary>
    internal static unsafe class TypeCast
    {
        internal static bool IsAssignable(MethodTable* source, MethodTable* target)
        {
            if (source == target) return true;
            if (target->IsInterface)
            {
                MethodTable** list = source->InterfaceMap;
                for (int i = 0; i < source->NumInterfaces; i++)
                {
                    if (list[i] == target) return true;
                }
                return false;
            }
            if (source->IsArray)
            {
                return target == MethodTable.Of<Array>() || target == MethodTable.Of<object>();
            }
            for (MethodTable* t = source->BaseType; t != null; t = t->BaseType)
            {
                if (t == target) return true;
            }
            return false;
        }

        internal static object? IsInstanceOfAny(void* pvTargetType, object? obj)
            => obj is null || IsAssignable(obj.GetMethodTable(), (MethodTable*)pvTargetType) ? obj : null;

        internal static object? IsInstanceOfInterface(void* pvTargetType, object? obj) => IsInstanceOfAny(pvTargetType, obj);

        internal static object? IsInstanceOfClass(void* pvTargetType, object? obj) => IsInstanceOfAny(pvTargetType, obj);

        internal static object? IsInstanceOfException(void* pvTargetType, object? obj) => IsInstanceOfAny(pvTargetType, obj);

        internal static object? CheckCastAny(void* pvTargetType, object? obj)
        {
            if (obj is null || IsAssignable(obj.GetMethodTable(), (MethodTable*)pvTargetType)) return obj;
            ThrowHelpers.ThrowInvalidCast();
            return null;
        }

        internal static object? CheckCastInterface(void* pvTargetType, object? obj) => CheckCastAny(pvTargetType, obj);

        internal static object? CheckCastClass(void* pvTargetType, object? obj) => CheckCastAny(pvTargetType, obj);

        internal static object? CheckCastClassSpecial(void* pvTargetType, object? obj) => CheckCastAny(pvTargetType, obj);

        internal static void StelemRef(object?[] array, nint index, object? obj)
        {
            if ((nuint)index >= (uint)array.Length) ThrowHelpers.ThrowIndexOutOfRange();
            ref object? element = ref Unsafe.As<byte, object?>(ref Unsafe.As<RawArrayData>(array).Data);
            if (obj is not null)
            {
                MethodTable* elementType = array.GetMethodTable()->RelatedParameterType;
                if (!IsAssignable(obj.GetMethodTable(), elementType)) ThrowHelpers.ThrowArrayTypeMismatch();
            }
            Unsafe.Add(ref element, index) = obj;
        }

        internal static ref object? LdelemaRef(object?[] array, nint index, void* elementType)
        {
            if ((nuint)index >= (uint)array.Length) ThrowHelpers.ThrowIndexOutOfRange();
            if (array.GetMethodTable()->RelatedParameterType != (MethodTable*)elementType) ThrowHelpers.ThrowArrayTypeMismatch();
            ref object? element = ref Unsafe.As<byte, object?>(ref Unsafe.As<RawArrayData>(array).Data);
            return ref Unsafe.Add(ref element, index);
        }

        internal static bool AreTypesAssignable(MethodTable* source, MethodTable* target) => IsAssignable(source, target);
    }

    /// <summary>
    /// Interface dispatch: ILC's call sites jump through a cell whose stub starts as
    /// <c>RhpInitialDynamicInterfaceDispatch</c> (native/corelib.S), which calls <see cref="Resolve"/> with the
    /// receiver and the cell and tail-jumps to the result. The resolver reads the receiver's dispatch map.
    /// </summary>
    internal static unsafe class InterfaceDispatch
    {
        [RuntimeExport("UkResolveInterfaceCall")]
        private static nint Resolve(object receiver, nint* cell)
        {
            if (receiver is null) ThrowHelpers.ThrowNullReference();
            MethodTable* interfaceType;
            ushort slot;
            DecodeCell(cell, out interfaceType, out slot);
            nint target = FindImplementation(receiver.GetMethodTable(), interfaceType, slot);
            if (target == 0) Panic.Fail("interface method not implemented (default interface methods are not supported in images)");
            return target;
        }

        // A cell is { stub, interface }. The interface word is tagged in its low two bits: 3 = 32-bit relative
        // pointer to the MethodTable (from the word's address), 2 = relative pointer to an indirection cell,
        // 1 = absolute pointer. Cells come in runs ended by a terminator { 0, type << 16 | slot }.
        private static void DecodeCell(nint* cell, out MethodTable* interfaceType, out ushort slot)
        {
            nint raw = cell[1];
            nint tag = raw & 3;
            if (tag == 1)
            {
                interfaceType = (MethodTable*)(raw & ~(nint)3);
            }
            else
            {
                nint target = ((nint)(cell + 1) + (int)raw) & ~(nint)3;
                interfaceType = tag == 3 ? (MethodTable*)target : *(MethodTable**)target;
            }
            nint* p = cell;
            while (p[0] != 0) p += 2;
            slot = (ushort)p[1];
        }

        internal static nint FindImplementation(MethodTable* type, MethodTable* interfaceType, ushort slot)
        {
            for (MethodTable* current = type; current != null; current = current->BaseType)
            {
                DispatchMapHeader* map = current->DispatchMap;
                if (map == null) continue;
                MethodTable** interfaces = current->InterfaceMap;
                DispatchMapEntry* entries = map->Entries;
                int count = map->StandardEntryCount;
                for (int i = 0; i < count; i++)
                {
                    DispatchMapEntry* e = &entries[i];
                    if (e->InterfaceMethodSlot != slot || interfaces[e->InterfaceIndex] != interfaceType) continue;
                    if (e->ImplMethodSlot < type->NumVtableSlots) return type->VTable[e->ImplMethodSlot];
                    return current->GetSealedVirtualSlot(e->ImplMethodSlot - current->NumVtableSlots);
                }
            }
            return 0;
        }
    }
}
