/*
 * Thread context switch for x86-64 images (linuxu, kvm; GNU as, Intel syntax), used by ukschedcoop.
 * A context is a stack pointer: the switch pushes the SysV callee-saved registers (rbp, rbx, r12-r15) on the
 * current stack, stores rsp, loads the other thread's rsp and pops its registers. rip travels as the return
 * address. MXCSR and the x87 control word are not switched: no code in an image changes them.
 * Listed as a ComposeBootSource by src/Platforms/linuxu/Platform.targets and src/Platforms/kvm/Platform.targets.
 */
        .intel_syntax noprefix
        .text

/* void uk_ctx_switch(uintptr_t* save_sp, uintptr_t load_sp) */
        .globl uk_ctx_switch
uk_ctx_switch:
        push    rbp
        push    rbx
        push    r12
        push    r13
        push    r14
        push    r15
        mov     [rdi], rsp
        mov     rsp, rsi
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbx
        pop     rbp
        ret

/*
 * uintptr_t uk_ctx_init(void* stack_top, void (*entry)(void* arg), void* arg): writes the first frame of a new
 * thread below stack_top (rounded down to 16 bytes) so that uk_ctx_switch to the returned stack pointer "returns"
 * into uk_ctx_start with r12 = entry and r13 = arg.
 */
        .globl uk_ctx_init
uk_ctx_init:
        and     rdi, -16
        lea     rax, [rip + uk_ctx_start]
        mov     [rdi - 8], rax          /* return address of the first switch */
        mov     qword ptr [rdi - 16], 0 /* rbp */
        mov     qword ptr [rdi - 24], 0 /* rbx */
        mov     [rdi - 32], rsi         /* r12 = entry */
        mov     [rdi - 40], rdx         /* r13 = arg */
        mov     qword ptr [rdi - 48], 0 /* r14 */
        mov     qword ptr [rdi - 56], 0 /* r15 */
        lea     rax, [rdi - 56]
        ret

/* First code of every thread: rsp is 16-byte aligned here (the frame's top), as SysV wants before a call. */
uk_ctx_start:
        xor     ebp, ebp                /* outermost frame */
        mov     rdi, r13
        call    r12
        ud2                             /* the entry ends its thread by switching away; it never returns */

        .section .note.GNU-stack,"",@progbits
