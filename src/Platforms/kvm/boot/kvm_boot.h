/* SPDX-License-Identifier: MIT */
/*
 * Constants shared by the kvm boot sources (GNU assembler through `gcc -c`).
 * The linker template (link64.lds.scriban) provides the section bounds used here:
 * _kvm_image_start, _etext, _rodata_start, _erodata, _edata, _end.
 */
#ifndef KVM_BOOT_H
#define KVM_BOOT_H

/* Boot protocols, stored in kvm_boot_protocol. */
#define KVM_BOOT_PVH        1
#define KVM_BOOT_MULTIBOOT  2

/* Multiboot 1 header: magic, flags (page-align modules, memory info, a.out kludge address fields). */
#define MB_HEADER_MAGIC     0x1BADB002
#define MB_HEADER_FLAGS     0x00010003
#define MB_LOADER_MAGIC     0x2BADB002

/* PVH: ELF note "Xen", type XEN_ELFNOTE_PHYS32_ENTRY; start_info magic. */
#define XEN_ELFNOTE_PHYS32_ENTRY 18
#define PVH_START_MAGIC     0x336ec578

/* Segment selectors of the GDT in entry64.S. */
#define KVM_CS64            0x08
#define KVM_DS              0x10
#define KVM_TSS             0x18

/* Control registers and MSRs. */
#define CR0_PE              (1 << 0)
#define CR0_MP              (1 << 1)
#define CR0_EM              (1 << 2)
#define CR0_WP              (1 << 16)
#define CR0_PG              (1 << 31)
#define CR4_PAE             (1 << 5)
#define CR4_OSFXSR          (1 << 9)
#define CR4_OSXMMEXCPT      (1 << 10)
#define MSR_EFER            0xC0000080
#define MSR_FS_BASE         0xC0000100
#define EFER_LME            (1 << 8)
#define EFER_NXE            (1 << 11)

/* Page table entry bits (low dword) and the NX bit (bit 31 of the high dword). */
#define PTE_P               0x001
#define PTE_RW              0x002
#define PTE_PS              0x080
#define PTE_NX_HIGH         0x80000000

/* The first KVM_PT_COUNT 2 MiB chunks are mapped with 4 KiB pages (W^X granularity); the image must end below. */
#define KVM_PT_COUNT        2
#define KVM_PD_COUNT        4   /* 4 page directories of 2 MiB pages: 0 - 4 GiB */

/* Page tables in bss for splitting 2 MiB pages at run time (boot/paging.S: guard pages under thread stacks);
 * each covers 2 MiB of RAM. */
#define KVM_SPLIT_PT_COUNT  16

/* Stacks (bytes). Each has an unmapped guard page directly below it. */
#define KVM_BOOT_STACK_SIZE 65536
#define KVM_TRAP_STACK_SIZE 16384

/* Boot information copied out of PVH start_info / multiboot info before anything else runs. */
#define KVM_CMDLINE_MAX     4096
#define KVM_MEMMAP_MAX      32
#define KVM_ARGS_MAX        64      /* words of the command line kept (boot and app arguments together) */

/* The early object arena Uk.CoreLib allocates from before the composed allocator is bound: part of bss, so
 * the loader zeroes it (multiboot bss_end_addr, the PVH ELF loader's memsz), and below _end, so allocators
 * never get it. */
#define KVM_EARLY_HEAP_SIZE 0x20000

/* COM1 ns16550 UART. */
#define COM1                0x3F8

/* isa-debug-exit (QEMU: -device isa-debug-exit,iobase=0xf4,iosize=0x04) and ACPI PM1a control (pc, q35). */
#define DEBUG_EXIT_PORT     0xF4
/* isa-debugcon (QEMU: -device isa-debugcon,iobase=0xe9,chardev=...): the full exit status as decimal text. */
#define DEBUGCON_PORT       0xE9
#define ACPI_PM1A_CNT       0x604
#define ACPI_SLP_EN_S5      0x2000

/* Exit status of an image stopped by a CPU exception (sysexits EX_SOFTWARE). */
#define KVM_EXIT_CPU_EXCEPTION 70
/* Exit status of an image stopped by a stack overflow (a page fault in a guard page): an abort, as on linuxu. */
#define KVM_EXIT_STACK_OVERFLOW 134
/* Exit status of an image whose RAM ends inside the image or its early arena (sysexits EX_OSERR). */
#define KVM_EXIT_NO_MEMORY  71

/* 8259 PIC vectors after remapping; IRQ0 is the PIT timer. */
#define KVM_IRQ_BASE        32
/* Local APIC spurious-interrupt vector (right after the PIC's), and the number of IDT vectors in use. */
#define KVM_APIC_SPURIOUS   (KVM_IRQ_BASE + 16)
#define KVM_IDT_VECTORS     (KVM_APIC_SPURIOUS + 1)
#define MSR_APIC_BASE       0x1B

#endif
