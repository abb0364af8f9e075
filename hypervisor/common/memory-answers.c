/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * memory_op commands for translated (HVM) guests, sharing, paging, claims
 * and device memory: every domain here is PV and untranslated, so most of
 * them are refused, with Xen 4.17's codes in Xen's order of checks.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/hypercall.h>
#include <hv/mm.h>
#include <hv/page-alloc.h>
#include <public/memory.h>

#define MEMOP_EXTENT_SHIFT  6
#define MEMOP_CMD_MASK      ((1UL << MEMOP_EXTENT_SHIFT) - 1)

/* Xen's rcu_lock_domain_by_any_id(): DOMID_SELF or any known domain. */
static struct domain *any_domain(domid_t domid)
{
    return domid == DOMID_SELF ? current_domain() : domain_lookup_any(domid);
}

/* Xen's XSM_TARGET default: the domain itself or the control domain. */
static bool may_target(const struct domain *d)
{
    const struct domain *curr = current_domain();

    return d == curr || curr->is_privileged;
}

/* The hypervisor's half of the address space is no guest buffer. */
static bool guest_array_okay(guest_va_t va, unsigned long nr,
                             unsigned long size)
{
    return nr < ~0UL / size &&
           (va < HYPERVISOR_VIRT_START || va >= HYPERVISOR_VIRT_END);
}

/* add_to_physmap and its batch form: for translated guests only. */
static long add_to_physmap(unsigned int op, unsigned long start_extent,
                           guest_va_t arg)
{
    struct domain *d;

    /* The continuation index must fit the 16-bit size field. */
    if ( start_extent > 0xffff )
        return -EDOM;
    if ( op == XENMEM_add_to_physmap )
    {
        struct xen_add_to_physmap x;

        if ( copy_from_guest(&x, arg, sizeof(x)) )
            return -EFAULT;
        if ( x.space == XENMAPSPACE_gmfn_foreign )
            return -ENOSYS;
        d = any_domain(x.domid);
    }
    else
    {
        struct xen_add_to_physmap_batch x;

        if ( copy_from_guest(&x, arg, sizeof(x)) )
            return -EFAULT;
        if ( x.space == XENMAPSPACE_gmfn_range )
            return -EOPNOTSUPP;
        d = any_domain(x.domid);
    }
    return d ? -EACCES : -ESRCH;
}

static long remove_from_physmap(unsigned long start_extent, guest_va_t arg)
{
    struct xen_remove_from_physmap x;

    if ( start_extent )
        return -EINVAL;
    if ( copy_from_guest(&x, arg, sizeof(x)) )
        return -EFAULT;
    return any_domain(x.domid) ? -EACCES : -ESRCH;
}

/* Access control needs hardware-assisted paging: never on PV. */
static long access_op(guest_va_t arg)
{
    struct xen_mem_access_op x;
    struct domain *d;

    if ( copy_from_guest(&x, arg, sizeof(x)) )
        return -EFAULT;
    d = domain_lookup_any(x.domid);
    if ( !d )
        return -ESRCH;
    if ( d == current_domain() )
        return -EPERM;
    return -EINVAL;
}

/* A claim stakes free frames for a domain (frame-table.c keeps it). */
static long claim_pages(unsigned long start_extent, guest_va_t arg)
{
    struct xen_memory_reservation r;
    struct domain *d;

    if ( start_extent )
        return -EINVAL;
    if ( copy_from_guest(&r, arg, sizeof(r)) )
        return -EFAULT;
    if ( r.extent_start.p || r.extent_order || r.mem_flags )
        return -EINVAL;
    d = domain_lookup_any(r.domid);
    if ( !d )
        return -EINVAL;
    if ( !current_domain()->is_privileged )
        return -EPERM;
    return domain_set_claim(d, r.nr_extents);
}

/* No domain here is given a virtual NUMA layout. */
static long get_vnumainfo(unsigned long start_extent, guest_va_t arg)
{
    struct xen_vnuma_topology_info t;
    struct domain *d;

    if ( start_extent )
        return -EINVAL;
    if ( copy_from_guest(&t, arg, sizeof(t)) )
        return -EFAULT;
    if ( t.pad )
        return -EINVAL;
    d = any_domain(t.domid);
    if ( !d )
        return -ESRCH;
    return may_target(d) ? -EOPNOTSUPP : -EPERM;
}

/* No IOMMU, so no device reserves any memory: an empty list. */
static long reserved_device_memory_map(unsigned long start_extent,
                                       guest_va_t arg)
{
    struct xen_reserved_device_memory_map m;

    if ( start_extent )
        return -EINVAL;
    if ( copy_from_guest(&m, arg, sizeof(m)) ||
         !guest_array_okay((guest_va_t)(uintptr_t)m.buffer.p, m.nr_entries,
                           sizeof(struct xen_reserved_device_memory)) )
        return -EFAULT;
    if ( m.flags & ~XENMEM_RDM_ALL )
        return -EINVAL;
    m.nr_entries = 0;
    return copy_to_guest(arg, &m, sizeof(m)) ? -EFAULT : 0;
}

/*
 * Resources of another domain: checked up to the resource's type.  A PV
 * domain has no ioreq server or trace buffer; mapping grant table frames
 * this way is not implemented (-ENOSYS).
 */
static long acquire_resource(guest_va_t arg)
{
    struct xen_mem_acquire_resource x;
    struct domain *d;

    if ( copy_from_guest(&x, arg, sizeof(x)) )
        return -EFAULT;
    if ( x.pad )
        return -EINVAL;
    if ( (x.frame >> 32) || ((x.frame + x.nr_frames) >> 32) )
        return -EINVAL;
    d = domain_lookup_any(x.domid);
    if ( !d )
        return -ESRCH;
    if ( d == current_domain() )
        return -EPERM;
    if ( !current_domain()->is_privileged )
        return -EPERM;
    return x.type == XENMEM_resource_grant_table ? -ENOSYS : -EINVAL;
}

/* Populate-on-demand is for HVM domains. */
static long pod_target(guest_va_t arg)
{
    struct xen_pod_target t;

    if ( copy_from_guest(&t, arg, sizeof(t)) )
        return -EFAULT;
    return any_domain(t.domid) ? -EINVAL : -ESRCH;
}

long memory_op_answer(unsigned long cmd, guest_va_t arg)
{
    unsigned long start_extent = cmd >> MEMOP_EXTENT_SHIFT;
    unsigned int op = cmd & MEMOP_CMD_MASK;

    /* The common commands take a continuation index in cmd's upper bits. */
    switch ( op )
    {
    case XENMEM_add_to_physmap:
    case XENMEM_add_to_physmap_batch:
        return add_to_physmap(op, start_extent, arg);
    case XENMEM_remove_from_physmap:
        return remove_from_physmap(start_extent, arg);
    case XENMEM_access_op:
        return access_op(arg);
    case XENMEM_claim_pages:
        return claim_pages(start_extent, arg);
    case XENMEM_get_vnumainfo:
        return get_vnumainfo(start_extent, arg);
    case XENMEM_reserved_device_memory_map:
        return reserved_device_memory_map(start_extent, arg);
    case XENMEM_acquire_resource:
        return acquire_resource(arg);
    }

    /* The x86 ones take none: extra bits make them unknown, as on Xen. */
    switch ( cmd )
    {
    case XENMEM_set_pod_target:
    case XENMEM_get_pod_target:
        return pod_target(arg);
    case XENMEM_get_sharing_freed_pages:
    case XENMEM_get_sharing_shared_pages:
        /* Nothing is shared. */
        return 0;
    case XENMEM_machphys_compat_mfn_list:
        /* No 32-bit PV guests, so no compat M2P. */
        return -EOPNOTSUPP;
    }
    return -ENOSYS;
}
