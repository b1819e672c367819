/* SPDX-License-Identifier: MIT */
/*
 * kvm command line: splits kvm_cmdline in place into words, then into boot arguments and app arguments.
 *
 * The rules are ukargparse's (src/Libraries/ukargparse): blanks (space, tab, newline, return) separate words;
 * single quotes keep everything literally; double quotes keep blanks and allow \" and \\; a backslash
 * outside quotes escapes the next character. It is done here, in place, because Uk.CoreLib's start takes
 * argc/argv before any managed code (ukargparse included) can run.
 *
 * Layout, as in Unikraft: "[boot arguments] -- [app arguments]". The managed side gets every word,
 * argv = { "kvm", word 1, ... } (argv[0] is the program path, which Main(string[] args) does not see), as
 * linuxu and hosted get their whole command line: the generated boot sequence splits it at "--" with
 * uklibparam (library parameters before, the app's arguments after). kvm_boot_args still gives the words
 * before "--" (the boot-code probe test reads them).
 * Words beyond KVM_ARGS_MAX are dropped, and kvm_args_dropped says how many.
 */
#include "kvm_boot.h"

        .section .text.boot, "ax"
        .code64
        .globl  kvm_args_split
kvm_args_split:
        pushq   %rbx
        leaq    kvm_cmdline(%rip), %rsi         /* RSI reads, RDI writes (never ahead of RSI) */
        movq    %rsi, %rdi
        leaq    kvm_words(%rip), %r9
        xorl    %r8d, %r8d                      /* R8 = word count */
.Lnext_word:
        movb    (%rsi), %al
        testb   %al, %al
        jz      .Lsplit_done
        call    kvm_is_blank
        jne     1f
        incq    %rsi
        jmp     .Lnext_word
1:      cmpl    $KVM_ARGS_MAX, %r8d
        jb      2f
        incl    kvm_args_dropped(%rip)
        jmp     3f
2:      movq    %rdi, (%r9, %r8, 8)
        incl    %r8d
3:      xorl    %ebx, %ebx                      /* BL = open quote character or 0 */
.Lword_char:
        movb    (%rsi), %al
        testb   %al, %al
        jz      .Lword_end
        testb   %bl, %bl
        jnz     4f
        call    kvm_is_blank
        jne     5f
        incq    %rsi                            /* the blank ends the word */
        jmp     .Lword_end
5:      cmpb    $'"', %al
        je      6f
        cmpb    $'\'', %al
        jne     7f
6:      movb    %al, %bl                        /* opening quote */
        incq    %rsi
        jmp     .Lword_char
4:      cmpb    %bl, %al
        jne     7f
        xorl    %ebx, %ebx                      /* closing quote */
        incq    %rsi
        jmp     .Lword_char
7:      cmpb    $'\\', %al
        jne     8f
        movb    1(%rsi), %cl                    /* CL = the character after the backslash */
        testb   %cl, %cl
        jz      8f
        testb   %bl, %bl
        jz      9f                              /* unquoted: escapes any character */
        cmpb    $'\'', %bl
        je      8f                              /* single quotes: literal */
        cmpb    $'"', %cl                       /* double quotes: escapes only " and \ */
        je      9f
        cmpb    $'\\', %cl
        jne     8f
9:      incq    %rsi                            /* escaped: take the next character as is */
        movb    (%rsi), %al
8:      movb    %al, (%rdi)
        incq    %rdi
        incq    %rsi
        jmp     .Lword_char
.Lword_end:
        movb    $0, (%rdi)
        incq    %rdi
        jmp     .Lnext_word

.Lsplit_done:
        /* Find "--": words before it are boot arguments. */
        xorl    %ecx, %ecx
1:      cmpl    %r8d, %ecx
        jae     .Lno_separator
        movq    (%r9, %rcx, 8), %rax
        cmpw    $0x2d2d, (%rax)                 /* "--" */
        jne     2f
        cmpb    $0, 2(%rax)
        je      .Lseparator
2:      incl    %ecx
        jmp     1b
.Lno_separator:
        xorl    %ecx, %ecx                      /* ECX = boot words */
        xorl    %r10d, %r10d                    /* R10 = first app word */
        jmp     .Lbuild
.Lseparator:
        leal    1(%rcx), %r10d
.Lbuild:
        movl    %ecx, kvm_boot_argc(%rip)
        xorl    %r10d, %r10d                    /* argv holds every word, "--" included */
        /* argv: argv[0] = "kvm", then words R10 .. R8 */
        leaq    kvm_argv(%rip), %rdi
        leaq    .Lprogram(%rip), %rax
        movq    %rax, (%rdi)
        movl    $1, %r11d
3:      cmpl    %r8d, %r10d
        jae     4f
        movq    (%r9, %r10, 8), %rax
        movq    %rax, (%rdi, %r11, 8)
        incl    %r10d
        incl    %r11d
        jmp     3b
4:      movq    $0, (%rdi, %r11, 8)
        movl    %r11d, kvm_argc(%rip)
        popq    %rbx
        ret

/* kvm_is_blank(al): ZF set when AL is a space, tab, newline or carriage return. */
kvm_is_blank:
        cmpb    $' ', %al
        je      1f
        cmpb    $'\t', %al
        je      1f
        cmpb    $'\n', %al
        je      1f
        cmpb    $'\r', %al
1:      ret

/* kvm_boot_args(int* count) -> char**: the boot arguments (the words before "--"). */
        .section .text, "ax"
        .globl  kvm_boot_args
kvm_boot_args:
        movl    kvm_boot_argc(%rip), %eax
        movl    %eax, (%rdi)
        leaq    kvm_words(%rip), %rax
        ret

/* kvm_args_dropped_get() -> words of the command line beyond KVM_ARGS_MAX. */
        .globl  kvm_args_dropped_get
kvm_args_dropped_get:
        movl    kvm_args_dropped(%rip), %eax
        ret

        .section .rodata.str, "a"
.Lprogram:
        .asciz  "kvm"

        .section .bss.kvm_args, "aw", @nobits
        .p2align 3
        .globl  kvm_argc, kvm_argv, kvm_boot_argc, kvm_args_dropped
kvm_words:          .skip 8 * KVM_ARGS_MAX
kvm_argv:           .skip 8 * (KVM_ARGS_MAX + 2)
kvm_argc:           .skip 4
kvm_boot_argc:      .skip 4
kvm_args_dropped:   .skip 4

        .section .note.GNU-stack, "", @progbits
