/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A VCPU's timers, both raising VIRQ_TIMER: the one-shot one (set_timer_op,
 * VCPUOP_set_singleshot_timer) and the periodic tick a PV VCPU starts with
 * (100 Hz, as on Xen).  As on Xen the tick only runs while its VCPU runs:
 * a blocked VCPU is not woken by it, and one that was away for a period or
 * more gets a single tick when it runs again.  The VCPU's time lock,
 * irqsave, covers both timers and the period.
 */
#include <hv/types.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/hypercall.h>
#include <hv/time.h>

/* Xen's stand-in for a deadline in the far future or wrapped negative. */
#define HUGE_TIMEOUT_DELAY MILLISECS(100)
/* Deadlines further ahead than 2^50 ns (13 days) count as bogus. */
#define HUGE_TIMEOUT_SHIFT 50

void send_timer_event(struct vcpu *v)
{
    send_guest_vcpu_virq(v, VIRQ_TIMER);
}

static void singleshot_fn(void *data)
{
    send_timer_event(data);
}

/* Tick if a period has passed since the last tick, and arm the next. */
static void periodic_work_locked(struct vcpu *v)
{
    struct vcpu_time *vt = &v->time;
    uint64_t now = arch_now();
    uint64_t next = vt->periodic_last + vt->period;

    if ( now >= next )
    {
        send_timer_event(v);
        vt->periodic_last = now;
        next = now + vt->period;
    }
    timer_set(&vt->periodic, next);
}

static void periodic_fn(void *data)
{
    struct vcpu *v = data;
    unsigned long flags;

    spin_lock_irqsave(&v->time.lock, flags);
    if ( v->time.period && v->time.running )
        periodic_work_locked(v);
    spin_unlock_irqrestore(&v->time.lock, flags);
}

void vcpu_timers_init(struct vcpu *v)
{
    timer_init(&v->time.singleshot, singleshot_fn, v);
    timer_init(&v->time.periodic, periodic_fn, v);
    v->time.period = PERIODIC_DEFAULT_NS;
}

void vcpu_periodic_resume(struct vcpu *v)
{
    periodic_fn(v);
}

void vcpu_periodic_pause(struct vcpu *v)
{
    unsigned long flags;

    spin_lock_irqsave(&v->time.lock, flags);
    timer_stop(&v->time.periodic);
    spin_unlock_irqrestore(&v->time.lock, flags);
}

void vcpu_set_periodic_timer(struct vcpu *v, uint64_t period)
{
    unsigned long flags;

    spin_lock_irqsave(&v->time.lock, flags);
    timer_stop(&v->time.periodic);
    v->time.period = period;
    if ( period && v->time.running )
        periodic_work_locked(v);
    spin_unlock_irqrestore(&v->time.lock, flags);
}

void vcpu_singleshot_set(struct vcpu *v, uint64_t deadline)
{
    unsigned long flags;
    bool now;

    spin_lock_irqsave(&v->time.lock, flags);
    /*
     * Deadlines compare as signed system times, as on Xen: one with the
     * top bit set has passed long ago.
     */
    now = (int64_t)deadline <= (int64_t)arch_now();
    if ( now )
        timer_stop(&v->time.singleshot);
    else
        timer_set(&v->time.singleshot, deadline);
    spin_unlock_irqrestore(&v->time.lock, flags);

    /* Already due: the event is pending before the guest runs again. */
    if ( now )
        send_timer_event(v);
}

void vcpu_singleshot_stop(struct vcpu *v)
{
    unsigned long flags;

    spin_lock_irqsave(&v->time.lock, flags);
    timer_stop(&v->time.singleshot);
    spin_unlock_irqrestore(&v->time.lock, flags);
}

long do_set_timer_op(uint64_t timeout)
{
    struct vcpu *v = current_vcpu();
    int64_t offset = (int64_t)(timeout - arch_now());

    if ( timeout == 0 )
    {
        vcpu_singleshot_stop(v);
        return 0;
    }

    /*
     * Linux's jiffies once wrapped into deadlines far ahead or negative,
     * and old guests ask for a far deadline when they need none.  Firing
     * now would spin such guests, never would hang the others: Xen picks
     * 100 ms, and so do we.
     */
    if ( (int64_t)timeout < 0 ||
         (offset > 0 && (offset >> HUGE_TIMEOUT_SHIFT) != 0) )
    {
        static unsigned int reported;

        if ( reported < 4 )
        {
            reported++;
            printk(LOG_DEBUG "d%u: huge timeout %#llx\n",
                   v->domain->domain_id, (unsigned long long)timeout);
        }
        vcpu_singleshot_set(v, arch_now() + HUGE_TIMEOUT_DELAY);
        return 0;
    }

    vcpu_singleshot_set(v, timeout);
    return 0;
}
