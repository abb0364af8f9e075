/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest kernel and guest user mode.  Both run in ring 3, so the CPU cannot
 * tell them apart: we keep the mode per VCPU and switch what differs, the
 * page-table base (kernel mappings stay out of the user one) and the GS
 * base (Linux never runs SWAPGS itself).  Also the hypercalls that set
 * the kernel stack and the segment bases.
 *
 * The active GS base lives in MSR_GS_BASE and the inactive one in
 * MSR_SHADOW_GS_BASE, as on native hardware while the kernel runs; the
 * hypervisor itself never uses GS, so both belong to the guest throughout.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <asm/current.h>
#include <asm/extable.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <public/xen.h>
#include "pv.h"

static bool is_canonical(unsigned long va)
{
    return (unsigned long)(((long)va << 16) >> 16) == va;
}

static void swapgs(void)
{
    asm volatile ( "swapgs" ::: "memory" );
}

/* The L4 the CPU should use for v's current mode. */
static paddr_t mode_table(const struct vcpu *v)
{
    if ( !v->arch.kernel_mode && v->arch.guest_table_user )
        return v->arch.guest_table_user;
    return v->arch.guest_table;
}

void pv_toggle_guest_mode(struct vcpu *v)
{
    uint64_t gs = rdmsr(MSR_GS_BASE);

    /* Keep the base that goes inactive, for a later context switch. */
    if ( v->arch.kernel_mode )
        v->arch.gs_base_kernel = gs;
    else
        v->arch.gs_base_user = gs;
    swapgs();

    v->arch.kernel_mode = !v->arch.kernel_mode;
    write_cr3(mode_table(v));
}

long do_stack_switch(unsigned long ss, unsigned long sp)
{
    struct vcpu *v = current_vcpu();

    v->arch.pv.kernel_ss = pv_fixup_guest_selector(ss);
    v->arch.pv.kernel_sp = sp;
    return 0;
}

/*
 * Load a user GS selector from the guest's GDT or LDT while the user's GS
 * base is the active one.  A selector that faults leaves a null GS, as
 * on Xen: Linux cannot handle a failure here, and a caller that cares
 * reads GS back.
 */
static void load_user_gs(unsigned int sel)
{
    unsigned int flat = FLAT_USER_DS32;

    if ( sel > 3 )
        sel |= 3;
    else
        /*
         * Some CPUs keep the old base when a null selector is loaded;
         * going through a flat one first gives base 0 everywhere.
         */
        asm volatile ( "mov %0, %%gs" :: "r" (flat) );

    asm volatile ( "1: mov %[sel], %%gs\n"
                   "2:\n"
                   " .pushsection .text.fixup, \"ax\", @progbits\n"
                   "3: mov %[flat], %%gs\n"
                   "   xor %[sel], %[sel]\n"
                   "   jmp 1b\n"
                   " .popsection\n"
                   _ASM_EXTABLE(1b, 3b)
                   : [sel] "+r" (sel)
                   : [flat] "r" (flat) );
}

long do_set_segment_base(unsigned int which, unsigned long base)
{
    struct vcpu *v = current_vcpu();

    switch ( which )
    {
    case SEGBASE_FS:
        if ( !is_canonical(base) )
            return -EINVAL;
        wrmsr(MSR_FS_BASE, base);
        v->arch.fs_base = base;
        return 0;

    case SEGBASE_GS_USER:
        if ( !is_canonical(base) )
            return -EINVAL;
        wrmsr(MSR_SHADOW_GS_BASE, base);
        v->arch.gs_base_user = base;
        return 0;

    case SEGBASE_GS_KERNEL:
        if ( !is_canonical(base) )
            return -EINVAL;
        wrmsr(MSR_GS_BASE, base);
        v->arch.gs_base_kernel = base;
        return 0;

    case SEGBASE_GS_USER_SEL:
        /* Hypercalls come from kernel mode: the user base is the shadow. */
        swapgs();
        load_user_gs((uint16_t)base);
        v->arch.gs_base_user = rdmsr(MSR_GS_BASE);
        swapgs();
        return 0;
    }
    return -EINVAL;
}
