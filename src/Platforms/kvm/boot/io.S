/* SPDX-License-Identifier: MIT */
/*
 * kvm low-level services, System V calling convention, called from the boot code and (as direct P/Invokes
 * of library "uknative") from the platform library's C# providers:
 *   COM1 ns16550 UART   kvm_uart_init, kvm_uart_putc, kvm_uart_puts, kvm_uart_write, kvm_uart_read
 *   hex/decimal output  kvm_put_hex, kvm_put_hex_short, kvm_put_dec (used by the exception report)
 *   port I/O, TSC, idle kvm_inb/outb/inw/outw/inl/outl, kvm_rdtsc, kvm_halt_irq, kvm_pic_init, kvm_irq_set_mask,
 *                       kvm_lapic_virtual_wire, boot-state accessors (kvm_free_floor, kvm_memmap_get, kvm_boot_tsc_get)
 *   shutdown            kvm_exit(status): status text on isa-debugcon, isa-debug-exit, else ACPI S5 (pc/q35),
 *                       else triple fault
 */
#include "kvm_boot.h"

        .section .text, "ax"
        .code64

/* ---- COM1 ---- */
        .globl  kvm_uart_init
kvm_uart_init:
        movw    $COM1 + 1, %dx
        xorb    %al, %al
        outb    %al, %dx                /* IER: no interrupts */
        movw    $COM1 + 3, %dx
        movb    $0x80, %al
        outb    %al, %dx                /* LCR: DLAB */
        movw    $COM1 + 0, %dx
        movb    $1, %al
        outb    %al, %dx                /* divisor 1: 115200 baud */
        movw    $COM1 + 1, %dx
        xorb    %al, %al
        outb    %al, %dx
        movw    $COM1 + 3, %dx
        movb    $0x03, %al
        outb    %al, %dx                /* 8N1 */
        /* FCR untouched: QEMU's 16550 drops the received bytes whenever the FIFO is switched on (or cleared),
         * and input can arrive before this code runs. Without FIFO it holds one byte and the host waits. */
        movw    $COM1 + 4, %dx
        movb    $0x0B, %al
        outb    %al, %dx                /* DTR, RTS, OUT2 (routes the UART's IRQ 4 to the PIC) */
        movw    $COM1 + 1, %dx
        movb    $0x01, %al
        outb    %al, %dx                /* IER: received-data interrupt (masked at the PIC except in kvm_uart_read) */
        ret

/* kvm_uart_putc(dil = byte): waits for the transmit holding register, no newline translation. */
        .globl  kvm_uart_putc
kvm_uart_putc:
        movw    $COM1 + 5, %dx
1:      inb     %dx, %al
        testb   $0x20, %al
        jz      1b
        movw    $COM1, %dx
        movb    %dil, %al
        outb    %al, %dx
        ret

/* kvm_uart_puts(rdi = NUL-terminated string). Clobbers rax, rdx, rdi, rsi. */
        .globl  kvm_uart_puts
kvm_uart_puts:
        movq    %rdi, %rsi
1:      movb    (%rsi), %dil
        testb   %dil, %dil
        jz      2f
        call    kvm_uart_putc
        incq    %rsi
        jmp     1b
2:      ret

/* kvm_uart_write(rdi = bytes, rsi = length). */
        .globl  kvm_uart_write
kvm_uart_write:
        movq    %rdi, %rcx
        leaq    (%rdi, %rsi), %r8
1:      cmpq    %r8, %rcx
        jae     2f
        movb    (%rcx), %dil
        call    kvm_uart_putc
        incq    %rcx
        jmp     1b
2:      ret

/*
 * kvm_uart_read(rdi = buffer, rsi = capacity) -> rax = bytes read: waits for one byte, then takes what is
 * there. While nothing is there the CPU halts with only IRQ 4 (COM1 received data) unmasked: idle is hlt.
 */
        .globl  kvm_uart_read
kvm_uart_read:
        xorl    %eax, %eax
        testq   %rsi, %rsi
        jz      3f
        movq    %rdi, %rcx
        xorl    %r8d, %r8d
1:      movw    $COM1 + 5, %dx
        inb     %dx, %al
        testb   $0x01, %al
        jnz     2f
        testq   %r8, %r8
        jnz     3f                      /* something read and nothing more waiting */
        pushq   %rdi
        pushq   %rcx
        movl    $0xFFEF, %edi           /* IRQ 4 only; a byte that came since the check is pending at the PIC */
        call    kvm_irq_set_mask
        sti
        hlt                             /* STI's shadow: the interrupt cannot slip in before the halt */
        cli
        movl    $0xFFFF, %edi
        call    kvm_irq_set_mask
        popq    %rcx
        popq    %rdi
        jmp     1b
2:      movw    $COM1, %dx
        inb     %dx, %al
        movb    %al, (%rcx, %r8)
        incq    %r8
        cmpq    %rsi, %r8
        jb      1b
3:      movq    %r8, %rax
        ret

/* kvm_put_hex(rdi = value): "0x" and 16 hex digits. Clobbers rax, rcx, rdx, rdi, rsi. */
        .globl  kvm_put_hex
kvm_put_hex:
        movq    %rdi, %rsi
        movb    $'0', %dil
        call    kvm_uart_putc
        movb    $'x', %dil
        call    kvm_uart_putc
        movl    $16, %ecx
1:      rolq    $4, %rsi
        movl    %esi, %eax
        andl    $15, %eax
        leaq    .Lhex(%rip), %rdi
        movb    (%rdi, %rax), %dil
        call    kvm_uart_putc
        decl    %ecx
        jnz     1b
        ret

/* kvm_put_hex_short(rdi = value): hex digits without leading zeros or prefix. */
        .globl  kvm_put_hex_short
kvm_put_hex_short:
        movq    %rdi, %rsi
        xorl    %r9d, %r9d              /* R9B: a non-zero digit was printed */
        movl    $16, %ecx
1:      rolq    $4, %rsi
        movl    %esi, %eax
        andl    $15, %eax
        cmpl    $1, %ecx
        je      2f                      /* always print the last digit */
        testl   %eax, %eax
        jnz     2f
        testb   $1, %r9b
        jz      3f
2:      movb    $1, %r9b
        leaq    .Lhex(%rip), %rdi
        movb    (%rdi, %rax), %dil
        call    kvm_uart_putc
3:      decl    %ecx
        jnz     1b
        ret

/* kvm_put_dec(rdi = value < 10^20): decimal digits. */
        .globl  kvm_put_dec
kvm_put_dec:
        subq    $24, %rsp
        movq    %rdi, %rax
        leaq    23(%rsp), %rsi
        movb    $0, (%rsi)
        movl    $10, %ecx
1:      xorl    %edx, %edx
        divq    %rcx
        addb    $'0', %dl
        decq    %rsi
        movb    %dl, (%rsi)
        testq   %rax, %rax
        jnz     1b
        movq    %rsi, %rdi
        call    kvm_uart_puts
        addq    $24, %rsp
        ret

/* ---- Port I/O, TSC, idle ---- */
        .globl  kvm_inb, kvm_outb, kvm_inw, kvm_outw, kvm_inl, kvm_outl, kvm_rdtsc, kvm_halt_irq
kvm_inb:
        movl    %edi, %edx
        xorl    %eax, %eax
        inb     %dx, %al
        ret
kvm_outb:
        movl    %edi, %edx
        movl    %esi, %eax
        outb    %al, %dx
        ret
kvm_inw:
        movl    %edi, %edx
        xorl    %eax, %eax
        inw     %dx, %ax
        ret
kvm_outw:
        movl    %edi, %edx
        movl    %esi, %eax
        outw    %ax, %dx
        ret
kvm_inl:
        movl    %edi, %edx
        inl     %dx, %eax
        ret
kvm_outl:
        movl    %edi, %edx
        movl    %esi, %eax
        outl    %eax, %dx
        ret
kvm_rdtsc:
        rdtsc
        shlq    $32, %rdx
        orq     %rdx, %rax
        ret
/* kvm_halt_irq: enable interrupts and halt until one arrives (STI's shadow makes the pair atomic), then off. */
kvm_halt_irq:
        sti
        hlt
        cli
        ret

/* ---- 8259 PIC: remap to vectors 32-47, everything masked; kvm_irq_set_mask(mask) sets both masks. ---- */
        .globl  kvm_pic_init, kvm_irq_set_mask
kvm_pic_init:
        movb    $0x11, %al
        outb    %al, $0x20              /* ICW1: init, ICW4 follows */
        outb    %al, $0xA0
        movb    $KVM_IRQ_BASE, %al
        outb    %al, $0x21              /* ICW2: vector base */
        movb    $KVM_IRQ_BASE + 8, %al
        outb    %al, $0xA1
        movb    $0x04, %al
        outb    %al, $0x21              /* ICW3: slave on IRQ2 */
        movb    $0x02, %al
        outb    %al, $0xA1
        movb    $0x01, %al
        outb    %al, $0x21              /* ICW4: 8086 mode */
        outb    %al, $0xA1
        movl    $0xFFFF, %edi
kvm_irq_set_mask:
        movl    %edi, %eax
        outb    %al, $0x21
        movb    %ah, %al
        outb    %al, $0xA1
        ret

/* ---- Boot state for the platform library ---- */
        .globl  kvm_free_floor, kvm_memmap_get, kvm_boot_tsc_get
/* kvm_free_floor() -> first byte above the image (its bss holds the early object arena): allocators start here. */
kvm_free_floor:
        leaq    _end(%rip), %rax
        ret
/* kvm_memmap_get(int* count) -> {u64 start, u64 length}*: usable RAM as the loader reported it. */
kvm_memmap_get:
        movl    kvm_memmap_count(%rip), %eax
        movl    %eax, (%rdi)
        leaq    kvm_memmap(%rip), %rax
        ret
kvm_boot_tsc_get:
        movq    kvm_boot_tsc(%rip), %rax
        ret

/*
 * kvm_lapic_virtual_wire: lets the 8259 PIC's interrupts through the local APIC (LINT0 in ExtINT mode, APIC
 * software-enabled), as PC firmware does. SeaBIOS (pc) leaves it so; qboot (microvm) does not, and without it
 * the PIT's IRQ 0 never arrives. The APIC page is identity-mapped by the 2 MiB pages below 4 GiB.
 */
        .globl  kvm_lapic_virtual_wire
kvm_lapic_virtual_wire:
        pushq   %rbx
        movl    $1, %eax
        cpuid
        popq    %rbx
        btl     $9, %edx                /* CPUID.1:EDX.APIC */
        jnc     1f
        movl    $MSR_APIC_BASE, %ecx
        rdmsr
        orl     $0x800, %eax            /* global enable */
        wrmsr
        andl    $0xFFFFF000, %eax
        movl    $(0x100 | KVM_APIC_SPURIOUS), 0xF0(%rax)   /* SVR: software enable */
        movl    $0x700, 0x350(%rax)     /* LVT LINT0: ExtINT, unmasked */
1:      ret

/* ---- kvm_exit(edi = status); uk_plat_exit and uk_plat_console_write are what Uk.CoreLib calls ---- */
        .globl  kvm_exit, uk_plat_exit, uk_plat_console_write, uk_plat_console_error
        .set    uk_plat_console_write, kvm_uart_write
        .set    uk_plat_console_error, kvm_uart_write    /* one serial line: errors go to COM1 too */
        .set    uk_plat_exit, kvm_exit
kvm_exit:
        cli
        movl    %edi, %r8d
        /*
         * 1. The whole status as signed decimal text and a newline on isa-debugcon (port 0xe9), which
         *    tools/compose-run reads back from a file: any int gets through (the runner takes it & 0xFF, as
         *    Linux does). Without the device the writes go nowhere.
         */
        movl    %r8d, %eax
        movw    $DEBUGCON_PORT, %dx
        testl   %eax, %eax
        jns     1f
        movb    $'-', %al
        outb    %al, %dx
        movl    %r8d, %eax
        negl    %eax
1:      subq    $16, %rsp
        xorl    %ecx, %ecx
        movl    $10, %r9d
2:      xorl    %edx, %edx
        divl    %r9d
        addb    $'0', %dl
        movb    %dl, (%rsp, %rcx)
        incl    %ecx
        testl   %eax, %eax
        jnz     2b
        movw    $DEBUGCON_PORT, %dx
3:      decl    %ecx
        movb    (%rsp, %rcx), %al
        outb    %al, %dx
        testl   %ecx, %ecx
        jnz     3b
        movb    $'\n', %al
        outb    %al, %dx
        addq    $16, %rsp
        /*
         * 2. isa-debug-exit: QEMU exits with (value << 1) | 1. The value is status + 1 for 0 <= status <= 125
         *    and 127 otherwise, so QEMU's 3, 5, ..., 255 map back to the status by (code - 3) / 2 when the
         *    debugcon text is not there, 126 meaning "126 or more, or negative"; QEMU's own failure code 1
         *    stays distinct.
         */
        movl    %r8d, %eax
        cmpl    $125, %eax
        ja      4f                      /* unsigned: negative statuses too */
        incl    %eax
        jmp     5f
4:      movl    $127, %eax
5:      movw    $DEBUG_EXIT_PORT, %dx
        outl    %eax, %dx
        /* 3. No isa-debug-exit: ACPI S5 through PM1a_CNT (QEMU pc and q35). */
        movw    $ACPI_PM1A_CNT, %dx
        movw    $ACPI_SLP_EN_S5, %ax
        outw    %ax, %dx
        /* 4. Still running: triple fault (QEMU -no-reboot then exits). */
        lidt    kvm_null_idt(%rip)
        int3
6:      hlt
        jmp     6b

        .section .rodata, "a"
.Lhex:  .ascii  "0123456789abcdef"
        .p2align 3
kvm_null_idt:
        .word   0
        .quad   0

        .section .note.GNU-stack, "", @progbits
