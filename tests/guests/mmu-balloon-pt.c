/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Giving back frames that are still in use (a pinned table, a mapped page,
 * the running L4): the domain loses the frame only once the last use is
 * gone, and the hypervisor never frees what it still walks.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-balloon-pt: ballooning out frames in use";

void test_main(void)
{
    long cur0 = current_reservation();
    xen_pfn_t list[1];
    unsigned long t = spare_mfn(0), d = spare_mfn(1);
    unsigned long *p2m_list = (unsigned long *)start_info->mfn_list;

    /* A pinned L1, mapped read-only. */
    CHECK(zero_frame(0, t));
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, t), 0);
    CHECK_EQ(map_at(0, t, PTE_P | PTE_A), 0);
    list[0] = t;
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 1, 0, 0), 1);
    /* Still counted: the pin and the mapping hold it. */
    CHECK_EQ(current_reservation(), cur0);
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 1, 0, 0), 1);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, t), -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, t), 0);
    CHECK_EQ(current_reservation(), cur0);
    /* The last mapping goes: so does the frame. */
    CHECK_EQ(map_at(0, 0, 0), 0);
    CHECK_EQ(current_reservation(), cur0 - 1);
    CHECK_EQ(map_at(0, t, PTE_P | PTE_A), -EBUSY);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, t), -EINVAL);

    /* A data page mapped writable, written after it was given back. */
    CHECK_EQ(map_at(1, d, PTE_DATA), 0);
    list[0] = d;
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 1, 0, 0), 1);
    *(volatile uint64_t *)scratch(1) = 0x1234;
    CHECK_EQ(current_reservation(), cur0 - 1);
    CHECK_EQ(map_at(1, 0, 0), 0);
    CHECK_EQ(current_reservation(), cur0 - 2);

    /* Take two back, zeroed. */
    for ( unsigned int i = 0; i < 2; i++ )
    {
        list[0] = spare_pfn(i);
        CHECK_EQ(reservation(XENMEM_populate_physmap, list, 1, 0, 0), 1);
        p2m_list[spare_pfn(i)] = list[0];
        CHECK_EQ(map_at(1, list[0], PTE_DATA), 0);
        CHECK_EQ(*(volatile uint64_t *)scratch(1), 0);
        CHECK_EQ(map_at(1, 0, 0), 0);
    }
    CHECK_EQ(current_reservation(), cur0);

    /* The L4 we run on: given back, it stays while we use it. */
    list[0] = l4_mfn();
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 1, 0, 0), 1);
    CHECK_EQ(current_reservation(), cur0);
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, l4_mfn()), 0);
    printf("mmu-balloon-pt: still running on the given-back L4\n");
    CHECK_EQ(mmuext1(MMUEXT_TLB_FLUSH_LOCAL, 0), 0);
}
