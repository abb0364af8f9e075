/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CPU-side state of a PV VCPU: its defaults when created, and what
 * goes into the CPU when it starts running there (GDT frames, segment
 * bases, debug registers, the lazy FPU).
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <asm/msr.h>
#include <public/xen.h>
#include "pv.h"

void pv_vcpu_init(struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;

    memset(pv, 0, sizeof(*pv));
    pv->kernel_ss = FLAT_KERNEL_SS;
    pv_init_debugregs(v);
    pv_fpu_init(v);
    pv_emul_vcpu_init(v);
}

void pv_vcpu_load(struct vcpu *v)
{
    /* The guest starts in kernel mode: its kernel GS base is the live one. */
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
    pv_load_gdt(v);
    pv_load_debugregs(v);
    pv_fpu_enter(v);
    pv_emul_vcpu_load(v);
}
