/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Runstate accounting: how long each VCPU spent running, runnable, blocked
 * and offline, and the copy a guest may ask for in its own memory
 * (VCPUOP_register_runstate_memory_area), which Linux reads for steal time.
 * time[state] covers everything up to state_entry_time; the VCPU's time
 * lock guards the record.
 */
#include <hv/types.h>
#include <hv/domain.h>
#include <hv/time.h>

#define smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)

void vcpu_runstate_change(struct vcpu *v, int state, uint64_t now)
{
    struct vcpu_runstate_info *r = &v->time.runstate;
    unsigned long flags;
    int64_t delta;

    spin_lock_irqsave(&v->time.lock, flags);
    if ( r->state != state )
    {
        /* A clock read before the last change must not go backwards. */
        delta = (int64_t)(now - r->state_entry_time);
        if ( delta > 0 )
        {
            r->time[r->state] += delta;
            r->state_entry_time = now;
        }
        r->state = state;
    }
    spin_unlock_irqrestore(&v->time.lock, flags);
}

void vcpu_runstate_get(struct vcpu *v, struct vcpu_runstate_info *out)
{
    unsigned long flags;
    int64_t delta;

    spin_lock_irqsave(&v->time.lock, flags);
    *out = v->time.runstate;
    delta = (int64_t)(arch_now() - out->state_entry_time);
    if ( delta > 0 )
        out->time[out->state] += delta;
    spin_unlock_irqrestore(&v->time.lock, flags);
}

/*
 * With VMASST_TYPE_runstate_update_flag the guest learns that a copy is
 * under way from XEN_RUNSTATE_UPDATE in state_entry_time, set first and
 * cleared last, so that it can retry a read that raced with us.  A copy
 * that faults (the area unmapped for now) is simply retried at the next
 * change of state.
 */
void vcpu_runstate_publish(struct vcpu *v)
{
    struct vcpu_time *vt = &v->time;
    struct vcpu_runstate_info r;
    guest_va_t va, entry;
    bool flag;
    unsigned long flags;

    spin_lock_irqsave(&vt->lock, flags);
    va = vt->runstate_guest;
    if ( !va )
        goto out;
    r = vt->runstate;
    entry = va + offsetof(struct vcpu_runstate_info, state_entry_time);
    flag = v->domain->arch.vm_assist &
           (1UL << VMASST_TYPE_runstate_update_flag);

    if ( flag )
    {
        r.state_entry_time |= XEN_RUNSTATE_UPDATE;
        if ( copy_to_guest(entry, &r.state_entry_time, sizeof(uint64_t)) )
            goto out;
        smp_wmb();
    }
    if ( copy_to_guest(va, &r, sizeof(r)) )
        goto out;
    if ( flag )
    {
        smp_wmb();
        r.state_entry_time &= ~XEN_RUNSTATE_UPDATE;
        if ( copy_to_guest(entry, &r.state_entry_time, sizeof(uint64_t)) )
            goto out;
    }
 out:
    spin_unlock_irqrestore(&vt->lock, flags);
}
