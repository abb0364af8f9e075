/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor's page tables.  After paging_init() nothing of ours is
 * mapped outside L4 slots 256..271: guest space stays guest space.  The
 * image is mapped with 4 KiB pages so text is read-only and data is not
 * executable; RAM is mapped 1:1 at DIRECTMAP_VIRT_START with large pages. */

#include <hv/console.h>
#include <hv/lib.h>
#include <hv/page-alloc.h>
#include <asm/pagetable.h>
#include <asm/processor.h>

pgentry_t idle_pg_table[PAGETABLE_ENTRIES]
    __section(".bss.page_aligned") __aligned(PAGE_SIZE);

bool cpu_has_page1gb;

static unsigned long fixmap_next = FIXMAP_VIRT_START;

extern char _stext[], _etext[], _srodata[], _erodata[], _sdata[],
    __bss_end[];

paddr_t alloc_zeroed_page(void)
{
    paddr_t pa = alloc_page();

    if ( pa )
        memset(maddr_to_virt(pa), 0, PAGE_SIZE);
    return pa;
}

void flush_tlb_all_local(void)
{
    unsigned long cr4 = read_cr4(), flags;

    local_irq_save(flags);
    if ( cr4 & X86_CR4_PGE )
    {
        write_cr4(cr4 & ~X86_CR4_PGE);
        write_cr4(cr4);
    }
    else
        flush_tlb_local();
    local_irq_restore(flags);
}

static pgentry_t *table_of(pgentry_t e)
{
    return maddr_to_virt(e & PTE_ADDR_MASK);
}

/*
 * The next-level table under *pe, created empty or by splitting a large
 * page into 512 smaller ones with the same attributes.
 */
static pgentry_t *next_table(pgentry_t *pe, unsigned int level)
{
    pgentry_t e = *pe, *t;
    paddr_t pa;
    unsigned int i;

    if ( (e & _PAGE_PRESENT) && !(e & _PAGE_PSE) )
        return table_of(e);

    pa = alloc_zeroed_page();
    if ( !pa )
        panic("out of memory for the hypervisor's page tables");
    t = maddr_to_virt(pa);

    if ( e & _PAGE_PRESENT )
    {
        /* level 3 splits a 1 GiB page into 2 MiB ones; 2 into 4 KiB. */
        unsigned long step = level == 3 ? 1UL << L2_PAGETABLE_SHIFT
                                        : PAGE_SIZE;
        pgentry_t attr = e & ~PTE_ADDR_MASK;

        if ( level == 2 )
            attr &= ~_PAGE_PSE;
        for ( i = 0; i < PAGETABLE_ENTRIES; i++ )
            t[i] = ((e & PTE_ADDR_MASK) + i * step) | attr;
    }
    *pe = pa | __PAGE_HYPERVISOR_TABLE;
    return t;
}

void map_pages_to_hv(unsigned long va, paddr_t pa, unsigned long nr,
                     pgentry_t flags)
{
    bool flush = false;

    while ( nr )
    {
        unsigned int slot = l4_table_offset(va);
        pgentry_t *l3, *l2, *l1, *pe, leaf;
        unsigned long pages;

        if ( slot <= HV_SLOT_FIRST || slot > HV_SLOT_LAST )
            panic("map_pages_to_hv: %#lx is outside the hypervisor slots",
                  va);
        l3 = next_table(&idle_pg_table[slot], 4);
        pe = &l3[l3_table_offset(va)];

        if ( cpu_has_page1gb && !((va | pa) & ((1UL << 30) - 1)) &&
             nr >= (1UL << 18) && (!(*pe & _PAGE_PRESENT) ||
                                   (*pe & _PAGE_PSE) || !flags) )
        {
            /* Unmapping a whole gigabyte drops its tables too (leaked). */
            pages = 1UL << 18;
            leaf = flags ? pa | flags | _PAGE_PSE : 0;
            goto write;
        }

        l2 = next_table(pe, 3);
        pe = &l2[l2_table_offset(va)];
        if ( !((va | pa) & ((1UL << 21) - 1)) && nr >= 512 &&
             (!(*pe & _PAGE_PRESENT) || (*pe & _PAGE_PSE)) )
        {
            pages = 512;
            leaf = flags ? pa | flags | _PAGE_PSE : 0;
            goto write;
        }

        l1 = next_table(pe, 2);
        pe = &l1[l1_table_offset(va)];
        pages = 1;
        leaf = flags ? pa | flags : 0;

    write:
        if ( *pe & _PAGE_PRESENT )
            flush = true;
        *pe = leaf;
        va += pages << PAGE_SHIFT;
        pa += pages << PAGE_SHIFT;
        nr -= pages;
    }

    /* Entries may be global: only a CR4.PGE toggle drops those. */
    if ( flush )
        flush_tlb_all_local();
}

pgentry_t *hv_l1e_ptr(unsigned long va)
{
    unsigned int slot = l4_table_offset(va);
    pgentry_t *t;

    if ( slot <= HV_SLOT_FIRST || slot > HV_SLOT_LAST )
        panic("hv_l1e_ptr: %#lx is outside the hypervisor slots", va);
    t = next_table(&idle_pg_table[slot], 4);
    t = next_table(&t[l3_table_offset(va)], 3);
    t = next_table(&t[l2_table_offset(va)], 2);
    return &t[l1_table_offset(va)];
}

pgentry_t hv_pte_lookup(unsigned long va, unsigned int *level)
{
    pgentry_t e = idle_pg_table[l4_table_offset(va)];

    if ( !(e & _PAGE_PRESENT) )
        return 0;
    e = table_of(e)[l3_table_offset(va)];
    *level = 3;
    if ( !(e & _PAGE_PRESENT) || (e & _PAGE_PSE) )
        return e;
    e = table_of(e)[l2_table_offset(va)];
    *level = 2;
    if ( !(e & _PAGE_PRESENT) || (e & _PAGE_PSE) )
        return e;
    *level = 1;
    return table_of(e)[l1_table_offset(va)];
}

void *ioremap(paddr_t pa, size_t len)
{
    paddr_t base = pa & PAGE_MASK;
    unsigned long nr = PFN_UP(pa + len) - PFN_DOWN(pa);
    unsigned long va = fixmap_next;

    if ( va + (nr << PAGE_SHIFT) > FIXMAP_VIRT_END )
        panic("ioremap: fixmap area exhausted");
    fixmap_next += nr << PAGE_SHIFT;
    map_pages_to_hv(va, base, nr, PAGE_HYPERVISOR_UC);
    return (void *)(va + (pa & ~PAGE_MASK));
}

void directmap_add(paddr_t start, paddr_t end)
{
    const paddr_t big = 1UL << L2_PAGETABLE_SHIFT;

    start = ROUNDDOWN(start, big);
    end = ROUNDUP(end, big);
    if ( end > start )
        map_pages_to_hv(DIRECTMAP_VIRT_START + start, start,
                        (end - start) >> PAGE_SHIFT, PAGE_HYPERVISOR_RW);
}

static void map_image_range(const char *s, const char *e, pgentry_t flags)
{
    unsigned long va = (unsigned long)s;

    map_pages_to_hv(va, virt_to_maddr(s), PFN_UP((unsigned long)e - va),
                    flags);
}

void paging_init(void)
{
    uint32_t a, b, c, d;
    unsigned int slot;

    cpuid(0x80000000, &a, &b, &c, &d);
    if ( a >= 0x80000001 )
    {
        cpuid(0x80000001, &a, &b, &c, &d);
        cpu_has_page1gb = d & (1u << 26);
    }

    /*
     * Every slot but the M2P's gets its L3 now, so that guest L4s that
     * copy slots 256..271 at creation see later mappings too.
     */
    for ( slot = HV_SLOT_FIRST + 1; slot <= HV_SLOT_LAST; slot++ )
        next_table(&idle_pg_table[slot], 4);

    map_image_range(_stext, _etext, PAGE_HYPERVISOR_RX);
    map_image_range(_srodata, _erodata, PAGE_HYPERVISOR_RO);
    map_image_range(_sdata, __bss_end, PAGE_HYPERVISOR_RW);

    /* The rest of the directmap (RAM regions) comes from the caller. */
}
