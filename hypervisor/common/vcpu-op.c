/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vcpu_op (24): a VCPU's life (initialise, up, down, is_up), its timers,
 * and the areas it shares with its guest (vcpu_info, runstate, a second
 * time record), with Xen 4.17's checks and error codes.  A domain's first
 * VCPU starts up; the guest brings up the others with initialise and up.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/hypercall.h>
#include <hv/mm.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <asm/mm.h>
#include <public/vcpu.h>
#include <public/sched.h>

#define smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)

/*
 * Xen checks only where an area starts: from a good start a copy faults
 * on the non-canonical hole before it can reach the hypervisor's range.
 */
static bool area_ok(guest_va_t va)
{
    return guest_range_ok(va, 1);
}

/* --- VCPUOP_register_vcpu_info ------------------------------------------ */

/*
 * Move v's vcpu_info to offset 'offset' of frame 'mfn', which d must own
 * and which must be able to take a writable mapping; the frame keeps a
 * writable type reference for as long as it holds the vcpu_info.
 */
static int map_vcpu_info(struct vcpu *v, uint64_t mfn, uint32_t offset)
{
    struct domain *d = v->domain;
    struct page_info *pg;
    struct vcpu_info *info;

    if ( offset > PAGE_SIZE - sizeof(*info) ||
         (offset & (__alignof__(*info) - 1)) )
        return -ENXIO;
    if ( v->vcpu_info_mfn )
        return -EINVAL;
    /* On oneself, or on a VCPU that is down (before bringing it up). */
    if ( v != current_vcpu() && !v->down )
        return -EINVAL;

    pg = mfn_valid(mfn) ? get_page_from_mfn(mfn, d) : NULL;
    if ( !pg )
        return -EINVAL;
    if ( get_page_type(pg, PGT_writable_page) )
    {
        put_page(pg);
        return -EINVAL;
    }

    info = (struct vcpu_info *)((uint8_t *)frame_va(mfn) + offset);
    memcpy(info, v->vcpu_info, sizeof(*info));
    v->vcpu_info = info;
    v->vcpu_info_mfn = mfn;
    /* Point the event code at the new copy before raising anything. */
    smp_wmb();

    /*
     * Events may have been raised in the old copy meanwhile: have the
     * guest scan everything once.  A spurious upcall is harmless.
     */
    __atomic_store_n(&info->evtchn_pending_sel, ~(xen_ulong_t)0,
                     __ATOMIC_RELAXED);
    if ( !__atomic_exchange_n(&info->evtchn_upcall_pending, 1,
                              __ATOMIC_SEQ_CST) )
        vcpu_kick(v);
    return 0;
}

/* --- VCPUOP_initialise, up, down ---------------------------------------- */

/*
 * A VCPU's first context, from its own domain (how Linux starts its other
 * CPUs).  Xen refuses a VCPU that has only the dummy vcpu_info, then
 * reads the whole vcpu_guest_context before it looks at the VCPU, so an
 * unreadable context is -EFAULT even for one already running.  One
 * context at a time: hypercalls run one after another.
 */
static long vcpu_initialise(struct vcpu *v, guest_va_t arg)
{
    static struct vcpu_guest_context ctxt;
    long rc;

    if ( v->vcpu_id >= XEN_LEGACY_MAX_VCPUS && !v->vcpu_info_mfn )
        return -EINVAL;
    if ( copy_from_guest(&ctxt, arg, sizeof(ctxt)) )
        return -EFAULT;
    if ( v->is_initialised )
        return -EEXIST;
    rc = arch_set_info_guest(v, &ctxt);
    /* VGCF_online in the context brings it up at once. */
    sched_vcpu_update(v);
    return rc;
}

static long vcpu_up(struct vcpu *v)
{
    if ( !v->is_initialised )
        return -EINVAL;
    if ( v->down )
    {
        v->down = false;
        sched_vcpu_update(v);
    }
    return 0;
}

/* The last VCPU going down takes its domain with it, as on Xen. */
static long vcpu_down(struct domain *d, struct vcpu *v)
{
    for ( unsigned int i = 0; i < d->max_vcpus && i < ARRAY_SIZE(d->vcpu);
          i++ )
        if ( d->vcpu[i] && d->vcpu[i] != v && !d->vcpu[i]->down )
        {
            if ( !v->down )
            {
                v->down = true;
                sched_vcpu_update(v);
            }
            return 0;
        }
    domain_shutdown(d, SHUTDOWN_poweroff);
    return 0;
}

/* --- the hypercall ------------------------------------------------------ */

long do_vcpu_op(int cmd, unsigned int vcpuid, guest_va_t arg)
{
    struct domain *d = current_domain();
    struct vcpu *v;
    long rc;

    if ( vcpuid >= d->max_vcpus || vcpuid >= ARRAY_SIZE(d->vcpu) ||
         !(v = d->vcpu[vcpuid]) )
        return -ENOENT;
    if ( arch_vcpu_op(cmd, v, arg, &rc) )
        return rc;

    switch ( cmd )
    {
    case VCPUOP_initialise:
        return vcpu_initialise(v, arg);

    case VCPUOP_up:
        return vcpu_up(v);

    case VCPUOP_down:
        return vcpu_down(d, v);

    case VCPUOP_is_up:
        return !v->down;

    case VCPUOP_get_runstate_info:
    {
        struct vcpu_runstate_info r;

        vcpu_runstate_get(v, &r);
        return copy_to_guest(arg, &r, sizeof(r)) ? -EFAULT : 0;
    }

    case VCPUOP_register_runstate_memory_area:
    {
        struct vcpu_register_runstate_memory_area area;

        if ( copy_from_guest(&area, arg, sizeof(area)) )
            return -EFAULT;
        if ( !area_ok(area.addr.p) )
            return -EFAULT;
        /* Address 0 unregisters; a first copy that faults is no error. */
        v->time.runstate_guest = area.addr.p;
        vcpu_runstate_publish(v);
        return 0;
    }

    case VCPUOP_set_periodic_timer:
    {
        struct vcpu_set_periodic_timer set;

        if ( copy_from_guest(&set, arg, sizeof(set)) )
            return -EFAULT;
        if ( set.period_ns < MILLISECS(1) || set.period_ns > STIME_DELTA_MAX )
            return -EINVAL;
        vcpu_set_periodic_timer(v, set.period_ns);
        return 0;
    }

    case VCPUOP_stop_periodic_timer:
        vcpu_set_periodic_timer(v, 0);
        return 0;

    case VCPUOP_set_singleshot_timer:
    {
        struct vcpu_set_singleshot_timer set;

        if ( v != current_vcpu() )
            return -EINVAL;
        if ( copy_from_guest(&set, arg, sizeof(set)) )
            return -EFAULT;
        /*
         * Xen 4.17 ignores VCPU_SSHOTTMR_future: a deadline already past
         * raises the event at once and the call succeeds.
         */
        vcpu_singleshot_set(v, set.timeout_abs_ns);
        return 0;
    }

    case VCPUOP_stop_singleshot_timer:
        if ( v != current_vcpu() )
            return -EINVAL;
        vcpu_singleshot_stop(v);
        return 0;

    case VCPUOP_register_vcpu_info:
    {
        struct vcpu_register_vcpu_info info;
        int rc;

        if ( copy_from_guest(&info, arg, sizeof(info)) )
            return -EFAULT;
        rc = map_vcpu_info(v, info.mfn, info.offset);
        /* Xen rewrites the time record whatever the outcome. */
        update_vcpu_system_time(v, true);
        return rc;
    }

    case VCPUOP_register_vcpu_time_memory_area:
    {
        struct vcpu_register_time_memory_area area;

        if ( copy_from_guest(&area, arg, sizeof(area)) )
            return -EFAULT;
        if ( !area_ok(area.addr.p) )
            return -EFAULT;
        v->time.time_guest = area.addr.p;
        update_vcpu_system_time(v, true);
        return 0;
    }
    }

    return -ENOSYS;
}
