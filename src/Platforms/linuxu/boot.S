/*
 * linuxu boot code: the process entry of a static Linux ELF with no libc (x86-64, GNU as).
 * The kernel starts _start with rsp at argc, then the argv pointers, a NULL, envp, NULL, auxv.
 * _start maps the main stack with a guard page (registered in arch/x86_64/ukguard.S) and installs the fault
 * handler of fault.S before any managed code runs.
 * Exports the native contract of Uk.CoreLib (see src/Libraries/Uk.CoreLib/README.md):
 *   uk_plat_console_write / uk_plat_console_error / uk_plat_exit, plus the raw syscall entry that
 *   platlinuxu's C# code uses for everything else.
 */
        .intel_syntax noprefix

        .set SYS_write, 1
        .set SYS_exit_group, 231
        .set EARLY_HEAP_SIZE, 262144

        .set SYS_mmap, 9
        .set SYS_mprotect, 10
        .set SYS_arch_prctl, 158
        .set ARCH_SET_FS, 0x1002
        .set MAIN_STACK_SIZE, 8388608         /* like the default RLIMIT_STACK */
        .set PAGE_SIZE, 4096
        .set EX_OSERR, 71

        .text
        .globl _start
_start:
        xor     ebp, ebp                /* outermost frame */
        mov     r12, [rsp]              /* argc */
        lea     r13, [rsp + 8]          /* argv */
        /* The main stack: MAIN_STACK_SIZE bytes mapped here (lazily backed) above a PROT_NONE guard page, so that
         * its overflow faults in a page the fault handler knows, whatever the process's stack rlimit. */
        mov     eax, SYS_mmap
        xor     edi, edi
        mov     esi, MAIN_STACK_SIZE + PAGE_SIZE
        mov     edx, 3                  /* PROT_READ | PROT_WRITE */
        mov     r10d, 0x24022           /* MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK */
        mov     r8, -1
        xor     r9d, r9d
        syscall
        cmp     rax, -4096
        ja      no_stack
        mov     r14, rax                /* guard page */
        mov     eax, SYS_mprotect
        mov     rdi, r14
        mov     esi, PAGE_SIZE
        xor     edx, edx                /* PROT_NONE */
        syscall
        mov     rdi, r14                /* uk_guard_add(guard, stack_lo, stack_hi, "main", 4) */
        lea     rsi, [r14 + PAGE_SIZE]
        lea     rdx, [rsi + MAIN_STACK_SIZE]
        lea     rcx, [rip + main_name]
        mov     r8d, 4
        call    uk_guard_add
        call    uk_linuxu_fault_init    /* SIGSEGV/SIGBUS reports on an alternate stack (fault.S) */
        call    uk_tls_setup            /* the TLS block for thread statics (arch/x86_64/uktls.S) */
        mov     rsi, rax
        mov     edi, ARCH_SET_FS
        mov     eax, SYS_arch_prctl
        syscall
        lea     rsp, [r14 + PAGE_SIZE + MAIN_STACK_SIZE]  /* page-aligned, so 16-byte aligned for the call */
        mov     rdi, r12
        mov     rsi, r13
        lea     rdx, [rip + uk_early_heap]
        mov     ecx, EARLY_HEAP_SIZE
        call    UkCoreLibStart          /* int UkCoreLibStart(argc, argv, early heap, size) */
        mov     edi, eax
        jmp     uk_plat_exit

no_stack:
        mov     edi, 2
        lea     rsi, [rip + no_stack_text]
        mov     edx, no_stack_text_end - no_stack_text
        mov     eax, SYS_write
        syscall
        mov     edi, EX_OSERR
        jmp     uk_plat_exit

        .section .rodata
main_name:
        .short  'm', 'a', 'i', 'n'      /* UTF-16, as uk_guard_add takes names */
no_stack_text:
        .ascii  "panic: platlinuxu: mmap of the 8 MiB main stack failed\n"
no_stack_text_end:
        .text

/* void uk_plat_exit(int status): exit_group, never returns. */
        .globl uk_plat_exit
uk_plat_exit:
        mov     eax, SYS_exit_group
        syscall
        hlt

/* write(fd, buf, len) until done or error. rdi = fd, rsi = buf, rdx = len. */
write_all:
1:      test    rdx, rdx
        jz      2f
        mov     eax, SYS_write
        push    rdi
        push    rsi
        push    rdx
        syscall
        pop     rdx
        pop     rsi
        pop     rdi
        cmp     rax, -4                 /* EINTR: retry */
        je      1b
        test    rax, rax
        jle     2f                      /* error or nothing written: give up */
        add     rsi, rax
        sub     rdx, rax
        jmp     1b
2:      ret

/* void uk_plat_console_write(const uint8_t* buf, size_t len): stdout. */
        .globl uk_plat_console_write
uk_plat_console_write:
        mov     rdx, rsi
        mov     rsi, rdi
        mov     edi, 1
        jmp     write_all

/* void uk_plat_console_error(const uint8_t* buf, size_t len): stderr. */
        .globl uk_plat_console_error
uk_plat_console_error:
        mov     rdx, rsi
        mov     rsi, rdi
        mov     edi, 2
        jmp     write_all

/* long uk_linuxu_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6):
 * the Linux syscall ABI takes nr in rax and arguments in rdi, rsi, rdx, r10, r8, r9; returns -errno. */
        .globl uk_linuxu_syscall
uk_linuxu_syscall:
        mov     rax, rdi
        mov     rdi, rsi
        mov     rsi, rdx
        mov     rdx, rcx
        mov     r10, r8
        mov     r8, r9
        mov     r9, [rsp + 8]
        syscall
        ret

        .bss
        .balign 16
/* Objects allocated before the allocator is bound (Uk.CoreLib's early arena). */
uk_early_heap:
        .skip   EARLY_HEAP_SIZE

        .section .note.GNU-stack,"",@progbits
