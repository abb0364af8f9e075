/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MMUEXT_CLEAR_PAGE and MMUEXT_COPY_PAGE: the hypervisor writes a frame
 * for the guest, so the destination must be one the guest could map
 * writable (its own, no table); a source need only be its own.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-copy-clear: pages cleared and copied for us";

static long copy_page(unsigned long dst, unsigned long src)
{
    mmuext_op_t op = { .cmd = MMUEXT_COPY_PAGE };

    op.arg1.mfn = dst;
    op.arg2.src_mfn = src;
    return mmuext(&op, 1, NULL, DOMID_SELF);
}

void test_main(void)
{
    unsigned long a = spare_mfn(0), b = spare_mfn(1), t = spare_mfn(2);
    xen_pfn_t m2p_mfn;
    struct xen_machphys_mfn_list l = { .max_extents = 1 };
    uint64_t *pa = scratch(0), *pb = scratch(1);

    set_xen_guest_handle(l.extent_start, &m2p_mfn);
    CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0);

    CHECK_EQ(map_at(0, a, PTE_DATA), 0);
    CHECK_EQ(map_at(1, b, PTE_P | PTE_A), 0);
    for ( unsigned int i = 0; i < 512; i++ )
        pa[i] = i * 0x0101010101010101UL;
    /* Copy into a frame mapped read-only, then clear the source. */
    CHECK_EQ(copy_page(b, a), 0);
    CHECK_EQ(pb[511], 511 * 0x0101010101010101UL);
    CHECK_EQ(mmuext1(MMUEXT_CLEAR_PAGE, a), 0);
    CHECK_EQ(pa[5], 0);

    /* A table may be read from, never written. */
    CHECK(zero_frame(2, t));
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, t), 0);
    CHECK_EQ(mmuext1(MMUEXT_CLEAR_PAGE, t), -EINVAL);
    CHECK_EQ(copy_page(t, a), -EINVAL);
    CHECK_EQ(copy_page(a, t), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, t), 0);

    /* Frames that are not ours, either way. */
    CHECK_EQ(mmuext1(MMUEXT_CLEAR_PAGE, m2p_mfn), -EINVAL);
    CHECK_EQ(copy_page(a, m2p_mfn), -EINVAL);
    CHECK_EQ(copy_page(m2p_mfn, a), -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_CLEAR_PAGE, 0xb8), -EINVAL);
    CHECK_EQ(copy_page(a, 0xb8), -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_CLEAR_PAGE, 1UL << 40), -EINVAL);
    CHECK_EQ(pb[511], 511 * 0x0101010101010101UL);

    /* A batch of both. */
    {
        mmuext_op_t op[3];
        unsigned int done = 0;

        memset(op, 0, sizeof(op));
        op[0].cmd = MMUEXT_COPY_PAGE;
        op[0].arg1.mfn = a;
        op[0].arg2.src_mfn = b;
        op[1].cmd = MMUEXT_CLEAR_PAGE;
        op[1].arg1.mfn = b;
        op[2].cmd = MMUEXT_CLEAR_PAGE;
        op[2].arg1.mfn = m2p_mfn;
        CHECK_EQ(mmuext(op, 3, &done, DOMID_SELF), -EINVAL);
        CHECK_EQ(done, 2);
        CHECK_EQ(pa[511], 511 * 0x0101010101010101UL);
        CHECK_EQ(pb[511], 0);
    }
    CHECK_EQ(map_at(0, 0, 0), 0);
    CHECK_EQ(map_at(1, 0, 0), 0);
}
