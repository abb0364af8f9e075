/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A frame is a page table or writable, never both: pinning a writably
 * mapped frame fails, and a pinned table cannot be mapped writable by
 * update_va_mapping or mmu_update until it is unpinned.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-pin-writable: a page table is never writable";

void test_main(void)
{
    unsigned long mfn = spare_mfn(0), ma;

    if ( !CHECK(zero_frame(0, mfn)) )
        return;

    /* Mapped writable: no table type of any level. */
    CHECK_EQ(map_at(0, mfn, PTE_DATA), 0);
    CHECK(writable(scratch(0)));
    for ( unsigned int l = 0; l < 4; l++ )
        CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE + l, mfn), -EINVAL);

    /* Read-only, it can become an L1 table. */
    CHECK_EQ(map_at(0, mfn, PTE_P | PTE_A), 0);
    CHECK(!writable(scratch(0)));
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, mfn), 0);

    /* Now nothing may map it writable. */
    CHECK_EQ(map_at(1, mfn, PTE_DATA), -EBUSY);
    l1e_of(scratch_va(1), &ma);
    CHECK_EQ(mmu_update1(ma | MMU_NORMAL_PT_UPDATE, (mfn << 12) | PTE_DATA),
             -EBUSY);
    CHECK_EQ(mmu_update1(ma | MMU_PT_UPDATE_PRESERVE_AD,
                         (mfn << 12) | PTE_DATA), -EBUSY);
    CHECK_EQ(map_at(1, mfn, PTE_P | PTE_A), 0);
    CHECK(!writable(scratch(1)));

    /* Pinned once only, and as one type only. */
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, mfn), -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L2_TABLE, mfn), -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L4_TABLE, mfn), -EINVAL);

    /* Unpinned and unreferenced, it is plain memory again. */
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, mfn), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, mfn), -EINVAL);
    CHECK_EQ(map_at(1, mfn, PTE_DATA), 0);
    CHECK(writable(scratch(1)));
    CHECK_EQ(map_at(0, 0, 0), 0);
    CHECK_EQ(map_at(1, 0, 0), 0);

    /* Each level in turn, on an empty frame. */
    for ( unsigned int l = 0; l < 4; l++ )
    {
        printf("mmu-pin-writable: level %u\n", l + 1);
        CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE + l, mfn), 0);
        CHECK_EQ(map_at(2, mfn, PTE_DATA), -EBUSY);
        CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, mfn), 0);
        CHECK_EQ(map_at(2, mfn, PTE_DATA), 0);
        /* The L4 got the hypervisor's slots: clear them again. */
        memset(scratch(2), 0, PAGE);
        CHECK_EQ(map_at(2, 0, 0), 0);
    }
}
