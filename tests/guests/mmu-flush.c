/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * TLB and cache maintenance through mmuext_op and update_va_mapping's
 * flags, with their argument checks; SET_LDT's checks; the superpage
 * commands Xen refuses.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-flush: flushes, LDT and refused commands";

static long ext(unsigned int cmd, unsigned long arg1, unsigned long arg2)
{
    mmuext_op_t op = { .cmd = cmd };

    op.arg1.linear_addr = arg1;
    op.arg2.nr_ents = arg2;
    if ( cmd == MMUEXT_TLB_FLUSH_MULTI || cmd == MMUEXT_INVLPG_MULTI )
        set_xen_guest_handle(op.arg2.vcpumask, (const void *)arg2);
    return mmuext(&op, 1, NULL, DOMID_SELF);
}

void test_main(void)
{
    unsigned long mask = 1, ma;
    unsigned long va = scratch_va(0), mfn = spare_mfn(0);
    uint64_t *pte = l1e_of(va, &ma);

    CHECK_EQ(ext(MMUEXT_TLB_FLUSH_LOCAL, 0, 0), 0);
    CHECK_EQ(ext(MMUEXT_TLB_FLUSH_ALL, 0, 0), 0);
    CHECK_EQ(ext(MMUEXT_INVLPG_LOCAL, va, 0), 0);
    CHECK_EQ(ext(MMUEXT_INVLPG_ALL, va, 0), 0);
    /* A non-canonical address is skipped, not refused. */
    CHECK_EQ(ext(MMUEXT_INVLPG_LOCAL, 0x8000000000000000UL, 0), 0);
    CHECK_EQ(ext(MMUEXT_INVLPG_ALL, 0x8000000000000000UL, 0), 0);
    /* The VCPU bitmaps are read: unreadable ones are refused. */
    CHECK_EQ(ext(MMUEXT_TLB_FLUSH_MULTI, 0, (unsigned long)&mask), 0);
    CHECK_EQ(ext(MMUEXT_INVLPG_MULTI, va, (unsigned long)&mask), 0);
    CHECK_EQ(ext(MMUEXT_TLB_FLUSH_MULTI, 0, 0), -EINVAL);
    CHECK_EQ(ext(MMUEXT_INVLPG_MULTI, va, 0xffff800000000000UL), -EINVAL);
    /* dom0 may write back caches. */
    CHECK_EQ(ext(MMUEXT_FLUSH_CACHE, 0, 0), 0);
    CHECK_EQ(ext(MMUEXT_FLUSH_CACHE_GLOBAL, 0, 0), 0);
    /* Superpage marking is gone. */
    CHECK_EQ(ext(MMUEXT_MARK_SUPER, 0, 0), -EOPNOTSUPP);
    CHECK_EQ(ext(MMUEXT_UNMARK_SUPER, 0, 0), -EOPNOTSUPP);

    /* SET_LDT: page-aligned, canonical, at most 8192 entries. */
    CHECK_EQ(ext(MMUEXT_SET_LDT, va + 8, 1), -EINVAL);
    CHECK_EQ(ext(MMUEXT_SET_LDT, va, 8193), -EINVAL);
    CHECK_EQ(ext(MMUEXT_SET_LDT, 0x800000000000UL, 1), -EINVAL);
    CHECK_EQ(ext(MMUEXT_SET_LDT, 0xffff800000000000UL, 1), -EINVAL);
    CHECK_EQ(ext(MMUEXT_SET_LDT, 12345, 0), 0);
    CHECK(zero_frame(0, mfn));
    CHECK_EQ(map_at(0, mfn, PTE_P | PTE_A), 0);
    CHECK_EQ(ext(MMUEXT_SET_LDT, va, 16), 0);
    CHECK_EQ(ext(MMUEXT_SET_LDT, 0, 0), 0);

    /* update_va_mapping's flush kinds. */
    CHECK_EQ(uvm(va, (mfn << 12) | PTE_DATA, UVMF_TLB_FLUSH | UVMF_LOCAL),
             0);
    CHECK_EQ(uvm(va, (mfn << 12) | PTE_DATA, UVMF_TLB_FLUSH | UVMF_ALL), 0);
    CHECK_EQ(uvm(va, (mfn << 12) | PTE_DATA, UVMF_INVLPG | UVMF_ALL), 0);
    CHECK_EQ(uvm(va, (mfn << 12) | PTE_DATA,
                 UVMF_INVLPG | (unsigned long)&mask), 0);
    CHECK_EQ(uvm(va, (mfn << 12) | PTE_DATA, UVMF_NONE), 0);
    CHECK_EQ(uvm(va, (mfn << 12) | PTE_DATA, 3), 0);
    /* An unreadable bitmap: the entry changed all the same. */
    CHECK_EQ(uvm(va, (mfn << 12) | PTE_P | PTE_A,
                 UVMF_TLB_FLUSH | 0x1000UL), -EFAULT);
    CHECK_EQ(*pte & PTE_RW, 0);
    CHECK_EQ(uvm(va, 0, UVMF_INVLPG | 0x1000UL), -EFAULT);
    CHECK_EQ(*pte, 0);
    (void)ma;
}
