/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linear (recursive) entries below the L4: an L3 entry may point at a
 * validated L3 read-only, but a table that holds such entries may not
 * itself be mapped that way, nor may one that is so mapped hold any: the
 * rule that keeps devalidation from looping.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-linear: linear page-table entries";

void test_main(void)
{
    unsigned long x = spare_mfn(0), y = spare_mfn(1), z = spare_mfn(2);
    unsigned long w = spare_mfn(3), l2a = spare_mfn(4), l2b = spare_mfn(5);
    const uint64_t ro = PTE_P | PTE_US | PTE_A;

    for ( unsigned int i = 0; i < 6; i++ )
        CHECK(zero_frame(0, spare_mfn(i)));
    CHECK_EQ(mmuext1(MMUEXT_PIN_L3_TABLE, x), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L3_TABLE, y), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L3_TABLE, z), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L3_TABLE, w), 0);

    /* Writable linear entries: never. */
    CHECK_EQ(mmu_update1(entry_ma(x, 1), (y << 12) | ro | PTE_RW), -EINVAL);
    /* x holds a linear entry to y. */
    CHECK_EQ(mmu_update1(entry_ma(x, 1), (y << 12) | ro), 0);
    /* y, linearly mapped, may hold none itself. */
    CHECK_EQ(mmu_update1(entry_ma(y, 1), (z << 12) | ro), -EINVAL);
    /* x, holding one, may not be linearly mapped from w. */
    CHECK_EQ(mmu_update1(entry_ma(w, 1), (x << 12) | ro), -EINVAL);
    /* More entries of x, and a self entry, are fine. */
    CHECK_EQ(mmu_update1(entry_ma(x, 2), (z << 12) | ro), 0);
    CHECK_EQ(mmu_update1(entry_ma(x, 3), (x << 12) | ro), 0);
    /* z may also be mapped from w: both hold entries, z is only mapped. */
    CHECK_EQ(mmu_update1(entry_ma(w, 2), (z << 12) | ro), 0);
    /* The linear target must be validated as an L3 already. */
    CHECK_EQ(mmu_update1(entry_ma(x, 4), (l2a << 12) | ro), 0);
    CHECK_EQ(mmu_update1(entry_ma(x, 4), 0), 0);

    /* The same at L2: an L2 pointing at an L2. */
    CHECK_EQ(mmuext1(MMUEXT_PIN_L2_TABLE, l2a), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L2_TABLE, l2b), 0);
    CHECK_EQ(mmu_update1(entry_ma(l2a, 7), (l2b << 12) | ro), 0);
    CHECK_EQ(mmu_update1(entry_ma(l2b, 7), (l2a << 12) | ro), -EINVAL);
    CHECK_EQ(mmu_update1(entry_ma(l2a, 8), (l2a << 12) | ro | PTE_RW),
             -EINVAL);

    /* Unpinning everything with the entries still in place. */
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, y), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l2b), 0);
    CHECK_EQ(map_at(0, y, PTE_DATA), -EBUSY);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, x), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l2a), 0);
    /* x's entries went with it: y is free; w still maps z. */
    CHECK_EQ(map_at(0, y, PTE_DATA), 0);
    CHECK_EQ(map_at(0, l2b, PTE_DATA), 0);
    CHECK_EQ(map_at(0, z, PTE_DATA), -EBUSY);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, w), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, z), 0);
    CHECK_EQ(map_at(0, z, PTE_DATA), 0);
    CHECK_EQ(map_at(0, 0, 0), 0);
}
