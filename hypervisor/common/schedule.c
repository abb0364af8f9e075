/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_op: yield, block, poll, shutdown, watchdogs and pin override.
 * Yielding, blocking and polling only tell the scheduler (sched/core.c);
 * the VCPU leaves the CPU on its way back to the guest, and the hypercall
 * has returned by the time it runs again.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/guest-access.h>
#include <hv/hypercall.h>
#include <hv/sched.h>
#include <hv/timer.h>
#include <hv/time.h>
#include <public/sched.h>
#include <public/event_channel.h>

/* The most ports one SCHEDOP_poll may wait on (Xen's limit). */
#define POLL_MAX_PORTS 128
/* Pin override takes CPU numbers below this (Xen's NR_CPUS). */
#define SCHED_NR_CPUS 256

bool vcpu_events_pending(const struct vcpu *v)
{
    const struct vcpu_info *vi = v->vcpu_info;

    return vi->evtchn_upcall_pending && !vi->evtchn_upcall_mask;
}

/*
 * SCHEDOP_block: events on, then off the CPU until one arrives.  Marked
 * blocked before looking, so that an event landing in between wakes us
 * (and the block is never committed) instead of being missed.
 */
void vcpu_block(struct vcpu *v)
{
    v->vcpu_info->evtchn_upcall_mask = 0;
    vcpu_block_prepare(v);
    if ( vcpu_events_pending(v) )
        vcpu_block_cancel(v);
    else
        vcpu_block_commit(v);
}

/* --- SCHEDOP_poll --------------------------------------------------------- */

/*
 * Block until one of the given ports is pending (masked or not), an event
 * is delivered to the VCPU, or the timeout (absolute system time) passes.
 * Blocked and registered as a poller before the ports are looked at: the
 * event-channel code ends the poll and wakes us when a polled port fires
 * from then on.  The call returns at once; the VCPU stays off the CPU
 * until woken, and 0 is what it sees whatever woke it.
 */
static void poll_timeout(void *data)
{
    struct vcpu *v = data;

    /* Only if the poll is still on: nothing else woke it meanwhile. */
    if ( evtchn_poll_end(v) )
        vcpu_unblock(v);
}

static long sched_poll(struct vcpu *v, const struct sched_poll *p)
{
    guest_va_t ports = (guest_va_t)(uintptr_t)p->ports.p;
    evtchn_port_t port = 0;
    long rc = 0;

    if ( p->nr_ports > POLL_MAX_PORTS )
        return -EINVAL;
    if ( !guest_range_ok(ports, (uint64_t)p->nr_ports * sizeof(port)) )
        return -EFAULT;

    timer_stop(&v->poll_timer);
    vcpu_block_prepare(v);
    evtchn_poll_begin(v, EVTCHN_POLL_ANY);
    if ( vcpu_events_pending(v) )
        goto out;
    for ( unsigned int i = 0; i < p->nr_ports; i++ )
    {
        if ( copy_from_guest(&port, ports + i * sizeof(port), sizeof(port)) )
        {
            rc = -EFAULT;
            goto out;
        }
        rc = evtchn_port_poll(v->domain, port);
        if ( rc )
        {
            rc = rc > 0 ? 0 : rc;
            goto out;
        }
    }
    if ( p->nr_ports == 1 )
        evtchn_poll_begin(v, port);

    timer_init(&v->poll_timer, poll_timeout, v);
    if ( p->timeout )
        timer_set(&v->poll_timer, p->timeout);
    if ( vcpu_block_commit(v) )
        return 0;
    /* Woken before it could go: nothing to wait for. */
    timer_stop(&v->poll_timer);
 out:
    evtchn_poll_end(v);
    vcpu_block_cancel(v);
    return rc;
}

/* --- SCHEDOP_watchdog ----------------------------------------------------- */

static void watchdog_fired(void *data)
{
    struct domain *d = data;

    if ( d->state == DOMAIN_SHUTDOWN || d->state == DOMAIN_DYING )
        return;
    printk(LOG_INFO "watchdog timer fired for domain %u\n", d->domain_id);
    domain_shutdown(d, SHUTDOWN_watchdog);
}

/*
 * id 0 hands out a free timer and returns its id (from 1); id n re-arms
 * timer n, or frees it when timeout is 0.
 */
static long sched_watchdog(struct domain *d, uint32_t id, uint32_t timeout)
{
    uint32_t i;

    if ( id > NR_DOMAIN_WATCHDOG_TIMERS )
        return -EINVAL;

    if ( id == 0 )
    {
        for ( i = 0; i < NR_DOMAIN_WATCHDOG_TIMERS; i++ )
        {
            if ( d->watchdog_inuse & (1U << i) )
                continue;
            d->watchdog_inuse |= 1U << i;
            timer_init(&d->watchdog[i], watchdog_fired, d);
            timer_set(&d->watchdog[i], arch_now() + SECONDS(timeout));
            return i + 1;
        }
        /*
         * Xen 4.17 computes this in a 32-bit unsigned variable, so guests
         * see -ENOSPC zero-extended; we return the same bits.
         */
        return (uint32_t)-ENOSPC;
    }

    i = id - 1;
    if ( !(d->watchdog_inuse & (1U << i)) )
        return -EINVAL;
    if ( timeout == 0 )
    {
        timer_stop(&d->watchdog[i]);
        d->watchdog_inuse &= ~(1U << i);
    }
    else
        timer_set(&d->watchdog[i], arch_now() + SECONDS(timeout));
    return 0;
}

/* --- SCHEDOP_pin_override ------------------------------------------------- */

static long sched_pin_override(struct vcpu *v, int32_t pcpu)
{
    if ( pcpu >= SCHED_NR_CPUS )
        return -EINVAL;
    if ( pcpu < 0 )
    {
        /* Undo: only meaningful while an override is in force. */
        if ( !v->pin_override )
            return -EINVAL;
        v->pin_override = false;
        return 0;
    }
    if ( v->pin_override )
        return -EBUSY;
    if ( (unsigned int)pcpu >= arch_nr_cpus() )
        return -EINVAL;
    v->pin_override = true;
    return 0;
}

long do_sched_op(int cmd, guest_va_t arg)
{
    struct vcpu *v = current_vcpu();
    struct domain *d = v->domain;

    switch ( cmd )
    {
    case SCHEDOP_yield:
        vcpu_yield(v);
        return 0;

    case SCHEDOP_block:
        vcpu_block(v);
        return 0;

    case SCHEDOP_shutdown:
    {
        struct sched_shutdown sd;

        if ( copy_from_guest(&sd, arg, sizeof(sd)) )
            return -EFAULT;
        /* Xen keeps only the low byte of the reason. */
        return domain_shutdown(d, (uint8_t)sd.reason);
    }

    case SCHEDOP_shutdown_code:
    {
        struct sched_shutdown sd;

        if ( copy_from_guest(&sd, arg, sizeof(sd)) )
            return -EFAULT;
        if ( d->shutdown_code == SHUTDOWN_CODE_NONE )
            d->shutdown_code = (uint8_t)sd.reason;
        return 0;
    }

    case SCHEDOP_poll:
    {
        struct sched_poll p;

        if ( copy_from_guest(&p, arg, sizeof(p)) )
            return -EFAULT;
        return sched_poll(v, &p);
    }

    case SCHEDOP_remote_shutdown:
    {
        struct sched_remote_shutdown rs;
        struct domain *target;

        if ( copy_from_guest(&rs, arg, sizeof(rs)) )
            return -EFAULT;
        target = domain_lookup(rs.domain_id);
        if ( !target )
            return -ESRCH;
        if ( !d->is_privileged )
            return -EPERM;
        domain_shutdown(target, (uint8_t)rs.reason);
        return 0;
    }

    case SCHEDOP_watchdog:
    {
        struct sched_watchdog w;

        if ( copy_from_guest(&w, arg, sizeof(w)) )
            return -EFAULT;
        return sched_watchdog(d, w.id, w.timeout);
    }

    case SCHEDOP_pin_override:
    {
        struct sched_pin_override po;

        if ( d != hardware_domain )
            return -EPERM;
        if ( copy_from_guest(&po, arg, sizeof(po)) )
            return -EFAULT;
        return sched_pin_override(v, po.pcpu);
    }
    }
    return -ENOSYS;
}

/* The pre-3.0.2 form: the shutdown reason is the argument itself. */
long do_sched_op_compat(int cmd, unsigned long arg)
{
    switch ( cmd )
    {
    case SCHEDOP_yield:
    case SCHEDOP_block:
        return do_sched_op(cmd, 0);
    case SCHEDOP_shutdown:
        domain_shutdown(current_domain(), (uint8_t)arg);
        return 0;
    }
    return -ENOSYS;
}
