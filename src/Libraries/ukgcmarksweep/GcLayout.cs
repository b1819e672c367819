namespace Compose.Libraries.UkGcMarkSweep
{
    /// <summary>Receives the address of each reference slot of an object.</summary>
    public unsafe interface IReferenceVisitor
    {
        /// <summary>Called once per slot that may hold an object reference.</summary>
        void Visit(nuint* slot);
    }

    /// <summary>
    /// Reads an object's size and reference slots from its MethodTable, as ILC lays them out: the first word of an
    /// object is its MethodTable; the MethodTable starts with 32-bit flags (bit 31: has a component size, kept in
    /// the low 16 bits; bit 24: contains references) and the 32-bit base size; arrays and strings keep their
    /// 32-bit length after the MethodTable pointer. The pointer layout (GCDesc) lies just before the MethodTable:
    /// the word at -8 is the series count N; N &gt; 0: N series of { size, offset } words below it, highest first,
    /// whose size is stored minus the object size; N &lt; 0: an array of structs, one start offset and -N
    /// { uint pointers, uint skip bytes } items repeated over the elements up to the object's end minus 8.
    /// </summary>
    public static unsafe class GcLayout
    {
        /// <summary>MethodTable flag: the low 16 bits are the component size (arrays, strings).</summary>
        public const uint HasComponentSizeFlag = 0x80000000;

        /// <summary>MethodTable flag: instances contain references (a GCDesc precedes the MethodTable).</summary>
        public const uint HasPointersFlag = 0x01000000;

        /// <summary>Whether instances of the type <paramref name="methodTable"/> hold references.</summary>
        public static bool HasPointers(byte* methodTable) => (*(uint*)methodTable & HasPointersFlag) != 0;

        /// <summary>Bytes of the object at <paramref name="obj"/>: base size plus length times component size.</summary>
        public static nuint ObjectSize(nuint obj)
        {
            byte* mt = *(byte**)obj;
            uint flags = *(uint*)mt;
            nuint size = *(uint*)(mt + 4);
            if ((flags & HasComponentSizeFlag) != 0) size += (nuint)(uint)*(int*)(obj + (nuint)sizeof(nint)) * (flags & 0xFFFF);
            return size;
        }

        /// <summary>Bytes Uk.CoreLib requested for the object: the size rounded to 8 (arrays), then to 16.</summary>
        public static nuint AllocatedSize(nuint obj) => (((ObjectSize(obj) + 7) & ~(nuint)7) + 15) & ~(nuint)15;

        /// <summary>Calls <paramref name="visitor"/> for every reference slot of the object at <paramref name="obj"/>.</summary>
        public static void VisitReferences<TVisitor>(nuint obj, ref TVisitor visitor) where TVisitor : struct, IReferenceVisitor
        {
            byte* mt = *(byte**)obj;
            if (!HasPointers(mt)) return;
            nint count = *(nint*)(mt - sizeof(nint));
            nuint size = ObjectSize(obj);
            byte* highest = mt - sizeof(nint) - 2 * sizeof(nint);
            if (count > 0)
            {
                for (nint i = 0; i < count; i++)
                {
                    byte* series = highest - i * 2 * sizeof(nint);
                    nuint bytes = *(nuint*)series + size;          // stored minus the object size
                    nuint start = obj + *(nuint*)(series + sizeof(nint));
                    for (nuint slot = start; slot < start + bytes; slot += (nuint)sizeof(nint)) visitor.Visit((nuint*)slot);
                }
                return;
            }
            nuint at = obj + *(nuint*)(highest + sizeof(nint));
            nuint stop = obj + size - (nuint)sizeof(nint);
            while (at < stop)
            {
                for (nint i = 0; i > count; i--)
                {
                    uint* item = (uint*)(highest + i * 8);
                    uint pointers = item[0];
                    uint skip = item[1];
                    for (uint k = 0; k < pointers; k++, at += (nuint)sizeof(nint)) visitor.Visit((nuint*)at);
                    at += skip;
                }
            }
        }
    }
}
