/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Privileged instructions of 64-bit PV guests, after the #GP (or #UD) they
 * raise in ring 3.  Xen 4.17 emulates exactly these: CPUID (forced prefix,
 * or faulted), RDMSR/WRMSR, MOV to/from CR0/2/3/4 and DR0-7, CLTS, port
 * I/O, WBINVD, XSETBV, RDTSC/RDTSCP (CR4.TSD) and CLI/STI (as no-ops).
 * Everything else, HLT, LMSW, SMSW and INVD included, gets the #GP back.
 */
#include <hv/errno.h>
#include <hv/lib.h>
#include "emul-private.h"

#define CR0_TS          (1u << 3)
#define MSR_IA32_TSC    0x00000010
#define MSR_TSC_AUX     0xc0000103

/* Instruction fetch for the decoder: #GP outside the guest's addresses,
 * #PF at the first byte that cannot be read. */
static int fetch(void *ctx, uint64_t addr, void *buf, unsigned int len)
{
    struct emul_ctxt *c = ctx;
    unsigned int missing;

    if ( c->v.code_bits == 64 && !emul_addr_ok(addr) )
    {
        emul_gp0(c);
        return -1;
    }
    missing = c->ops->read(addr, buf, len);
    if ( missing )
    {
        emul_pf(c, 0, addr + len - missing);
        return -1;
    }
    return 0;
}

static void cpuid_ctx(const struct emul_ctxt *c, struct pv_cpuid_ctx *cc,
                      bool via_ud)
{
    memset(cc, 0, sizeof(*cc));
    cc->hv = c->v.hv;
    cc->host_cpuid = c->ops->host_cpuid;
    cc->guest_cr4 = c->v.cr4;
    cc->host_osxsave = c->v.host_cr4 & CR4_OSXSAVE;
    cc->kernel_mode = c->v.kernel_mode;
    cc->hardware_domain = c->v.hardware_domain;
    cc->via_ud = via_ud;
}

static void set_cpuid_regs(struct cpu_user_regs *regs,
                           const struct cpuid_leaf *r)
{
    regs->rax = r->a;
    regs->rbx = r->b;
    regs->rcx = r->c;
    regs->rdx = r->d;
}

/* Retires the instruction: rip onwards, RF cleared, #DB if it was
 * single-stepped or hit an I/O breakpoint. */
static int retire(struct emul_ctxt *c, uint64_t next_rip)
{
    struct cpu_user_regs *regs = c->regs;
    uint64_t dr6 = c->bpmatch;

    if ( !c->restart )
        regs->rip = next_rip;
    regs->rflags &= ~(uint64_t)EFLAGS_RF;
    if ( regs->rflags & EFLAGS_TF )
        dr6 |= DR_STEP;
    if ( !dr6 )
        return EMUL_OK;
    c->fault->dr6 = dr6 | DR_STATUS_RESERVED_ONE;
    return emul_raise(c, X86_EXC_DB, false, 0);
}

/* ud2; .ascii "xen"; cpuid: the only instruction emulated after a #UD. */
static int forced_cpuid(struct emul_ctxt *c)
{
    static const uint8_t sig[5] = { 0x0f, 0x0b, 'x', 'e', 'n' };
    static const uint8_t op[2] = { 0x0f, 0xa2 };
    struct cpu_user_regs *regs = c->regs;
    uint64_t rip = regs->rip;
    struct pv_cpuid_ctx cc;
    struct cpuid_leaf res;
    uint8_t buf[5];
    unsigned int missing;

    missing = c->ops->read(rip, buf, sizeof(sig));
    if ( missing )
        return emul_pf(c, 0, rip + sizeof(sig) - missing);
    if ( memcmp(buf, sig, sizeof(sig)) )
        return EMUL_UNHANDLED;
    rip += sizeof(sig);
    missing = c->ops->read(rip, buf, sizeof(op));
    if ( missing )
        return emul_pf(c, 0, rip + sizeof(op) - missing);
    if ( memcmp(buf, op, sizeof(op)) )
        return EMUL_UNHANDLED;

    /* With CPUID faulting on, user space gets the #GP a CPUID would. */
    if ( c->v.cpuid_faulting && !c->v.kernel_mode )
    {
        regs->rip = rip;
        return emul_raise(c, X86_EXC_GP, true, regs->error_code);
    }

    cpuid_ctx(c, &cc, true);
    pv_cpuid_lookup(c->v.cpuid, &cc, (uint32_t)regs->rax,
                    (uint32_t)regs->rcx, &res);
    set_cpuid_regs(regs, &res);
    return retire(c, rip + sizeof(op));
}

static int mov_cr(struct emul_ctxt *c, bool to_cr)
{
    const struct x86_insn *insn = &c->insn;
    struct cpu_user_regs *regs = c->regs;
    unsigned int bytes = insn->op_bytes;
    uint64_t val;
    int rc;

    if ( !to_cr )
    {
        switch ( insn->reg )
        {
        case 0: val = c->v.cr0; break;
        case 2: val = c->v.cr2; break;
        case 3: val = c->v.cr3; break;
        case 4: val = c->v.cr4; break;
        default: return EMUL_UNHANDLED;
        }
        x86_reg_write(regs, insn->rm, bytes, true, val);
        return EMUL_OK;
    }

    val = x86_reg_read(regs, insn->rm, bytes, true);
    switch ( insn->reg )
    {
    case 0:
        /* Only TS is the guest's; it may write back the rest unchanged. */
        if ( (val ^ c->v.cr0) & ~(uint64_t)CR0_TS )
            return EMUL_UNHANDLED;
        c->ops->fpu_taskswitch(val & CR0_TS);
        return EMUL_OK;
    case 2:
        c->ops->write_cr2(val);
        return EMUL_OK;
    case 3:
        rc = c->ops->write_cr3(val);
        if ( rc == -ERESTART )
            return EMUL_RETRY;
        return rc ? EMUL_UNHANDLED : EMUL_OK;
    case 4:
        c->ops->write_cr4(pv_cpuid_fixup_cr4(c->v.cpuid, c->v.host_cr4,
                                             val));
        return EMUL_OK;
    }
    return EMUL_UNHANDLED;
}

static int mov_dr(struct emul_ctxt *c, bool to_dr)
{
    const struct x86_insn *insn = &c->insn;
    uint64_t val;
    uint32_t io;
    int rc;

    if ( !to_dr )
    {
        if ( pv_debugreg_read(&c->v, insn->reg, &val) )
            return emul_ud(c);
        x86_reg_write(c->regs, insn->rm, insn->op_bytes, true, val);
        return EMUL_OK;
    }

    rc = pv_debugreg_check(insn->reg,
                           x86_reg_read(c->regs, insn->rm, insn->op_bytes,
                                        true),
                           c->v.cr4, &val, &io);
    if ( rc == -ENODEV )
        return emul_ud(c);
    if ( rc )
        return emul_gp0(c);
    c->ops->write_dr(insn->reg, val, io);
    return EMUL_OK;
}

static int rdmsr_insn(struct emul_ctxt *c)
{
    uint64_t val;

    if ( pv_emul_rdmsr(&c->v, c->ops, (uint32_t)c->regs->rcx, &val) )
        return emul_gp0(c);
    c->regs->rax = (uint32_t)val;
    c->regs->rdx = val >> 32;
    return EMUL_OK;
}

static int wrmsr_insn(struct emul_ctxt *c)
{
    uint64_t val = (uint32_t)c->regs->rax | (c->regs->rdx << 32);

    if ( pv_emul_wrmsr(&c->v, c->ops, (uint32_t)c->regs->rcx, val) )
        return emul_gp0(c);
    return EMUL_OK;
}

/* RDTSC traps only while CR4.TSD is set: for the guest's user space if
 * the guest set it, for everyone if the TSC is emulated. */
static int rdtsc_insn(struct emul_ctxt *c, bool rdtscp)
{
    uint64_t tsc, aux;

    if ( rdtscp )
    {
        if ( pv_emul_rdmsr(&c->v, c->ops, MSR_TSC_AUX, &aux) )
            return emul_gp0(c);
    }
    if ( !emul_ring0(c) && (c->v.cr4 & CR4_TSD) )
        return emul_gp0(c);
    if ( pv_emul_rdmsr(&c->v, c->ops, MSR_IA32_TSC, &tsc) )
        return emul_gp0(c);
    if ( rdtscp )
        c->regs->rcx = (uint32_t)aux;
    c->regs->rax = (uint32_t)tsc;
    c->regs->rdx = tsc >> 32;
    return EMUL_OK;
}

/* A CPUID that faulted: CPUID faulting is on, in the hypervisor at least. */
static int cpuid_insn(struct emul_ctxt *c)
{
    struct pv_cpuid_ctx cc;
    struct cpuid_leaf res;

    if ( !emul_ring0(c) && c->v.cpuid_faulting )
        return emul_gp0(c);
    cpuid_ctx(c, &cc, false);
    pv_cpuid_lookup(c->v.cpuid, &cc, (uint32_t)c->regs->rax,
                    (uint32_t)c->regs->rcx, &res);
    set_cpuid_regs(c->regs, &res);
    return EMUL_OK;
}

bool pv_xcr0_valid(const struct pv_cpuid_policy *p, uint64_t xcr0)
{
    const uint64_t fp = 1, sse = 2, ymm = 4, bnd = 3u << 3, avx512 = 7u << 5;

    if ( xcr0 & ~pv_cpuid_xcr0_max(p) )
        return false;
    if ( !(xcr0 & fp) )
        return false;
    if ( (xcr0 & ymm) && !(xcr0 & sse) )
        return false;
    /* The AVX-512 states come together, and on top of YMM. */
    if ( (xcr0 & avx512) && (!(xcr0 & ymm) || (xcr0 & avx512) != avx512) )
        return false;
    /* So do MPX's two. */
    if ( (xcr0 & bnd) && (xcr0 & bnd) != bnd )
        return false;
    return true;
}

static int xsetbv_insn(struct emul_ctxt *c)
{
    const struct x86_insn *insn = &c->insn;
    uint64_t val = (uint32_t)c->regs->rax | (c->regs->rdx << 32);

    if ( insn->opsize || insn->rep )
        return emul_ud(c);
    if ( !(c->v.cr4 & CR4_OSXSAVE) )
        return emul_ud(c);
    if ( !emul_ring0(c) )
        return emul_gp0(c);
    if ( (uint32_t)c->regs->rcx != 0 || !pv_xcr0_valid(c->v.cpuid, val) )
        return emul_gp0(c);
    if ( c->ops->write_xcr0(val) )
        return emul_gp0(c);
    return EMUL_OK;
}

/* The two-byte opcodes we emulate. */
static int twobyte(struct emul_ctxt *c)
{
    const struct x86_insn *insn = &c->insn;

    switch ( insn->opcode )
    {
    case 0x01:
        if ( insn->mod != 3 || (insn->modrm & 7) != 1 )
            return EMUL_UNHANDLED;
        if ( ((insn->modrm >> 3) & 7) == 2 )
            return xsetbv_insn(c);
        if ( ((insn->modrm >> 3) & 7) == 7 )
            return rdtsc_insn(c, true);
        return EMUL_UNHANDLED;

    case 0x06:                                          /* CLTS */
        if ( !emul_ring0(c) )
            return emul_gp0(c);
        c->ops->fpu_taskswitch(false);
        return EMUL_OK;

    case 0x09:                                          /* WBINVD */
        if ( !emul_ring0(c) )
            return emul_gp0(c);
        /* Ignored unless allowed: kernels use it in timing loops. */
        if ( c->v.cache_flush_permitted )
            c->ops->wbinvd();
        return EMUL_OK;

    case 0x20: case 0x21: case 0x22: case 0x23:
        if ( !emul_ring0(c) )
            return emul_gp0(c);
        return insn->opcode & 1 ? mov_dr(c, insn->opcode & 2)
                                : mov_cr(c, insn->opcode & 2);

    case 0x30:
        return emul_ring0(c) ? wrmsr_insn(c) : emul_gp0(c);
    case 0x31:
        return rdtsc_insn(c, false);
    case 0x32:
        return emul_ring0(c) ? rdmsr_insn(c) : emul_gp0(c);
    case 0xa2:
        return cpuid_insn(c);
    }
    return EMUL_UNHANDLED;
}

/* Is this one of ours?  LOCK makes any of them #UD, as on hardware. */
static bool emulated(const struct x86_insn *insn)
{
    if ( insn->map == X86_MAP_1B )
    {
        switch ( insn->opcode )
        {
        case 0x6c ... 0x6f: case 0xe4 ... 0xe7: case 0xec ... 0xef:
        case 0xfa: case 0xfb:
            return true;
        }
        return false;
    }
    if ( insn->map != X86_MAP_0F )
        return false;
    switch ( insn->opcode )
    {
    case 0x01:
        return insn->mod == 3 && (insn->modrm & 7) == 1 &&
               (((insn->modrm >> 3) & 7) == 2 ||
                ((insn->modrm >> 3) & 7) == 7);
    case 0x06: case 0x09: case 0x20 ... 0x23:
    case 0x30: case 0x31: case 0x32: case 0xa2:
        return true;
    }
    return false;
}

int pv_emulate_privileged_op(struct cpu_user_regs *regs,
                             unsigned int trap_vector,
                             const struct pv_emul_ops *ops,
                             struct pv_emul_fault *fault)
{
    struct emul_ctxt c = {
        .regs = regs, .ops = ops, .fault = fault,
    };
    uint64_t base;
    int rc;

    memset(fault, 0, sizeof(*fault));
    ops->get_vcpu(&c.v);

    if ( trap_vector == X86_EXC_UD )
        return forced_cpuid(&c);
    /* #GP with an error code is about a selector, never ours. */
    if ( trap_vector != X86_EXC_GP || regs->error_code )
        return EMUL_UNHANDLED;

    base = c.v.code_bits == 64 ? 0 : c.v.cs_base;
    switch ( x86_decode(&c.insn, regs, c.v.code_bits, base, fetch, &c) )
    {
    case X86_DECODE_OK:
        break;
    case X86_DECODE_FETCH_FAILED:
        return EMUL_EXCEPTION;
    case X86_DECODE_TOO_LONG:
        return emul_gp0(&c);
    default:
        return EMUL_UNHANDLED;
    }

    if ( !emulated(&c.insn) )
        return EMUL_UNHANDLED;
    if ( c.insn.lock )
        return emul_ud(&c);

    if ( c.insn.map == X86_MAP_0F )
        rc = twobyte(&c);
    else
    {
        switch ( c.insn.opcode )
        {
        case 0x6c ... 0x6f:
            rc = emul_ins_outs(&c);
            break;
        case 0xfa: case 0xfb:
            /*
             * CLI/STI are allowed at sufficient IOPL but do nothing: the
             * event mask is not reachable this way, and a guest that then
             * POPFs could not undo it.
             */
            rc = emul_iopl_ok(&c.v) ? EMUL_OK : EMUL_UNHANDLED;
            break;
        default:
            rc = emul_in_out(&c);
            break;
        }
    }

    if ( rc != EMUL_OK )
        return rc;
    return retire(&c, c.insn.mode == 64 ? c.insn.ip + c.insn.len
                                        : (uint32_t)(c.insn.ip + c.insn.len));
}
