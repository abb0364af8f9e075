/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writable page tables (VMASST_TYPE_writable_pagetables): a guest kernel
 * may write its L1 tables as if they were ordinary memory.  They are mapped
 * read-only, so the write faults; we decode the instruction, build the new
 * entry and apply it through mod_l1_entry(), with every check an
 * mmu_update would make, then step over the instruction.  A write whose new
 * entry fails the checks is not emulated: the guest gets its #PF.
 *
 * The hardware domain gets this whether it asked or not, as on Xen (whose
 * check for its read-only MMIO lets these through too); a store of its
 * into read-only MMIO (the I/O APIC, the HPET) is dropped.
 *
 * Stores are accepted only when naturally aligned, at most 8 bytes and
 * inside the faulting page (as on Xen).  Handled: MOV, XCHG, CMPXCHG,
 * CMPXCHG8B, XADD, and the read-modify-write forms of ADD, OR, AND, SUB,
 * XOR, INC, DEC, NOT, NEG, BTS, BTR and BTC that Linux's bit operations
 * on PTEs compile to.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/mm.h>
#include <asm/current.h>
#include <asm/eflags.h>
#include <asm/mm.h>
#include <asm/msr.h>
#include <asm/traps.h>
#include <asm/x86-decode.h>
#include "mm.h"
#include "../pv/pv.h"

#define ARITH_FLAGS (X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | \
                     X86_EFLAGS_ZF | X86_EFLAGS_SF | X86_EFLAGS_OF)

enum alu_op { ALU_ADD, ALU_OR, ALU_ADC, ALU_SBB, ALU_AND, ALU_SUB, ALU_XOR,
              ALU_NONE };

static int fetch(void *ctx, uint64_t addr, void *buf, unsigned int len)
{
    return copy_from_guest(buf, addr, len) ? -1 : 0;
}

static uint64_t mask_of(unsigned int bytes)
{
    return bytes == 8 ? ~0UL : (1UL << (bytes * 8)) - 1;
}

/* ZF, SF and PF of a result. */
static unsigned long result_flags(uint64_t res, unsigned int bytes)
{
    unsigned long f = 0;

    res &= mask_of(bytes);
    if ( !res )
        f |= X86_EFLAGS_ZF;
    if ( res >> (bytes * 8 - 1) )
        f |= X86_EFLAGS_SF;
    if ( !(__builtin_popcount(res & 0xff) & 1) )
        f |= X86_EFLAGS_PF;
    return f;
}

/* dst op src: the result, and the arithmetic flags in *flags. */
static uint64_t alu(enum alu_op op, uint64_t dst, uint64_t src,
                    unsigned int bytes, unsigned long *flags)
{
    uint64_t m = mask_of(bytes), res;
    unsigned int top = bytes * 8 - 1;
    unsigned long f = 0;

    dst &= m;
    src &= m;
    switch ( op )
    {
    case ALU_ADD:
        res = (dst + src) & m;
        if ( res < dst )
            f |= X86_EFLAGS_CF;
        if ( (((dst ^ res) & (src ^ res)) >> top) & 1 )
            f |= X86_EFLAGS_OF;
        f |= (dst ^ src ^ res) & X86_EFLAGS_AF;
        break;
    case ALU_SUB:
        res = (dst - src) & m;
        if ( dst < src )
            f |= X86_EFLAGS_CF;
        if ( (((dst ^ src) & (dst ^ res)) >> top) & 1 )
            f |= X86_EFLAGS_OF;
        f |= (dst ^ src ^ res) & X86_EFLAGS_AF;
        break;
    case ALU_OR:
        res = dst | src;
        break;
    case ALU_AND:
        res = dst & src;
        break;
    default:
        res = dst ^ src;
        break;
    }
    *flags = f | result_flags(res, bytes);
    return res;
}

/*
 * What a read-modify-write instruction stores into 'old'; false if we do
 * not emulate it.  *flags_mask says which RFLAGS bits *flags replaces.
 */
static bool rmw_result(const struct x86_insn *in, uint64_t old, uint64_t src,
                       unsigned int bytes, uint64_t *res,
                       unsigned long *flags, unsigned long *flags_mask)
{
    unsigned int sub = in->reg & 7;
    enum alu_op op = ALU_NONE;

    *flags_mask = ARITH_FLAGS;
    if ( in->map == X86_MAP_1B )
    {
        switch ( in->opcode )
        {
        case 0x00: case 0x01: op = ALU_ADD; break;
        case 0x08: case 0x09: op = ALU_OR; break;
        case 0x20: case 0x21: op = ALU_AND; break;
        case 0x28: case 0x29: op = ALU_SUB; break;
        case 0x30: case 0x31: op = ALU_XOR; break;
        case 0x80: case 0x81: case 0x83:
            op = (enum alu_op)sub;
            break;
        case 0xf6: case 0xf7:
            if ( sub == 2 )
            {
                *res = ~old & mask_of(bytes);
                *flags_mask = 0;
                return true;
            }
            if ( sub == 3 )
            {
                *res = alu(ALU_SUB, 0, old, bytes, flags);
                if ( old & mask_of(bytes) )
                    *flags |= X86_EFLAGS_CF;
                else
                    *flags &= ~X86_EFLAGS_CF;
                return true;
            }
            return false;
        case 0xfe: case 0xff:
            if ( sub > 1 )
                return false;
            /* INC and DEC leave CF alone. */
            *res = alu(sub ? ALU_SUB : ALU_ADD, old, 1, bytes, flags);
            *flags_mask &= ~X86_EFLAGS_CF;
            return true;
        }
        if ( op == ALU_ADC || op == ALU_SBB || op == ALU_NONE )
            return false;
        *res = alu(op, old, src, bytes, flags);
        return true;
    }

    if ( in->map != X86_MAP_0F )
        return false;
    switch ( in->opcode )
    {
    case 0xab: case 0xb3: case 0xbb: case 0xba:
    {
        unsigned int kind = in->opcode == 0xba ? sub
                                               : ((in->opcode >> 3) & 3) + 4u;
        uint64_t bit = 1UL << (src & (bytes * 8 - 1));

        if ( in->opcode == 0xba && sub < 5 )
            return false;
        /* BT* set only CF (the old bit); keep the rest as they were. */
        *flags = (old & bit) ? X86_EFLAGS_CF : 0;
        *flags_mask = X86_EFLAGS_CF;
        switch ( kind )
        {
        case 5: *res = old | bit; break;        /* BTS */
        case 6: *res = old & ~bit; break;       /* BTR */
        default: *res = old ^ bit; break;       /* BTC */
        }
        return true;
    }
    }
    return false;
}

/* BT* with a register bit offset address a word away from the operand. */
static int64_t bt_displacement(const struct x86_insn *in, uint64_t src,
                               unsigned int bytes)
{
    int64_t off;

    if ( in->map != X86_MAP_0F ||
         (in->opcode != 0xab && in->opcode != 0xb3 && in->opcode != 0xbb) )
        return 0;
    off = bytes == 8 ? (int64_t)src
                     : (int64_t)(src << (64 - bytes * 8)) >> (64 - bytes * 8);
    /* Arithmetic shift: floor division by the operand's bit width. */
    return (off >> (bytes == 8 ? 6 : bytes == 4 ? 5 : 4)) * (int64_t)bytes;
}

static uint64_t seg_base(enum x86_seg seg)
{
    if ( seg == X86_SEG_FS )
        return rdmsr(MSR_FS_BASE);
    if ( seg == X86_SEG_GS )
        return rdmsr(MSR_GS_BASE);
    return 0;
}

/* Emulate the faulting write into the L1 table 'mfn' mapped at 'addr'. */
static bool emulate_l1_write(struct cpu_user_regs *regs, struct domain *d,
                             unsigned long addr, mfn_t mfn)
{
    struct x86_insn in;
    struct x86_mem_write w;
    unsigned long linear, flags = 0, flags_mask = 0;
    unsigned int bytes, shift;
    pgentry_t *pte, old, part, nl1e;
    uint64_t res = 0;
    bool store = true;

    if ( x86_decode(&in, regs, 64, 0, fetch, NULL) != X86_DECODE_OK )
        return false;
    x86_insn_mem_write(&in, regs, &w);
    bytes = w.bytes;
    if ( w.kind == X86_WRITE_NONE || !bytes || bytes > 8 ||
         (bytes & (bytes - 1)) )
        return false;
    linear = x86_insn_linear(&in, seg_base(in.seg));
    if ( w.kind == X86_WRITE_RMW )
        linear += bt_displacement(&in, w.val, bytes);
    if ( ((linear ^ addr) & PAGE_MASK) || (linear & (bytes - 1)) )
        return false;

    pte = (pgentry_t *)frame_va(mfn) + ((linear & ~PAGE_MASK) >> 3);
    old = *pte;
    shift = (linear & 7) * 8;
    part = (old >> shift) & mask_of(bytes);

    switch ( w.kind )
    {
    case X86_WRITE_MOV:
    case X86_WRITE_XCHG:
        res = w.val;
        break;
    case X86_WRITE_CMPXCHG:
        /* Flags as CMP accumulator, destination. */
        alu(ALU_SUB, w.cmp, part, bytes, &flags);
        flags_mask = ARITH_FLAGS;
        store = part == (w.cmp & mask_of(bytes));
        res = w.val;
        break;
    case X86_WRITE_CMPXCHG_DBL:
        flags_mask = X86_EFLAGS_ZF;
        store = part == w.cmp;
        flags = store ? X86_EFLAGS_ZF : 0;
        res = w.val;
        break;
    case X86_WRITE_RMW:
        if ( in.map == X86_MAP_0F && (in.opcode == 0xc0 || in.opcode == 0xc1) )
        {
            res = alu(ALU_ADD, part, w.val, bytes, &flags);
            flags_mask = ARITH_FLAGS;
        }
        else if ( !rmw_result(&in, part, w.val, bytes, &res, &flags,
                              &flags_mask) )
            return false;
        break;
    default:
        return false;
    }

    if ( store )
    {
        nl1e = (old & ~(mask_of(bytes) << shift)) |
               ((res & mask_of(bytes)) << shift);
        if ( mod_l1_entry(pte, nl1e, mfn, false, d, d) )
            return false;
    }

    /* Registers: the old value where the instruction returns it. */
    if ( w.kind == X86_WRITE_XCHG ||
         (w.kind == X86_WRITE_RMW && in.map == X86_MAP_0F &&
          (in.opcode == 0xc0 || in.opcode == 0xc1)) )
        x86_reg_write(regs, in.reg, bytes, in.rex, part);
    else if ( w.kind == X86_WRITE_CMPXCHG && !store )
        x86_reg_write(regs, 0, bytes, in.rex, part);
    else if ( w.kind == X86_WRITE_CMPXCHG_DBL && !store )
    {
        regs->rax = (uint32_t)part;
        regs->rdx = (uint32_t)(part >> 32);
    }
    regs->rflags = (regs->rflags & ~flags_mask) | (flags & flags_mask);
    regs->rip += in.len;
    return true;
}

/*
 * A plain store by the hardware domain to MMIO it may only read: ignored,
 * the instruction completed.
 */
static bool drop_mmio_ro_write(struct cpu_user_regs *regs, struct domain *d,
                               unsigned long addr, mfn_t mfn)
{
    struct x86_insn in;
    struct x86_mem_write w;
    bool ro;

    if ( iomem_check(d, mfn, &ro) || !ro ||
         x86_decode(&in, regs, 64, 0, fetch, NULL) != X86_DECODE_OK )
        return false;
    x86_insn_mem_write(&in, regs, &w);
    if ( w.kind != X86_WRITE_MOV || !w.bytes || (w.bytes & (w.bytes - 1)) ||
         x86_insn_linear(&in, seg_base(in.seg)) != addr ||
         (addr & (w.bytes - 1)) )
        return false;
    regs->rip += in.len;
    return true;
}

bool pv_fixup_page_fault(struct cpu_user_regs *regs, unsigned long addr)
{
    struct vcpu *v = current_vcpu();
    struct domain *d = v->domain;
    uint32_t ec = regs->error_code;
    struct page_info *pg;
    pgentry_t *pl1e, pte;
    mfn_t l1mfn, mfn;
    bool done = false;

    if ( !v->arch.kernel_mode ||
         (!vm_assist(d, VMASST_TYPE_writable_pagetables) &&
          d != hardware_domain) ||
         (ec & (PFEC_reserved_bit | PFEC_insn_fetch)) ||
         (ec & (PFEC_write_access | PFEC_present)) !=
         (PFEC_write_access | PFEC_present) )
        return false;

    /* The kernel's mapping of addr: present, read-only, of an L1 table. */
    pl1e = guest_l1e_of(v, addr, &l1mfn);
    if ( !pl1e )
        return false;
    pte = *pl1e;
    if ( (pte & (_PAGE_PRESENT | _PAGE_RW)) != _PAGE_PRESENT )
        return false;
    mfn = pte_mfn(pte);
    if ( d == hardware_domain && is_iomem_page(mfn) )
        return drop_mmio_ro_write(regs, d, addr, mfn);
    pg = get_page_from_mfn(mfn, d);
    if ( !pg )
        return false;
    if ( (pg->type_info & PGT_type_mask) == PGT_l1_page_table &&
         (pg->type_info & PGT_count_mask) &&
         (pg->type_info & PGT_validated) )
        done = emulate_l1_write(regs, d, addr, mfn);
    put_page(pg);
    return done;
}
