/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The bootstrap page tables a 64-bit PV kernel starts on, in its own
 * frames (dom0-layout placed them): one L4, L3 and L2 and enough L1s to
 * map the start-of-day area with 4 KiB pages, and, for a kernel asking
 * INIT_P2M, a second tree mapping the p2m list at its own address.
 *
 * Xen validates these tables when they are pinned: every frame that is a
 * page table must be mapped read-only wherever it is mapped, so the
 * area's L1 entries for the table frames lack _PAGE_RW.  Upper levels
 * carry _PAGE_USER (the kernel runs in ring 3); Xen adds it on L1s.
 */
#include <string.h>

#include "build.h"

#define PTE_PRESENT     0x001ULL
#define PTE_RW          0x002ULL
#define PTE_USER        0x004ULL
#define PTE_ACCESSED    0x020ULL
#define PTE_DIRTY       0x040ULL

#define L1_PROT     (PTE_PRESENT | PTE_RW | PTE_ACCESSED)
#define UPPER_PROT  (PTE_PRESENT | PTE_RW | PTE_USER | PTE_ACCESSED | \
                     PTE_DIRTY)

static unsigned int idx(uint64_t va, unsigned int level)
{
    return (unsigned int)(va >> (12 + 9 * (level - 1))) & 511;
}

static uint64_t pte(const struct build *b, uint64_t pfn, uint64_t prot)
{
    return ((uint64_t)b->p2m[pfn] << XC_PAGE_SHIFT) | prot;
}

static int set_entry(struct build *b, uint64_t table_pfn, unsigned int i,
                     uint64_t val)
{
    uint64_t *t = gmem_page(b, table_pfn);

    if ( !t )
        return -1;
    t[i] = val;
    return 0;
}

static bool is_pt_pfn(const struct dom0_layout *l, uint64_t pfn)
{
    return pfn >= l->pt_pfn && pfn < l->pt_pfn + l->nr_pt_frames;
}

/* Fill L1 table pfn for the 2 MiB at va2m: map area pages only. */
static int fill_area_l1(struct build *b, uint64_t l1_pfn, uint64_t va2m)
{
    const struct dom0_layout *l = &b->layout;
    uint64_t *t = gmem_page(b, l1_pfn), va, pfn, prot;
    unsigned int i;

    if ( !t )
        return -1;
    for ( i = 0; i < 512; i++ )
    {
        va = va2m + ((uint64_t)i << XC_PAGE_SHIFT);
        if ( va < l->v_start || va >= l->v_end )
            continue;
        pfn = (va - l->v_start) >> XC_PAGE_SHIFT;
        prot = is_pt_pfn(l, pfn) ? L1_PROT & ~PTE_RW : L1_PROT;
        t[i] = pte(b, pfn, prot);
    }
    return 0;
}

/* The area: tables L4, L3, L2, then the L1s, from pt_pfn on. */
static int map_area(struct build *b)
{
    const struct dom0_layout *l = &b->layout;
    uint64_t l4 = l->pt_pfn, l3 = l4 + 1, l2 = l4 + 2, l1 = l4 + 3;
    uint64_t first2m = l->v_start >> 21;
    unsigned int i;

    if ( set_entry(b, l4, idx(l->v_start, 4), pte(b, l3, UPPER_PROT)) ||
         set_entry(b, l3, idx(l->v_start, 3), pte(b, l2, UPPER_PROT)) )
        return -1;
    for ( i = 0; i < l->nr_l1; i++ )
        if ( set_entry(b, l2, idx(l->v_start, 2) + i,
                       pte(b, l1 + i, UPPER_PROT)) ||
             fill_area_l1(b, l1 + i, (first2m + i) << 21) )
            return -1;
    return 0;
}

/*
 * INIT_P2M: the list's frames (first_p2m_pfn on) mapped at p2m_base by
 * tables that follow them: the L3s, the L2s, then the L1s.
 */
static int map_p2m(struct build *b)
{
    const struct dom0_layout *l = &b->layout;
    uint64_t base = l->vphysmap_start, va, end = base + l->p2m_size;
    uint64_t l3s = l->first_p2m_pfn + l->p2m_nr_pages;
    uint64_t l2s = l3s + l->p2m_nr_l3, l1s = l2s + l->p2m_nr_l2;
    uint64_t l3, l2, l1;

    for ( va = base; va < end; va += XC_PAGE_SIZE )
    {
        l3 = l3s + ((va >> 39) - (base >> 39));
        l2 = l2s + ((va >> 30) - (base >> 30));
        l1 = l1s + ((va >> 21) - (base >> 21));
        if ( set_entry(b, l->pt_pfn, idx(va, 4), pte(b, l3, UPPER_PROT)) ||
             set_entry(b, l3, idx(va, 3), pte(b, l2, UPPER_PROT)) ||
             set_entry(b, l2, idx(va, 2), pte(b, l1, UPPER_PROT)) ||
             set_entry(b, l1, idx(va, 1),
                       pte(b, l->first_p2m_pfn +
                           ((va - base) >> XC_PAGE_SHIFT), L1_PROT)) )
            return -1;
    }
    return 0;
}

int build_pagetables(struct build *b)
{
    const struct dom0_layout *l = &b->layout;
    uint64_t tables;

    if ( gmem_zero(b, l->pt_pfn << XC_PAGE_SHIFT,
                   l->nr_pt_frames << XC_PAGE_SHIFT) )
        return -1;
    if ( l->p2m_separate )
    {
        tables = l->p2m_nr_l3 + l->p2m_nr_l2 + l->p2m_nr_l1;
        if ( gmem_zero(b, (l->first_p2m_pfn + l->p2m_nr_pages) <<
                          XC_PAGE_SHIFT, tables << XC_PAGE_SHIFT) )
            return -1;
    }
    if ( map_area(b) )
        return -1;
    return l->p2m_separate ? map_p2m(b) : 0;
}

/* The p2m list itself: one 64-bit MFN per PFN, zeroes to the page end. */
int build_p2m_list(struct build *b)
{
    const struct dom0_layout *l = &b->layout;
    uint64_t pfn = l->p2m_separate ? l->first_p2m_pfn : l->p2m_pfn;
    uint64_t bytes = b->nr_pages * sizeof(uint64_t);
    uint64_t gpa = pfn << XC_PAGE_SHIFT;

    _Static_assert(sizeof(xen_pfn_t) == sizeof(uint64_t),
                   "the guest's p2m entries are 64-bit MFNs");
    if ( gmem_write(b, gpa, b->p2m, bytes) )
        return -1;
    return gmem_zero(b, gpa + bytes, ((bytes + XC_PAGE_SIZE - 1) &
                                      XC_PAGE_MASK) - bytes);
}
