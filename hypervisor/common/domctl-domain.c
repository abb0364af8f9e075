/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * domctl on whole domains: creation and its ids, destruction, pausing,
 * resuming, getdomaininfo, memory limit, handle and time offset.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/time.h>

/*
 * Ids are handed out by a rover that only moves on, so that a new domain
 * does not get the id of one just destroyed (tools may still hold it).
 * It moves even when creation then fails, as in Xen.
 */
static domid_t rover;

static bool domid_free(domid_t id)
{
    return id < DOMID_FIRST_RESERVED && !domain_lookup_any(id);
}

int domctl_createdomain(struct xen_domctl *op)
{
    struct domain *d;
    domid_t id = op->domain;
    int rc;

    if ( id > 0 && id < DOMID_FIRST_RESERVED )
    {
        if ( !domid_free(id) )
            return -EEXIST;
    }
    else
    {
        for ( id = rover + 1; id != rover; id++ )
        {
            if ( id == DOMID_FIRST_RESERVED )
                id = 1;
            if ( domid_free(id) )
                break;
        }
        if ( id == rover )
            return -ENOMEM;
        rover = id;
    }

    rc = domain_create_config(id, &op->u.createdomain, false, &d);
    if ( rc )
        return rc;
    op->domain = d->domain_id;
    return 0;
}

int domctl_destroydomain(struct domain *caller, struct domain *d)
{
    if ( d == caller )
        return -EINVAL;
    return domain_kill(d);
}

int domctl_pausedomain(struct domain *caller, struct domain *d)
{
    /* A domain cannot wait for itself to stop. */
    if ( d == caller )
        return -EINVAL;
    return domain_pause_by_controller(d);
}

int domctl_unpausedomain(struct domain *d)
{
    return domain_unpause_by_controller(d);
}

int domctl_resumedomain(struct domain *caller, struct domain *d)
{
    if ( d == caller )
        return -EINVAL;
    domain_resume(d);
    return 0;
}

void domain_getinfo(struct domain *d, struct xen_domctl_getdomaininfo *info)
{
    uint32_t flags = XEN_DOMINF_blocked;
    uint64_t cpu_time = 0;

    memset(info, 0, sizeof(*info));
    info->domain = d->domain_id;
    info->max_vcpu_id = XEN_INVALID_MAX_VCPU_ID;

    /* Blocked only if every online VCPU is; running if any runs. */
    for ( unsigned int i = 0; i < d->max_vcpus; i++ )
    {
        struct vcpu *v = d->vcpu[i];
        struct vcpu_runstate_info r;

        if ( !v )
            continue;
        vcpu_runstate_get(v, &r);
        cpu_time += r.time[RUNSTATE_running];
        info->max_vcpu_id = v->vcpu_id;
        if ( v->down )
            continue;
        if ( r.state != RUNSTATE_blocked )
            flags &= ~XEN_DOMINF_blocked;
        if ( r.state == RUNSTATE_running )
            flags |= XEN_DOMINF_running;
        info->nr_online_vcpus++;
    }
    info->cpu_time = cpu_time;

    info->flags = (info->nr_online_vcpus ? flags : 0) |
                  (d->state == DOMAIN_DEAD ? XEN_DOMINF_dying : 0) |
                  (d->is_shut_down ? XEN_DOMINF_shutdown : 0) |
                  (d->controller_pause_count ? XEN_DOMINF_paused : 0) |
                  (d->is_xenstore ? XEN_DOMINF_xs_domain : 0) |
                  ((uint32_t)d->shutdown_code << XEN_DOMINF_shutdownshift);
    info->tot_pages = d->tot_pages;
    info->max_pages = d->max_pages;
    info->shared_info_frame = d->arch.shared_info_maddr >> PAGE_SHIFT;
    memcpy(info->handle, d->handle, sizeof(info->handle));
    arch_get_domain_info(d, info);
}

int domctl_getdomaininfo(struct domain *caller, struct xen_domctl *op)
{
    struct domain *d;

    if ( op->domain >= DOMID_FIRST_RESERVED )
        return -EINVAL;
    d = domain_first_from(op->domain);
    if ( !d )
        return -ESRCH;
    if ( !domctl_may_read_info(caller) )
        return -EPERM;
    domain_getinfo(d, &op->u.getdomaininfo);
    op->domain = d->domain_id;
    return 0;
}

int domctl_max_mem(struct domain *d, uint64_t max_memkb)
{
    uint64_t pages = max_memkb >> (PAGE_SHIFT - 10);

    /*
     * Xen keeps the limit in 32 bits.  A limit below what the domain has
     * is kept too: it then gets nothing more until it is back under.
     */
    d->max_pages = MIN(pages, (uint64_t)UINT32_MAX);
    return 0;
}

void domctl_setdomainhandle(struct domain *d, const xen_domain_handle_t h)
{
    memcpy(d->handle, h, sizeof(d->handle));
}

void domctl_settimeoffset(struct domain *d, int64_t seconds)
{
    d->time_offset_seconds = seconds;
    update_domain_wallclock_time(d);
}
