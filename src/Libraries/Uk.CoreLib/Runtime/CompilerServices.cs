// Compiler-facing types of System.Runtime.CompilerServices. Methods marked [Intrinsic] are replaced by ILC
// (Unsafe, parts of RuntimeHelpers); their C# bodies never run.
using System.Runtime.InteropServices;

namespace System.Runtime.CompilerServices
{
    /// <summary>Marks a member whose implementation the compiler supplies.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Field, Inherited = false)]
    public sealed class IntrinsicAttribute : Attribute { }

    /// <summary>Unchecked memory operations (ILC intrinsics).</summary>
    [Intrinsic]
    public static unsafe class Unsafe
    {
        /// <summary>Reinterprets a reference.</summary>
        [Intrinsic] public static T As<T>(object? o) where T : class? => throw null!;
        /// <summary>Reinterprets a managed reference.</summary>
        [Intrinsic] public static ref TTo As<TFrom, TTo>(ref TFrom source) => throw null!;
        /// <summary>The address a managed reference points at.</summary>
        [Intrinsic] public static void* AsPointer<T>(ref T value) => throw null!;
        /// <summary>A managed reference to a native pointer's target.</summary>
        [Intrinsic] public static ref T AsRef<T>(void* source) => throw null!;
        /// <summary>Drops readonly from a reference.</summary>
        [Intrinsic] public static ref T AsRef<T>(scoped ref readonly T source) => throw null!;
        /// <summary>Size of <typeparamref name="T"/> in bytes.</summary>
        [Intrinsic] public static int SizeOf<T>() => throw null!;
        /// <summary>Offsets a reference by elements.</summary>
        [Intrinsic] public static ref T Add<T>(ref T source, int elementOffset) => throw null!;
        /// <summary>Offsets a reference by elements.</summary>
        [Intrinsic] public static ref T Add<T>(ref T source, nint elementOffset) => throw null!;
        /// <summary>Offsets a reference by elements.</summary>
        [Intrinsic] public static ref T Add<T>(ref T source, nuint elementOffset) => throw null!;
        /// <summary>Offsets a reference by bytes.</summary>
        [Intrinsic] public static ref T AddByteOffset<T>(ref T source, nint byteOffset) => throw null!;
        /// <summary>Offsets a reference by bytes.</summary>
        [Intrinsic] public static ref T AddByteOffset<T>(ref T source, nuint byteOffset) => throw null!;
        /// <summary>Whether two references are equal.</summary>
        [Intrinsic] public static bool AreSame<T>(ref readonly T left, ref readonly T right) => throw null!;
        /// <summary>Byte distance between references.</summary>
        [Intrinsic] public static nint ByteOffset<T>(ref readonly T origin, ref readonly T target) => throw null!;
        /// <summary>Reads a possibly unaligned value.</summary>
        [Intrinsic] public static T ReadUnaligned<T>(ref readonly byte source) => throw null!;
        /// <summary>Reads a possibly unaligned value.</summary>
        [Intrinsic] public static T ReadUnaligned<T>(void* source) => throw null!;
        /// <summary>Writes a possibly unaligned value.</summary>
        [Intrinsic] public static void WriteUnaligned<T>(ref byte destination, T value) => throw null!;
        /// <summary>Writes a possibly unaligned value.</summary>
        [Intrinsic] public static void WriteUnaligned<T>(void* destination, T value) => throw null!;
        /// <summary>Reads a value.</summary>
        [Intrinsic] public static T Read<T>(void* source) => throw null!;
        /// <summary>Writes a value.</summary>
        [Intrinsic] public static void Write<T>(void* destination, T value) => throw null!;
        /// <summary>A null managed reference.</summary>
        [Intrinsic] public static ref T NullRef<T>() => throw null!;
        /// <summary>Whether the reference is null.</summary>
        [Intrinsic] public static bool IsNullRef<T>(ref readonly T source) => throw null!;
        /// <summary>Leaves a local uninitialised.</summary>
        [Intrinsic] public static void SkipInit<T>(out T value) => throw null!;
        /// <summary>Unboxes without a type check.</summary>
        [Intrinsic] public static ref T Unbox<T>(object box) where T : struct => throw null!;
        /// <summary>Reinterprets a value.</summary>
        [Intrinsic] public static TTo BitCast<TFrom, TTo>(TFrom source) where TFrom : struct where TTo : struct => throw null!;
    }

    /// <summary>Runtime services the compiler calls.</summary>
    public static class RuntimeHelpers
    {
        /// <summary>Fills an array from static data (ILC expands it).</summary>
        [Intrinsic]
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) => throw null!;

        /// <summary>A span over static data (ILC expands it).</summary>
        [Intrinsic]
        public static ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle) => throw null!;

        /// <summary>Byte offset of the first character in a string object.</summary>
        public static int OffsetToStringData => 12;

        /// <summary>Whether <typeparamref name="T"/> is or contains references.</summary>
        [Intrinsic]
        public static bool IsReferenceOrContainsReferences<T>() => throw null!;

        /// <summary>Identity hash of an object.</summary>
        public static unsafe int GetHashCode(object? o)
        {
            if (o is null) return 0;
            nint address = *(nint*)Unsafe.AsPointer(ref o);
            return (int)address ^ (int)(address >> 32);
        }

        /// <summary>Runs a type's static constructor; a no-op here (ILC triggers them lazily).</summary>
        public static void RunClassConstructor(RuntimeTypeHandle type) { }
    }

    /// <summary>Features the compiler checks the system module for.</summary>
    public static class RuntimeFeature
    {
        /// <summary>Ref fields.</summary>
        public const string ByRefFields = nameof(ByRefFields);
        /// <summary>nint/nuint are IntPtr/UIntPtr.</summary>
        public const string NumericIntPtr = nameof(NumericIntPtr);
        /// <summary>Default interface methods (declared; images do not dispatch to them yet).</summary>
        public const string DefaultImplementationsOfInterfaces = nameof(DefaultImplementationsOfInterfaces);
        /// <summary>Unmanaged calling conventions on function pointers.</summary>
        public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);
        /// <summary>Covariant return types.</summary>
        public const string CovariantReturnsOfClasses = nameof(CovariantReturnsOfClasses);
        /// <summary>Static abstract interface members.</summary>
        public const string VirtualStaticsInInterfaces = nameof(VirtualStaticsInInterfaces);
    }

    /// <summary>Marks the ref-like types.</summary>
    [AttributeUsage(AttributeTargets.Struct)]
    public sealed class IsByRefLikeAttribute : Attribute { }

    /// <summary>Marks readonly members and in-parameters.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = false)]
    public sealed class IsReadOnlyAttribute : Attribute { }

    /// <summary>Marks unmanaged-constrained type parameters.</summary>
    [AttributeUsage(AttributeTargets.All)]
    public sealed class IsUnmanagedAttribute : Attribute { }

    /// <summary>Marks a volatile field (modreq).</summary>
    public static class IsVolatile { }

    /// <summary>Marks <c>scoped</c>/<c>ref</c> readonly modifiers (modreq).</summary>
    public static class IsExternalInit { }

    /// <summary>Marks an extension method and its class.</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Assembly)]
    public sealed class ExtensionAttribute : Attribute { }

    /// <summary>Marks compiler-generated code.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = true)]
    public sealed class CompilerGeneratedAttribute : Attribute { }

    /// <summary>The name the indexer has in metadata.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = true)]
    public sealed class IndexerNameAttribute : Attribute
    {
        /// <summary>Names the indexer.</summary>
        public IndexerNameAttribute(string indexerName) { }
    }

    /// <summary>Exposes internals to another assembly.</summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class InternalsVisibleToAttribute : Attribute
    {
        /// <summary>Names the friend assembly.</summary>
        public InternalsVisibleToAttribute(string assemblyName) { AssemblyName = assemblyName; }

        /// <summary>The friend assembly.</summary>
        public string AssemblyName { get; }
    }

    /// <summary>Fixed-size array of <typeparamref name="T"/> in a struct.</summary>
    [AttributeUsage(AttributeTargets.Struct, AllowMultiple = false)]
    public sealed class InlineArrayAttribute : Attribute
    {
        /// <summary>Declares the length.</summary>
        public InlineArrayAttribute(int length) { Length = length; }

        /// <summary>The element count.</summary>
        public int Length { get; }
    }

    /// <summary>A fixed-size buffer field.</summary>
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class FixedBufferAttribute : Attribute
    {
        /// <summary>Declares the buffer.</summary>
        public FixedBufferAttribute(Type elementType, int length) { }
    }

    /// <summary>How a method is implemented.</summary>
    [AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
    public sealed class MethodImplAttribute : Attribute
    {
        /// <summary>Declares implementation options.</summary>
        public MethodImplAttribute(MethodImplOptions methodImplOptions) { Value = methodImplOptions; }

        /// <summary>Declares implementation options.</summary>
        public MethodImplAttribute(short value) { Value = (MethodImplOptions)value; }

        /// <summary>Declares no options.</summary>
        public MethodImplAttribute() { }

        /// <summary>The options.</summary>
        public MethodImplOptions Value { get; }
    }

    /// <summary>Method implementation options.</summary>
    [Flags]
    public enum MethodImplOptions
    {
        /// <summary>None.</summary>
        Unmanaged = 0x0004,
        /// <summary>Never inline.</summary>
        NoInlining = 0x0008,
        /// <summary>Keep the signature as declared.</summary>
        PreserveSig = 0x0080,
        /// <summary>Inline when possible.</summary>
        AggressiveInlining = 0x0100,
        /// <summary>Optimise even in debug.</summary>
        AggressiveOptimization = 0x0200,
        /// <summary>Do not optimise.</summary>
        NoOptimization = 0x0040,
        /// <summary>Implemented by the runtime.</summary>
        InternalCall = 0x1000,
        /// <summary>Synchronised.</summary>
        Synchronized = 0x0020,
    }

    /// <summary>Skips zero-initialisation of locals.</summary>
    [AttributeUsage(AttributeTargets.Module | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Event, Inherited = false)]
    public sealed class SkipLocalsInitAttribute : Attribute { }

    /// <summary>Marks a parameter as the caller's argument expression.</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class CallerArgumentExpressionAttribute : Attribute
    {
        /// <summary>Names the parameter.</summary>
        public CallerArgumentExpressionAttribute(string parameterName) { }
    }

    /// <summary>The caller's member name.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class CallerMemberNameAttribute : Attribute { }

    /// <summary>The caller's file path.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class CallerFilePathAttribute : Attribute { }

    /// <summary>The caller's line number.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class CallerLineNumberAttribute : Attribute { }

    /// <summary>Marks a type as holding a fixed buffer of unmanaged values.</summary>
    [AttributeUsage(AttributeTargets.Struct)]
    public sealed class UnsafeValueTypeAttribute : Attribute { }

    /// <summary>Marks required members.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class RequiredMemberAttribute : Attribute { }

    /// <summary>Marks a compiler feature the consumer must support.</summary>
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
    public sealed class CompilerFeatureRequiredAttribute : Attribute
    {
        /// <summary>Names the feature.</summary>
        public CompilerFeatureRequiredAttribute(string featureName) { FeatureName = featureName; }

        /// <summary>The feature.</summary>
        public string FeatureName { get; }

        /// <summary>Whether the consumer may ignore it.</summary>
        public bool IsOptional { get; init; }
    }

    /// <summary>Calling convention marker: cdecl.</summary>
    public class CallConvCdecl { }

    /// <summary>Calling convention marker: stdcall.</summary>
    public class CallConvStdcall { }

    /// <summary>Calling convention marker: suppress GC transition.</summary>
    public class CallConvSuppressGCTransition { }

    /// <summary>The context of a lazily run static constructor; ILC emits one per type with a cctor.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct StaticClassConstructionContext
    {
        /// <summary>The cctor's address until it has run, then 0 (1 while it runs).</summary>
        public volatile IntPtr cctorMethodAddress;
    }

    /// <summary>Runs static constructors on first access (ILC calls these helpers by name). Single-threaded.</summary>
    internal static unsafe class ClassConstructorRunner
    {
        private static object CheckStaticClassConstructionReturnGCStaticBase(ref StaticClassConstructionContext context, object gcStaticBase)
        {
            CheckStaticClassConstruction(ref context);
            return gcStaticBase;
        }

        private static IntPtr CheckStaticClassConstructionReturnNonGCStaticBase(ref StaticClassConstructionContext context, IntPtr nonGcStaticBase)
        {
            CheckStaticClassConstruction(ref context);
            return nonGcStaticBase;
        }

        private static void CheckStaticClassConstruction(ref StaticClassConstructionContext context)
        {
            IntPtr state = context.cctorMethodAddress;
            // 0: already run; 1: running (a cycle: the CLR lets the inner access see default values, so do we).
            if (state == (IntPtr)0 || state == (IntPtr)1) return;
            context.cctorMethodAddress = (IntPtr)1;
            ((delegate*<void>)state)();
            context.cctorMethodAddress = (IntPtr)0;
        }
    }
}
