/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the continuations of mmu_update, mmuext_op and memory_op
 * (arch/x86/mm/mmu-ops.c, common/memory.c): the preemption check answers
 * by a script (stop every k-th time it is asked), the continuation is
 * recorded, and the "guest" issues it again until the call completes.
 * Whatever the script, the outcome must be that of the call never
 * stopped; stopping at every chance makes each piece one item long.
 */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/continuation.h>
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
    return mm_env_init(600, true);
}

/* --- scripted preemption ------------------------------------------------ */

static unsigned int every;          /* stop every k-th check (0: never) */
static unsigned int asked;

static struct
{
    bool made;
    unsigned int op, nr;
    unsigned long args[HYPERCALL_MAX_ARGS];
} cont;

bool hypercall_preempt_check(void)
{
    return every && ++asked % every == 0;
}

long hypercall_create_continuation(unsigned int op, unsigned int nr,
                                   const unsigned long args[])
{
    CU_ASSERT_FALSE(cont.made);
    CU_ASSERT(nr <= HYPERCALL_MAX_ARGS);
    cont.made = true;
    cont.op = op;
    cont.nr = nr;
    memcpy(cont.args, args, nr * sizeof(args[0]));
    return op;
}

void hypercall_cancel_continuation(void)
{
    cont.made = false;
}

/* The guest's registers: the arguments a continuation did not rewrite stay. */
struct call
{
    unsigned int op;
    unsigned long a[HYPERCALL_MAX_ARGS];
};

static long issue(struct call *c)
{
    switch ( c->op )
    {
    case __HYPERVISOR_mmu_update:
        return do_mmu_update(c->a[0], (unsigned int)c->a[1], c->a[2],
                             (unsigned int)c->a[3]);
    case __HYPERVISOR_mmuext_op:
        return do_mmuext_op(c->a[0], (unsigned int)c->a[1], c->a[2],
                            (unsigned int)c->a[3]);
    case __HYPERVISOR_memory_op:
        return do_memory_op(c->a[0], c->a[1]);
    }
    CU_FAIL("no such call");
    return -ENOSYS;
}

/* Issue c, and again as long as it continues; *pieces: how many runs. */
static long run(struct call c, unsigned int *pieces)
{
    long rc;

    *pieces = 0;
    for ( ;; )
    {
        cont.made = false;
        asked = 0;
        rc = issue(&c);
        ++*pieces;
        if ( !cont.made )
            return rc;
        CU_ASSERT_EQUAL(rc, cont.op);
        CU_ASSERT_EQUAL(cont.op, c.op);
        for ( unsigned int i = 0; i < cont.nr; i++ )
            c.a[i] = cont.args[i];
        if ( *pieces > 100000 )
        {
            CU_FAIL("no end to the continuations");
            return rc;
        }
    }
}

/* --- helpers ------------------------------------------------------------ */

#define DATA    (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define MMU_UPDATE_PREEMPTED 0x80000000U

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

static mfn_t entry_mfn(uint64_t e)
{
    return (e & 0x000ffffffffff000UL) >> PAGE_SHIFT;
}

static unsigned long typecount(mfn_t mfn)
{
    return mfn_to_page(mfn)->type_info & PGT_count_mask;
}

static long ext1(unsigned int cmd, mfn_t mfn)
{
    struct mmuext_op op = { .cmd = cmd };

    op.arg1.mfn = mfn;
    return do_mmuext_op((unsigned long)&op, 1, 0, DOMID_SELF);
}

static void free_all(void)
{
    for ( mfn_t m = FIRST_RAM; m < NR_FRAMES; m++ )
        if ( mfn_to_page(m)->owner == &dom )
            put_page_alloc_ref(mfn_to_page(m));
    CU_ASSERT_EQUAL(dom.tot_pages, 0);
    CU_ASSERT_EQUAL(mm_nr_errors, 0);
}

static const unsigned int scripts[] = { 0, 1, 2, 7 };

/* --- mmu_update ---------------------------------------------------------- */

#define NREQ    700         /* more requests than an L1 has entries */

static void test_mmu_update(void)
{
    static struct mmu_update req[NREQ];

    for ( unsigned int s = 0; s < ARRAY_SIZE(scripts); s++ )
    {
        mfn_t l1 = new_frame(), a = new_frame(), b = new_frame();
        unsigned int done = 77, pieces;
        struct call c = { __HYPERVISOR_mmu_update,
                          { (unsigned long)req, NREQ, (unsigned long)&done,
                            DOMID_SELF } };

        every = scripts[s];
        CU_ASSERT_EQUAL_FATAL(ext1(MMUEXT_PIN_L1_TABLE, l1), 0);
        for ( unsigned int i = 0; i < NREQ; i++ )
        {
            req[i].ptr = (l1 << 12) + (i % 512) * 8;
            req[i].val = ((i < 512 ? a : b) << 12) | DATA;
        }
        CU_ASSERT_EQUAL(run(c, &pieces), 0);
        CU_ASSERT_EQUAL(done, NREQ);
        /* One request per piece when stopping at every chance. */
        if ( every == 1 )
            CU_ASSERT_EQUAL(pieces, NREQ);
        if ( !every )
            CU_ASSERT_EQUAL(pieces, 1);
        CU_ASSERT_EQUAL(entry_mfn(entries(l1)[0]), b);
        CU_ASSERT_EQUAL(entry_mfn(entries(l1)[NREQ - 512 - 1]), b);
        CU_ASSERT_EQUAL(entry_mfn(entries(l1)[NREQ - 512]), a);
        CU_ASSERT_EQUAL(typecount(b), NREQ - 512);
        CU_ASSERT_EQUAL(typecount(a), 512 - (NREQ - 512));

        /* A bad request deep in: done stops there, nothing after it. */
        done = 77;
        for ( unsigned int i = 0; i < NREQ; i++ )
            req[i].val = 0;
        req[600].val = (0x3ffUL << 12) | DATA;
        req[601].val = (a << 12) | DATA;
        CU_ASSERT_EQUAL(run(c, &pieces), -EBUSY);
        CU_ASSERT_EQUAL(done, 600);
        CU_ASSERT_EQUAL(entries(l1)[600 % 512], 0);
        CU_ASSERT_EQUAL(entries(l1)[601 % 512], 0);
        CU_ASSERT_EQUAL(typecount(a), 0);
        CU_ASSERT_EQUAL(typecount(b), 0);

        /* No 'done' to report to. */
        c.a[2] = 0;
        for ( unsigned int i = 0; i < NREQ; i++ )
            req[i].val = (a << 12) | DATA;
        CU_ASSERT_EQUAL(run(c, &pieces), 0);
        CU_ASSERT_EQUAL(typecount(a), 512);
        CU_ASSERT_EQUAL(ext1(MMUEXT_UNPIN_TABLE, l1), 0);
        CU_ASSERT_EQUAL(typecount(a), 0);
        free_all();
    }
    every = 0;
}

/* The continuation names the rest of the array and flags the count. */
static void test_mmu_update_args(void)
{
    struct mmu_update req[3];
    mfn_t t = new_frame();
    unsigned int done = 5;

    for ( unsigned int i = 0; i < 3; i++ )
        req[i] = (struct mmu_update){ (t << 12) + i * 8, i };
    every = 1;
    asked = 0;
    cont.made = false;
    CU_ASSERT_EQUAL(do_mmu_update((unsigned long)req, 3 | MMU_UPDATE_PREEMPTED,
                                  (unsigned long)&done, DOMID_SELF),
                    __HYPERVISOR_mmu_update);
    CU_ASSERT_TRUE(cont.made);
    CU_ASSERT_EQUAL(cont.nr, 4);
    CU_ASSERT_EQUAL(cont.args[0], (unsigned long)&req[1]);
    CU_ASSERT_EQUAL(cont.args[1], 2 | MMU_UPDATE_PREEMPTED);
    CU_ASSERT_EQUAL(cont.args[2], (unsigned long)&done);
    CU_ASSERT_EQUAL(cont.args[3], DOMID_SELF);
    /* 'done' carried over, plus the one request of this piece. */
    CU_ASSERT_EQUAL(done, 6);
    every = 0;
    free_all();
}

/* --- mmuext_op ---------------------------------------------------------- */

#define NOPS    301

static void test_mmuext(void)
{
    static struct mmuext_op ops[NOPS];

    for ( unsigned int s = 0; s < ARRAY_SIZE(scripts); s++ )
    {
        mfn_t l1 = new_frame(), other = new_frame();
        unsigned int done = 77, pieces;
        struct call c = { __HYPERVISOR_mmuext_op,
                          { (unsigned long)ops, NOPS, (unsigned long)&done,
                            DOMID_SELF } };

        every = scripts[s];
        memset(ops, 0, sizeof(ops));
        for ( unsigned int i = 0; i < NOPS; i++ )
        {
            ops[i].cmd = i & 1 ? MMUEXT_UNPIN_TABLE : MMUEXT_PIN_L1_TABLE;
            ops[i].arg1.mfn = l1;
        }
        CU_ASSERT_EQUAL(run(c, &pieces), 0);
        CU_ASSERT_EQUAL(done, NOPS);
        if ( every == 1 )
            CU_ASSERT_EQUAL(pieces, NOPS);
        CU_ASSERT(!!(mfn_to_page(l1)->type_info & PGT_pinned));
        CU_ASSERT_EQUAL(ext1(MMUEXT_UNPIN_TABLE, l1), 0);

        ops[201].arg1.mfn = other;
        CU_ASSERT_EQUAL(run(c, &pieces), -EINVAL);
        CU_ASSERT_EQUAL(done, 201);
        CU_ASSERT(!!(mfn_to_page(l1)->type_info & PGT_pinned));
        CU_ASSERT_EQUAL(ext1(MMUEXT_UNPIN_TABLE, l1), 0);
        free_all();
    }
    every = 0;
}

/* --- memory_op ---------------------------------------------------------- */

#define NEXT    200

static long reservation(unsigned int cmd, xen_pfn_t *list, unsigned long n,
                        unsigned int *pieces)
{
    struct xen_memory_reservation r = {
        .nr_extents = n, .domid = DOMID_SELF,
    };
    struct call c = { __HYPERVISOR_memory_op, { cmd, (unsigned long)&r } };

    set_xen_guest_handle(r.extent_start, list);
    return run(c, pieces);
}

static void test_reservations(void)
{
    static xen_pfn_t list[NEXT];

    for ( unsigned int s = 0; s < ARRAY_SIZE(scripts); s++ )
    {
        unsigned int pieces;

        every = scripts[s];
        for ( unsigned int i = 0; i < NEXT; i++ )
            list[i] = 0x1000 + i;
        CU_ASSERT_EQUAL(reservation(XENMEM_populate_physmap, list, NEXT,
                                    &pieces), NEXT);
        if ( every == 1 )
            CU_ASSERT_EQUAL(pieces, NEXT);
        CU_ASSERT_EQUAL(dom.tot_pages, NEXT);
        for ( unsigned int i = 0; i < NEXT; i++ )
            CU_ASSERT_EQUAL(m2p[list[i]], 0x1000 + i);

        /* Back out, a frame not ours stopping the count at 150. */
        list[150] = 0x3ff;
        CU_ASSERT_EQUAL(reservation(XENMEM_decrease_reservation, list, NEXT,
                                    &pieces), 150);
        CU_ASSERT_EQUAL(dom.tot_pages, NEXT - 150);
        CU_ASSERT_EQUAL(reservation(XENMEM_decrease_reservation, list + 151,
                                    NEXT - 151, &pieces), NEXT - 151);
        CU_ASSERT_EQUAL(dom.tot_pages, 1);

        /* In without a physmap place, up to the quota. */
        dom.max_pages = 101;
        CU_ASSERT_EQUAL(reservation(XENMEM_increase_reservation, list, NEXT,
                                    &pieces), 100);
        dom.max_pages = 600;
        free_all();
    }
    every = 0;
}

/* The continuation carries the next extent above the command's bits. */
static void test_reservation_args(void)
{
    xen_pfn_t list[4] = { 1, 2, 3, 4 };
    struct xen_memory_reservation r = {
        .nr_extents = 4, .domid = DOMID_SELF,
    };

    set_xen_guest_handle(r.extent_start, list);
    every = 1;
    asked = 0;
    cont.made = false;
    CU_ASSERT_EQUAL(do_memory_op(XENMEM_populate_physmap | (1UL << 6),
                                 (unsigned long)&r), __HYPERVISOR_memory_op);
    CU_ASSERT_TRUE(cont.made);
    CU_ASSERT_EQUAL(cont.nr, 2);
    CU_ASSERT_EQUAL(cont.args[0], XENMEM_populate_physmap | (2UL << 6));
    CU_ASSERT_EQUAL(cont.args[1], (unsigned long)&r);
    CU_ASSERT_EQUAL(dom.tot_pages, 1);
    every = 0;
    free_all();
}

static void test_exchange(void)
{
    static xen_pfn_t in[64], out[64];

    for ( unsigned int s = 0; s < ARRAY_SIZE(scripts); s++ )
    {
        struct xen_memory_exchange x;
        struct call c = { __HYPERVISOR_memory_op,
                          { XENMEM_exchange, (unsigned long)&x } };
        unsigned int pieces;

        every = scripts[s];
        for ( unsigned int i = 0; i < 64; i++ )
        {
            in[i] = new_frame();
            out[i] = 0x2000 + i;
        }
        memset(&x, 0, sizeof(x));
        set_xen_guest_handle(x.in.extent_start, in);
        x.in.nr_extents = 64;
        x.in.domid = DOMID_SELF;
        set_xen_guest_handle(x.out.extent_start, out);
        x.out.nr_extents = 64;
        x.out.domid = DOMID_SELF;
        CU_ASSERT_EQUAL(run(c, &pieces), 0);
        CU_ASSERT_EQUAL(x.nr_exchanged, 64);
        if ( every == 1 )
            CU_ASSERT_EQUAL(pieces, 64);
        for ( unsigned int i = 0; i < 64; i++ )
            CU_ASSERT_EQUAL(m2p[out[i]], 0x2000 + i);
        CU_ASSERT_EQUAL(dom.tot_pages, 64);

        /* A frame in use deep in: exchanged up to it, no further. */
        for ( unsigned int i = 0; i < 64; i++ )
        {
            in[i] = out[i];
            out[i] = 0x3000 + i;
        }
        CU_ASSERT_TRUE(get_page(mfn_to_page(in[40]), &dom));
        x.nr_exchanged = 0;
        CU_ASSERT_EQUAL(run(c, &pieces), -EINVAL);
        CU_ASSERT_EQUAL(x.nr_exchanged, 40);
        CU_ASSERT_EQUAL(m2p[out[39]], 0x3000 + 39);
        CU_ASSERT_EQUAL(dom.tot_pages, 64);
        put_page(mfn_to_page(in[40]));
        free_all();
    }
    every = 0;
}

static CU_TestInfo tests[] = {
    { "mmu_update continued at any request", test_mmu_update },
    { "mmu_update's continuation arguments", test_mmu_update_args },
    { "mmuext_op continued at any op", test_mmuext },
    { "reservations continued at any extent", test_reservations },
    { "a reservation's continuation arguments", test_reservation_args },
    { "exchange continued at any chunk", test_exchange },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "continued MMU and memory calls", setup, NULL, NULL, NULL, tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
