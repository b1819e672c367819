/*
 * CPU random numbers for x86-64 images (linuxu, kvm; GNU as, AT&T syntax), used by the platforms' IEntropySource
 * (src/Platforms/arch/x86_64/X86Entropy.cs). Listed as a ComposeBootSource by src/Platforms/linuxu/Platform.targets
 * and src/Platforms/kvm/Platform.targets. Retry counts follow Intel's DRNG Software Implementation Guide: RDRAND
 * fails only on a (very unlikely) exhausted DRNG, so 10 tries; RDSEED fails whenever the entropy conditioner is
 * behind, so retry with PAUSE in between (bounded here at 1024 tries).
 */
        .text

/* int uk_x86_rand_features(void): bit 0 = RDRAND (CPUID.01H:ECX bit 30), bit 1 = RDSEED (CPUID.(EAX=07H,ECX=0):EBX bit 18) */
        .globl uk_x86_rand_features
uk_x86_rand_features:
        pushq   %rbx
        xorl    %r8d, %r8d
        xorl    %eax, %eax
        xorl    %ecx, %ecx
        cpuid
        movl    %eax, %r9d              /* highest basic leaf */
        cmpl    $1, %r9d
        jb      2f
        movl    $1, %eax
        xorl    %ecx, %ecx
        cpuid
        btl     $30, %ecx
        jnc     1f
        orl     $1, %r8d
1:      cmpl    $7, %r9d
        jb      2f
        movl    $7, %eax
        xorl    %ecx, %ecx
        cpuid
        btl     $18, %ebx
        jnc     2f
        orl     $2, %r8d
2:      movl    %r8d, %eax
        popq    %rbx
        ret

/* int uk_x86_rdrand64(uint64_t* out): 1 with *out set, 0 after 10 failed tries */
        .globl uk_x86_rdrand64
uk_x86_rdrand64:
        movl    $10, %ecx
1:      rdrand  %rax
        jc      2f
        decl    %ecx
        jnz     1b
        xorl    %eax, %eax
        ret
2:      movq    %rax, (%rdi)
        movl    $1, %eax
        ret

/* int uk_x86_rdseed64(uint64_t* out): 1 with *out set, 0 after 1024 failed tries (PAUSE between tries) */
        .globl uk_x86_rdseed64
uk_x86_rdseed64:
        movl    $1024, %ecx
1:      rdseed  %rax
        jc      2f
        pause
        decl    %ecx
        jnz     1b
        xorl    %eax, %eax
        ret
2:      movq    %rax, (%rdi)
        movl    $1, %eax
        ret

        .section .note.GNU-stack, "", @progbits
