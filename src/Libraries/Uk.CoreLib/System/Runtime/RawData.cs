namespace System.Runtime.CompilerServices
{
    // ILC's unboxing stubs for shared generic structs reach the boxed value through this layout (the first byte after
    // the MethodTable pointer).
    internal class RawData
    {
        public byte Data;
    }
}
