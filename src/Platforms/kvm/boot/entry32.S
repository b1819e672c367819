/* SPDX-License-Identifier: MIT */
/*
 * kvm boot, part 1: the boot protocol headers and the 32-bit entry.
 *
 * Both loaders enter here in 32-bit protected mode, flat segments, paging off, interrupts off:
 *   PVH       (ELF note XEN_ELFNOTE_PHYS32_ENTRY)  EBX = physical address of hvm_start_info
 *   multiboot (header with a.out address fields)   EAX = 0x2BADB002, EBX = multiboot info
 * The code records which protocol booted, builds the identity page tables with W^X permissions, enables
 * PAE, long mode, NX (when the CPU has it), write protection and SSE, and jumps to the 64-bit entry.
 * No stack is used before the jump. The image is linked and loaded at 1 MiB (link64.lds.scriban).
 */
#include "kvm_boot.h"

/* ---- Multiboot 1 header: first bytes of .text, within the first 8 KiB of the file. ----
 * QEMU prefers multiboot when both headers are present; -DKVM_NO_MULTIBOOT builds a PVH-only image. */
#ifndef KVM_NO_MULTIBOOT
        .section .multiboot_header, "a"
        .p2align 2
kvm_multiboot_header:
        .long   MB_HEADER_MAGIC
        .long   MB_HEADER_FLAGS
        .long   -(MB_HEADER_MAGIC + MB_HEADER_FLAGS)
        .long   kvm_multiboot_header    /* header_addr */
        .long   _kvm_image_start        /* load_addr: the file is loaded linearly from here ... */
        .long   _edata                  /* load_end_addr: ... to the end of .data */
        .long   _end                    /* bss_end_addr: the loader zeroes up to here */
        .long   kvm_multiboot_start     /* entry_addr */
#endif

/* ---- PVH ELF note: QEMU reads a pointer-sized entry address. ---- */
        .section .note.Xen, "a", @note
        .p2align 2
        .long   4                       /* namesz */
        .long   8                       /* descsz */
        .long   XEN_ELFNOTE_PHYS32_ENTRY
        .asciz  "Xen"
        .p2align 2
        .quad   kvm_pvh_start

        .section .text.boot, "ax"
        .code32

/* PVH entry. */
        .globl  kvm_pvh_start
kvm_pvh_start:
        rdtsc                           /* first instruction: TSC at boot, for the boot-time report */
        movl    %eax, kvm_boot_tsc
        movl    %edx, kvm_boot_tsc + 4
        movl    $KVM_BOOT_PVH, kvm_boot_protocol
        movl    %ebx, kvm_boot_info
        jmp     kvm_start32

/* Multiboot entry. */
        .globl  kvm_multiboot_start
kvm_multiboot_start:
        movl    %eax, %esi              /* rdtsc clobbers EAX: keep the loader magic */
        rdtsc
        movl    %eax, kvm_boot_tsc
        movl    %edx, kvm_boot_tsc + 4
        cmpl    $MB_LOADER_MAGIC, %esi
        jne     kvm_halt32
        movl    $KVM_BOOT_MULTIBOOT, kvm_boot_protocol
        movl    %ebx, kvm_boot_info

kvm_start32:
        cli
        cld

        /* NX available? CPUID 0x80000001 EDX bit 20. EBP = high dword of every no-execute entry. */
        xorl    %ebp, %ebp
        movl    $0x80000000, %eax
        cpuid
        cmpl    $0x80000001, %eax
        jb      1f
        movl    $0x80000001, %eax
        cpuid
        btl     $20, %edx
        jnc     1f
        movl    $PTE_NX_HIGH, %ebp
1:
        /* PML4[0] -> PDPT; PDPT[0..3] -> the four page directories (0 - 4 GiB). */
        movl    $kvm_pdpt, %eax
        orl     $(PTE_P | PTE_RW), %eax
        movl    %eax, kvm_pml4
        xorl    %ecx, %ecx
2:      movl    %ecx, %eax
        shll    $12, %eax
        addl    $kvm_pd, %eax
        orl     $(PTE_P | PTE_RW), %eax
        movl    %eax, kvm_pdpt(, %ecx, 8)
        incl    %ecx
        cmpl    $KVM_PD_COUNT, %ecx
        jb      2b

        /* PD entries: the first KVM_PT_COUNT point to 4 KiB page tables, the rest map 2 MiB pages RW+NX. */
        xorl    %ecx, %ecx
3:      cmpl    $KVM_PT_COUNT, %ecx
        jae     4f
        movl    %ecx, %eax
        shll    $12, %eax
        addl    $kvm_pt, %eax
        orl     $(PTE_P | PTE_RW), %eax
        movl    %eax, kvm_pd(, %ecx, 8)
        jmp     5f
4:      movl    %ecx, %eax
        shll    $21, %eax
        orl     $(PTE_P | PTE_RW | PTE_PS), %eax
        movl    %eax, kvm_pd(, %ecx, 8)
        movl    %ebp, kvm_pd + 4(, %ecx, 8)
5:      incl    %ecx
        cmpl    $(KVM_PD_COUNT * 512), %ecx
        jb      3b

        /*
         * PT entries, one per 4 KiB page of the first KVM_PT_COUNT * 2 MiB:
         *   the stack guard pages               not present (stack-overflow traps)
         *   [_kvm_image_start, _etext)          present, read-only, executable (text)
         *   [_rodata_start, _erodata)           present, read-only, no-execute
         *   everything else                     present, read-write, no-execute (data, bss, low memory)
         * Page 0 stays mapped until the boot information (which PVH loaders may put there) is copied;
         * entry64.S then unmaps it as the null-pointer trap.
         */
        xorl    %ecx, %ecx              /* ECX = page index, EAX = page address */
6:      movl    %ecx, %eax
        shll    $12, %eax
        xorl    %edx, %edx              /* EDX = high dword */
        cmpl    $kvm_boot_stack_guard, %eax
        je      8f
        cmpl    $kvm_trap_stack_guard, %eax
        je      8f
        cmpl    $_kvm_image_start, %eax
        jb      7f
        cmpl    $_etext, %eax
        jae     10f
        orl     $PTE_P, %eax            /* text: RX */
        jmp     9f
10:     cmpl    $_rodata_start, %eax
        jb      7f
        cmpl    $_erodata, %eax
        jae     7f
        orl     $PTE_P, %eax            /* rodata: RO, NX */
        movl    %ebp, %edx
        jmp     9f
7:      orl     $(PTE_P | PTE_RW), %eax /* data: RW, NX */
        movl    %ebp, %edx
        jmp     9f
8:      xorl    %eax, %eax              /* not present */
9:      movl    %eax, kvm_pt(, %ecx, 8)
        movl    %edx, kvm_pt + 4(, %ecx, 8)
        incl    %ecx
        cmpl    $(KVM_PT_COUNT * 512), %ecx
        jb      6b

        /* CR3, PAE and SSE in CR4, long mode (and NX) in EFER, then paging with write protection in CR0. */
        movl    $kvm_pml4, %eax
        movl    %eax, %cr3
        movl    %cr4, %eax
        orl     $(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT), %eax
        movl    %eax, %cr4
        movl    $MSR_EFER, %ecx
        rdmsr
        orl     $EFER_LME, %eax
        testl   %ebp, %ebp
        jz      11f
        orl     $EFER_NXE, %eax
11:     wrmsr
        movl    %cr0, %eax
        andl    $~CR0_EM, %eax
        orl     $(CR0_PG | CR0_PE | CR0_WP | CR0_MP), %eax
        movl    %eax, %cr0

        lgdt    kvm_gdt_ptr             /* 32-bit lgdt reads the low 4 bytes of the 8-byte base */
        ljmp    $KVM_CS64, $kvm_start64

kvm_halt32:
        cli
        hlt
        jmp     kvm_halt32

/* ---- Page tables (zeroed bss, filled above). ---- */
        .section .bss.pagetables, "aw", @nobits
        .p2align 12
        .globl  kvm_pml4, kvm_pd, kvm_pt
kvm_pml4:       .skip 4096
kvm_pdpt:       .skip 4096
kvm_pd:         .skip 4096 * KVM_PD_COUNT
kvm_pt:         .skip 4096 * KVM_PT_COUNT

        .section .note.GNU-stack, "", @progbits
