/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant mappings of our own grants: host mappings by virtual address and
 * by PTE address, device mappings, read-only and writable pins and the
 * GTF_reading/GTF_writing flags they leave, handles, unmap_and_replace,
 * and every error a grantee can provoke.
 */
#include "gnttab-common.h"

const char test_title[] = "gnttab-map: map and unmap grant references";

/* What Xen writes for a kernel grant mapping of a 64-bit guest. */
#define PTE_GUEST_KERNEL    (1UL << 52)
#define GRANT_PTE           (PTE_P | PTE_A | PTE_D | PTE_NX | PTE_US | \
                             PTE_GUEST_KERNEL)
#define PTE_FLAGS(e)        ((e) & ~PTE_ADDR)

#define HOST        GNTMAP_host_map
#define DEV         GNTMAP_device_map
#define RO          GNTMAP_readonly

static struct grant_entry_v1 *gt;
static unsigned long frame;         /* the frame we grant ourselves */

static uint64_t *pte_of(unsigned int slot)
{
    return l1e_of(scratch_va(slot), NULL);
}

static uint32_t word_at(unsigned int slot)
{
    return *(volatile uint32_t *)scratch(slot);
}

static void test_host_map(void)
{
    grant_handle_t h = 99, h2 = 99;
    uint64_t bus = 0;

    grant(gt, 10, 0, frame, GTF_permit_access);
    CHECK_EQ(map_ref(0, 10, HOST, scratch_va(2), &h, &bus), GNTST_okay);
    CHECK_EQ(h, 0);
    CHECK_EQ(bus, frame << 12);
    CHECK_EQ(gt[10].flags, GTF_permit_access | GTF_reading | GTF_writing);
    CHECK_EQ(*pte_of(2) & PTE_ADDR, frame << 12);
    CHECK_EQ(PTE_FLAGS(*pte_of(2)), GRANT_PTE | PTE_RW);
    CHECK_EQ(word_at(2), 0x600df00d);
    /* Writes through the grant land in the frame. */
    *(volatile uint32_t *)scratch(2) = 0x0badcafe;
    CHECK_EQ(map_at(3, frame, PTE_DATA), 0);
    CHECK_EQ(word_at(3), 0x0badcafe);
    *(volatile uint32_t *)scratch(3) = 0x600df00d;
    CHECK_EQ(map_at(3, 0, 0), 0);

    CHECK_EQ(unmap_ref(scratch_va(2), 0, h), GNTST_okay);
    CHECK_EQ(gt[10].flags, GTF_permit_access);
    CHECK_EQ(*pte_of(2), 0);
    /* The handle is free again. */
    CHECK_EQ(unmap_ref(scratch_va(2), 0, h), GNTST_bad_handle);

    /* Read-only first, then writable: the flags follow the pins. */
    CHECK_EQ(map_ref(0, 10, HOST | RO, scratch_va(2), &h, NULL),
             GNTST_okay);
    CHECK_EQ(h, 1);
    CHECK_EQ(gt[10].flags, GTF_permit_access | GTF_reading);
    CHECK_EQ(PTE_FLAGS(*pte_of(2)), GRANT_PTE);
    CHECK_EQ(word_at(2), 0x600df00d);
    CHECK_EQ(map_ref(0, 10, HOST, scratch_va(3), &h2, NULL), GNTST_okay);
    CHECK_EQ(h2, 2);
    CHECK_EQ(gt[10].flags, GTF_permit_access | GTF_reading | GTF_writing);
    CHECK_EQ(unmap_ref(scratch_va(3), 0, h2), GNTST_okay);
    CHECK_EQ(gt[10].flags, GTF_permit_access | GTF_reading);
    CHECK_EQ(unmap_ref(scratch_va(2), 0, h), GNTST_okay);
    CHECK_EQ(gt[10].flags, GTF_permit_access);

    /* User mappings are global; the guest's own bits are carried. */
    CHECK_EQ(map_ref(0, 10, HOST | GNTMAP_application_map | (5 << 16),
                     scratch_va(2), &h, NULL), GNTST_okay);
    CHECK_EQ(PTE_FLAGS(*pte_of(2)),
             PTE_P | PTE_RW | PTE_US | PTE_A | PTE_D | PTE_NX | PTE_G |
             0xa00);
    CHECK_EQ(unmap_ref(scratch_va(2), 0, h), GNTST_okay);
    ungrant(gt, 10);
}

/* A failed map leaves no pin behind: the entry is as the granter left it. */
static void map_fails(const char *what, grant_ref_t ref, uint32_t flags,
                      uint64_t addr, int want)
{
    uint16_t before = ref < 512 ? gt[ref].flags : 0;
    int rc = map_ref(0, ref, flags, addr, NULL, NULL);

    printf("gnttab-map: %s: %d\n", what, rc);
    CHECK_EQ(rc, want);
    if ( ref < 512 )
        CHECK_EQ(gt[ref].flags, before);
}

static void test_map_errors(void)
{
    grant_handle_t h = 99;
    unsigned long l1ma;

    grant(gt, 10, 0, frame, GTF_permit_access);
    map_fails("no host or device", 10, 0, scratch_va(2), GNTST_bad_gntref);
    map_fails("read-only alone", 10, RO, scratch_va(2), GNTST_bad_gntref);
    CHECK_EQ(map_ref(DOMID_SELF, 10, HOST, scratch_va(2), NULL, NULL),
             GNTST_bad_domain);
    CHECK_EQ(map_ref(7, 10, HOST, scratch_va(2), NULL, NULL),
             GNTST_bad_domain);
    map_fails("past the table", 512, HOST, scratch_va(2), GNTST_bad_gntref);
    map_fails("huge ref", 0xffffffff, HOST, scratch_va(2),
              GNTST_bad_gntref);

    map_fails("unused entry", 11, HOST, scratch_va(2), GNTST_general_error);
    grant(gt, 11, 5, frame, GTF_permit_access);
    map_fails("granted to another", 11, HOST, scratch_va(2),
              GNTST_general_error);
    grant(gt, 11, 0, frame, GTF_accept_transfer);
    map_fails("transfer entry", 11, HOST, scratch_va(2),
              GNTST_general_error);
    grant(gt, 11, 0, frame, GTF_permit_access | GTF_sub_page);
    map_fails("sub-page entry", 11, HOST, scratch_va(2),
              GNTST_general_error);
    grant(gt, 11, 0, frame, GTF_permit_access | GTF_readonly);
    map_fails("writable of read-only", 11, HOST, scratch_va(2),
              GNTST_general_error);
    CHECK_EQ(map_ref(0, 11, HOST | RO, scratch_va(2), &h, NULL),
             GNTST_okay);
    CHECK_EQ(unmap_ref(scratch_va(2), 0, h), GNTST_okay);

    /* Frames that are not ours to grant. */
    grant(gt, 11, 0, 0xffffffff, GTF_permit_access);
    map_fails("invalid frame", 11, HOST, scratch_va(2), GNTST_bad_page);
    grant(gt, 11, 0, 0xb8, GTF_permit_access);
    map_fails("I/O frame", 11, HOST | RO, scratch_va(2), GNTST_bad_page);

    /* Our page tables: readable, never writable. */
    grant(gt, 11, 0, l4_mfn(), GTF_permit_access);
    map_fails("writable page table", 11, HOST, scratch_va(2),
              GNTST_general_error);
    map_fails("writable page table, device", 11, DEV, 0,
              GNTST_general_error);
    CHECK_EQ(map_ref(0, 11, HOST | RO, scratch_va(2), &h, NULL),
             GNTST_okay);
    CHECK_EQ(*(volatile uint64_t *)scratch(2), l4_table()[0]);
    CHECK_EQ(unmap_ref(scratch_va(2), 0, h), GNTST_okay);
    ungrant(gt, 11);

    /* Where the mapping would go. */
    map_fails("nothing mapped there", 10, HOST, 0x1000,
              GNTST_general_error);
    map_fails("non-canonical", 10, HOST, 0x800000000000UL,
              GNTST_general_error);
    map_fails("hypervisor range", 10, HOST, 0xffff830000000000UL,
              GNTST_general_error);
    l1e_of(scratch_va(4), &l1ma);
    map_fails("misaligned PTE", 10, HOST | GNTMAP_contains_pte, l1ma + 1,
              GNTST_general_error);
    map_fails("PTE in an L4", 10, HOST | GNTMAP_contains_pte, l4_mfn() << 12,
              GNTST_general_error);
    map_fails("PTE in an I/O frame", 10, HOST | GNTMAP_contains_pte,
              0xb8000, GNTST_general_error);
    map_fails("PTE in a plain frame", 10, HOST | GNTMAP_contains_pte,
              frame << 12, GNTST_general_error);
    map_fails("PTE in no frame", 10, HOST | GNTMAP_contains_pte,
              0xffffffff000UL, GNTST_general_error);

    /* Failures give their handles back, at the end of the free list. */
    CHECK_EQ(map_ref(0, 10, DEV, 0, &h, NULL), GNTST_okay);
    printf("gnttab-map: handle after the failures: %u\n", h);
    CHECK_EQ(h, 25);
    CHECK_EQ(unmap_ref(0, frame << 12, h), GNTST_okay);
    ungrant(gt, 10);
}

static void test_pte_map(void)
{
    grant_handle_t h = 99;
    unsigned long l1ma;
    uint64_t *pte = l1e_of(scratch_va(4), &l1ma);

    grant(gt, 12, 0, frame, GTF_permit_access);
    CHECK_EQ(map_ref(0, 12, HOST | GNTMAP_contains_pte, l1ma, &h, NULL),
             GNTST_okay);
    CHECK_EQ(*pte & PTE_ADDR, frame << 12);
    CHECK_EQ(PTE_FLAGS(*pte), GRANT_PTE | PTE_RW);
    /* The hypervisor flushed what the entry used to map. */
    CHECK_EQ(word_at(4), 0x600df00d);
    /* A PTE address names the mapping, a virtual address does not. */
    CHECK_EQ(unmap_ref(scratch_va(4), 0, h), GNTST_general_error);
    CHECK_EQ(unmap_ref(l1ma, 0, h), GNTST_okay);
    CHECK_EQ(*pte, 0);
    CHECK_EQ(gt[12].flags, GTF_permit_access);
    ungrant(gt, 12);
}

static void test_device_map(void)
{
    grant_handle_t h = 99;
    uint64_t bus = 0;

    grant(gt, 12, 0, frame, GTF_permit_access);
    CHECK_EQ(map_ref(0, 12, DEV, 0, &h, &bus), GNTST_okay);
    CHECK_EQ(bus, frame << 12);
    CHECK_EQ(gt[12].flags, GTF_permit_access | GTF_reading | GTF_writing);
    /* A pinned entry cannot be swapped away. */
    {
        struct gnttab_swap_grant_ref sw = { .ref_a = 12, .ref_b = 13 };

        CHECK_EQ(gnttab_op(GNTTABOP_swap_grant_ref, &sw, 1), 0);
        CHECK_EQ(sw.status, GNTST_eagain);
    }
    CHECK_EQ(unmap_ref(0, bus + 4096, h), GNTST_bad_dev_addr);
    /* Nothing named: success, and the mapping stays. */
    CHECK_EQ(unmap_ref(scratch_va(2), 0, h), GNTST_okay);
    CHECK_EQ(gt[12].flags, GTF_permit_access | GTF_reading | GTF_writing);
    CHECK_EQ(unmap_ref(0, bus, h), GNTST_okay);
    CHECK_EQ(gt[12].flags, GTF_permit_access);
    CHECK_EQ(unmap_ref(0, bus, h), GNTST_bad_handle);

    /* Host and device at once, undone one at a time. */
    CHECK_EQ(map_ref(0, 12, HOST | DEV | RO, scratch_va(2), &h, &bus),
             GNTST_okay);
    CHECK_EQ(gt[12].flags, GTF_permit_access | GTF_reading);
    CHECK_EQ(unmap_ref(scratch_va(2), 0, h), GNTST_okay);
    CHECK_EQ(*pte_of(2), 0);
    CHECK_EQ(gt[12].flags, GTF_permit_access | GTF_reading);
    CHECK_EQ(unmap_ref(scratch_va(2), bus, h), GNTST_okay);
    CHECK_EQ(gt[12].flags, GTF_permit_access);
    ungrant(gt, 12);
}

static void test_unmap_errors(void)
{
    grant_handle_t h = 99;

    grant(gt, 12, 0, frame, GTF_permit_access);
    CHECK_EQ(map_ref(0, 12, HOST, scratch_va(2), &h, NULL), GNTST_okay);
    /* Another address, or one mapping something else. */
    CHECK_EQ(map_at(3, spare_mfn(1), PTE_DATA), 0);
    CHECK_EQ(unmap_ref(scratch_va(5), 0, h), GNTST_general_error);
    CHECK_EQ(unmap_ref(scratch_va(3), 0, h), GNTST_general_error);
    CHECK_EQ(map_at(3, 0, 0), 0);
    CHECK_EQ(unmap_ref(0x1000, 0, h), GNTST_general_error);
    CHECK_EQ(gt[12].flags, GTF_permit_access | GTF_reading | GTF_writing);
    CHECK_EQ(unmap_ref(scratch_va(2), 0, 0x10000), GNTST_bad_handle);
    CHECK_EQ(unmap_ref(scratch_va(2), 0, 200), GNTST_bad_handle);
    CHECK_EQ(unmap_ref(scratch_va(2), 0, ~0U), GNTST_bad_handle);
    CHECK_EQ(unmap_ref(scratch_va(2), 0, h), GNTST_okay);

    /* A batch stops at nothing: each entry has its own status. */
    {
        struct gnttab_unmap_grant_ref u[3] = {
            { .handle = 0x10000 },
            { .host_addr = scratch_va(2), .handle = 0 },
            { .host_addr = scratch_va(2), .handle = 5 },
        };
        grant_handle_t h1 = 99;

        CHECK_EQ(map_ref(0, 12, HOST, scratch_va(2), &h1, NULL),
                 GNTST_okay);
        u[1].handle = h1;
        CHECK_EQ(gnttab_op(GNTTABOP_unmap_grant_ref, u, 3), 0);
        CHECK_EQ(u[0].status, GNTST_bad_handle);
        CHECK_EQ(u[1].status, GNTST_okay);
        CHECK_EQ(u[2].status, GNTST_bad_handle);
    }
    CHECK_EQ(gt[12].flags, GTF_permit_access);
    ungrant(gt, 12);
}

static void test_pin_limit(void)
{
    static struct gnttab_map_grant_ref m[129];
    static struct gnttab_unmap_grant_ref u[129];
    unsigned int ok = 0;

    grant(gt, 14, 0, frame, GTF_permit_access);
    for ( unsigned int i = 0; i < 129; i++ )
        m[i] = (struct gnttab_map_grant_ref){
            .flags = DEV, .ref = 14, .dom = 0,
        };
    CHECK_EQ(gnttab_op(GNTTABOP_map_grant_ref, m, 129), 0);
    for ( unsigned int i = 0; i < 128; i++ )
        ok += m[i].status == GNTST_okay;
    /* Each counter stops short of its top bit. */
    CHECK_EQ(ok, 128);
    CHECK_EQ(m[128].status, GNTST_general_error);
    for ( unsigned int i = 0; i < 128; i++ )
        u[i] = (struct gnttab_unmap_grant_ref){
            .dev_bus_addr = frame << 12, .handle = m[i].handle,
        };
    CHECK_EQ(gnttab_op(GNTTABOP_unmap_grant_ref, u, 128), 0);
    ok = 0;
    for ( unsigned int i = 0; i < 128; i++ )
        ok += u[i].status == GNTST_okay;
    CHECK_EQ(ok, 128);
    CHECK_EQ(gt[14].flags, GTF_permit_access);
    ungrant(gt, 14);
}

static long unmap_and_replace(uint64_t addr, uint64_t new_addr,
                              grant_handle_t h, int16_t *status)
{
    struct gnttab_unmap_and_replace r = {
        .host_addr = addr, .new_addr = new_addr, .handle = h,
        .status = 0x5555,
    };
    long rc = gnttab_op(GNTTABOP_unmap_and_replace, &r, 1);

    *status = r.status;
    return rc;
}

static void test_unmap_and_replace(void)
{
    unsigned long other = spare_mfn(1), l1ma;
    grant_handle_t h = 99;
    int16_t st;

    grant(gt, 15, 0, frame, GTF_permit_access);
    CHECK_EQ(map_ref(0, 15, HOST, scratch_va(5), &h, NULL), GNTST_okay);
    CHECK_EQ(map_at(6, other, PTE_DATA), 0);
    *(volatile uint32_t *)scratch(6) = 0x5eed;
    /* The entry that maps new_addr moves to host_addr. */
    CHECK_EQ(unmap_and_replace(scratch_va(5), scratch_va(6), h, &st), 0);
    CHECK_EQ(st, GNTST_okay);
    CHECK_EQ(*pte_of(5) & PTE_ADDR, other << 12);
    CHECK_EQ(*pte_of(6), 0);
    CHECK_EQ(word_at(5), 0x5eed);
    CHECK_EQ(gt[15].flags, GTF_permit_access);
    CHECK_EQ(map_at(5, 0, 0), 0);

    /* Without new_addr it is a plain unmap. */
    CHECK_EQ(map_ref(0, 15, HOST, scratch_va(5), &h, NULL), GNTST_okay);
    CHECK_EQ(unmap_and_replace(scratch_va(5), 0, h, &st), 0);
    CHECK_EQ(st, GNTST_okay);
    CHECK_EQ(*pte_of(5), 0);

    /* new_addr must be mapped; PTE-address mappings cannot be replaced. */
    CHECK_EQ(map_ref(0, 15, HOST, scratch_va(5), &h, NULL), GNTST_okay);
    CHECK_EQ(unmap_and_replace(scratch_va(5), 0x1000, h, &st), 0);
    CHECK_EQ(st, GNTST_general_error);
    CHECK_EQ(unmap_and_replace(scratch_va(5), 0, 0x10000, &st), 0);
    CHECK_EQ(st, GNTST_bad_handle);
    CHECK_EQ(unmap_ref(scratch_va(5), 0, h), GNTST_okay);
    l1e_of(scratch_va(5), &l1ma);
    CHECK_EQ(map_ref(0, 15, HOST | GNTMAP_contains_pte, l1ma, &h, NULL),
             GNTST_okay);
    CHECK_EQ(map_at(6, other, PTE_DATA), 0);
    CHECK_EQ(unmap_and_replace(l1ma, scratch_va(6), h, &st), 0);
    CHECK_EQ(st, GNTST_general_error);
    CHECK_EQ(*pte_of(6) & PTE_ADDR, other << 12);
    CHECK_EQ(unmap_ref(l1ma, 0, h), GNTST_okay);
    CHECK_EQ(map_at(6, 0, 0), 0);
    CHECK_EQ(gt[15].flags, GTF_permit_access);
    ungrant(gt, 15);
}

/*
 * A grantee that removes a grant mapping with mmu_update gives its
 * references back; the grant stays pinned, and unmapping it fails.
 */
static void test_implicit_unmap(void)
{
    grant_handle_t h = 99;
    unsigned long l1ma;

    grant(gt, 16, 0, frame, GTF_permit_access);
    CHECK_EQ(map_ref(0, 16, HOST, scratch_va(7), &h, NULL), GNTST_okay);
    l1e_of(scratch_va(7), &l1ma);
    CHECK_EQ(mmu_update1(l1ma, 0), 0);
    CHECK_EQ(unmap_ref(scratch_va(7), 0, h), GNTST_general_error);
    CHECK_EQ(gt[16].flags, GTF_permit_access | GTF_reading | GTF_writing);
    /* The frame is still ours to use as anything. */
    CHECK_EQ(map_at(7, frame, PTE_DATA), 0);
    CHECK_EQ(word_at(7), 0x600df00d);
    CHECK_EQ(map_at(7, 0, 0), 0);
}

void test_main(void)
{
    frame = spare_mfn(0);
    gt = map_own_table();
    if ( !CHECK(gt != NULL) || !CHECK_EQ(map_at(1, frame, PTE_DATA), 0) )
        return;
    *(volatile uint32_t *)scratch(1) = 0x600df00d;
    CHECK_EQ(map_at(1, 0, 0), 0);

    test_host_map();
    test_map_errors();
    test_pte_map();
    test_device_map();
    test_unmap_errors();
    test_pin_limit();
    test_unmap_and_replace();
    test_implicit_unmap();
}
