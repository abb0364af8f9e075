/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loading CR3 (NEW_BASEPTR, NEW_USER_BASEPTR) with frames that are no
 * valid L4: writable, typed otherwise, not ours, or holding entries that
 * fail validation somewhere below.  Nothing changes when they fail.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-baseptr: base pointers that are no L4";

/* Map frame mfn read-write at slot, zero it, set entry 0, unmap. */
static bool fill(unsigned int slot, unsigned long mfn, uint64_t e0)
{
    if ( map_at(slot, mfn, PTE_DATA) )
        return false;
    memset(scratch(slot), 0, PAGE);
    ((uint64_t *)scratch(slot))[0] = e0;
    return !map_at(slot, 0, 0);
}

void test_main(void)
{
    unsigned long l4 = l4_mfn(), a = spare_mfn(0), b = spare_mfn(1);
    unsigned long c = spare_mfn(2), d = spare_mfn(3);
    xen_pfn_t m2p_mfn;
    struct xen_machphys_mfn_list l = { .max_extents = 1 };

    set_xen_guest_handle(l.extent_start, &m2p_mfn);
    CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0);

    /* A frame mapped writable. */
    CHECK_EQ(map_at(0, a, PTE_DATA), 0);
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, a), -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_NEW_USER_BASEPTR, a), -EINVAL);
    CHECK_EQ(map_at(0, 0, 0), 0);
    /* Not ours at all. */
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, m2p_mfn), -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, 0xfee00), -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, 1UL << 40), -EINVAL);
    /* Already an L1. */
    CHECK(fill(0, a, 0));
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, a), 0);
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, a), -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, a), 0);

    /* L4 -> L3 -> L2 -> L1 -> the M2P table: refused at the bottom. */
    CHECK(fill(0, d, (m2p_mfn << 12) | PTE_P | PTE_A));
    CHECK(fill(0, c, (d << 12) | PTE_TABLE));
    CHECK(fill(0, b, (c << 12) | PTE_TABLE));
    CHECK(fill(0, a, (b << 12) | PTE_TABLE));
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, a), -EBUSY);
    CHECK_EQ(mmuext1(MMUEXT_NEW_USER_BASEPTR, a), -EBUSY);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L4_TABLE, a), -EBUSY);
    /* Nothing was left typed: every frame can be mapped writable. */
    for ( unsigned int i = 0; i < 4; i++ )
    {
        CHECK_EQ(map_at(0, spare_mfn(i), PTE_DATA), 0);
        CHECK_EQ(map_at(0, 0, 0), 0);
    }

    /* A table in the chain is mapped writable. */
    CHECK(fill(0, d, 0));
    CHECK_EQ(map_at(5, c, PTE_DATA), 0);
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, a), -EINVAL);
    CHECK_EQ(map_at(5, c, PTE_P | PTE_A), 0);
    /* A superpage in the L2. */
    CHECK(fill(0, c, (d << 12) | PTE_TABLE | PTE_PSE));
    CHECK_EQ(mmuext1(MMUEXT_PIN_L4_TABLE, a), -EINVAL);
    CHECK_EQ(map_at(5, 0, 0), 0);

    /* A chain that validates: accepted as user base pointer, then gone. */
    CHECK(fill(0, c, (d << 12) | PTE_TABLE));
    CHECK_EQ(mmuext1(MMUEXT_NEW_USER_BASEPTR, a), 0);
    CHECK_EQ(map_at(0, d, PTE_DATA), -EBUSY);
    CHECK_EQ(mmuext1(MMUEXT_NEW_USER_BASEPTR, a), 0);
    CHECK_EQ(mmuext1(MMUEXT_NEW_USER_BASEPTR, 0), 0);
    CHECK_EQ(map_at(0, d, PTE_DATA), 0);
    CHECK_EQ(map_at(0, 0, 0), 0);

    /* And our own L4 again, which is current. */
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, l4), 0);
    CHECK_EQ(mmuext1(MMUEXT_NEW_USER_BASEPTR, l4), 0);
    CHECK_EQ(mmuext1(MMUEXT_NEW_USER_BASEPTR, 0), 0);
    /* Another domain's base pointer may not be set by us. */
    {
        mmuext_op_t op = { .cmd = MMUEXT_NEW_BASEPTR };

        op.arg1.mfn = l4;
        CHECK_EQ(mmuext(&op, 1, NULL, DOMID_IO), -EPERM);
        CHECK_EQ(mmuext(&op, 1, NULL, 0), -ESRCH);
    }
}
