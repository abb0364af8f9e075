/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unpinning tables that are in use: the L4 loaded in CR3 (Linux unpins
 * the bootstrap L4 before it moves off it) and an L1 still hooked into an
 * L2.  The type stays as long as something references it, and goes with
 * the last reference.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-unpin-inuse: unpinning tables in use";

#define VA  0x0000004000000000UL   /* L4 slot 0, L3 slot 256 */

void test_main(void)
{
    unsigned long l4 = l4_mfn(), l3 = spare_mfn(0), l2 = spare_mfn(1);
    unsigned long l1 = spare_mfn(2), data = spare_mfn(3);
    volatile uint64_t *p = (volatile uint64_t *)VA;

    /* The current L4: unpinned, it still runs us. */
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l4), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l4), -EINVAL);
    printf("mmu-unpin-inuse: still running on the unpinned L4\n");
    CHECK_EQ(map_at(0, l4, PTE_DATA), -EBUSY);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L4_TABLE, l4), 0);

    /* A small tree under VA, pinned at the L1. */
    for ( unsigned int i = 0; i < 4; i++ )
        CHECK(zero_frame(0, spare_mfn(i)));
    CHECK_EQ(map_at(0, data, PTE_DATA), 0);
    ((uint64_t *)scratch(0))[0] = 0x5eed;
    CHECK_EQ(map_at(0, 0, 0), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, l1), 0);
    CHECK_EQ(mmu_update1(entry_ma(l1, 0), (data << 12) | PTE_DATA), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L2_TABLE, l2), 0);
    CHECK_EQ(mmu_update1(entry_ma(l2, 0), (l1 << 12) | PTE_TABLE), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L3_TABLE, l3), 0);
    CHECK_EQ(mmu_update1(entry_ma(l3, 256), (l2 << 12) | PTE_TABLE), 0);
    CHECK_EQ(mmu_update1(entry_ma(l4, 0), (l3 << 12) | PTE_TABLE), 0);
    CHECK_EQ(*p, 0x5eed);

    /* Unpinned but referenced from above: still tables, still mapping. */
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l1), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l2), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l3), 0);
    CHECK_EQ(map_at(0, l1, PTE_DATA), -EBUSY);
    CHECK_EQ(map_at(0, l3, PTE_DATA), -EBUSY);
    *p = 0xfeed;
    CHECK_EQ(*p, 0xfeed);
    /* The data page is mapped writable: it cannot become a table. */
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, data), -EINVAL);

    /* Unhooking the L3 releases the whole tree at once. */
    CHECK_EQ(mmu_update1(entry_ma(l4, 0), 0), 0);
    for ( unsigned int i = 0; i < 3; i++ )
    {
        CHECK_EQ(map_at(0, spare_mfn(i), PTE_DATA), 0);
        CHECK_EQ(map_at(0, 0, 0), 0);
    }
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, data), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, data), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, data), -EINVAL);
}
