/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reservation misuse: giving back frames twice or that are not ours,
 * growing past the maximum, extents too large, bad address limits and
 * continuation offsets.  Reservation commands report the extents done.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-reservation: reservation misuse";

void test_main(void)
{
    long cur0 = current_reservation(), max;
    domid_t self = DOMID_SELF;
    xen_pfn_t list[4], m2p_mfn;
    struct xen_machphys_mfn_list l = { .max_extents = 1 };
    struct xen_memory_reservation r = { .nr_extents = 1,
                                        .domid = DOMID_SELF };
    unsigned long *p2m_list = (unsigned long *)start_info->mfn_list;

    max = memory_op(XENMEM_maximum_reservation, &self);
    printf("mmu-reservation: current %ld, maximum %ld\n", cur0, max);
    CHECK_EQ(cur0, max);
    set_xen_guest_handle(l.extent_start, &m2p_mfn);
    CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0);

    /* Growing past the maximum gives nothing. */
    CHECK_EQ(reservation(XENMEM_increase_reservation, list, 1, 0, 0), 0);
    CHECK_EQ(current_reservation(), cur0);

    /* Give back one frame; twice does nothing more. */
    list[0] = spare_mfn(0);
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 1, 0, 0), 1);
    CHECK_EQ(current_reservation(), cur0 - 1);
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 1, 0, 0), 0);
    CHECK_EQ(map_at(0, spare_mfn(0), PTE_P | PTE_A), -EBUSY);
    /* Frames that are not ours, and a list that stops midway. */
    list[0] = m2p_mfn;
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 1, 0, 0), 0);
    list[0] = 0xb8;
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 1, 0, 0), 0);
    list[0] = 1UL << 40;
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 1, 0, 0), 0);
    list[0] = spare_mfn(1);
    list[1] = m2p_mfn;
    list[2] = spare_mfn(2);
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 3, 0, 0), 1);
    CHECK_EQ(current_reservation(), cur0 - 2);
    CHECK_EQ(reservation(XENMEM_decrease_reservation, NULL, 1, 0, 0), 0);

    /* Extents larger than dom0 may ask for, and impossible limits. */
    CHECK_EQ(reservation(XENMEM_increase_reservation, list, 1, 19, 0), 0);
    CHECK_EQ(reservation(XENMEM_increase_reservation, list, 1, 0, 12), 0);
    CHECK_EQ(reservation(XENMEM_increase_reservation, list, 1, 0, 5), 0);
    CHECK_EQ(current_reservation(), cur0 - 2);

    /* Continuation offsets: done already, so nothing to do. */
    set_xen_guest_handle(r.extent_start, list);
    CHECK_EQ(memory_op(XENMEM_increase_reservation | (1UL << 6), &r), 1);
    CHECK_EQ(memory_op(XENMEM_increase_reservation | (5UL << 6), &r), 5);
    r.nr_extents = 1UL << 27;
    CHECK_EQ(memory_op(XENMEM_increase_reservation, &r), 0);
    r.nr_extents = 1;
    r.domid = 9;
    CHECK_EQ(memory_op(XENMEM_increase_reservation, &r), 0);
    CHECK_EQ(memory_op(XENMEM_increase_reservation, NULL), 0);
    CHECK_EQ(current_reservation(), cur0 - 2);

    /* Two frames back in; our P2M follows. */
    CHECK_EQ(reservation(XENMEM_increase_reservation, list, 2, 0, 0), 2);
    CHECK_EQ(current_reservation(), cur0);
    for ( unsigned int i = 0; i < 2; i++ )
    {
        mmu_update_t req = { (list[i] << 12) | MMU_MACHPHYS_UPDATE,
                             spare_pfn(i) };

        CHECK_EQ(mmu_update(&req, 1, NULL, DOMID_SELF), 0);
        p2m_list[spare_pfn(i)] = list[i];
        CHECK_EQ(map_at(0, spare_mfn(i), PTE_DATA), 0);
        CHECK_EQ(*(uint64_t *)scratch(0), 0);
    }
    CHECK_EQ(map_at(0, 0, 0), 0);
    /* Populating a PFN: the M2P is set for us this time. */
    list[0] = spare_mfn(2);
    CHECK_EQ(reservation(XENMEM_decrease_reservation, list, 1, 0, 0), 1);
    CHECK_EQ(current_reservation(), cur0 - 1);
    list[0] = spare_pfn(2);
    CHECK_EQ(reservation(XENMEM_populate_physmap, list, 1, 0, 0), 1);
    CHECK_EQ(m2p(list[0]), spare_pfn(2));
    p2m_list[spare_pfn(2)] = list[0];
    CHECK_EQ(current_reservation(), cur0);
    CHECK_EQ(reservation(XENMEM_populate_physmap, list, 1, 0, 0), 0);
}
