/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The foreign-domain arguments of mmu_update, mmuext_op and
 * update_va_mapping_otherdomain: DOMID_SELF, oneself by number (refused),
 * domains that do not exist, DOMID_IO, and page-table owners.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-foreign: foreign-domain arguments";

static long uvm_other(unsigned long va, uint64_t pte, unsigned long flags,
                      unsigned int dom)
{
    return hypercall5(__HYPERVISOR_update_va_mapping_otherdomain, va, pte,
                      flags, dom, 0);
}

void test_main(void)
{
    unsigned long ma, va = scratch_va(0), mfn = spare_mfn(0);
    mmu_update_t req;
    unsigned int done;
    mmuext_op_t op = { .cmd = MMUEXT_TLB_FLUSH_LOCAL };

    l1e_of(va, &ma);
    req.ptr = ma;
    req.val = (mfn << 12) | PTE_DATA;
    CHECK_EQ(mmu_update(&req, 1, &done, DOMID_SELF), 0);
    CHECK_EQ(done, 1);
    /* Naming oneself as foreign is refused, so is a domain that is not. */
    CHECK_EQ(mmu_update(&req, 1, &done, 0), -ESRCH);
    CHECK_EQ(done, 0);
    CHECK_EQ(mmu_update(&req, 1, &done, 7), -ESRCH);
    CHECK_EQ(mmu_update(&req, 1, &done, DOMID_INVALID), -ESRCH);
    /* Page tables by domain number plus one: ours, or nobody's. */
    CHECK_EQ(mmu_update(&req, 1, &done, (1 << 16) | DOMID_SELF), 0);
    CHECK_EQ(mmu_update(&req, 1, &done, (6 << 16) | DOMID_SELF), -ESRCH);
    /* Unchanged, an entry needs no new reference: no owner is checked. */
    CHECK_EQ(mmu_update(&req, 1, &done, DOMID_IO), 0);
    /* Otherwise our RAM is not I/O memory. */
    CHECK_EQ(uvm(va, 0, UVMF_INVLPG), 0);
    CHECK_EQ(mmu_update(&req, 1, &done, DOMID_IO), -EBUSY);
    req.val = (0xb8UL << 12) | PTE_DATA;
    CHECK_EQ(mmu_update(&req, 1, &done, DOMID_IO), 0);
    CHECK_EQ(mmu_update(&req, 1, &done, DOMID_SELF), 0);

    /* mmuext_op: only the caller's own TLB and tables. */
    CHECK_EQ(mmuext(&op, 1, &done, DOMID_SELF), 0);
    CHECK_EQ(mmuext(&op, 1, &done, 0), -ESRCH);
    CHECK_EQ(mmuext(&op, 1, &done, 9), -ESRCH);
    CHECK_EQ(mmuext(&op, 1, &done, DOMID_IO), -EPERM);
    CHECK_EQ(done, 0);

    /* update_va_mapping for another domain's frames. */
    CHECK_EQ(uvm(va, 0, UVMF_INVLPG), 0);
    CHECK_EQ(uvm_other(va, (mfn << 12) | PTE_DATA, UVMF_INVLPG, DOMID_SELF),
             0);
    CHECK_EQ(uvm_other(va, (mfn << 12) | PTE_DATA, UVMF_INVLPG, 0), -ESRCH);
    CHECK_EQ(uvm_other(va, (mfn << 12) | PTE_DATA, UVMF_INVLPG, 3), -ESRCH);
    CHECK_EQ(uvm_other(va, (mfn << 12) | PTE_DATA, UVMF_INVLPG, DOMID_IO),
             0);
    CHECK_EQ(uvm(va, 0, UVMF_INVLPG), 0);
    CHECK_EQ(uvm_other(va, (mfn << 12) | PTE_DATA, UVMF_INVLPG, DOMID_IO),
             -EBUSY);
    CHECK_EQ(uvm_other(va, (0xb8UL << 12) | PTE_DATA, UVMF_INVLPG,
                       DOMID_IO), 0);
    CHECK_EQ(uvm(va, 0, UVMF_INVLPG), 0);
}
