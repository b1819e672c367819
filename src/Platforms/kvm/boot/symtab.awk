# Turns `nm -n --defined-only <image>.dbg` into an assembler source for the image's symbol table, which the
# exception report uses to name the function around RIP (traps.S, kvm_put_symbol): sorted {address, name}
# pairs of the text symbols in [_kvm_image_start, _etext). Used by Platform.targets (second link pass).
# nm prints addresses as 16 lower-case hex digits, so string comparison orders them (no strtonum in mawk).
$3 == "_kvm_image_start" { start = "x" $1 }
$3 == "_etext" { end = "x" $1 }
$2 ~ /^[tT]$/ { addr[n] = $1; name[n] = $3; n++ }
END {
    print "        .section .rodata.kvm_symtab, \"a\""
    print "        .p2align 3"
    print "        .globl  kvm_symtab_count, kvm_symtab"
    count = 0
    for (i = 0; i < n; i++) { a = "x" addr[i]; if (a >= start && a < end) keep[count++] = i }
    print "kvm_symtab_count: .quad " count
    print "kvm_symtab:"
    for (k = 0; k < count; k++) print "        .quad 0x" addr[keep[k]] ", .Lsym" k
    print "        .section .rodata.kvm_symstr, \"aMS\", @progbits, 1"
    for (k = 0; k < count; k++) print ".Lsym" k ": .asciz \"" name[keep[k]] "\""
    print "        .section .note.GNU-stack, \"\", @progbits"
}
