/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Mapping frames that are not ours: the hypervisor's (the M2P table's,
 * any RAM we were not given), the interrupt controllers it drives, frames
 * past the physical address width; and the I/O frames dom0 may map.
 */
#include "mmu-common.h"

const char test_title[] = "mmu-map-foreign: frames of the hypervisor and I/O";

/* A RAM frame above 1 MiB that the M2P says is not ours. */
static unsigned long unowned_ram_frame(void)
{
    for ( unsigned long mfn = 0x100; mfn < 0x1ff00; mfn++ )
    {
        unsigned long pfn = m2p(mfn);

        if ( pfn >= start_info->nr_pages || p2m(pfn) != mfn )
            return mfn;
    }
    return 0;
}

static void try_map(const char *what, unsigned long mfn, unsigned long flags,
                    long want)
{
    long rc = map_at(0, mfn, flags);

    printf("mmu-map-foreign: %s (mfn %#lx, flags %#lx): %ld\n", what, mfn,
           flags, rc);
    CHECK_EQ(rc, want);
    if ( !rc )
        CHECK_EQ(map_at(0, 0, 0), 0);
}

void test_main(void)
{
    xen_pfn_t mfns[2];
    struct xen_machphys_mfn_list l = { .max_extents = 2 };
    unsigned long other = unowned_ram_frame(), ma;
    uint64_t *pte = l1e_of(scratch_va(0), &ma);

    set_xen_guest_handle(l.extent_start, mfns);
    if ( CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0) &&
         CHECK(l.nr_extents >= 1) )
    {
        try_map("M2P frame read-only", mfns[0], PTE_P | PTE_A, -EBUSY);
        try_map("M2P frame writable", mfns[0], PTE_DATA, -EBUSY);
    }
    if ( CHECK(other) )
    {
        try_map("unowned RAM read-only", other, PTE_P | PTE_A, -EBUSY);
        try_map("unowned RAM writable", other, PTE_DATA, -EBUSY);
        CHECK_EQ(mmu_update1(ma, (other << 12) | PTE_DATA), -EBUSY);
    }

    /* Interrupt controllers and the MSI window stay the hypervisor's. */
    try_map("local APIC", 0xfee00, PTE_DATA, -EPERM);
    try_map("MSI window", 0xfeef0, PTE_P | PTE_A, -EPERM);
    /* The I/O APIC may be looked at, read-only and uncached. */
    try_map("I/O APIC", 0xfec00, PTE_DATA, 0);
    CHECK_EQ(map_at(0, 0xfec00, PTE_DATA), 0);
    printf("mmu-map-foreign: I/O APIC PTE %#lx\n", *pte & ~PTE_ADDR);
    CHECK_EQ(*pte & (PTE_RW | PTE_PCD | PTE_PWT), PTE_PCD | PTE_PWT);
    CHECK_EQ(map_at(0, 0, 0), 0);
    /* Past the physical address width, and the all-ones frame. */
    try_map("beyond 1 TiB", 1UL << 28, PTE_P | PTE_A, -EPERM);
    try_map("invalid frame", 0xffffffffffUL, PTE_P | PTE_A, -EINVAL);

    /* dom0 may map I/O memory, which is made uncacheable. */
    try_map("VGA memory", 0xb8, PTE_DATA, 0);
    CHECK_EQ(map_at(0, 0xb8, PTE_DATA), 0);
    CHECK_EQ(*pte & (PTE_PCD | PTE_PWT), PTE_PCD | PTE_PWT);
    CHECK_EQ(map_at(0, 0xb8, PTE_DATA | PTE_PCD), 0);
    CHECK_EQ(*pte & (PTE_PCD | PTE_PWT), PTE_PCD);
    CHECK_EQ(map_at(0, 0, 0), 0);
    try_map("PCI hole", 0xe0000, PTE_DATA, 0);
    {
        mmu_update_t req = { ma, (0xe0000UL << 12) | PTE_DATA };

        CHECK_EQ(mmu_update(&req, 1, NULL, DOMID_IO), 0);
        req.val = 0;
        CHECK_EQ(mmu_update(&req, 1, NULL, DOMID_SELF), 0);
    }
    CHECK_EQ(uvm(scratch_va(0), 0, UVMF_INVLPG), 0);

    /* The hypervisor's shared_info page is ours to map, write-back only. */
    try_map("shared_info", start_info->shared_info >> 12, PTE_DATA, 0);
    try_map("shared_info uncached", start_info->shared_info >> 12,
            PTE_DATA | PTE_PCD, -EACCES);
}
