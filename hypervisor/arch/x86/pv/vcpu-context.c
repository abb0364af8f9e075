/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CPU-side state of a PV VCPU: its defaults when created, what goes
 * into the CPU when it starts running there (data segment selectors and
 * bases, GDT and LDT, debug registers, the lazy FPU) and what comes back
 * out when it stops.  A selector that no longer loads (its descriptor
 * changed while the VCPU was away) is nulled and the guest told through
 * its failsafe callback, on the way back into it.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <asm/extable.h>
#include <asm/msr.h>
#include <public/xen.h>
#include "pv.h"

#define READ_SEL(seg)                                                   \
({                                                                      \
    uint16_t sel_;                                                      \
    asm volatile ( "mov %%" #seg ", %0" : "=r" (sel_) );                \
    sel_;                                                               \
})

/* Load a selector; one that faults leaves a null one and returns false. */
#define LOAD_SEL(seg, value)                                            \
({                                                                      \
    unsigned int sel_ = (value), ok_ = 1;                               \
    asm volatile ( "1: mov %k[sel], %%" #seg "\n"                       \
                   "2:\n"                                               \
                   " .pushsection .text.fixup, \"ax\", @progbits\n"      \
                   "3: xor %k[ok], %k[ok]\n"                            \
                   "   xor %k[sel], %k[sel]\n"                          \
                   "   jmp 1b\n"                                        \
                   " .popsection\n"                                     \
                   _ASM_EXTABLE(1b, 3b)                                 \
                   : [sel] "+r" (sel_), [ok] "+r" (ok_) );              \
    ok_;                                                                \
})

void pv_vcpu_init(struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;

    memset(pv, 0, sizeof(*pv));
    pv->kernel_ss = FLAT_KERNEL_SS;
    pv_init_debugregs(v);
    pv_fpu_init(v);
    pv_emul_vcpu_init(v);
}

void pv_vcpu_save(struct vcpu *v)
{
    struct cpu_user_regs *u = &v->arch.user_regs;
    uint64_t active = rdmsr(MSR_GS_BASE), shadow = rdmsr(MSR_SHADOW_GS_BASE);

    u->ds = READ_SEL(ds);
    u->es = READ_SEL(es);
    u->fs = READ_SEL(fs);
    u->gs = READ_SEL(gs);
    v->arch.fs_base = rdmsr(MSR_FS_BASE);
    v->arch.gs_base_kernel = v->arch.kernel_mode ? active : shadow;
    v->arch.gs_base_user = v->arch.kernel_mode ? shadow : active;
    pv_fpu_save(v);
}

void pv_vcpu_load(struct vcpu *v)
{
    const struct cpu_user_regs *u = &v->arch.user_regs;
    bool ok = true;

    /* The descriptor tables first: the selectors are looked up in them. */
    pv_load_gdt(v);
    pv_load_ldt(v);
    ok &= LOAD_SEL(ds, u->ds);
    ok &= LOAD_SEL(es, u->es);
    ok &= LOAD_SEL(fs, u->fs);
    ok &= LOAD_SEL(gs, u->gs);
    if ( !ok )
        v->arch.pv.failsafe_pending = true;

    /* Loading FS and GS set their bases: the saved ones go in after. */
    if ( v->arch.kernel_mode )
    {
        wrmsr(MSR_GS_BASE, v->arch.gs_base_kernel);
        wrmsr(MSR_SHADOW_GS_BASE, v->arch.gs_base_user);
    }
    else
    {
        wrmsr(MSR_GS_BASE, v->arch.gs_base_user);
        wrmsr(MSR_SHADOW_GS_BASE, v->arch.gs_base_kernel);
    }
    wrmsr(MSR_FS_BASE, v->arch.fs_base);
    pv_load_debugregs(v);
    pv_fpu_enter(v);
    pv_emul_vcpu_load(v);
}
