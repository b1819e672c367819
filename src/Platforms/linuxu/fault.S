/*
 * linuxu CPU faults (x86-64, GNU as, Intel syntax): one SIGSEGV/SIGBUS/SIGFPE handler that runs on an alternate
 * signal stack, so it still runs when the fault is a stack overflow (the faulting stack has no room left).
 *
 *   - SIGFPE (a divide error), and SIGSEGV/SIGBUS at an address below 64 KiB (a null dereference: ILC emits no
 *     null checks) become managed exceptions: the handler rewrites the interrupted context so that returning from
 *     the signal continues in Uk.CoreLib's uk_eh_throw_hw (native/eh.S) with the faulting stack and registers,
 *     rdi = signal, rsi = faulting RIP, rdx = RAX (SIGFPE: the dividend) or the fault address. Uk.CoreLib throws
 *     DivideByZeroException, OverflowException or NullReferenceException there, and panics for a fault outside
 *     managed code;
 *   - a fault address inside a registered guard page (arch/x86_64/ukguard.S: thread stacks from ukschedcoop
 *     through platlinuxu's IStackGuard, and the main stack that boot.S maps) prints
 *       panic: stack overflow in thread '<name>' (fault at 0x..., guard page 0x...-0x..., stack 0x...-0x..., RIP 0x...)
 *     on stderr and exits with status 134 (what an abort gives, like the CLR's stack overflow);
 *   - any other fault prints
 *       panic: segmentation fault in thread '<name>': <read|write|execute> at 0x... (<address not mapped|access
 *       not permitted>[, a null pointer]), RIP 0x..., RSP 0x...
 *     (the thread found from the interrupted RSP, or "?" on an unregistered stack) and exits with 139, the
 *     status of a process killed by SIGSEGV. RIP is followed by <function+0xoff> from the image's symbol
 *     table when it has one (uk_symtab); it also resolves with `addr2line -e <image>.dbg`.
 * The signal stays blocked while the handler runs (no SA_NODEFER): a fault inside it kills the process the
 * ordinary way.
 */
        .intel_syntax noprefix

        .set SYS_write, 1
        .set SYS_rt_sigaction, 13
        .set SYS_rt_sigreturn, 15
        .set SYS_sigaltstack, 131
        .set SYS_exit_group, 231
        .set SIGBUS, 7
        .set SIGFPE, 8
        .set SIGSEGV, 11
        .set SEGV_ACCERR, 2
        .set ALT_STACK_SIZE, 65536
        /* ucontext_t: uc_mcontext.gregs starts at 40; REG_RSP = 15, REG_RIP = 16, REG_ERR = 19 */
        .set UC_RSP, 40 + 15 * 8
        .set UC_RIP, 40 + 16 * 8
        .set UC_ERR, 40 + 19 * 8
        .set UC_GREGS, 40
        .set G_RDI, 8 * 8
        .set G_RSI, 9 * 8
        .set G_RDX, 12 * 8
        .set G_RAX, 13 * 8
        .set G_RIP, 16 * 8

        .text

/* void uk_linuxu_fault_init(void): sigaltstack, then the handler for SIGSEGV, SIGBUS and SIGFPE. Called by _start. */
        .globl uk_linuxu_fault_init
uk_linuxu_fault_init:
        lea     rdi, [rip + fault_altstack]             /* stack_t { ss_sp, ss_flags, ss_size } */
        lea     rax, [rip + fault_stack]
        mov     [rdi], rax
        mov     dword ptr [rdi + 8], 0
        mov     qword ptr [rdi + 16], ALT_STACK_SIZE
        xor     esi, esi
        mov     eax, SYS_sigaltstack
        syscall
        lea     rsi, [rip + fault_action]               /* kernel sigaction { handler, flags, restorer, mask } */
        lea     rax, [rip + fault_handler]
        mov     [rsi], rax
        mov     eax, 0x0C000004                         /* SA_SIGINFO | SA_ONSTACK | SA_RESTORER */
        mov     [rsi + 8], rax
        lea     rax, [rip + fault_restorer]
        mov     [rsi + 16], rax
        mov     qword ptr [rsi + 24], 0
        mov     edi, SIGSEGV
        xor     edx, edx
        mov     r10d, 8
        mov     eax, SYS_rt_sigaction
        syscall
        mov     edi, SIGBUS
        lea     rsi, [rip + fault_action]
        xor     edx, edx
        mov     r10d, 8
        mov     eax, SYS_rt_sigaction
        syscall
        mov     edi, SIGFPE
        lea     rsi, [rip + fault_action]
        xor     edx, edx
        mov     r10d, 8
        mov     eax, SYS_rt_sigaction
        syscall
        ret

fault_restorer:                                 /* after a rewrite for a managed exception: back to the thread */
        mov     eax, SYS_rt_sigreturn
        syscall
        hlt

/* fault_handler(int sig, siginfo_t* info, ucontext_t* uc), on the alternate stack. rbx = output cursor. */
fault_handler:
        mov     r15d, edi                       /* signal */
        mov     r12, rsi                        /* siginfo */
        mov     r13, rdx                        /* ucontext */
        mov     r14, [r12 + 16]                 /* si_addr */
        cmp     r15d, SIGFPE
        je      fault_managed
        cmp     r14, 0x10000
        jb      fault_managed
        lea     rbx, [rip + fault_text]
        mov     rdi, r14
        call    uk_guard_find
        cmp     edx, 1
        jne     fault_other

        /* A guard page: stack overflow. */
        mov     rbp, rax
        lea     rdi, [rip + s_overflow]
        call    out_str
        lea     rdi, [rbp + 24]
        call    out_str
        lea     rdi, [rip + s_at]
        call    out_str
        mov     rdi, r14
        call    out_hex
        lea     rdi, [rip + s_guard]
        call    out_str
        mov     rdi, [rbp]
        call    out_hex
        mov     byte ptr [rbx], '-'
        inc     rbx
        mov     rdi, [rbp + 8]
        call    out_hex
        lea     rdi, [rip + s_stack]
        call    out_str
        mov     rdi, [rbp + 8]
        call    out_hex
        mov     byte ptr [rbx], '-'
        inc     rbx
        mov     rdi, [rbp + 16]
        call    out_hex
        lea     rdi, [rip + s_rip]
        call    out_rip
        lea     rdi, [rip + s_close]
        call    out_str
        mov     ebp, 134
        jmp     fault_exit

fault_other:
        lea     rdi, [rip + s_segv]
        cmp     r15d, SIGBUS
        jne     1f
        lea     rdi, [rip + s_bus]
1:      call    out_str
        mov     rdi, [r13 + UC_RSP]             /* which thread: the stack the interrupted RSP is in */
        call    uk_guard_find
        lea     rdi, [rip + s_unknown]
        test    rax, rax
        jz      2f
        lea     rdi, [rax + 24]
2:      call    out_str
        lea     rdi, [rip + s_read]             /* page-fault error code: bit 1 write, bit 4 instruction fetch */
        mov     rax, [r13 + UC_ERR]
        test    eax, 0x10
        jz      3f
        lea     rdi, [rip + s_exec]
        jmp     4f
3:      test    eax, 2
        jz      4f
        lea     rdi, [rip + s_write]
4:      call    out_str
        mov     rdi, r14
        call    out_hex
        lea     rdi, [rip + s_unmapped]
        cmp     dword ptr [r12 + 8], SEGV_ACCERR /* si_code */
        jne     5f
        lea     rdi, [rip + s_denied]
5:      call    out_str
        cmp     r14, 4096
        jae     6f
        lea     rdi, [rip + s_null]
        call    out_str
6:      lea     rdi, [rip + s_rip2]
        call    out_rip
        lea     rdi, [rip + s_rsp]
        call    out_str
        mov     rdi, [r13 + UC_RSP]
        call    out_hex
        mov     byte ptr [rbx], '\n'
        inc     rbx
        mov     ebp, 139

/* write(2, fault_text, rbx - fault_text), then exit_group(ebp). */
fault_exit:
        lea     rsi, [rip + fault_text]
        mov     rdx, rbx
        sub     rdx, rsi
        mov     edi, 2
        mov     eax, SYS_write
        syscall
        mov     edi, ebp
        mov     eax, SYS_exit_group
        syscall
        hlt

/* A managed exception: continue in uk_eh_throw_hw(signal, RIP, RAX or the fault address) on the faulting stack. */
fault_managed:
        lea     rcx, [r13 + UC_GREGS]
        mov     rax, [rcx + G_RIP]
        mov     [rcx + G_RSI], rax
        mov     [rcx + G_RDI], r15
        mov     rax, r14
        cmp     r15d, SIGFPE
        jne     1f
        mov     rax, [rcx + G_RAX]
1:      mov     [rcx + G_RDX], rax
        lea     rax, [rip + uk_eh_throw_hw]
        mov     [rcx + G_RIP], rax
        ret                                     /* to the restorer: rt_sigreturn loads the rewritten context */

/* out_str(rdi = NUL-terminated string): appends it at rbx. */
out_str:
1:      mov     al, [rdi]
        test    al, al
        jz      2f
        mov     [rbx], al
        inc     rbx
        inc     rdi
        jmp     1b
2:      ret

/* out_hex(rdi = value): appends 0x and 16 lowercase hex digits at rbx. */
out_hex:
        mov     word ptr [rbx], 0x7830          /* "0x" */
        add     rbx, 2
        mov     ecx, 16
1:      rol     rdi, 4
        mov     eax, edi
        and     eax, 15
        cmp     eax, 10
        jb      2f
        add     eax, 'a' - '0' - 10
2:      add     eax, '0'
        mov     [rbx], al
        inc     rbx
        dec     ecx
        jnz     1b
        ret

/* out_rip(rdi = label): appends the label, then the interrupted RIP (signal context at r13) and its symbol. */
out_rip:
        call    out_str
        mov     rdi, [r13 + UC_RIP]
        call    out_hex
        mov     rdi, [r13 + UC_RIP]
        jmp     out_symbol

/* out_symbol(rdi = address): appends " <name+0xoff>" when the image's symbol table (uk_symtab, see
 * src/Build/symtab.awk; weak, absent with ComposeSymbols=false) has a function at or below the address. */
out_symbol:
        lea     rax, [rip + uk_symtab_count]
        test    rax, rax
        jz      9f
        mov     rcx, [rax]                      /* RCX = entries left */
        mov     rax, rdi
        shr     rax, 32
        jnz     9f                              /* the table holds 32-bit addresses */
        lea     r8, [rip + uk_symtab]           /* R8 = header { prefixes offset, strings offset, S } */
        lea     rsi, [r8 + 12]
        xor     r9d, r9d                        /* R9 = best entry */
1:      test    rcx, rcx
        jz      2f
        cmp     [rsi], edi
        ja      2f                              /* sorted: the first entry above the address ends the search */
        mov     r9, rsi
        add     rsi, 8
        dec     rcx
        jmp     1b
2:      test    r9, r9
        jz      9f
        mov     word ptr [rbx], 0x3c20          /* " <" */
        add     rbx, 2
        mov     r10d, edi                       /* R10 = the address (below 4 GiB) */
        mov     edi, [r9 + 4]
        call    out_symbol_name
        mov     dword ptr [rbx], 0x78302b       /* "+0x" (and a NUL the next byte overwrites) */
        add     rbx, 3
        mov     eax, r10d
        sub     eax, [r9]                       /* the offset into the function */
        mov     ecx, 28
3:      mov     edx, eax                        /* hex digits without leading zeros */
        shr     edx, cl
        and     edx, 15
        jnz     4f
        test    ecx, ecx
        jz      4f
        sub     ecx, 4
        jmp     3b
4:      mov     edx, eax
        shr     edx, cl
        and     edx, 15
        cmp     edx, 10
        jb      5f
        add     edx, 'a' - '0' - 10
5:      add     edx, '0'
        mov     [rbx], dl
        inc     rbx
        sub     ecx, 4
        jns     4b
        mov     byte ptr [rbx], '>'
        inc     rbx
9:      ret

/* out_symbol_name(edi = name ref, r8 = uk_symtab): the prefix's text (index ref >> S, 0: none; its own prefix
 * index must be lower, so the recursion ends even on a damaged table), then the string at ref & (2^S - 1).
 * Stops appending at the end of fault_text. */
out_symbol_name:
        push    rdi
        mov     ecx, [r8 + 8]
        mov     eax, edi
        shr     eax, cl                         /* EAX = prefix index */
        jz      1f
        mov     edx, [r8]
        add     rdx, r8
        mov     edi, [rdx + rax * 4 - 4]        /* prefixes[index - 1] */
        mov     edx, edi
        shr     edx, cl
        cmp     edx, eax
        jae     1f
        call    out_symbol_name
1:      pop     rdi
        mov     ecx, [r8 + 8]
        mov     eax, 1
        shl     eax, cl
        dec     eax
        and     eax, edi
        mov     edi, [r8 + 4]
        add     rdi, rax
        add     rdi, r8
        lea     rdx, [rip + fault_text + 400]   /* leave room for the rest of the report */
2:      mov     al, [rdi]
        test    al, al
        jz      3f
        cmp     rbx, rdx
        jae     3f
        mov     [rbx], al
        inc     rbx
        inc     rdi
        jmp     2b
3:      ret
        .weak   uk_symtab_count, uk_symtab

        .section .rodata
s_overflow:     .asciz "panic: stack overflow in thread '"
s_at:           .asciz "' (fault at "
s_guard:        .asciz ", guard page "
s_stack:        .asciz ", stack "
s_rip:          .asciz ", RIP "
s_close:        .asciz ")\n"
s_segv:         .asciz "panic: segmentation fault in thread '"
s_bus:          .asciz "panic: bus error in thread '"
s_unknown:      .asciz "?"
s_read:         .asciz "': read at "
s_write:        .asciz "': write at "
s_exec:         .asciz "': execute at "
s_unmapped:     .asciz " (address not mapped"
s_denied:       .asciz " (access not permitted"
s_null:         .asciz ", a null pointer"
s_rip2:         .asciz "), RIP "
s_rsp:          .asciz ", RSP "

        .bss
        .balign 16
fault_altstack: .skip 24
        .balign 8
fault_action:   .skip 32
fault_text:     .skip 512
        .balign 16
fault_stack:    .skip ALT_STACK_SIZE

        .section .note.GNU-stack,"",@progbits
