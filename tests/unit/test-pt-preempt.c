/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of preemptible page-table validation (arch/x86/mm/): a tree
 * of tables pinned, unpinned, installed and replaced with the hypercall
 * stopped at each of its preemption checks in turn (and at all of them),
 * abandoned half way, changed between two pieces; the frame table's
 * counts must come out exact (mm_audit_domain()) whatever happened.
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

#include "harness/harness.h"

#include "mm-env.h"

static int setup(void)
{
    return mm_env_init(600, false);
}

/* --- scripted preemption ------------------------------------------------ */

static unsigned int stop_at;        /* stop at this check only (0: none) */
static bool stop_all;               /* or at every one */
static unsigned int asked;          /* checks so far in the scenario */
static unsigned int stops;          /* and how many of them stopped */

static struct
{
    bool made;
    unsigned int op, nr;
    unsigned long args[HYPERCALL_MAX_ARGS];
} cont;

bool hypercall_preempt_check(void)
{
    bool stop = stop_all || ++asked == stop_at;

    stops += stop;
    return stop;
}

long hypercall_create_continuation(unsigned int op, unsigned int nr,
                                   const unsigned long args[])
{
    CU_ASSERT_FALSE(cont.made);
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

struct call
{
    unsigned int op;
    unsigned long a[HYPERCALL_MAX_ARGS];
};

/* Issue c once; true if it continues (c then holds the continuation). */
static bool issue(struct call *c, long *rc)
{
    cont.made = false;
    if ( c->op == __HYPERVISOR_mmu_update )
        *rc = do_mmu_update(c->a[0], (unsigned int)c->a[1], c->a[2],
                            (unsigned int)c->a[3]);
    else
        *rc = do_mmuext_op(c->a[0], (unsigned int)c->a[1], c->a[2],
                           (unsigned int)c->a[3]);
    if ( !cont.made )
        return false;
    CU_ASSERT_EQUAL(*rc, c->op);
    for ( unsigned int i = 0; i < cont.nr; i++ )
        c->a[i] = cont.args[i];
    return true;
}

static long run(struct call c)
{
    long rc;

    for ( unsigned int n = 0; issue(&c, &rc); n++ )
        if ( n > 100000 )
        {
            CU_FAIL("no end to the continuations");
            break;
        }
    return rc;
}

static struct mmuext_op ext_op;

static struct call ext_call(unsigned int cmd, mfn_t mfn)
{
    ext_op = (struct mmuext_op){ .cmd = cmd };
    ext_op.arg1.mfn = mfn;
    return (struct call){ __HYPERVISOR_mmuext_op,
                          { (unsigned long)&ext_op, 1, 0, DOMID_SELF } };
}

static struct mmu_update upd;

static struct call upd_call(mfn_t table, unsigned int slot, uint64_t val)
{
    upd = (struct mmu_update){ (table << 12) + slot * 8, val };
    return (struct call){ __HYPERVISOR_mmu_update,
                          { (unsigned long)&upd, 1, 0, DOMID_SELF } };
}

/* An empty mmuext_op: finishes whatever teardown was left for later. */
static void drain(void)
{
    CU_ASSERT_EQUAL(run((struct call){ __HYPERVISOR_mmuext_op,
                                       { 0, 0, 0, DOMID_SELF } }), 0);
}

/* --- a tree of tables --------------------------------------------------- */

#define PT      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define RO      (_PAGE_PRESENT | _PAGE_ACCESSED)

/* L4 -> 2 L3 -> 2 L2 each -> 2 L1 each, each L1 two data frames. */
struct tree
{
    mfn_t l4, l3[2], l2[4], l1[8], data[16];
};

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

static void build(struct tree *t, unsigned int l4slot)
{
    t->l4 = new_frame();
    for ( unsigned int i = 0; i < 2; i++ )
        t->l3[i] = new_frame();
    for ( unsigned int i = 0; i < 4; i++ )
        t->l2[i] = new_frame();
    for ( unsigned int i = 0; i < 8; i++ )
        t->l1[i] = new_frame();
    for ( unsigned int i = 0; i < 16; i++ )
        t->data[i] = new_frame();
    for ( unsigned int i = 0; i < 8; i++ )
    {
        entries(t->l1[i])[0] = t->data[2 * i] << 12 | PT;
        entries(t->l1[i])[5] = t->data[2 * i + 1] << 12 | RO;
        /* Shared data, and a read-only view of a sibling table. */
        entries(t->l1[i])[9] = t->data[0] << 12 | RO;
        entries(t->l1[i])[10] = t->l1[i ^ 1] << 12 | RO;
        entries(t->l2[i / 2])[3 + 100 * (i & 1)] = t->l1[i] << 12 | PT;
    }
    for ( unsigned int i = 0; i < 4; i++ )
        entries(t->l3[i / 2])[7 + 200 * (i & 1)] = t->l2[i] << 12 | PT;
    if ( l4slot < 512 )
        for ( unsigned int i = 0; i < 2; i++ )
            entries(t->l4)[l4slot + 300 * i] = t->l3[i] << 12 | PT;
}

static unsigned long typecount(mfn_t mfn)
{
    return mfn_to_page(mfn)->type_info & PGT_count_mask;
}

static bool partial(mfn_t mfn)
{
    return mfn_to_page(mfn)->type_info & PGT_partial;
}

/* No table of the tree typed or partial any more. */
static void check_untyped(const struct tree *t)
{
    const mfn_t *m = &t->l4;

    for ( unsigned int i = 0; i < 15; i++ )
    {
        CU_ASSERT_EQUAL(typecount(m[i]), 0);
        CU_ASSERT_FALSE(partial(m[i]));
    }
    for ( unsigned int i = 0; i < 16; i++ )
        CU_ASSERT_EQUAL(typecount(t->data[i]), 0);
}

static void check_validated(const struct tree *t, unsigned long l4count)
{
    CU_ASSERT_EQUAL(typecount(t->l4), l4count);
    CU_ASSERT(!!(mfn_to_page(t->l4)->type_info & PGT_validated));
    for ( unsigned int i = 0; i < 2; i++ )
        CU_ASSERT_EQUAL(typecount(t->l3[i]), 1);
    for ( unsigned int i = 0; i < 4; i++ )
        CU_ASSERT_EQUAL(typecount(t->l2[i]), 1);
    for ( unsigned int i = 0; i < 8; i++ )
        CU_ASSERT_EQUAL(typecount(t->data[2 * i]), 1);
}

static void audit(void)
{
    CU_ASSERT_EQUAL(mm_audit_domain(&dom, true), 0);
    CU_ASSERT_EQUAL(mm_nr_errors, 0);
}

static void free_all(void)
{
    for ( mfn_t m = FIRST_RAM; m < NR_FRAMES; m++ )
        if ( mfn_to_page(m)->owner == &dom )
            put_page_alloc_ref(mfn_to_page(m));
    CU_ASSERT_EQUAL(dom.tot_pages, 0);
    CU_ASSERT_EQUAL(mm_nr_errors, 0);
}

/*
 * Run scenario f with the hypercalls stopped at its k-th preemption
 * check, for every k until one run no longer reaches k; then stopped at
 * every check.  Returns how many runs there were.
 */
static unsigned int every_point(void (*f)(void))
{
    unsigned int k;

    for ( k = 1; k < 5000; k++ )
    {
        stop_at = k;
        stop_all = false;
        asked = stops = 0;
        f();
        if ( !stops )
            break;
    }
    CU_ASSERT(k > 2);
    stop_at = 0;
    stop_all = true;
    f();
    stop_all = false;
    return k;
}

/* --- scenarios ---------------------------------------------------------- */

static void pin_unpin(void)
{
    struct tree t;

    build(&t, 0);
    CU_ASSERT_EQUAL(run(ext_call(MMUEXT_PIN_L4_TABLE, t.l4)), 0);
    check_validated(&t, 1);
    audit();
    CU_ASSERT_EQUAL(run(ext_call(MMUEXT_UNPIN_TABLE, t.l4)), 0);
    drain();
    check_untyped(&t);
    audit();
    free_all();
}

static void test_pin_unpin(void)
{
    printf(" (%u points)", every_point(pin_unpin));
}

/* A pin stopped and never continued: the domain dies. */
static void abandon(void)
{
    struct tree t;
    struct call c;
    long rc;
    unsigned int n = 0;

    build(&t, 0);
    c = ext_call(MMUEXT_PIN_L4_TABLE, t.l4);
    issue(&c, &rc);
    audit();
    dom.arch.relinquish_pass = 0;
    dom.arch.relinquish_next = 0;
    while ( mm_relinquish_memory(&dom) == -ERESTART && ++n < 100000 )
        continue;
    CU_ASSERT_EQUAL(dom.tot_pages, 0);
    CU_ASSERT_EQUAL(mm_nr_errors, 0);
    for ( mfn_t m = FIRST_RAM; m < NR_FRAMES; m++ )
        CU_ASSERT_PTR_NULL(mfn_to_page(m)->owner);
}

static void test_abandon(void)
{
    every_point(abandon);
}

/*
 * Between two pieces of a pin, the guest writes to a table not reached
 * yet: the last L1 maps the last L2 writable.  The pin then fails (or
 * the write did, if that L1 was validated already) and nothing is left.
 */
static void change_between(void)
{
    struct tree t;
    struct call c;
    long rc, wrc;

    build(&t, 0);
    c = ext_call(MMUEXT_PIN_L4_TABLE, t.l4);
    if ( !issue(&c, &rc) )
    {
        CU_ASSERT_EQUAL(rc, 0);
        CU_ASSERT_EQUAL(run(ext_call(MMUEXT_UNPIN_TABLE, t.l4)), 0);
        drain();
        free_all();
        return;
    }
    /* The table being validated cannot be written meanwhile. */
    CU_ASSERT_EQUAL(run(upd_call(t.l4, 1, t.l3[0] << 12 | RO)), -EINVAL);
    wrc = run(upd_call(t.l1[7], 20, t.l2[3] << 12 | PT));
    rc = run(c);
    if ( wrc == 0 )
        CU_ASSERT_EQUAL(rc, -EBUSY)
    else
        CU_ASSERT_EQUAL(rc, 0);
    drain();
    audit();
    if ( !rc )
    {
        CU_ASSERT_EQUAL(run(ext_call(MMUEXT_UNPIN_TABLE, t.l4)), 0);
        drain();
    }
    check_untyped(&t);
    audit();
    free_all();
}

static void test_change_between(void)
{
    every_point(change_between);
}

/*
 * Between two pieces of the L4's pin, the guest pins one of its L3s: it
 * takes over (and finishes) that L3's partial validation; the L4's pin
 * then finds it validated.
 */
static void takeover(void)
{
    struct tree t;
    struct call c;
    long rc;
    bool pinned_l3 = false;

    build(&t, 0);
    c = ext_call(MMUEXT_PIN_L4_TABLE, t.l4);
    if ( issue(&c, &rc) )
    {
        pinned_l3 = !run(ext_call(MMUEXT_PIN_L3_TABLE, t.l3[0]));
        audit();
        ext_op = (struct mmuext_op){ .cmd = MMUEXT_PIN_L4_TABLE };
        ext_op.arg1.mfn = t.l4;
        rc = run(c);
    }
    CU_ASSERT_EQUAL(rc, 0);
    audit();
    if ( pinned_l3 )
        CU_ASSERT_EQUAL(run(ext_call(MMUEXT_UNPIN_TABLE, t.l3[0])), 0);
    CU_ASSERT_EQUAL(run(ext_call(MMUEXT_UNPIN_TABLE, t.l4)), 0);
    drain();
    check_untyped(&t);
    audit();
    free_all();
}

static void test_takeover(void)
{
    every_point(takeover);
}

/* mmu_update installing a whole subtree, then taking it out. */
static void install_remove(void)
{
    struct tree t;

    build(&t, 512);
    CU_ASSERT_EQUAL(run(ext_call(MMUEXT_PIN_L4_TABLE, t.l4)), 0);
    CU_ASSERT_EQUAL(run(upd_call(t.l4, 4, t.l3[0] << 12 | PT)), 0);
    CU_ASSERT_EQUAL(run(upd_call(t.l4, 5, t.l3[1] << 12 | PT)), 0);
    check_validated(&t, 1);
    audit();
    CU_ASSERT_EQUAL(run(upd_call(t.l4, 4, 0)), 0);
    drain();
    CU_ASSERT_EQUAL(typecount(t.l3[0]), 0);
    CU_ASSERT_EQUAL(typecount(t.l3[1]), 1);
    audit();
    CU_ASSERT_EQUAL(run(ext_call(MMUEXT_UNPIN_TABLE, t.l4)), 0);
    drain();
    check_untyped(&t);
    audit();
    free_all();
}

static void test_install_remove(void)
{
    every_point(install_remove);
}

/* A new base pointer, then another one that releases the first. */
static void baseptr(void)
{
    struct tree t;
    mfn_t other = new_frame();

    build(&t, 0);
    CU_ASSERT_EQUAL(run(ext_call(MMUEXT_NEW_BASEPTR, t.l4)), 0);
    check_validated(&t, 1);
    audit();
    CU_ASSERT_EQUAL(run(ext_call(MMUEXT_NEW_BASEPTR, other)), 0);
    drain();
    check_untyped(&t);
    audit();
    /* Let go of the last base pointer, as a dying VCPU does. */
    put_page_and_type(mfn_to_page(other));
    vcpu0.arch.guest_table = 0;
    free_all();
}

static void test_baseptr(void)
{
    every_point(baseptr);
}

/* A bad entry deep in the tree: the pin fails and leaves nothing. */
static void bad_entry(void)
{
    struct tree t;
    long rc;

    build(&t, 0);
    /* The last L2 maps the first L1 writable: refused. */
    entries(t.l1[7])[11] = t.l2[0] << 12 | PT;
    /* Refused in the L1, as a writable mapping (Xen's error). */
    rc = run(ext_call(MMUEXT_PIN_L4_TABLE, t.l4));
    CU_ASSERT_EQUAL(rc, -EBUSY);
    drain();
    check_untyped(&t);
    audit();
    free_all();
}

static void test_bad_entry(void)
{
    every_point(bad_entry);
}

static CU_TestInfo tests[] = {
    { "pin and unpin a tree, stopped anywhere", test_pin_unpin },
    { "a pin abandoned half way, the domain destroyed", test_abandon },
    { "tables changed between two pieces of a pin", test_change_between },
    { "a partial L3 taken over by its own pin", test_takeover },
    { "a subtree installed and removed by mmu_update", test_install_remove },
    { "base pointers to a tree, stopped anywhere", test_baseptr },
    { "a refused entry deep in the tree", test_bad_entry },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "preemptible page-table validation", setup, NULL, NULL, NULL, tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
