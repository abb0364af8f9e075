/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Normal use: balloon out a batch of frames and back in, as a balloon
 * driver does, keeping the P2M and M2P in step; the frames that come back
 * are zeroed.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-balloon: ballooning out and in";

#define N 64

void test_main(void)
{
    static xen_pfn_t list[N];
    unsigned long *p2m_list = (unsigned long *)start_info->mfn_list;
    long cur0 = current_reservation();

    /* Dirty the frames first: what comes back must be clean. */
    for ( unsigned int i = 0; i < N; i++ )
    {
        CHECK_EQ(map_at(i, spare_mfn(i), PTE_DATA), 0);
        memset(scratch(i), 0xa5, PAGE);
        CHECK_EQ(map_at(i, 0, 0), 0);
        list[i] = spare_mfn(i);
    }
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, N, 0, 0), N);
    CHECK_EQ(current_reservation(), cur0 - N);
    for ( unsigned int i = 0; i < N; i++ )
        p2m_list[spare_pfn(i)] = ~0UL;

    /* In again in two halves: by populate_physmap and increase. */
    for ( unsigned int i = 0; i < N / 2; i++ )
        list[i] = spare_pfn(i);
    CHECK_EQ(reservation(XENMEM_populate_physmap, list, N / 2, 0, 0), N / 2);
    for ( unsigned int i = 0; i < N / 2; i++ )
    {
        CHECK_EQ(m2p(list[i]), spare_pfn(i));
        p2m_list[spare_pfn(i)] = list[i];
    }
    CHECK_EQ(reservation(XENMEM_increase_reservation, list, N / 2, 0, 0),
             N / 2);
    for ( unsigned int i = 0; i < N / 2; i++ )
    {
        mmu_update_t req = { (list[i] << 12) | MMU_MACHPHYS_UPDATE,
                             spare_pfn(N / 2 + i) };

        CHECK_EQ(mmu_update(&req, 1, NULL, DOMID_SELF), 0);
        p2m_list[spare_pfn(N / 2 + i)] = list[i];
    }
    CHECK_EQ(current_reservation(), cur0);

    for ( unsigned int i = 0; i < N; i++ )
    {
        const uint64_t *p = scratch(i);
        uint64_t acc = 0;

        CHECK_EQ(m2p(spare_mfn(i)), spare_pfn(i));
        CHECK_EQ(map_at(i, spare_mfn(i), PTE_DATA), 0);
        for ( unsigned int j = 0; j < 512; j++ )
            acc |= p[j];
        if ( acc )
            test_fail("frame %u came back dirty", i);
        CHECK_EQ(map_at(i, 0, 0), 0);
    }
    /* An extent of 4 frames out and in. */
    CHECK_EQ(reservation(XENMEM_increase_reservation, list, 1, 2, 0), 0);
    for ( unsigned int i = 0; i < 4; i++ )
        list[i] = spare_mfn(i);
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 4, 0, 0), 4);
    CHECK_EQ(reservation(XENMEM_increase_reservation, list, 1, 2, 0), 1);
    CHECK_EQ(list[0] & 3, 0);
    for ( unsigned int i = 0; i < 4; i++ )
    {
        mmu_update_t req = { ((list[0] + i) << 12) | MMU_MACHPHYS_UPDATE,
                             spare_pfn(i) };

        CHECK_EQ(mmu_update(&req, 1, NULL, DOMID_SELF), 0);
        p2m_list[spare_pfn(i)] = list[0] + i;
    }
    CHECK_EQ(current_reservation(), cur0);
}
