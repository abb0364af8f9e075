/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The machine-to-physical table: read-only to guests, changed only with
 * MMU_MACHPHYS_UPDATE on frames the caller owns (or names through
 * DOMID_IO), and not mapped beyond the machine's memory.
 */
#include "mmu-common.h"
#include "traps.h"

const char test_title[] = "mmu-m2p: the machine-to-physical table";

static unsigned long *where;

static void store(void)
{
    /* 48 89 37: mov %rsi, (%rdi) */
    asm volatile ( "mov %%rsi, (%%rdi)"
                   :: "D" (where), "S" (0x1234UL) : "memory" );
}

static void load(void)
{
    unsigned long v;

    /* 48 8b 07: mov (%rdi), %rax */
    asm volatile ( "mov (%%rdi), %%rax" : "=a" (v) : "D" (where) );
}

static long machphys(unsigned long mfn, unsigned long pfn, unsigned int dom)
{
    mmu_update_t req = { (mfn << 12) | MMU_MACHPHYS_UPDATE, pfn };

    return mmu_update(&req, 1, NULL, dom);
}

void test_main(void)
{
    struct xen_machphys_mapping map;
    xen_pfn_t mfns[2];
    struct xen_machphys_mfn_list l = { .max_extents = 2 };
    unsigned long mfn = spare_mfn(0), saved;
    long max_ram;

    traps_init();
    CHECK_EQ(memory_op(XENMEM_machphys_mapping, &map), 0);
    max_ram = memory_op(XENMEM_maximum_ram_page, NULL);
    printf("mmu-m2p: maximum RAM page %#lx, max_mfn %#lx\n", max_ram,
           map.max_mfn);
    CHECK_EQ(max_ram, map.max_mfn + 1);
    CHECK_EQ(memory_op(XENMEM_maximum_ram_page | (1UL << 6), NULL), -EINVAL);

    /* Our frames map back to our PFNs. */
    CHECK_EQ(m2p(mfn), spare_pfn(0));
    CHECK_EQ(m2p(l4_mfn()), (start_info->pt_base - VIRT_BASE) / PAGE);

    /* We may change our own entries. */
    CHECK_EQ(machphys(mfn, 0x12345, DOMID_SELF), 0);
    CHECK_EQ(m2p(mfn), 0x12345);
    CHECK_EQ(machphys(mfn, spare_pfn(0), DOMID_SELF), 0);
    CHECK_EQ(m2p(mfn), spare_pfn(0));

    /* Not those of frames we do not own... */
    set_xen_guest_handle(l.extent_start, mfns);
    CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0);
    CHECK_EQ(machphys(mfns[0], 0, DOMID_SELF), -EINVAL);
    CHECK_EQ(machphys(0xb8, 0, DOMID_SELF), -EINVAL);
    CHECK_EQ(machphys(1UL << 40, 0, DOMID_SELF), -EINVAL);
    /* ...unless they are I/O frames named as such. */
    saved = m2p(0xb8);
    CHECK_EQ(machphys(0xb8, 0x777, DOMID_IO), 0);
    CHECK_EQ(m2p(0xb8), 0x777);
    CHECK_EQ(machphys(0xb8, saved, DOMID_IO), 0);
    CHECK_EQ(machphys(mfn, 0, DOMID_IO), -EINVAL);

    /* The list of the table's frames. */
    l.max_extents = 0;
    CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0);
    CHECK_EQ(l.nr_extents, 0);
    l.max_extents = 1;
    CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0);
    CHECK_EQ(l.nr_extents, 1);
    CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, (void *)8), -EFAULT);

    /* Writing the table directly faults; it is read-only. */
    where = (unsigned long *)M2P_BASE + mfn;
    CHECK(expect_trap(VEC_PF, 3, store));
    CHECK_EQ(last_trap.f.error_code & 3, 3);
    CHECK_EQ(m2p(mfn), spare_pfn(0));
    /* Nothing is mapped a gigabyte in (no RAM that far here). */
    where = (unsigned long *)(M2P_BASE + (1UL << 30));
    CHECK(expect_trap(VEC_PF, 3, load));
    CHECK_EQ(last_trap.f.error_code & 1, 0);
    /* Nor may a guest map the table's frames itself. */
    CHECK_EQ(map_at(0, mfns[0], PTE_P | PTE_A), -EBUSY);
}
