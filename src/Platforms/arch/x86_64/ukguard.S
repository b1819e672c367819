/*
 * Stack guard registry for x86-64 images (linuxu, kvm; GNU as, Intel syntax): which no-access guard page lies
 * under which thread's stack, so that the platform's fault handler (linuxu: SIGSEGV on an alternate signal stack,
 * kvm: the page-fault trap on IST1) can report "stack overflow in thread '<name>'" instead of a bare fault.
 * Filled by the platforms' IStackGuard providers (C#, through uk_guard_add/uk_guard_remove) and by the boot code
 * for the main stack. Listed as a ComposeBootSource by both platforms' Platform.targets.
 *
 * An entry is 64 bytes: guard_lo (+0), stack_lo = end of the guard (+8), stack_hi (+16), the owner's name as
 * NUL-terminated ASCII (+24, at most 39 characters). A free entry has stack_hi == 0. Single CPU, cooperative
 * threads: no locking (the fault handlers only read).
 */
        .intel_syntax noprefix

        .set UK_GUARD_SLOTS, 256
        .set UK_GUARD_ENTRY, 64
        .set UK_GUARD_NAME, 24
        .set UK_GUARD_NAME_MAX, 39

        .text

/*
 * int uk_guard_add(uintptr_t guard_lo, uintptr_t stack_lo, uintptr_t stack_hi, const uint16_t* name, size_t len):
 * records a guard page range and the stack above it under a name given as UTF-16 code units (a C# string's
 * characters; non-ASCII ones become '?'). Returns the slot, or -1 when the table is full (the guard still works,
 * a fault there is then reported without the thread's name).
 */
        .globl uk_guard_add
uk_guard_add:
        lea     rax, [rip + uk_guard_table]
        xor     r9d, r9d
1:      cmp     qword ptr [rax + 16], 0
        je      2f
        add     rax, UK_GUARD_ENTRY
        inc     r9d
        cmp     r9d, UK_GUARD_SLOTS
        jb      1b
        mov     eax, -1
        ret
2:      mov     [rax], rdi
        mov     [rax + 8], rsi
        mov     [rax + 16], rdx
        cmp     r8, UK_GUARD_NAME_MAX
        jbe     3f
        mov     r8d, UK_GUARD_NAME_MAX
3:      lea     r10, [rax + UK_GUARD_NAME]
4:      test    r8, r8
        jz      6f
        movzx   r11d, word ptr [rcx]
        cmp     r11d, 0x20
        jb      5f
        cmp     r11d, 0x7f
        jb      7f
5:      mov     r11d, '?'
7:      mov     [r10], r11b
        inc     r10
        add     rcx, 2
        dec     r8
        jmp     4b
6:      mov     byte ptr [r10], 0
        mov     eax, r9d
        ret

/* void uk_guard_remove(uintptr_t guard_lo): forgets the entry of that guard page (no effect when there is none). */
        .globl uk_guard_remove
uk_guard_remove:
        lea     rax, [rip + uk_guard_table]
        lea     rcx, [rax + UK_GUARD_SLOTS * UK_GUARD_ENTRY]
1:      cmp     qword ptr [rax + 16], 0
        je      2f
        cmp     [rax], rdi
        jne     2f
        mov     qword ptr [rax + 16], 0
        ret
2:      add     rax, UK_GUARD_ENTRY
        cmp     rax, rcx
        jb      1b
        ret

/*
 * entry* uk_guard_find(uintptr_t address): the entry whose guard page or stack holds the address, or NULL;
 * edx = 1 when the address is in the guard (a stack overflow), 2 when it is in the stack. Uses only rax, rcx, rdx
 * and touches no stack beyond the return address, so fault handlers can call it on any stack.
 */
        .globl uk_guard_find
uk_guard_find:
        lea     rax, [rip + uk_guard_table]
        lea     rcx, [rax + UK_GUARD_SLOTS * UK_GUARD_ENTRY]
1:      cmp     qword ptr [rax + 16], 0
        je      3f
        cmp     rdi, [rax]
        jb      3f
        cmp     rdi, [rax + 8]
        jae     2f
        mov     edx, 1
        ret
2:      cmp     rdi, [rax + 16]
        jae     3f
        mov     edx, 2
        ret
3:      add     rax, UK_GUARD_ENTRY
        cmp     rax, rcx
        jb      1b
        xor     eax, eax
        xor     edx, edx
        ret

        /* .ukbss: zeroed like .bss, placed after every .bss input (kvm: after its page tables and stacks). */
        .section .ukbss, "aw", @nobits
        .balign 64
        .globl uk_guard_table
uk_guard_table:
        .skip   UK_GUARD_SLOTS * UK_GUARD_ENTRY

        .section .note.GNU-stack,"",@progbits
