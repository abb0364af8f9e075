/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Batches that fail halfway: mmu_update and mmuext_op stop at the first
 * failing request, keep what the earlier ones did, leave the later ones
 * undone and say in 'done' how far they got.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-batch: batches that fail halfway";

#define N 7

static unsigned long pte_ma[N];

static uint64_t pte(unsigned int i)
{
    return *l1e_of(scratch_va(i), NULL);
}

static void test_mmu_update(unsigned long bad_mfn)
{
    mmu_update_t req[N];
    uint64_t before[N];
    unsigned int done = 99;

    for ( unsigned int i = 0; i < N; i++ )
    {
        l1e_of(scratch_va(i), &pte_ma[i]);
        before[i] = pte(i);
        req[i].ptr = pte_ma[i] | MMU_NORMAL_PT_UPDATE;
        req[i].val = (spare_mfn(i) << 12) | PTE_P | PTE_A;
    }
    /* The fifth maps a frame that is not ours. */
    req[4].val = (bad_mfn << 12) | PTE_P | PTE_A;
    CHECK_EQ(mmu_update(req, N, &done, DOMID_SELF), -EBUSY);
    CHECK_EQ(done, 4);
    for ( unsigned int i = 0; i < N; i++ )
    {
        if ( i < 4 )
            CHECK_EQ((pte(i) & PTE_ADDR) >> 12, spare_mfn(i));
        else
            CHECK_EQ(pte(i), before[i]);
    }

    /* Resuming from where it stopped, with the bad one fixed. */
    req[4].val = (spare_mfn(4) << 12) | PTE_P | PTE_A;
    done = 0;
    CHECK_EQ(mmu_update(&req[4], N - 4, &done, DOMID_SELF), 0);
    CHECK_EQ(done, N - 4);

    /* An unknown request type stops the batch the same way. */
    for ( unsigned int i = 0; i < N; i++ )
    {
        req[i].ptr = pte_ma[i] | MMU_NORMAL_PT_UPDATE;
        req[i].val = before[i];
    }
    req[2].ptr = pte_ma[2] | 5;
    CHECK_EQ(mmu_update(req, N, &done, DOMID_SELF), -ENOSYS);
    CHECK_EQ(done, 2);
    CHECK_EQ(pte(1), before[1]);
    CHECK_EQ((pte(2) & PTE_ADDR) >> 12, spare_mfn(2));
    req[2].ptr = pte_ma[2];
    CHECK_EQ(mmu_update(&req[2], N - 2, &done, DOMID_SELF), 0);
    CHECK_EQ(done, N - 2);
    for ( unsigned int i = 0; i < N; i++ )
        CHECK_EQ(pte(i), before[i]);

    /* A count carried over from a continuation: added to. */
    done = 5;
    CHECK_EQ(mmu_update(req, 1 | 0x80000000U, &done, DOMID_SELF), 0);
    CHECK_EQ(done, 6);
    /* A 'done' we cannot write does not change the outcome. */
    CHECK_EQ(mmu_update(req, 1, (unsigned int *)0xffff800000000000UL,
                        DOMID_SELF), 0);
}

/* Requests running into a page that is not mapped: -EFAULT there. */
static void test_fault_midway(void)
{
    mmu_update_t *req;
    unsigned int done = 0, n = 6;

    CHECK_EQ(map_at(10, spare_mfn(10), PTE_DATA), 0);
    CHECK_EQ(map_at(11, 0, 0), 0);
    req = (mmu_update_t *)((char *)scratch(10) + PAGE) - 3;
    for ( unsigned int i = 0; i < 3; i++ )
    {
        req[i].ptr = pte_ma[i];
        req[i].val = *l1e_of(scratch_va(i), NULL);
    }
    CHECK_EQ(mmu_update(req, n, &done, DOMID_SELF), -EFAULT);
    CHECK_EQ(done, 3);
    CHECK_EQ(map_at(10, 0, 0), 0);
}

static void test_mmuext(unsigned long bad_mfn)
{
    mmuext_op_t op[5];
    unsigned int done = 99;

    memset(op, 0, sizeof(op));
    op[0].cmd = MMUEXT_TLB_FLUSH_LOCAL;
    op[1].cmd = MMUEXT_PIN_L1_TABLE;
    op[1].arg1.mfn = spare_mfn(20);
    op[2].cmd = MMUEXT_PIN_L1_TABLE;
    op[2].arg1.mfn = bad_mfn;
    op[3].cmd = MMUEXT_PIN_L1_TABLE;
    op[3].arg1.mfn = spare_mfn(21);
    op[4].cmd = MMUEXT_TLB_FLUSH_LOCAL;
    CHECK(zero_frame(0, spare_mfn(20)));
    CHECK(zero_frame(0, spare_mfn(21)));
    CHECK_EQ(mmuext(op, 5, &done, DOMID_SELF), -EINVAL);
    CHECK_EQ(done, 2);
    /* The first pin stands, the last was never tried. */
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, spare_mfn(20)), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, spare_mfn(21)), -EINVAL);

    /* An unknown command: -ENOSYS at its index. */
    op[1].cmd = MMUEXT_INVLPG_LOCAL;
    op[1].arg1.linear_addr = scratch_va(0);
    op[2].cmd = 14;
    CHECK_EQ(mmuext(op, 5, &done, DOMID_SELF), -ENOSYS);
    CHECK_EQ(done, 2);
    op[2].cmd = 200;
    CHECK_EQ(mmuext(op, 5, &done, DOMID_SELF), -ENOSYS);
    CHECK_EQ(done, 2);
    CHECK_EQ(mmuext(op, 0, &done, DOMID_SELF), 0);
    CHECK_EQ(done, 0);
}

void test_main(void)
{
    xen_pfn_t m2p_mfn;
    struct xen_machphys_mfn_list l = { .max_extents = 1 };

    set_xen_guest_handle(l.extent_start, &m2p_mfn);
    if ( !CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0) )
        return;
    test_mmu_update(m2p_mfn);
    test_fault_midway();
    test_mmuext(m2p_mfn);
}
