// Attributes library code and the compiler use; they carry no behaviour in images.
namespace System.Runtime.InteropServices
{
    /// <summary>A native import (images: ILC --directpinvoke binds it to a symbol at link time).</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class DllImportAttribute : Attribute
    {
        /// <summary>Names the library.</summary>
        public DllImportAttribute(string dllName) { Value = dllName; }
        /// <summary>The library.</summary>
        public string Value { get; }
        /// <summary>The symbol.</summary>
        public string? EntryPoint;
        /// <summary>Character set.</summary>
        public CharSet CharSet;
        /// <summary>Calling convention.</summary>
        public CallingConvention CallingConvention;
        /// <summary>Whether errno is saved.</summary>
        public bool SetLastError;
        /// <summary>Whether the signature is kept.</summary>
        public bool PreserveSig;
        /// <summary>Exact spelling.</summary>
        public bool ExactSpelling;
    }

    /// <summary>Calls without a GC transition.</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class SuppressGCTransitionAttribute : Attribute { }

    /// <summary>A method native code calls.</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class UnmanagedCallersOnlyAttribute : Attribute
    {
        /// <summary>Calling conventions.</summary>
        public Type[]? CallConvs;
        /// <summary>The exported symbol.</summary>
        public string? EntryPoint;
    }

    /// <summary>Calling conventions of a function pointer.</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class UnmanagedCallConvAttribute : Attribute
    {
        /// <summary>Calling conventions.</summary>
        public Type[]? CallConvs;
    }

    /// <summary>Field layout of a type.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
    public sealed class StructLayoutAttribute : Attribute
    {
        /// <summary>Declares the layout.</summary>
        public StructLayoutAttribute(LayoutKind layoutKind) { Value = layoutKind; }
        /// <summary>The layout.</summary>
        public LayoutKind Value { get; }
        /// <summary>Packing.</summary>
        public int Pack;
        /// <summary>Size.</summary>
        public int Size;
        /// <summary>Character set.</summary>
        public CharSet CharSet;
    }

    /// <summary>Layout kinds.</summary>
    public enum LayoutKind
    {
        /// <summary>In declaration order.</summary>
        Sequential = 0,
        /// <summary>At explicit offsets.</summary>
        Explicit = 2,
        /// <summary>Runtime's choice.</summary>
        Auto = 3,
    }

    /// <summary>Character sets.</summary>
    public enum CharSet
    {
        /// <summary>None.</summary>
        None = 1,
        /// <summary>ANSI.</summary>
        Ansi = 2,
        /// <summary>Unicode.</summary>
        Unicode = 3,
        /// <summary>Auto.</summary>
        Auto = 4,
    }

    /// <summary>Calling conventions.</summary>
    public enum CallingConvention
    {
        /// <summary>Platform default.</summary>
        Winapi = 1,
        /// <summary>cdecl.</summary>
        Cdecl = 2,
        /// <summary>stdcall.</summary>
        StdCall = 3,
        /// <summary>thiscall.</summary>
        ThisCall = 4,
        /// <summary>fastcall.</summary>
        FastCall = 5,
    }

    /// <summary>Explicit field offset.</summary>
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class FieldOffsetAttribute : Attribute
    {
        /// <summary>Declares the offset.</summary>
        public FieldOffsetAttribute(int offset) { Value = offset; }
        /// <summary>The offset.</summary>
        public int Value { get; }
    }

    /// <summary>An in parameter.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class InAttribute : Attribute { }

    /// <summary>An out parameter.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class OutAttribute : Attribute { }

    /// <summary>Optional parameter.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class OptionalAttribute : Attribute { }

    /// <summary>Runtime marshalling is off: signatures are passed as they are.</summary>
    [AttributeUsage(AttributeTargets.Assembly, Inherited = false)]
    public sealed class DisableRuntimeMarshallingAttribute : Attribute { }

    /// <summary>An object that decides interface casts at run time (declared for ILC; unused in images).</summary>
    public unsafe interface IDynamicInterfaceCastable
    {
        // ILC requires this helper; images never create dynamic-castable objects.
        internal static nint GetDynamicInterfaceImplementation(object instance, global::Internal.Runtime.MethodTable* interfaceType, ushort slot)
        {
            System.Runtime.Panic.Fail("IDynamicInterfaceCastable is not supported in images");
            return 0;
        }

        /// <summary>Whether the object implements the interface.</summary>
        bool IsInterfaceImplemented(RuntimeTypeHandle interfaceType, bool throwIfNotImplemented);

        /// <summary>The implementation type of the interface.</summary>
        RuntimeTypeHandle GetInterfaceImplementation(RuntimeTypeHandle interfaceType);
    }
}

namespace System.Diagnostics
{
    /// <summary>Calls compiled only when the symbol is defined.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ConditionalAttribute : Attribute
    {
        /// <summary>Names the symbol.</summary>
        public ConditionalAttribute(string conditionString) { }
    }

    /// <summary>Hidden from the debugger.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, Inherited = false)]
    public sealed class DebuggerHiddenAttribute : Attribute { }

    /// <summary>Not user code.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
    public sealed class DebuggerNonUserCodeAttribute : Attribute { }

    /// <summary>Stepped over by the debugger.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
    public sealed class DebuggerStepThroughAttribute : Attribute { }

    /// <summary>Debugger display text.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Delegate, AllowMultiple = true)]
    public sealed class DebuggerDisplayAttribute : Attribute
    {
        /// <summary>Sets the text.</summary>
        public DebuggerDisplayAttribute(string? value) { }
    }

    /// <summary>Debugger browsability.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
    public sealed class DebuggerBrowsableAttribute : Attribute
    {
        /// <summary>Sets the state.</summary>
        public DebuggerBrowsableAttribute(DebuggerBrowsableState state) { }
    }

    /// <summary>Debugger browsable states.</summary>
    public enum DebuggerBrowsableState
    {
        /// <summary>Never shown.</summary>
        Never = 0,
        /// <summary>Collapsed.</summary>
        Collapsed = 2,
        /// <summary>Root hidden.</summary>
        RootHidden = 3,
    }

    /// <summary>Hidden from stack traces.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Struct, Inherited = false)]
    public sealed class StackTraceHiddenAttribute : Attribute { }

    /// <summary>Debug assertions (compiled out unless DEBUG).</summary>
    public static class Debug
    {
        /// <summary>Panics when <paramref name="condition"/> is false (DEBUG builds only).</summary>
        [Conditional("DEBUG")]
        public static void Assert([CodeAnalysis.DoesNotReturnIf(false)] bool condition)
        {
            if (!condition) System.Runtime.Panic.Fail("assertion failed");
        }

        /// <summary>Panics with <paramref name="message"/> when <paramref name="condition"/> is false (DEBUG builds only).</summary>
        [Conditional("DEBUG")]
        public static void Assert([CodeAnalysis.DoesNotReturnIf(false)] bool condition, string? message)
        {
            if (!condition) System.Runtime.Panic.Fail(message ?? "assertion failed");
        }
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>
    /// Marks a static bool property as a feature switch: ILC's <c>--feature:&lt;name&gt;=false</c> (or true)
    /// replaces the property's body with that constant, and the code it guards is not compiled.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class FeatureSwitchDefinitionAttribute : Attribute
    {
        /// <summary>Sets it.</summary>
        public FeatureSwitchDefinitionAttribute(string switchName) { SwitchName = switchName; }
        /// <summary>The switch's name, as given to <c>--feature</c>.</summary>
        public string SwitchName { get; }
    }
    /// <summary>Null allowed as input.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
    public sealed class AllowNullAttribute : Attribute { }
    /// <summary>Null disallowed as input.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
    public sealed class DisallowNullAttribute : Attribute { }
    /// <summary>Output may be null.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, Inherited = false)]
    public sealed class MaybeNullAttribute : Attribute { }
    /// <summary>Output is not null.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, Inherited = false)]
    public sealed class NotNullAttribute : Attribute { }
    /// <summary>Output may be null when the method returns <see cref="ReturnValue"/>.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class MaybeNullWhenAttribute : Attribute { /** <summary>Sets it.</summary> */ public MaybeNullWhenAttribute(bool returnValue) { ReturnValue = returnValue; } /** <summary>The value.</summary> */ public bool ReturnValue { get; } }
    /// <summary>Output is not null when the method returns <see cref="ReturnValue"/>.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class NotNullWhenAttribute : Attribute { /** <summary>Sets it.</summary> */ public NotNullWhenAttribute(bool returnValue) { ReturnValue = returnValue; } /** <summary>The value.</summary> */ public bool ReturnValue { get; } }
    /// <summary>Output is not null if the named parameter is not.</summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, AllowMultiple = true, Inherited = false)]
    public sealed class NotNullIfNotNullAttribute : Attribute { /** <summary>Sets it.</summary> */ public NotNullIfNotNullAttribute(string parameterName) { ParameterName = parameterName; } /** <summary>The parameter.</summary> */ public string ParameterName { get; } }
    /// <summary>The method does not return.</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class DoesNotReturnAttribute : Attribute { }
    /// <summary>The method does not return when the parameter has <see cref="ParameterValue"/>.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class DoesNotReturnIfAttribute : Attribute { /** <summary>Sets it.</summary> */ public DoesNotReturnIfAttribute(bool parameterValue) { ParameterValue = parameterValue; } /** <summary>The value.</summary> */ public bool ParameterValue { get; } }
    /// <summary>Members not null after the call.</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
    public sealed class MemberNotNullAttribute : Attribute { /** <summary>Sets it.</summary> */ public MemberNotNullAttribute(string member) { Members = new[] { member }; } /** <summary>Sets it.</summary> */ public MemberNotNullAttribute(params string[] members) { Members = members; } /** <summary>The members.</summary> */ public string[] Members { get; } }
    /// <summary>Members not null when the method returns <see cref="ReturnValue"/>.</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
    public sealed class MemberNotNullWhenAttribute : Attribute { /** <summary>Sets it.</summary> */ public MemberNotNullWhenAttribute(bool returnValue, string member) { ReturnValue = returnValue; Members = new[] { member }; } /** <summary>Sets it.</summary> */ public MemberNotNullWhenAttribute(bool returnValue, params string[] members) { ReturnValue = returnValue; Members = members; } /** <summary>The value.</summary> */ public bool ReturnValue { get; } /** <summary>The members.</summary> */ public string[] Members { get; } }
    /// <summary>A ref that may escape.</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class UnscopedRefAttribute : Attribute { }
    /// <summary>The constructor sets all required members.</summary>
    [AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
    public sealed class SetsRequiredMembersAttribute : Attribute { }
    /// <summary>Suppresses an analyzer diagnostic.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = false, AllowMultiple = true)]
    public sealed class SuppressMessageAttribute : Attribute { /** <summary>Sets it.</summary> */ public SuppressMessageAttribute(string category, string checkId) { } /** <summary>Why.</summary> */ public string? Justification { get; set; } /** <summary>Scope.</summary> */ public string? Scope { get; set; } /** <summary>Target.</summary> */ public string? Target { get; set; } }
    /// <summary>Suppresses a trimming diagnostic.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = false, AllowMultiple = true)]
    public sealed class UnconditionalSuppressMessageAttribute : Attribute { /** <summary>Sets it.</summary> */ public UnconditionalSuppressMessageAttribute(string category, string checkId) { } /** <summary>Why.</summary> */ public string? Justification { get; set; } }
    /// <summary>Excluded from code coverage.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = false, AllowMultiple = false)]
    public sealed class ExcludeFromCodeCoverageAttribute : Attribute { }
}

namespace System.ComponentModel
{
    /// <summary>Whether editors show a member.</summary>
    [AttributeUsage(AttributeTargets.All)]
    public sealed class EditorBrowsableAttribute : Attribute
    {
        /// <summary>Sets the state.</summary>
        public EditorBrowsableAttribute(EditorBrowsableState state) { State = state; }
        /// <summary>The state.</summary>
        public EditorBrowsableState State { get; }
    }

    /// <summary>Editor browsability.</summary>
    public enum EditorBrowsableState
    {
        /// <summary>Always shown.</summary>
        Always = 0,
        /// <summary>Never shown.</summary>
        Never = 1,
        /// <summary>Advanced.</summary>
        Advanced = 2,
    }
}

namespace System.CodeDom.Compiler
{
    /// <summary>Generated code.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = false, AllowMultiple = false)]
    public sealed class GeneratedCodeAttribute : Attribute
    {
        /// <summary>Names the tool.</summary>
        public GeneratedCodeAttribute(string? tool, string? version) { Tool = tool; Version = version; }
        /// <summary>The tool.</summary>
        public string? Tool { get; }
        /// <summary>Its version.</summary>
        public string? Version { get; }
    }
}

namespace System.Runtime.InteropServices
{
    /// <summary>Native types for marshalling (the <c>unmanaged</c> constraint needs the type to exist).</summary>
    public enum UnmanagedType
    {
        /// <summary>4-byte boolean.</summary>
        Bool = 0x2,
        /// <summary>1-byte integer.</summary>
        I1 = 0x3,
        /// <summary>1-byte unsigned integer.</summary>
        U1 = 0x4,
        /// <summary>4-byte integer.</summary>
        I4 = 0x7,
        /// <summary>Pointer-sized integer.</summary>
        SysInt = 0x1f,
    }
}
