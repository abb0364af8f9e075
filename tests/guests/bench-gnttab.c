/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant table costs between dom0 and a domU: GNTTABOP_copy of whole
 * pages from the domU's grants into dom0's frames, 16 ops a call, in
 * MiB/s; and GNTTABOP_map_grant_ref (host mapping) followed by
 * GNTTABOP_unmap_grant_ref, in TSC cycles per pair.  dom0 builds the
 * domU and fills its frames and its grant table as a toolstack does (the
 * domU never runs: the hypervisor's paths are the same).
 */
#include "bench.h"
#include "sched-build.h"
#include <public/grant_table.h>

const char test_title[] = "bench-gnttab: grant copy and map costs";

#define NR_GRANTS       16
#define FIRST_REF       8       /* refs 0-7 are the toolstack's by custom */
#define COPY_CALLS      4
#define MAP_PAIRS       50
#define PAGE_WORDS      (DOM_PAGE / 8)

static domid_t dom;
static xen_pfn_t mfns[NR_GRANTS];
static uint64_t dst[NR_GRANTS][PAGE_WORDS]
    __attribute__((aligned(DOM_PAGE)));

static long gnttab_op(unsigned int cmd, void *uop, unsigned int n)
{
    return hypercall3(__HYPERVISOR_grant_table_op, cmd, uop, n);
}

/* What word w of the domU's page i holds. */
static uint64_t pattern(unsigned int i, unsigned int w)
{
    return ((uint64_t)(i + 1) << 32) | (w * 0x9e3779b1U);
}

/* The domU's frames, each filled with its pattern, all granted to us. */
static bool setup(void)
{
    struct gnttab_setup_table st = { .nr_frames = 1 };
    xen_pfn_t gt_frame = 0;
    struct grant_entry_v1 *gt;
    long rc = dom_create(0);

    if ( !CHECK(rc > 0) )
        return false;
    dom = rc;
    if ( !CHECK_EQ(dom_max_vcpus(dom, 1), 0) ||
         !CHECK_EQ(dom_max_mem(dom, NR_GRANTS * 4 * 2), 0) ||
         !CHECK_EQ(dom_populate(dom, mfns, NR_GRANTS), NR_GRANTS) )
        return false;
    for ( unsigned int i = 0; i < NR_GRANTS; i++ )
    {
        uint64_t *p = sb_map(dom, mfns[i]);

        if ( !CHECK(p != NULL) )
            return false;
        for ( unsigned int w = 0; w < PAGE_WORDS; w++ )
            p[w] = pattern(i, w);
        if ( !CHECK_EQ(sb_unmap(), 0) )
            return false;
    }

    st.dom = dom;
    set_xen_guest_handle(st.frame_list, &gt_frame);
    if ( !CHECK_EQ(gnttab_op(GNTTABOP_setup_table, &st, 1), 0) ||
         !CHECK_EQ(st.status, GNTST_okay) )
        return false;
    gt = sb_map(dom, gt_frame);
    if ( !CHECK(gt != NULL) )
        return false;
    for ( unsigned int i = 0; i < NR_GRANTS; i++ )
    {
        gt[FIRST_REF + i].domid = 0;
        gt[FIRST_REF + i].frame = mfns[i];
        __atomic_store_n(&gt[FIRST_REF + i].flags, GTF_permit_access,
                         __ATOMIC_RELEASE);
    }
    return CHECK_EQ(sb_unmap(), 0);
}

static unsigned long own_mfn(const void *va)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;

    return p2m[((unsigned long)va - VIRT_BASE) / DOM_PAGE];
}

/* MiB/s of one batch; *bad counts failed ops and wrong data. */
static uint64_t copy_batch(gnttab_copy_t *ops, unsigned int *bad)
{
    uint64_t t0, ns;

    memset(dst, 0, sizeof(dst));
    for ( unsigned int i = 0; i < NR_GRANTS; i++ )
        ops[i].status = 0x5555;
    t0 = sys_now();
    for ( unsigned int c = 0; c < COPY_CALLS; c++ )
        if ( gnttab_op(GNTTABOP_copy, ops, NR_GRANTS) )
            (*bad)++;
    ns = sys_now() - t0;
    for ( unsigned int i = 0; i < NR_GRANTS; i++ )
    {
        if ( ops[i].status != GNTST_okay )
            (*bad)++;
        for ( unsigned int w = 0; w < PAGE_WORDS; w++ )
            if ( dst[i][w] != pattern(i, w) )
            {
                (*bad)++;
                break;
            }
    }
    if ( !ns )
        return 0;
    return (uint64_t)COPY_CALLS * NR_GRANTS * DOM_PAGE * 1000000000ULL /
           ns / (1024 * 1024);
}

static void copy(void)
{
    static gnttab_copy_t ops[NR_GRANTS];
    uint64_t v[BENCH_BATCHES];
    unsigned int bad = 0;

    for ( unsigned int i = 0; i < NR_GRANTS; i++ )
    {
        ops[i].source.u.ref = FIRST_REF + i;
        ops[i].source.domid = dom;
        ops[i].dest.u.gmfn = own_mfn(dst[i]);
        ops[i].dest.domid = DOMID_SELF;
        ops[i].len = DOM_PAGE;
        ops[i].flags = GNTCOPY_source_gref;
    }
    copy_batch(ops, &bad);
    for ( unsigned int b = 0; b < BENCH_BATCHES; b++ )
        v[b] = copy_batch(ops, &bad);
    if ( CHECK_EQ(bad, 0) )
        bench_report("gnttab-copy", "MiB/s", bench_median(v, BENCH_BATCHES));
}

/* Cycles per map and unmap of our first grant, at the page after sb_map's. */
static uint64_t map_batch(unsigned int *bad)
{
    struct gnttab_map_grant_ref m = {
        .host_addr = sb_scratch() + DOM_PAGE, .flags = GNTMAP_host_map,
        .ref = FIRST_REF, .dom = dom,
    };
    struct gnttab_unmap_grant_ref u = { .host_addr = m.host_addr };
    volatile const uint64_t *seen = (const uint64_t *)m.host_addr;
    uint64_t t0 = bench_tsc();

    for ( unsigned int i = 0; i < MAP_PAIRS; i++ )
    {
        m.status = 0x5555;
        if ( gnttab_op(GNTTABOP_map_grant_ref, &m, 1) ||
             m.status != GNTST_okay )
        {
            (*bad)++;
            break;
        }
        /* The first pair of each batch proves the mapping is the page. */
        if ( !i && seen[PAGE_WORDS - 1] != pattern(0, PAGE_WORDS - 1) )
            (*bad)++;
        u.handle = m.handle;
        u.status = 0x5555;
        if ( gnttab_op(GNTTABOP_unmap_grant_ref, &u, 1) ||
             u.status != GNTST_okay )
        {
            (*bad)++;
            break;
        }
    }
    return (bench_tsc() - t0) / MAP_PAIRS;
}

static void map_unmap(void)
{
    uint64_t v[BENCH_BATCHES];
    unsigned int bad = 0;

    map_batch(&bad);
    for ( unsigned int b = 0; b < BENCH_BATCHES; b++ )
        v[b] = map_batch(&bad);
    if ( CHECK_EQ(bad, 0) )
        bench_report("gnttab-map-unmap", "cycles",
                     bench_median(v, BENCH_BATCHES));
}

void test_main(void)
{
    if ( !CHECK(dom_shared_info() != NULL) || !setup() )
        return;
    copy();
    map_unmap();
    CHECK_EQ(domu_destroy(dom), 0);
}
