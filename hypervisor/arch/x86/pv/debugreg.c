/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Debug registers of a PV guest: set_debugreg / get_debugreg (Xen's checks
 * live in emul-debugreg.c, shared with MOV to DR), loading them into the
 * CPU, and #DB raised while the hypervisor runs.  A guest may watch its
 * own addresses only, so breakpoints on guest data can still fire while
 * we copy that data for a hypercall; such a #DB is noted and ignored.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <asm/processor.h>
#include <public/xen.h>
#include "emul-priv-op.h"
#include "pv.h"

#define X86_CR4_DE              (1UL << 3)

#define DR7_RESERVED_ONE        0x400UL

#define DEFINE_DR_WRITE(n)                                              \
static void write_dr##n(unsigned long v)                                \
{                                                                       \
    asm volatile ( "mov %0, %%db" #n :: "r" (v) );                      \
}
DEFINE_DR_WRITE(0)
DEFINE_DR_WRITE(1)
DEFINE_DR_WRITE(2)
DEFINE_DR_WRITE(3)
DEFINE_DR_WRITE(6)
DEFINE_DR_WRITE(7)
#undef DEFINE_DR_WRITE

static unsigned long read_dr6(void)
{
    unsigned long v;

    asm volatile ( "mov %%db6, %0" : "=r" (v) );
    return v;
}

static void write_addr_dr(unsigned int reg, unsigned long value)
{
    switch ( reg )
    {
    case 0: write_dr0(value); break;
    case 1: write_dr1(value); break;
    case 2: write_dr2(value); break;
    case 3: write_dr3(value); break;
    }
}

void pv_init_debugregs(struct vcpu *v)
{
    v->arch.pv.dr6 = PV_DR6_DEFAULT;
    v->arch.pv.dr7 = DR7_RESERVED_ONE;
}

/* Put v's debug registers into the CPU (switching to v). */
void pv_load_debugregs(const struct vcpu *v)
{
    const struct pv_vcpu *pv = &v->arch.pv;

    write_dr7(DR7_RESERVED_ONE);
    for ( unsigned int i = 0; i < 4; i++ )
        write_addr_dr(i, pv->dr[i]);
    write_dr6(pv->dr6);
    write_dr7(pv->dr7);
}

void pv_load_debugreg(struct vcpu *v, unsigned int reg, uint64_t value,
                      uint32_t dr7_emul)
{
    struct pv_vcpu *pv = &v->arch.pv;
    bool live = v == current_vcpu();

    switch ( reg )
    {
    case 0: case 1: case 2: case 3:
        pv->dr[reg] = value;
        if ( live )
            write_addr_dr(reg, value);
        break;
    case 4: case 6:
        pv->dr6 = value;
        if ( live )
            write_dr6(value);
        break;
    case 5: case 7:
        pv->dr7_emul = dr7_emul;
        pv->dr7 = value;
        if ( live )
            write_dr7(value);
        break;
    }
}

long pv_set_debugreg(struct vcpu *v, unsigned int reg, unsigned long value)
{
    uint64_t val;
    uint32_t io;
    int rc = pv_debugreg_check(reg, value, v->arch.pv.ctrlreg[4], &val, &io);

    if ( !rc )
        pv_load_debugreg(v, reg, val, io);
    return rc;
}

long pv_get_debugreg(struct vcpu *v, unsigned int reg, unsigned long *val)
{
    const struct pv_vcpu *pv = &v->arch.pv;

    switch ( reg )
    {
    case 0: case 1: case 2: case 3:
        *val = pv->dr[reg];
        return 0;
    case 4:
        if ( pv->ctrlreg[4] & X86_CR4_DE )
            return -ENODEV;
        /* fall through */
    case 6:
        *val = pv->dr6;
        return 0;
    case 5:
        if ( pv->ctrlreg[4] & X86_CR4_DE )
            return -ENODEV;
        /* fall through */
    case 7:
        *val = pv->dr7 | pv->dr7_emul;
        return 0;
    }
    return -ENODEV;
}

long do_set_debugreg(int reg, unsigned long value)
{
    return pv_set_debugreg(current_vcpu(), reg, value);
}

long do_get_debugreg(int reg)
{
    unsigned long val;
    long rc = pv_get_debugreg(current_vcpu(), reg, &val);

    return rc ? rc : (long)val;
}

/*
 * The status of a #DB: what the guest's handler reads back as DR6.
 * The CPU's DR6 goes back to its default so the next one is clean.
 */
void pv_debug_trap_status(struct vcpu *v)
{
    unsigned long dr6 = read_dr6();

    write_dr6(PV_DR6_DEFAULT);
    v->arch.pv.dr6 |= dr6 & ~PV_DR6_DEFAULT;
    v->arch.pv.dr6 &= dr6 | ~PV_DR6_DEFAULT;
}

/*
 * #DB in hypervisor context: a guest data breakpoint hit by our copy of
 * hypercall arguments, say.  The access already happened (data
 * breakpoints are traps), so carry on.
 */
void pv_debug_in_hypervisor(struct cpu_user_regs *regs)
{
    static unsigned int reported;
    unsigned long dr6 = read_dr6();

    write_dr6(PV_DR6_DEFAULT);
    if ( reported < 8 )
    {
        reported++;
        printk(LOG_WARNING "#DB in hypervisor context at %#lx, dr6 %#lx\n",
               (unsigned long)regs->rip, dr6);
    }
}
