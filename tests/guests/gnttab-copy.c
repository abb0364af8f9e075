/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GNTTABOP_copy between our own grants and our own frames, in every
 * direction, with the checks of domains, references, frames, offsets and
 * lengths, and the flags a copy leaves (none) on the entries it used.
 */
#include "gnttab-common.h"

const char test_title[] = "gnttab-copy: copies through grant references";

#define SRC_REF     30
#define DST_REF     31
#define SRC_SLOT    1
#define DST_SLOT    2

static struct grant_entry_v1 *gt;
static unsigned long src_mfn, dst_mfn;

static uint8_t *src_va(void)
{
    return scratch(SRC_SLOT);
}

static uint8_t *dst_va(void)
{
    return scratch(DST_SLOT);
}

static struct gnttab_copy op(uint16_t flags, uint64_t src, domid_t sdom,
                             uint16_t soff, uint64_t dst, domid_t ddom,
                             uint16_t doff, uint16_t len)
{
    struct gnttab_copy c = { 0 };

    c.flags = flags;
    c.len = len;
    if ( flags & GNTCOPY_source_gref )
        c.source.u.ref = src;
    else
        c.source.u.gmfn = src;
    c.source.domid = sdom;
    c.source.offset = soff;
    if ( flags & GNTCOPY_dest_gref )
        c.dest.u.ref = dst;
    else
        c.dest.u.gmfn = dst;
    c.dest.domid = ddom;
    c.dest.offset = doff;
    c.status = 0x5555;
    return c;
}

static int copy1(struct gnttab_copy c)
{
    long rc = gnttab_op(GNTTABOP_copy, &c, 1);

    return rc ? (int)rc : c.status;
}

/* dst[doff, doff + len) holds src[soff, soff + len)? */
static bool copied(unsigned int soff, unsigned int doff, unsigned int len)
{
    return !memcmp(dst_va() + doff, src_va() + soff, len);
}

static void reset_dst(void)
{
    memset(dst_va(), 0, PAGE);
}

#define BOTH    (GNTCOPY_source_gref | GNTCOPY_dest_gref)

static void test_directions(void)
{
    reset_dst();
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 0, DST_REF, 0, 100, 200)),
             GNTST_okay);
    CHECK(copied(0, 100, 200));
    CHECK_EQ(dst_va()[99], 0);
    CHECK_EQ(dst_va()[300], 0);
    /* A copy holds its pins only while it runs. */
    CHECK_EQ(gt[SRC_REF].flags, GTF_permit_access | GTF_readonly);
    CHECK_EQ(gt[DST_REF].flags, GTF_permit_access);

    reset_dst();
    CHECK_EQ(copy1(op(GNTCOPY_dest_gref, src_mfn, DOMID_SELF, 4000,
                      DST_REF, DOMID_SELF, 0, 96)), GNTST_okay);
    CHECK(copied(4000, 0, 96));
    reset_dst();
    CHECK_EQ(copy1(op(GNTCOPY_source_gref, SRC_REF, 0, 1, dst_mfn,
                      DOMID_SELF, 4095, 1)), GNTST_okay);
    CHECK(copied(1, 4095, 1));
    reset_dst();
    CHECK_EQ(copy1(op(0, src_mfn, DOMID_SELF, 0, dst_mfn, DOMID_SELF, 0,
                      4096)), GNTST_okay);
    CHECK(copied(0, 0, 4096));
    /* Nothing to copy is fine. */
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 4096, DST_REF, 0, 4096, 0)),
             GNTST_okay);
    /* The same frame on both sides. */
    CHECK_EQ(copy1(op(GNTCOPY_dest_gref, dst_mfn, DOMID_SELF, 0, DST_REF,
                      0, 2048, 1024)), GNTST_okay);
    CHECK(!memcmp(dst_va() + 2048, dst_va(), 1024));
    CHECK_EQ(gt[DST_REF].flags, GTF_permit_access);
}

static void test_errors(void)
{
    unsigned long l4 = l4_mfn();

    /* Only DOMID_SELF names a frame directly. */
    CHECK_EQ(copy1(op(0, src_mfn, 0, 0, dst_mfn, DOMID_SELF, 0, 8)),
             GNTST_permission_denied);
    CHECK_EQ(copy1(op(0, src_mfn, DOMID_SELF, 0, dst_mfn, 0, 0, 8)),
             GNTST_permission_denied);
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 7, 0, DST_REF, 0, 0, 8)),
             GNTST_bad_domain);
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 0, DST_REF, DOMID_IO, 0, 8)),
             GNTST_bad_domain);
    /*
     * Xen 4.17 (with XSA-523's fix) finds both domains first, then checks
     * and claims the source, then the destination.
     */
    CHECK_EQ(copy1(op(0, src_mfn, 0, 0, dst_mfn, 7, 0, 8)), GNTST_bad_domain);
    CHECK_EQ(copy1(op(GNTCOPY_source_gref, SRC_REF, 0, 0, dst_mfn, 5, 0, 8)),
             GNTST_bad_domain);
    CHECK_EQ(copy1(op(GNTCOPY_source_gref, 0xffff, 0, 0, dst_mfn, 0, 0, 8)),
             GNTST_bad_gntref);
    CHECK_EQ(copy1(op(0, 0xb8, DOMID_SELF, 0, dst_mfn, 0, 0, 8)),
             GNTST_bad_page);
    CHECK_EQ(copy1(op(0, 0xb8, 0, 0, dst_mfn, DOMID_SELF, 0, 8)),
             GNTST_permission_denied);
    CHECK_EQ(copy1(op(GNTCOPY_source_gref, SRC_REF, 0, 4000, dst_mfn, 0, 0,
                      200)), GNTST_permission_denied);
    CHECK_EQ(gt[SRC_REF].flags, GTF_permit_access | GTF_readonly);

    CHECK_EQ(copy1(op(BOTH, 512, 0, 0, DST_REF, 0, 0, 8)), GNTST_bad_gntref);
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 0, 0x7fffffff, 0, 0, 8)),
             GNTST_bad_gntref);
    CHECK_EQ(copy1(op(BOTH, 40, 0, 0, DST_REF, 0, 0, 8)),
             GNTST_general_error);
    /* Writing needs a writable grant, to us. */
    CHECK_EQ(copy1(op(BOTH, DST_REF, 0, 0, SRC_REF, 0, 0, 8)),
             GNTST_general_error);
    CHECK_EQ(gt[SRC_REF].flags, GTF_permit_access | GTF_readonly);
    CHECK_EQ(gt[DST_REF].flags, GTF_permit_access);
    grant(gt, 41, 5, dst_mfn, GTF_permit_access);
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 0, 41, 0, 0, 8)),
             GNTST_general_error);
    /* Version 1 has no sub-page grants: the flag means nothing here. */
    grant(gt, 41, 0, dst_mfn, GTF_permit_access | GTF_sub_page);
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 0, 41, 0, 0, 8)), GNTST_okay);
    ungrant(gt, 41);

    /* Frames. */
    CHECK_EQ(copy1(op(0, 0xb8, DOMID_SELF, 0, dst_mfn, DOMID_SELF, 0, 8)),
             GNTST_bad_page);
    CHECK_EQ(copy1(op(0, 0xfffffffffUL, DOMID_SELF, 0, dst_mfn, DOMID_SELF,
                      0, 8)), GNTST_bad_page);
    grant(gt, 42, 0, 0xffffffff, GTF_permit_access);
    CHECK_EQ(copy1(op(BOTH, 42, 0, 0, DST_REF, 0, 0, 8)), GNTST_bad_page);
    CHECK_EQ(gt[42].flags, GTF_permit_access);
    /* Page tables may be read, never written. */
    CHECK_EQ(copy1(op(0, l4, DOMID_SELF, 0, dst_mfn, DOMID_SELF, 0, 8)),
             GNTST_okay);
    CHECK_EQ(copy1(op(0, src_mfn, DOMID_SELF, 0, l4, DOMID_SELF, 0, 8)),
             GNTST_general_error);
    grant(gt, 42, 0, l4, GTF_permit_access);
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 0, 42, 0, 0, 8)),
             GNTST_general_error);
    CHECK_EQ(gt[42].flags, GTF_permit_access);
    ungrant(gt, 42);

    /* Offsets and lengths: checked once both sides are held. */
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 4000, DST_REF, 0, 0, 97)),
             GNTST_bad_copy_arg);
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 0, DST_REF, 0, 4096, 1)),
             GNTST_bad_copy_arg);
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 0, DST_REF, 0, 0, 4097)),
             GNTST_bad_copy_arg);
    CHECK_EQ(copy1(op(BOTH, 512, 0, 4000, DST_REF, 0, 0, 97)),
             GNTST_bad_gntref);
    CHECK_EQ(gt[SRC_REF].flags, GTF_permit_access | GTF_readonly);
    CHECK_EQ(gt[DST_REF].flags, GTF_permit_access);
}

/* A copy into an entry we map read-only upgrades, then drops, its pin. */
static void test_with_mapping(void)
{
    grant_handle_t h = 99;

    CHECK_EQ(map_ref(0, DST_REF, GNTMAP_host_map | GNTMAP_readonly,
                     scratch_va(3), &h, NULL), GNTST_okay);
    CHECK_EQ(gt[DST_REF].flags, GTF_permit_access | GTF_reading);
    reset_dst();
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 0, DST_REF, 0, 0, 64)), GNTST_okay);
    CHECK(copied(0, 0, 64));
    CHECK_EQ(gt[DST_REF].flags, GTF_permit_access | GTF_reading);
    /* The granter pointing the entry elsewhere changes nothing pinned. */
    gt[DST_REF].frame = src_mfn;
    reset_dst();
    CHECK_EQ(copy1(op(BOTH, SRC_REF, 0, 0, DST_REF, 0, 0, 64)),
             GNTST_general_error);
    CHECK_EQ(copy1(op(GNTCOPY_source_gref, DST_REF, 0, 0, dst_mfn,
                      DOMID_SELF, 0, 64)), GNTST_okay);
    gt[DST_REF].frame = dst_mfn;
    CHECK_EQ(unmap_ref(scratch_va(3), 0, h), GNTST_okay);
    CHECK_EQ(gt[DST_REF].flags, GTF_permit_access);
}

static void test_batch(void)
{
    struct gnttab_copy c[4] = {
        op(BOTH, SRC_REF, 0, 0, DST_REF, 0, 0, 16),
        op(BOTH, 40, 0, 0, DST_REF, 0, 0, 16),
        op(0, src_mfn, 0, 0, dst_mfn, DOMID_SELF, 0, 16),
        op(BOTH, SRC_REF, 0, 16, DST_REF, 0, 16, 16),
    };

    reset_dst();
    CHECK_EQ(gnttab_op(GNTTABOP_copy, c, 4), 0);
    CHECK_EQ(c[0].status, GNTST_okay);
    CHECK_EQ(c[1].status, GNTST_general_error);
    CHECK_EQ(c[2].status, GNTST_permission_denied);
    CHECK_EQ(c[3].status, GNTST_okay);
    CHECK(copied(0, 0, 32));
    CHECK_EQ(gnttab_op(GNTTABOP_copy, (void *)0x10, 1), -EFAULT);
    CHECK_EQ(gnttab_op(GNTTABOP_copy, (void *)0xffff830000000000UL, 1),
             -EFAULT);
}

void test_main(void)
{
    src_mfn = spare_mfn(0);
    dst_mfn = spare_mfn(1);
    gt = map_own_table();
    if ( !CHECK(gt != NULL) ||
         !CHECK_EQ(map_at(SRC_SLOT, src_mfn, PTE_DATA), 0) ||
         !CHECK_EQ(map_at(DST_SLOT, dst_mfn, PTE_DATA), 0) )
        return;
    for ( unsigned int i = 0; i < PAGE; i++ )
        src_va()[i] = (uint8_t)(i * 7 + 3);
    grant(gt, SRC_REF, 0, src_mfn, GTF_permit_access | GTF_readonly);
    grant(gt, DST_REF, 0, dst_mfn, GTF_permit_access);

    test_directions();
    test_errors();
    test_with_mapping();
    test_batch();
}
