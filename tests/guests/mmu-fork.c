/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Normal use, fork-like: a child copy of an L1 table sharing the parent's
 * pages read-only, hooked in at another 2 MiB; a write by the child faults
 * and is resolved by copying the page (copy on write).  Tearing the child
 * down leaves the parent as it was.
 */
#include "mmu-common.h"
#include "traps.h"

const char test_title[] = "mmu-fork: copy-on-write copies of a table";

#define NPAGES  8
#define SPAN    (1UL << 21)

static uint64_t *target;

static void store(void)
{
    /* 48 89 37: mov %rsi, (%rdi) */
    asm volatile ( "mov %%rsi, (%%rdi)"
                   :: "D" (target), "S" (0xc0c0UL) : "memory" );
}

void test_main(void)
{
    unsigned long l1ma, child = spare_mfn(20), va0 = scratch_va(0);
    uint64_t *l4 = l4_table();
    uint64_t *l3 = table_va(l4[(va0 >> 39) & 511]);
    uint64_t l3e = l3[(va0 >> 30) & 511];
    uint64_t *l2 = table_va(l3e);
    unsigned long l2mfn = (l3e & PTE_ADDR) >> 12;
    unsigned int k0 = (va0 >> 21) & 511, k = k0 + 4;
    unsigned long delta = (unsigned long)(k - k0) * SPAN;
    unsigned long parent_l1;

    traps_init();
    l1e_of(va0, &l1ma);
    parent_l1 = l1ma >> 12;
    if ( !CHECK(k < 512) || !CHECK_EQ(l2[k], 0) )
        return;

    /* The parent: pages with a mark each, then shared read-only. */
    for ( unsigned int i = 0; i < NPAGES; i++ )
    {
        CHECK_EQ(map_at(i, spare_mfn(i), PTE_DATA), 0);
        *(uint64_t *)scratch(i) = 0x1000 * (i + 1);
        CHECK_EQ(map_at(i, spare_mfn(i), PTE_P | PTE_A), 0);
    }

    /* The child's table: a copy of the parent's, pinned, hooked in. */
    {
        mmuext_op_t op = { .cmd = MMUEXT_COPY_PAGE };

        op.arg1.mfn = child;
        op.arg2.src_mfn = parent_l1;
        CHECK_EQ(mmuext(&op, 1, NULL, DOMID_SELF), 0);
    }
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, child), 0);
    CHECK_EQ(mmu_update1(entry_ma(l2mfn, k), (child << 12) | PTE_TABLE), 0);
    for ( unsigned int i = 0; i < NPAGES; i++ )
        CHECK_EQ(*(uint64_t *)(scratch_va(i) + delta), 0x1000 * (i + 1));

    /* A child write faults: copy the page, give the child its own. */
    target = (uint64_t *)(scratch_va(3) + delta);
    CHECK(expect_trap(VEC_PF, 3, store));
    CHECK_EQ(last_trap.cr2, (unsigned long)target);
    {
        mmuext_op_t op = { .cmd = MMUEXT_COPY_PAGE };
        unsigned long fresh = spare_mfn(30);

        op.arg1.mfn = fresh;
        op.arg2.src_mfn = spare_mfn(3);
        CHECK_EQ(mmuext(&op, 1, NULL, DOMID_SELF), 0);
        CHECK_EQ(uvm((unsigned long)target, (fresh << 12) | PTE_DATA,
                     UVMF_INVLPG), 0);
    }
    store();
    CHECK_EQ(*target, 0xc0c0);
    CHECK_EQ(*(uint64_t *)scratch(3), 0x4000);
    /* The parent's pages are plain memory still (and mark-free of the
     * present bit, so validating one as an L1 leaves it as it is). */
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, spare_mfn(3)), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, spare_mfn(3)), 0);

    /* The child exits. */
    CHECK_EQ(mmu_update1(entry_ma(l2mfn, k), 0), 0);
    CHECK_EQ(mmuext1(MMUEXT_TLB_FLUSH_LOCAL, 0), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, child), 0);
    CHECK_EQ(map_at(10, child, PTE_DATA), 0);
    CHECK_EQ(map_at(10, spare_mfn(30), PTE_DATA), 0);
    CHECK_EQ(*(uint64_t *)scratch(10), 0xc0c0);
    for ( unsigned int i = 0; i < NPAGES; i++ )
    {
        CHECK_EQ(*(uint64_t *)scratch(i), 0x1000 * (i + 1));
        CHECK_EQ(map_at(i, 0, 0), 0);
    }
    CHECK_EQ(map_at(10, 0, 0), 0);
}
