/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Port I/O for PV guests: IN, OUT, INS and OUTS under the guest's virtual
 * IOPL and I/O bitmap, with I/O breakpoints.
 */
#include <hv/lib.h>
#include "emul-private.h"

/* Iterations of one REP INS/OUTS before the guest is resumed. */
#define MAX_REPS_PER_TRAP 1024

/*
 * The guest kernel believes it runs in ring 1, or ring 0 with
 * architectural_iopl; its user space in ring 3.  The virtual IOPL is
 * compared against that belief, never against the real ring 3.
 */
bool emul_iopl_ok(const struct pv_emul_vcpu *v)
{
    unsigned int cpl = v->kernel_mode ? (v->architectural_iopl ? 0 : 1) : 3;

    return cpl <= v->iopl;
}

bool pv_io_allowed(const struct pv_emul_vcpu *v, const struct pv_emul_ops *ops,
                   unsigned int port, unsigned int bytes)
{
    uint8_t map[2];
    unsigned int missing;
    uint16_t bits;

    if ( emul_iopl_ok(v) )
        return true;
    if ( port + bytes > v->iobmp_limit )
        return false;

    /* The two bitmap bytes covering the access; unreadable bytes deny. */
    missing = ops->read_iobmp(v->iobmp + port / 8, map, 2);
    if ( missing >= 2 )
        map[0] = 0xff;
    if ( missing >= 1 )
        map[1] = 0xff;
    bits = map[0] | (map[1] << 8);

    return !(bits & (((1u << bytes) - 1) << (port & 7)));
}

/* Which of DR0-3 watch this port range (as I/O breakpoints, CR4.DE set). */
static uint32_t io_breakpoints(const struct pv_emul_vcpu *v,
                               unsigned int port, unsigned int len)
{
    uint32_t match = 0;
    unsigned int i, width;
    uint64_t start;

    if ( !v->dr7_emul || !(v->cr4 & CR4_DE) )
        return 0;

    for ( i = 0; i < 4; i++ )
    {
        if ( !(v->dr7_emul & (3u << (i * 2))) )
            continue;
        switch ( (v->dr7 >> (16 + i * 4)) & 0xc )
        {
        case 0x0: width = 1; break;
        case 0x4: width = 2; break;
        case 0xc: width = 4; break;
        default:  width = 8; break;
        }
        start = v->dr[i] & ~(uint64_t)(width - 1);
        if ( start < port + len && start + width > port )
            match |= 1u << i;
    }
    return match;
}

/* Access size: byte forms, else the operand size capped at 32 bits. */
static unsigned int io_bytes(const struct x86_insn *insn)
{
    if ( !(insn->opcode & 1) )
        return 1;
    return insn->op_bytes == 8 ? 4 : insn->op_bytes;
}

int emul_in_out(struct emul_ctxt *c)
{
    const struct x86_insn *insn = &c->insn;
    unsigned int bytes = io_bytes(insn), port;

    port = insn->opcode < 0xe8 ? (uint8_t)insn->imm
                               : (uint16_t)c->regs->rdx;
    if ( !pv_io_allowed(&c->v, c->ops, port, bytes) )
        return EMUL_UNHANDLED;

    c->bpmatch = io_breakpoints(&c->v, port, bytes);
    if ( insn->opcode & 2 )
        c->ops->io_write(port, bytes,
                         (uint32_t)x86_reg_read(c->regs, 0, bytes, false));
    else
        x86_reg_write(c->regs, 0, bytes, false, c->ops->io_read(port, bytes));
    return EMUL_OK;
}

static uint64_t count_reg(const struct cpu_user_regs *regs,
                          unsigned int ad_bytes)
{
    return x86_reg_read(regs, 1, ad_bytes, true);
}

/* Address registers wrap within the address size; 32-bit ones in long
 * mode are zero-extended, as a 32-bit register write would be. */
static void addr_reg_add(struct cpu_user_regs *regs, unsigned int n,
                         unsigned int ad_bytes, unsigned int mode,
                         int64_t delta)
{
    uint64_t v = x86_reg_read(regs, n, 8, true) + delta;

    if ( ad_bytes == 8 )
        x86_reg_write(regs, n, 8, true, v);
    else if ( ad_bytes == 4 && mode == 64 )
        x86_reg_write(regs, n, 8, true, (uint32_t)v);
    else
        x86_reg_write(regs, n, ad_bytes, true, v);
}

static void count_reg_set(struct cpu_user_regs *regs, unsigned int ad_bytes,
                          uint64_t count)
{
    if ( ad_bytes == 2 )
        x86_reg_write(regs, 1, 2, true, count);
    else
        x86_reg_write(regs, 1, 8, true,
                      ad_bytes == 4 ? (uint32_t)count : count);
}

/*
 * Repetitions possible before the address would wrap in the address
 * size, at most want (at least one: the wrapping one faults on its own).
 */
static uint64_t clip_reps(uint64_t ea, uint64_t want, unsigned int bytes,
                          unsigned int ad_bytes, bool down)
{
    uint64_t mask = ad_bytes == 8 ? ~0ULL : (1ULL << (8 * ad_bytes)) - 1;
    uint64_t todo;

    ea &= mask;
    if ( !down )
        todo = ((-ea) & mask) / bytes;
    else if ( ((ea + bytes - 1) & mask) < ea )
        todo = 1;
    else
        todo = ea / bytes + 1;
    if ( !todo )
        return 1;
    return MIN(todo, want);
}

int emul_ins_outs(struct emul_ctxt *c)
{
    struct cpu_user_regs *regs = c->regs;
    const struct x86_insn *insn = &c->insn;
    const struct pv_emul_ops *ops = c->ops;
    bool ins = !(insn->opcode & 2), down = regs->rflags & EFLAGS_DF;
    unsigned int bytes = io_bytes(insn), ad = insn->ad_bytes;
    unsigned int port = (uint16_t)regs->rdx, ptr = ins ? 7 : 6;
    enum x86_seg seg = ins ? X86_SEG_ES
                           : (insn->seg_override != X86_SEG_NONE
                              ? insn->seg_override : X86_SEG_DS);
    uint64_t reps = 1, done = 0, base = 0, off, la;
    uint32_t data;
    unsigned int missing;
    int rc = EMUL_OK;

    if ( insn->rep )
    {
        reps = count_reg(regs, ad);
        if ( !reps )
        {
            /* Nothing to do, but 32-bit addressing still zero-extends. */
            if ( insn->mode == 64 && ad == 4 )
            {
                count_reg_set(regs, ad, 0);
                addr_reg_add(regs, ptr, ad, insn->mode, 0);
            }
            return EMUL_OK;
        }
        /* Single-stepping takes one iteration per #DB. */
        if ( regs->rflags & EFLAGS_TF )
            reps = 1;
    }

    if ( !pv_io_allowed(&c->v, ops, port, bytes) )
        return EMUL_UNHANDLED;

    off = x86_reg_read(regs, ptr, ad, true);
    reps = clip_reps(off, MIN(reps, (uint64_t)MAX_REPS_PER_TRAP), bytes, ad,
                     down);
    if ( insn->mode != 64 || seg == X86_SEG_FS || seg == X86_SEG_GS )
        base = ops->seg_base(seg);
    c->bpmatch = io_breakpoints(&c->v, port, bytes);

    while ( done < reps )
    {
        data = ins ? ops->io_read(port, bytes) : 0;
        la = base + off;
        if ( insn->mode != 64 )
            la = (uint32_t)la;
        else if ( !emul_addr_ok(la) )
        {
            rc = seg == X86_SEG_SS ? emul_raise(c, X86_EXC_SS, true, 0)
                                   : emul_gp0(c);
            break;
        }
        if ( ins )
            missing = ops->write(la, &data, bytes);
        else
            missing = ops->read(la, &data, bytes);
        if ( missing )
        {
            rc = emul_pf(c, ins ? 2 : 0, la + bytes - missing);
            break;
        }
        if ( !ins )
            ops->io_write(port, bytes, data);
        done++;
        /* A breakpoint hit ends the string here, to report it. */
        if ( c->bpmatch )
            break;
        off += down ? -(uint64_t)bytes : bytes;
    }

    /* A lone INS/OUTS that faults leaves no trace; a REP one keeps the
     * iterations done and restarts at this instruction. */
    if ( rc != EMUL_OK && !insn->rep )
        return rc;
    addr_reg_add(regs, ptr, ad, insn->mode,
                 (int64_t)(down ? -(done * bytes) : done * bytes));
    if ( insn->rep )
    {
        uint64_t left = count_reg(regs, ad) - done;

        count_reg_set(regs, ad, left);
        c->restart = left != 0;
    }
    return rc;
}
