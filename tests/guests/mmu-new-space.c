/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Normal use: build a second address space (a new L4 sharing the kernel's
 * L3s, with a private L3/L2/L1 below slot 0), validate it by pinning,
 * switch to it and back, then tear it down: every frame is plain memory
 * again and the reservation is unchanged.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-new-space: build, use and drop an address space";

#define VA  0x40000000UL        /* L4 0, L3 1, L2 0, L1 0 */

static void fill(unsigned int slot, unsigned long mfn,
                 const uint64_t *entries, unsigned int n)
{
    uint64_t *t;

    CHECK_EQ(map_at(slot, mfn, PTE_DATA), 0);
    t = scratch(slot);
    memset(t, 0, PAGE);
    memcpy(t, entries, n * sizeof(*t));
    CHECK_EQ(map_at(slot, 0, 0), 0);
}

void test_main(void)
{
    long cur0 = current_reservation();
    unsigned long l4 = spare_mfn(0), l3 = spare_mfn(1), l2 = spare_mfn(2);
    unsigned long l1 = spare_mfn(3), data = spare_mfn(4);
    unsigned long old_l4 = l4_mfn();
    uint64_t e[512];
    volatile uint64_t *p = (volatile uint64_t *)VA;

    memset(e, 0, sizeof(e));
    e[0] = 0xc0ffee;
    fill(0, data, e, 1);
    e[0] = (data << 12) | PTE_DATA;
    fill(0, l1, e, 1);
    e[0] = (l1 << 12) | PTE_TABLE;
    fill(0, l2, e, 1);
    e[0] = 0;
    e[1] = (l2 << 12) | PTE_TABLE;
    fill(0, l3, e, 2);
    /* The guest half of our L4, slot 0 replaced. */
    for ( unsigned int i = 0; i < 256; i++ )
        e[i] = l4_table()[i];
    for ( unsigned int i = 272; i < 512; i++ )
        e[i - 16] = l4_table()[i];
    CHECK_EQ(map_at(0, l4, PTE_DATA), 0);
    memset(scratch(0), 0, PAGE);
    memcpy(scratch(0), e, 256 * 8);
    memcpy((uint64_t *)scratch(0) + 272, &e[256], 240 * 8);
    ((uint64_t *)scratch(0))[0] = (l3 << 12) | PTE_TABLE;
    CHECK_EQ(map_at(0, 0, 0), 0);

    CHECK_EQ(mmuext1(MMUEXT_PIN_L4_TABLE, l4), 0);
    /* Every table of it is typed now: none can be mapped writable. */
    for ( unsigned int i = 0; i < 4; i++ )
        CHECK_EQ(map_at(0, spare_mfn(i), PTE_DATA), -EBUSY);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, data), -EINVAL);

    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, l4), 0);
    CHECK_EQ(*p, 0xc0ffee);
    *p = 0xdecaf;
    printf("mmu-new-space: running on the new L4\n");
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, old_l4), 0);

    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l4), 0);
    for ( unsigned int i = 0; i < 5; i++ )
    {
        CHECK_EQ(map_at(0, spare_mfn(i), PTE_DATA), 0);
        if ( i == 4 )
            CHECK_EQ(*(uint64_t *)scratch(0), 0xdecaf);
    }
    CHECK_EQ(map_at(0, 0, 0), 0);
    CHECK_EQ(current_reservation(), cur0);
}
