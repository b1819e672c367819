/* SPDX-License-Identifier: MIT */
/*
 * kvm boot information: copies the command line and the usable RAM ranges out of the loader's structures
 * (PVH hvm_start_info or multiboot info) into the image before anything can reuse that memory. The loader's
 * structures may lie just above the image (QEMU's multiboot does that), where the heap will be.
 *
 *   kvm_cmdline[KVM_CMDLINE_MAX]  NUL-terminated, kvm_cmdline_length bytes
 *   kvm_memmap[KVM_MEMMAP_MAX]    {u64 start, u64 length} of usable RAM, kvm_memmap_count entries
 *   kvm_initrd_start, _size       the first boot module (QEMU -initrd), left where the loader put it;
 *                                 kvm_module_count modules in all (only the first is used)
 * Without a memory map from the loader, the CMOS memory size registers (QEMU fills them) give one range.
 */
#include "kvm_boot.h"

        .section .text.boot, "ax"
        .code64
        .globl  kvm_bootinfo_copy
kvm_bootinfo_copy:
        pushq   %rbx
        movq    kvm_boot_info(%rip), %rbx
        movl    kvm_boot_protocol(%rip), %eax
        cmpl    $KVM_BOOT_PVH, %eax
        je      .Lpvh
        cmpl    $KVM_BOOT_MULTIBOOT, %eax
        je      .Lmultiboot
        jmp     .Lcmos

.Lpvh:  /* hvm_start_info: magic 0, version 4, cmdline_paddr 24, memmap_paddr 40, memmap_entries 48 */
        cmpl    $PVH_START_MAGIC, (%rbx)
        jne     .Lcmos
        movq    24(%rbx), %rsi
        call    kvm_copy_cmdline
        movl    12(%rbx), %ecx          /* nr_modules; modlist_paddr 16: entries {paddr 0, size 8, cmdline 16}, 32 bytes */
        testl   %ecx, %ecx
        jz      7f
        movq    16(%rbx), %rsi
        testq   %rsi, %rsi
        jz      7f
        movl    %ecx, kvm_module_count(%rip)
        movq    (%rsi), %rax
        movq    %rax, kvm_initrd_start(%rip)
        movq    8(%rsi), %rax
        movq    %rax, kvm_initrd_size(%rip)
7:      cmpl    $1, 4(%rbx)
        jb      .Lcmos
        movq    40(%rbx), %rsi
        movl    48(%rbx), %ecx
1:      testl   %ecx, %ecx              /* entry: addr 0, size 8, type 16 (1 = RAM), 24 bytes */
        jz      .Ldone
        cmpl    $1, 16(%rsi)
        jne     2f
        movq    (%rsi), %rdi
        movq    8(%rsi), %rdx
        call    kvm_add_region
2:      addq    $24, %rsi
        decl    %ecx
        jmp     1b

.Lmultiboot:  /* multiboot info: flags 0, mem_upper 8, cmdline 16, mmap_length 44, mmap_addr 48 */
        movl    (%rbx), %r8d
        btl     $2, %r8d
        jnc     1f
        movl    16(%rbx), %esi
        call    kvm_skip_word           /* multiboot loaders (QEMU, GRUB) put the kernel's path first */
        call    kvm_copy_cmdline
1:      btl     $3, %r8d                /* mods_count 20, mods_addr 24: entries {mod_start 0, mod_end 4 (exclusive), string 8}, 16 bytes */
        jnc     7f
        movl    20(%rbx), %ecx
        testl   %ecx, %ecx
        jz      7f
        movl    24(%rbx), %esi
        movl    %ecx, kvm_module_count(%rip)
        movl    (%rsi), %eax
        movl    4(%rsi), %edx
        cmpl    %eax, %edx
        jb      7f                      /* end before start: not a module we can use */
        movq    %rax, kvm_initrd_start(%rip)
        subl    %eax, %edx
        movq    %rdx, kvm_initrd_size(%rip)
7:      btl     $6, %r8d
        jnc     3f
        movl    48(%rbx), %esi
        movl    44(%rbx), %r9d
        addq    %rsi, %r9               /* R9 = end of the map */
2:      cmpq    %r9, %rsi               /* entry: size -4 (from the entry's start: 0), addr 4, len 12, type 20 */
        jae     .Ldone
        cmpl    $1, 20(%rsi)
        jne     4f
        movq    4(%rsi), %rdi
        movq    12(%rsi), %rdx
        call    kvm_add_region
4:      movl    (%rsi), %eax
        leaq    4(%rsi, %rax), %rsi
        jmp     2b
3:      btl     $0, %r8d                /* only mem_upper: KiB above 1 MiB */
        jnc     .Lcmos
        movl    $0x100000, %edi
        movl    8(%rbx), %edx
        shlq    $10, %rdx
        call    kvm_add_region
        jmp     .Ldone

.Lcmos: /* CMOS 0x34/0x35: 64 KiB units above 16 MiB; else 0x30/0x31: KiB above 1 MiB */
        movb    $0x35, %al
        call    kvm_cmos_read
        movl    %eax, %ebx
        shll    $8, %ebx
        movb    $0x34, %al
        call    kvm_cmos_read
        orl     %eax, %ebx
        jz      1f
        shlq    $16, %rbx
        leaq    0xF00000(%rbx), %rdx
        jmp     2f
1:      movb    $0x31, %al
        call    kvm_cmos_read
        movl    %eax, %ebx
        shll    $8, %ebx
        movb    $0x30, %al
        call    kvm_cmos_read
        orl     %eax, %ebx
        shlq    $10, %rbx
        movq    %rbx, %rdx
2:      movl    $0x100000, %edi
        call    kvm_add_region
.Ldone:
        popq    %rbx
        ret

/*
 * kvm_check_memory: the RAM range holding 1 MiB must reach past the image (whose bss holds the stacks, page
 * tables and early arena); otherwise say how much is needed and stop (the loader put the image there, but
 * with too little RAM its bss lands beyond the end).
 */
        .globl  kvm_check_memory
kvm_check_memory:
        leaq    _end(%rip), %r8                         /* R8 = first byte that need not exist */
        leaq    kvm_memmap(%rip), %rsi
        movl    kvm_memmap_count(%rip), %ecx
        xorl    %r9d, %r9d                              /* R9 = end of the range holding 1 MiB */
1:      testl   %ecx, %ecx
        jz      2f
        movq    (%rsi), %rax
        cmpq    $0x100000, %rax
        ja      3f
        addq    8(%rsi), %rax
        cmpq    $0x100000, %rax
        jbe     3f
        movq    %rax, %r9
3:      addq    $16, %rsi
        decl    %ecx
        jmp     1b
2:      cmpq    %r8, %r9
        jb      4f
        ret
4:      leaq    .Lno_mem1(%rip), %rdi
        call    kvm_uart_puts
        leaq    -0x100000(%r8), %rdi
        shrq    $10, %rdi
        call    kvm_put_dec
        leaq    .Lno_mem2(%rip), %rdi
        call    kvm_uart_puts
        movq    %r9, %rdi
        subq    $0x100000, %rdi
        jae     5f
        xorl    %edi, %edi
5:      shrq    $10, %rdi
        call    kvm_put_dec
        leaq    .Lno_mem3(%rip), %rdi
        call    kvm_uart_puts
        movl    $KVM_EXIT_NO_MEMORY, %edi
        call    kvm_exit

        .section .rodata.str, "a"
.Lno_mem1:  .asciz "[kvm] not enough memory: the image needs "
.Lno_mem2:  .asciz " KiB of RAM above 1 MiB, the VM has "
.Lno_mem3:  .asciz " KiB there; give the VM more memory (-m)\n"
        .section .text.boot, "ax"

/* kvm_cmos_read(al = register) -> eax */
kvm_cmos_read:
        outb    %al, $0x70
        xorl    %eax, %eax
        inb     $0x71, %al
        ret

/* kvm_skip_word(rsi = string or 0) -> rsi past the first word and the blanks after it */
kvm_skip_word:
        testq   %rsi, %rsi
        jz      3f
1:      movb    (%rsi), %al
        testb   %al, %al
        jz      3f
        cmpb    $' ', %al
        je      2f
        incq    %rsi
        jmp     1b
2:      incq    %rsi
        cmpb    $' ', (%rsi)
        je      2b
3:      ret

/* kvm_copy_cmdline(rsi = physical address or 0) */
kvm_copy_cmdline:
        xorl    %ecx, %ecx
        testq   %rsi, %rsi
        jz      2f
        leaq    kvm_cmdline(%rip), %rdi
1:      movb    (%rsi, %rcx), %al
        testb   %al, %al
        jz      2f
        movb    %al, (%rdi, %rcx)
        incl    %ecx
        cmpl    $KVM_CMDLINE_MAX - 1, %ecx
        jb      1b
2:      movl    %ecx, kvm_cmdline_length(%rip)
        ret

/* kvm_initrd_get(rdi = u64* size, rsi = int* module count) -> rax = physical address of the first module
 * (0 with size 0 when the loader gave none). */
        .globl  kvm_initrd_get
kvm_initrd_get:
        movq    kvm_initrd_size(%rip), %rax
        movq    %rax, (%rdi)
        movl    kvm_module_count(%rip), %eax
        movl    %eax, (%rsi)
        movq    kvm_initrd_start(%rip), %rax
        ret

/* kvm_add_region(rdi = start, rdx = length): appends when there is room. Preserves rcx, rsi. */
kvm_add_region:
        movl    kvm_memmap_count(%rip), %eax
        cmpl    $KVM_MEMMAP_MAX, %eax
        jae     1f
        shll    $4, %eax
        leaq    kvm_memmap(%rip), %r10
        movq    %rdi, (%r10, %rax)
        movq    %rdx, 8(%r10, %rax)
        incl    kvm_memmap_count(%rip)
1:      ret

        .section .bss.kvm_bootinfo, "aw", @nobits
        .p2align 3
        .globl  kvm_cmdline, kvm_cmdline_length, kvm_memmap, kvm_memmap_count
        .globl  kvm_initrd_start, kvm_initrd_size, kvm_module_count
kvm_initrd_start:   .skip 8
kvm_initrd_size:    .skip 8
kvm_module_count:   .skip 4
                    .skip 4
kvm_memmap:         .skip 16 * KVM_MEMMAP_MAX
kvm_memmap_count:   .skip 4
kvm_cmdline_length: .skip 4
kvm_cmdline:        .skip KVM_CMDLINE_MAX

        .section .note.GNU-stack, "", @progbits
