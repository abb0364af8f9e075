/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Large grant table batches (maps, unmaps, copies, swaps), with the
 * hypervisor free to stop and continue each: every entry's status, the
 * handles and the grant entries afterwards must be those of uninterrupted
 * calls.  A bad entry deep in a batch fails alone.
 */
#include "contin-common.h"
#include "gnttab-common.h"

const char test_title[] = "contin-gnttab: large grant table batches";

#define FIRST_REF   16
#define NR_REFS     480         /* mapped ones: FIRST_REF .. */
#define MAPS_PER    4
#define NMAP        (NR_REFS * MAPS_PER)
#define FAIL_AT     1234
#define NCOPY       4096
#define CHUNK       16
#define SWAP_REF    496
#define NSWAP_REFS  16
#define NSWAP       4096
#define SRC_REF     8
#define DST_REF     9
#define SRC_SLOT    1
#define DST_SLOT    2

static struct grant_entry_v1 *gt;
static struct gnttab_map_grant_ref m[NMAP];
static struct gnttab_unmap_grant_ref u[NMAP];
static struct gnttab_copy c[NCOPY];
static struct gnttab_swap_grant_ref sw[NSWAP];

static long gop(const char *what, unsigned int cmd, void *uop,
                unsigned int n)
{
    return contin_call(what, __HYPERVISOR_grant_table_op, cmd,
                       (unsigned long)uop, n, 0, 0);
}

static void test_map_unmap(unsigned long frame)
{
    unsigned int bad = 0;

    for ( unsigned int r = 0; r < NR_REFS; r++ )
        grant(gt, FIRST_REF + r, 0, frame, GTF_permit_access);
    for ( unsigned int i = 0; i < NMAP; i++ )
        m[i] = (struct gnttab_map_grant_ref){
            .flags = GNTMAP_device_map, .ref = FIRST_REF + i % NR_REFS,
            .dom = 0, .status = 0x5555, .handle = 0xdeadbeef,
        };
    m[FAIL_AT].ref = 4000;
    CHECK_EQ(gop("map_grant_ref", GNTTABOP_map_grant_ref, m, NMAP), 0);
    for ( unsigned int i = 0; i < NMAP; i++ )
        bad += i == FAIL_AT ? m[i].status != GNTST_bad_gntref
                            : m[i].status != GNTST_okay ||
                              m[i].dev_bus_addr != frame << 12;
    CHECK_EQ(bad, 0);
    /* Every handle its own. */
    bad = 0;
    for ( unsigned int i = 1; i < NMAP; i++ )
        bad += i != FAIL_AT && i - 1 != FAIL_AT &&
               m[i].handle == m[i - 1].handle;
    CHECK_EQ(bad, 0);
    CHECK_EQ(gt[FIRST_REF].flags, GTF_permit_access | GTF_reading |
                                  GTF_writing);

    for ( unsigned int i = 0; i < NMAP; i++ )
        u[i] = (struct gnttab_unmap_grant_ref){
            .dev_bus_addr = frame << 12, .handle = m[i].handle,
            .status = 0x5555,
        };
    u[FAIL_AT].handle = 0x10000;
    CHECK_EQ(gop("unmap_grant_ref", GNTTABOP_unmap_grant_ref, u, NMAP), 0);
    bad = 0;
    for ( unsigned int i = 0; i < NMAP; i++ )
        bad += u[i].status != (i == FAIL_AT ? GNTST_bad_handle : GNTST_okay);
    CHECK_EQ(bad, 0);
    bad = 0;
    for ( unsigned int r = 0; r < NR_REFS; r++ )
        bad += gt[FIRST_REF + r].flags != GTF_permit_access;
    CHECK_EQ(bad, 0);
    for ( unsigned int r = 0; r < NR_REFS; r++ )
        ungrant(gt, FIRST_REF + r);
}

/* Copy i moves source block i % 256 to the mirrored destination block. */
static void test_copy(unsigned long src, unsigned long dst)
{
    uint8_t *s = scratch(SRC_SLOT), *d = scratch(DST_SLOT);
    unsigned int bad = 0;

    for ( unsigned int i = 0; i < PAGE; i++ )
        s[i] = (uint8_t)(i * 7 + 1);
    memset(d, 0, PAGE);
    grant(gt, SRC_REF, 0, src, GTF_permit_access | GTF_readonly);
    grant(gt, DST_REF, 0, dst, GTF_permit_access);
    for ( unsigned int i = 0; i < NCOPY; i++ )
    {
        unsigned int blk = i % (PAGE / CHUNK);

        c[i] = (struct gnttab_copy){
            .flags = GNTCOPY_source_gref | GNTCOPY_dest_gref,
            .len = CHUNK, .status = 0x5555,
        };
        c[i].source.u.ref = SRC_REF;
        c[i].source.offset = blk * CHUNK;
        c[i].dest.u.ref = DST_REF;
        c[i].dest.offset = PAGE - CHUNK - blk * CHUNK;
    }
    c[FAIL_AT].dest.u.ref = 4000;
    CHECK_EQ(gop("copy", GNTTABOP_copy, c, NCOPY), 0);
    for ( unsigned int i = 0; i < NCOPY; i++ )
        bad += c[i].status != (i == FAIL_AT ? GNTST_bad_gntref : GNTST_okay);
    CHECK_EQ(bad, 0);
    bad = 0;
    for ( unsigned int blk = 0; blk < PAGE / CHUNK; blk++ )
        bad += memcmp(d + PAGE - CHUNK - blk * CHUNK, s + blk * CHUNK,
                      CHUNK) != 0;
    CHECK_EQ(bad, 0);
    CHECK_EQ(gt[SRC_REF].flags, GTF_permit_access | GTF_readonly);
    CHECK_EQ(gt[DST_REF].flags, GTF_permit_access);
    ungrant(gt, SRC_REF);
    ungrant(gt, DST_REF);
}

static void test_swap(void)
{
    unsigned int want[NSWAP_REFS], bad = 0;

    for ( unsigned int r = 0; r < NSWAP_REFS; r++ )
    {
        grant(gt, SWAP_REF + r, 5, 0x1000 + r, 0);
        want[r] = 0x1000 + r;
    }
    for ( unsigned int i = 0; i < NSWAP; i++ )
    {
        unsigned int a = i % NSWAP_REFS, b = (i * 7 + 3) % NSWAP_REFS;
        unsigned int t = want[a];

        sw[i] = (struct gnttab_swap_grant_ref){
            .ref_a = SWAP_REF + a, .ref_b = SWAP_REF + b, .status = 0x5555,
        };
        if ( i == FAIL_AT )
        {
            sw[i].ref_b = 4000;
            continue;
        }
        want[a] = want[b];
        want[b] = t;
    }
    CHECK_EQ(gop("swap_grant_ref", GNTTABOP_swap_grant_ref, sw, NSWAP), 0);
    for ( unsigned int i = 0; i < NSWAP; i++ )
        bad += sw[i].status != (i == FAIL_AT ? GNTST_bad_gntref : GNTST_okay);
    CHECK_EQ(bad, 0);
    bad = 0;
    for ( unsigned int r = 0; r < NSWAP_REFS; r++ )
        bad += gt[SWAP_REF + r].frame != want[r];
    CHECK_EQ(bad, 0);
    for ( unsigned int r = 0; r < NSWAP_REFS; r++ )
        memset(&gt[SWAP_REF + r], 0, sizeof(gt[0]));
}

void test_main(void)
{
    unsigned long frame = spare_mfn(60), src = spare_mfn(61);
    unsigned long dst = spare_mfn(62);

    gt = map_own_table();
    if ( !CHECK(gt != NULL) )
        return;
    CHECK_EQ(map_at(SRC_SLOT, src, PTE_DATA), 0);
    CHECK_EQ(map_at(DST_SLOT, dst, PTE_DATA), 0);
    test_map_unmap(frame);
    test_copy(src, dst);
    test_swap();
    CHECK_EQ(map_at(SRC_SLOT, 0, 0), 0);
    CHECK_EQ(map_at(DST_SLOT, 0, 0), 0);
    CHECK_EQ(map_at(GT_SLOT, 0, 0), 0);
}
