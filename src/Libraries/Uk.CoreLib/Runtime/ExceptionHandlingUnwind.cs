namespace System.Runtime
{
    /// <summary>The registers of one frame that unwinding and resuming need (layout shared with native/eh.S).</summary>
    internal struct UkEhContext
    {
        internal nuint Rip, Rsp, Rbp, Rbx, R12, R13, R14, R15;
    }

    /// <summary>
    /// What ILC wrote for the method around a code address: the FDE of its .eh_frame (found through the
    /// .eh_frame_hdr search table that ld --eh-frame-hdr builds) and the LSDA the FDE points at: a flags byte
    /// (kind: 0 root method, 1 catch/finally funclet, 2 filter funclet; 0x04 has EH info; 0x10 has associated
    /// data), for a funclet the relative pointer to the main method's LSDA and the funclet's offset in the
    /// method, else optional associated data and the relative pointer to the EH clauses.
    /// </summary>
    internal unsafe struct UkEhMethod
    {
        internal byte* Fde;
        internal byte* Cie;
        internal nuint Start;        // the code this FDE covers (method body or one funclet)
        internal nuint End;
        internal byte* Lsda;
        internal byte* MainLsda;
        internal nuint MethodStart;  // the main method's first instruction (clause offsets are relative to it)
        internal byte Kind;          // 0 root, 1 handler funclet, 2 filter funclet

        internal const byte FlagHasEHInfo = 0x04;
        internal const byte FlagHasAssociatedData = 0x10;

        /// <summary>The EH clauses of the method, or null.</summary>
        internal byte* EHInfo
        {
            get
            {
                byte* p = MainLsda;
                byte flags = *p++;
                if ((flags & FlagHasAssociatedData) != 0) p += 4;
                if ((flags & FlagHasEHInfo) == 0) return null;
                return p + *(int*)p;
            }
        }
    }

    /// <summary>One EH clause as ILC encodes it (kinds: 0 typed catch, 1 fault/finally, 2 filter).</summary>
    internal unsafe struct UkEhClause
    {
        internal uint TryStart, TryEnd, Kind;
        internal nuint Handler, Filter;
        internal global::Internal.Runtime.MethodTable* Type;

        internal const uint KindTyped = 0, KindFault = 1, KindFilter = 2;

        /// <summary>Reads the clause at <paramref name="p"/> and advances past it.</summary>
        internal static UkEhClause Read(ref byte* p, nuint methodStart)
        {
            UkEhClause c = default;
            c.TryStart = UkEhUnwinder.ReadVarUInt(ref p);
            uint lengthAndKind = UkEhUnwinder.ReadVarUInt(ref p);
            c.Kind = lengthAndKind & 3;
            c.TryEnd = c.TryStart + (lengthAndKind >> 2);
            c.Handler = methodStart + UkEhUnwinder.ReadVarUInt(ref p);
            if (c.Kind == KindTyped)
            {
                // Safe: a 32-bit offset from this field to the MethodTable ILC wrote for the catch type.
                c.Type = (global::Internal.Runtime.MethodTable*)(p + *(int*)p);
                p += 4;
            }
            else if (c.Kind == KindFilter)
            {
                c.Filter = methodStart + UkEhUnwinder.ReadVarUInt(ref p);
            }
            return c;
        }
    }

    /// <summary>
    /// Finds methods by code address and unwinds one frame with the DWARF call frame information ILC emits
    /// (prolog-only CFI: def_cfa, def_cfa_offset, def_cfa_register, offset, advance_loc; the rest of the
    /// subset a compiler may emit is handled too; anything else is a panic naming the opcode).
    /// </summary>
    internal static unsafe class UkEhUnwinder
    {
        private static nuint* Addresses => UkEhNative.Addresses();

        /// <summary>Finds the FDE and LSDA for <paramref name="pc"/>; false when no managed method covers it.</summary>
        internal static bool FindMethod(nuint pc, out UkEhMethod method)
        {
            method = default;
            byte* hdr = (byte*)Addresses[0];
            if (hdr == null || hdr[0] != 1) return false;
            // .eh_frame_hdr: version, eh_frame_ptr encoding, fde_count encoding, table encoding, then the values.
            byte* p = hdr + 4;
            ReadEncoded(ref p, hdr[1], hdr);
            nuint count = ReadEncoded(ref p, hdr[2], hdr);
            if (hdr[3] != 0x3B) return false; // the table is datarel sdata4 pairs when ld builds it
            int* table = (int*)p;
            nuint lo = 0, hi = count;
            while (hi - lo > 1)
            {
                nuint mid = (lo + hi) / 2;
                if ((nuint)(hdr + table[2 * mid]) <= pc) lo = mid; else hi = mid;
            }
            if (count == 0 || (nuint)(hdr + table[2 * lo]) > pc) return false;
            byte* fde = hdr + table[2 * lo + 1];
            byte* cie = fde + 4 - *(int*)(fde + 4);
            byte* q = fde + 8;
            ParseCie(cie, out byte fdeEncoding, out byte lsdaEncoding, out _, out _, out _);
            nuint start = ReadEncoded(ref q, fdeEncoding, hdr);
            nuint range = ReadEncoded(ref q, (byte)(fdeEncoding & 0x0F), hdr);
            if (pc >= start + range) return false;
            ulong augLength = ReadULeb(ref q);
            byte* lsda = augLength > 0 && lsdaEncoding != 0xFF ? (byte*)ReadEncoded(ref q, lsdaEncoding, hdr) : null;
            if (lsda == null) return false;
            method.Fde = fde;
            method.Cie = cie;
            method.Start = start;
            method.End = start + range;
            method.Lsda = lsda;
            method.Kind = (byte)(lsda[0] & 3);
            if (method.Kind != 0)
            {
                byte* rel = lsda + 1;
                method.MainLsda = rel + *(int*)rel;
                method.MethodStart = start - (nuint)(nint)(*(int*)(rel + 4));
            }
            else
            {
                method.MainLsda = lsda;
                method.MethodStart = start;
            }
            return true;
        }

        // CIE: length, id, version, augmentation string, code and data alignment, return register, augmentation data.
        private static byte* ParseCie(byte* cie, out byte fdeEncoding, out byte lsdaEncoding, out long dataAlign, out uint returnRegister, out byte* end)
        {
            end = cie + 4 + *(uint*)cie;
            byte* p = cie + 8;
            byte version = *p++;
            byte* augmentation = p;
            while (*p != 0) p++;
            p++;
            ReadULeb(ref p);
            dataAlign = ReadSLeb(ref p);
            returnRegister = version == 1 ? *p++ : (uint)ReadULeb(ref p);
            fdeEncoding = 0;
            lsdaEncoding = 0xFF;
            if (augmentation[0] == (byte)'z')
            {
                ulong length = ReadULeb(ref p);
                byte* data = p;
                for (byte* a = augmentation + 1; *a != 0; a++)
                {
                    if (*a == (byte)'R') fdeEncoding = *data++;
                    else if (*a == (byte)'L') lsdaEncoding = *data++;
                    else if (*a == (byte)'P') { byte e = *data++; ReadEncoded(ref data, e, null); }
                }
                p += length;
            }
            return p; // initial instructions
        }

        // The register rule state: CFA = reg + offset; saved registers at CFA + offset (0 = not saved).
        private struct Rules
        {
            internal uint CfaRegister;
            internal long CfaOffset;
            internal fixed long Saved[17];
        }

        /// <summary>
        /// Replaces <paramref name="ctx"/> (a frame of <paramref name="method"/> stopped at ctx.Rip) with its
        /// caller's registers. <paramref name="active"/>: ctx.Rip is the faulting instruction, not a return address.
        /// </summary>
        internal static void Unwind(in UkEhMethod method, ref UkEhContext ctx, bool active)
        {
            nuint pc = active ? ctx.Rip : ctx.Rip - 1;
            byte* initial = ParseCie(method.Cie, out byte fdeEncoding, out _, out long dataAlign, out uint ra, out byte* cieEnd);
            Rules rules = default;
            Rules initialRules = default;
            Run(initial, cieEnd, ref rules, ref rules, dataAlign, method.Start, nuint.MaxValue);
            initialRules = rules;
            byte* q = method.Fde + 8;
            ReadEncoded(ref q, fdeEncoding, null);
            ReadEncoded(ref q, (byte)(fdeEncoding & 0x0F), null);
            ulong augLength = ReadULeb(ref q);
            q += augLength;
            byte* fdeEnd = method.Fde + 4 + *(uint*)method.Fde;
            Run(q, fdeEnd, ref rules, ref initialRules, dataAlign, method.Start, pc);

            nuint cfa = Register(in ctx, rules.CfaRegister) + (nuint)rules.CfaOffset;
            UkEhContext caller = ctx;
            caller.Rsp = cfa;
            caller.Rip = rules.Saved[ra] != 0 ? *(nuint*)(cfa + (nuint)rules.Saved[ra]) : *(nuint*)(cfa - 8);
            if (rules.Saved[6] != 0) caller.Rbp = *(nuint*)(cfa + (nuint)rules.Saved[6]);
            if (rules.Saved[3] != 0) caller.Rbx = *(nuint*)(cfa + (nuint)rules.Saved[3]);
            if (rules.Saved[12] != 0) caller.R12 = *(nuint*)(cfa + (nuint)rules.Saved[12]);
            if (rules.Saved[13] != 0) caller.R13 = *(nuint*)(cfa + (nuint)rules.Saved[13]);
            if (rules.Saved[14] != 0) caller.R14 = *(nuint*)(cfa + (nuint)rules.Saved[14]);
            if (rules.Saved[15] != 0) caller.R15 = *(nuint*)(cfa + (nuint)rules.Saved[15]);
            ctx = caller;
        }

        private static nuint Register(in UkEhContext ctx, uint dwarf)
        {
            switch (dwarf)
            {
                case 7: return ctx.Rsp;
                case 6: return ctx.Rbp;
                case 3: return ctx.Rbx;
                case 12: return ctx.R12;
                case 13: return ctx.R13;
                case 14: return ctx.R14;
                case 15: return ctx.R15;
                default: Panic.Fail("exception unwinding: the CFA is based on a register the unwinder does not track"); return 0;
            }
        }

        private static void SetSaved(ref Rules rules, ulong reg, long offset)
        {
            if (reg <= 16) rules.Saved[reg] = offset;
        }

        // Runs CFA instructions while the location is <= pc.
        private static void Run(byte* p, byte* end, ref Rules rules, ref Rules initial, long dataAlign, nuint loc, nuint pc)
        {
            Rules remembered = default;
            while (p < end)
            {
                byte op = *p++;
                byte high = (byte)(op & 0xC0);
                byte low = (byte)(op & 0x3F);
                if (high == 0x40) { loc += low; if (loc > pc) return; continue; }
                if (high == 0x80) { SetSaved(ref rules, low, (long)ReadULeb(ref p) * dataAlign); continue; }
                if (high == 0xC0) { SetSaved(ref rules, low, low <= 16 ? initial.Saved[low] : 0); continue; }
                switch (op)
                {
                    case 0x00: break;                                                       // nop
                    case 0x02: loc += *p; p += 1; if (loc > pc) return; break;              // advance_loc1
                    case 0x03: loc += *(ushort*)p; p += 2; if (loc > pc) return; break;     // advance_loc2
                    case 0x04: loc += *(uint*)p; p += 4; if (loc > pc) return; break;       // advance_loc4
                    case 0x05: { ulong r = ReadULeb(ref p); SetSaved(ref rules, r, (long)ReadULeb(ref p) * dataAlign); break; } // offset_extended
                    case 0x06: { ulong r = ReadULeb(ref p); if (r <= 16) SetSaved(ref rules, r, initial.Saved[r]); break; }    // restore_extended
                    case 0x07: case 0x08: SetSaved(ref rules, ReadULeb(ref p), 0); break;  // undefined, same_value
                    case 0x0A: remembered = rules; break;                                   // remember_state
                    case 0x0B: rules = remembered; break;                                   // restore_state
                    case 0x0C: rules.CfaRegister = (uint)ReadULeb(ref p); rules.CfaOffset = (long)ReadULeb(ref p); break; // def_cfa
                    case 0x0D: rules.CfaRegister = (uint)ReadULeb(ref p); break;            // def_cfa_register
                    case 0x0E: rules.CfaOffset = (long)ReadULeb(ref p); break;              // def_cfa_offset
                    case 0x11: { ulong r = ReadULeb(ref p); SetSaved(ref rules, r, ReadSLeb(ref p) * dataAlign); break; } // offset_extended_sf
                    case 0x12: rules.CfaRegister = (uint)ReadULeb(ref p); rules.CfaOffset = ReadSLeb(ref p) * dataAlign; break; // def_cfa_sf
                    case 0x13: rules.CfaOffset = ReadSLeb(ref p) * dataAlign; break;        // def_cfa_offset_sf
                    case 0x2E: ReadULeb(ref p); break;                                      // GNU_args_size
                    default:
                        Panic.Fail("exception unwinding: unsupported DWARF CFA instruction 0x" + ((int)op).ToString("x"));
                        break;
                }
            }
        }

        /// <summary>Reads a DW_EH_PE-encoded value (absptr, udata4/8, sdata4/8; pcrel or datarel to <paramref name="dataBase"/>).</summary>
        internal static nuint ReadEncoded(ref byte* p, byte encoding, byte* dataBase)
        {
            if (encoding == 0xFF) return 0;
            byte* at = p;
            nuint value;
            switch (encoding & 0x0F)
            {
                case 0x00: case 0x04: case 0x0C: value = *(nuint*)p; p += 8; break;
                case 0x03: value = *(uint*)p; p += 4; break;
                case 0x0B: value = (nuint)(nint)(*(int*)p); p += 4; break;
                case 0x02: value = *(ushort*)p; p += 2; break;
                case 0x0A: value = (nuint)(nint)(*(short*)p); p += 2; break;
                case 0x01: value = (nuint)ReadULeb(ref p); break;
                case 0x09: value = (nuint)ReadSLeb(ref p); break;
                default: Panic.Fail("exception unwinding: unsupported pointer encoding"); return 0;
            }
            switch (encoding & 0x70)
            {
                case 0x10: value += (nuint)at; break;
                case 0x30: value += (nuint)dataBase; break;
            }
            return value;
        }

        internal static ulong ReadULeb(ref byte* p)
        {
            ulong result = 0;
            int shift = 0;
            byte b;
            do { b = *p++; result |= (ulong)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
            return result;
        }

        internal static long ReadSLeb(ref byte* p)
        {
            long result = 0;
            int shift = 0;
            byte b;
            do { b = *p++; result |= (long)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
            if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
            return result;
        }

        /// <summary>NativeAOT's VarInt: the low bits of the first byte give the length (0, 01, 011, 0111, 01111).</summary>
        internal static uint ReadVarUInt(ref byte* p)
        {
            uint b = *p;
            if ((b & 1) == 0) { p += 1; return b >> 1; }
            if ((b & 2) == 0) { uint v = (uint)(p[0] | (p[1] << 8)) >> 2; p += 2; return v; }
            if ((b & 4) == 0) { uint v = (uint)(p[0] | (p[1] << 8) | (p[2] << 16)) >> 3; p += 3; return v; }
            if ((b & 8) == 0) { uint v = *(uint*)p >> 4; p += 4; return v; }
            uint w = *(uint*)(p + 1);
            p += 5;
            return w;
        }
    }
}
