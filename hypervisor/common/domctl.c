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
 * Answers Xen 4.17 gives for domain d before it asks whether the caller
 * may act on it, to privileged and unprivileged callers alike: ranges
 * that wrap, and operations that need an HVM domain, a passthrough IRQ
 * or an IOMMU, none of which exist here (every domain is PV).  1 means
 * "no answer yet".
 */
static int domctl_precheck(const struct domain *d, const struct xen_domctl *op)
{
    switch ( op->cmd )
    {
    case XEN_DOMCTL_iomem_permission:
    {
        uint64_t first = op->u.iomem_permission.first_mfn;

        return first + op->u.iomem_permission.nr_mfns - 1 < first ? -EINVAL
                                                                  : 1;
    }

    case XEN_DOMCTL_ioport_permission:
    {
        uint32_t first = op->u.ioport_permission.first_port;
        uint32_t end = first + op->u.ioport_permission.nr_ports;

        return end <= first || end > 0x10000 ? -EINVAL : 1;
    }

    case XEN_DOMCTL_memory_mapping:
    {
        const struct xen_domctl_memory_mapping *m = &op->u.memory_mapping;

        uint64_t end = m->first_mfn + m->nr_mfns - 1;

        /*
         * Xen refuses frames beyond the host's physical address width;
         * common code does not know that width, so it checks against the
         * widest x86-64 allows (a count of 0 ends beyond it, as on Xen).
         */
        return end < m->first_mfn || ((m->first_mfn | end) >> (52 - 12)) ||
               m->first_gfn + m->nr_mfns - 1 < m->first_gfn ? -EINVAL : 1;
    }

    case XEN_DOMCTL_bind_pt_irq:
    case XEN_DOMCTL_unbind_pt_irq:
        /* Passthrough IRQs are for HVM domains only. */
        return -EINVAL;

    case XEN_DOMCTL_ioport_mapping:
        return -EOPNOTSUPP;

    case XEN_DOMCTL_set_target:
    {
        const struct domain *e = domain_lookup_any(op->u.set_target.target);

        /* The target must exist, differ, and be HVM: it never is. */
        if ( !e )
            return -ESRCH;
        return e == d ? -EINVAL : -EOPNOTSUPP;
    }

    case XEN_DOMCTL_get_device_group:
        /* No IOMMU. */
        return -EOPNOTSUPP;
    }
    return 1;
}

/*
 * XEN_DOMCTL_vm_event_op's GET_VERSION: fills in the version and says
 * true.  Our public header carries no vm_event structures (we implement
 * none of it), so its layout is spelt here: op, mode, then the version.
 */
#define VM_EVENT_OP_GET_VERSION     3
#define VM_EVENT_IFACE_VERSION      7

static bool domctl_vm_event_version(struct xen_domctl *op)
{
    uint32_t *vm_event = (uint32_t *)op->u.pad;

    if ( vm_event[0] != VM_EVENT_OP_GET_VERSION )
        return false;
    vm_event[2] = VM_EVENT_IFACE_VERSION;
    return true;
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

    case XEN_DOMCTL_memory_mapping:
        /* Xen maps nothing into a PV domain, and says it went well. */
        return 0;

    case XEN_DOMCTL_assign_device:
    case XEN_DOMCTL_deassign_device:
    case XEN_DOMCTL_test_assign_device:
        /* No IOMMU. */
        return -EOPNOTSUPP;

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

    case XEN_DOMCTL_assign_device:
    case XEN_DOMCTL_deassign_device:
    case XEN_DOMCTL_test_assign_device:
        /*
         * Device operations may name Xen's dom_io (assigning), or no
         * domain at all (testing); with no IOMMU they do nothing.
         */
        if ( op.cmd == XEN_DOMCTL_test_assign_device
             ? op.domain == DOMID_INVALID : op.domain == DOMID_IO )
        {
            rc = domctl_may_control(caller) ? -EOPNOTSUPP : -EPERM;
            goto out;
        }
        goto lookup;

    case XEN_DOMCTL_vm_event_op:
        /*
         * Xen tells anyone its vm_event interface version, for a domain
         * that exists or for none (DOMID_INVALID); every other
         * sub-operation needs a domain and is refused below.
         */
        rc = -ESRCH;
        if ( op.domain != DOMID_INVALID &&
             !(d = domain_lookup_any(op.domain)) )
            goto out;
        if ( domctl_vm_event_version(&op) )
        {
            copyback = true;
            rc = 0;
            goto out;
        }
        if ( !d )
            goto out;
        break;

    default:
    lookup:
        d = domain_lookup_any(op.domain);
        rc = -ESRCH;
        if ( !d )
            goto out;
    }

    rc = domctl_precheck(d, &op);
    if ( rc <= 0 )
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
