/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A 64-bit PV VCPU's whole state as struct vcpu_guest_context: what a
 * domain builder sets before the first run (XEN_DOMCTL_setvcpucontext) and
 * what save or a debugger reads (getvcpucontext), with Xen 4.17's checks.
 * The VCPU is never the one running, so its registers are at rest in
 * struct arch_vcpu.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/time.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/eflags.h>
#include <asm/xstate.h>
#include <public/xen.h>
#include "pv.h"
#include "cpuid-policy.h"
#include "../mm/mm.h"

/* The vm_assist bits a 64-bit PV guest may have (as do_vm_assist's). */
#define VMASST_VALID_PV64 ((1UL << VMASST_TYPE_4gb_segments) | \
                           (1UL << VMASST_TYPE_4gb_segments_notify) | \
                           (1UL << VMASST_TYPE_writable_pagetables) | \
                           (1UL << VMASST_TYPE_pae_extended_cr3) | \
                           (1UL << VMASST_TYPE_architectural_iopl) | \
                           (1UL << VMASST_TYPE_runstate_update_flag) | \
                           (1UL << VMASST_TYPE_m2p_strict))

#define LDT_MAX_ENTS    8192
#define FXSAVE_FCW      0
#define FXSAVE_MXCSR    24

const struct pv_cpuid_policy *pv_cpuid_policy_of(const struct domain *d);

static bool canonical(uint64_t va)
{
    return ((int64_t)va >> 47) == 0 || ((int64_t)va >> 47) == -1;
}

/* Guest-owned linear addresses: below the hole or above our range. */
static bool guest_addr_ok(uint64_t va)
{
    return va < (1UL << 47) || va >= HV_AREA_VIRT_END;
}

static unsigned long cr3_of(paddr_t table)
{
    return (unsigned long)(table >> PAGE_SHIFT) << 12;
}

/* The addresses and selectors a context may hold, fixed up as Xen does. */
static int check_context(struct vcpu_guest_context *c)
{
    if ( !canonical(c->user_regs.rip) || !canonical(c->user_regs.rsp) ||
         !canonical(c->kernel_sp) ||
         (c->ldt_ents && !canonical(c->ldt_base)) ||
         !canonical(c->fs_base) || !canonical(c->gs_base_kernel) ||
         !canonical(c->gs_base_user) || !canonical(c->event_callback_eip) ||
         !canonical(c->syscall_callback_eip) ||
         !canonical(c->failsafe_callback_eip) )
        return -EINVAL;

    /* A ring-3 kernel's selectors carry RPL 3. */
    c->user_regs.ss = pv_fixup_guest_selector(c->user_regs.ss);
    c->kernel_ss = pv_fixup_guest_selector(c->kernel_ss);
    c->user_regs.cs = pv_fixup_guest_selector(c->user_regs.cs);
    for ( unsigned int i = 0; i < ARRAY_SIZE(c->trap_ctxt); i++ )
    {
        if ( !canonical(c->trap_ctxt[i].address) )
            return -EINVAL;
        c->trap_ctxt[i].cs = pv_fixup_guest_selector(c->trap_ctxt[i].cs);
    }
    if ( !guest_addr_ok(c->ldt_base) )
        return -EINVAL;
    if ( (c->ldt_base & (PAGE_SIZE - 1)) || c->ldt_ents > LDT_MAX_ENTS )
        return -EINVAL;
    return 0;
}

/*
 * x87 and SSE from the context when it says they are valid, as Xen takes
 * them; every other XSAVE component (AVX...) back to its initial state.
 * Without valid ones, XRSTOR gives x87 and SSE their initial state too,
 * and Xen resets only MXCSR in the image it hands out later; without
 * XSAVE the image itself is what FNINIT and a reset MXCSR give.
 */
static void set_fpu(struct vcpu *v, const struct vcpu_guest_context *c)
{
    struct pv_vcpu *pv = &v->arch.pv;
    bool valid = c->flags & VGCF_I387_VALID;
    bool xsave = xstate_setup_fpu(v, valid);

    pv->fpu_initialised = valid;
    if ( valid )
    {
        memcpy(pv->fpu_ctxt, c->fpu_ctxt.x, sizeof(pv->fpu_ctxt));
        return;
    }
    if ( !xsave )
    {
        memset(pv->fpu_ctxt, 0, sizeof(pv->fpu_ctxt));
        *(uint16_t *)&pv->fpu_ctxt[FXSAVE_FCW] = 0x037f;
    }
    *(uint32_t *)&pv->fpu_ctxt[FXSAVE_MXCSR] = 0x1f80;
}

/* A VCPU set up once may only be given its own tables and GDT again. */
static bool same_tables(const struct vcpu *v,
                        const struct vcpu_guest_context *c,
                        unsigned int nr_gdt)
{
    const struct pv_vcpu *pv = &v->arch.pv;

    if ( cr3_of(v->arch.guest_table) != c->ctrlreg[3] )
        return false;
    if ( !v->arch.guest_table_user )
    {
        if ( c->ctrlreg[1] || !(c->flags & VGCF_in_kernel) )
            return false;
    }
    else if ( cr3_of(v->arch.guest_table_user) != c->ctrlreg[1] )
        return false;
    if ( pv->gdt_ents != c->gdt_ents )
        return false;
    for ( unsigned int i = 0; i < nr_gdt; i++ )
        if ( pv->gdt_frames[i] != c->gdt_frames[i] )
            return false;
    if ( v->arch.ldt_ents != c->ldt_ents )
        return false;
    return !v->arch.ldt_ents || v->arch.ldt_base == c->ldt_base;
}

/* The base pointers of a first context; on failure none is kept. */
static int set_tables(struct vcpu *v, const struct vcpu_guest_context *c)
{
    int rc;

    /*
     * new_guest_cr3() takes "no table yet" for "the same table again";
     * frame 0 is never a guest's anyway.
     */
    if ( !(c->ctrlreg[3] >> 12) )
        return -EINVAL;
    rc = new_guest_cr3(v, c->ctrlreg[3] >> 12);
    if ( rc )
        return rc;
    if ( c->ctrlreg[1] )
    {
        rc = new_guest_user_cr3(v, c->ctrlreg[1] >> 12);
        if ( rc )
        {
            put_page_and_type(mfn_to_page(v->arch.guest_table >> PAGE_SHIFT));
            v->arch.guest_table = 0;
        }
    }
    return rc;
}

int arch_set_info_guest(struct vcpu *v, struct vcpu_guest_context *c)
{
    struct domain *d = v->domain;
    struct pv_vcpu *pv = &v->arch.pv;
    unsigned int nr_gdt;
    int rc;

    rc = check_context(c);
    if ( rc )
        return rc;
    pv->vgc_flags = c->flags;
    v->arch.kernel_mode = c->flags & VGCF_in_kernel;
    set_fpu(v, c);
    v->arch.user_regs = c->user_regs;
    memcpy(pv->trap_ctxt, c->trap_ctxt, sizeof(pv->trap_ctxt));

    if ( v->vcpu_id == 0 && (c->vm_assist & ~VMASST_VALID_PV64) )
        return -EINVAL;

    /* IOPL is virtual; real interrupts are always on for a guest. */
    pv->iopl = v->arch.user_regs.rflags & X86_EFLAGS_IOPL;
    v->arch.user_regs.rflags &= ~X86_EFLAGS_IOPL;
    v->arch.user_regs.rflags |= X86_EFLAGS_IF;

    nr_gdt = (c->gdt_ents + 511) / 512;
    if ( nr_gdt > PV_GDT_FRAMES )
        return -EINVAL;

    if ( !v->is_initialised )
    {
        /* Starting in user mode needs a user page table. */
        if ( !(c->flags & VGCF_in_kernel) && !c->ctrlreg[1] )
            return -EINVAL;
        v->arch.ldt_ents = c->ldt_ents;
        v->arch.ldt_base = c->ldt_ents ? c->ldt_base : 0;
    }
    else if ( !same_tables(v, c, nr_gdt) )
        return -EOPNOTSUPP;

    pv->kernel_ss = c->kernel_ss;
    pv->kernel_sp = c->kernel_sp;
    memcpy(pv->ctrlreg, c->ctrlreg, sizeof(pv->ctrlreg));
    pv->event_callback_eip = c->event_callback_eip;
    pv->failsafe_callback_eip = c->failsafe_callback_eip;
    pv->syscall_callback_eip = c->syscall_callback_eip;
    v->arch.fs_base = c->fs_base;
    v->arch.gs_base_kernel = c->gs_base_kernel;
    v->arch.gs_base_user = c->gs_base_user;
    /* Only CR0.TS is the guest's; CR4 is what its CPUID policy allows. */
    pv->ctrlreg[0] &= X86_CR0_TS;
    pv->ctrlreg[4] = pv_cpuid_fixup_cr4(pv_cpuid_policy_of(d), read_cr4(),
                                        c->ctrlreg[4]);

    pv_init_debugregs(v);
    memset(pv->dr, 0, sizeof(pv->dr));
    pv->dr7_emul = 0;
    /* Values the guest could not set itself are dropped, not refused. */
    for ( unsigned int i = 0; i < 4; i++ )
        pv_set_debugreg(v, i, c->debugreg[i]);
    pv_set_debugreg(v, 6, c->debugreg[6]);
    pv_set_debugreg(v, 7, c->debugreg[7]);

    if ( !v->is_initialised )
    {
        if ( v->vcpu_id == 0 )
            d->arch.vm_assist = c->vm_assist;
        rc = pv_set_gdt(v, c->gdt_frames, c->gdt_ents);
        if ( rc )
            return rc;
        rc = set_tables(v, c);
        if ( rc )
        {
            pv_set_gdt(v, NULL, 0);
            return rc;
        }
        if ( v->vcpu_id == 0 )
            update_domain_wallclock_time(d);
        v->is_initialised = true;
    }

    v->down = !(c->flags & VGCF_online);
    return 0;
}

void arch_get_info_guest(struct vcpu *v, struct vcpu_guest_context *c)
{
    const struct domain *d = v->domain;
    const struct pv_vcpu *pv = &v->arch.pv;
    unsigned int i;

    memset(c, 0, sizeof(*c));
    memcpy(c->fpu_ctxt.x, pv->fpu_ctxt, sizeof(c->fpu_ctxt.x));
    c->flags = pv->vgc_flags & ~(VGCF_i387_valid | VGCF_in_kernel);
    if ( pv->fpu_initialised )
        c->flags |= VGCF_i387_valid;
    if ( !v->down )
        c->flags |= VGCF_online;
    if ( v->arch.kernel_mode )
        c->flags |= VGCF_in_kernel;
    c->user_regs = v->arch.user_regs;
    c->user_regs.rflags |= pv->iopl;
    memcpy(c->trap_ctxt, pv->trap_ctxt, sizeof(c->trap_ctxt));

    for ( i = 0; i < 4; i++ )
        c->debugreg[i] = pv->dr[i];
    c->debugreg[6] = pv->dr6;
    c->debugreg[7] = pv->dr7 | pv->dr7_emul;

    c->ldt_base = v->arch.ldt_ents ? v->arch.ldt_base : 0;
    c->ldt_ents = v->arch.ldt_ents;
    for ( i = 0; i < PV_GDT_FRAMES; i++ )
        c->gdt_frames[i] = pv->gdt_frames[i];
    c->gdt_ents = pv->gdt_ents;
    c->kernel_ss = pv->kernel_ss;
    c->kernel_sp = pv->kernel_sp;
    memcpy(c->ctrlreg, pv->ctrlreg, sizeof(c->ctrlreg));
    c->ctrlreg[0] = (read_cr0() & ~X86_CR0_TS) | (pv->ctrlreg[0] & X86_CR0_TS);
    c->ctrlreg[3] = cr3_of(v->arch.guest_table);
    c->ctrlreg[1] = cr3_of(v->arch.guest_table_user);
    c->event_callback_eip = pv->event_callback_eip;
    c->failsafe_callback_eip = pv->failsafe_callback_eip;
    c->syscall_callback_eip = pv->syscall_callback_eip;
    c->fs_base = v->arch.fs_base;
    c->gs_base_kernel = v->arch.gs_base_kernel;
    c->gs_base_user = v->arch.gs_base_user;
    c->vm_assist = d->arch.vm_assist;
}

int arch_vcpu_reset(struct vcpu *v)
{
    pv_set_gdt(v, NULL, 0);
    if ( v->arch.guest_table_user )
        put_page_and_type(mfn_to_page(v->arch.guest_table_user >>
                                      PAGE_SHIFT));
    if ( v->arch.guest_table )
        put_page_and_type(mfn_to_page(v->arch.guest_table >> PAGE_SHIFT));
    v->arch.guest_table_user = 0;
    v->arch.guest_table = 0;
    v->arch.pv.fpu_initialised = false;
    v->arch.pv.fpu_dirtied = false;
    return 0;
}
