/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where the guest wants to be entered: its virtual IDT (set_trap_table)
 * and its callbacks for events, failsafe returns, system calls and NMIs
 * (callback_op, the older set_callbacks, nmi_op).  Entry points must be
 * canonical; that is all Xen checks, a bad one crashes the guest on use.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <asm/traps.h>
#include <public/xen.h>
#include <public/callback.h>
#include <public/nmi.h>
#include "pv.h"

static bool is_canonical(unsigned long va)
{
    return (unsigned long)(((long)va << 16) >> 16) == va;
}

long do_set_trap_table(guest_va_t traps)
{
    struct vcpu *v = current_vcpu();
    struct trap_info *dst = v->arch.pv.trap_ctxt;
    struct trap_info cur;

    /* No table at all clears the whole virtual IDT. */
    if ( !traps )
    {
        memset(dst, 0, sizeof(v->arch.pv.trap_ctxt));
        return 0;
    }

    /*
     * Entries until one with a zero address.  Each is installed as it is
     * read: on a fault, the entries before it stay, as on Xen.
     */
    for ( ;; traps += sizeof(cur) )
    {
        if ( copy_from_guest(&cur, traps, sizeof(cur)) )
            return -EFAULT;
        if ( !cur.address )
            return 0;
        if ( !is_canonical(cur.address) )
            return -EINVAL;
        cur.cs = pv_fixup_guest_selector(cur.cs);
        dst[cur.vector] = cur;
    }
}

static long register_nmi_callback(struct vcpu *v, unsigned long address)
{
    struct trap_info *t = &v->arch.pv.trap_ctxt[TRAP_nmi];

    if ( !is_canonical(address) )
        return -EINVAL;
    t->vector = TRAP_nmi;
    t->flags = 4;                       /* delivered with events masked */
    t->cs = FLAT_KERNEL_CS;
    t->address = address;
    return 0;
}

static void unregister_nmi_callback(struct vcpu *v)
{
    memset(&v->arch.pv.trap_ctxt[TRAP_nmi], 0, sizeof(struct trap_info));
}

static void set_flag(unsigned long *flags, unsigned long bit, bool on)
{
    if ( on )
        *flags |= bit;
    else
        *flags &= ~bit;
}

static long register_callback(struct vcpu *v,
                              const struct callback_register *reg)
{
    struct pv_vcpu *pv = &v->arch.pv;
    bool mask = reg->flags & CALLBACKF_mask_events;

    if ( !is_canonical(reg->address) )
        return -EINVAL;

    switch ( reg->type )
    {
    case CALLBACKTYPE_event:
        pv->event_callback_eip = reg->address;
        return 0;
    case CALLBACKTYPE_failsafe:
        pv->failsafe_callback_eip = reg->address;
        set_flag(&pv->vgc_flags, VGCF_failsafe_disables_events, mask);
        return 0;
    case CALLBACKTYPE_syscall:
        pv->syscall_callback_eip = reg->address;
        set_flag(&pv->vgc_flags, VGCF_syscall_disables_events, mask);
        return 0;
    case CALLBACKTYPE_syscall32:
        pv->syscall32_callback_eip = reg->address;
        pv->syscall32_disables_events = mask;
        return 0;
    case CALLBACKTYPE_sysenter:
        pv->sysenter_callback_eip = reg->address;
        pv->sysenter_disables_events = mask;
        return 0;
    case CALLBACKTYPE_nmi:
        return register_nmi_callback(v, reg->address);
    }
    return -ENOSYS;
}

static long unregister_callback(struct vcpu *v,
                                const struct callback_unregister *unreg)
{
    switch ( unreg->type )
    {
    case CALLBACKTYPE_event:
    case CALLBACKTYPE_failsafe:
    case CALLBACKTYPE_syscall:
    case CALLBACKTYPE_syscall32:
    case CALLBACKTYPE_sysenter:
        /* These stay once set: a guest without them cannot run. */
        return -EINVAL;
    case CALLBACKTYPE_nmi:
        unregister_nmi_callback(v);
        return 0;
    }
    return -ENOSYS;
}

long do_callback_op(int cmd, guest_va_t arg)
{
    struct vcpu *v = current_vcpu();

    switch ( cmd )
    {
    case CALLBACKOP_register:
    {
        struct callback_register reg;

        if ( copy_from_guest(&reg, arg, sizeof(reg)) )
            return -EFAULT;
        return register_callback(v, &reg);
    }
    case CALLBACKOP_unregister:
    {
        struct callback_unregister unreg;

        if ( copy_from_guest(&unreg, arg, sizeof(unreg)) )
            return -EFAULT;
        return unregister_callback(v, &unreg);
    }
    }
    return -ENOSYS;
}

/* The pre-callback_op form: three addresses, no flags, errors ignored. */
long do_set_callbacks(unsigned long event, unsigned long failsafe,
                      unsigned long syscall)
{
    struct vcpu *v = current_vcpu();
    struct callback_register reg = { .type = CALLBACKTYPE_event,
                                     .address = event };

    register_callback(v, &reg);
    reg.type = CALLBACKTYPE_failsafe;
    reg.address = failsafe;
    register_callback(v, &reg);
    reg.type = CALLBACKTYPE_syscall;
    reg.address = syscall;
    register_callback(v, &reg);
    return 0;
}

long do_nmi_op(unsigned int cmd, guest_va_t arg)
{
    struct vcpu *v = current_vcpu();
    struct xennmi_callback cb;

    switch ( cmd )
    {
    case XENNMI_register_callback:
        if ( copy_from_guest(&cb, arg, sizeof(cb)) )
            return -EFAULT;
        return register_nmi_callback(v, cb.handler_address);
    case XENNMI_unregister_callback:
        unregister_nmi_callback(v);
        return 0;
    }
    return -ENOSYS;
}
