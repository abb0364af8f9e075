/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * FPU state of PV VCPUs, switched lazily, and the guest's virtual CR0.TS.
 *
 * The hypervisor itself never touches x87 or SSE registers (it is built
 * with general registers only), so the FPU holds one VCPU's state at a
 * time.  A VCPU that has not used it since it was scheduled runs with
 * the real CR0.TS set; its first FPU instruction raises #NM and we load
 * its image then.  A guest kernel sets its own TS with fpu_taskswitch to
 * hear of the next FPU use itself: that #NM is bounced to it once, and
 * clears its virtual TS, like a native kernel's CLTS in its handler.
 *
 * On a CPU with XSAVE the same lazy scheme moves the whole extended state
 * (asm/xstate.h): XSAVE/XRSTOR replace FXSAVE/FXRSTOR, and the VCPU's
 * XCR0 goes into the CPU with the rest of its context.  The FXSAVE image
 * below stays the x87/SSE copy the rest of the hypervisor reads.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/xstate.h>
#include "pv.h"

/* The state FNINIT and a reset MXCSR give, as Xen starts a VCPU with. */
#define FCW_DEFAULT     0x037f
#define MXCSR_DEFAULT   0x1f80
#define FXSAVE_FCW      0
#define FXSAVE_MXCSR    24

static void clts(void)
{
    asm volatile ( "clts" ::: "memory" );
}

static void stts(void)
{
    write_cr0(read_cr0() | X86_CR0_TS);
}

static void fxsave(void *area)
{
    asm volatile ( "fxsaveq %0" : "=m" (*(uint8_t (*)[512])area) );
}

static void fxrstor(const void *area)
{
    asm volatile ( "fxrstorq %0" :: "m" (*(const uint8_t (*)[512])area) );
}

void pv_fpu_init(struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;

    memset(pv->fpu_ctxt, 0, sizeof(pv->fpu_ctxt));
    *(uint16_t *)&pv->fpu_ctxt[FXSAVE_FCW] = FCW_DEFAULT;
    *(uint32_t *)&pv->fpu_ctxt[FXSAVE_MXCSR] = MXCSR_DEFAULT;
    pv->fpu_initialised = false;
    pv->fpu_dirtied = false;
    pv->ctrlreg[0] &= ~X86_CR0_TS;
    xstate_vcpu_init(v);
}

/* v stops running here: keep what it did with the FPU. */
void pv_fpu_save(struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;

    if ( !pv->fpu_dirtied )
        return;
    clts();
    if ( !xstate_save(v, pv->fpu_ctxt) )
        fxsave(pv->fpu_ctxt);
    pv->fpu_dirtied = false;
    stts();
}

/* v starts running here: its first FPU instruction will load its state. */
void pv_fpu_enter(struct vcpu *v)
{
    xstate_load_xcr0(v);
    if ( !v->arch.pv.fpu_dirtied )
        stts();
}

static void fpu_restore_lazy(struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;

    clts();
    if ( pv->fpu_dirtied )
        return;
    if ( !xstate_restore(v, pv->fpu_ctxt) )
        fxrstor(pv->fpu_ctxt);
    pv->fpu_initialised = true;
    pv->fpu_dirtied = true;
}

void pv_fpu_device_not_available(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();

    fpu_restore_lazy(v);
    if ( v->arch.pv.ctrlreg[0] & X86_CR0_TS )
    {
        pv_inject_hw_exception(regs, TRAP_no_device, 0);
        v->arch.pv.ctrlreg[0] &= ~X86_CR0_TS;
    }
}

long do_fpu_taskswitch(int set)
{
    struct vcpu *v = current_vcpu();

    if ( set )
    {
        v->arch.pv.ctrlreg[0] |= X86_CR0_TS;
        stts();
    }
    else
    {
        v->arch.pv.ctrlreg[0] &= ~X86_CR0_TS;
        if ( v->arch.pv.fpu_dirtied )
            clts();
    }
    return 0;
}
