/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of the start-of-day layout: hand-computed Linux cases, the
 * invariants over many inputs, and refusals of impossible or hostile ones. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>

#include <hv/errno.h>
#include <hv/libelf.h>
#include <hv/dom0-layout.h>

#define BASE        0xffffffff80000000ULL
#define KSTART      (BASE + 0x1000000)              /* + 16 MiB */
#define KEND        (KSTART + 0x1e5c123)            /* ~30.4 MiB */
#define PAGES_512M  131072ULL
#define MiB(x)      ((uint64_t)(x) << 20)

static struct dom0_layout_params linux_params(void)
{
    struct dom0_layout_params p = {
        .virt_base = BASE,
        .virt_kstart = KSTART,
        .virt_kend = KEND,
        .initrd_len = MiB(20),
        .unmapped_initrd = true,
        .p2m_base = 0x8000000000ULL,
        .nr_pages = PAGES_512M,
        .is_dom0 = true,
    };

    return p;
}

/*
 * Debian's kernel as dom0 (MOD_START_PFN, INIT_P2M), 512 MiB. By hand:
 * the kernel ends at +0x2e5c123, so start_info takes the page at
 * +0x2e5d000 (1168 + 40 bytes), tables start at +0x2e5e000. For small
 * table counts the stack ends below +0x2f80000, so v_end is +48 MiB:
 * 1 L4 + 1 L3 + 1 L2 + 24 L1 = 27 tables, which 27 pages hold.
 */
static void test_linux_dom0(void)
{
    struct dom0_layout_params p = linux_params();
    struct dom0_layout l;

    CU_ASSERT_EQUAL_FATAL(dom0_layout_compute(&p, &l), 0);
    CU_ASSERT_EQUAL(l.v_start, BASE);
    CU_ASSERT_EQUAL(l.vkern_start, KSTART);
    CU_ASSERT_EQUAL(l.vkern_end, KEND);
    CU_ASSERT_EQUAL(l.vinitrd_start, BASE + 0x2e5d000);
    CU_ASSERT_EQUAL(l.vinitrd_end, l.vinitrd_start);
    CU_ASSERT_EQUAL(l.vstartinfo_start, BASE + 0x2e5d000);
    CU_ASSERT_EQUAL(l.vstartinfo_end, BASE + 0x2e5d000 + 1168 + 40);
    CU_ASSERT_EQUAL(l.vxenstore_start, l.vxenstore_end);
    CU_ASSERT_EQUAL(l.vconsole_start, l.vconsole_end);
    CU_ASSERT_EQUAL(l.vpt_start, BASE + 0x2e5e000);
    CU_ASSERT_EQUAL(l.nr_pt_frames, 27);
    CU_ASSERT_EQUAL(l.nr_l4, 1);
    CU_ASSERT_EQUAL(l.nr_l3, 1);
    CU_ASSERT_EQUAL(l.nr_l2, 1);
    CU_ASSERT_EQUAL(l.nr_l1, 24);
    CU_ASSERT_EQUAL(l.vpt_end, BASE + 0x2e79000);
    CU_ASSERT_EQUAL(l.vstack_start, BASE + 0x2e79000);
    CU_ASSERT_EQUAL(l.vstack_end, BASE + 0x2e7a000);
    CU_ASSERT_EQUAL(l.v_end, BASE + MiB(48));
    CU_ASSERT_EQUAL(l.nr_area_pages, 12288);
    CU_ASSERT_EQUAL(l.kern_pfn, 0x1000);
    CU_ASSERT_EQUAL(l.startinfo_pfn, 0x2e5d);
    CU_ASSERT_EQUAL(l.pt_pfn, 0x2e5e);
    CU_ASSERT_EQUAL(l.stack_pfn, 0x2e79);
    /* The unmapped initrd (5120 pages) follows the area. */
    CU_ASSERT_EQUAL(l.initrd_pfn, 12288);
    /* p2m: 512 Ki entries * 8 = 1 MiB = 256 pages, + L3, L2, L1. */
    CU_ASSERT_TRUE(l.p2m_separate);
    CU_ASSERT_EQUAL(l.vphysmap_start, 0x8000000000ULL);
    CU_ASSERT_EQUAL(l.vphysmap_end, 0x8000000000ULL + MiB(1));
    CU_ASSERT_EQUAL(l.p2m_size, MiB(1));
    CU_ASSERT_EQUAL(l.p2m_nr_pages, 256);
    CU_ASSERT_EQUAL(l.p2m_nr_l3, 1);
    CU_ASSERT_EQUAL(l.p2m_nr_l2, 1);
    CU_ASSERT_EQUAL(l.p2m_nr_l1, 1);
    CU_ASSERT_EQUAL(l.nr_p2m_frames, 259);
    CU_ASSERT_EQUAL(l.first_p2m_pfn, 12288 + 5120);
    CU_ASSERT_EQUAL(l.nr_pages_used, 12288 + 5120 + 259);
    CU_ASSERT_EQUAL(l.err[0], '\0');
}

/*
 * Xen's classic layout: mapped 20 MiB initrd and the p2m inside the area.
 * Initrd [+0x2e5d000, +0x425d000), p2m [+0x425d000, +0x435d000), start_info
 * page +0x435d000, tables from +0x435e000. With up to 33 tables v_end is
 * +68 MiB needing 37; at 34 the stack ends at +0x4381000, under 512 KiB
 * before +68 MiB, so v_end moves to +72 MiB needing 39: 39 tables.
 */
static void test_linux_mapped(void)
{
    struct dom0_layout_params p = linux_params();
    struct dom0_layout l;

    p.unmapped_initrd = false;
    p.p2m_base = ELF_UNSET_ADDR;
    CU_ASSERT_EQUAL_FATAL(dom0_layout_compute(&p, &l), 0);
    CU_ASSERT_EQUAL(l.vinitrd_start, BASE + 0x2e5d000);
    CU_ASSERT_EQUAL(l.vinitrd_end, BASE + 0x425d000);
    CU_ASSERT_EQUAL(l.initrd_pfn, 0x2e5d);
    CU_ASSERT_FALSE(l.p2m_separate);
    CU_ASSERT_EQUAL(l.vphysmap_start, BASE + 0x425d000);
    CU_ASSERT_EQUAL(l.vphysmap_end, BASE + 0x435d000);
    CU_ASSERT_EQUAL(l.p2m_pfn, 0x425d);
    CU_ASSERT_EQUAL(l.vstartinfo_start, BASE + 0x435d000);
    CU_ASSERT_EQUAL(l.vpt_start, BASE + 0x435e000);
    CU_ASSERT_EQUAL(l.nr_pt_frames, 39);
    CU_ASSERT_EQUAL(l.nr_l1, 36);
    CU_ASSERT_EQUAL(l.vstack_start, BASE + 0x4385000);
    CU_ASSERT_EQUAL(l.v_end, BASE + MiB(72));
    CU_ASSERT_EQUAL(l.nr_area_pages, 18432);
    CU_ASSERT_EQUAL(l.nr_p2m_frames, 0);
    CU_ASSERT_EQUAL(l.first_p2m_pfn, 0);
    CU_ASSERT_EQUAL(l.nr_pages_used, 18432);
}

/*
 * Debian's 6.1.0-56 kernel as Xen 4.17 lays it out for a 512 MiB dom0
 * (its boot log): loaded kernel ffffffff81000000->ffffffff84a00000,
 * Phys-Mach map 0000008000000000->0000008000100000, start info
 * ffffffff84a00000->ffffffff84a004b8, page tables ffffffff84a01000->
 * ffffffff84a2a000, boot stack ffffffff84a2a000->ffffffff84a2b000,
 * total ffffffff80000000->ffffffff84c00000.
 */
static void test_xen_log(void)
{
    struct dom0_layout_params p = linux_params();
    struct dom0_layout l;

    p.virt_kend = 0xffffffff84a00000ULL;
    p.initrd_len = MiB(1);
    CU_ASSERT_EQUAL_FATAL(dom0_layout_compute(&p, &l), 0);
    CU_ASSERT_EQUAL(l.vphysmap_start, 0x0000008000000000ULL);
    CU_ASSERT_EQUAL(l.vphysmap_end, 0x0000008000100000ULL);
    CU_ASSERT_EQUAL(l.vstartinfo_start, 0xffffffff84a00000ULL);
    CU_ASSERT_EQUAL(l.vstartinfo_end, 0xffffffff84a004b8ULL);
    CU_ASSERT_EQUAL(l.vpt_start, 0xffffffff84a01000ULL);
    CU_ASSERT_EQUAL(l.vpt_end, 0xffffffff84a2a000ULL);
    CU_ASSERT_EQUAL(l.vstack_start, 0xffffffff84a2a000ULL);
    CU_ASSERT_EQUAL(l.vstack_end, 0xffffffff84a2b000ULL);
    CU_ASSERT_EQUAL(l.v_start, 0xffffffff80000000ULL);
    CU_ASSERT_EQUAL(l.v_end, 0xffffffff84c00000ULL);
    CU_ASSERT_EQUAL(l.nr_pt_frames, 41);
}

/* A domU: no VGA info; xenstore and console pages before the tables. */
static void test_linux_domu(void)
{
    struct dom0_layout_params p = linux_params();
    struct dom0_layout l;

    p.is_dom0 = false;
    CU_ASSERT_EQUAL_FATAL(dom0_layout_compute(&p, &l), 0);
    CU_ASSERT_EQUAL(l.vstartinfo_end, BASE + 0x2e5d000 + 1168);
    CU_ASSERT_EQUAL(l.vxenstore_start, BASE + 0x2e5e000);
    CU_ASSERT_EQUAL(l.vxenstore_end, BASE + 0x2e5f000);
    CU_ASSERT_EQUAL(l.vconsole_start, BASE + 0x2e5f000);
    CU_ASSERT_EQUAL(l.vconsole_end, BASE + 0x2e60000);
    CU_ASSERT_EQUAL(l.xenstore_pfn, 0x2e5e);
    CU_ASSERT_EQUAL(l.console_pfn, 0x2e5f);
    CU_ASSERT_EQUAL(l.vpt_start, BASE + 0x2e60000);
    CU_ASSERT_EQUAL(l.nr_pt_frames, 27);
    CU_ASSERT_EQUAL(l.vstack_end, BASE + 0x2e7c000);
    CU_ASSERT_EQUAL(l.v_end, BASE + MiB(48));
}

/* Tables needed to map [lo, hi) with 4 KiB pages. */
static uint64_t tables_for(uint64_t lo, uint64_t hi)
{
    uint64_t n = 1;
    unsigned int shift;

    for ( shift = 21; shift <= 39; shift += 9 )
        n += ((hi - 1) >> shift) - (lo >> shift) + 1;
    return n;
}

static unsigned int invariant_failures;

#define INV(cond) do { \
    if ( !(cond) ) { \
        if ( invariant_failures++ < 5 ) \
            fprintf(stderr, "\n  invariant '%s' fails\n", #cond); \
    } \
} while ( 0 )

static void check_invariants(const struct dom0_layout_params *p,
                             const struct dom0_layout *l)
{
    uint64_t pg = 4096, slack_end;

    INV(l->v_start == p->virt_base);
    INV(l->vkern_start == p->virt_kstart && l->vkern_end == p->virt_kend);
    /* Order, page-aligned region starts. */
    INV(l->v_start <= l->vkern_start);
    INV(l->vkern_end <= l->vinitrd_start);
    INV(!(l->vinitrd_start % pg));
    INV(l->vinitrd_start + (p->unmapped_initrd ? 0 : p->initrd_len) ==
        l->vinitrd_end);
    if ( !l->p2m_separate )
    {
        INV(l->vinitrd_end <= l->vphysmap_start);
        INV(!(l->vphysmap_start % pg));
        INV(l->vphysmap_end - l->vphysmap_start == p->nr_pages * 8);
        INV(l->vphysmap_end <= l->vstartinfo_start);
    }
    else
        INV(l->vinitrd_end <= l->vstartinfo_start);
    INV(!(l->vstartinfo_start % pg));
    INV(l->vstartinfo_end - l->vstartinfo_start ==
        1168 + (p->is_dom0 ? 40 : 0));
    INV(l->vstartinfo_end <= l->vxenstore_start);
    INV(l->vxenstore_end - l->vxenstore_start == (p->is_dom0 ? 0 : pg));
    INV(l->vconsole_start == l->vxenstore_end);
    INV(l->vconsole_end - l->vconsole_start == (p->is_dom0 ? 0 : pg));
    INV(l->vpt_start == (l->vconsole_end + pg - 1) / pg * pg);
    INV(l->vpt_end == l->vpt_start + l->nr_pt_frames * pg);
    INV(l->vstack_start == l->vpt_end);
    INV(l->vstack_end == l->vstack_start + pg);
    /* Padding: 4 MiB aligned, at least 512 KiB, and no more than needed. */
    INV(!(l->v_end % MiB(4)));
    INV(l->v_end - l->vstack_end >= 512 * 1024);
    slack_end = (l->vstack_end + 512 * 1024 + MiB(4) - 1) / MiB(4) * MiB(4);
    INV(l->v_end == slack_end);
    /* One L2, 1 GiB at most. */
    INV(l->v_end - l->v_start <= MiB(1024));
    INV((l->v_start >> 30) == ((l->v_end - 1) >> 30));
    INV(l->nr_l2 == 1 && l->nr_l3 == 1 && l->nr_l4 == 1);
    /* The tables suffice, exactly, and one fewer would not. */
    INV(l->nr_pt_frames == l->nr_l4 + l->nr_l3 + l->nr_l2 + l->nr_l1);
    INV(tables_for(l->v_start, l->v_end) <= l->nr_pt_frames);
    INV(tables_for(l->v_start, slack_end - 0) == l->nr_pt_frames);
    {
        /* With one table fewer the area would still need more. */
        uint64_t stack_end = l->vstack_end - pg;
        uint64_t end = (stack_end + MiB(4) - 1) / MiB(4) * MiB(4);

        if ( end - stack_end < 512 * 1024 )
            end += MiB(4);
        INV(tables_for(l->v_start, end) > l->nr_pt_frames - 1);
    }
    /* PFNs. */
    INV(l->nr_area_pages == (l->v_end - l->v_start) / pg);
    INV(l->pt_pfn == (l->vpt_start - l->v_start) / pg);
    INV(l->stack_pfn == (l->vstack_start - l->v_start) / pg);
    INV(l->startinfo_pfn == (l->vstartinfo_start - l->v_start) / pg);
    INV(l->kern_pfn == (l->vkern_start - l->v_start) / pg);
    INV(l->nr_pages_used <= p->nr_pages);
}

/* Sweep kernel sizes, initrds, p2m placements, dom0/domU, page counts. */
static void test_invariants(void)
{
    static const uint64_t kend[] = {
        0x1000, 0x1001, 0x3ff000, 0x400000, 0x1e5c123, 0x3f7ffff,
        MiB(200) + 5, MiB(1000),
    };
    static const uint64_t initrd[] = { 0, 1, 0x1000, MiB(20) + 3, MiB(300) };
    static const uint64_t pages[] = { 4096, 65536, PAGES_512M, 1ULL << 24 };
    unsigned int a, b, c, flags, ok = 0, refused = 0;

    invariant_failures = 0;
    for ( a = 0; a < sizeof(kend) / sizeof(kend[0]); a++ )
    for ( b = 0; b < sizeof(initrd) / sizeof(initrd[0]); b++ )
    for ( c = 0; c < sizeof(pages) / sizeof(pages[0]); c++ )
    for ( flags = 0; flags < 8; flags++ )
    {
        struct dom0_layout_params p = {
            .virt_base = BASE,
            .virt_kstart = BASE + (kend[a] > MiB(16) ? MiB(16) : 0),
            .virt_kend = BASE + kend[a],
            .initrd_len = initrd[b],
            .unmapped_initrd = flags & 1,
            .p2m_base = flags & 2 ? 0x8000000000ULL : ELF_UNSET_ADDR,
            .nr_pages = pages[c],
            .is_dom0 = flags & 4,
        };
        struct dom0_layout l;
        int rc = dom0_layout_compute(&p, &l);

        if ( rc )
        {
            /* Refusals carry a reason and one of the documented codes. */
            CU_ASSERT(rc == -ENOMEM || rc == -ERANGE);
            CU_ASSERT(strlen(l.err) > 0);
            refused++;
            continue;
        }
        ok++;
        check_invariants(&p, &l);
    }
    CU_ASSERT_EQUAL(invariant_failures, 0);
    CU_ASSERT(ok > 200);
    CU_ASSERT(refused > 50);

    /* Unaligned bases too (only page-aligned): v_end aligns to the VA. */
    for ( a = 0; a < 1024; a++ )
    {
        struct dom0_layout_params p = linux_params();
        struct dom0_layout l;

        p.virt_base = BASE + a * 0x1000ULL;
        p.virt_kstart = p.virt_base + a * 0x3000ULL;
        p.virt_kend = p.virt_kstart + 0x1000 + a * 0x7777ULL;
        p.is_dom0 = a & 1;
        CU_ASSERT_EQUAL_FATAL(dom0_layout_compute(&p, &l), 0);
        check_invariants(&p, &l);
    }
    CU_ASSERT_EQUAL(invariant_failures, 0);
}

static void expect_refusal(const struct dom0_layout_params *p, int rc,
                           const char *text)
{
    struct dom0_layout l;
    int got = dom0_layout_compute(p, &l);

    CU_ASSERT_EQUAL(got, rc);
    if ( !strstr(l.err, text) )
    {
        fprintf(stderr, "\n  message '%s' lacks '%s'\n", l.err, text);
        CU_FAIL("unexpected error message");
    }
}

static void test_too_small(void)
{
    struct dom0_layout_params p = linux_params();
    struct dom0_layout l;

    /* Exactly enough, then one page short. */
    p.nr_pages = 12288 + 5120 + 259;
    CU_ASSERT_EQUAL(dom0_layout_compute(&p, &l), 0);
    p.nr_pages--;
    /* Fewer pages also shrink the p2m: 255 + 3 frames, needs 17666. */
    CU_ASSERT_EQUAL(dom0_layout_compute(&p, &l), 0);
    p.nr_pages = 1000;
    expect_refusal(&p, -ENOMEM, "domain has 1000 pages, its start-of-day "
                   "layout needs 17413");
    p.nr_pages = 0;
    expect_refusal(&p, -EINVAL, "no pages");
}

static void test_over_1g(void)
{
    struct dom0_layout_params p = linux_params();

    /* Kernel alone past 1 GiB. */
    p.virt_kend = BASE + MiB(1024) + 1;
    expect_refusal(&p, -ERANGE, "beyond the 1 GiB");

    /* Mapped initrd too big. */
    p = linux_params();
    p.unmapped_initrd = false;
    p.initrd_len = MiB(1000);
    p.nr_pages = 1ULL << 20;
    expect_refusal(&p, -ERANGE, "initrd of 1048576000 bytes does not fit");

    /* In-area p2m too big: 2^27 pages = 1 GiB of p2m. */
    p = linux_params();
    p.p2m_base = ELF_UNSET_ADDR;
    p.nr_pages = 1ULL << 27;
    expect_refusal(&p, -ERANGE, "p2m of 134217728 pages does not fit");

    /* Everything fits alone, but tables and padding push past 1 GiB. */
    p = linux_params();
    p.virt_kend = BASE + MiB(1022);
    expect_refusal(&p, -ERANGE, "over the 1 GiB");

    /* Small, but straddling a 1 GiB boundary. */
    p = linux_params();
    p.virt_base = BASE + MiB(1022);
    p.virt_kstart = p.virt_base;
    p.virt_kend = p.virt_base + MiB(2);
    expect_refusal(&p, -ERANGE, "crosses a 1 GiB boundary");
}

static void test_hostile(void)
{
    struct dom0_layout_params p = linux_params();

    p.unmapped_initrd = false;
    p.initrd_len = ~0ULL;
    expect_refusal(&p, -ERANGE, "initrd");
    p.initrd_len = ~0ULL - 0xfff;
    expect_refusal(&p, -ERANGE, "initrd");

    /* A huge unmapped initrd: counted, refused for lack of pages. */
    p = linux_params();
    p.initrd_len = ~0ULL;
    expect_refusal(&p, -ENOMEM, "domain has 131072 pages");

    p = linux_params();
    p.nr_pages = ~0ULL;
    expect_refusal(&p, -EOVERFLOW, "overflows");
    p.nr_pages = ~0ULL / 8;
    expect_refusal(&p, -EOVERFLOW, "wraps");
    p.p2m_base = ELF_UNSET_ADDR;
    expect_refusal(&p, -ERANGE, "p2m of");

    p = linux_params();
    p.virt_kend = ~0ULL;
    expect_refusal(&p, -ERANGE, "beyond the 1 GiB");
    p.virt_kstart = ~0ULL;
    expect_refusal(&p, -ERANGE, "beyond the 1 GiB");
    p.virt_base = 0xfffffffffffff000ULL;
    expect_refusal(&p, -ERANGE, "crosses a 1 GiB boundary");

    /* The top 1 GiB is usable, but the area cannot end at 2^64. */
    p = linux_params();
    p.virt_base = 0xffffffffc0000000ULL;
    p.virt_kstart = p.virt_base;
    p.virt_kend = p.virt_base + 0x1000;
    CU_ASSERT_EQUAL(dom0_layout_compute(&p, &(struct dom0_layout){ 0 }), 0);
    p.virt_base = 0xffffffffffc00000ULL;
    p.virt_kstart = p.virt_base;
    p.virt_kend = p.virt_base + 0x1000;
    expect_refusal(&p, -EINVAL, "ends at the top of the address space");
}

static void test_bad_addresses(void)
{
    struct dom0_layout_params p = linux_params();

    p.virt_base += 0x800;
    expect_refusal(&p, -EINVAL, "not page-aligned");

    p = linux_params();
    p.virt_kstart = BASE - 0x1000;
    expect_refusal(&p, -EINVAL, "does not start at or above VIRT_BASE");
    p = linux_params();
    p.virt_kend = p.virt_kstart - 1;
    expect_refusal(&p, -EINVAL, "does not start at or above VIRT_BASE");

    p = linux_params();
    p.virt_base = 0x0000900000000000ULL;
    p.virt_kstart = p.virt_kend = p.virt_base + 0x1000;
    expect_refusal(&p, -EINVAL, "not canonical");

    p = linux_params();
    p.virt_base = 0xffff840000000000ULL;
    p.virt_kstart = p.virt_base;
    p.virt_kend = p.virt_base + MiB(8);
    expect_refusal(&p, -EINVAL, "overlaps the hypervisor's range");

    /* Just above the hypervisor's range is fine. */
    p.virt_base = 0xffff880000000000ULL;
    p.virt_kstart = p.virt_base;
    p.virt_kend = p.virt_base + MiB(8);
    CU_ASSERT_EQUAL(dom0_layout_compute(&p, &(struct dom0_layout){ 0 }), 0);
    /* Below it is the non-canonical hole. */
    p.virt_base = 0xffff7fffc0000000ULL;
    p.virt_kstart = p.virt_base;
    p.virt_kend = p.virt_base + MiB(8);
    expect_refusal(&p, -EINVAL, "not canonical");

    /* A domain low in the address space, p2m elsewhere. */
    p = linux_params();
    p.virt_base = 0x400000;
    p.virt_kstart = 0x400000;
    p.virt_kend = 0x500000;
    CU_ASSERT_EQUAL(dom0_layout_compute(&p, &(struct dom0_layout){ 0 }), 0);
}

static void test_init_p2m(void)
{
    struct dom0_layout_params p = linux_params();
    struct dom0_layout l;

    p.p2m_base += 0x800;
    expect_refusal(&p, -EINVAL, "INIT_P2M 0x8000000800 is not page-aligned");
    p.p2m_base = 0xffff800000000000ULL;
    expect_refusal(&p, -EINVAL, "overlaps the hypervisor's range");
    p.p2m_base = 0x7ffffff80000ULL;
    expect_refusal(&p, -EINVAL, "is not canonical");
    p.p2m_base = 0xffffff8000000000ULL;     /* the kernel's L4 slot */
    expect_refusal(&p, -EINVAL, "shares an L4 slot");

    /* Large p2m: 2^30 pages = 8 GiB of p2m, 4 KiB pages. */
    p = linux_params();
    p.nr_pages = 1ULL << 30;
    CU_ASSERT_EQUAL_FATAL(dom0_layout_compute(&p, &l), 0);
    CU_ASSERT_EQUAL(l.p2m_nr_pages, 1ULL << 21);
    CU_ASSERT_EQUAL(l.p2m_nr_l3, 1);
    CU_ASSERT_EQUAL(l.p2m_nr_l2, 8);
    CU_ASSERT_EQUAL(l.p2m_nr_l1, 8 * 512);
    CU_ASSERT_EQUAL(l.nr_p2m_frames, (1ULL << 21) + 1 + 8 + 4096);

    /* A p2m that is not 2 MiB aligned touches one more L1. */
    p = linux_params();
    p.p2m_base = 0x8000000000ULL + MiB(2) - 0x1000;
    CU_ASSERT_EQUAL_FATAL(dom0_layout_compute(&p, &l), 0);
    CU_ASSERT_EQUAL(l.p2m_nr_l1, 2);
    CU_ASSERT_EQUAL(l.p2m_size, MiB(1));
}

int main(void)
{
    static const struct { const char *name; CU_TestFunc fn; } tests[] = {
        { "Linux dom0 by hand", test_linux_dom0 },
        { "mapped initrd and p2m by hand", test_linux_mapped },
        { "domU rings", test_linux_domu },
        { "as Xen 4.17 logs it", test_xen_log },
        { "invariants", test_invariants },
        { "too few pages", test_too_small },
        { "over 1 GiB", test_over_1g },
        { "hostile sizes", test_hostile },
        { "bad addresses", test_bad_addresses },
        { "INIT_P2M", test_init_p2m },
    };
    CU_pSuite suite;
    unsigned int i, failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    suite = CU_add_suite("dom0-layout", NULL, NULL);
    for ( i = 0; suite && i < sizeof(tests) / sizeof(tests[0]); i++ )
        if ( !CU_add_test(suite, tests[i].name, tests[i].fn) )
            suite = NULL;
    if ( !suite )
    {
        CU_cleanup_registry();
        return 99;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
