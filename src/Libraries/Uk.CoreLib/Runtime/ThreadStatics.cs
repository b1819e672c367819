using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    /// <summary>A static field with a separate value for each thread (in images: each ukschedcoop thread).</summary>
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class ThreadStaticAttribute : Attribute
    {
    }
}

namespace System.Runtime
{
    /// <summary>
    /// Thread statics in images, and how the current thread's are found.
    /// <para>
    /// ILC puts every <c>[ThreadStatic]</c> field of the image in one "inlined" block: an object whose layout (and GC
    /// descriptor) ILC emits as the first MethodTable of the module's ThreadStaticRegion section. Compiled code finds
    /// the running thread's block through ILC's TLS root <c>tls_InlinedThreadStatics</c>, one pointer-sized slot in
    /// the image's static TLS block at a fixed negative offset from the FS base (the platform's boot code points FS
    /// at the TCB of arch/x86_64/uktls.S). When the slot is null the code calls
    /// <see cref="Internal.Runtime.ThreadStatics.GetInlinedThreadStaticBaseSlow"/>, which allocates the block.
    /// </para>
    /// <para>
    /// There is one CPU and one TLS block, so the slot always holds the running thread's block: a scheduler saves
    /// <see cref="Current"/> into the outgoing thread's record and sets it from the incoming one's at every switch
    /// (ukschedcoop's ImageContexts). Every block is therefore reachable through managed references alone: the
    /// running thread's from the static field behind <see cref="Current"/>, every other thread's from its own
    /// thread record; a tracing GC needs no extra roots and never has to read the TLS slot.
    /// </para>
    /// </summary>
    public static unsafe class UkThreadStatics
    {
        /// <summary>Address of ILC's TLS root; null until the first thread-static access allocates a block.</summary>
        private static void* s_root;

        /// <summary>The running thread's block (mirrors the TLS root), a precise static root for the GC.</summary>
        private static object? s_running;

        /// <summary>
        /// The running thread's thread-static block, or null when it has not touched a thread static yet. Setting it
        /// (a scheduler, at a context switch) makes compiled code see that block from now on; null makes the next
        /// thread-static access allocate a fresh, zeroed one.
        /// </summary>
        public static object? Current
        {
            get => s_running;
            set
            {
                s_running = value;
                // Safe: s_root is the address of ILC's TLS root in the image's static TLS block, which never moves.
                if (s_root != null) Unsafe.AsRef<object?>(s_root) = value;
            }
        }

        /// <summary>Records the TLS root's address and makes <paramref name="block"/> the running thread's block.</summary>
        internal static void Install(void* root, object block)
        {
            s_root = root;
            Current = block;
        }
    }
}

namespace Internal.Runtime
{
    /// <summary>The thread-static helpers ILC calls by name (see <see cref="System.Runtime.UkThreadStatics"/>).</summary>
    internal static unsafe class ThreadStatics
    {
        private const int SectionThreadStaticRegion = 202;

        /// <summary>
        /// Called by compiled code when the TLS root <paramref name="threadStorage"/> is null: allocates the running
        /// thread's block of thread statics (zeroed: every [ThreadStatic] starts at its default) and installs it.
        /// </summary>
        internal static object GetInlinedThreadStaticBaseSlow(ref object? threadStorage)
        {
            object block = AllocateBlock(0);
            UkThreadStatics.Install(Unsafe.AsPointer(ref threadStorage), block);
            return block;
        }

        /// <summary>
        /// Called for thread statics outside the inlined block (ILC uses it for types it could not inline): only
        /// the inlined block (negative index) exists in images.
        /// </summary>
        internal static object GetThreadStaticBaseForType(void* moduleData, int typeTlsIndex)
        {
            object? current = UkThreadStatics.Current;
            if (typeTlsIndex < 0 && current != null) return current;
            Panic.Fail("Uk.CoreLib: thread statics of type TLS index " + typeTlsIndex.ToString() + " are outside the inlined block; images support only ILC's inlined thread statics");
            return null!;
        }

        /// <summary>A new object laid out as block <paramref name="index"/> of the module's ThreadStaticRegion.</summary>
        private static object AllocateBlock(int index)
        {
            nuint count;
            nint* headers = NativeRuntime.UkGetModuleHeaders(&count);
            // Safe: the header and its sections are what ILC emitted; the region holds absolute MethodTable pointers.
            int length = 0;
            byte* region = count > 0 && headers[0] != 0
                ? StartupCodeHelpers.GetModuleSection((byte*)headers[0], SectionThreadStaticRegion, out length)
                : null;
            if (region == null || (index + 1) * sizeof(nint) > length)
                Panic.Fail("Uk.CoreLib: the image has no thread-static block " + index.ToString() + " (ThreadStaticRegion section missing)");
            return RuntimeExports.AllocateObject((MethodTable*)((nint*)region)[index]);
        }
    }
}
