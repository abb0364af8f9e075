/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The start-of-day state of a PV dom0: the start_info page, the layout
 * above the image, and the registers at the first instruction.
 */
#include "hvtest.h"

const char test_title[] = "start-info: start_info fields and entry state";

#define PAGE 4096UL

static bool aligned(unsigned long v)
{
    return !(v & (PAGE - 1));
}

static void test_header(const start_info_t *si)
{
    printf("start_info at %p: magic \"%.32s\" nr_pages %lu flags %#x\n",
           (void *)si, si->magic, si->nr_pages, si->flags);
    CHECK(!strcmp(si->magic, "xen-3.0-x86_64"));
    for ( size_t i = strlen("xen-3.0-x86_64"); i < sizeof(si->magic); i++ )
        if ( si->magic[i] )
            test_fail("magic[%zu] is %#x, not 0", i, si->magic[i]);
    /* Bits 8-15 carry power-management options, set by the hypervisor. */
    CHECK_EQ(si->flags & ~SIF_PM_MASK, SIF_PRIVILEGED | SIF_INITDOMAIN);
    CHECK(si->nr_pages > 0);
    CHECK(si->nr_pages >= ((unsigned long)_image_end - VIRT_BASE) / PAGE);
    CHECK(si->shared_info != 0);
    CHECK(aligned(si->shared_info));
    /* The loader zero-fills each segment beyond its file contents. */
    CHECK_EQ(bss_was_dirty, 0);
    /* No initrd and no xenstore or console ring for dom0 at boot. */
    CHECK_EQ(si->mod_start, 0);
    CHECK_EQ(si->mod_len, 0);
    CHECK_EQ(si->store_mfn, 0);
    CHECK_EQ(si->store_evtchn, 0);
}

/*
 * Above the image, in this order: the P2M list, start_info, the bootstrap
 * page tables, the boot stack; all of it inside one GiB from VIRT_BASE.
 */
static void test_layout(const start_info_t *si)
{
    unsigned long image_end = (unsigned long)_image_end;
    unsigned long p2m = si->mfn_list;
    unsigned long p2m_end = p2m + si->nr_pages * 8;
    unsigned long sip = (unsigned long)si;
    unsigned long pt = si->pt_base;
    unsigned long pt_end = pt + si->nr_pt_frames * PAGE;
    unsigned long sp = entry_regs.rsp;

    printf("layout: image end %#lx p2m %#lx start_info %#lx\n",
           image_end, p2m, sip);
    printf("layout: page tables %#lx (%lu) stack top %#lx\n",
           pt, si->nr_pt_frames, sp);
    CHECK(aligned(p2m) && p2m >= image_end);
    CHECK(aligned(sip) && sip >= p2m_end);
    CHECK(aligned(pt) && pt >= sip + sizeof(*si));
    /* At least one table per level: L4, L3, L2, L1. */
    CHECK(si->nr_pt_frames >= 4);
    CHECK(aligned(sp) && sp >= pt_end + PAGE);
    CHECK(sp - VIRT_BASE <= (1UL << 30));
    CHECK(sp - VIRT_BASE <= si->nr_pages * PAGE);
}

static void test_p2m(const start_info_t *si)
{
    const unsigned long *p2m = (const unsigned long *)si->mfn_list;
    unsigned long lo = ~0UL, hi = 0;

    for ( unsigned long i = 0; i < si->nr_pages; i++ )
    {
        lo = p2m[i] < lo ? p2m[i] : lo;
        hi = p2m[i] > hi ? p2m[i] : hi;
    }
    printf("p2m: %lu entries, MFNs %#lx..%#lx\n", si->nr_pages, lo, hi);
    /* Machine frames below 2^40 (a 52-bit address), and distinct. */
    CHECK(hi < (1UL << 40));
    CHECK(si->nr_pages == 1 || lo != hi);
    /* The shared info page is the hypervisor's, not one of ours. */
    for ( unsigned long i = 0; i < si->nr_pages; i++ )
        if ( p2m[i] == si->shared_info / PAGE )
            test_fail("shared_info MFN %#lx is PFN %lu's", p2m[i], i);
}

static void test_page_tables(const start_info_t *si)
{
    const uint64_t *l4 = (const uint64_t *)si->pt_base;

    /* The L4 is mapped (read-only) and maps our own slot, 511. */
    printf("L4[511] = %#lx\n", l4[511]);
    CHECK(l4[511] & 1);
    CHECK(!(l4[0] & 1));
    /* Writable probe through the hypervisor: the tables are read-only. */
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_platform_parameters, (void *)l4),
             -EFAULT);
}

static void test_entry_regs(const start_info_t *si)
{
    const uint64_t *r = (const uint64_t *)&entry_regs;

    for ( unsigned int i = 0; i < REGS_SIZE / 8; i++ )
        printf("entry %s = %#lx\n", regs_names[i], r[i]);
    CHECK_EQ(entry_regs.rsi, (unsigned long)si);
    CHECK_EQ(entry_regs.cs, 0xe033);
    CHECK_EQ(entry_regs.ss, 0xe02b);
    /* Null data selectors, and only IF (plus the always-one bit 1). */
    CHECK_EQ(entry_regs.ds | entry_regs.es | entry_regs.fs | entry_regs.gs, 0);
    CHECK_EQ(entry_regs.rflags, 0x202);
    /* Everything else starts zeroed. */
    for ( unsigned int i = 0; i < REGS_rflags / 8; i++ )
        if ( i != REGS_rsi / 8 && i != REGS_rsp / 8 && r[i] )
            test_fail("entry %s is %#lx, not 0", regs_names[i], r[i]);
}

void test_main(void)
{
    const start_info_t *si = start_info;

    test_header(si);
    test_layout(si);
    test_p2m(si);
    test_page_tables(si);
    test_entry_regs(si);
}
