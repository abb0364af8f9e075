/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * L4 slots 256-271 are the hypervisor's: a guest may neither write them
 * nor point one of its own slots at the hypervisor's tables.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-hv-slots: the hypervisor's L4 slots";

void test_main(void)
{
    unsigned long l4 = l4_mfn();
    uint64_t hv_l3 = 0;

    /* The hypervisor's text and directmap live in some of these. */
    for ( unsigned int s = 256; s <= 271; s++ )
    {
        printf("mmu-hv-slots: L4 slot %u holds %#lx\n", s, l4_table()[s]);
        /* (258 is Xen's linear map: our own L4.) */
        if ( s == 261 )
            hv_l3 = l4_table()[s];
    }
    if ( !CHECK(hv_l3 & PTE_P) )
        return;
    /* Writing any hypervisor slot, even with what is there. */
    for ( unsigned int s = 256; s <= 271; s++ )
    {
        if ( mmu_update1(entry_ma(l4, s), l4_table()[s]) != -EINVAL )
            test_fail("slot %u was writable", s);
        if ( mmu_update1(entry_ma(l4, s), 0) != -EINVAL )
            test_fail("slot %u could be cleared", s);
    }
    CHECK(l4_table()[261] & PTE_P);
    /* Its neighbours are the guest's (empty ones stay empty). */
    CHECK_EQ(l4_table()[255], 0);
    CHECK_EQ(mmu_update1(entry_ma(l4, 255), 0), 0);
    CHECK_EQ(l4_table()[272], 0);
    CHECK_EQ(mmu_update1(entry_ma(l4, 272), 0), 0);

    /* The hypervisor's L3, as an L3 of ours: not our frame. */
    CHECK_EQ(mmu_update1(entry_ma(l4, 100), hv_l3 & ~PTE_RW), -EINVAL);
    CHECK_EQ(mmu_update1(entry_ma(l4, 100), hv_l3), -EINVAL);
    CHECK_EQ(l4_table()[100], 0);
    /* Nor as a lower table, nor mapped as data. */
    CHECK_EQ(map_at(0, (hv_l3 & PTE_ADDR) >> 12, PTE_P | PTE_A), -EBUSY);

    /* Virtual addresses inside the hypervisor's range. */
    CHECK_EQ(uvm(0xffff800000000000UL, 0, UVMF_INVLPG), -EINVAL);
    CHECK_EQ(uvm(0xffff87fffffff000UL, 0, UVMF_INVLPG), -EINVAL);
    CHECK_EQ(uvm(0x0000800000000000UL, 0, UVMF_INVLPG), -EINVAL);
}
