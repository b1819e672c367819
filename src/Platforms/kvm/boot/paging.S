/* SPDX-License-Identifier: MIT */
/*
 * kvm paging at run time: guard pages under thread stacks (platkvm's IStackGuard, KvmStackGuard.cs).
 *
 * entry32.S maps RAM above the first KVM_PT_COUNT * 2 MiB with 2 MiB pages; a guard page needs a 4 KiB
 * entry. kvm_page_set_present splits the 2 MiB page holding the address into a page table taken from
 * kvm_split_pts (KVM_SPLIT_PT_COUNT tables in bss, never given back: a split page stays split) with the same
 * permissions (present, RW, NX), reloads CR3, then sets or clears the present bit of the 4 KiB entry and
 * invalidates it. Single CPU: no shootdown.
 */
#include "kvm_boot.h"

        .section .text, "ax"
        .code64

/*
 * int kvm_page_set_present(uint64_t address, int present): 0 on success; -1 when the address is not in the
 * mapped 4 GiB, its 2 MiB page is not present, or no page table is left for a split.
 */
        .globl  kvm_page_set_present
kvm_page_set_present:
        movq    %rdi, %rax
        shrq    $21, %rax                       /* index over the KVM_PD_COUNT page directories */
        cmpq    $(KVM_PD_COUNT * 512), %rax
        jae     9f
        leaq    kvm_pd(%rip), %rcx
        leaq    (%rcx, %rax, 8), %rcx           /* RCX = &PDE */
        movq    (%rcx), %rax
        testq   $PTE_P, %rax
        jz      9f
        testq   $PTE_PS, %rax
        jz      3f

        /* A 2 MiB page: split it into a fresh page table of 512 entries with its permissions. */
        movl    kvm_split_used(%rip), %edx
        cmpl    $KVM_SPLIT_PT_COUNT, %edx
        jae     9f
        incl    kvm_split_used(%rip)
        shlq    $12, %rdx
        leaq    kvm_split_pts(%rip), %r8
        addq    %rdx, %r8                       /* R8 = the new page table */
        movabsq $0x000FFFFFFFE00000, %r10
        movq    %rax, %r9
        andq    %r10, %r9                       /* R9 = physical base of the 2 MiB page */
        movabsq $0x8000000000000FFF, %r10
        andq    %r10, %rax
        andq    $~PTE_PS, %rax                  /* RAX = P, RW, NX (and A/D) for 4 KiB entries */
        orq     %r9, %rax
        xorl    %edx, %edx
1:      movq    %rax, (%r8, %rdx, 8)
        addq    $4096, %rax
        incl    %edx
        cmpl    $512, %edx
        jb      1b
        movq    %r8, %rax
        orq     $(PTE_P | PTE_RW), %rax         /* NX stays on the 4 KiB entries */
        movq    %rax, (%rcx)
        movq    %cr3, %rax                      /* drop the 2 MiB translation */
        movq    %rax, %cr3

        /* The 4 KiB entry: set or clear its present bit, then forget the old translation. */
3:      movq    (%rcx), %rax
        movabsq $0x000FFFFFFFFFF000, %r10
        andq    %r10, %rax                      /* the page table (identity-mapped) */
        movq    %rdi, %rdx
        shrq    $12, %rdx
        andl    $511, %edx
        leaq    (%rax, %rdx, 8), %rax           /* RAX = &PTE */
        testl   %esi, %esi
        jz      4f
        orq     $PTE_P, (%rax)
        jmp     5f
4:      andq    $~PTE_P, (%rax)
5:      invlpg  (%rdi)
        xorl    %eax, %eax
        ret
9:      movl    $-1, %eax
        ret

        /* .ukbss: after every .bss input, so that with too little RAM the boot tables still fit (bootinfo.S). */
        .section .ukbss.kvm_split, "aw", @nobits
        .p2align 12
kvm_split_pts:
        .skip   4096 * KVM_SPLIT_PT_COUNT
        .p2align 2
kvm_split_used:
        .skip   4

        .section .note.GNU-stack, "", @progbits
