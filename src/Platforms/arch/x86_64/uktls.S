/*
 * Thread-local storage for x86-64 images (linuxu, kvm; GNU as, Intel syntax): the one static TLS block that
 * ILC-generated code reaches through the FS base, for [ThreadStatic] fields (Uk.CoreLib Runtime/ThreadStatics.cs).
 *
 * Layout (ELF TLS variant II): the block, round_up(memsz, align) bytes, ends right below the thread control block
 * (TCB), whose first word points to itself (fs:0). ILC's code reads its TLS root `tls_InlinedThreadStatics` at a
 * negative offset from fs:0 (the static link relaxes the general-dynamic sequence to local-exec; __tls_get_addr
 * below serves a sequence that is not relaxed). There is one block for the one CPU: per-thread values come from
 * ukschedcoop, which swaps the root's content (a reference to the running thread's storage object) at every
 * context switch. The linker templates define __uk_tls_start/__uk_tls_data_end/__uk_tls_end/__uk_tls_align around
 * .tdata and .tbss and assert that the block fits UK_TLS_AREA.
 * Listed as a ComposeBootSource by both platforms' Platform.targets; the platform loads FS with the TCB.
 */
        .intel_syntax noprefix

        .set UK_TLS_AREA, 4096

        .text

/* void* uk_tls_setup(void): copies .tdata into the block, writes the TCB's self pointer, returns the TCB. */
        .globl uk_tls_setup
uk_tls_setup:
        mov     rcx, OFFSET __uk_tls_end
        sub     rcx, OFFSET __uk_tls_start      /* memsz */
        mov     rdx, OFFSET __uk_tls_align
        test    rdx, rdx
        jnz     1f
        mov     edx, 1
1:      lea     rcx, [rcx + rdx - 1]
        neg     rdx
        and     rcx, rdx                        /* round_up(memsz, align) */
        mov     [rip + uk_tls_rsize], rcx
        lea     rax, [rip + uk_tls_tcb]
        mov     [rax], rax                      /* fs:0 = the TCB itself */
        mov     rdi, rax
        sub     rdi, rcx                        /* the block */
        mov     rsi, OFFSET __uk_tls_start
        mov     rcx, OFFSET __uk_tls_data_end
        sub     rcx, rsi
        cld
        rep movsb                               /* .tdata image; .tbss stays zero (bss) */
        ret

/* void* __tls_get_addr(struct { uint64 module, offset }*): the static block's address of that offset. */
        .globl __tls_get_addr
__tls_get_addr:
        mov     rax, fs:0
        sub     rax, [rip + uk_tls_rsize]
        add     rax, [rdi + 8]
        ret

        /* .ukbss: zeroed like .bss, placed after every .bss input (kvm: after its page tables and stacks). */
        .section .ukbss, "aw", @nobits
        .balign 8
uk_tls_rsize:
        .skip   8
        .balign 64
uk_tls_area:
        .skip   UK_TLS_AREA
        .globl uk_tls_tcb
uk_tls_tcb:
        .skip   64

        .section .note.GNU-stack,"",@progbits
