using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Runtime
{
    /// <summary>
    /// One exception dispatch in flight, kept in the dispatcher's stack frame while it runs (and while the
    /// funclets it calls run): the exception (for <c>throw;</c>), and which frame and clause the running
    /// funclet belongs to (so that an exception escaping the funclet continues in the funclet's parent frame,
    /// after that clause). All dispatches in flight, of every thread, are linked from
    /// <see cref="UkExceptionDispatch"/>'s head; a thread finds its own by address (the record nearest above a
    /// stack address is on that stack, as stacks do not overlap), so a thread switch inside a funclet is safe.
    /// </summary>
    internal unsafe struct UkExInfo
    {
        internal UkExInfo* Previous;
        internal nint Exception;             // the exception object (non-moving heap; the stack is scanned)
        internal UkEhContext FuncletFrame;    // the parent frame of the running funclet, registers as unwound
        internal int FuncletClause;           // index of that funclet's clause in the parent method (-1: none)
        internal uint FuncletTryStart, FuncletTryEnd;
        internal bool RunningCatch;           // the funclet is the catch: `throw;` inside it rethrows Exception
    }

    /// <summary>
    /// Walks frames from a throw site: unwinds with the CFI, and when it unwinds out of a funclet called by an
    /// earlier dispatch (its return address is in native/eh.S), continues in that funclet's parent frame after
    /// the funclet's clause, skipping the clauses that share its try region (a catch's siblings).
    /// </summary>
    internal unsafe struct UkFrameCursor
    {
        internal UkEhContext Context;
        internal UkEhMethod Method;
        internal bool Valid;
        internal bool Active;             // Context.Rip is a faulting instruction (first frame of a hardware fault)
        internal int FirstClause;
        internal uint SkipTryStart, SkipTryEnd;
        internal bool Skipping;           // still skipping the clauses that share the funclet clause's try range
        internal bool FuncletParent;      // this frame is the parent of the funclet frame just left (same method)
        internal UkFrameCursor(UkEhContext* site, bool active)
        {
            Context = *site;
            Method = default;
            Active = active;
            FirstClause = 0;
            SkipTryStart = SkipTryEnd = 0;
            Skipping = false;
            Valid = false;
            FuncletParent = false;
            Settle();
        }

        /// <summary>The code offset in the main method (clause ranges are relative to it).</summary>
        internal uint Offset => (uint)(Context.Rip - Method.MethodStart);

        /// <summary>Whether clause <paramref name="c"/> (number <paramref name="index"/>) covers this frame's code.</summary>
        /// Call it for every clause in order: after a funclet's clause, the clauses with the same try range are
        /// skipped up to the first one with another range (ILC separates runs of distinct try blocks that share
        /// native offsets with an empty fault clause).
        internal bool Covers(in UkEhClause c, int index)
        {
            if (index < FirstClause) return false;
            if (Skipping)
            {
                if (c.TryStart == SkipTryStart && c.TryEnd == SkipTryEnd) return false;
                Skipping = false;
            }
            uint offset = Offset;
            return offset >= c.TryStart && offset < c.TryEnd;
        }

        internal void Next()
        {
            UkEhUnwinder.Unwind(in Method, ref Context, Active);
            Active = false;
            FirstClause = 0;
            SkipTryStart = SkipTryEnd = 0;
            Skipping = false;
            Settle();
        }

        private void Settle()
        {
            nuint* addresses = UkEhNative.Addresses();
            UkExInfo* outer;
            if ((Context.Rip == addresses[1] || Context.Rip == addresses[2])
                && (outer = UkExceptionDispatch.NearestAbove(Context.Rsp, false)) != null)
            {
                // Left a catch or finally funclet that an earlier dispatch (the nearest one up this stack)
                // called: go on in the funclet's parent frame.
                FuncletParent = true;
                Context = outer->FuncletFrame;
                Valid = UkEhUnwinder.FindMethod(Context.Rip - 1, out Method);
                FirstClause = outer->FuncletClause + 1;
                SkipTryStart = outer->FuncletTryStart;
                SkipTryEnd = outer->FuncletTryEnd;
                Skipping = true;
                return;
            }
            FuncletParent = false;
            Valid = UkEhUnwinder.FindMethod(Active ? Context.Rip : Context.Rip - 1, out Method);
        }

        /// <summary>Whether this frame is the filter-calling thunk (an exception escaped a filter).</summary>
        internal bool IsFilterThunk => Context.Rip == UkEhNative.Addresses()[3];
    }

    /// <summary>
    /// Exception dispatch as the CLR does it: the first pass walks frames from the throw site and finds the
    /// first catch whose type (or filter) accepts the exception; the second pass walks again and runs the
    /// finally/fault funclets of every try left, innermost first, then calls the catch funclet and resumes the
    /// catching method where the funclet says. An exception no frame catches prints a report with a stack
    /// trace, then the finallys run (as on the CLR) and the image ends with status 134.
    /// </summary>
    internal static unsafe class UkExceptionDispatch
    {
        private static UkExInfo* s_head;

        [RuntimeExport("UkEhThrow")]
        private static void UkEhThrow(object exception, UkEhContext* site)
        {
            // The switch's branch is the whole body, so that ILC drops Dispatch when it is off.
            if (UkFeatures.Exceptions) Dispatch(exception, site, false, false);
            else UkExceptionReport.ThrowPanic(exception, site->Rip, false);
        }

        [RuntimeExport("UkEhRethrow")]
        private static void UkEhRethrow(UkEhContext* site)
        {
            if (!UkFeatures.Exceptions) { Panic.Fail("rethrow outside a catch"); return; }
            // The nearest dispatch up this stack running a catch funclet owns the exception `throw;` rethrows.
            UkExInfo* info = NearestAbove(site->Rsp, true);
            if (info == null || info->Exception == 0) Panic.Fail("rethrow outside a catch");
            nint address = info->Exception;
            Dispatch(Unsafe.AsRef<object>(&address), site, false, true);
        }

        [RuntimeExport("UkEhCatchReturned")]
        private static void UkEhCatchReturned(nuint resumeSp)
        {
            // Dispatch records of this stack below the resumed frame (dispatcher frames the resume drops).
            nuint here = (nuint)(&resumeSp);
            UkExInfo* kept = null;
            for (UkExInfo* info = s_head; info != null; info = info->Previous)
            {
                if ((nuint)info > here && (nuint)info < resumeSp) Unlink(info, kept);
                else kept = info;
            }
        }

        // Removes info, whose newer neighbour in the chain is newer (null: info is the head).
        private static void Unlink(UkExInfo* info, UkExInfo* newer)
        {
            if (newer == null) s_head = info->Previous; else newer->Previous = info->Previous;
        }

        private static void Unlink(UkExInfo* info)
        {
            UkExInfo* newer = null;
            for (UkExInfo* at = s_head; at != null; newer = at, at = at->Previous)
            {
                if (at == info) { Unlink(info, newer); return; }
            }
        }

        /// <summary>The dispatch record nearest above <paramref name="sp"/> (optionally: running a catch funclet).</summary>
        internal static UkExInfo* NearestAbove(nuint sp, bool runningCatch)
        {
            UkExInfo* best = null;
            for (UkExInfo* info = s_head; info != null; info = info->Previous)
            {
                if ((nuint)info <= sp || (best != null && info > best)) continue;
                if (runningCatch && !info->RunningCatch) continue;
                best = info;
            }
            return best;
        }

        /// <summary>
        /// A CPU fault in managed code, sent here by the platform (native/eh.S uk_eh_throw_hw): a memory fault
        /// in the first 64 KiB is a null dereference (ILC emits no null checks), a divide error is
        /// DivideByZeroException, or OverflowException when the dividend is the operand size's minimum
        /// (int.MinValue / -1; the divisor is not decoded, so MinValue / 0 is reported as an overflow too).
        /// A fault outside managed code, or at another address, is a panic.
        /// </summary>
        [RuntimeExport("UkEhThrowHw")]
        private static void UkEhThrowHw(int signal, nuint detail, UkEhContext* fault)
        {
            // Without exception dispatch there are no unwind tables to tell managed code from native code:
            // the fault is reported as the exception it would be, at the faulting instruction.
            if (UkFeatures.Exceptions && !UkEhUnwinder.FindMethod(fault->Rip, out _))
                Panic.Fail("fatal CPU fault (signal " + signal.ToString() + ") outside managed code at 0x" + ((long)fault->Rip).ToString("x"));
            Exception exception;
            if (signal == 8)
            {
                exception = IsMinimumDividend(fault->Rip, detail) ? new OverflowException() : new DivideByZeroException();
            }
            else
            {
                if (detail >= 0x10000)
                    Panic.Fail("memory fault at address 0x" + ((long)detail).ToString("x") + " in managed code at 0x" + ((long)fault->Rip).ToString("x"));
                exception = new NullReferenceException();
            }
            if (UkFeatures.Exceptions) Dispatch(exception, fault, true, false);
            else UkExceptionReport.ThrowPanic(exception, fault->Rip, true);
        }

        // idiv: optional 0x66 and REX prefixes, then F7 (or F6 for 8 bits). REX.W: 64-bit operands.
        private static bool IsMinimumDividend(nuint rip, nuint rax)
        {
            byte* ip = (byte*)rip;
            int bits = 32;
            while (*ip == 0x66 || (*ip & 0xF0) == 0x40)
            {
                if (*ip == 0x66) bits = 16;
                else if ((*ip & 0x08) != 0) bits = 64;
                ip++;
            }
            if (*ip == 0xF6) bits = 8;
            if (bits == 64) return (long)rax == long.MinValue;
            if (bits == 32) return (uint)rax == 0x80000000u;
            if (bits == 16) return (ushort)rax == 0x8000;
            return (byte)rax == 0x80;
        }

        // rethrow: `throw;`, whose frames are appended to the exception's stack trace instead of replacing it.
        private static void Dispatch(object exception, UkEhContext* site, bool active, bool rethrow)
        {
            const int MaxTraceFrames = 64;
            nuint* trace = stackalloc nuint[MaxTraceFrames];
            int traced = 0;
            UkExInfo info = default;
            info.Exception = AddressOf(exception);
            info.FuncletClause = -1;
            info.Previous = s_head;
            s_head = &info;
            global::Internal.Runtime.MethodTable* type = exception.GetMethodTable();

            // First pass: find the handler.
            UkFrameCursor cursor = new UkFrameCursor(site, active);
            int handlerClause = -1;
            nuint handlerSp = 0;
            UkEhClause handler = default;
            bool filterThunk = false;
            while (cursor.Valid || cursor.IsFilterThunk)
            {
                if (cursor.IsFilterThunk) { filterThunk = true; handlerSp = cursor.Context.Rsp; break; }
                // A funclet's parent frame is the same method as the funclet frame before it: listed once.
                if (traced < MaxTraceFrames && !cursor.FuncletParent) trace[traced++] = cursor.Context.Rip;
                byte* p = cursor.Method.EHInfo;
                if (p != null)
                {
                    uint count = UkEhUnwinder.ReadVarUInt(ref p);
                    for (int i = 0; i < (int)count; i++)
                    {
                        UkEhClause c = UkEhClause.Read(ref p, cursor.Method.MethodStart);
                        if (!cursor.Covers(in c, i) || c.Kind == UkEhClause.KindFault) continue;
                        bool takes = c.Kind == UkEhClause.KindTyped
                            ? TypeCast.IsAssignable(type, c.Type)
                            : RunFilter(exception, in c, ref cursor.Context);
                        if (takes) { handlerClause = i; handler = c; break; }
                    }
                }
                if (handlerClause >= 0) { handlerSp = cursor.Context.Rsp; break; }
                cursor.Next();
            }

            // Exception.StackTrace: the frames from the throw site to the catching one, as the CLR records them.
            if (exception is Exception managed) managed.SetStackTrace(trace, traced, active, rethrow);

            if (handlerClause < 0 && !filterThunk)
            {
                UkExceptionReport.Unhandled(exception, site, active);
                SecondPass(&info, site, active, 0, -1);
                NativeRuntime.Exit(Panic.UnhandledExceptionStatus);
                return;
            }

            UkEhContext target = SecondPass(&info, site, active, handlerSp, handlerClause);
            if (filterThunk)
            {
                // The exception escaped a filter: the filter's verdict is false and this dispatch is over.
                Unlink(&info);
                UkEhNative.Jump(target.Rsp, UkEhNative.Addresses()[4]);
                return;
            }
            info.FuncletFrame = target;
            info.FuncletClause = handlerClause;
            info.FuncletTryStart = handler.TryStart;
            info.FuncletTryEnd = handler.TryEnd;
            info.RunningCatch = true;
            UkEhNative.CallCatch(AddressOf(exception), (void*)handler.Handler, &info.FuncletFrame);
        }

        // Runs the finally/fault funclets from the throw site up to the handler frame (stack pointer
        // handlerSp, clause handlerClause; 0 and -1: every frame) and returns the handler frame's registers.
        private static UkEhContext SecondPass(UkExInfo* info, UkEhContext* site, bool active, nuint handlerSp, int handlerClause)
        {
            UkFrameCursor cursor = new UkFrameCursor(site, active);
            while (cursor.Valid)
            {
                bool handlerFrame = handlerSp != 0 && cursor.Context.Rsp == handlerSp;
                byte* p = cursor.Method.EHInfo;
                if (p != null)
                {
                    uint count = UkEhUnwinder.ReadVarUInt(ref p);
                    for (int i = 0; i < (int)count && !(handlerFrame && i >= handlerClause); i++)
                    {
                        UkEhClause c = UkEhClause.Read(ref p, cursor.Method.MethodStart);
                        if (!cursor.Covers(in c, i) || c.Kind != UkEhClause.KindFault) continue;
                        info->FuncletFrame = cursor.Context;
                        info->FuncletClause = i;
                        info->FuncletTryStart = c.TryStart;
                        info->FuncletTryEnd = c.TryEnd;
                        UkEhNative.CallFinally((void*)c.Handler, &info->FuncletFrame);
                        info->FuncletClause = -1;
                    }
                }
                if (handlerFrame) return cursor.Context;
                cursor.Next();
            }
            if (handlerSp != 0) return cursor.Context; // the filter thunk's frame
            return default;
        }

        private static nint AddressOf(object o) => *(nint*)Unsafe.AsPointer(ref o);

        private static bool RunFilter(object exception, in UkEhClause c, ref UkEhContext frame)
        {
            UkEhContext copy = frame;
            return UkEhNative.CallFilter(AddressOf(exception), (void*)c.Filter, &copy) != 0;
        }
    }

    /// <summary>The assembly side of exception handling (native/eh.S).</summary>
    internal static unsafe class UkEhNative
    {
        [DllImport(UkNative.Library, EntryPoint = "uk_eh_call_catch"), SuppressGCTransition]
        internal static extern void CallCatch(nint exception, void* funclet, UkEhContext* frame);

        [DllImport(UkNative.Library, EntryPoint = "uk_eh_call_finally"), SuppressGCTransition]
        internal static extern void CallFinally(void* funclet, UkEhContext* frame);

        [DllImport(UkNative.Library, EntryPoint = "uk_eh_call_filter"), SuppressGCTransition]
        internal static extern int CallFilter(nint exception, void* funclet, UkEhContext* frame);

        [DllImport(UkNative.Library, EntryPoint = "uk_eh_jump"), SuppressGCTransition]
        internal static extern void Jump(nuint rsp, nuint rip);

        /// <summary>{ .eh_frame_hdr, catch/finally/filter return addresses, filter-swallowed resume, symtab count, symtab }.</summary>
        [DllImport(UkNative.Library, EntryPoint = "uk_eh_addresses"), SuppressGCTransition]
        internal static extern nuint* Addresses();
    }
}
