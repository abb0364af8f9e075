/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XENMEM_* for a PV domain: populate_physmap fills the PFNs listed with
 * fresh frames, records each PFN in the M2P, and writes the machine frame
 * back over the PFN (a PV domain sees MFNs); a domain over its max_mem
 * gets only what fits, and the count done is the answer.
 */
#include <string.h>

#include "fake-priv.h"

#include <public/memory.h>

#define MAX_ORDER 9

static long populate(struct fake_hv *hv, struct xen_memory_reservation *r)
{
    struct fake_domain *d = fake_domain(hv, r->domid);
    xen_pfn_t *list;
    unsigned long i, k, n = 1UL << r->extent_order;
    uint64_t mfn;

    if ( !d )
        return -ESRCH;
    if ( r->extent_order > MAX_ORDER )
        return -EPERM;
    if ( r->extent_order && hv->cfg.no_superpages )
        return 0;
    list = fake_ptr(hv, (uintptr_t)r->extent_start.p,
                    r->nr_extents * sizeof(*list));
    if ( !list && r->nr_extents )
        return -EFAULT;
    for ( i = 0; i < r->nr_extents; i++ )
    {
        if ( d->tot_pages + n > d->max_pages )
            break;
        if ( hv->fail_populate_after &&
             d->tot_pages + n > hv->fail_populate_after )
            break;
        if ( list[i] & (n - 1) )
            return i ? (long)i : -EINVAL;
        mfn = fake_alloc_frames(hv, d->domid, r->extent_order);
        if ( mfn == FAKE_NO_MFN )
            break;
        for ( k = 0; k < n; k++ )
            fake_frame_of(hv, mfn + k)->gpfn = list[i] + k;
        list[i] = mfn;
        d->tot_pages += n;
    }
    return (long)i;
}

/* A PV domain names the frames it gives back by MFN. */
static long release(struct fake_hv *hv, struct xen_memory_reservation *r)
{
    struct fake_domain *d = fake_domain(hv, r->domid);
    struct fake_frame *f;
    xen_pfn_t *list;
    unsigned long i;

    if ( !d )
        return -ESRCH;
    if ( r->extent_order )
        return -EINVAL;
    list = fake_ptr(hv, (uintptr_t)r->extent_start.p,
                    r->nr_extents * sizeof(*list));
    if ( !list && r->nr_extents )
        return -EFAULT;
    for ( i = 0; i < r->nr_extents; i++ )
    {
        f = fake_frame_of(hv, list[i]);
        if ( !f || f->owner != d->domid || f->type != FT_NONE || f->wmaps )
            break;
        fake_free_frame(hv, list[i]);
        d->tot_pages--;
    }
    return (long)i;
}

/* One RAM entry of 20 bytes, as the tools write it. */
static long set_memory_map(struct fake_hv *hv, uint64_t arg)
{
    struct xen_foreign_memory_map *m = fake_ptr(hv, arg, sizeof(*m));
    struct fake_domain *d;
    uint8_t *e;
    uint64_t size;
    uint32_t type;

    if ( !m )
        return -EFAULT;
    d = fake_domain(hv, m->domid);
    if ( !d )
        return -ESRCH;
    if ( m->map.nr_entries != 1 )
        return -EINVAL;
    e = fake_ptr(hv, (uintptr_t)m->map.buffer.p, 20);
    if ( !e )
        return -EFAULT;
    memcpy(&size, e + 8, sizeof(size));
    memcpy(&type, e + 16, sizeof(type));
    if ( type != 1 )
        return -EINVAL;
    d->memmap_kib = size >> 10;
    return 0;
}

long fake_memory_op(struct fake_hv *hv, uint64_t cmd, uint64_t arg)
{
    struct xen_memory_reservation *r;
    struct fake_domain *d;
    domid_t *domid;

    switch ( cmd )
    {
    case XENMEM_populate_physmap:
    case XENMEM_decrease_reservation:
        r = fake_ptr(hv, arg, sizeof(*r));
        if ( !r )
            return -EFAULT;
        return cmd == XENMEM_populate_physmap ? populate(hv, r)
                                              : release(hv, r);
    case XENMEM_maximum_ram_page:
        return (long)(FAKE_MFN_BASE + hv->cfg.nr_frames - 1);
    case XENMEM_current_reservation:
    case XENMEM_maximum_reservation:
        domid = fake_ptr(hv, arg, sizeof(*domid));
        if ( !domid )
            return -EFAULT;
        d = fake_domain(hv, *domid == DOMID_SELF ? 0 : *domid);
        if ( !d )
            return -ESRCH;
        return (long)(cmd == XENMEM_current_reservation ? d->tot_pages
                                                        : d->max_pages);
    case XENMEM_set_memory_map:
        return set_memory_map(hv, arg);
    case XENMEM_acquire_resource:
        return -EOPNOTSUPP;
    }
    return -ENOSYS;
}
