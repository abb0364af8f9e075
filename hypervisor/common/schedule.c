/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_op: yield, block and shutdown.  One VCPU per CPU for now, so
 * yielding returns at once and a blocked VCPU waits with the CPU halted
 * until an event is pending for it.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/hypercall.h>
#include <hv/sched.h>
#include <public/sched.h>

bool vcpu_events_pending(const struct vcpu *v)
{
    const struct vcpu_info *vi = v->vcpu_info;

    return vi->evtchn_upcall_pending && !vi->evtchn_upcall_mask;
}

void vcpu_block(struct vcpu *v)
{
    /* Unmask first: an event that arrived before blocking must wake us. */
    v->vcpu_info->evtchn_upcall_mask = 0;
    while ( !vcpu_events_pending(v) )
        arch_idle_until_interrupt();
}

long do_sched_op(int cmd, guest_va_t arg)
{
    struct vcpu *v = current_vcpu();
    struct sched_shutdown sd;

    switch ( cmd )
    {
    case SCHEDOP_yield:
        return 0;

    case SCHEDOP_block:
        vcpu_block(v);
        return 0;

    case SCHEDOP_shutdown:
        if ( copy_from_guest(&sd, arg, sizeof(sd)) )
            return -EFAULT;
        /* Xen keeps only the low byte of the reason. */
        return domain_shutdown(v->domain, (uint8_t)sd.reason);

    case SCHEDOP_shutdown_code:
        if ( copy_from_guest(&sd, arg, sizeof(sd)) )
            return -EFAULT;
        if ( v->domain->shutdown_code == SHUTDOWN_CODE_NONE )
            v->domain->shutdown_code = (uint8_t)sd.reason;
        return 0;
    }
    return -ENOSYS;
}
