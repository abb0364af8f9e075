/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * domctl (36): the toolstack's per-domain operations.  This layer copies
 * the request in, checks its interface version, finds the domain and
 * checks the caller may act on it, in the order Xen 4.17 does (so a bad
 * version is -EACCES before anything, a missing domain -ESRCH before a
 * refused caller's -EPERM), then calls a plain function and copies the
 * request back when the operation has something to say.
 *
 * One operation at a time: the lock also covers the static VCPU context
 * buffer the VCPU operations use.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/spinlock.h>
#include <hv/continuation.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/guest-access.h>

static spinlock_t domctl_lock = SPIN_LOCK_UNLOCKED;

bool domctl_may_control(const struct domain *caller)
{
    return caller->is_privileged;
}

bool domctl_may_read_info(const struct domain *caller)
{
    return caller->is_privileged || caller->is_xenstore;
}

/*
 * Xen checks the ranges of the I/O permission operations before it asks
 * whether the caller may grant them.
 */
static int domctl_check_ranges(const struct xen_domctl *op)
{
    switch ( op->cmd )
    {
    case XEN_DOMCTL_iomem_permission:
    {
        uint64_t first = op->u.iomem_permission.first_mfn;

        return first + op->u.iomem_permission.nr_mfns - 1 < first ? -EINVAL
                                                                  : 0;
    }

    case XEN_DOMCTL_ioport_permission:
    {
        uint32_t first = op->u.ioport_permission.first_port;
        uint32_t end = first + op->u.ioport_permission.nr_ports;

        return end <= first || end > 0x10000 ? -EINVAL : 0;
    }
    }
    return 0;
}

/* The operations that need the domain lookup done and the caller vetted. */
static long domctl_dispatch(struct domain *caller, struct domain *d,
                            struct xen_domctl *op, bool *copyback)
{
    switch ( op->cmd )
    {
    case XEN_DOMCTL_createdomain:
    {
        int rc = domctl_createdomain(op);

        *copyback = !rc;
        return rc;
    }

    case XEN_DOMCTL_destroydomain:
        return domctl_destroydomain(caller, d);

    case XEN_DOMCTL_pausedomain:
        return domctl_pausedomain(caller, d);

    case XEN_DOMCTL_unpausedomain:
        return domctl_unpausedomain(d);

    case XEN_DOMCTL_resumedomain:
        return domctl_resumedomain(caller, d);

    case XEN_DOMCTL_max_vcpus:
        return domctl_max_vcpus(caller, d, op->u.max_vcpus.max);

    case XEN_DOMCTL_max_mem:
        return domctl_max_mem(d, op->u.max_mem.max_memkb);

    case XEN_DOMCTL_setvcpucontext:
        return domctl_setvcpucontext(caller, d, op->u.vcpucontext.vcpu,
                                     (guest_va_t)(uintptr_t)
                                     op->u.vcpucontext.ctxt.p);

    case XEN_DOMCTL_getvcpucontext:
    {
        int rc = domctl_getvcpucontext(caller, d, op->u.vcpucontext.vcpu,
                                       (guest_va_t)(uintptr_t)
                                       op->u.vcpucontext.ctxt.p);

        /* Xen writes the request back once it got as far as copying. */
        *copyback = !rc || rc == -EFAULT;
        return rc;
    }

    case XEN_DOMCTL_getvcpuinfo:
    {
        int rc = domctl_getvcpuinfo(d, &op->u.getvcpuinfo);

        *copyback = !rc;
        return rc;
    }

    case XEN_DOMCTL_setvcpuaffinity:
    case XEN_DOMCTL_getvcpuaffinity:
        return domctl_vcpuaffinity(d, op->cmd, &op->u.vcpuaffinity);

    case XEN_DOMCTL_scheduler_op:
        *copyback = true;
        return domctl_scheduler_op(d, &op->u.scheduler_op);

    case XEN_DOMCTL_setdomainhandle:
        domctl_setdomainhandle(d, op->u.setdomainhandle.handle);
        return 0;

    case XEN_DOMCTL_settimeoffset:
        domctl_settimeoffset(d, op->u.settimeoffset.time_offset_seconds);
        return 0;

    case XEN_DOMCTL_subscribe:
        d->suspend_evtchn = op->u.subscribe.port;
        return 0;
    }
    return arch_do_domctl(caller, d, op, copyback);
}

long do_domctl(guest_va_t u_domctl)
{
    struct domain *caller = current_domain();
    struct xen_domctl op;
    struct domain *d = NULL;
    bool copyback = false;
    long rc;

    if ( copy_from_guest(&op, u_domctl, sizeof(op)) )
        return -EFAULT;
    if ( op.interface_version != XEN_DOMCTL_INTERFACE_VERSION )
        return -EACCES;

    spin_lock(&domctl_lock);
    switch ( op.cmd )
    {
    case XEN_DOMCTL_createdomain:
        break;

    case XEN_DOMCTL_getdomaininfo:
        /* A missing domain is answered with the next one up. */
        rc = domctl_getdomaininfo(caller, &op);
        copyback = !rc;
        goto out;

    default:
        d = domain_lookup_any(op.domain);
        rc = -ESRCH;
        if ( !d )
            goto out;
    }

    rc = domctl_check_ranges(&op);
    if ( rc )
        goto out;
    rc = -EPERM;
    if ( !domctl_may_control(caller) )
        goto out;
    rc = domctl_dispatch(caller, d, &op, &copyback);

 out:
    spin_unlock(&domctl_lock);
    /* An operation done in steps (destroydomain): the next one, later. */
    if ( rc == -ERESTART )
        return hypercall_continue(__HYPERVISOR_domctl, u_domctl);
    if ( copyback && copy_to_guest(u_domctl, &op, sizeof(op)) )
        rc = -EFAULT;
    return rc;
}
