/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grants between two domains, with dom0 acting for both sides: it builds
 * a domain, fills that domain's grant table as a toolstack does (through
 * a foreign mapping of its table frame), then maps and copies the
 * domain's grants as their grantee.  The domain is destroyed while one of
 * its frames is mapped: the frame must live on until it is unmapped, and
 * the domain with it.
 */
/* domctl.h is the toolstack's: say we are one. */
#undef __XEN_INTERFACE_VERSION__
#define __XEN_TOOLS__ 1
#include "gnttab-common.h"
#include <public/domctl.h>

const char test_title[] = "gnttab-domu: another domain's grants";

static domid_t dom;
static xen_pfn_t mfns[4];
static grant_handle_t held = 99;      /* our mapping of its ref 8 */
static struct grant_entry_v1 *gt;

static long domctl(struct xen_domctl *op)
{
    return hypercall1(__HYPERVISOR_domctl, op);
}

static void domctl_init(struct xen_domctl *op, uint32_t cmd, domid_t d)
{
    memset(op, 0, sizeof(*op));
    op->cmd = cmd;
    op->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    op->domain = d;
}

/* A small PV domain with four frames, never run; its id or an error. */
static long build_domain(void)
{
    struct xen_domctl op;
    struct xen_memory_reservation r = {
        .nr_extents = 4, .extent_order = 0,
    };
    long rc;

    domctl_init(&op, XEN_DOMCTL_createdomain, 0);
    op.u.createdomain.max_vcpus = 1;
    op.u.createdomain.max_evtchn_port = 1023;
    op.u.createdomain.max_grant_frames = 32;
    op.u.createdomain.max_maptrack_frames = 1024;
    op.u.createdomain.grant_opts = XEN_DOMCTL_GRANT_version(1);
    rc = domctl(&op);
    if ( rc )
        return rc;
    dom = op.domain;
    domctl_init(&op, XEN_DOMCTL_max_vcpus, dom);
    op.u.max_vcpus.max = 1;
    if ( (rc = domctl(&op)) )
        return rc;
    domctl_init(&op, XEN_DOMCTL_max_mem, dom);
    op.u.max_mem.max_memkb = 256;
    if ( (rc = domctl(&op)) )
        return rc;
    r.domid = dom;
    set_xen_guest_handle(r.extent_start, mfns);
    rc = memory_op(XENMEM_increase_reservation, &r);
    return rc == 4 ? dom : -ENOMEM;
}

/* The domain's getdomaininfo flags, or ~0 once it is gone. */
static uint32_t dom_flags(void)
{
    struct xen_domctl op;

    domctl_init(&op, XEN_DOMCTL_getdomaininfo, dom);
    if ( domctl(&op) || op.domain != dom )
        return ~0U;
    return op.u.getdomaininfo.flags;
}

static int copy1(uint16_t flags, uint64_t src, domid_t sd, uint64_t dst,
                 domid_t dd, uint16_t len)
{
    struct gnttab_copy c = { .flags = flags, .len = len, .status = 0x5555 };
    long rc;

    if ( flags & GNTCOPY_source_gref )
        c.source.u.ref = src;
    else
        c.source.u.gmfn = src;
    if ( flags & GNTCOPY_dest_gref )
        c.dest.u.ref = dst;
    else
        c.dest.u.gmfn = dst;
    c.source.domid = sd;
    c.dest.domid = dd;
    rc = gnttab_op(GNTTABOP_copy, &c, 1);
    return rc ? (int)rc : c.status;
}

/* Its table, as a toolstack sees it: sized, and mapped by us. */
static bool map_its_table(void)
{
    struct gnttab_query_size q = { .dom = dom };
    xen_pfn_t f[1] = { 0 };
    unsigned long l1ma;

    CHECK_EQ(gnttab_op(GNTTABOP_query_size, &q, 1), 0);
    CHECK_EQ(q.status, GNTST_okay);
    CHECK_EQ(q.nr_frames, 1);
    CHECK_EQ(q.max_nr_frames, 32);
    if ( !CHECK_EQ(setup_table(dom, 1, f), GNTST_okay) )
        return false;
    /* Its frame, not ours: only as the foreign domain's. */
    CHECK_EQ(map_at(GT_SLOT, f[0], PTE_DATA), -EBUSY);
    l1e_of(scratch_va(GT_SLOT), &l1ma);
    {
        mmu_update_t req = { l1ma, (f[0] << 12) | PTE_DATA };

        if ( !CHECK_EQ(mmu_update(&req, 1, NULL, dom), 0) )
            return false;
    }
    gt = scratch(GT_SLOT);
    return true;
}

static void test_grants(void)
{
    grant_handle_t hro = 99;
    unsigned long own = spare_mfn(0);

    grant(gt, 8, 0, mfns[0], GTF_permit_access);
    grant(gt, 9, 0, mfns[1], GTF_permit_access | GTF_readonly);
    grant(gt, 10, 5, mfns[2], GTF_permit_access);
    grant(gt, 11, 0, own, GTF_permit_access);

    CHECK_EQ(map_ref(dom, 8, GNTMAP_host_map, scratch_va(2), &held, NULL),
             GNTST_okay);
    CHECK_EQ(gt[8].flags, GTF_permit_access | GTF_reading | GTF_writing);
    memset(scratch(2), 0x3c, PAGE);
    CHECK_EQ(map_ref(dom, 9, GNTMAP_host_map, scratch_va(3), NULL, NULL),
             GNTST_general_error);
    CHECK_EQ(map_ref(dom, 9, GNTMAP_host_map | GNTMAP_readonly,
                     scratch_va(3), &hro, NULL), GNTST_okay);
    CHECK_EQ(map_ref(dom, 10, GNTMAP_host_map, scratch_va(4), NULL, NULL),
             GNTST_general_error);
    /* It cannot grant what it does not own. */
    CHECK_EQ(map_ref(dom, 11, GNTMAP_host_map, scratch_va(4), NULL, NULL),
             GNTST_bad_page);

    /* Copies from and to its grants; its frames by number, never. */
    CHECK(zero_frame(5, own));
    CHECK_EQ(copy1(GNTCOPY_source_gref, 8, dom, own, DOMID_SELF, 100),
             GNTST_okay);
    CHECK_EQ(map_at(5, own, PTE_DATA), 0);
    CHECK_EQ(((uint8_t *)scratch(5))[99], 0x3c);
    ((uint8_t *)scratch(5))[0] = 0xa5;
    CHECK_EQ(copy1(GNTCOPY_dest_gref, own, DOMID_SELF, 8, dom, 1),
             GNTST_okay);
    CHECK_EQ(((uint8_t *)scratch(2))[0], 0xa5);
    CHECK_EQ(copy1(GNTCOPY_dest_gref, own, DOMID_SELF, 9, dom, 1),
             GNTST_general_error);
    CHECK_EQ(copy1(0, own, DOMID_SELF, mfns[3], dom, 1),
             GNTST_permission_denied);
    CHECK_EQ(map_at(5, 0, 0), 0);

    CHECK_EQ(unmap_ref(scratch_va(3), 0, hro), GNTST_okay);
    CHECK_EQ(gt[9].flags, GTF_permit_access | GTF_readonly);
    CHECK_EQ(gt[8].flags, GTF_permit_access | GTF_reading | GTF_writing);
    /* The table mapping goes; the grant mapping stays. */
    CHECK_EQ(map_at(GT_SLOT, 0, 0), 0);
    gt = NULL;
}

/* Destroyed while we map its frame: both live on until we unmap it. */
static void test_destroy_while_mapped(void)
{
    struct xen_domctl op;
    uint32_t flags;
    unsigned int tries;

    domctl_init(&op, XEN_DOMCTL_destroydomain, dom);
    CHECK_EQ(domctl(&op), 0);
    flags = dom_flags();
    CHECK(flags != ~0U);
    CHECK(flags & XEN_DOMINF_dying);
    /* Still its data, still writable. */
    CHECK_EQ(((uint8_t *)scratch(2))[1], 0x3c);
    ((uint8_t *)scratch(2))[1] = 0x11;
    CHECK_EQ(((uint8_t *)scratch(2))[1], 0x11);
    /* A dying domain's grant is copied from no more. */
    CHECK_EQ(copy1(GNTCOPY_source_gref, 8, dom, spare_mfn(0), DOMID_SELF, 1),
             GNTST_bad_domain);

    CHECK_EQ(unmap_ref(scratch_va(2), 0, held), GNTST_okay);
    /* Xen lets it go after an RCU grace period: give it time. */
    for ( tries = 0; tries < 1000 && dom_flags() != ~0U; tries++ )
        HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
    CHECK_EQ(dom_flags(), ~0U);
    CHECK_EQ(unmap_ref(scratch_va(2), 0, held), GNTST_bad_handle);
}

void test_main(void)
{
    if ( !CHECK(build_domain() > 0) || !map_its_table() )
        return;
    test_grants();
    test_destroy_while_mapped();
}
