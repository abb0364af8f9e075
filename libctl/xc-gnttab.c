/* SPDX-License-Identifier: GPL-2.0-only */
/* Grant tables: the toolstack's GNTTABOP_* calls, seeding a new domain's
 * reserved entries, and the grant devices of this domain. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "private.h"
#include "xenforeignmemory.h"
#include "xengnttab.h"

int xc_gnttab_op(xc_interface *xch, int cmd, void *op, int op_size,
                 int count)
{
    struct xc_hbuf b;
    void *h;
    long rc;

    if ( op_size <= 0 || count <= 0 )
        return xc_fail(xch, -EINVAL, "grant_table_op %d", cmd);
    h = xc_hbuf_bounce(xch, &b, op, (size_t)op_size * (size_t)count);
    if ( !h )
        return xc_fail(xch, xch->priv ? -ENOMEM : -ENODEV,
                       "grant_table_op %d", cmd);
    rc = xc_hypercall(xch, __HYPERVISOR_grant_table_op, (unsigned int)cmd,
                      (uintptr_t)h, (unsigned int)count, 0, 0);
    if ( rc >= 0 )
        memcpy(op, h, (size_t)op_size * (size_t)count);
    xc_hbuf_free(xch, &b);
    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "grant_table_op %d", cmd);
    return (int)rc;
}

int xc_gnttab_query_size(xc_interface *xch, struct gnttab_query_size *q)
{
    if ( xc_gnttab_op(xch, GNTTABOP_query_size, q, sizeof(*q), 1) < 0 )
        return -1;
    if ( q->status != GNTST_okay )
        return xc_fail(xch, -EINVAL, "grant table size of domain %u: "
                       "status %d", q->dom, q->status);
    return 0;
}

static void seed_entry(grant_entry_v1_t *e, uint32_t backend,
                       xen_pfn_t gfn)
{
    e->domid = (domid_t)backend;
    e->frame = (uint32_t)gfn;
    /* The entry becomes valid last, as a guest would write it. */
    __atomic_store_n(&e->flags, GTF_permit_access, __ATOMIC_RELEASE);
}

/* The first frame of a domain's grant table, through GNTTABOP_setup. */
static int first_table_frame(xc_interface *xch, uint32_t domid,
                             xen_pfn_t *frame)
{
    struct gnttab_setup_table setup;
    struct xc_hbuf b;
    xen_pfn_t *h;
    int rc;

    h = xc_hbuf_alloc(xch, &b, sizeof(*h));
    if ( !h )
        return xc_fail(xch, xch->priv ? -ENOMEM : -ENODEV,
                       "grant table of domain %u", domid);
    memset(&setup, 0, sizeof(setup));
    setup.dom = (domid_t)domid;
    setup.nr_frames = 1;
    xc_set_handle(setup.frame_list, h);
    rc = xc_gnttab_op(xch, GNTTABOP_setup_table, &setup, sizeof(setup), 1);
    *frame = *h;
    xc_hbuf_free(xch, &b);
    if ( rc < 0 )
        return -1;
    if ( setup.status != GNTST_okay )
        return xc_fail(xch, -EINVAL, "grant table of domain %u: status %d",
                       domid, setup.status);
    return 0;
}

/*
 * Prefer the grant table as a resource (Xen 4.11+ and our hypervisor);
 * older kernels or hypervisors get the frame through GNTTABOP_setup_table
 * and an ordinary foreign mapping, as Xen's tools do.
 */
int xc_dom_gnttab_seed(xc_interface *xch, uint32_t guest_domid,
                       bool is_hvm, xen_pfn_t console_gfn,
                       xen_pfn_t xenstore_gfn, uint32_t console_domid,
                       uint32_t xenstore_domid)
{
    grant_entry_v1_t *table = NULL;
    xen_pfn_t frame = 0;
    int rc;

    if ( is_hvm )
        return xc_fail(xch, -EOPNOTSUPP, "grant seeding of HVM domain %u",
                       guest_domid);
    if ( !xch->priv )
        return xc_fail(xch, -ENODEV, "grant seeding of domain %u",
                       guest_domid);
    rc = xch->be->map_resource(xch->priv, guest_domid,
                               XENMEM_resource_grant_table,
                               XENMEM_resource_grant_table_id_shared, 0, 1,
                               PROT_READ | PROT_WRITE, (void **)&table);
    if ( rc && rc != -EOPNOTSUPP && rc != -ENOSYS && rc != -ENOTTY )
        return xc_fail(xch, rc, "grant table of domain %u", guest_domid);
    if ( rc )
    {
        if ( first_table_frame(xch, guest_domid, &frame) )
            return -1;
        table = xc_map_foreign_range(xch, guest_domid, XC_PAGE_SIZE,
                                     PROT_READ | PROT_WRITE, frame);
        if ( !table )
            return -1;
    }

    if ( console_gfn != INVALID_MFN )
        seed_entry(&table[GNTTAB_RESERVED_CONSOLE], console_domid,
                   console_gfn);
    if ( xenstore_gfn != INVALID_MFN )
        seed_entry(&table[GNTTAB_RESERVED_XENSTORE], xenstore_domid,
                   xenstore_gfn);
    xch->be->unmap_foreign(xch->priv, table, 1);
    return 0;
}

struct xengntdev_handle
{
    const struct libctl_backend *be;
    void *priv;
    bool share;                 /* gntalloc rather than gntdev */
};

static struct xengntdev_handle *dev_open(xentoollog_logger *logger,
                                         unsigned int open_flags, bool share)
{
    struct xengntdev_handle *h = NULL;
    int rc;

    if ( logger || open_flags )
    {
        errno = EINVAL;
        goto out;
    }
    h = calloc(1, sizeof(*h));
    if ( !h )
        goto out;
    h->be = libctl_backend();
    h->share = share;
    rc = share ? h->be->gntshr_open(&h->priv) : h->be->gnttab_open(&h->priv);
    if ( rc < 0 )
    {
        free(h);
        h = NULL;
        errno = -rc;
    }
 out:
    return h;
}

static int dev_close(struct xengntdev_handle *h)
{
    if ( !h )
        return 0;
    if ( h->share )
        h->be->gntshr_close(h->priv);
    else
        h->be->gnttab_close(h->priv);
    free(h);
    return 0;
}

xengnttab_handle *xengnttab_open(xentoollog_logger *logger,
                                 unsigned int open_flags)
{
    return dev_open(logger, open_flags, false);
}

int xengnttab_close(xengnttab_handle *xgt)
{
    return dev_close(xgt);
}

void *xengnttab_map_grant_refs(xengnttab_handle *xgt, uint32_t count,
                               uint32_t *domids, uint32_t *refs, int prot)
{
    void *addr;
    int rc = 0;

    addr = xgt->be->gnttab_map(xgt->priv, count, domids, refs, prot, &rc);
    if ( !addr )
        errno = rc < 0 ? -rc : EFAULT;
    return addr;
}

void *xengnttab_map_grant_ref(xengnttab_handle *xgt, uint32_t domid,
                              uint32_t ref, int prot)
{
    return xengnttab_map_grant_refs(xgt, 1, &domid, &ref, prot);
}

void *xengnttab_map_domain_grant_refs(xengnttab_handle *xgt, uint32_t count,
                                      uint32_t domid, uint32_t *refs,
                                      int prot)
{
    uint32_t *domids;
    void *addr;
    uint32_t i;

    domids = malloc(count * sizeof(*domids));
    if ( !domids )
        return NULL;
    for ( i = 0; i < count; i++ )
        domids[i] = domid;
    addr = xengnttab_map_grant_refs(xgt, count, domids, refs, prot);
    free(domids);
    return addr;
}

int xengnttab_unmap(xengnttab_handle *xgt, void *start_address,
                    uint32_t count)
{
    int rc = xgt->be->gnttab_unmap(xgt->priv, start_address, count);

    if ( rc < 0 )
    {
        errno = -rc;
        return -1;
    }
    return 0;
}

xengntshr_handle *xengntshr_open(xentoollog_logger *logger,
                                 unsigned int open_flags)
{
    return dev_open(logger, open_flags, true);
}

int xengntshr_close(xengntshr_handle *xgs)
{
    return dev_close(xgs);
}

void *xengntshr_share_pages(xengntshr_handle *xgs, uint32_t domid,
                            int count, uint32_t *refs, int writable)
{
    void *addr;
    int rc = 0;

    if ( count <= 0 )
    {
        errno = EINVAL;
        return NULL;
    }
    addr = xgs->be->gntshr_share(xgs->priv, domid, (uint32_t)count, refs,
                                 writable, &rc);
    if ( !addr )
        errno = rc < 0 ? -rc : EFAULT;
    return addr;
}

int xengntshr_unshare(xengntshr_handle *xgs, void *start_address,
                      uint32_t count)
{
    int rc = xgs->be->gntshr_unshare(xgs->priv, start_address, count);

    if ( rc < 0 )
    {
        errno = -rc;
        return -1;
    }
    return 0;
}
