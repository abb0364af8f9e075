/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bringing up memory management for guests: the frame table sized to the
 * highest RAM frame, the I/O memory policy and the M2P table.
 */
#include <hv/types.h>
#include <hv/boot.h>
#include <hv/console.h>
#include <hv/panic.h>
#include <hv/mm.h>
#include <hv/page-alloc.h>
#include <asm/page.h>
#include "mm.h"

static bool boot_is_ram(mfn_t mfn)
{
    paddr_t pa = (paddr_t)mfn << PAGE_SHIFT;

    for ( unsigned int i = 0; i < boot_info->nr_memmap; i++ )
    {
        const struct boot_mem_region *r = &boot_info->memmap[i];

        if ( r->type == E820_RAM && pa >= r->start &&
             pa + PAGE_SIZE <= r->end )
            return true;
    }
    return false;
}

void mm_init(void)
{
    unsigned long max_pfn = 0;
    unsigned int order = 0;
    paddr_t table;

    if ( frame_table )
        return;
    for ( unsigned int i = 0; i < boot_info->nr_memmap; i++ )
        if ( boot_info->memmap[i].type == E820_RAM )
            max_pfn = MAX(max_pfn, PFN_DOWN(boot_info->memmap[i].end));

    while ( (PAGE_SIZE << order) < frame_table_bytes(max_pfn) )
        order++;
    table = alloc_pages(order);
    if ( !table )
        panic("mm: no %lu KiB block for the frame table",
              (PAGE_SIZE << order) >> 10);
    frame_table_init(maddr_to_virt(table), max_pfn, boot_is_ram);
    iomem_init();
    m2p_init();
    printk(LOG_INFO "mm: frame table for %lu frames, %lu KiB\n", max_pfn,
           (unsigned long)frame_table_bytes(max_pfn) >> 10);
}
