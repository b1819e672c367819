# Turns `nm -n --defined-only <image>.dbg` into an assembler source for the image's symbol table, which the
# crash reports use to name the function around an address (traps.S kvm_put_symbol, Uk.CoreLib's
# UkExceptionReport). Used by src/Build/Compose.Image.targets (second link pass, kvm and linuxu). Run it with LC_ALL=C; written
# for mawk (no strtonum, gensub or asort): nm prints addresses as 16 lower-case hex digits, so string
# comparison orders them.
#
# Which symbols: the text symbols (t, T) in [_kvm_image_start or _uk_text_start, _etext), one per address. Aliases (several
# names at one address, e.g. RhBox and Uk_CoreLib_System_Runtime_RuntimeExports__RhBox) keep the longest
# name, ties the last in byte order: a managed export's long name says assembly, namespace and type.
#
# Format (all little-endian uint32 unless said otherwise; see src/Platforms/kvm/README.md):
#   uk_symtab_count: .quad N
#   uk_symtab:       header { prefixes offset, strings offset, S } (offsets from uk_symtab)
#                     N entries { address (absolute, the image lives below 4 GiB), name ref }, by address
#                     P prefixes { name ref }
#                     strings, NUL-terminated
#   A name ref is (prefix index << S) | string offset. Its text is the prefix's text (index 0: none; index
#   i > 0: the ref prefixes[i - 1], whose own prefix index is below i) followed by the string. Prefixes are the
#   branching points of the names' `_`-separated trie (e.g. Uk_CoreLib_System_Runtime_, then
#   UkEhUnwinder__ under it), so each shared part is stored once; equal strings are stored once.

function fail(message) {
    print "symtab.awk: " message > "/dev/stderr"
    failed = 1
    exit 1
}

# Candidate prefix lengths of s: the ends of its `_` runs, except a run that starts s or ends it.
function boundaries(s, ends,    n, i, j, len) {
    n = 0; len = length(s)
    for (i = 1; i < len; i++) {
        if (substr(s, i, 1) != "_" || substr(s, i + 1, 1) == "_") continue
        for (j = i; j > 1 && substr(s, j - 1, 1) == "_"; ) j--
        if (j > 1) ends[++n] = i
    }
    return n
}

function string_offset(s) {
    if (s in offset) return offset[s]
    offset[s] = blob
    strings[nstrings++] = s
    blob += length(s) + 1
    return offset[s]
}

# Index (1-based) of kept prefix p, assigned parent first so that a parent's index is below its children's.
function prefix_index(p,    q) {
    if (p == "") return 0
    if (p in pindex) return pindex[p]
    q = prefix_index(parent[p])
    pindex[p] = ++nprefixes
    pparent[nprefixes] = q
    pstring[nprefixes] = string_offset(substr(p, length(parent[p]) + 1))
    return nprefixes
}

function escape(s) {
    gsub(/\\/, "\\\\", s)
    gsub(/"/, "\\\"", s)
    return s
}

BEGIN { n = 0; blob = 0; nstrings = 0; nprefixes = 0; failed = 0 }
# Addresses are kept as strings ("" $1): some look like numbers (0000000000100e30) and would compare as such.
$3 == "_kvm_image_start" || $3 == "_uk_text_start" { start = "" $1 }
$3 == "_etext" { end = "" $1 }
$2 ~ /^[tT]$/ && NF == 3 {
    if (length($1) != 16) fail("line " NR ": address '" $1 "' is not 16 hex digits (nm -n output expected)")
    a = "" $1; s = "" $3
    if (("x" a) in at) {
        old = name[at["x" a]]
        if (length(s) > length(old) || (length(s) == length(old) && s > old)) name[at["x" a]] = s
    } else {
        at["x" a] = n; addr[n] = a; name[n] = s; n++
    }
}
END {
    if (failed) exit 1
    if (start == "" || end == "") fail("no text start (_uk_text_start or _kvm_image_start) or _etext in the nm listing")
    count = 0
    for (i = 0; i < n; i++) {
        if (addr[i] < start || addr[i] >= end) continue
        if (count > 0 && addr[i] <= addr[keep[count - 1]]) fail("addresses not ascending at " addr[i] " (nm -n output expected)")
        if (substr(addr[i], 1, 8) != "00000000") fail(name[i] " at 0x" addr[i] ": the table holds 32-bit addresses")
        keep[count++] = i
    }

    # Trie of `_`-boundary prefixes: how many names pass through each, and whether they branch there (names
    # continue to different next prefixes, or one ends below it).
    for (k = 0; k < count; k++) {
        s = name[keep[k]]
        nb = boundaries(s, ends)
        for (b = 1; b <= nb; b++) {
            p = substr(s, 1, ends[b])
            nxt = b < nb ? substr(s, 1, ends[b + 1]) : ""
            if (!(p in passes)) { passes[p] = 0; first[p] = nxt }
            else if (first[p] != nxt || nxt == "") branches[p] = 1
            passes[p]++
        }
    }
    for (k = 0; k < count; k++) {
        s = name[keep[k]]
        nb = boundaries(s, ends)
        last = ""
        for (b = 1; b <= nb; b++) {
            p = substr(s, 1, ends[b])
            if (!(p in branches)) continue
            parent[p] = last
            last = p
        }
        prefix_of[k] = last
    }

    # Strings and prefixes in address order of first use: deterministic.
    for (k = 0; k < count; k++) {
        p = prefix_of[k]
        ref_prefix[k] = prefix_index(p)
        ref_string[k] = string_offset(substr(name[keep[k]], length(p) + 1))
    }
    shift = 1
    while (2 ^ shift < blob) shift++
    if (shift > 31 || nprefixes >= 2 ^ (32 - shift)) fail(nprefixes " prefixes and " blob " string bytes do not fit 32-bit name refs")

    print "        .section .rodata.uk_symtab, \"a\""
    print "        .p2align 3"
    print "        .globl  uk_symtab_count, uk_symtab"
    print "uk_symtab_count: .quad " count
    print "uk_symtab:"
    print "        .long   .Luk_symtab_prefixes - uk_symtab, .Luk_symtab_strings - uk_symtab, " shift
    for (k = 0; k < count; k++)
        print "        .long   0x" substr(addr[keep[k]], 9) ", (" ref_prefix[k] " << " shift ") | " ref_string[k]
    print ".Luk_symtab_prefixes:"
    for (i = 1; i <= nprefixes; i++) print "        .long   (" pparent[i] " << " shift ") | " pstring[i]
    print ".Luk_symtab_strings:"
    for (i = 0; i < nstrings; i++) print "        .asciz  \"" escape(strings[i]) "\""
    print "        .section .note.GNU-stack, \"\", @progbits"
}
