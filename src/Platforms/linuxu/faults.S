/*
 * linuxu CPU faults as managed exceptions (x86-64, GNU as). _start installs handlers for SIGSEGV, SIGBUS and
 * SIGFPE; a handler rewrites the interrupted context so that returning from the signal continues in
 * Uk.CoreLib's uk_eh_throw_hw (native/eh.S) with the faulting stack and registers, rdi = signal,
 * rsi = faulting instruction, rdx = rax (SIGFPE: the dividend) or the fault address. Uk.CoreLib decides:
 * NullReferenceException, DivideByZeroException, OverflowException, or a panic for any other fault.
 */
        .intel_syntax noprefix

        .set SYS_rt_sigaction, 13
        .set SYS_rt_sigreturn, 15
        .set SA_SIGINFO, 4
        .set SA_RESTORER, 0x04000000
        .set UC_GREGS, 40               /* ucontext_t: uc_flags, uc_link, uc_stack (24), then mcontext gregs */
        .set G_RDI, 8 * 8
        .set G_RSI, 9 * 8
        .set G_RDX, 12 * 8
        .set G_RAX, 13 * 8
        .set G_RIP, 16 * 8
        .set SI_ADDR, 16                /* siginfo_t: si_signo, si_errno, si_code, padding, then si_addr */

        .text
/* void uk_linuxu_install_fault_handlers(void): rt_sigaction for SIGBUS (7), SIGFPE (8), SIGSEGV (11). */
        .globl uk_linuxu_install_fault_handlers
uk_linuxu_install_fault_handlers:
        push    rbx
        mov     ebx, 7
        call    1f
        mov     ebx, 8
        call    1f
        mov     ebx, 11
        call    1f
        pop     rbx
        ret
1:      mov     eax, SYS_rt_sigaction
        mov     edi, ebx
        lea     rsi, [rip + uk_linuxu_fault_action]
        xor     edx, edx
        mov     r10d, 8                 /* sizeof(kernel sigset_t) */
        syscall
        ret

/* The handler: rdi = signal, rsi = siginfo_t*, rdx = ucontext_t*. */
uk_linuxu_fault:
        lea     rcx, [rdx + UC_GREGS]
        mov     rax, [rcx + G_RIP]
        mov     [rcx + G_RSI], rax
        mov     [rcx + G_RDI], rdi
        mov     rax, [rsi + SI_ADDR]
        cmp     edi, 8
        jne     2f
        mov     rax, [rcx + G_RAX]
2:      mov     [rcx + G_RDX], rax
        lea     rax, [rip + uk_eh_throw_hw]
        mov     [rcx + G_RIP], rax
        ret                             /* to the restorer: rt_sigreturn loads the rewritten context */

uk_linuxu_fault_restorer:
        mov     eax, SYS_rt_sigreturn
        syscall
        hlt

        .section .data.rel.ro, "aw"
        .balign 8
/* struct kernel_sigaction { handler, flags, restorer, mask } */
uk_linuxu_fault_action:
        .quad   uk_linuxu_fault
        .quad   SA_SIGINFO | SA_RESTORER
        .quad   uk_linuxu_fault_restorer
        .quad   0

        .section .note.GNU-stack,"",@progbits
