/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XENMEM_exchange: trading frames for others (below an address limit, or
 * contiguous), as Linux's swiotlb does; and the arguments it refuses.  A
 * failed chunk leaves the domain with the frames it offered.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-exchange: trading frames for others";

static long exchange(struct xen_memory_exchange *x, xen_pfn_t *in,
                     unsigned long nin, unsigned int in_order,
                     xen_pfn_t *out, unsigned long nout,
                     unsigned int out_order, unsigned int bits)
{
    memset(x, 0, sizeof(*x));
    set_xen_guest_handle(x->in.extent_start, in);
    x->in.nr_extents = nin;
    x->in.extent_order = in_order;
    x->in.domid = DOMID_SELF;
    set_xen_guest_handle(x->out.extent_start, out);
    x->out.nr_extents = nout;
    x->out.extent_order = out_order;
    x->out.mem_flags = bits;
    x->out.domid = DOMID_SELF;
    return memory_op(XENMEM_exchange, x);
}

void test_main(void)
{
    struct xen_memory_exchange x;
    xen_pfn_t in[2], out[2], m2p_mfn;
    struct xen_machphys_mfn_list l = { .max_extents = 1 };
    unsigned long *p2m_list = (unsigned long *)start_info->mfn_list;
    long cur0 = current_reservation();

    set_xen_guest_handle(l.extent_start, &m2p_mfn);
    CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0);

    /* One frame for one below 4 GiB: a new frame, zeroed, ours. */
    CHECK_EQ(map_at(0, spare_mfn(0), PTE_DATA), 0);
    *(uint64_t *)scratch(0) = 0x1111;
    CHECK_EQ(map_at(0, 0, 0), 0);
    in[0] = spare_mfn(0);
    out[0] = spare_pfn(0);
    CHECK_EQ(exchange(&x, in, 1, 0, out, 1, 0, 32), 0);
    CHECK_EQ(x.nr_exchanged, 1);
    CHECK(out[0] != in[0]);
    CHECK(out[0] < (1UL << 20));
    CHECK_EQ(m2p(out[0]), spare_pfn(0));
    CHECK_EQ(map_at(0, in[0], PTE_P | PTE_A), -EBUSY);
    p2m_list[spare_pfn(0)] = out[0];
    CHECK_EQ(map_at(0, out[0], PTE_DATA), 0);
    CHECK_EQ(*(uint64_t *)scratch(0), 0);
    CHECK_EQ(map_at(0, 0, 0), 0);
    CHECK_EQ(current_reservation(), cur0);

    /* Arguments refused before anything happens. */
    CHECK_EQ(exchange(&x, in, 1, 0, out, 1, 1, 0), -EINVAL);
    CHECK_EQ(x.nr_exchanged, 0);
    CHECK_EQ(exchange(&x, in, 1, 19, out, 1, 19, 0), -EPERM);
    x.in.domid = 0;
    CHECK_EQ(memory_op(XENMEM_exchange, &x), -EPERM);
    CHECK_EQ(memory_op(XENMEM_exchange | (1UL << 6), &x), -EINVAL);
    CHECK_EQ(memory_op(XENMEM_exchange, NULL), -EFAULT);
    exchange(&x, in, 1, 0, out, 1, 0, 0);
    x.in.domid = 0;
    CHECK_EQ(memory_op(XENMEM_exchange, &x), -EINVAL);
    exchange(&x, in, 1, 0, out, 1, 0, 0);
    x.nr_exchanged = 2;
    CHECK_EQ(memory_op(XENMEM_exchange, &x), -EINVAL);
    x.nr_exchanged = 1;
    CHECK_EQ(memory_op(XENMEM_exchange, &x), 0);

    /* Frames we may not trade: not ours, a table, a mapped page. */
    in[0] = m2p_mfn;
    CHECK_EQ(exchange(&x, in, 1, 0, out, 1, 0, 0), -EINVAL);
    CHECK_EQ(x.nr_exchanged, 0);
    in[0] = spare_mfn(1);
    CHECK(zero_frame(0, in[0]));
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, in[0]), 0);
    CHECK_EQ(exchange(&x, in, 1, 0, out, 1, 0, 0), -EINVAL);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, in[0]), 0);
    CHECK_EQ(map_at(0, in[0], PTE_P | PTE_A), 0);
    CHECK_EQ(exchange(&x, in, 1, 0, out, 1, 0, 0), -EINVAL);
    CHECK_EQ(map_at(0, 0, 0), 0);
    CHECK_EQ(current_reservation(), cur0);

    /* Nothing exists below 8 KiB to trade for: the frame stays ours. */
    out[0] = spare_pfn(1);
    CHECK_EQ(exchange(&x, in, 1, 0, out, 1, 0, 13), -ENOMEM);
    CHECK_EQ(x.nr_exchanged, 0);
    CHECK_EQ(map_at(0, in[0], PTE_DATA), 0);
    CHECK_EQ(map_at(0, 0, 0), 0);
    CHECK_EQ(current_reservation(), cur0);

    /* Two frames for one contiguous pair. */
    in[0] = spare_mfn(1);
    in[1] = spare_mfn(2);
    out[0] = spare_pfn(1);
    CHECK_EQ(exchange(&x, in, 2, 0, out, 1, 1, 0), 0);
    CHECK_EQ(x.nr_exchanged, 2);
    CHECK_EQ(out[0] & 1, 0);
    CHECK_EQ(m2p(out[0]), spare_pfn(1));
    CHECK_EQ(m2p(out[0] + 1), spare_pfn(1) + 1);
    p2m_list[spare_pfn(1)] = out[0];
    /* spare_pfn(2) is spare_pfn(1) - 1: give the new pair's second
     * frame back instead, and take one for spare_pfn(2). */
    in[0] = out[0] + 1;
    CHECK_EQ(reservation(XENMEM_decrease_reservation, in, 1, 0, 0), 1);
    in[0] = spare_pfn(2);
    CHECK_EQ(reservation(XENMEM_populate_physmap, in, 1, 0, 0), 1);
    p2m_list[spare_pfn(2)] = in[0];
    CHECK_EQ(current_reservation(), cur0);
}
