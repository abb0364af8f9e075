/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The grant table itself: query_size, setup_table (growing the table,
 * the frames a PV domain maps), the version calls, get_status_frames,
 * swap_grant_ref, cache_flush and the hypercall's own argument checks.
 */
#include "gnttab-common.h"

const char test_title[] = "gnttab-table: sizes, frames and versions";

/* An address inside the hypervisor's range: never a guest buffer. */
#define HV_PTR  ((void *)0xffff830000000000UL)
/* A low address nothing maps. */
#define BAD_PTR ((void *)0x10UL)

static void test_query_size(void)
{
    struct gnttab_query_size q = { .dom = DOMID_SELF };

    CHECK_EQ(gnttab_op(GNTTABOP_query_size, &q, 1), 0);
    CHECK_EQ(q.status, GNTST_okay);
    CHECK_EQ(q.nr_frames, 1);
    CHECK_EQ(q.max_nr_frames, 64);

    q = (struct gnttab_query_size){ .dom = 0 };
    CHECK_EQ(gnttab_op(GNTTABOP_query_size, &q, 1), 0);
    CHECK_EQ(q.status, GNTST_okay);
    CHECK_EQ(q.nr_frames, 1);

    /* A domain that does not exist: the rest comes back as it went. */
    q = (struct gnttab_query_size){
        .dom = 7, .nr_frames = 0x1234, .max_nr_frames = 0x5678,
    };
    CHECK_EQ(gnttab_op(GNTTABOP_query_size, &q, 1), 0);
    CHECK_EQ(q.status, GNTST_bad_domain);
    CHECK_EQ(q.nr_frames, 0x1234);
    CHECK_EQ(q.max_nr_frames, 0x5678);

    q.dom = DOMID_SELF;
    CHECK_EQ(gnttab_op(GNTTABOP_query_size, &q, 0), -EINVAL);
    CHECK_EQ(gnttab_op(GNTTABOP_query_size, &q, 2), -EINVAL);
    CHECK_EQ(gnttab_op(GNTTABOP_query_size, BAD_PTR, 1), -EFAULT);
    CHECK_EQ(gnttab_op(GNTTABOP_query_size, HV_PTR, 1), -EFAULT);
}

static void test_setup_table(void)
{
    xen_pfn_t f[65], first;
    struct gnttab_setup_table s = { .dom = DOMID_SELF, .nr_frames = 1 };
    struct gnttab_query_size q = { .dom = DOMID_SELF };
    struct grant_entry_v1 *gt;

    memset(f, 0x5a, sizeof(f));
    CHECK_EQ(setup_table(DOMID_SELF, 1, f), GNTST_okay);
    first = f[0];
    CHECK(first != 0x5a5a5a5a5a5a5a5aUL && first != 0);
    CHECK_EQ(f[1], 0x5a5a5a5a5a5a5a5aUL);
    CHECK_EQ(setup_table(0, 1, f), GNTST_okay);
    CHECK_EQ(f[0], first);

    /* The frame is ours to map writable, and to write entries into. */
    gt = map_own_table();
    if ( CHECK(gt != NULL) )
    {
        grant(gt, 9, 0, 0x1234, GTF_permit_access);
        CHECK_EQ(gt[9].frame, 0x1234);
        ungrant(gt, 9);
        CHECK_EQ(map_at(GT_SLOT, 0, 0), 0);
    }

    /* Nothing asked, nothing written. */
    f[0] = 0x77;
    CHECK_EQ(setup_table(DOMID_SELF, 0, f), GNTST_okay);
    CHECK_EQ(f[0], 0x77);

    /* Growing: the first frame stays, the new ones are distinct. */
    CHECK_EQ(setup_table(DOMID_SELF, 4, f), GNTST_okay);
    CHECK_EQ(f[0], first);
    CHECK(f[1] != f[0] && f[2] != f[1] && f[3] != f[2] && f[3] != f[0]);
    CHECK_EQ(gnttab_op(GNTTABOP_query_size, &q, 1), 0);
    CHECK_EQ(q.nr_frames, 4);
    /* Asking for fewer does not shrink it. */
    CHECK_EQ(setup_table(DOMID_SELF, 2, f), GNTST_okay);
    CHECK_EQ(gnttab_op(GNTTABOP_query_size, &q, 1), 0);
    CHECK_EQ(q.nr_frames, 4);

    /* The limit. */
    CHECK_EQ(setup_table(DOMID_SELF, 65, f), GNTST_general_error);
    CHECK_EQ(gnttab_op(GNTTABOP_query_size, &q, 1), 0);
    CHECK_EQ(q.nr_frames, 4);
    CHECK_EQ(setup_table(DOMID_SELF, 64, f), GNTST_okay);
    CHECK_EQ(f[0], first);
    CHECK_EQ(gnttab_op(GNTTABOP_query_size, &q, 1), 0);
    CHECK_EQ(q.nr_frames, 64);

    CHECK_EQ(setup_table(7, 1, f), GNTST_bad_domain);
    CHECK_EQ(setup_table(DOMID_IO, 1, f), GNTST_bad_domain);

    /* Only the list's start is checked first; each copy may still fail. */
    CHECK_EQ(setup_table(DOMID_SELF, 1, NULL), GNTST_bad_virt_addr);
    CHECK_EQ(setup_table(DOMID_SELF, 1, BAD_PTR), GNTST_bad_virt_addr);
    CHECK_EQ(setup_table(DOMID_SELF, 1, HV_PTR), -EFAULT);
    CHECK_EQ(setup_table(DOMID_SELF, 0, HV_PTR), -EFAULT);

    set_xen_guest_handle(s.frame_list, f);
    CHECK_EQ(gnttab_op(GNTTABOP_setup_table, &s, 0), -EINVAL);
    CHECK_EQ(gnttab_op(GNTTABOP_setup_table, &s, 2), -EINVAL);
    CHECK_EQ(gnttab_op(GNTTABOP_setup_table, BAD_PTR, 1), -EFAULT);
}

static void test_versions(void)
{
    struct gnttab_get_version g = { .dom = DOMID_SELF, .pad = 0x55aa };
    struct gnttab_set_version v = { .version = 1 };

    CHECK_EQ(gnttab_op(GNTTABOP_get_version, &g, 1), 0);
    CHECK_EQ(g.version, 1);
    CHECK_EQ(g.pad, 0x55aa);
    g = (struct gnttab_get_version){ .dom = 0, .version = 9 };
    CHECK_EQ(gnttab_op(GNTTABOP_get_version, &g, 1), 0);
    CHECK_EQ(g.version, 1);
    g = (struct gnttab_get_version){ .dom = 7, .version = 9 };
    CHECK_EQ(gnttab_op(GNTTABOP_get_version, &g, 1), -ESRCH);
    CHECK_EQ(g.version, 9);
    CHECK_EQ(gnttab_op(GNTTABOP_get_version, BAD_PTR, 1), -EFAULT);

    CHECK_EQ(gnttab_op(GNTTABOP_set_version, &v, 1), 0);
    CHECK_EQ(v.version, 1);
    /* Refused versions still read back the current one. */
    v.version = 0;
    CHECK_EQ(gnttab_op(GNTTABOP_set_version, &v, 1), -EINVAL);
    CHECK_EQ(v.version, 1);
    v.version = 3;
    CHECK_EQ(gnttab_op(GNTTABOP_set_version, &v, 1), -EINVAL);
    CHECK_EQ(v.version, 1);
    CHECK_EQ(gnttab_op(GNTTABOP_set_version, BAD_PTR, 1), -EFAULT);
}

/* Version 2 is Xen's default, off here: either answer is Xen's. */
static void test_version_2(void)
{
    struct gnttab_set_version v = { .version = 2 };
    long rc = gnttab_op(GNTTABOP_set_version, &v, 1);

    printf("gnttab-table: set_version(2): %ld, version %u\n", rc,
           v.version);
    if ( rc == -ENOSYS )
        CHECK_EQ(v.version, 1);
    else if ( CHECK_EQ(rc, 0) && CHECK_EQ(v.version, 2) )
    {
        v.version = 1;
        CHECK_EQ(gnttab_op(GNTTABOP_set_version, &v, 1), 0);
        CHECK_EQ(v.version, 1);
    }
}

static void test_status_frames(void)
{
    uint64_t f[2] = { 0x77, 0x77 };
    struct gnttab_get_status_frames s = { .dom = DOMID_SELF };

    /* Version 1 has none: only an empty request succeeds. */
    set_xen_guest_handle(s.frame_list, f);
    CHECK_EQ(gnttab_op(GNTTABOP_get_status_frames, &s, 1), 0);
    CHECK_EQ(s.status, GNTST_okay);
    s.nr_frames = 1;
    CHECK_EQ(gnttab_op(GNTTABOP_get_status_frames, &s, 1), 0);
    CHECK_EQ(s.status, GNTST_general_error);
    CHECK_EQ(f[0], 0x77);
    s.dom = 7;
    CHECK_EQ(gnttab_op(GNTTABOP_get_status_frames, &s, 1), 0);
    CHECK_EQ(s.status, GNTST_bad_domain);
    s.dom = DOMID_SELF;
    CHECK_EQ(gnttab_op(GNTTABOP_get_status_frames, &s, 2), -EINVAL);
    set_xen_guest_handle(s.frame_list, (uint64_t *)HV_PTR);
    CHECK_EQ(gnttab_op(GNTTABOP_get_status_frames, &s, 1), -EFAULT);
}

static void test_swap(void)
{
    struct grant_entry_v1 *gt = map_own_table();
    struct gnttab_swap_grant_ref sw[3] = {
        { .ref_a = 20, .ref_b = 21 },
        { .ref_a = 22, .ref_b = 22 },
        { .ref_a = 20, .ref_b = 64 * 512 },
    };

    if ( !CHECK(gt != NULL) )
        return;
    grant(gt, 20, 0, 0x111, GTF_permit_access);
    grant(gt, 21, 5, 0x222, GTF_permit_access | GTF_readonly);
    grant(gt, 22, 6, 0x333, GTF_permit_access);
    CHECK_EQ(gnttab_op(GNTTABOP_swap_grant_ref, sw, 3), 0);
    CHECK_EQ(sw[0].status, GNTST_okay);
    CHECK_EQ(sw[1].status, GNTST_okay);
    CHECK_EQ(sw[2].status, GNTST_bad_gntref);
    CHECK_EQ(gt[20].frame, 0x222);
    CHECK_EQ(gt[20].domid, 5);
    CHECK_EQ(gt[20].flags, GTF_permit_access | GTF_readonly);
    CHECK_EQ(gt[21].frame, 0x111);
    CHECK_EQ(gt[22].frame, 0x333);
    CHECK_EQ(gnttab_op(GNTTABOP_swap_grant_ref, HV_PTR, 1), -EFAULT);
    CHECK_EQ(gnttab_op(GNTTABOP_swap_grant_ref, BAD_PTR, 1), -EFAULT);
    for ( grant_ref_t r = 20; r <= 22; r++ )
        ungrant(gt, r);
    CHECK_EQ(map_at(GT_SLOT, 0, 0), 0);
}

static long flush(uint64_t addr, uint16_t off, uint16_t len, uint32_t op)
{
    struct gnttab_cache_flush c = {
        .a.dev_bus_addr = addr, .offset = off, .length = len, .op = op,
    };

    return gnttab_op(GNTTABOP_cache_flush, &c, 1);
}

static void test_cache_flush(void)
{
    uint64_t own = va_to_mfn(_image_start) << 12;

    CHECK_EQ(flush(own, 0, 64, GNTTAB_CACHE_CLEAN), 0);
    CHECK_EQ(flush(own, 100, 3996,
                   GNTTAB_CACHE_CLEAN | GNTTAB_CACHE_INVAL), 0);
    /* x86 cannot invalidate without writing back. */
    CHECK_EQ(flush(own, 0, 64, GNTTAB_CACHE_INVAL), -EOPNOTSUPP);
    /* Nothing to do is done. */
    CHECK_EQ(flush(own, 0, 0, GNTTAB_CACHE_INVAL), 0);
    CHECK_EQ(flush(own, 0, 64, 0), 0);
    CHECK_EQ(flush(0xffffffffff000UL, 0, 0, GNTTAB_CACHE_CLEAN), 0);
    /* Out of the page, unknown operations. */
    CHECK_EQ(flush(own, 4096, 0, GNTTAB_CACHE_CLEAN), -EINVAL);
    CHECK_EQ(flush(own, 0, 4097, GNTTAB_CACHE_CLEAN), -EINVAL);
    CHECK_EQ(flush(own, 4000, 97, GNTTAB_CACHE_CLEAN), -EINVAL);
    CHECK_EQ(flush(own, 0, 64, 4), -EINVAL);
    CHECK_EQ(flush(own, 0, 64, GNTTAB_CACHE_SOURCE_GREF), -EINVAL);
    /* Frames that are nobody's, or no grant owner's. */
    CHECK_EQ(flush(0xffffffffff000UL, 0, 64, GNTTAB_CACHE_CLEAN), -EINVAL);
    CHECK_EQ(flush(0xb8000, 0, 64, GNTTAB_CACHE_CLEAN), -EPERM);
    CHECK_EQ(gnttab_op(GNTTABOP_cache_flush, HV_PTR, 1), -EFAULT);
}

static void test_commands(void)
{
    struct gnttab_query_size q = { .dom = DOMID_SELF };

    CHECK_EQ(gnttab_op(GNTTABOP_dump_table, &q, 1), -ENOSYS);
    CHECK_EQ(gnttab_op(13, &q, 1), -ENOSYS);
    CHECK_EQ(gnttab_op(0xfff, &q, 1), -ENOSYS);
    /* A continuation argument only cache_flush takes. */
    CHECK_EQ(gnttab_op((1 << 12) | GNTTABOP_query_size, &q, 1), -EINVAL);
    CHECK_EQ(gnttab_op((1 << 12) | GNTTABOP_cache_flush, &q, 0), 0);
    /* Counts are signed on the way in. */
    CHECK_EQ(gnttab_op(GNTTABOP_copy, &q, 0x80000000U), -EINVAL);
    CHECK_EQ(gnttab_op(GNTTABOP_map_grant_ref, &q, 0), 0);
    CHECK_EQ(gnttab_op(GNTTABOP_unmap_grant_ref, &q, 0), 0);
    CHECK_EQ(gnttab_op(GNTTABOP_map_grant_ref, HV_PTR, 0), -EFAULT);
}

void test_main(void)
{
    test_query_size();
    test_versions();
    test_status_frames();
    test_setup_table();
    test_swap();
    test_cache_flush();
    test_commands();
    test_version_2();
}
