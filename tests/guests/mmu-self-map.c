/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Self-referencing L4 entries.  Pointed at itself read-only, an L4 gives a
 * read-only view of all page tables (Xen's linear page tables); writable,
 * it would hand the guest its own tables, so it is refused.
 */
#include "mmu-common.h"
#include "traps.h"

const char test_title[] = "mmu-self-map: self-referencing L4 entries";

#define SLOT 100UL

static unsigned long linear(unsigned long s4, unsigned long s3,
                            unsigned long s2, unsigned long s1)
{
    unsigned long va = (s4 << 39) | (s3 << 30) | (s2 << 21) | (s1 << 12);

    return s4 >= 256 ? va | 0xffff000000000000UL : va;
}

static uint64_t *target;

static void write_target(void)
{
    /* 48 89 37: mov %rsi, (%rdi) */
    asm volatile ( "mov %%rsi, (%%rdi)"
                   :: "D" (target), "S" (0x1234UL) : "memory" );
}

void test_main(void)
{
    unsigned long l4 = l4_mfn(), ma = entry_ma(l4, SLOT);
    uint64_t self = (l4 << 12) | PTE_P | PTE_US | PTE_A, *view;

    traps_init();
    CHECK_EQ(l4_table()[SLOT], 0);
    /* Writable: the guest would own its page tables. */
    CHECK_EQ(mmu_update1(ma, self | PTE_RW), -EINVAL);
    CHECK_EQ(l4_table()[SLOT], 0);

    /* Read-only: a window on every table. */
    CHECK_EQ(mmu_update1(ma, self), 0);
    printf("mmu-self-map: L4[%lu] = %#lx\n", SLOT, l4_table()[SLOT]);
    view = (uint64_t *)linear(SLOT, SLOT, SLOT, SLOT);
    CHECK_EQ(view[511], l4_table()[511]);
    CHECK_EQ(view[SLOT], l4_table()[SLOT]);
    /* The L3 of the kernel mapping, one level down. */
    view = (uint64_t *)linear(SLOT, SLOT, SLOT, 511);
    CHECK_EQ(view[510], table_va(l4_table()[511])[510]);

    /* Writing through the window faults, writable page tables or not. */
    CHECK_EQ(vm_assist(VMASST_CMD_enable, VMASST_TYPE_writable_pagetables),
             0);
    target = (uint64_t *)linear(SLOT, SLOT, SLOT, SLOT) + 5;
    CHECK(expect_trap(VEC_PF, 3, write_target));
    CHECK_EQ(last_trap.cr2, (unsigned long)target);
    CHECK_EQ(l4_table()[5], 0);
    /* An L1 of ours, also through the window: a real page table. */
    target = (uint64_t *)linear(SLOT, SLOT, 511, 510);
    CHECK(expect_trap(VEC_PF, 3, write_target));

    /* Two self entries, and changing the flags of one (fast path). */
    CHECK_EQ(mmu_update1(entry_ma(l4, SLOT + 1), self), 0);
    CHECK_EQ(mmu_update1(ma, self | PTE_NX), 0);
    CHECK_EQ(mmu_update1(ma, self | PTE_RW), -EINVAL);
    CHECK_EQ(mmu_update1(entry_ma(l4, SLOT + 1), 0), 0);
    CHECK_EQ(mmu_update1(ma, 0), 0);
    CHECK_EQ(l4_table()[SLOT], 0);

    /* The table is still whole: pin and unpin the L4 as a check. */
    CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, l4), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L4_TABLE, l4), 0);
}
