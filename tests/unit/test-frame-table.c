/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the PV MMU's reference-count model (arch/x86/mm/): the
 * type state machine, pins, validation and its rollback, devalidation,
 * linear tables, the mmu_update/mmuext_op batch rules, ballooning, and a
 * random walk audited after every step.  Frames are an arena of host
 * memory; one privileged domain with one VCPU does everything.
 */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/mm.h>
#include <hv/page-alloc.h>
#include <asm/mm.h>
#include <public/xen.h>
#include <public/memory.h>

#include "harness/harness.h"

#include "mm-env.h"

long arch_memory_op(unsigned long cmd, guest_va_t arg)
{
    return -ENOSYS;
}

static int setup(void)
{
    /* dom0 may map low I/O frames here (the MMIO tests need it). */
    mm_env_privileged_iomem = true;
    return mm_env_init(200, true);
}

/* --- helpers ------------------------------------------------------------ */

#define DATA    (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define TABLE   (DATA | _PAGE_USER)
#define RO      (_PAGE_PRESENT | _PAGE_ACCESSED)

static mfn_t new_frame(void)
{
    struct page_info *pg = alloc_domheap_pages(&dom, 0, 0);

    CU_ASSERT_PTR_NOT_NULL_FATAL(pg);
    return page_to_mfn(pg);
}

static uint64_t *entries(mfn_t mfn)
{
    return frame_va(mfn);
}

static unsigned long typecount(mfn_t mfn)
{
    return mfn_to_page(mfn)->type_info & PGT_count_mask;
}

static unsigned long refcount(mfn_t mfn)
{
    return mfn_to_page(mfn)->count_info & PGC_count_mask;
}

static long ext(unsigned int cmd, mfn_t mfn)
{
    struct mmuext_op op = { .cmd = cmd };

    op.arg1.mfn = mfn;
    return do_mmuext_op((unsigned long)&op, 1, 0, DOMID_SELF);
}

static long update(mfn_t table, unsigned int slot, uint64_t val)
{
    struct mmu_update req = { (table << 12) + slot * 8, val };

    return do_mmu_update((unsigned long)&req, 1, 0, DOMID_SELF);
}

/* Everything the domain owns must be back to its allocation only. */
static void assert_all_idle(void)
{
    for ( mfn_t m = FIRST_RAM; m < NR_FRAMES; m++ )
    {
        struct page_info *pg = mfn_to_page(m);

        if ( pg->owner != &dom )
            continue;
        CU_ASSERT_EQUAL(pg->count_info, PGC_allocated | 1);
        CU_ASSERT_EQUAL(typecount(m), 0);
        CU_ASSERT_EQUAL(pg->linear_pt_count, 0);
    }
    CU_ASSERT_EQUAL(mm_audit_domain(&dom, true), 0);
    CU_ASSERT_EQUAL(mm_nr_errors, 0);
}

static void free_all(void)
{
    for ( mfn_t m = FIRST_RAM; m < NR_FRAMES; m++ )
        if ( mfn_to_page(m)->owner == &dom )
            put_page_alloc_ref(mfn_to_page(m));
    CU_ASSERT_EQUAL(dom.tot_pages, 0);
}

/* --- tests -------------------------------------------------------------- */

static void test_init(void)
{
    CU_ASSERT_PTR_EQUAL(mfn_to_page(0)->owner, dom_io);
    CU_ASSERT_PTR_EQUAL(mfn_to_page(0xff)->owner, dom_io);
    CU_ASSERT_PTR_NULL(mfn_to_page(0x100)->owner);
    CU_ASSERT_EQUAL(refcount(0x100), 0);
    CU_ASSERT_PTR_NULL(page_get_owner_and_reference(mfn_to_page(0x100)));
    CU_ASSERT_FALSE(get_page(mfn_to_page(0xb8), &dom));
}

static void test_alloc_scrub(void)
{
    mfn_t a = new_frame(), b;
    unsigned long free0 = free_page_count();

    CU_ASSERT_EQUAL(dom.tot_pages, 1);
    CU_ASSERT_PTR_EQUAL(mfn_to_page(a)->owner, &dom);
    memset(frame_va(a), 0x5a, PAGE_SIZE);
    /* A reference of a mapping keeps the frame after the owner drops it. */
    CU_ASSERT_TRUE(get_page(mfn_to_page(a), &dom));
    CU_ASSERT_TRUE(put_page_alloc_ref(mfn_to_page(a)));
    CU_ASSERT_FALSE(put_page_alloc_ref(mfn_to_page(a)));
    CU_ASSERT_EQUAL(dom.tot_pages, 1);
    put_page(mfn_to_page(a));
    CU_ASSERT_EQUAL(dom.tot_pages, 0);
    CU_ASSERT_EQUAL(free_page_count(), free0 + 1);
    CU_ASSERT_PTR_NULL(mfn_to_page(a)->owner);
    /* Given back scrubbed, handed out zeroed. */
    CU_ASSERT_EQUAL(entries(a)[17], 0);
    b = new_frame();
    CU_ASSERT_EQUAL(b, a);
    CU_ASSERT_EQUAL(entries(b)[100], 0);
    /* The quota. */
    dom.max_pages = 1;
    CU_ASSERT_PTR_NULL(alloc_domheap_pages(&dom, 0, 0));
    dom.max_pages = 200;
    free_all();
}

static void test_type_exclusive(void)
{
    mfn_t a = new_frame();
    struct page_info *pg = mfn_to_page(a);
    unsigned long flushes;

    CU_ASSERT_EQUAL(get_page_and_type(pg, &dom, PGT_writable_page), 0);
    CU_ASSERT_EQUAL(get_page_type(pg, PGT_l1_page_table), -EINVAL);
    CU_ASSERT_EQUAL(get_page_type(pg, PGT_writable_page), 0);
    CU_ASSERT_EQUAL(typecount(a), 2);
    put_page_type(pg);
    put_page_and_type(pg);
    CU_ASSERT_EQUAL(typecount(a), 0);
    /* The type changes once no reference is left, after a TLB flush. */
    flushes = mm_nr_tlb_flushes;
    CU_ASSERT_EQUAL(get_page_and_type(pg, &dom, PGT_l1_page_table), 0);
    CU_ASSERT(mm_nr_tlb_flushes > flushes);
    CU_ASSERT_EQUAL(get_page_type(pg, PGT_writable_page), -EINVAL);
    CU_ASSERT_EQUAL(get_page_type(pg, PGT_l2_page_table), -EINVAL);
    put_page_and_type(pg);
    assert_all_idle();
    free_all();
}

/* L4 -> L3 -> L2 -> L1 -> data, pinned at the top and released. */
static void test_tree(void)
{
    mfn_t l4 = new_frame(), l3 = new_frame(), l2 = new_frame();
    mfn_t l1 = new_frame(), data = new_frame();

    entries(l4)[3] = (l3 << 12) | TABLE;
    entries(l3)[4] = (l2 << 12) | TABLE;
    entries(l2)[5] = (l1 << 12) | TABLE;
    entries(l1)[6] = (data << 12) | DATA;
    entries(l1)[7] = (data << 12) | RO;
    entries(l1)[8] = (l1 << 12) | RO;
    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L4_TABLE, l4), 0);
    CU_ASSERT_EQUAL(typecount(l4), 1);
    CU_ASSERT_EQUAL(typecount(l1), 1);
    CU_ASSERT_EQUAL(typecount(data), 1);
    CU_ASSERT_EQUAL(refcount(data), 3);
    CU_ASSERT_EQUAL(refcount(l1), 3);
    /* The hypervisor's slots, and the guest kernel's user bit. */
    CU_ASSERT_EQUAL(entries(l4)[261], idle_pg_table[261]);
    CU_ASSERT(!!(entries(l1)[6] & _PAGE_USER));
    CU_ASSERT_EQUAL(mm_audit_domain(&dom, true), 0);
    /* Nothing in the tree may now be mapped writable, nor repurposed. */
    CU_ASSERT_EQUAL(update(l1, 9, (l2 << 12) | DATA), -EBUSY);
    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L1_TABLE, l2), -EINVAL);
    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L4_TABLE, l4), -EINVAL);
    CU_ASSERT_EQUAL(ext(MMUEXT_UNPIN_TABLE, l1), -EINVAL);
    /* Entry changes keep the counts exact. */
    CU_ASSERT_EQUAL(update(l1, 6, 0), 0);
    CU_ASSERT_EQUAL(typecount(data), 0);
    CU_ASSERT_EQUAL(update(l2, 6, (l1 << 12) | TABLE), 0);
    CU_ASSERT_EQUAL(typecount(l1), 2);
    CU_ASSERT_EQUAL(mm_audit_domain(&dom, true), 0);
    CU_ASSERT_EQUAL(ext(MMUEXT_UNPIN_TABLE, l4), 0);
    assert_all_idle();
    free_all();
}

/* A failure deep down leaves no reference behind. */
static void test_rollback(void)
{
    mfn_t l2 = new_frame(), bad = new_frame(), l1[4];

    for ( unsigned int i = 0; i < 4; i++ )
    {
        l1[i] = new_frame();
        entries(l2)[i] = (l1[i] << 12) | TABLE;
        entries(l1[i])[0] = (bad << 12) | RO;
    }
    /* The last L1 maps a frame of nobody's. */
    entries(l1[3])[1] = (0x3ffUL << 12) | RO;
    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L2_TABLE, l2), -EBUSY);
    assert_all_idle();
    /* And a writable mapping of a table-to-be fails by its type. */
    entries(l1[3])[1] = (l1[0] << 12) | DATA;
    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L2_TABLE, l2), -EBUSY);
    assert_all_idle();
    entries(l1[3])[1] = (l1[0] << 12) | RO;
    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L2_TABLE, l2), 0);
    CU_ASSERT_EQUAL(refcount(bad), 5);
    CU_ASSERT_EQUAL(ext(MMUEXT_UNPIN_TABLE, l2), 0);
    assert_all_idle();
    free_all();
}

static void test_linear(void)
{
    mfn_t x = new_frame(), y = new_frame(), z = new_frame(), w = new_frame();
    const uint64_t ro = RO | _PAGE_USER;

    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L2_TABLE, x), 0);
    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L2_TABLE, y), 0);
    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L2_TABLE, z), 0);
    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L2_TABLE, w), 0);
    CU_ASSERT_EQUAL(update(x, 0, (x << 12) | ro | _PAGE_RW), -EINVAL);
    CU_ASSERT_EQUAL(update(x, 0, (x << 12) | ro), 0);
    CU_ASSERT_EQUAL(update(x, 1, (y << 12) | ro), 0);
    CU_ASSERT_EQUAL(mfn_to_page(x)->linear_pt_count, 1);
    CU_ASSERT_EQUAL(mfn_to_page(y)->linear_pt_count, -1);
    CU_ASSERT_EQUAL(update(y, 1, (z << 12) | ro), -EINVAL);
    CU_ASSERT_EQUAL(update(w, 1, (x << 12) | ro), -EINVAL);
    CU_ASSERT_EQUAL(update(w, 2, (y << 12) | ro), 0);
    CU_ASSERT_EQUAL(typecount(y), 3);
    CU_ASSERT_EQUAL(mm_audit_domain(&dom, true), 0);
    /* Devalidating x gives y its references back, linear counts too. */
    CU_ASSERT_EQUAL(ext(MMUEXT_UNPIN_TABLE, x), 0);
    CU_ASSERT_EQUAL(mfn_to_page(y)->linear_pt_count, -1);
    CU_ASSERT_EQUAL(ext(MMUEXT_UNPIN_TABLE, w), 0);
    CU_ASSERT_EQUAL(ext(MMUEXT_UNPIN_TABLE, y), 0);
    CU_ASSERT_EQUAL(ext(MMUEXT_UNPIN_TABLE, z), 0);
    assert_all_idle();
    free_all();
}

static void test_batches(void)
{
    mfn_t l1 = new_frame(), data = new_frame(), t = new_frame();
    struct mmu_update req[4];
    struct mmuext_op op[3];
    unsigned int done = 77;

    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L1_TABLE, l1), 0);
    for ( unsigned int i = 0; i < 4; i++ )
    {
        req[i].ptr = (l1 << 12) + i * 8;
        req[i].val = (data << 12) | DATA;
    }
    req[2].val = (0x3ffUL << 12) | DATA;
    CU_ASSERT_EQUAL(do_mmu_update((unsigned long)req, 4,
                                  (unsigned long)&done, DOMID_SELF), -EBUSY);
    CU_ASSERT_EQUAL(done, 2);
    CU_ASSERT_EQUAL(typecount(data), 2);
    CU_ASSERT_EQUAL(entries(l1)[3], 0);
    req[1].ptr |= 7;
    CU_ASSERT_EQUAL(do_mmu_update((unsigned long)req, 4,
                                  (unsigned long)&done, DOMID_SELF), -ENOSYS);
    CU_ASSERT_EQUAL(done, 1);
    CU_ASSERT_EQUAL(do_mmu_update(0, 1, (unsigned long)&done, DOMID_SELF),
                    -EFAULT);
    CU_ASSERT_EQUAL(done, 0);
    CU_ASSERT_EQUAL(do_mmu_update((unsigned long)req, 1, 0, 0), -ESRCH);
    /* An untyped frame takes a plain write. */
    CU_ASSERT_EQUAL(update(t, 5, 0x1234), 0);
    CU_ASSERT_EQUAL(entries(t)[5], 0x1234);

    memset(op, 0, sizeof(op));
    op[0].cmd = MMUEXT_TLB_FLUSH_LOCAL;
    op[1].cmd = MMUEXT_PIN_L2_TABLE;
    op[1].arg1.mfn = t;
    op[2].cmd = MMUEXT_PIN_L1_TABLE;
    op[2].arg1.mfn = data;
    CU_ASSERT_EQUAL(do_mmuext_op((unsigned long)op, 3, (unsigned long)&done,
                                 DOMID_SELF), -EINVAL);
    CU_ASSERT_EQUAL(done, 2);
    CU_ASSERT(!!(mfn_to_page(t)->type_info & PGT_pinned));
    CU_ASSERT_EQUAL(ext(MMUEXT_UNPIN_TABLE, t), 0);
    CU_ASSERT_EQUAL(ext(MMUEXT_UNPIN_TABLE, l1), 0);
    assert_all_idle();
    free_all();
}

static void test_base_pointers(void)
{
    mfn_t a = new_frame(), b = new_frame();

    CU_ASSERT_EQUAL(ext(MMUEXT_NEW_BASEPTR, a), 0);
    CU_ASSERT_EQUAL(vcpu0.arch.guest_table, a << 12);
    CU_ASSERT_EQUAL(mm_test_root, a << 12);
    CU_ASSERT_EQUAL(typecount(a), 1);
    CU_ASSERT_EQUAL(ext(MMUEXT_NEW_USER_BASEPTR, b), 0);
    CU_ASSERT_EQUAL(ext(MMUEXT_NEW_BASEPTR, b), 0);
    CU_ASSERT_EQUAL(typecount(a), 0);
    CU_ASSERT_EQUAL(typecount(b), 2);
    CU_ASSERT_EQUAL(mm_audit_domain(&dom, true), 0);
    CU_ASSERT_EQUAL(ext(MMUEXT_NEW_USER_BASEPTR, 0), 0);
    CU_ASSERT_EQUAL(typecount(b), 1);
    /* A table cannot be given back while it is the base pointer. */
    CU_ASSERT_TRUE(put_page_alloc_ref(mfn_to_page(b)));
    CU_ASSERT_EQUAL(dom.tot_pages, 2);
    CU_ASSERT_EQUAL(ext(MMUEXT_NEW_BASEPTR, a), 0);
    CU_ASSERT_EQUAL(dom.tot_pages, 1);
    CU_ASSERT_PTR_NULL(mfn_to_page(b)->owner);
    CU_ASSERT_EQUAL(ext(MMUEXT_NEW_BASEPTR, b), -EINVAL);
    /* Drop the last base pointer by hand, as domain teardown does. */
    put_page_and_type(mfn_to_page(a));
    vcpu0.arch.guest_table = 0;
    assert_all_idle();
    free_all();
}

static void test_steal(void)
{
    mfn_t a = new_frame();

    CU_ASSERT_TRUE(get_page(mfn_to_page(a), &dom));
    CU_ASSERT_EQUAL(steal_page(&dom, mfn_to_page(a)), -EINVAL);
    put_page(mfn_to_page(a));
    CU_ASSERT_EQUAL(steal_page(&dom, mfn_to_page(a)), 0);
    CU_ASSERT_EQUAL(dom.tot_pages, 0);
    CU_ASSERT_PTR_NULL(mfn_to_page(a)->owner);
    free_unowned_frame(a);
}

/* Random operations on a small pool; the audit must hold after each. */
static uint64_t rng = 88172645463325252ULL;

static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void test_random_walk(void)
{
    enum { POOL = 10 };
    mfn_t pool[POOL];
    static const uint64_t flag_sets[] = {
        DATA, RO, TABLE, RO | _PAGE_USER, DATA | _PAGE_PSE, DATA | _PAGE_PCD,
        0, DATA | _PAGE_GLOBAL,
    };
    unsigned long problems = 0;

    for ( unsigned int i = 0; i < POOL; i++ )
        pool[i] = new_frame();
    for ( unsigned int step = 0; step < 4000; step++ )
    {
        uint64_t r = rnd();
        mfn_t f = pool[r % POOL], g = pool[(r >> 8) % POOL];

        switch ( (r >> 16) % 5 )
        {
        case 0: case 1:
            update(f, (r >> 24) % 4,
                   (g << 12) | flag_sets[(r >> 32) % 8]);
            break;
        case 2:
            ext(MMUEXT_PIN_L1_TABLE + (r >> 24) % 4, f);
            break;
        case 3:
            ext(MMUEXT_UNPIN_TABLE, f);
            break;
        default:
            ext((r >> 24) & 1 ? MMUEXT_NEW_USER_BASEPTR : MMUEXT_CLEAR_PAGE,
                f);
            break;
        }
        problems += mm_audit_domain(&dom, true);
    }
    CU_ASSERT_EQUAL(problems, 0);
    ext(MMUEXT_NEW_USER_BASEPTR, 0);
    for ( unsigned int i = 0; i < POOL; i++ )
        ext(MMUEXT_UNPIN_TABLE, pool[i]);
    assert_all_idle();
    free_all();
}

static long reservation(unsigned int cmd, xen_pfn_t *list, unsigned long n,
                        unsigned int order)
{
    struct xen_memory_reservation r = {
        .nr_extents = n, .extent_order = order, .domid = DOMID_SELF,
    };

    set_xen_guest_handle(r.extent_start, list);
    return do_memory_op(cmd, (unsigned long)&r);
}

/* Reservations: frames given back leave when their last mapping does. */
static void test_reservations(void)
{
    mfn_t l1 = new_frame(), a = new_frame(), b = new_frame();
    xen_pfn_t list[3];
    domid_t self = DOMID_SELF;

    dom.max_pages = 3;
    CU_ASSERT_EQUAL(do_memory_op(XENMEM_current_reservation,
                                 (unsigned long)&self), 3);
    CU_ASSERT_EQUAL(reservation(XENMEM_increase_reservation, list, 1, 0), 0);
    CU_ASSERT_EQUAL(ext(MMUEXT_PIN_L1_TABLE, l1), 0);
    CU_ASSERT_EQUAL(update(l1, 0, (a << 12) | DATA), 0);
    list[0] = a;
    list[1] = b;
    list[2] = 0x3ff;
    CU_ASSERT_EQUAL(reservation(XENMEM_decrease_reservation, list, 3, 0), 2);
    CU_ASSERT_EQUAL(dom.tot_pages, 2);
    CU_ASSERT_PTR_NULL(mfn_to_page(b)->owner);
    /* a is still mapped: it stays (and still counts) until unmapped. */
    CU_ASSERT_PTR_EQUAL(mfn_to_page(a)->owner, &dom);
    CU_ASSERT_EQUAL(reservation(XENMEM_decrease_reservation, list, 1, 0), 1);
    CU_ASSERT_EQUAL(update(l1, 0, 0), 0);
    CU_ASSERT_EQUAL(dom.tot_pages, 1);
    CU_ASSERT_PTR_NULL(mfn_to_page(a)->owner);
    CU_ASSERT_EQUAL(reservation(XENMEM_decrease_reservation, list, 1, 0), 0);
    /* Back in: populate writes the M2P, increase only reports frames. */
    list[0] = 0x42;
    CU_ASSERT_EQUAL(reservation(XENMEM_populate_physmap, list, 1, 0), 1);
    CU_ASSERT_EQUAL(m2p[list[0]], 0x42);
    CU_ASSERT_EQUAL(reservation(XENMEM_increase_reservation, list, 2, 0), 1);
    CU_ASSERT_EQUAL(dom.tot_pages, 3);
    CU_ASSERT_EQUAL(ext(MMUEXT_UNPIN_TABLE, l1), 0);
    assert_all_idle();
    free_all();
    dom.max_pages = 200;
}

/* Exchange: the frames offered go, others come, the count is kept. */
static void test_exchange(void)
{
    mfn_t a = new_frame(), b = new_frame(), c = new_frame();
    xen_pfn_t in[2] = { a, b }, out[1] = { 0x77 };
    struct xen_memory_exchange x;

    memset(&x, 0, sizeof(x));
    set_xen_guest_handle(x.in.extent_start, in);
    x.in.nr_extents = 2;
    x.in.domid = DOMID_SELF;
    set_xen_guest_handle(x.out.extent_start, out);
    x.out.nr_extents = 1;
    x.out.extent_order = 1;
    x.out.domid = DOMID_SELF;
    CU_ASSERT_EQUAL(do_memory_op(XENMEM_exchange, (unsigned long)&x), 0);
    CU_ASSERT_EQUAL(x.nr_exchanged, 2);
    CU_ASSERT_EQUAL(out[0] & 1, 0);
    CU_ASSERT_EQUAL(m2p[out[0] + 1], 0x78);
    CU_ASSERT_EQUAL(dom.tot_pages, 3);
    CU_ASSERT_PTR_EQUAL(mfn_to_page(out[0])->owner, &dom);
    /* A frame in use is refused, and the offer is given back. */
    in[0] = out[0];
    in[1] = c;
    CU_ASSERT_TRUE(get_page(mfn_to_page(c), &dom));
    x.nr_exchanged = 0;
    CU_ASSERT_EQUAL(do_memory_op(XENMEM_exchange, (unsigned long)&x),
                    -EINVAL);
    CU_ASSERT_EQUAL(x.nr_exchanged, 0);
    CU_ASSERT_PTR_EQUAL(mfn_to_page(in[0])->owner, &dom);
    CU_ASSERT_EQUAL(dom.tot_pages, 3);
    put_page(mfn_to_page(c));
    assert_all_idle();
    free_all();
}

/* A claim keeps free frames for its domain, against everyone else. */
static void test_claims(void)
{
    static struct domain other = { .domain_id = 1, .max_pages = NR_FRAMES };
    unsigned long free0 = free_page_count(), got = 0;
    struct page_info *pg;

    CU_ASSERT_EQUAL(domain_set_claim(&dom, 0), 0);
    CU_ASSERT_EQUAL(domain_set_claim(&dom, dom.max_pages + 1), -EINVAL);
    CU_ASSERT_EQUAL(domain_set_claim(&dom, 100), 0);
    CU_ASSERT_EQUAL(dom.outstanding_pages, 100);
    /* One claim at a time. */
    CU_ASSERT_EQUAL(domain_set_claim(&dom, 120), -EINVAL);
    /* Another domain gets all the free frames but the claimed ones. */
    while ( (pg = alloc_domheap_pages(&other, 0, 0)) )
        got++;
    CU_ASSERT_EQUAL(got, free0 - 100);
    CU_ASSERT_EQUAL(domain_set_claim(&other, 50), -EINVAL);
    /* The claimer still gets what it was promised, and the claim shrinks. */
    for ( unsigned int i = 0; i < 60; i++ )
        CU_ASSERT_PTR_NOT_NULL(alloc_domheap_pages(&dom, 0, 0));
    CU_ASSERT_EQUAL(dom.outstanding_pages, 40);
    /* Cancelled, the rest goes to whoever asks first. */
    CU_ASSERT_EQUAL(domain_set_claim(&dom, 0), 0);
    CU_ASSERT_PTR_NOT_NULL(alloc_domheap_pages(&other, 0, 0));
    for ( mfn_t m = FIRST_RAM; m < NR_FRAMES; m++ )
        if ( mfn_to_page(m)->owner == &other )
            put_page_alloc_ref(mfn_to_page(m));
    CU_ASSERT_EQUAL(other.tot_pages, 0);
    free_all();
    CU_ASSERT_EQUAL(free_page_count(), free0);
}

static CU_TestInfo tests[] = {
    { "init", test_init },
    { "alloc and scrub", test_alloc_scrub },
    { "types exclude each other", test_type_exclusive },
    { "validate and devalidate a tree", test_tree },
    { "failed validation leaves nothing", test_rollback },
    { "linear tables", test_linear },
    { "batches stop at the first failure", test_batches },
    { "base pointers", test_base_pointers },
    { "steal_page", test_steal },
    { "random walk, audited", test_random_walk },
    { "reservations", test_reservations },
    { "exchange", test_exchange },
    { "claims", test_claims },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "frame table", setup, NULL, NULL, NULL, tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
