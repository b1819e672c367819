/*
 * Uk.CoreLib exception handling, the parts that must be assembly (x86-64, SysV, GNU as, Intel syntax):
 * capturing the throw site's registers, calling ILC's funclets with the parent frame's callee-saved
 * registers, and resuming in the catching frame. The dispatch itself is C# (Runtime/ExceptionHandling*.cs).
 *
 * UkEhContext (Runtime/ExceptionHandlingUnwind.cs): 0 rip, 8 rsp, 16 rbp, 24 rbx, 32 r12, 40 r13, 48 r14, 56 r15.
 * Funclet contract of ILC-compiled code (as NativeAOT's RhpCall*Funclet): rbp and the other callee-saved
 * registers hold the parent frame's values; a catch funclet gets the exception in rdi and returns the resume
 * address in rax; a filter gets the exception in rdi and returns non-zero to take the handler; a finally
 * (also fault) takes nothing. Funclets may clobber callee-saved registers the parent's prolog saved.
 */
        .intel_syntax noprefix
        .text

/* The callee-saved registers into the UkEhContext at rsp (rip and rsp are stored by the caller). */
.macro UK_EH_STORE_CALLEE
        mov     [rsp + 16], rbp
        mov     [rsp + 24], rbx
        mov     [rsp + 32], r12
        mov     [rsp + 40], r13
        mov     [rsp + 48], r14
        mov     [rsp + 56], r15
.endm

.macro UK_EH_CAPTURE
        mov     rax, [rsp]              /* the throw site: return address into the throwing method */
        lea     rcx, [rsp + 8]          /* and its stack pointer once the call returns */
        sub     rsp, 72                 /* 64-byte context + 8: rsp 16-aligned at the call below */
        mov     [rsp + 0], rax
        mov     [rsp + 8], rcx
        UK_EH_STORE_CALLEE
.endm

/* The parent frame's callee-saved registers from a UkEhContext (funclets run with them). */
.macro UK_EH_LOAD_FRAME frame
        mov     rbp, [\frame + 16]
        mov     rbx, [\frame + 24]
        mov     r12, [\frame + 32]
        mov     r13, [\frame + 40]
        mov     r14, [\frame + 48]
        mov     r15, [\frame + 56]
.endm

/* The caller's callee-saved registers around a funclet call that returns (rsp stays 16-aligned at the call). */
.macro UK_EH_SAVE_CALLEE
        push    rbp
        push    rbx
        push    r12
        push    r13
        push    r14
        push    r15
        sub     rsp, 8
.endm

.macro UK_EH_RESTORE_CALLEE
        add     rsp, 8
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbx
        pop     rbp
.endm

/* RhpThrowEx(rdi = exception object): ILC's throw. Never returns. */
        .globl  RhpThrowEx
RhpThrowEx:
        UK_EH_CAPTURE
        mov     rsi, rsp
        call    UkEhThrow               /* (object exception, UkEhContext* site) */
        int3

/* RhpRethrow(): ILC's `throw;` inside a catch funclet. Never returns. */
        .globl  RhpRethrow
RhpRethrow:
        UK_EH_CAPTURE
        mov     rdi, rsp
        call    UkEhRethrow             /* (UkEhContext* site) */
        int3

/* uk_eh_throw_hw: where a platform's fault handler sends a faulting managed thread (linuxu: the SIGSEGV/SIGFPE
 * handler rewrites the signal context; kvm: the #DE/#PF trap returns here). rdi = signal number (8 divide
 * error, 11 or 7 memory fault), rsi = faulting instruction, rdx = rax at the fault (divide) or the fault
 * address; rsp and the callee-saved registers are those of the fault. Never returns. */
        .globl  uk_eh_throw_hw
uk_eh_throw_hw:
        mov     rax, rsp
        sub     rsp, 128                /* leave a red zone alone */
        and     rsp, -16
        sub     rsp, 64
        mov     [rsp + 0], rsi
        mov     [rsp + 8], rax
        UK_EH_STORE_CALLEE
        mov     rsi, rdx
        mov     rdx, rsp
        call    UkEhThrowHw             /* (int signal, nuint detail, UkEhContext* fault) */
        int3

/* void uk_eh_call_catch(object ex = rdi, void* funclet = rsi, UkEhContext* frame = rdx): runs the catch
 * funclet with the frame's registers, then resumes the frame at the address the funclet returns, with the
 * frame's stack pointer. Never returns to its caller. */
        .globl  uk_eh_call_catch
uk_eh_call_catch:
        push    rdx                     /* rsp 16-aligned for the call */
        UK_EH_LOAD_FRAME rdx
        call    rsi
        .globl  uk_eh_catch_return
uk_eh_catch_return:
        pop     rdx
        push    rax                     /* resume address */
        push    rdx
        sub     rsp, 8
        mov     rdi, [rdx + 8]
        call    UkEhCatchReturned       /* (nuint resumeSp): drops the dispatch records the resume abandons */
        add     rsp, 8
        pop     rdx
        pop     rax
        mov     rsp, [rdx + 8]
        jmp     rax

/* void uk_eh_call_finally(void* funclet = rdi, UkEhContext* frame = rsi): runs a finally/fault funclet with
 * the frame's registers and returns; the caller's callee-saved registers are preserved. */
        .globl  uk_eh_call_finally
uk_eh_call_finally:
        UK_EH_SAVE_CALLEE
        UK_EH_LOAD_FRAME rsi
        call    rdi
        .globl  uk_eh_finally_return
uk_eh_finally_return:
        UK_EH_RESTORE_CALLEE
        ret

/* int uk_eh_call_filter(object ex = rdi, void* funclet = rsi, UkEhContext* frame = rdx): runs a filter
 * funclet; returns its verdict (non-zero: this clause handles the exception). An exception escaping the
 * filter resumes at uk_eh_filter_swallowed with this frame's stack: the verdict is then 0, as on the CLR. */
        .globl  uk_eh_call_filter
uk_eh_call_filter:
        UK_EH_SAVE_CALLEE
        UK_EH_LOAD_FRAME rdx
        call    rsi
        .globl  uk_eh_filter_return
uk_eh_filter_return:
        jmp     1f
        .globl  uk_eh_filter_swallowed
uk_eh_filter_swallowed:
        xor     eax, eax
1:
        UK_EH_RESTORE_CALLEE
        ret

/* void uk_eh_jump(nuint rsp = rdi, nuint rip = rsi): continues at rip with stack pointer rsp. */
        .globl  uk_eh_jump
uk_eh_jump:
        mov     rsp, rdi
        jmp     rsi

/* nuint* uk_eh_addresses(): { __eh_frame_hdr_start, uk_eh_catch_return, uk_eh_finally_return,
 * uk_eh_filter_return, uk_eh_filter_swallowed, uk_symtab_count, uk_symtab }. The linker script defines
 * __eh_frame_hdr_start (ld --eh-frame-hdr); the symbol table is optional (0 without one). */
        .globl  uk_eh_addresses
uk_eh_addresses:
        lea     rax, [rip + uk_eh_address_table]
        ret

        .weak   __eh_frame_hdr_start, uk_symtab_count, uk_symtab
        .section .data.uk_eh, "aw"
        .balign 8
uk_eh_address_table:
        .quad   __eh_frame_hdr_start
        .quad   uk_eh_catch_return
        .quad   uk_eh_finally_return
        .quad   uk_eh_filter_return
        .quad   uk_eh_filter_swallowed
        .quad   uk_symtab_count
        .quad   uk_symtab

        .section .note.GNU-stack, "", @progbits
