/*
 * linuxu boot code: the process entry of a static Linux ELF with no libc (x86-64, GNU as).
 * The kernel starts _start with rsp at argc, then the argv pointers, a NULL, envp, NULL, auxv.
 * Exports the native contract of Uk.CoreLib (see src/Libraries/Uk.CoreLib/README.md):
 *   uk_plat_console_write / uk_plat_console_error / uk_plat_exit, plus the raw syscall entry that
 *   platlinuxu's C# code uses for everything else.
 */
        .intel_syntax noprefix

        .set SYS_write, 1
        .set SYS_exit_group, 231
        .set EARLY_HEAP_SIZE, 262144

        .text
        .globl _start
_start:
        xor     ebp, ebp                /* outermost frame */
        mov     rdi, [rsp]              /* argc */
        lea     rsi, [rsp + 8]          /* argv */
        and     rsp, -16                /* SysV: 16-byte aligned before the call */
        push    rdi
        push    rsi
        call    uk_linuxu_install_fault_handlers /* faults.S: CPU faults become managed exceptions */
        pop     rsi
        pop     rdi
        lea     rdx, [rip + uk_early_heap]
        mov     ecx, EARLY_HEAP_SIZE
        call    UkCoreLibStart          /* int UkCoreLibStart(argc, argv, early heap, size) */
        mov     edi, eax
        jmp     uk_plat_exit

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
