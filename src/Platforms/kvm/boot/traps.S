/* SPDX-License-Identifier: MIT */
/*
 * kvm traps: the IDT, a stub per CPU exception (vectors 0-31), the exception report, and the PIC IRQ handlers.
 *
 * Every exception runs on the trap stack (IST1), so a boot-stack overflow into its guard page still reports.
 * The report goes to COM1: vector and name, error code, RIP (with the nearest symbol when the image carries a
 * symbol table, uk_symtab), CS, RFLAGS, RSP, CR2, CR3 and the general registers; then the VM exits with
 * status KVM_EXIT_CPU_EXCEPTION. A page fault in a registered guard page (arch/x86_64/ukguard.S: the boot stack,
 * ukschedcoop's thread stacks) is reported as "[kvm] panic: stack overflow in thread '<name>' (...)" instead, and
 * the VM exits with KVM_EXIT_STACK_OVERFLOW. Interrupts: IRQ0 (PIT) counts kvm_timer_ticks; all IRQs get an EOI.
 */
#include "kvm_boot.h"

/* Frame offsets after kvm_trap_common pushed the 15 general registers. */
#define F_R15 0
#define F_R14 8
#define F_R13 16
#define F_R12 24
#define F_R11 32
#define F_R10 40
#define F_R9  48
#define F_R8  56
#define F_RBP 64
#define F_RDI 72
#define F_RSI 80
#define F_RDX 88
#define F_RCX 96
#define F_RBX 104
#define F_RAX 112
#define F_VEC 120
#define F_ERR 128
#define F_RIP 136
#define F_CS  144
#define F_RFL 152
#define F_RSP 160

        .section .text, "ax"
        .code64

/* One stub per exception vector: push a zero error code where the CPU pushes none, then the vector. */
.macro TRAP_STUB vec, has_err
        .p2align 4
kvm_trap_\vec:
.if \has_err == 0
        pushq   $0
.endif
        pushq   $\vec
        jmp     kvm_trap_common
.endm

TRAP_STUB 0, 0
TRAP_STUB 1, 0
TRAP_STUB 2, 0
TRAP_STUB 3, 0
TRAP_STUB 4, 0
TRAP_STUB 5, 0
TRAP_STUB 6, 0
TRAP_STUB 7, 0
TRAP_STUB 8, 1
TRAP_STUB 9, 0
TRAP_STUB 10, 1
TRAP_STUB 11, 1
TRAP_STUB 12, 1
TRAP_STUB 13, 1
TRAP_STUB 14, 1
TRAP_STUB 15, 0
TRAP_STUB 16, 0
TRAP_STUB 17, 1
TRAP_STUB 18, 0
TRAP_STUB 19, 0
TRAP_STUB 20, 0
TRAP_STUB 21, 1
TRAP_STUB 22, 0
TRAP_STUB 23, 0
TRAP_STUB 24, 0
TRAP_STUB 25, 0
TRAP_STUB 26, 0
TRAP_STUB 27, 0
TRAP_STUB 28, 0
TRAP_STUB 29, 1
TRAP_STUB 30, 1
TRAP_STUB 31, 0

kvm_trap_common:
        pushq   %rax
        pushq   %rbx
        pushq   %rcx
        pushq   %rdx
        pushq   %rsi
        pushq   %rdi
        pushq   %rbp
        pushq   %r8
        pushq   %r9
        pushq   %r10
        pushq   %r11
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        /* A divide error (#DE) or a page fault in the first 64 KiB (a null dereference) becomes a managed
         * exception: return from the trap into Uk.CoreLib's uk_eh_throw_hw (native/eh.S) with the faulting
         * stack and registers, rdi = 8 (divide) or 11 (memory), rsi = faulting RIP, rdx = RAX or CR2.
         * Uk.CoreLib panics for a fault outside managed code. Every other exception is reported below, as are
         * all of them in an image without Uk.CoreLib (uk_eh_throw_hw is weak: address 0 then). */
        leaq    uk_eh_throw_hw(%rip), %rax
        testq   %rax, %rax
        jz      3f
        movq    F_VEC(%rsp), %rax
        testq   %rax, %rax
        jz      1f
        cmpq    $14, %rax
        jne     3f
        movq    %cr2, %rax
        cmpq    $0x10000, %rax
        jae     3f
        movq    %rax, F_RDX(%rsp)
        movq    $11, F_RDI(%rsp)
        jmp     2f
1:      movq    F_RAX(%rsp), %rax
        movq    %rax, F_RDX(%rsp)
        movq    $8, F_RDI(%rsp)
2:      movq    F_RIP(%rsp), %rax
        movq    %rax, F_RSI(%rsp)
        leaq    uk_eh_throw_hw(%rip), %rax
        movq    %rax, F_RIP(%rsp)
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %r11
        popq    %r10
        popq    %r9
        popq    %r8
        popq    %rbp
        popq    %rdi
        popq    %rsi
        popq    %rdx
        popq    %rcx
        popq    %rbx
        popq    %rax
        addq    $16, %rsp               /* vector and error code */
        iretq
3:
        movq    %rsp, %r12              /* R12 = frame for the whole report */
        lock btsl $0, kvm_in_trap(%rip)
        jc      kvm_trap_nested

        /* A page fault in a registered guard page (arch/x86_64/ukguard.S) is a stack overflow: say whose. */
        cmpq    $14, F_VEC(%r12)
        jne     1f
        movq    %cr2, %rdi
        call    uk_guard_find
        cmpl    $1, %edx
        jne     1f
        movq    %rax, %r13
        leaq    .Ls_ovf(%rip), %rdi
        call    kvm_uart_puts
        leaq    24(%r13), %rdi
        call    kvm_uart_puts
        leaq    .Ls_ovf_at(%rip), %rdi
        call    kvm_uart_puts
        movq    %cr2, %rdi
        call    kvm_put_hex
        leaq    .Ls_ovf_guard(%rip), %rdi
        call    kvm_uart_puts
        leaq    0(%r13), %rdi
        call    kvm_put_range
        leaq    .Ls_ovf_stack(%rip), %rdi
        call    kvm_uart_puts
        leaq    8(%r13), %rdi
        call    kvm_put_range
        leaq    .Ls_ovf_rip(%rip), %rdi
        call    kvm_uart_puts
        call    kvm_put_rip
        leaq    .Ls_ovf_tail(%rip), %rdi
        call    kvm_uart_puts
        movl    $KVM_EXIT_STACK_OVERFLOW, %edi
        call    kvm_exit
1:

        leaq    .Ls_head(%rip), %rdi
        call    kvm_uart_puts
        movq    F_VEC(%r12), %rdi
        call    kvm_put_dec
        movb    $' ', %dil
        call    kvm_uart_putc
        movq    F_VEC(%r12), %rax
        leaq    kvm_trap_names(%rip), %rdi
        movq    (%rdi, %rax, 8), %rdi
        call    kvm_uart_puts
        leaq    .Ls_err(%rip), %rdi
        call    kvm_uart_puts
        movq    F_ERR(%r12), %rdi
        call    kvm_put_hex
        leaq    .Ls_rip(%rip), %rdi
        call    kvm_uart_puts
        call    kvm_put_rip
        leaq    .Ls_cs(%rip), %rdi
        call    kvm_uart_puts
        movq    F_CS(%r12), %rdi
        call    kvm_put_hex
        leaq    .Ls_rfl(%rip), %rdi
        call    kvm_uart_puts
        movq    F_RFL(%r12), %rdi
        call    kvm_put_hex
        leaq    .Ls_rsp(%rip), %rdi
        call    kvm_uart_puts
        movq    F_RSP(%r12), %rdi
        call    kvm_put_hex
        leaq    .Ls_cr2(%rip), %rdi
        call    kvm_uart_puts
        movq    %cr2, %rdi
        call    kvm_put_hex
        leaq    .Ls_cr3(%rip), %rdi
        call    kvm_uart_puts
        movq    %cr3, %rdi
        call    kvm_put_hex

        /* General registers: kvm_trap_regs lists (name, frame offset) pairs, four per line. */
        leaq    kvm_trap_regs(%rip), %r13
        xorl    %r14d, %r14d
1:      testb   $3, %r14b
        jnz     2f
        movb    $'\n', %dil
        call    kvm_uart_putc
2:      movq    (%r13), %rdi
        call    kvm_uart_puts
        movq    8(%r13), %rax
        movq    (%r12, %rax), %rdi
        call    kvm_put_hex
        addq    $16, %r13
        incl    %r14d
        cmpl    $15, %r14d
        jb      1b
        movq    F_RSP(%r12), %rdi           /* the thread whose stack RSP is in, when it is a registered one */
        call    uk_guard_find
        testq   %rax, %rax
        jz      3f
        movq    %rax, %r13
        leaq    .Ls_thread(%rip), %rdi
        call    kvm_uart_puts
        leaq    24(%r13), %rdi
        call    kvm_uart_puts
        movb    $0x27, %dil              /* ' */
        call    kvm_uart_putc
3:      leaq    .Ls_tail(%rip), %rdi
        call    kvm_uart_puts
        movl    $KVM_EXIT_CPU_EXCEPTION, %edi
        call    kvm_exit

kvm_trap_nested:
        leaq    .Ls_nested(%rip), %rdi
        call    kvm_uart_puts
        movq    F_VEC(%r12), %rdi
        call    kvm_put_dec
        movb    $'\n', %dil
        call    kvm_uart_putc
        movl    $KVM_EXIT_CPU_EXCEPTION, %edi
        call    kvm_exit

/* kvm_put_rip(r12 = trap frame): the interrupted RIP and its symbol. */
kvm_put_rip:
        movq    F_RIP(%r12), %rdi
        call    kvm_put_hex
        movq    F_RIP(%r12), %rdi
        jmp     kvm_put_symbol

/* kvm_put_range(rdi = two quads {low, high}): "0x<low>-0x<high>" (a guard page or stack from uk_guard_find). */
kvm_put_range:
        pushq   %rbx
        movq    %rdi, %rbx
        movq    0(%rbx), %rdi
        call    kvm_put_hex
        movb    $'-', %dil
        call    kvm_uart_putc
        movq    8(%rbx), %rdi
        call    kvm_put_hex
        popq    %rbx
        ret

/* kvm_put_symbol(rdi = address): " <name+0xoff>" when uk_symtab (boot/symtab.awk: a header, entries
 * {uint32 address, uint32 name ref} by address, prefixes, strings) has an entry at or below the address. */
kvm_put_symbol:
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        movq    %rdi, %rbx
        leaq    uk_symtab_count(%rip), %rax  /* weak: address 0 when the image has no symbol table */
        testq   %rax, %rax
        jz      9f
        movq    (%rax), %rcx
        movq    %rbx, %rax
        shrq    $32, %rax
        jnz     9f                      /* the table holds 32-bit addresses */
        leaq    uk_symtab(%rip), %r12  /* R12 = header { prefixes offset, strings offset, S } */
        leaq    12(%r12), %rsi
        xorl    %r13d, %r13d            /* R13 = best entry */
1:      testq   %rcx, %rcx
        jz      2f
        cmpl    %ebx, (%rsi)
        ja      2f                      /* sorted: the first entry above the address ends the search */
        movq    %rsi, %r13
        addq    $8, %rsi
        decq    %rcx
        jmp     1b
2:      testq   %r13, %r13
        jz      9f
        leaq    .Ls_lt(%rip), %rdi
        call    kvm_uart_puts
        movl    4(%r13), %edi
        call    kvm_put_symbol_name
        leaq    .Ls_plus(%rip), %rdi
        call    kvm_uart_puts
        movl    %ebx, %edi              /* zero-extends: the offset is below 4 GiB */
        subl    (%r13), %edi
        call    kvm_put_hex_short
        movb    $'>', %dil
        call    kvm_uart_putc
9:      popq    %r13
        popq    %r12
        popq    %rbx
        ret

/* kvm_put_symbol_name(edi = name ref, r12 = uk_symtab): the prefix's text (index ref >> S, 0: none; its own
 * prefix index must be lower, so the recursion ends even on a damaged table), then the string at offset
 * ref & (2^S - 1). Keeps R12. */
kvm_put_symbol_name:
        pushq   %rbx
        movl    %edi, %ebx
        movl    8(%r12), %ecx
        movl    %ebx, %eax
        shrl    %cl, %eax               /* EAX = prefix index */
        jz      1f
        movl    (%r12), %edx
        addq    %r12, %rdx
        movl    -4(%rdx, %rax, 4), %edi /* prefixes[index - 1] */
        movl    %edi, %edx
        shrl    %cl, %edx
        cmpl    %eax, %edx
        jae     1f
        call    kvm_put_symbol_name
1:      movl    8(%r12), %ecx
        movl    $1, %eax
        shll    %cl, %eax
        decl    %eax
        andl    %ebx, %eax
        movl    4(%r12), %edi
        addq    %rax, %rdi
        addq    %r12, %rdi
        call    kvm_uart_puts
        popq    %rbx
        ret
        .weak   uk_symtab_count, uk_symtab
        .weak   uk_eh_throw_hw

/* ---- PIC interrupts (vectors 32-47): IRQ0 counts ticks; every IRQ is acknowledged. ---- */
        .p2align 4
kvm_irq_timer:
        pushq   %rax
        lock incq kvm_timer_ticks(%rip)
        movb    $0x20, %al
        outb    %al, $0x20
        popq    %rax
        iretq

        .p2align 4
kvm_irq_master:                         /* IRQ 1-7 */
        pushq   %rax
        movb    $0x20, %al
        outb    %al, $0x20
        popq    %rax
        iretq

        .p2align 4
kvm_irq_slave:                          /* IRQ 8-15 */
        pushq   %rax
        movb    $0x20, %al
        outb    %al, $0xA0
        outb    %al, $0x20
        popq    %rax
        iretq

        .p2align 4
kvm_irq_spurious:
        iretq

/* kvm_idt_init: gates for vectors 0-31, 32-47 (PIC) and 48 (APIC spurious), all on IST1, then lidt. */
        .globl  kvm_idt_init
kvm_idt_init:
        leaq    kvm_idt(%rip), %rdi
        leaq    kvm_trap_table(%rip), %rsi
        xorl    %ecx, %ecx
1:      movq    (%rsi, %rcx, 8), %rax
        movl    $1, %edx                /* IST1 */
        call    kvm_idt_set
        incl    %ecx
        cmpl    $32, %ecx
        jb      1b
2:      leaq    kvm_irq_master(%rip), %rax
        cmpl    $KVM_IRQ_BASE, %ecx
        jne     3f
        leaq    kvm_irq_timer(%rip), %rax
3:      cmpl    $(KVM_IRQ_BASE + 8), %ecx
        jb      4f
        leaq    kvm_irq_slave(%rip), %rax
4:      movl    $1, %edx                /* IST1 too: the interrupted code may use the red zone */
        call    kvm_idt_set
        incl    %ecx
        cmpl    $(KVM_IRQ_BASE + 16), %ecx
        jb      2b
        leaq    kvm_irq_spurious(%rip), %rax    /* local APIC spurious interrupts: no EOI */
        movl    $1, %edx
        call    kvm_idt_set
        lidt    kvm_idt_ptr(%rip)
        ret

/* kvm_idt_set(rdi = idt, ecx = vector, rax = handler, edx = ist): a present 64-bit interrupt gate. */
kvm_idt_set:
        movq    %rcx, %r8
        shlq    $4, %r8
        addq    %rdi, %r8
        movw    %ax, (%r8)
        movw    $KVM_CS64, 2(%r8)
        movb    %dl, 4(%r8)
        movb    $0x8E, 5(%r8)           /* present, DPL 0, interrupt gate */
        shrq    $16, %rax
        movw    %ax, 6(%r8)
        shrq    $16, %rax
        movl    %eax, 8(%r8)
        movl    $0, 12(%r8)
        ret

        .section .rodata, "a"
        .p2align 3
kvm_trap_table:
        .irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        .quad   kvm_trap_\v
        .endr
kvm_idt_ptr:
        .word   KVM_IDT_VECTORS * 16 - 1         /* vectors above are beyond the limit: #GP */
        .quad   kvm_idt

.macro NAME str
        .section .rodata.str, "a"
9:      .asciz  "\str"
        .section .rodata, "a"
        .quad   9b
.endm
        .p2align 3
kvm_trap_names:
        NAME "#DE divide error"
        NAME "#DB debug"
        NAME "NMI"
        NAME "#BP breakpoint"
        NAME "#OF overflow"
        NAME "#BR bound range"
        NAME "#UD invalid opcode"
        NAME "#NM device not available"
        NAME "#DF double fault"
        NAME "coprocessor segment overrun"
        NAME "#TS invalid TSS"
        NAME "#NP segment not present"
        NAME "#SS stack fault"
        NAME "#GP general protection"
        NAME "#PF page fault"
        NAME "reserved"
        NAME "#MF x87 floating point"
        NAME "#AC alignment check"
        NAME "#MC machine check"
        NAME "#XM SIMD floating point"
        NAME "#VE virtualization"
        NAME "#CP control protection"
        NAME "reserved"
        NAME "reserved"
        NAME "reserved"
        NAME "reserved"
        NAME "reserved"
        NAME "reserved"
        NAME "#HV hypervisor injection"
        NAME "#VC VMM communication"
        NAME "#SX security"
        NAME "reserved"

.macro REG str, off
        .section .rodata.str, "a"
9:      .asciz  "\str"
        .section .rodata, "a"
        .quad   9b, \off
.endm
        .p2align 3
kvm_trap_regs:
        REG "  RAX ", F_RAX
        REG "  RBX ", F_RBX
        REG "  RCX ", F_RCX
        REG "  RDX ", F_RDX
        REG "  RSI ", F_RSI
        REG "  RDI ", F_RDI
        REG "  RBP ", F_RBP
        REG "  R8  ", F_R8
        REG "  R9  ", F_R9
        REG "  R10 ", F_R10
        REG "  R11 ", F_R11
        REG "  R12 ", F_R12
        REG "  R13 ", F_R13
        REG "  R14 ", F_R14
        REG "  R15 ", F_R15

        .section .rodata.str, "a"
.Ls_head:   .asciz "\n[kvm] CPU exception "
.Ls_err:    .asciz "\n  error code "
.Ls_rip:    .asciz "\n  RIP "
.Ls_cs:     .asciz "\n  CS  "
.Ls_rfl:    .asciz "  RFLAGS "
.Ls_rsp:    .asciz "  RSP "
.Ls_cr2:    .asciz "\n  CR2 "
.Ls_cr3:    .asciz "  CR3 "
.Ls_tail:   .asciz "\n[kvm] stopped by a CPU exception (exit status 70)\n"
.Ls_nested: .asciz "\n[kvm] CPU exception while reporting a CPU exception, vector "
.Ls_lt:     .asciz " <"
.Ls_ovf:    .asciz "\n[kvm] panic: stack overflow in thread '"
.Ls_ovf_at: .asciz "' (fault at "
.Ls_ovf_guard: .asciz ", guard page "
.Ls_ovf_stack: .asciz ", stack "
.Ls_ovf_rip: .asciz ", RIP "
.Ls_ovf_tail: .asciz ")\n"
.Ls_thread: .asciz "\n  on the stack of thread '"
.Ls_plus:   .asciz "+0x"

        .section .bss.kvm_idt, "aw", @nobits
        .p2align 4
kvm_idt:
        .skip   KVM_IDT_VECTORS * 16
        .p2align 3
        .globl  kvm_timer_ticks
kvm_timer_ticks:
        .skip   8
kvm_in_trap:
        .skip   4

        .section .note.GNU-stack, "", @progbits
