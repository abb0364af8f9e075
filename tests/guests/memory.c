/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_memory_op queries a PV dom0 makes at boot, and the
 * machine-to-physical table it reads directly at XENMEM_machphys_mapping.
 */
#include "hvtest.h"
#include <public/memory.h>

const char test_title[] = "memory: memory_op queries and the M2P table";

static long memory_op(unsigned long cmd, void *arg)
{
    return hypercall2(__HYPERVISOR_memory_op, cmd, arg);
}

static void test_reservations(void)
{
    domid_t self = DOMID_SELF, none = 0x7ff5;
    unsigned long nr = start_info->nr_pages;
    long cur, max, gpfn;

    cur = memory_op(XENMEM_current_reservation, &self);
    max = memory_op(XENMEM_maximum_reservation, &self);
    gpfn = memory_op(XENMEM_maximum_gpfn, &self);
    printf("memory: current %ld, maximum %ld, maximum gpfn %#lx, "
           "nr_pages %lu\n", cur, max, gpfn, nr);
    CHECK_EQ(cur, nr);
    CHECK(max >= cur);
    /*
     * Xen answers from the P2M size the tools recorded, which nothing
     * sets for dom0: max(0, 1) - 1.
     */
    CHECK_EQ(gpfn, 0);
    /* dom0 may ask about itself by id too. */
    self = 0;
    CHECK_EQ(memory_op(XENMEM_current_reservation, &self), cur);
    CHECK_EQ(memory_op(XENMEM_current_reservation, &none), -ESRCH);
    CHECK_EQ(memory_op(XENMEM_current_reservation, NULL), -EFAULT);
    /*
     * Bits 6 and up of the command are a continuation's start extent,
     * which queries refuse.
     */
    self = DOMID_SELF;
    CHECK_EQ(memory_op(XENMEM_current_reservation | (1UL << 6), &self),
             -EINVAL);
    CHECK_EQ(memory_op(63, &self), -ENOSYS);
}

static void test_m2p(void)
{
    struct xen_machphys_mapping map;
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;
    const unsigned long *m2p;
    unsigned long bad = 0;

    if ( !CHECK_EQ(memory_op(XENMEM_machphys_mapping, &map), 0) )
        return;
    printf("memory: M2P %#lx-%#lx, max_mfn %#lx\n", map.v_start, map.v_end,
           map.max_mfn);
    CHECK_EQ(map.v_start, 0xffff800000000000UL);
    CHECK_EQ(map.v_end, 0xffff804000000000UL);
    CHECK_EQ(memory_op(XENMEM_machphys_mapping, (void *)1), -EFAULT);
    /* Reading a table somewhere else would only crash the test. */
    if ( !CHECK(map.max_mfn < (map.v_end - map.v_start) / 8) ||
         map.v_start != 0xffff800000000000UL )
        return;

    /* Every frame we own maps back to its PFN, read straight from M2P. */
    m2p = (const unsigned long *)map.v_start;
    for ( unsigned long pfn = 0; pfn < start_info->nr_pages; pfn++ )
    {
        if ( p2m[pfn] > map.max_mfn )
            test_fail("PFN %#lx: MFN %#lx above max_mfn", pfn, p2m[pfn]);
        else if ( m2p[p2m[pfn]] != pfn && !bad++ )
            test_fail("M2P[%#lx] = %#lx, want PFN %#lx", p2m[pfn],
                      m2p[p2m[pfn]], pfn);
    }
    CHECK_EQ(bad, 0);
}

static void test_memory_maps(void)
{
    struct xen_memory_map mm;
    struct {
        uint64_t addr, size;
        uint32_t type;
    } __attribute__((packed)) e820[64];
    uint64_t ram = 0;

    mm.nr_entries = ARRAY_SIZE(e820);
    set_xen_guest_handle(mm.buffer, (void *)e820);
    if ( !CHECK_EQ(memory_op(XENMEM_machine_memory_map, &mm), 0) ||
         !CHECK(mm.nr_entries > 0 && mm.nr_entries <= ARRAY_SIZE(e820)) )
        return;
    for ( unsigned int i = 0; i < mm.nr_entries; i++ )
    {
        printf("memory: machine map %#lx-%#lx type %u\n", e820[i].addr,
               e820[i].addr + e820[i].size, e820[i].type);
        if ( i && e820[i].addr < e820[i - 1].addr + e820[i - 1].size )
            test_fail("machine map entry %u overlaps or is out of order", i);
        if ( e820[i].type == 1 )
            ram += e820[i].size;
    }
    CHECK(ram >= start_info->nr_pages * 4096);

    /* Room for too few entries. */
    mm.nr_entries = 1;
    CHECK_EQ(memory_op(XENMEM_machine_memory_map, &mm), -EINVAL);

    /* A PV dom0 has no pseudo-physical map of its own. */
    mm.nr_entries = ARRAY_SIZE(e820);
    CHECK_EQ(memory_op(XENMEM_memory_map, &mm), -ENOSYS);
}

void test_main(void)
{
    test_reservations();
    test_m2p();
    test_memory_maps();
}
