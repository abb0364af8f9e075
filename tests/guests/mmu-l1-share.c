/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tables referenced from several places: an L1 hooked into two L2 slots,
 * an L2 into two L3 slots.  The type lasts while any reference does, and
 * the last one dropped releases the whole subtree.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-l1-share: tables with several references";

void test_main(void)
{
    unsigned long l3 = spare_mfn(0), l2 = spare_mfn(1), l1 = spare_mfn(2);
    unsigned long data = spare_mfn(3);

    for ( unsigned int i = 0; i < 4; i++ )
        CHECK(zero_frame(0, spare_mfn(i)));
    CHECK_EQ(mmuext1(MMUEXT_PIN_L3_TABLE, l3), 0);
    CHECK_EQ(mmu_update1(entry_ma(l3, 0), (l2 << 12) | PTE_TABLE), 0);
    CHECK_EQ(mmu_update1(entry_ma(l3, 1), (l2 << 12) | PTE_TABLE), 0);
    CHECK_EQ(mmu_update1(entry_ma(l2, 0), (l1 << 12) | PTE_TABLE), 0);
    CHECK_EQ(mmu_update1(entry_ma(l2, 1), (l1 << 12) | PTE_TABLE), 0);
    CHECK_EQ(mmu_update1(entry_ma(l1, 5), (data << 12) | PTE_DATA), 0);
    /* The L2 is an L2 however it is reached: never an L1 as well. */
    CHECK_EQ(mmu_update1(entry_ma(l2, 2), (l2 << 12) | PTE_TABLE),
             -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, l2), -EINVAL);

    /* Dropping references one by one. */
    CHECK_EQ(mmu_update1(entry_ma(l3, 0), 0), 0);
    CHECK_EQ(map_at(0, l2, PTE_DATA), -EBUSY);
    CHECK_EQ(mmu_update1(entry_ma(l2, 0), 0), 0);
    CHECK_EQ(map_at(0, l1, PTE_DATA), -EBUSY);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, data), -EINVAL);
    /* The last reference to the L2: the L2 and its L1 both go. */
    CHECK_EQ(mmu_update1(entry_ma(l3, 1), 0), 0);
    CHECK_EQ(map_at(0, l2, PTE_DATA), 0);
    CHECK_EQ(map_at(0, l1, PTE_DATA), 0);
    CHECK_EQ(((uint64_t *)scratch(0))[5] & PTE_ADDR, data << 12);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, data), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, data), 0);
    CHECK_EQ(map_at(0, 0, 0), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l3), 0);

    /* Many mappings of one frame, each holding a writable reference. */
    for ( unsigned int i = 0; i < 16; i++ )
        CHECK_EQ(map_at(i, data, PTE_DATA), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, data), -EINVAL);
    for ( unsigned int i = 0; i < 15; i++ )
        CHECK_EQ(map_at(i, data, PTE_P | PTE_A), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, data), -EINVAL);
    CHECK_EQ(map_at(15, 0, 0), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, data), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, data), 0);
    for ( unsigned int i = 0; i < 16; i++ )
        CHECK_EQ(map_at(i, 0, 0), 0);
}
