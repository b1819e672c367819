/* SPDX-License-Identifier: MIT */
/*
 * kvm boot, part 2: the 64-bit entry.
 *
 * Long mode, identity-mapped, interrupts off. Loads the data segments and the boot stack (which has an
 * unmapped guard page below it), installs the TSS (IST1 = trap stack) and the IDT, initialises COM1,
 * copies the boot information (command line, memory map) into the image, remaps and masks the PIC, splits
 * the command line, then calls the managed entry with the early object arena (bss, so the loader zeroed it)
 * and ends the VM with its return value as the exit status.
 */
#include "kvm_boot.h"

/*
 * The system module's start (Uk.CoreLib, Runtime/Startup.cs):
 *   int UkCoreLibStart(int argc, byte** argv, byte* earlyHeap, nuint earlyHeapSize)
 * It initialises the module, runs the composed boot sequence and the app, and returns the exit status.
 */
#ifndef KVM_MANAGED_ENTRY
#define KVM_MANAGED_ENTRY UkCoreLibStart
#endif

        .section .text.boot, "ax"
        .code64
        .globl  kvm_start64
kvm_start64:
        movw    $KVM_DS, %ax
        movw    %ax, %ds
        movw    %ax, %es
        movw    %ax, %ss
        xorw    %ax, %ax
        movw    %ax, %fs
        movw    %ax, %gs
        leaq    kvm_boot_stack_top(%rip), %rsp
        xorl    %ebp, %ebp
        lgdt    kvm_gdt_ptr(%rip)       /* again, now with the full 64-bit base */

        /* TSS descriptor (16 bytes at selector KVM_TSS): base = kvm_tss, limit = 103, type 0x89. */
        leaq    kvm_tss(%rip), %rax
        leaq    kvm_gdt + KVM_TSS(%rip), %rdi
        movw    $103, (%rdi)
        movw    %ax, 2(%rdi)
        shrq    $16, %rax
        movb    %al, 4(%rdi)
        movb    $0x89, 5(%rdi)
        movb    $0, 6(%rdi)
        movb    %ah, 7(%rdi)
        shrq    $16, %rax
        movl    %eax, 8(%rdi)
        movl    $0, 12(%rdi)
        leaq    kvm_trap_stack_top(%rip), %rax
        movq    %rax, kvm_tss + 36(%rip)      /* IST1 */
        movw    $104, kvm_tss + 102(%rip)     /* I/O map base beyond the limit: no I/O bitmap */
        movw    $KVM_TSS, %ax
        ltr     %ax

        call    kvm_idt_init
        call    kvm_uart_init
        call    kvm_bootinfo_copy
        call    kvm_check_memory
        movq    $0, kvm_pt(%rip)        /* boot information copied: unmap page 0, the null-pointer trap */
        invlpg  0
        call    kvm_pic_init
        call    kvm_lapic_virtual_wire
        call    kvm_args_split
        /* The boot stack's guard page in the guard registry (arch/x86_64/ukguard.S), so an overflow of the
         * main thread is reported as such by traps.S. */
        leaq    kvm_boot_stack_guard(%rip), %rdi
        leaq    kvm_boot_stack(%rip), %rsi
        leaq    kvm_boot_stack_top(%rip), %rdx
        leaq    kvm_main_name(%rip), %rcx
        movl    $4, %r8d
        call    uk_guard_add
        /* FS base = the TCB of the static TLS block (arch/x86_64/uktls.S), for thread statics. */
        call    uk_tls_setup
        movq    %rax, %rdx
        shrq    $32, %rdx
        movl    $MSR_FS_BASE, %ecx
        wrmsr

        /* The System V ABI wants RSP 16-byte aligned before a call: the stack top is. */
        movl    kvm_argc(%rip), %edi
        leaq    kvm_argv(%rip), %rsi
        leaq    kvm_early_arena(%rip), %rdx
        movl    $KVM_EARLY_HEAP_SIZE, %ecx
        call    KVM_MANAGED_ENTRY
        movl    %eax, %edi
        call    kvm_exit
1:      hlt
        jmp     1b

        .section .rodata, "a"
kvm_main_name:
        .short  'm', 'a', 'i', 'n'              /* UTF-16, as uk_guard_add takes names */

/* ---- GDT: null, 64-bit code, data, TSS (two slots). ---- */
        .section .data.kvm_gdt, "aw"
        .p2align 4
        .globl  kvm_gdt
kvm_gdt:
        .quad   0
        .quad   0x00209A0000000000      /* 0x08: code, present, DPL 0, long mode */
        .quad   0x0000920000000000      /* 0x10: data, present, writable */
        .quad   0, 0                    /* 0x18: TSS, filled at boot */
kvm_gdt_end:
        .p2align 3
        .globl  kvm_gdt_ptr
kvm_gdt_ptr:
        .word   kvm_gdt_end - kvm_gdt - 1
        .quad   kvm_gdt

        .section .bss.kvm_tss, "aw", @nobits
        .p2align 4
kvm_tss:
        .skip   104

/* ---- Boot state, read by the platform library. ---- */
        .section .bss.kvm_boot, "aw", @nobits
        .p2align 3
        .globl  kvm_boot_tsc, kvm_boot_protocol, kvm_boot_info
kvm_boot_tsc:       .skip 8     /* TSC at the first boot instruction */
kvm_boot_protocol:  .skip 4     /* KVM_BOOT_PVH or KVM_BOOT_MULTIBOOT */
                    .skip 4
kvm_boot_info:      .skip 8     /* physical address of start_info / multiboot info (only valid until copied) */

/* ---- Stacks, each above an unmapped guard page (entry32.S leaves the guard pages out of the page tables). ---- */
        .section .bss.kvm_stacks, "aw", @nobits
        .p2align 12
        .globl  kvm_boot_stack_guard, kvm_boot_stack_top, kvm_trap_stack_guard, kvm_trap_stack_top
kvm_boot_stack_guard:
        .skip   4096
kvm_boot_stack:
        .skip   KVM_BOOT_STACK_SIZE
kvm_boot_stack_top:
kvm_trap_stack_guard:
        .skip   4096
        .skip   KVM_TRAP_STACK_SIZE
kvm_trap_stack_top:

/* The early object arena: Uk.CoreLib's `new` takes zeroed memory from here until the allocator is bound. */
        .section .kvm_early_arena, "aw", @nobits   /* placed last by link64.lds.scriban */
        .p2align 12
        .globl  kvm_early_arena
kvm_early_arena:
        .skip   KVM_EARLY_HEAP_SIZE

        .section .note.GNU-stack, "", @progbits
