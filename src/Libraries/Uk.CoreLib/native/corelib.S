/*
 * Uk.CoreLib native helpers (x86-64, SysV ABI, GNU as). Platform-independent: linked into every image.
 * These are the helpers ILC-generated code reaches with a custom register contract (write barriers,
 * interface dispatch) or as data, so they cannot be C#.
 */
        .intel_syntax noprefix
        .text

/* Write barriers: no GC, so a store is all there is. rdi = destination slot, rsi = object reference.
 * The JIT assumes these clobber almost nothing: touch only the destination. */
        .globl RhpAssignRef
        .globl RhpCheckedAssignRef
RhpAssignRef:
RhpCheckedAssignRef:
        mov     [rdi], rsi
        ret

/* Copies one reference from [rsi] to [rdi] and advances both by 8; clobbers rcx only. */
        .globl RhpByRefAssignRef
RhpByRefAssignRef:
        mov     rcx, [rsi]
        mov     [rdi], rcx
        add     rdi, 8
        add     rsi, 8
        ret

/* Interlocked exchange helpers for reference fields: rdi = slot, rsi = value, rdx = comparand. */
        .globl RhpCheckedLockCmpXchg
RhpCheckedLockCmpXchg:
        mov     rax, rdx
        lock cmpxchg [rdi], rsi
        ret

        .globl RhpCheckedXchg
RhpCheckedXchg:
        mov     rax, rsi
        xchg    [rdi], rax
        ret

/* Atomics for System.Threading.Interlocked (SysV: rdi = location, rsi = value, rdx = comparand). */
        .globl uk_atomic_cas32
uk_atomic_cas32:
        mov     eax, edx
        lock cmpxchg [rdi], esi
        ret

        .globl uk_atomic_cas64
uk_atomic_cas64:
        mov     rax, rdx
        lock cmpxchg [rdi], rsi
        ret

        .globl uk_atomic_xchg32
uk_atomic_xchg32:
        mov     eax, esi
        xchg    [rdi], eax
        ret

        .globl uk_atomic_xchg64
uk_atomic_xchg64:
        mov     rax, rsi
        xchg    [rdi], rax
        ret

        .globl uk_atomic_xadd32
uk_atomic_xadd32:
        mov     eax, esi
        lock xadd [rdi], eax
        ret

        .globl uk_atomic_xadd64
uk_atomic_xadd64:
        mov     rax, rsi
        lock xadd [rdi], rax
        ret

        .globl uk_memory_barrier
uk_memory_barrier:
        mfence
        ret

/* nuint uk_gc_capture_registers(nuint* buffer): stores the callee-saved registers into buffer[0..5] and returns
 * the caller's stack pointer, so a conservative collector finds every reference of the calling thread in
 * [result, stack top) (the buffer lies in the caller's frame, above the result). */
        .globl uk_gc_capture_registers
uk_gc_capture_registers:
        mov     [rdi], rbx
        mov     [rdi + 8], rbp
        mov     [rdi + 16], r12
        mov     [rdi + 24], r13
        mov     [rdi + 32], r14
        mov     [rdi + 40], r15
        lea     rax, [rsp + 8]
        ret

/* GC poll and stack probe: nothing to do (no GC; the stack is mapped by the platform). */
        .globl RhpGcPoll
RhpGcPoll:
        ret

        .globl RhpStackProbe
RhpStackProbe:
        ret

/* Interface dispatch. A call site loads its dispatch cell into r11 and calls through the cell's first
 * word, which initially points here. Save every argument register, ask the managed resolver
 * (UkResolveInterfaceCall(this = rdi, cell = r11)) for the target, restore and jump to it. */
        .globl RhpInitialDynamicInterfaceDispatch
RhpInitialDynamicInterfaceDispatch:
        push    rdi
        push    rsi
        push    rdx
        push    rcx
        push    r8
        push    r9
        push    r10
        push    r11
        sub     rsp, 136                /* 8 xmm registers + 8: keeps rsp 16-aligned at the call */
        movdqu  [rsp + 0], xmm0
        movdqu  [rsp + 16], xmm1
        movdqu  [rsp + 32], xmm2
        movdqu  [rsp + 48], xmm3
        movdqu  [rsp + 64], xmm4
        movdqu  [rsp + 80], xmm5
        movdqu  [rsp + 96], xmm6
        movdqu  [rsp + 112], xmm7
        mov     rsi, r11
        call    UkResolveInterfaceCall
        movdqu  xmm0, [rsp + 0]
        movdqu  xmm1, [rsp + 16]
        movdqu  xmm2, [rsp + 32]
        movdqu  xmm3, [rsp + 48]
        movdqu  xmm4, [rsp + 64]
        movdqu  xmm5, [rsp + 80]
        movdqu  xmm6, [rsp + 96]
        movdqu  xmm7, [rsp + 112]
        add     rsp, 136
        pop     r11
        pop     r10
        pop     r9
        pop     r8
        pop     rcx
        pop     rdx
        pop     rsi
        pop     rdi
        jmp     rax

/* nint* UkGetModuleHeaders(nuint* count): the module header pointers ILC put in section __modules, which
 * the linker script brackets with __modules_a and __modules_z. */
        .globl UkGetModuleHeaders
UkGetModuleHeaders:
        lea     rax, [rip + __modules_a]
        lea     rcx, [rip + __modules_z]
        sub     rcx, rax
        shr     rcx, 3
        mov     [rdi], rcx
        ret

/* memset/memcpy/memmove for code the JIT emits as calls (large struct copies and zeroing). */
        .globl memset
memset:
        mov     r9, rdi
        mov     eax, esi
        mov     rcx, rdx
        rep stosb
        mov     rax, r9
        ret

        .globl memcpy
memcpy:
        mov     rax, rdi
        mov     rcx, rdx
        rep movsb
        ret

        .globl memmove
memmove:
        mov     rax, rdi
        mov     rcx, rdx
        cmp     rdi, rsi
        jbe     1f
        lea     rsi, [rsi + rdx - 1]
        lea     rdi, [rdi + rdx - 1]
        std
        rep movsb
        cld
        ret
1:      rep movsb
        ret

        .data
        .balign 8
/* Read by GC polls ILC inlines: never set (no thread suspension). */
        .globl RhpTrapThreads
RhpTrapThreads:
        .long   0
        .long   0
/* Stack-protector cookie some ILC code paths compare against. */
        .globl __security_cookie
__security_cookie:
        .quad   0x2f8a61d3c9e5b704

        .section .note.GNU-stack,"",@progbits
