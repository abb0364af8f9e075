/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared between the privileged-instruction emulator's files. */
#ifndef PV_EMUL_PRIVATE_H
#define PV_EMUL_PRIVATE_H

#include "emul-priv-op.h"

/* One emulation: the trapped state and where faults are reported. */
struct emul_ctxt {
    struct cpu_user_regs *regs;
    const struct pv_emul_ops *ops;
    struct pv_emul_vcpu v;
    struct pv_emul_fault *fault;
    struct x86_insn insn;
    uint32_t bpmatch;           /* I/O breakpoints hit (DR6 B0-B3) */
    bool restart;               /* done part of a REP: rip stays */
};

#define DR_STEP                 0x4000u
#define DR_STATUS_RESERVED_ONE  0xffff0ff0u

#define CR4_TSD                 (1u << 2)
#define CR4_DE                  (1u << 3)
#define CR4_OSXSAVE             (1u << 18)

#define EFLAGS_TF               (1u << 8)
#define EFLAGS_DF               (1u << 10)
#define EFLAGS_RF               (1u << 16)

static inline int emul_raise(struct emul_ctxt *c, unsigned int vector,
                             bool has_ec, uint32_t ec)
{
    c->fault->vector = vector;
    c->fault->has_error_code = has_ec;
    c->fault->error_code = ec;
    return EMUL_EXCEPTION;
}

static inline int emul_gp0(struct emul_ctxt *c)
{
    return emul_raise(c, X86_EXC_GP, true, 0);
}

static inline int emul_ud(struct emul_ctxt *c)
{
    return emul_raise(c, X86_EXC_UD, false, 0);
}

static inline int emul_pf(struct emul_ctxt *c, uint32_t ec, uint64_t addr)
{
    c->fault->cr2 = addr;
    return emul_raise(c, X86_EXC_PF, true, ec);
}

/*
 * Addresses a PV guest may reach: the lower canonical half, and above the
 * hypervisor's 16 PML4 slots in the upper half.
 */
static inline bool emul_addr_ok(uint64_t la)
{
    return la < (1ULL << 47) || la >= 0xffff880000000000ULL;
}

/* Privilege levels as the guest is made to believe in them. */
static inline bool emul_ring0(const struct emul_ctxt *c)
{
    return c->v.kernel_mode;
}

/* emul-io.c */
int emul_in_out(struct emul_ctxt *c);
int emul_ins_outs(struct emul_ctxt *c);
bool emul_iopl_ok(const struct pv_emul_vcpu *v);

#endif /* PV_EMUL_PRIVATE_H */
