/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writable page tables do not widen what a guest may map: a store into an
 * L1 table that would map a page table writable, or a frame not ours, is
 * not emulated and the guest takes the page fault; so are stores into
 * higher-level tables.  (dom0 has the assist whether it asks or not.)
 */
#include "mmu-common.h"
#include "traps.h"

const char test_title[] = "mmu-ptwr-attack: what emulated stores refuse";

static uint64_t *target;
static uint64_t value;

static void store(void)
{
    /* 48 89 37: mov %rsi, (%rdi) */
    asm volatile ( "mov %%rsi, (%%rdi)"
                   :: "D" (target), "S" (value) : "memory" );
}

static void try_store(const char *what, uint64_t *where, uint64_t v,
                      bool faults)
{
    uint64_t before = *where;

    printf("mmu-ptwr-attack: %s\n", what);
    target = where;
    value = v;
    if ( faults )
    {
        CHECK(expect_trap(VEC_PF, 3, store));
        CHECK_EQ(last_trap.cr2, (unsigned long)where);
        CHECK_EQ(last_trap.f.error_code & 3, 3);
        CHECK_EQ(*where, before);
    }
    else
    {
        store();
        CHECK_EQ(*where & PTE_ADDR, v & PTE_ADDR);
    }
}

void test_main(void)
{
    unsigned long ma, l1mfn;
    uint64_t *pte = l1e_of(scratch_va(0), &ma);
    uint64_t *l4 = l4_table();
    xen_pfn_t m2p_mfn;
    struct xen_machphys_mfn_list l = { .max_extents = 1 };

    set_xen_guest_handle(l.extent_start, &m2p_mfn);
    CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0);
    l1mfn = ma >> 12;
    traps_init();

    /* Off (the default): dom0's stores are emulated all the same. */
    try_store("assist off", pte, (spare_mfn(0) << 12) | PTE_DATA, false);

    CHECK_EQ(vm_assist(VMASST_CMD_enable, VMASST_TYPE_writable_pagetables),
             0);
    try_store("assist on", pte, (spare_mfn(0) << 12) | PTE_DATA, false);
    /* The L1 itself, writable: it would be ours to rewrite. */
    try_store("L1 mapping itself writable", pte,
              (l1mfn << 12) | PTE_DATA, true);
    try_store("L1 mapping itself read-only", pte,
              (l1mfn << 12) | PTE_P | PTE_A, false);
    /* Our L4, writable. */
    try_store("L4 writable", pte, (l4_mfn() << 12) | PTE_DATA, true);
    /* The hypervisor's M2P frames, and the local APIC. */
    try_store("M2P frame", pte, (m2p_mfn << 12) | PTE_P | PTE_A, true);
    try_store("local APIC", pte, (0xfee00UL << 12) | PTE_DATA, true);
    /* Caching bits are the hardware domain's to choose. */
    try_store("uncached", pte, (spare_mfn(0) << 12) | PTE_DATA | PTE_PCD,
              false);
    /* Bit 62 is available to guests (it marks grants only in debug). */
    try_store("bit 62", pte,
              (spare_mfn(0) << 12) | PTE_DATA | (1UL << 62), false);
    /* Read-only MMIO: dom0's stores there are dropped, not faulted. */
    try_store("I/O APIC", pte, (0xfec00UL << 12) | PTE_DATA, false);
    CHECK_EQ(*pte & PTE_RW, 0);
    {
        mmuext_op_t op = { .cmd = MMUEXT_INVLPG_LOCAL };

        op.arg1.linear_addr = scratch_va(0);
        CHECK_EQ(mmuext(&op, 1, NULL, DOMID_SELF), 0);
        target = scratch(0);
        value = 0;
        store();
        printf("mmu-ptwr-attack: store to the I/O APIC dropped\n");
    }
    /* Only L1s are emulated: the L4 is not. */
    try_store("L4 entry", &l4[100], (spare_mfn(1) << 12) | PTE_TABLE,
              true);
    try_store("clear", pte, 0, false);
    CHECK_EQ(*pte, 0);
    CHECK_EQ(map_at(0, 0, 0), 0);
}
