/* SPDX-License-Identifier: GPL-2.0-only */
/* A domain's memory: populating and releasing frames, and the MMU
 * extended operations (pinning page tables) done on its behalf. */
#include <string.h>

#include "private.h"

/*
 * XENMEM_populate_physmap and friends: the extent list travels in
 * hypercall memory and comes back rewritten (machine frames for a PV
 * domain).  Returns the extents done or -errno.
 */
static long reservation_op(xc_interface *xch, unsigned int cmd,
                           uint32_t domid, unsigned long nr_extents,
                           unsigned int extent_order, unsigned int mem_flags,
                           xen_pfn_t *extent_start)
{
    struct xen_memory_reservation r;
    struct xc_hbuf b;
    xen_pfn_t *h;
    long rc;

    if ( !nr_extents )
        return 0;
    h = xc_hbuf_bounce(xch, &b, extent_start,
                       nr_extents * sizeof(*extent_start));
    if ( !h )
        return xch->priv ? -ENOMEM : -ENODEV;
    memset(&r, 0, sizeof(r));
    xc_set_handle(r.extent_start, h);
    r.nr_extents = nr_extents;
    r.extent_order = extent_order;
    r.mem_flags = mem_flags;
    r.domid = (domid_t)domid;
    rc = xc_do_memory_op(xch, cmd, &r, sizeof(r));
    if ( rc > 0 )
        memcpy(extent_start, h,
               (size_t)(rc < (long)nr_extents ? rc : (long)nr_extents) *
               sizeof(*extent_start));
    xc_hbuf_free(xch, &b);
    return rc;
}

int xc_domain_populate_physmap(xc_interface *xch, uint32_t domid,
                               unsigned long nr_extents,
                               unsigned int extent_order,
                               unsigned int mem_flags,
                               xen_pfn_t *extent_start)
{
    long rc = reservation_op(xch, XENMEM_populate_physmap, domid, nr_extents,
                             extent_order, mem_flags, extent_start);

    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "populate %lu extents of order %u in "
                       "domain %u", nr_extents, extent_order, domid);
    return (int)rc;
}

int xc_domain_populate_physmap_exact(xc_interface *xch, uint32_t domid,
                                     unsigned long nr_extents,
                                     unsigned int extent_order,
                                     unsigned int mem_flags,
                                     xen_pfn_t *extent_start)
{
    long rc = reservation_op(xch, XENMEM_populate_physmap, domid, nr_extents,
                             extent_order, mem_flags, extent_start);

    if ( rc >= 0 && (unsigned long)rc != nr_extents )
        return xc_fail(xch, -ENOMEM, "populate %lu extents of order %u in "
                       "domain %u: only %ld done", nr_extents, extent_order,
                       domid, rc);
    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "populate %lu extents of order %u in "
                       "domain %u", nr_extents, extent_order, domid);
    return 0;
}

int xc_domain_decrease_reservation_exact(xc_interface *xch, uint32_t domid,
                                         unsigned long nr_extents,
                                         unsigned int extent_order,
                                         xen_pfn_t *extent_start)
{
    long rc = reservation_op(xch, XENMEM_decrease_reservation, domid,
                             nr_extents, extent_order, 0, extent_start);

    if ( rc >= 0 && (unsigned long)rc != nr_extents )
        rc = -EBUSY;
    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "release %lu extents of domain %u",
                       nr_extents, domid);
    return 0;
}

int xc_mmuext_op(xc_interface *xch, struct mmuext_op *op,
                 unsigned int nr_ops, uint32_t dom)
{
    struct xc_hbuf b;
    struct mmuext_op *h;
    long rc;

    h = xc_hbuf_bounce(xch, &b, op, (size_t)nr_ops * sizeof(*op));
    if ( !h )
        return xc_fail(xch, xch->priv ? -ENOMEM : -ENODEV, "mmuext_op");
    rc = xc_hypercall(xch, __HYPERVISOR_mmuext_op, (uintptr_t)h, nr_ops, 0,
                      dom, 0);
    xc_hbuf_free(xch, &b);
    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "mmuext_op (%u ops, first %u on frame "
                       "%#lx) for domain %u", nr_ops, nr_ops ? op->cmd : 0,
                       nr_ops ? (unsigned long)op->arg1.mfn : 0UL, dom);
    return 0;
}

/* An E820 entry as the hypervisor reads it: 20 bytes, packed. */
struct e820_entry
{
    uint64_t addr;
    uint64_t size;
    uint32_t type;
} __attribute__((packed));

#define E820_RAM 1

int xc_domain_set_memmap_limit(xc_interface *xch, uint32_t domid,
                               unsigned long map_limitkb)
{
    struct xen_foreign_memory_map fmap;
    struct e820_entry *e;
    struct xc_hbuf b;
    long rc;

    e = xc_hbuf_alloc(xch, &b, sizeof(*e));
    if ( !e )
        return xc_fail(xch, xch->priv ? -ENOMEM : -ENODEV,
                       "memory map of domain %u", domid);
    e->addr = 0;
    e->size = (uint64_t)map_limitkb << 10;
    e->type = E820_RAM;
    memset(&fmap, 0, sizeof(fmap));
    fmap.domid = (domid_t)domid;
    fmap.map.nr_entries = 1;
    xc_set_handle(fmap.map.buffer, e);
    rc = xc_do_memory_op(xch, XENMEM_set_memory_map, &fmap, sizeof(fmap));
    xc_hbuf_free(xch, &b);
    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "memory map of domain %u (%lu KiB)",
                       domid, map_limitkb);
    return 0;
}
