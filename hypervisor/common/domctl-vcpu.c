/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * domctl on VCPUs: creating them (max_vcpus), their state as the builder
 * sets it and save reads it, getvcpuinfo, and affinity bitmaps.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <hv/guest-access.h>

/*
 * One context at a time (domctl's lock): 5 KiB is more than a hypervisor
 * stack should carry.
 */
static struct vcpu_guest_context ctxt_buf;

/* The VCPU named by a domctl, or NULL: -EINVAL past max_vcpus. */
static int vcpu_of(struct domain *d, uint32_t id, struct vcpu **v)
{
    if ( id >= d->max_vcpus || id >= ARRAY_SIZE(d->vcpu) )
        return -EINVAL;
    *v = d->vcpu[id];
    return 0;
}

int domctl_max_vcpus(struct domain *caller, struct domain *d, uint32_t max)
{
    int rc = 0;

    /* The number was fixed at creation; this only makes the VCPUs. */
    if ( d == caller || max != d->max_vcpus )
        return -EINVAL;
    domain_pause(d);
    for ( unsigned int i = 0; i < max; i++ )
        if ( !d->vcpu[i] && !vcpu_create(d, i) )
        {
            rc = -ENOMEM;
            break;
        }
    domain_unpause(d);
    return rc;
}

int domctl_getvcpuinfo(struct domain *d, struct xen_domctl_getvcpuinfo *vi)
{
    struct vcpu_runstate_info r;
    struct vcpu *v;
    int rc = vcpu_of(d, vi->vcpu, &v);

    if ( rc )
        return rc;
    if ( !v )
        return -ESRCH;
    vcpu_runstate_get(v, &r);
    vi->online = !v->down;
    vi->blocked = r.state == RUNSTATE_blocked;
    vi->running = r.state == RUNSTATE_running;
    vi->cpu_time = r.time[RUNSTATE_running];
    vi->cpu = v->processor;
    return 0;
}

/* Back to "never started": down, no context, tables given back. */
static int vcpu_reset(struct vcpu *v)
{
    int rc;

    vcpu_pause(v);
    sched_vcpu_sync(v);
    rc = arch_vcpu_reset(v);
    if ( !rc )
    {
        v->down = true;
        v->is_initialised = false;
    }
    vcpu_unpause(v);
    return rc;
}

int domctl_setvcpucontext(struct domain *caller, struct domain *d,
                          uint32_t vcpu, guest_va_t ctxt)
{
    struct vcpu *v;
    int rc;

    /* Setting a context pauses the domain: not one's own. */
    if ( d == caller || vcpu_of(d, vcpu, &v) || !v )
        return -EINVAL;
    if ( !ctxt )
        return vcpu_reset(v);
    if ( copy_from_guest(&ctxt_buf, ctxt, sizeof(ctxt_buf)) )
        return -EFAULT;
    domain_pause(d);
    sched_vcpu_sync(v);
    rc = arch_set_info_guest(v, &ctxt_buf);
    domain_unpause(d);
    return rc;
}

int domctl_getvcpucontext(struct domain *caller, struct domain *d,
                          uint32_t vcpu, guest_va_t ctxt)
{
    struct vcpu *v;

    if ( vcpu_of(d, vcpu, &v) || !v || v == current_vcpu() )
        return -EINVAL;
    if ( !v->is_initialised )
        return -ENODATA;
    vcpu_pause(v);
    sched_vcpu_sync(v);
    arch_get_info_guest(v, &ctxt_buf);
    vcpu_unpause(v);
    return copy_to_guest(ctxt, &ctxt_buf, sizeof(ctxt_buf)) ? -EFAULT : 0;
}

/* --- affinity bitmaps --------------------------------------------------- */

static unsigned int nr_cpu_ids(void)
{
    return MIN(arch_nr_cpus(), (unsigned int)SCHED_MAX_CPUS);
}

/*
 * A guest byte map of nr_bits bits into a CPU mask: the bytes both sides
 * have, bits past nr_bits cleared.
 */
static int bitmap_from_guest(cpumask_t *mask, const struct xenctl_bitmap *b)
{
    unsigned int guest_bytes = (b->nr_bits + 7) / 8;
    unsigned int our_bytes = (nr_cpu_ids() + 7) / 8;
    unsigned int n = MIN(guest_bytes, our_bytes);
    uint8_t bytes[sizeof(cpumask_t)] = { 0 };

    if ( n )
    {
        if ( copy_from_guest(bytes, (guest_va_t)(uintptr_t)b->bitmap.p, n) )
            return -EFAULT;
        if ( (b->nr_bits & 7) && guest_bytes == n )
            bytes[n - 1] &= ~(0xff << (b->nr_bits & 7));
    }
    *mask = 0;
    for ( unsigned int i = 0; i < sizeof(bytes); i++ )
        *mask |= (cpumask_t)bytes[i] << (8 * i);
    return 0;
}

/* A CPU mask out to the guest: bits of CPUs that exist, zeros after. */
static int bitmap_to_guest(const struct xenctl_bitmap *b, cpumask_t mask)
{
    unsigned int guest_bytes = (b->nr_bits + 7) / 8;
    unsigned int cpus = nr_cpu_ids();
    unsigned int n = MIN(guest_bytes, (cpus + 7) / 8);
    guest_va_t to = (guest_va_t)(uintptr_t)b->bitmap.p;

    if ( cpus < 64 )
        mask &= ((cpumask_t)1 << cpus) - 1;
    for ( unsigned int i = 0; i < guest_bytes; i++ )
    {
        uint8_t byte = i < n ? mask >> (8 * i) : 0;

        if ( copy_to_guest(to + i, &byte, 1) )
            return -EFAULT;
    }
    return 0;
}

static cpumask_t online_cpus(void)
{
    unsigned int cpus = nr_cpu_ids();

    return cpus >= 64 ? ~(cpumask_t)0 : ((cpumask_t)1 << cpus) - 1;
}

static int set_affinity(struct vcpu *v, uint32_t flags,
                        struct xen_domctl_vcpuaffinity *aff)
{
    cpumask_t *hard = &v->sched_unit.hard_affinity;
    cpumask_t old_hard = *hard, mask;
    int rc = 0;

    /* FORCE undoes a SCHEDOP_pin_override the guest left behind. */
    if ( flags & XEN_VCPUAFFINITY_FORCE )
        v->pin_override = false;
    if ( flags & XEN_VCPUAFFINITY_HARD )
    {
        rc = bitmap_from_guest(&mask, &aff->cpumap_hard);
        if ( rc )
            return rc;
        if ( !(mask & online_cpus()) )
            return -EINVAL;
        if ( v->pin_override )
            return -EBUSY;
        *hard = mask;
        sched_vcpu_affinity(v);
        rc = bitmap_to_guest(&aff->cpumap_hard, online_cpus() & *hard);
    }
    if ( flags & XEN_VCPUAFFINITY_SOFT )
    {
        rc = bitmap_from_guest(&mask, &aff->cpumap_soft);
        if ( !rc && v->pin_override )
            rc = -EBUSY;
        if ( rc )
        {
            /* The caller sees an error: nothing may have changed. */
            *hard = old_hard;
            sched_vcpu_affinity(v);
            return rc;
        }
        v->soft_affinity = mask;
        rc = bitmap_to_guest(&aff->cpumap_soft,
                             mask & online_cpus() & *hard);
    }
    return rc;
}

int domctl_vcpuaffinity(struct domain *d, uint32_t cmd,
                        struct xen_domctl_vcpuaffinity *aff)
{
    uint32_t flags = aff->flags;
    struct vcpu *v;
    int rc = vcpu_of(d, aff->vcpu, &v);

    if ( rc )
        return rc;
    if ( !v )
        return -ESRCH;
    if ( !flags ||
         ((flags & XEN_VCPUAFFINITY_HARD) && !aff->cpumap_hard.bitmap.p) ||
         ((flags & XEN_VCPUAFFINITY_SOFT) && !aff->cpumap_soft.bitmap.p) )
        return -EINVAL;

    if ( cmd == XEN_DOMCTL_setvcpuaffinity )
        return set_affinity(v, flags, aff);
    if ( flags & XEN_VCPUAFFINITY_HARD )
        rc = bitmap_to_guest(&aff->cpumap_hard, v->sched_unit.hard_affinity);
    if ( flags & XEN_VCPUAFFINITY_SOFT )
        rc = bitmap_to_guest(&aff->cpumap_soft, v->soft_affinity);
    return rc;
}
