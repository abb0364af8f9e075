/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MMU hypercalls batched with multicall, as Linux batches its lazy MMU
 * updates: each entry gets its own result, a failing one does not stop
 * the batch, and the effects are those of the calls made one by one.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-multicall: MMU updates in a multicall";

static void set(multicall_entry_t *mc, unsigned long op, unsigned long a0,
                unsigned long a1, unsigned long a2, unsigned long a3)
{
    memset(mc, 0, sizeof(*mc));
    mc->op = op;
    mc->result = 0x5a5a;
    mc->args[0] = a0;
    mc->args[1] = a1;
    mc->args[2] = a2;
    mc->args[3] = a3;
}

void test_main(void)
{
    multicall_entry_t mc[6];
    mmu_update_t req[2];
    mmuext_op_t op;
    unsigned int done = 99;
    unsigned long a = spare_mfn(0), b = spare_mfn(1), ma;
    uint64_t *pte1 = l1e_of(scratch_va(1), &ma);

    CHECK(zero_frame(0, b));
    req[0].ptr = ma;
    req[0].val = (a << 12) | PTE_DATA;
    req[1].ptr = ma | 6;
    req[1].val = 0;
    memset(&op, 0, sizeof(op));
    op.cmd = MMUEXT_PIN_L1_TABLE;
    op.arg1.mfn = b;

    set(&mc[0], __HYPERVISOR_update_va_mapping, scratch_va(0),
        (a << 12) | PTE_DATA, UVMF_INVLPG, 0);
    /* Refused: b is about to be pinned... but not yet: allowed. */
    set(&mc[1], __HYPERVISOR_update_va_mapping, scratch_va(2),
        (b << 12) | PTE_P | PTE_A, UVMF_INVLPG, 0);
    set(&mc[2], __HYPERVISOR_mmuext_op, (unsigned long)&op, 1, 0,
        DOMID_SELF);
    /* Refused: b is a table now. */
    set(&mc[3], __HYPERVISOR_update_va_mapping, scratch_va(3),
        (b << 12) | PTE_DATA, UVMF_INVLPG, 0);
    set(&mc[4], __HYPERVISOR_mmu_update, (unsigned long)req, 2,
        (unsigned long)&done, DOMID_SELF);
    set(&mc[5], __HYPERVISOR_mmuext_op, (unsigned long)&op, 1, 0,
        DOMID_SELF);

    CHECK_EQ(hypercall2(__HYPERVISOR_multicall, mc, 6), 0);
    CHECK_EQ(mc[0].result, 0);
    CHECK_EQ(mc[1].result, 0);
    CHECK_EQ(mc[2].result, 0);
    CHECK_EQ(mc[3].result, -EBUSY);
    CHECK_EQ(mc[4].result, -ENOSYS);
    CHECK_EQ(done, 1);
    CHECK_EQ(mc[5].result, -EINVAL);
    CHECK_EQ((*pte1 & PTE_ADDR) >> 12, a);
    *(volatile uint64_t *)scratch(0) = 0x77;
    CHECK_EQ(mmuext1(MMUEXT_INVLPG_LOCAL, 0), 0);
    CHECK_EQ(mmuext1(MMUEXT_TLB_FLUSH_LOCAL, 0), 0);
    CHECK_EQ(*(volatile uint64_t *)scratch(1), 0x77);

    /* Undo, also batched. */
    op.cmd = MMUEXT_UNPIN_TABLE;
    set(&mc[0], __HYPERVISOR_mmuext_op, (unsigned long)&op, 1, 0,
        DOMID_SELF);
    for ( unsigned int i = 1; i < 5; i++ )
        set(&mc[i], __HYPERVISOR_update_va_mapping, scratch_va(i - 1), 0,
            UVMF_INVLPG, 0);
    CHECK_EQ(hypercall2(__HYPERVISOR_multicall, mc, 5), 0);
    for ( unsigned int i = 0; i < 5; i++ )
        CHECK_EQ(mc[i].result, 0);
    CHECK_EQ(map_at(0, b, PTE_DATA), 0);
    CHECK_EQ(map_at(0, 0, 0), 0);
}
