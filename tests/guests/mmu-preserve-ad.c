/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MMU_PT_UPDATE_PRESERVE_AD keeps the Accessed and Dirty bits the CPU set
 * in the entry; a normal update replaces them.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-preserve-ad: keeping the A and D bits";

void test_main(void)
{
    unsigned long ma, mfn = spare_mfn(0);
    volatile uint64_t *pte = l1e_of(scratch_va(0), &ma);
    volatile uint64_t *page = scratch(0);

    CHECK_EQ(uvm(scratch_va(0), (mfn << 12) | PTE_P | PTE_RW, UVMF_INVLPG),
             0);
    CHECK_EQ(*pte & (PTE_A | PTE_D), 0);
    (void)*page;
    CHECK_EQ(*pte & (PTE_A | PTE_D), PTE_A);
    *page = 1;
    CHECK_EQ(*pte & (PTE_A | PTE_D), PTE_A | PTE_D);

    /* Preserved: the new value has neither, the entry keeps both. */
    CHECK_EQ(mmu_update1(ma | MMU_PT_UPDATE_PRESERVE_AD,
                         (mfn << 12) | PTE_P | PTE_RW | PTE_NX), 0);
    CHECK_EQ(*pte & (PTE_A | PTE_D | PTE_NX), PTE_A | PTE_D | PTE_NX);
    /* Replaced. */
    CHECK_EQ(mmu_update1(ma | MMU_NORMAL_PT_UPDATE,
                         (mfn << 12) | PTE_P | PTE_RW), 0);
    CHECK_EQ(*pte & (PTE_A | PTE_D | PTE_NX), 0);
    /* Preserved even while the frame changes. */
    CHECK_EQ(mmuext1(MMUEXT_INVLPG_LOCAL, 0), 0);
    CHECK_EQ(uvm(scratch_va(0), (mfn << 12) | PTE_P | PTE_RW, UVMF_INVLPG),
             0);
    *page = 2;
    CHECK_EQ(mmu_update1(ma | MMU_PT_UPDATE_PRESERVE_AD,
                         (spare_mfn(1) << 12) | PTE_P), 0);
    CHECK_EQ(*pte & (PTE_A | PTE_D | PTE_RW), PTE_A | PTE_D);
    CHECK_EQ((*pte & PTE_ADDR) >> 12, spare_mfn(1));
    /* Flags on update_va_mapping are taken as given. */
    CHECK_EQ(uvm(scratch_va(0), (mfn << 12) | PTE_P, UVMF_INVLPG), 0);
    CHECK_EQ(*pte & (PTE_A | PTE_D), 0);
    CHECK_EQ(map_at(0, 0, 0), 0);
}
