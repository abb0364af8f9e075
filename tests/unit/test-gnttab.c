/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of grant tables (common/grant_table.c, grant-map.c,
 * grant-copy.c) over the real frame table: the pin and flag state
 * machine, the references each mapping holds, domains dying on either
 * side of a grant, hostile references and handles, maptrack exhaustion,
 * copies, transfers, and a random walk checked against a model after
 * every step.  Three domains: 0 (privileged), 1 and 2.  Page-table
 * entries are simulated by the arch hooks below.
 */
#include <CUnit/Basic.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/grant_table.h>
#include <hv/mm.h>
#include <hv/page-alloc.h>
#include <asm/mm.h>
#include <public/xen.h>
#include <public/domctl.h>
#include <public/memory.h>
#include <public/grant_table.h>

#include "harness/harness.h"

/* --- the environment the grant code expects ---------------------------- */

#define NR_FRAMES   4096
#define FIRST_RAM   0x100
#define NR_DOMS     3

unsigned char *mm_test_arena;
unsigned long mm_test_flushes;
paddr_t mm_test_root;
struct domain *hardware_domain;

static struct domain doms[NR_DOMS];
static struct vcpu vcpus[NR_DOMS];
static struct shared_info shinfo[NR_DOMS];
static bool exists[NR_DOMS];
static struct vcpu *cur;
static unsigned long m2p[NR_FRAMES];

struct vcpu *current_vcpu(void)
{
    return cur;
}

struct domain *domain_lookup_any(domid_t id)
{
    return id < NR_DOMS && exists[id] ? &doms[id] : NULL;
}

static jmp_buf crash_jmp;
static struct domain *crashed;

void domain_crash(struct domain *d, const char *why)
{
    crashed = d;
    longjmp(crash_jmp, 1);
}

void set_gpfn_from_mfn(mfn_t mfn, unsigned long pfn)
{
    if ( mfn < NR_FRAMES )
        m2p[mfn] = pfn;
}

unsigned long get_gpfn_from_mfn(mfn_t mfn)
{
    return mfn < NR_FRAMES ? m2p[mfn] : INVALID_M2P_ENTRY;
}

bool is_iomem_page(mfn_t mfn)
{
    return !mfn_valid(mfn) || mfn_to_page(mfn)->owner == dom_io;
}

/* No page tables here: typed frames need no contents checked. */
int validate_table(struct page_info *pg, unsigned long type,
                   bool preemptible)
{
    return 0;
}

int devalidate_table(struct page_info *pg, unsigned long type,
                     bool preemptible)
{
    return 0;
}

/* Guest buffers are host memory; NULL and FAULT_PTR fault. */
#define FAULT_PTR   ((void *)0x10)

bool guest_range_ok(unsigned long addr, size_t n)
{
    return addr + n >= addr && addr + n <= (1UL << 47);
}

static bool faults(const void *p)
{
    return !p || p == FAULT_PTR;
}

unsigned long raw_copy_from_guest(void *to, const void *from, size_t n)
{
    if ( faults(from) )
        return n;
    memcpy(to, from, n);
    return 0;
}

unsigned long raw_copy_to_guest(void *to, const void *from, size_t n)
{
    if ( faults(to) )
        return n;
    memcpy(to, from, n);
    return 0;
}

/*
 * Page-table entries, simulated: each holds the references a validated
 * L1 entry would (general, plus writable type if writable).  Addresses
 * at or above BAD_VA have no L1 table.
 */
#define BAD_VA      0x800000000000UL
#define NR_PTES     64

struct fake_pte
{
    bool present;
    struct domain *d;
    uint64_t addr;
    mfn_t mfn;
    bool rw;
};

static struct fake_pte ptes[NR_PTES];
static unsigned long tlb_flushes, cache_cleans;

static struct fake_pte *pte_at(struct domain *d, uint64_t addr, bool make)
{
    struct fake_pte *free = NULL;

    for ( unsigned int i = 0; i < NR_PTES; i++ )
    {
        if ( ptes[i].present && ptes[i].d == d && ptes[i].addr == addr )
            return &ptes[i];
        if ( !ptes[i].present && !free )
            free = &ptes[i];
    }
    if ( make && free )
    {
        free->d = d;
        free->addr = addr;
    }
    return make ? free : NULL;
}

/* What put_page_from_l1e() does for a present entry. */
static void drop_pte_refs(struct fake_pte *p)
{
    if ( p->rw )
        put_page_and_type(mfn_to_page(p->mfn));
    else
        put_page(mfn_to_page(p->mfn));
    p->present = false;
}

int arch_gnttab_create_mapping(uint64_t addr, mfn_t mfn, unsigned int flags)
{
    struct fake_pte *p;

    if ( addr >= BAD_VA )
        return GNTST_general_error;
    p = pte_at(cur->domain, addr, false);
    if ( p )
        drop_pte_refs(p);
    p = pte_at(cur->domain, addr, true);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    p->present = true;
    p->mfn = mfn;
    p->rw = !(flags & GNTMAP_readonly);
    return GNTST_okay;
}

int arch_gnttab_replace_mapping(uint64_t addr, mfn_t mfn, uint64_t new_addr,
                                unsigned int flags)
{
    struct fake_pte *p = pte_at(cur->domain, addr, false), *q = NULL;

    if ( new_addr )
    {
        q = pte_at(cur->domain, new_addr, false);
        if ( !q || (flags & GNTMAP_contains_pte) )
            return GNTST_general_error;
    }
    if ( !p || p->mfn != mfn || p->rw != !(flags & GNTMAP_readonly) )
    {
        /* The stolen entry's references go. */
        if ( q )
            drop_pte_refs(q);
        return GNTST_general_error;
    }
    if ( q )
    {
        p->mfn = q->mfn;
        p->rw = q->rw;
        q->present = false;
    }
    else
        p->present = false;
    return GNTST_okay;
}

void arch_gnttab_flush_tlb(struct domain *d)
{
    tlb_flushes++;
}

void arch_gnttab_clean_cache(mfn_t mfn, unsigned int offset,
                             unsigned int len)
{
    cache_cleans++;
}

/*
 * A normal mapping by d of a frame owner has, as mmu_update would make it
 * (only the privileged domain may map another's frames).
 */
static void map_frame(struct domain *d, uint64_t addr, mfn_t mfn, bool rw,
                      struct domain *owner)
{
    struct fake_pte *p = pte_at(d, addr, true);

    CU_ASSERT_FATAL(get_page(mfn_to_page(mfn), owner));
    if ( rw )
        CU_ASSERT_FATAL(!get_page_type(mfn_to_page(mfn), PGT_writable_page));
    p->present = true;
    p->mfn = mfn;
    p->rw = rw;
}

static void map_own(struct domain *d, uint64_t addr, mfn_t mfn, bool rw)
{
    map_frame(d, addr, mfn, rw, d);
}

/* The guest rewrites an entry behind the grant code's back. */
static void zap_pte(struct domain *d, uint64_t addr)
{
    struct fake_pte *p = pte_at(d, addr, false);

    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    drop_pte_refs(p);
}

/* d's page tables are torn down. */
static void zap_all_ptes(struct domain *d)
{
    for ( unsigned int i = 0; i < NR_PTES; i++ )
        if ( ptes[i].present && ptes[i].d == d )
            drop_pte_refs(&ptes[i]);
}

static bool all_ram(mfn_t mfn)
{
    return true;
}

static unsigned long free_at_start;

static int suite_init(void)
{
    void *meta = malloc(page_alloc_meta_bytes((paddr_t)NR_FRAMES << 12));

    mm_test_arena = aligned_alloc(PAGE_SIZE, (size_t)NR_FRAMES * PAGE_SIZE);
    if ( !meta || !mm_test_arena )
        return -1;
    page_alloc_init((paddr_t)NR_FRAMES << 12, meta);
    free_range((paddr_t)FIRST_RAM << 12, (paddr_t)NR_FRAMES << 12);
    frame_table_init(calloc(NR_FRAMES, sizeof(struct page_info)), NR_FRAMES,
                     all_ram);
    free_at_start = free_page_count();
    return 0;
}

/* --- fixtures ----------------------------------------------------------- */

static struct domain *const d0 = &doms[0];
static struct domain *const d1 = &doms[1];
static struct domain *const d2 = &doms[2];

static int make_domain(unsigned int id, int frames, int maptrack,
                       unsigned int version)
{
    struct domain *d = &doms[id];
    int rc;

    memset(d, 0, sizeof(*d));
    memset(&vcpus[id], 0, sizeof(vcpus[id]));
    d->domain_id = id;
    d->is_privileged = id == 0;
    d->state = DOMAIN_RUNNING;
    d->max_pages = 256;
    d->max_vcpus = 1;
    d->shared_info = &shinfo[id];
    d->vcpu[0] = &vcpus[id];
    vcpus[id].domain = d;
    rc = grant_table_init(d, frames, maptrack, version);
    exists[id] = !rc;
    return rc;
}

static void setup(void)
{
    memset(ptes, 0, sizeof(ptes));
    crashed = NULL;
    for ( unsigned int i = 0; i < NR_DOMS; i++ )
        CU_ASSERT_EQUAL_FATAL(make_domain(i, -1, -1, 1), 0);
    hardware_domain = d0;
    cur = &vcpus[1];
}

/* The whole lifecycle of a domain as the grant code sees it. */
static void kill_domain(struct domain *d)
{
    d->state = DOMAIN_DYING;
    grant_table_relinquish(d);
    zap_all_ptes(d);
    for ( mfn_t m = FIRST_RAM; m < NR_FRAMES; m++ )
        if ( mfn_to_page(m)->owner == d &&
             !(mfn_to_page(m)->count_info & PGC_xen_heap) )
            put_page_alloc_ref(mfn_to_page(m));
    d->state = DOMAIN_DEAD;
}

/* Whether nothing of d is in use any more (arch_domain_may_free()). */
static bool may_free(const struct domain *d)
{
    for ( mfn_t m = FIRST_RAM; m < NR_FRAMES; m++ )
        if ( mfn_to_page(m)->owner == d &&
             (mfn_to_page(m)->count_info & PGC_count_mask) )
            return false;
    return !d->tot_pages;
}

static void free_domain(struct domain *d)
{
    CU_ASSERT(may_free(d));
    grant_table_destroy(d);
    CU_ASSERT_PTR_NULL(d->grant_table);
    exists[d->domain_id] = false;
}

static void teardown(void)
{
    /* All die first: each may hold frames of the others. */
    for ( unsigned int i = 0; i < NR_DOMS; i++ )
        if ( exists[i] && doms[i].state < DOMAIN_DYING )
            kill_domain(&doms[i]);
    for ( unsigned int i = 0; i < NR_DOMS; i++ )
        if ( exists[i] )
            free_domain(&doms[i]);
    /* Every table page and every frame went back. */
    CU_ASSERT_EQUAL(free_page_count(), free_at_start);
    CU_ASSERT_EQUAL(mm_nr_errors, 0);
}

/* --- helpers ------------------------------------------------------------ */

static long op(unsigned int cmd, void *arg, unsigned int count)
{
    return do_grant_table_op(cmd, (guest_va_t)(uintptr_t)arg, count);
}

static void as(struct domain *d)
{
    cur = d->vcpu[0];
}

static mfn_t new_frame(struct domain *d)
{
    struct page_info *pg = alloc_domheap_pages(d, 0, 0);

    CU_ASSERT_PTR_NOT_NULL_FATAL(pg);
    return page_to_mfn(pg);
}

static unsigned long refs(mfn_t m)
{
    return mfn_to_page(m)->count_info & PGC_count_mask;
}

static unsigned long types(mfn_t m)
{
    return mfn_to_page(m)->type_info & PGT_count_mask;
}

/* d's table frame i, through setup_table as d. */
static mfn_t table_frame(struct domain *d, unsigned int i)
{
    xen_pfn_t f[64];
    struct gnttab_setup_table s = { .dom = DOMID_SELF, .nr_frames = i + 1 };
    struct vcpu *was = cur;

    as(d);
    s.frame_list.p = f;
    CU_ASSERT_EQUAL_FATAL(op(GNTTABOP_setup_table, &s, 1), 0);
    CU_ASSERT_EQUAL_FATAL(s.status, GNTST_okay);
    cur = was;
    return f[i];
}

static struct grant_entry_v1 *entry(struct domain *d, grant_ref_t ref)
{
    struct grant_entry_v1 *t = frame_va(table_frame(d, ref / 512));

    return &t[ref % 512];
}

static void grant(struct domain *d, grant_ref_t ref, domid_t to, mfn_t m,
                  uint16_t flags)
{
    struct grant_entry_v1 *e = entry(d, ref);

    e->domid = to;
    e->frame = m;
    e->flags = flags;
}

static int map(domid_t dom, grant_ref_t ref, uint32_t flags, uint64_t addr,
               grant_handle_t *h)
{
    struct gnttab_map_grant_ref m = {
        .host_addr = addr, .flags = flags, .ref = ref, .dom = dom,
    };

    CU_ASSERT_EQUAL(op(GNTTABOP_map_grant_ref, &m, 1), 0);
    if ( h )
        *h = m.handle;
    if ( m.status == GNTST_okay && (flags & GNTMAP_device_map) )
        CU_ASSERT_EQUAL(m.dev_bus_addr,
                        (uint64_t)entry(&doms[dom], ref)->frame << 12);
    return m.status;
}

static int unmap(uint64_t addr, uint64_t bus, grant_handle_t h)
{
    struct gnttab_unmap_grant_ref u = {
        .host_addr = addr, .dev_bus_addr = bus, .handle = h,
    };

    CU_ASSERT_EQUAL(op(GNTTABOP_unmap_grant_ref, &u, 1), 0);
    return u.status;
}

#define HOST    GNTMAP_host_map
#define DEV     GNTMAP_device_map
#define RO      GNTMAP_readonly
#define RW_PIN  (GTF_permit_access | GTF_reading | GTF_writing)
#define RO_PIN  (GTF_permit_access | GTF_reading)

/* --- the table ---------------------------------------------------------- */

static void test_init_limits(void)
{
    struct domain *d = &doms[2];
    unsigned long before;

    kill_domain(d);
    free_domain(d);
    before = free_page_count();
    CU_ASSERT_EQUAL(make_domain(2, -1, -1, 0), -EINVAL);
    CU_ASSERT_EQUAL(make_domain(2, -1, -1, 2), -EINVAL);
    CU_ASSERT_EQUAL(make_domain(2, 0, -1, 1), -EINVAL);
    CU_ASSERT_EQUAL(make_domain(2, 65, -1, 1), -EINVAL);
    CU_ASSERT_EQUAL(make_domain(2, -1, 1025, 1), -EINVAL);
    CU_ASSERT_EQUAL(free_page_count(), before);

    /* Out of memory: nothing stays allocated. */
    {
        paddr_t hog[NR_FRAMES];
        unsigned int n = 0;

        while ( (hog[n] = alloc_pages(0)) )
            n++;
        CU_ASSERT_EQUAL(make_domain(2, -1, -1, 1), -ENOMEM);
        /* Enough for the structure, not for the first frames. */
        free_pages(hog[--n], 0);
        CU_ASSERT_EQUAL(make_domain(2, -1, 0, 1), -ENOMEM);
        while ( n )
            free_pages(hog[--n], 0);
    }
    CU_ASSERT_EQUAL(free_page_count(), before);

    CU_ASSERT_EQUAL(make_domain(2, 1, 0, 1), 0);
    {
        struct gnttab_query_size q = { .dom = 2 };

        as(d0);
        CU_ASSERT_EQUAL(op(GNTTABOP_query_size, &q, 1), 0);
        CU_ASSERT_EQUAL(q.status, GNTST_okay);
        CU_ASSERT_EQUAL(q.nr_frames, 1);
        CU_ASSERT_EQUAL(q.max_nr_frames, 1);
        /* Others' tables are the privileged domain's business only. */
        as(d1);
        CU_ASSERT_EQUAL(op(GNTTABOP_query_size, &q, 1), 0);
        CU_ASSERT_EQUAL(q.status, GNTST_permission_denied);
    }
}

static void test_setup_grow(void)
{
    xen_pfn_t f[64], f2[64];
    struct gnttab_setup_table s = { .dom = DOMID_SELF, .nr_frames = 3 };
    unsigned long before = free_page_count();

    as(d1);
    s.frame_list.p = f;
    CU_ASSERT_EQUAL(op(GNTTABOP_setup_table, &s, 1), 0);
    CU_ASSERT_EQUAL(s.status, GNTST_okay);
    /* Two shared frames, and the active entries behind them. */
    CU_ASSERT_EQUAL(before - free_page_count(), 2 + 4);
    for ( unsigned int i = 0; i < 3; i++ )
    {
        struct page_info *pg = mfn_to_page(f[i]);

        CU_ASSERT_PTR_EQUAL(pg->owner, d1);
        CU_ASSERT(!!(pg->count_info & PGC_xen_heap));
        CU_ASSERT_EQUAL(refs(f[i]), 1);
    }
    /* The granter may map its frames, as Linux does. */
    map_own(d1, 0x1000, f[2], true);
    CU_ASSERT_EQUAL(types(f[2]), 2);

    /* Someone else's table: only for the privileged. */
    s.dom = 2;
    s.frame_list.p = f2;
    CU_ASSERT_EQUAL(op(GNTTABOP_setup_table, &s, 1), 0);
    CU_ASSERT_EQUAL(s.status, GNTST_permission_denied);
    as(d0);
    CU_ASSERT_EQUAL(op(GNTTABOP_setup_table, &s, 1), 0);
    CU_ASSERT_EQUAL(s.status, GNTST_okay);
    CU_ASSERT_PTR_EQUAL(mfn_to_page(f2[2])->owner, d2);

    /* Resources: frames up to the limit, growing the table. */
    {
        uint64_t list[4];

        CU_ASSERT_EQUAL(gnttab_resource_max_frames(d1,
                            XENMEM_resource_grant_table_id_shared), 64);
        CU_ASSERT_EQUAL(gnttab_resource_max_frames(d1,
                            XENMEM_resource_grant_table_id_status), 0);
        CU_ASSERT_EQUAL(gnttab_acquire_resource(d1,
                            XENMEM_resource_grant_table_id_shared, 2, 2,
                            list), 2);
        CU_ASSERT_EQUAL(list[0], f[2]);
        CU_ASSERT_EQUAL(list[1], table_frame(d1, 3));
        CU_ASSERT_EQUAL(gnttab_acquire_resource(d1,
                            XENMEM_resource_grant_table_id_shared, 63, 2,
                            list), -EINVAL);
        CU_ASSERT_EQUAL(gnttab_acquire_resource(d1,
                            XENMEM_resource_grant_table_id_shared, 0, 0,
                            list), -EINVAL);
        CU_ASSERT_EQUAL(gnttab_acquire_resource(d1,
                            XENMEM_resource_grant_table_id_status, 0, 1,
                            list), -EINVAL);
        CU_ASSERT_EQUAL(gnttab_acquire_resource(d1,
                            XENMEM_resource_grant_table_id_shared,
                            0xffffffff, 2, list), -EINVAL);
    }

    /*
     * A frame the privileged domain maps (the toolstack seeding the
     * table) keeps the dead granter's table frame, and the granter.
     */
    map_frame(d0, 0x1000, f[1], true, d1);
    kill_domain(d1);
    CU_ASSERT_PTR_EQUAL(mfn_to_page(f[1])->owner, d1);
    CU_ASSERT_PTR_NULL(mfn_to_page(f[2])->owner);
    CU_ASSERT_FALSE(may_free(d1));
    CU_ASSERT(grant_table_in_use(d1));
    zap_pte(d0, 0x1000);
    CU_ASSERT_PTR_NULL(mfn_to_page(f[1])->owner);
    CU_ASSERT(may_free(d1));
    CU_ASSERT_FALSE(grant_table_in_use(d1));
}

/* --- map and unmap ------------------------------------------------------ */

static void test_map_refs(void)
{
    mfn_t m = new_frame(d1);
    grant_handle_t h1, h2, h3;

    grant(d1, 8, 2, m, GTF_permit_access);
    as(d2);
    CU_ASSERT_EQUAL(map(1, 8, HOST, 0x2000, &h1), GNTST_okay);
    CU_ASSERT_EQUAL(h1, 0);
    CU_ASSERT_EQUAL(entry(d1, 8)->flags, RW_PIN);
    CU_ASSERT_EQUAL(refs(m), 2);
    CU_ASSERT_EQUAL(types(m), 1);

    CU_ASSERT_EQUAL(map(1, 8, HOST | RO, 0x3000, &h2), GNTST_okay);
    CU_ASSERT_EQUAL(h2, 1);
    CU_ASSERT_EQUAL(refs(m), 3);
    CU_ASSERT_EQUAL(types(m), 1);
    CU_ASSERT_EQUAL(map(1, 8, HOST | DEV, 0x4000, &h3), GNTST_okay);
    CU_ASSERT_EQUAL(refs(m), 5);
    CU_ASSERT_EQUAL(types(m), 3);

    /* A writable grant frame can never become a page table. */
    CU_ASSERT_NOT_EQUAL(get_page_type(mfn_to_page(m), PGT_l1_page_table),
                        0);

    CU_ASSERT_EQUAL(unmap(0x2000, 0, h1), GNTST_okay);
    CU_ASSERT_EQUAL(entry(d1, 8)->flags, RW_PIN);
    CU_ASSERT_EQUAL(unmap(0x2000, 0, h1), GNTST_bad_handle);
    /* Host half only: the device half stays, and its references. */
    CU_ASSERT_EQUAL(unmap(0x4000, 0, h3), GNTST_okay);
    CU_ASSERT_EQUAL(refs(m), 3);
    CU_ASSERT_EQUAL(types(m), 1);
    CU_ASSERT_EQUAL(entry(d1, 8)->flags, RW_PIN);
    CU_ASSERT_EQUAL(unmap(0, (uint64_t)m << 12, h3), GNTST_okay);
    CU_ASSERT_EQUAL(entry(d1, 8)->flags, RO_PIN);
    CU_ASSERT_EQUAL(unmap(0x3000, 0, h2), GNTST_okay);
    CU_ASSERT_EQUAL(entry(d1, 8)->flags, GTF_permit_access);
    CU_ASSERT_EQUAL(refs(m), 1);
    CU_ASSERT_EQUAL(types(m), 0);
    CU_ASSERT(tlb_flushes > 0);
}

static void test_map_hostile(void)
{
    mfn_t m = new_frame(d1), table = new_frame(d1);
    grant_handle_t h;

    as(d2);
    CU_ASSERT_EQUAL(map(1, 0, 0, 0x2000, NULL), GNTST_bad_gntref);
    CU_ASSERT_EQUAL(map(DOMID_SELF, 0, HOST, 0x2000, NULL),
                    GNTST_bad_domain);
    CU_ASSERT_EQUAL(map(1, 512, HOST, 0x2000, NULL), GNTST_bad_gntref);
    CU_ASSERT_EQUAL(map(1, 0xffffffff, HOST, 0x2000, NULL),
                    GNTST_bad_gntref);
    /* Not granted, granted to another, read-only, a foreign frame. */
    CU_ASSERT_EQUAL(map(1, 9, HOST, 0x2000, NULL), GNTST_general_error);
    grant(d1, 9, 0, m, GTF_permit_access);
    CU_ASSERT_EQUAL(map(1, 9, HOST, 0x2000, NULL), GNTST_general_error);
    grant(d1, 9, 2, m, GTF_permit_access | GTF_readonly);
    CU_ASSERT_EQUAL(map(1, 9, HOST, 0x2000, NULL), GNTST_general_error);
    CU_ASSERT_EQUAL(entry(d1, 9)->flags, GTF_permit_access | GTF_readonly);
    grant(d1, 9, 2, new_frame(d0), GTF_permit_access);
    CU_ASSERT_EQUAL(map(1, 9, HOST, 0x2000, NULL), GNTST_bad_page);
    CU_ASSERT_EQUAL(entry(d1, 9)->flags, GTF_permit_access);
    grant(d1, 9, 2, 0x10, GTF_permit_access);
    CU_ASSERT_EQUAL(map(1, 9, HOST | RO, 0x2000, NULL), GNTST_bad_page);
    grant(d1, 9, 2, NR_FRAMES + 5, GTF_permit_access);
    CU_ASSERT_EQUAL(map(1, 9, HOST | RO, 0x2000, NULL), GNTST_bad_page);
    /* A page table of the granter: read-only only. */
    CU_ASSERT_EQUAL(get_page_and_type(mfn_to_page(table), d1,
                                      PGT_l1_page_table), 0);
    grant(d1, 9, 2, table, GTF_permit_access);
    CU_ASSERT_EQUAL(map(1, 9, HOST, 0x2000, NULL), GNTST_general_error);
    CU_ASSERT_EQUAL(map(1, 9, DEV, 0, NULL), GNTST_general_error);
    CU_ASSERT_EQUAL(refs(table), 2);
    CU_ASSERT_EQUAL(entry(d1, 9)->flags, GTF_permit_access);
    CU_ASSERT_EQUAL(map(1, 9, HOST | RO, 0x2000, &h), GNTST_okay);
    CU_ASSERT_EQUAL(unmap(0x2000, 0, h), GNTST_okay);
    put_page_and_type(mfn_to_page(table));
    /* Nowhere to map it: the pins and references are undone. */
    grant(d1, 9, 2, m, GTF_permit_access);
    CU_ASSERT_EQUAL(map(1, 9, HOST, BAD_VA, NULL), GNTST_general_error);
    CU_ASSERT_EQUAL(entry(d1, 9)->flags, GTF_permit_access);
    CU_ASSERT_EQUAL(refs(m), 1);
    CU_ASSERT_EQUAL(types(m), 0);

    /* Pinned for one grantee: the granter switching to another fails. */
    CU_ASSERT_EQUAL(map(1, 9, DEV | RO, 0, &h), GNTST_okay);
    entry(d1, 9)->domid = 0;
    as(d0);
    CU_ASSERT_EQUAL(map(1, 9, DEV | RO, 0, NULL), GNTST_general_error);
    as(d2);
    /* The pin keeps what it checked: the grantee may pin it more. */
    CU_ASSERT_EQUAL(unmap(0, 0x1000, h), GNTST_bad_dev_addr);
    CU_ASSERT_EQUAL(unmap(0, (uint64_t)m << 12, h), GNTST_okay);
    CU_ASSERT_EQUAL(entry(d1, 9)->flags, GTF_permit_access);

    /* Handles that name nothing. */
    CU_ASSERT_EQUAL(unmap(0x2000, 0, 0), GNTST_bad_handle);
    CU_ASSERT_EQUAL(unmap(0x2000, 0, 100000), GNTST_bad_handle);
    CU_ASSERT_EQUAL(unmap(0x2000, 0, ~0U), GNTST_bad_handle);
}

static void test_pin_overflow(void)
{
    static struct gnttab_map_grant_ref m[130];
    mfn_t f = new_frame(d1);

    grant(d1, 10, 2, f, GTF_permit_access);
    as(d2);
    for ( unsigned int i = 0; i < 130; i++ )
        m[i] = (struct gnttab_map_grant_ref){
            .flags = DEV | RO, .ref = 10, .dom = 1,
        };
    CU_ASSERT_EQUAL(op(GNTTABOP_map_grant_ref, m, 130), 0);
    for ( unsigned int i = 0; i < 128; i++ )
        CU_ASSERT_EQUAL(m[i].status, GNTST_okay);
    CU_ASSERT_EQUAL(m[128].status, GNTST_general_error);
    CU_ASSERT_EQUAL(m[129].status, GNTST_general_error);
    CU_ASSERT_EQUAL(refs(f), 129);
    /* Another counter of the same entry is still free. */
    CU_ASSERT_EQUAL(map(1, 10, HOST | RO, 0x2000, NULL), GNTST_okay);
}

static void test_maptrack_exhaustion(void)
{
    mfn_t f = new_frame(d1);
    grant_handle_t h, last = 0;
    unsigned int n = 0;

    /* One maptrack page: 256 handles, the last never handed out. */
    kill_domain(d2);
    free_domain(d2);
    CU_ASSERT_EQUAL_FATAL(make_domain(2, -1, 1, 1), 0);
    grant(d1, 11, 2, f, GTF_permit_access);
    grant(d1, 12, 2, f, GTF_permit_access);
    grant(d1, 13, 2, f, GTF_permit_access);
    as(d2);
    while ( map(1, 11 + n / 100, DEV | RO, 0, &h) == GNTST_okay )
    {
        CU_ASSERT_EQUAL(h, n);
        last = h;
        n++;
    }
    CU_ASSERT_EQUAL(n, 255);
    CU_ASSERT_EQUAL(last, 254);
    CU_ASSERT_EQUAL(map(1, 11, DEV | RO, 0, NULL), GNTST_no_space);
    /* A freed handle goes to the tail: the one kept back comes first. */
    CU_ASSERT_EQUAL(unmap(0, (uint64_t)f << 12, 7), GNTST_okay);
    CU_ASSERT_EQUAL(map(1, 11, DEV | RO, 0, &h), GNTST_okay);
    CU_ASSERT_EQUAL(h, 255);
    CU_ASSERT_EQUAL(map(1, 11, DEV | RO, 0, &h), GNTST_no_space);

    /* No maptrack at all. */
    kill_domain(d0);
    free_domain(d0);
    CU_ASSERT_EQUAL_FATAL(make_domain(0, -1, 0, 1), 0);
    grant(d1, 14, 0, f, GTF_permit_access);
    as(d0);
    CU_ASSERT_EQUAL(map(1, 14, DEV | RO, 0, NULL), GNTST_no_space);
    CU_ASSERT_EQUAL(unmap(0, 0, 0), GNTST_bad_handle);
}

static void test_contains_pte_and_replace(void)
{
    mfn_t f = new_frame(d1), g = new_frame(d2);
    grant_handle_t h;
    struct gnttab_unmap_and_replace r = { 0 };

    grant(d1, 14, 2, f, GTF_permit_access);
    as(d2);
    CU_ASSERT_EQUAL(map(1, 14, HOST | GNTMAP_contains_pte, 0x5008, &h),
                    GNTST_okay);
    /* Replacing needs a virtual address. */
    r = (struct gnttab_unmap_and_replace){
        .host_addr = 0x5008, .new_addr = 0x6000, .handle = h,
    };
    map_own(d2, 0x6000, g, true);
    CU_ASSERT_EQUAL(op(GNTTABOP_unmap_and_replace, &r, 1), 0);
    CU_ASSERT_EQUAL(r.status, GNTST_general_error);
    CU_ASSERT_EQUAL(unmap(0x5008, 0, h), GNTST_okay);

    /* The entry at new_addr moves over the grant mapping. */
    CU_ASSERT_EQUAL(map(1, 14, HOST, 0x7000, &h), GNTST_okay);
    r = (struct gnttab_unmap_and_replace){
        .host_addr = 0x7000, .new_addr = 0x6000, .handle = h,
    };
    CU_ASSERT_EQUAL(op(GNTTABOP_unmap_and_replace, &r, 1), 0);
    CU_ASSERT_EQUAL(r.status, GNTST_okay);
    CU_ASSERT_PTR_NULL(pte_at(d2, 0x6000, false));
    CU_ASSERT_EQUAL(pte_at(d2, 0x7000, false)->mfn, g);
    CU_ASSERT_EQUAL(refs(f), 1);
    CU_ASSERT_EQUAL(refs(g), 2);
    CU_ASSERT_EQUAL(entry(d1, 14)->flags, GTF_permit_access);
}

/* The guest drops a grant mapping itself: the unmap fails, pins stay. */
static void test_implicit_unmap(void)
{
    mfn_t f = new_frame(d1);
    grant_handle_t h;

    grant(d1, 15, 2, f, GTF_permit_access);
    as(d2);
    CU_ASSERT_EQUAL(map(1, 15, HOST, 0x2000, &h), GNTST_okay);
    zap_pte(d2, 0x2000);
    CU_ASSERT_EQUAL(refs(f), 1);
    CU_ASSERT_EQUAL(types(f), 0);
    CU_ASSERT_EQUAL(unmap(0x2000, 0, h), GNTST_general_error);
    CU_ASSERT_EQUAL(entry(d1, 15)->flags, RW_PIN);
    /* Its death releases the pin, and takes nothing more. */
    kill_domain(d2);
    CU_ASSERT_EQUAL(entry(d1, 15)->flags, GTF_permit_access);
    CU_ASSERT_EQUAL(refs(f), 1);
}

/* --- lifetimes ---------------------------------------------------------- */

static void test_granter_dies(void)
{
    mfn_t f = new_frame(d1);
    grant_handle_t hh, hd, h;
    unsigned long free_before;

    grant(d1, 16, 2, f, GTF_permit_access);
    as(d2);
    CU_ASSERT_EQUAL(map(1, 16, HOST, 0x2000, &hh), GNTST_okay);
    CU_ASSERT_EQUAL(map(1, 16, DEV, 0, &hd), GNTST_okay);
    *(uint32_t *)frame_va(f) = 0x5a5a;

    kill_domain(d1);
    /* The frame is still d1's, alive, and so is d1 itself. */
    CU_ASSERT_PTR_EQUAL(mfn_to_page(f)->owner, d1);
    CU_ASSERT_EQUAL(refs(f), 2);
    CU_ASSERT_FALSE(may_free(d1));
    CU_ASSERT_EQUAL(*(uint32_t *)frame_va(f), 0x5a5a);
    /* As on Xen, a dead granter's pinned grant can still be mapped. */
    CU_ASSERT_EQUAL(map(1, 16, HOST | RO, 0x3000, &h), GNTST_okay);
    CU_ASSERT_EQUAL(unmap(0x3000, 0, h), GNTST_okay);

    free_before = free_page_count();
    CU_ASSERT_EQUAL(unmap(0x2000, 0, hh), GNTST_okay);
    CU_ASSERT_FALSE(may_free(d1));
    CU_ASSERT_EQUAL(unmap(0, (uint64_t)f << 12, hd), GNTST_okay);
    /* The last reference freed it. */
    CU_ASSERT_PTR_NULL(mfn_to_page(f)->owner);
    CU_ASSERT_EQUAL(free_page_count(), free_before + 1);
    CU_ASSERT(may_free(d1));
    free_domain(d1);
}

static void test_mapper_dies(void)
{
    mfn_t f = new_frame(d1), g = new_frame(d1);
    grant_handle_t h;

    grant(d1, 17, 2, f, GTF_permit_access);
    grant(d1, 18, 2, g, GTF_permit_access | GTF_readonly);
    as(d2);
    CU_ASSERT_EQUAL(map(1, 17, HOST, 0x2000, &h), GNTST_okay);
    CU_ASSERT_EQUAL(map(1, 17, DEV, 0, &h), GNTST_okay);
    CU_ASSERT_EQUAL(map(1, 18, HOST | DEV | RO, 0x3000, &h), GNTST_okay);
    CU_ASSERT_EQUAL(refs(f), 3);
    CU_ASSERT_EQUAL(types(f), 2);
    CU_ASSERT_EQUAL(refs(g), 3);

    /* Maptrack first, then the page tables: everything comes back. */
    d2->state = DOMAIN_DYING;
    grant_table_relinquish(d2);
    CU_ASSERT_EQUAL(refs(f), 2);
    CU_ASSERT_EQUAL(refs(g), 2);
    CU_ASSERT_EQUAL(entry(d1, 17)->flags, GTF_permit_access);
    CU_ASSERT_EQUAL(entry(d1, 18)->flags, GTF_permit_access | GTF_readonly);
    kill_domain(d2);
    CU_ASSERT_EQUAL(refs(f), 1);
    CU_ASSERT_EQUAL(types(f), 0);
    CU_ASSERT_EQUAL(refs(g), 1);
    free_domain(d2);
    /* The granter can reuse the entries at once. */
    as(d0);
    grant(d1, 17, 0, f, GTF_permit_access);
    CU_ASSERT_EQUAL(map(1, 17, DEV, 0, &h), GNTST_okay);
    CU_ASSERT_EQUAL(unmap(0, (uint64_t)f << 12, h), GNTST_okay);
}

/* A granter that vanished under a maptrack entry: the mapper crashes. */
static void test_vanished_granter(void)
{
    mfn_t f = new_frame(d1);
    grant_handle_t h;

    grant(d1, 19, 2, f, GTF_permit_access);
    as(d2);
    CU_ASSERT_EQUAL(map(1, 19, HOST, 0x2000, &h), GNTST_okay);
    zap_pte(d2, 0x2000);
    kill_domain(d1);
    free_domain(d1);
    if ( !setjmp(crash_jmp) )
    {
        unmap(0x2000, 0, h);
        CU_FAIL("no crash");
    }
    CU_ASSERT_PTR_EQUAL(crashed, d2);
    /* Dying, d2 lets go of the stale entry quietly. */
    kill_domain(d2);
}

/* --- copy and transfer -------------------------------------------------- */

static int copy(uint16_t flags, uint64_t src, domid_t sd, uint16_t so,
                uint64_t dst, domid_t dd, uint16_t dof, uint16_t len)
{
    struct gnttab_copy c = { .flags = flags, .len = len };

    if ( flags & GNTCOPY_source_gref )
        c.source.u.ref = src;
    else
        c.source.u.gmfn = src;
    if ( flags & GNTCOPY_dest_gref )
        c.dest.u.ref = dst;
    else
        c.dest.u.gmfn = dst;
    c.source.domid = sd;
    c.source.offset = so;
    c.dest.domid = dd;
    c.dest.offset = dof;
    CU_ASSERT_EQUAL(op(GNTTABOP_copy, &c, 1), 0);
    return c.status;
}

#define SRC GNTCOPY_source_gref
#define DST GNTCOPY_dest_gref

static void test_copy(void)
{
    mfn_t a = new_frame(d1), b = new_frame(d1), own = new_frame(d2);
    uint8_t *pa = frame_va(a), *pb = frame_va(b), *po = frame_va(own);

    for ( unsigned int i = 0; i < PAGE_SIZE; i++ )
        pa[i] = (uint8_t)(i * 13);
    grant(d1, 20, 2, a, GTF_permit_access | GTF_readonly);
    grant(d1, 21, 2, b, GTF_permit_access);
    as(d2);
    CU_ASSERT_EQUAL(copy(SRC | DST, 20, 1, 10, 21, 1, 20, 100), GNTST_okay);
    CU_ASSERT_EQUAL(memcmp(pb + 20, pa + 10, 100), 0);
    CU_ASSERT_EQUAL(copy(SRC, 20, 1, 0, own, DOMID_SELF, 0, 4096),
                    GNTST_okay);
    CU_ASSERT_EQUAL(memcmp(po, pa, 4096), 0);
    po[5] = 0xee;
    CU_ASSERT_EQUAL(copy(DST, own, DOMID_SELF, 5, 21, 1, 4095, 1),
                    GNTST_okay);
    CU_ASSERT_EQUAL(pb[4095], 0xee);
    /* Nothing stays pinned or referenced. */
    CU_ASSERT_EQUAL(entry(d1, 20)->flags, GTF_permit_access | GTF_readonly);
    CU_ASSERT_EQUAL(entry(d1, 21)->flags, GTF_permit_access);
    CU_ASSERT_EQUAL(refs(a), 1);
    CU_ASSERT_EQUAL(refs(b), 1);
    CU_ASSERT_EQUAL(types(b), 0);

    /* The checks, in Xen's order. */
    CU_ASSERT_EQUAL(copy(0, a, 1, 0, own, DOMID_SELF, 0, 8),
                    GNTST_permission_denied);
    CU_ASSERT_EQUAL(copy(SRC, 20, 1, 0, own, 7, 0, 8), GNTST_bad_domain);
    CU_ASSERT_EQUAL(copy(SRC, 20, 1, 0, own, 2, 0, 8),
                    GNTST_permission_denied);
    CU_ASSERT_EQUAL(copy(SRC | DST, 21, 1, 0, 20, 1, 0, 8),
                    GNTST_general_error);
    CU_ASSERT_EQUAL(copy(SRC | DST, 999, 1, 0, 21, 1, 0, 8),
                    GNTST_bad_gntref);
    CU_ASSERT_EQUAL(copy(0, a, DOMID_SELF, 0, own, DOMID_SELF, 0, 8),
                    GNTST_bad_page);
    CU_ASSERT_EQUAL(copy(SRC | DST, 20, 1, 4000, 21, 1, 0, 97),
                    GNTST_bad_copy_arg);
    CU_ASSERT_EQUAL(copy(SRC | DST, 999, 1, 4000, 21, 1, 0, 97),
                    GNTST_bad_gntref);
    CU_ASSERT_EQUAL(entry(d1, 20)->flags, GTF_permit_access | GTF_readonly);
    CU_ASSERT_EQUAL(entry(d1, 21)->flags, GTF_permit_access);
    CU_ASSERT_EQUAL(refs(a), 1);
    CU_ASSERT_EQUAL(refs(b), 1);
    CU_ASSERT_EQUAL(types(b), 0);

    /* A dying granter's grants may be copied from no more once pinned. */
    {
        grant_handle_t h;

        CU_ASSERT_EQUAL(map(1, 20, DEV | RO, 0, &h), GNTST_okay);
        kill_domain(d1);
        CU_ASSERT_EQUAL(copy(SRC, 20, 1, 0, own, DOMID_SELF, 0, 8),
                        GNTST_bad_domain);
        CU_ASSERT_EQUAL(unmap(0, (uint64_t)a << 12, h), GNTST_okay);
    }
}

static void test_transfer(void)
{
    mfn_t f = new_frame(d2), busy = new_frame(d2);
    struct gnttab_transfer t = { .mfn = f, .domid = 1, .ref = 22 };
    unsigned long t1 = d1->tot_pages, t2 = d2->tot_pages;

    grant(d1, 22, 2, 0x77, GTF_accept_transfer);
    as(d2);
    CU_ASSERT_EQUAL(op(GNTTABOP_transfer, &t, 1), 0);
    CU_ASSERT_EQUAL(t.status, GNTST_okay);
    CU_ASSERT_PTR_EQUAL(mfn_to_page(f)->owner, d1);
    CU_ASSERT_EQUAL(d1->tot_pages, t1 + 1);
    CU_ASSERT_EQUAL(d2->tot_pages, t2 - 1);
    CU_ASSERT_EQUAL(entry(d1, 22)->frame, f);
    CU_ASSERT_EQUAL(entry(d1, 22)->flags, GTF_accept_transfer |
                    GTF_transfer_committed | GTF_transfer_completed);
    CU_ASSERT_EQUAL(m2p[f], 0x77);

    /* Refusals before the frame is taken lose nothing. */
    map_own(d2, 0x2000, busy, false);
    t = (struct gnttab_transfer){ .mfn = busy, .domid = 1, .ref = 23 };
    CU_ASSERT_EQUAL(op(GNTTABOP_transfer, &t, 1), 0);
    CU_ASSERT_EQUAL(t.status, GNTST_bad_page);
    t.mfn = f;
    CU_ASSERT_EQUAL(op(GNTTABOP_transfer, &t, 1), 0);
    CU_ASSERT_EQUAL(t.status, GNTST_bad_page);
    CU_ASSERT_EQUAL(d2->tot_pages, t2 - 1);
    /* After it, they free it. */
    zap_pte(d2, 0x2000);
    t.mfn = busy;
    CU_ASSERT_EQUAL(op(GNTTABOP_transfer, &t, 1), 0);
    CU_ASSERT_EQUAL(t.status, GNTST_general_error);
    CU_ASSERT_EQUAL(d2->tot_pages, t2 - 2);
    CU_ASSERT_PTR_NULL(mfn_to_page(busy)->owner);
    /* A full receiver. */
    grant(d1, 23, 2, 0x78, GTF_accept_transfer);
    d1->max_pages = d1->tot_pages;
    t = (struct gnttab_transfer){ .mfn = new_frame(d2), .domid = 1,
                                  .ref = 23 };
    CU_ASSERT_EQUAL(op(GNTTABOP_transfer, &t, 1), 0);
    CU_ASSERT_EQUAL(t.status, GNTST_general_error);
    CU_ASSERT_EQUAL(entry(d1, 23)->flags, GTF_accept_transfer);
}

static void test_cache_flush(void)
{
    mfn_t f = new_frame(d1);
    grant_handle_t h;
    struct gnttab_cache_flush c = {
        .a.dev_bus_addr = (uint64_t)f << 12, .length = 64,
        .op = GNTTAB_CACHE_CLEAN,
    };

    as(d2);
    /* Someone else's frame: only if it is mapped through a grant. */
    CU_ASSERT_EQUAL(op(GNTTABOP_cache_flush, &c, 1), -EINVAL);
    grant(d1, 31, 2, f, GTF_permit_access);
    CU_ASSERT_EQUAL(map(1, 31, DEV, 0, &h), GNTST_okay);
    cache_cleans = 0;
    CU_ASSERT_EQUAL(op(GNTTABOP_cache_flush, &c, 1), 0);
    CU_ASSERT_EQUAL(cache_cleans, 1);
    c.op = GNTTAB_CACHE_INVAL;
    CU_ASSERT_EQUAL(op(GNTTABOP_cache_flush, &c, 1), -EOPNOTSUPP);
    CU_ASSERT_EQUAL(unmap(0, (uint64_t)f << 12, h), GNTST_okay);
    CU_ASSERT_EQUAL(refs(f), 1);
}

/* --- a random walk against a model -------------------------------------- */

#define WALK_REFS   6
#define WALK_MAPS   48

struct walk_map
{
    bool live;
    domid_t mapper, granter;
    grant_ref_t ref;
    uint32_t flags;
    uint64_t addr;
    grant_handle_t handle;
};

static struct walk_map walk[WALK_MAPS];
static mfn_t walk_frame[NR_DOMS][WALK_REFS];

/* The references, pins and flags the live mappings imply. */
static void walk_check(void)
{
    for ( unsigned int g = 1; g < NR_DOMS; g++ )
        for ( unsigned int r = 0; r < WALK_REFS; r++ )
        {
            mfn_t m = walk_frame[g][r];
            unsigned long nref = 1, ntype = 0, readers = 0, writers = 0;
            uint16_t want = GTF_permit_access;

            for ( unsigned int i = 0; i < WALK_MAPS; i++ )
            {
                const struct walk_map *w = &walk[i];
                bool ro = w->flags & RO;
                unsigned int uses = !!(w->flags & HOST) +
                                    !!(w->flags & DEV);

                if ( !w->live || w->granter != g || w->ref != r )
                    continue;
                nref += uses;
                ntype += ro ? 0 : uses;
                readers++;
                writers += !ro;
            }
            if ( readers )
                want |= GTF_reading;
            if ( writers )
                want |= GTF_writing;
            CU_ASSERT_EQUAL(refs(m), nref);
            CU_ASSERT_EQUAL(types(m), ntype);
            CU_ASSERT_EQUAL(entry(&doms[g], r)->flags, want);
        }
}

static void test_random_walk(void)
{
    unsigned int seed = 12345;
    uint64_t next_addr = 0x100000;

    memset(walk, 0, sizeof(walk));
    for ( unsigned int g = 1; g < NR_DOMS; g++ )
        for ( unsigned int r = 0; r < WALK_REFS; r++ )
        {
            walk_frame[g][r] = new_frame(&doms[g]);
            /* Both others may use it. */
            grant(&doms[g], r, 3 - g, walk_frame[g][r], GTF_permit_access);
        }

    for ( unsigned int step = 0; step < 3000; step++ )
    {
        struct walk_map *w = &walk[rand_r(&seed) % WALK_MAPS];

        if ( !w->live )
        {
            static const uint32_t kinds[] = {
                HOST, HOST | RO, DEV, DEV | RO, HOST | DEV, HOST | DEV | RO,
            };

            w->mapper = 1 + rand_r(&seed) % 2;
            w->granter = 3 - w->mapper;
            w->ref = rand_r(&seed) % WALK_REFS;
            w->flags = kinds[rand_r(&seed) % ARRAY_SIZE(kinds)];
            w->addr = (w->flags & HOST) ? (next_addr += 0x1000) : 0;
            as(&doms[w->mapper]);
            CU_ASSERT_EQUAL(map(w->granter, w->ref, w->flags, w->addr,
                                &w->handle), GNTST_okay);
            w->live = true;
        }
        else
        {
            uint64_t bus = (uint64_t)walk_frame[w->granter][w->ref] << 12;

            as(&doms[w->mapper]);
            /* Sometimes one half first. */
            if ( (w->flags & HOST) && (w->flags & DEV) &&
                 rand_r(&seed) % 2 )
            {
                CU_ASSERT_EQUAL(unmap(w->addr, 0, w->handle), GNTST_okay);
                w->flags &= ~HOST;
            }
            else
            {
                CU_ASSERT_EQUAL(unmap((w->flags & HOST) ? w->addr : 0,
                                      (w->flags & DEV) ? bus : 0,
                                      w->handle), GNTST_okay);
                w->live = false;
            }
        }
        /* A copy now and then must leave no trace. */
        if ( step % 7 == 0 )
        {
            as(d1);
            copy(SRC, step % WALK_REFS, 2, 0, walk_frame[1][0], DOMID_SELF,
                 0, 64);
        }
        walk_check();
        if ( CU_get_number_of_failures() )
            break;
    }
    /* Mapper deaths undo the rest. */
    kill_domain(d1);
    kill_domain(d2);
    CU_ASSERT(may_free(d1));
    CU_ASSERT(may_free(d2));
}

static CU_TestInfo tests[] = {
    { "init: limits and rollback", test_init_limits },
    { "setup_table grows, frames are lent", test_setup_grow },
    { "map/unmap: references and flags", test_map_refs },
    { "map: hostile references", test_map_hostile },
    { "pin counters stop before overflow", test_pin_overflow },
    { "maptrack exhaustion and reuse order", test_maptrack_exhaustion },
    { "PTE addresses and unmap_and_replace", test_contains_pte_and_replace },
    { "implicit unmap", test_implicit_unmap },
    { "granter dies while mapped", test_granter_dies },
    { "mapper dies while mapping", test_mapper_dies },
    { "vanished granter crashes the mapper", test_vanished_granter },
    { "copy", test_copy },
    { "transfer", test_transfer },
    { "cache flush", test_cache_flush },
    { "random walk against a model", test_random_walk },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "grant tables", suite_init, NULL, setup, teardown, tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
