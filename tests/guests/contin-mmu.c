/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Huge mmu_update and mmuext_op batches, stopped and continued by the
 * hypervisor as it sees fit: whatever the stops, each batch ends as one
 * uninterrupted call would, 'done' counting every request done, a failure
 * deep in the batch stopping it at exactly that request.
 */
#include "contin-common.h"

const char test_title[] = "contin-mmu: huge MMU batches";

#define N       16384
#define SLOTS   64
#define FAIL_AT 12345
#define NX      8192

static mmu_update_t req[N];
static mmuext_op_t ops[NX];
static unsigned long ma[SLOTS];

static unsigned long slot_mfn(unsigned int slot)
{
    return (*l1e_of(scratch_va(slot), NULL) & PTE_ADDR) >> 12;
}

/* Request i maps frame mfn at slot i % SLOTS. */
static void fill(unsigned int from, unsigned int to, unsigned long mfn)
{
    for ( unsigned int i = from; i < to; i++ )
    {
        req[i].ptr = ma[i % SLOTS] | MMU_NORMAL_PT_UPDATE;
        req[i].val = (mfn << 12) | PTE_DATA;
    }
}

static void test_mmu_update(unsigned long bad_mfn)
{
    volatile unsigned int done = 77;
    unsigned int bad = 0;

    /* Each slot ends with what its last request wrote. */
    for ( unsigned int i = 0; i < N; i++ )
    {
        req[i].ptr = ma[i % SLOTS] | MMU_NORMAL_PT_UPDATE;
        req[i].val = (spare_mfn(40 + (i / SLOTS) % 4) << 12) | PTE_DATA;
    }
    CHECK_EQ(contin_call("mmu_update", __HYPERVISOR_mmu_update,
                         (unsigned long)req, N, (unsigned long)&done,
                         DOMID_SELF, 0), 0);
    CHECK_EQ(done, N);
    for ( unsigned int s = 0; s < SLOTS; s++ )
        bad += slot_mfn(s) != spare_mfn(40 + ((N - SLOTS + s) / SLOTS) % 4);
    CHECK_EQ(bad, 0);

    /* Without a 'done' to report to. */
    fill(0, N, spare_mfn(44));
    CHECK_EQ(contin_call("mmu_update, no done", __HYPERVISOR_mmu_update,
                         (unsigned long)req, N, 0, DOMID_SELF, 0), 0);
    bad = 0;
    for ( unsigned int s = 0; s < SLOTS; s++ )
        bad += slot_mfn(s) != spare_mfn(44);
    CHECK_EQ(bad, 0);

    /* A request deep in the batch fails: nothing after it is done. */
    fill(0, FAIL_AT, spare_mfn(45));
    req[FAIL_AT].val = (bad_mfn << 12) | PTE_DATA;
    fill(FAIL_AT + 1, N, spare_mfn(46));
    done = 77;
    CHECK_EQ(contin_call("mmu_update, failing", __HYPERVISOR_mmu_update,
                         (unsigned long)req, N, (unsigned long)&done,
                         DOMID_SELF, 0), -EBUSY);
    CHECK_EQ(done, FAIL_AT);
    bad = 0;
    for ( unsigned int s = 0; s < SLOTS; s++ )
        bad += slot_mfn(s) != spare_mfn(45);
    CHECK_EQ(bad, 0);

    /* Carried over from a continuation of the guest's own making. */
    done = 1000;
    fill(0, N, spare_mfn(47));
    CHECK_EQ(contin_call("mmu_update, carried over",
                         __HYPERVISOR_mmu_update, (unsigned long)req,
                         N | 0x80000000U, (unsigned long)&done, DOMID_SELF,
                         0), 0);
    CHECK_EQ(done, 1000 + N);
}

static void test_mmuext(void)
{
    unsigned long l1 = spare_mfn(50), other = spare_mfn(51);
    volatile unsigned int done = 77;

    CHECK(zero_frame(0, l1));
    CHECK(zero_frame(0, other));
    /* Pin, unpin, pin, ...: an odd count leaves it pinned. */
    memset(ops, 0, sizeof(ops));
    for ( unsigned int i = 0; i < NX; i++ )
    {
        ops[i].cmd = i & 1 ? MMUEXT_UNPIN_TABLE : MMUEXT_PIN_L1_TABLE;
        ops[i].arg1.mfn = l1;
    }
    CHECK_EQ(contin_call("mmuext_op", __HYPERVISOR_mmuext_op,
                         (unsigned long)ops, NX - 1, (unsigned long)&done,
                         DOMID_SELF, 0), 0);
    CHECK_EQ(done, NX - 1);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l1), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l1), -EINVAL);

    /* An unpin of a table never pinned, deep in the batch. */
    ops[FAIL_AT / 2 + 1].arg1.mfn = other;
    CHECK_EQ(contin_call("mmuext_op, failing", __HYPERVISOR_mmuext_op,
                         (unsigned long)ops, NX, (unsigned long)&done,
                         DOMID_SELF, 0), -EINVAL);
    CHECK_EQ(done, FAIL_AT / 2 + 1);
    /* It stopped with the table pinned, by the op before. */
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l1), 0);
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, other), -EINVAL);
}

void test_main(void)
{
    uint64_t before[SLOTS];
    xen_pfn_t m2p_mfn;
    struct xen_machphys_mfn_list l = { .max_extents = 1 };

    set_xen_guest_handle(l.extent_start, &m2p_mfn);
    if ( !CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0) )
        return;
    for ( unsigned int s = 0; s < SLOTS; s++ )
        before[s] = *l1e_of(scratch_va(s), &ma[s]);

    test_mmu_update(m2p_mfn);
    for ( unsigned int s = 0; s < SLOTS; s++ )
        CHECK_EQ(mmu_update1(ma[s], before[s]), 0);
    test_mmuext();
}
