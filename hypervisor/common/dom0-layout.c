/* SPDX-License-Identifier: GPL-2.0-only */
/* The start-of-day virtual layout of a PV kernel, as Xen 4.17 lays out
 * dom0: one area from VIRT_BASE holding everything the kernel needs at its
 * first instruction, mapped by page tables that live inside it. */

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/libelf.h>
#include <hv/dom0-layout.h>

/*
 * Size start_info's companions as the hypervisor fills them: with the
 * newest ABI revision (Xen's dom0 VGA info is 40 bytes, not the 28 of the
 * oldest one), whether or not the build says __XEN__.
 */
#if !defined(__XEN__) && !defined(__XEN_TOOLS__) && !defined(__HV__) && \
    !defined(__XEN_INTERFACE_VERSION__)
#define __XEN_INTERFACE_VERSION__ 0x00040e00
#endif
#include <public/xen.h>

#define KiB(x)          ((uint64_t)(x) << 10)
#define MiB(x)          ((uint64_t)(x) << 20)
#define GiB(x)          ((uint64_t)(x) << 30)

/*
 * Linux copies the single L2 table that maps its start-of-day area, so the
 * area must sit inside one 1 GiB-aligned slot.
 */
#define AREA_LIMIT      GiB(1)
#define AREA_ALIGN      MiB(4)
#define AREA_SLACK      KiB(512)    /* at least this much after the stack */

#define L1_SHIFT        21          /* VA bits one L1 table covers */
#define L2_SHIFT        30
#define L3_SHIFT        39

/* First 64-bit address of the upper canonical half. */
#define CANON_HIGH      0xffff800000000000ULL
#define CANON_LOW_END   0x0000800000000000ULL

static int layout_err(struct dom0_layout *l, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int layout_err(struct dom0_layout *l, int rc, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(l->err, sizeof(l->err), fmt, ap);
    va_end(ap);
    return rc;
}

static bool canonical(uint64_t va)
{
    return va < CANON_LOW_END || va >= CANON_HIGH;
}

/* Pages holding bytes, without the overflow of PFN_UP near 2^64. */
static uint64_t pages_of(uint64_t bytes)
{
    return (bytes >> PAGE_SHIFT) + !!(bytes & (PAGE_SIZE - 1));
}

static uint64_t page_up(uint64_t off)
{
    return pages_of(off) << PAGE_SHIFT;
}

/* Tables of one level (each covering 2^shift bytes) that [lo, hi) meets. */
static uint64_t nr_tables(uint64_t lo, uint64_t hi, unsigned int shift)
{
    return ((hi - 1) >> shift) - (lo >> shift) + 1;
}

static int check_inputs(const struct dom0_layout_params *p,
                        struct dom0_layout *l)
{
    if ( p->virt_base & (PAGE_SIZE - 1) )
        return layout_err(l, -EINVAL, "VIRT_BASE %#llx is not page-aligned",
                          (unsigned long long)p->virt_base);
    if ( !canonical(p->virt_base) )
        return layout_err(l, -EINVAL, "VIRT_BASE %#llx is not canonical",
                          (unsigned long long)p->virt_base);
    if ( p->virt_kstart < p->virt_base || p->virt_kend < p->virt_kstart )
        return layout_err(l, -EINVAL, "kernel [%#llx, %#llx) does not start "
                          "at or above VIRT_BASE %#llx",
                          (unsigned long long)p->virt_kstart,
                          (unsigned long long)p->virt_kend,
                          (unsigned long long)p->virt_base);
    if ( p->virt_kend - p->virt_base > AREA_LIMIT )
        return layout_err(l, -ERANGE, "kernel ends %#llx bytes above "
                          "VIRT_BASE, beyond the 1 GiB start-of-day area",
                          (unsigned long long)(p->virt_kend - p->virt_base));
    if ( !p->nr_pages )
        return layout_err(l, -EINVAL, "domain has no pages");
    return 0;
}

/*
 * Kernel, initrd, in-area p2m, start_info and the domU rings, as offsets
 * from v_start. Each step is bounded by AREA_LIMIT before it is added, so
 * hostile sizes cannot wrap.
 */
static int place_fixed(const struct dom0_layout_params *p,
                       struct dom0_layout *l, uint64_t *next)
{
    uint64_t off = page_up(p->virt_kend - p->virt_base);
    uint64_t vs = p->virt_base;

    l->vkern_start = p->virt_kstart;
    l->vkern_end = p->virt_kend;

    l->vinitrd_start = l->vinitrd_end = vs + off;
    if ( p->initrd_len && !p->unmapped_initrd )
    {
        if ( p->initrd_len > AREA_LIMIT - off )
            return layout_err(l, -ERANGE, "initrd of %llu bytes does not fit "
                              "in the 1 GiB start-of-day area; the kernel "
                              "must accept MOD_START_PFN",
                              (unsigned long long)p->initrd_len);
        l->vinitrd_end = vs + off + p->initrd_len;
        off = page_up(off + p->initrd_len);
    }

    l->vphysmap_start = l->vphysmap_end = vs + off;
    if ( p->p2m_base == ELF_UNSET_ADDR )
    {
        if ( p->nr_pages > (AREA_LIMIT - off) / sizeof(uint64_t) )
            return layout_err(l, -ERANGE, "p2m of %llu pages does not fit "
                              "in the 1 GiB start-of-day area",
                              (unsigned long long)p->nr_pages);
        l->vphysmap_end = vs + off + p->nr_pages * sizeof(uint64_t);
        off = page_up(off + p->nr_pages * sizeof(uint64_t));
    }

    /* dom0's VGA console info follows start_info in the same page(s). */
    l->vstartinfo_start = vs + off;
    off += sizeof(struct start_info);
    if ( p->is_dom0 )
        off += sizeof(struct dom0_vga_console_info);
    l->vstartinfo_end = vs + off;
    off = page_up(off);

    l->vxenstore_start = l->vxenstore_end = vs + off;
    l->vconsole_start = l->vconsole_end = vs + off;
    if ( !p->is_dom0 )
    {
        l->vxenstore_end = l->vconsole_start = vs + off + PAGE_SIZE;
        l->vconsole_end = vs + off + 2 * PAGE_SIZE;
        off += 2 * PAGE_SIZE;
    }
    if ( off > AREA_LIMIT )
        return layout_err(l, -ERANGE, "start-of-day area exceeds 1 GiB "
                          "before its page tables");
    *next = off;
    return 0;
}

/*
 * The tables map the whole area, themselves included, so their number and
 * the area's end depend on each other. Grow the table count until it
 * covers the area it implies; the first count that does is the minimum,
 * and at that point it equals the tables needed exactly. Offsets from
 * v_start stay below 1 GiB + 8 MiB, so none of this can wrap.
 */
static int place_tables(const struct dom0_layout_params *p,
                        struct dom0_layout *l, uint64_t pt_off)
{
    uint64_t vs = p->virt_base, nr_pt, end_off;
    uint64_t align_skew = vs & (AREA_ALIGN - 1);   /* 4 MiB-align the VA */
    uint64_t slot_off = vs & (AREA_LIMIT - 1);     /* place in its 1 GiB */

    for ( nr_pt = 1; ; nr_pt++ )
    {
        uint64_t stack_end = pt_off + (nr_pt + 1) * PAGE_SIZE;

        end_off = ROUNDUP(stack_end + align_skew, AREA_ALIGN) - align_skew;
        if ( end_off - stack_end < AREA_SLACK )
            end_off += AREA_ALIGN;
        if ( end_off > AREA_LIMIT )
            return layout_err(l, -ERANGE, "start-of-day area of %llu KiB "
                              "is over the 1 GiB Linux maps from one L2",
                              (unsigned long long)(end_off >> 10));
        if ( slot_off + end_off > AREA_LIMIT )
            return layout_err(l, -ERANGE, "start-of-day area [%#llx, "
                              "+%#llx) crosses a 1 GiB boundary; Linux maps "
                              "it from one L2", (unsigned long long)vs,
                              (unsigned long long)end_off);
        /* In one 1 GiB slot: vs + end_off - 1 cannot wrap. */
        if ( 3 + nr_tables(vs, vs + end_off, L1_SHIFT) <= nr_pt )
            break;
    }

    l->vpt_start = vs + pt_off;
    l->vpt_end = l->vpt_start + nr_pt * PAGE_SIZE;
    l->vstack_start = l->vpt_end;
    l->vstack_end = l->vstack_start + PAGE_SIZE;
    l->v_end = vs + end_off;
    l->nr_pt_frames = nr_pt;
    l->nr_l4 = 1;
    l->nr_l3 = 1;
    l->nr_l2 = 1;
    l->nr_l1 = nr_tables(vs, vs + end_off, L1_SHIFT);

    if ( !l->v_end )
        return layout_err(l, -EINVAL, "start-of-day area from %#llx ends at "
                          "the top of the address space",
                          (unsigned long long)vs);
    return 0;
}

static int check_area(struct dom0_layout *l)
{
    if ( l->v_start < ELF_HV_VIRT_END && l->v_end > ELF_HV_VIRT_START )
        return layout_err(l, -EINVAL, "start-of-day area [%#llx, %#llx) "
                          "overlaps the hypervisor's range",
                          (unsigned long long)l->v_start,
                          (unsigned long long)l->v_end);
    /* One 1 GiB slot: both ends on one side of the canonical hole. */
    if ( !canonical(l->v_end - 1) )
        return layout_err(l, -EINVAL, "start-of-day area ends at a "
                          "non-canonical address %#llx",
                          (unsigned long long)l->v_end);
    return 0;
}

/* INIT_P2M: the p2m gets its own L3/L2/L1 tables in another L4 slot. */
static int place_p2m(const struct dom0_layout_params *p,
                     struct dom0_layout *l)
{
    uint64_t base = p->p2m_base, bytes, end;

    if ( base & (PAGE_SIZE - 1) )
        return layout_err(l, -EINVAL, "INIT_P2M %#llx is not page-aligned",
                          (unsigned long long)base);
    if ( p->nr_pages > UINT64_MAX / sizeof(uint64_t) )
        return layout_err(l, -EOVERFLOW, "p2m of %llu pages overflows",
                          (unsigned long long)p->nr_pages);
    bytes = p->nr_pages * sizeof(uint64_t);
    if ( bytes - 1 > UINT64_MAX - base )
        return layout_err(l, -EOVERFLOW, "p2m at INIT_P2M %#llx wraps the "
                          "address space", (unsigned long long)base);
    end = base + bytes;
    if ( !canonical(base) || !canonical(end - 1) ||
         (base < CANON_LOW_END) != (end - 1 < CANON_LOW_END) )
        return layout_err(l, -EINVAL, "p2m [%#llx, %#llx) is not canonical",
                          (unsigned long long)base, (unsigned long long)end);
    if ( base < ELF_HV_VIRT_END && end > ELF_HV_VIRT_START )
        return layout_err(l, -EINVAL, "p2m [%#llx, %#llx) overlaps the "
                          "hypervisor's range", (unsigned long long)base,
                          (unsigned long long)end);
    if ( (base >> L3_SHIFT) <= ((l->v_end - 1) >> L3_SHIFT) &&
         ((end - 1) >> L3_SHIFT) >= (l->v_start >> L3_SHIFT) )
        return layout_err(l, -EINVAL, "p2m [%#llx, %#llx) shares an L4 slot "
                          "with the start-of-day area",
                          (unsigned long long)base, (unsigned long long)end);

    l->p2m_separate = true;
    l->vphysmap_start = base;
    l->vphysmap_end = end;
    l->p2m_nr_pages = pages_of(bytes);
    l->p2m_size = l->p2m_nr_pages << PAGE_SHIFT;
    l->p2m_nr_l3 = nr_tables(base, end, L3_SHIFT);
    l->p2m_nr_l2 = nr_tables(base, end, L2_SHIFT);
    l->p2m_nr_l1 = nr_tables(base, end, L1_SHIFT);
    l->nr_p2m_frames = l->p2m_nr_pages + l->p2m_nr_l3 + l->p2m_nr_l2 +
                       l->p2m_nr_l1;
    return 0;
}

static uint64_t pfn_of(const struct dom0_layout *l, uint64_t va)
{
    return (va - l->v_start) >> PAGE_SHIFT;
}

static void set_pfns(const struct dom0_layout_params *p,
                     struct dom0_layout *l)
{
    uint64_t initrd_pages = 0;

    l->nr_area_pages = pfn_of(l, l->v_end);
    l->kern_pfn = pfn_of(l, l->vkern_start);
    if ( p->initrd_len && p->unmapped_initrd )
    {
        l->initrd_pfn = l->nr_area_pages;
        initrd_pages = pages_of(p->initrd_len);
    }
    else if ( p->initrd_len )
        l->initrd_pfn = pfn_of(l, l->vinitrd_start);
    if ( !l->p2m_separate )
        l->p2m_pfn = pfn_of(l, l->vphysmap_start);
    l->startinfo_pfn = pfn_of(l, l->vstartinfo_start);
    if ( !p->is_dom0 )
    {
        l->xenstore_pfn = pfn_of(l, l->vxenstore_start);
        l->console_pfn = pfn_of(l, l->vconsole_start);
    }
    l->pt_pfn = pfn_of(l, l->vpt_start);
    l->stack_pfn = pfn_of(l, l->vstack_start);
    if ( l->p2m_separate )
        l->first_p2m_pfn = l->nr_area_pages + initrd_pages;
    /* Bounded: area <= 2^18 pages, initrd < 2^52, p2m frames < 2^59. */
    l->nr_pages_used = l->nr_area_pages + initrd_pages + l->nr_p2m_frames;
}

int dom0_layout_compute(const struct dom0_layout_params *p,
                        struct dom0_layout *l)
{
    uint64_t pt_off = 0;
    int rc;

    memset(l, 0, sizeof(*l));
    rc = check_inputs(p, l);
    if ( rc )
        return rc;
    l->v_start = p->virt_base;

    rc = place_fixed(p, l, &pt_off);
    if ( !rc )
        rc = place_tables(p, l, pt_off);
    if ( !rc )
        rc = check_area(l);
    if ( !rc && p->p2m_base != ELF_UNSET_ADDR )
        rc = place_p2m(p, l);
    if ( rc )
        return rc;

    set_pfns(p, l);
    if ( l->nr_pages_used > p->nr_pages )
        return layout_err(l, -ENOMEM, "domain has %llu pages, its "
                          "start-of-day layout needs %llu",
                          (unsigned long long)p->nr_pages,
                          (unsigned long long)l->nr_pages_used);
    return 0;
}
