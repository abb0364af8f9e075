/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The machine-to-physical table (M2P): for every machine frame, the guest
 * pseudo-physical frame it backs.  PV guests read it directly at Xen's
 * address (RO_MPT_VIRT_START, L4 slot 256), mapped read-only and
 * user-accessible in every guest L4; the hypervisor writes it through the
 * directmap.  Entries of frames no guest described are all-ones.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/mm.h>
#include <hv/page-alloc.h>
#include <asm/pagetable.h>
#include <public/xen.h>
#include "mm.h"

#define M2P_CHUNK_ORDER     (L2_PAGETABLE_SHIFT - PAGE_SHIFT)

/* As Xen: read-only, user, no global (user tables may lose the slot). */
#define M2P_LEAF_FLAGS      (_PAGE_PRESENT | _PAGE_USER | _PAGE_PSE)
#define M2P_TABLE_FLAGS     (_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | \
                             _PAGE_NX)

static unsigned long *m2p;          /* writable view (directmap) */
static mfn_t m2p_mfn;               /* first frame of the table */
static unsigned long m2p_chunks;    /* 2 MiB pieces mapped */

void set_gpfn_from_mfn(mfn_t mfn, unsigned long pfn)
{
    if ( mfn < max_page )
        m2p[mfn] = pfn;
}

unsigned long get_gpfn_from_mfn(mfn_t mfn)
{
    return mfn < max_page ? m2p[mfn] : INVALID_M2P_ENTRY;
}

static pgentry_t *new_table(void)
{
    paddr_t pa = alloc_zeroed_page();

    if ( !pa )
        panic("m2p: out of memory for page tables");
    return maddr_to_virt(pa);
}

void m2p_init(void)
{
    unsigned long bytes = max_page * sizeof(*m2p);
    unsigned int order = M2P_CHUNK_ORDER;
    pgentry_t *l3, *l2 = NULL;
    paddr_t pa;

    while ( (PAGE_SIZE << order) < bytes )
        order++;
    pa = alloc_pages(order);
    if ( !pa )
        panic("m2p: no %lu KiB block for the M2P table",
              (PAGE_SIZE << order) >> 10);
    m2p = maddr_to_virt(pa);
    m2p_mfn = pa >> PAGE_SHIFT;
    memset(m2p, 0xff, PAGE_SIZE << order);
    m2p_chunks = (PAGE_SIZE << order) >> L2_PAGETABLE_SHIFT;

    l3 = new_table();
    for ( unsigned long i = 0; i < m2p_chunks; i++ )
    {
        unsigned long va = RO_MPT_VIRT_START + (i << L2_PAGETABLE_SHIFT);

        if ( !l2 || !l2_table_offset(va) )
        {
            l2 = new_table();
            l3[l3_table_offset(va)] = virt_to_maddr(l2) | M2P_TABLE_FLAGS;
        }
        l2[l2_table_offset(va)] = (pa + (i << L2_PAGETABLE_SHIFT)) |
                                  M2P_LEAF_FLAGS;
    }
    idle_pg_table[l4_table_offset(RO_MPT_VIRT_START)] =
        virt_to_maddr(l3) | M2P_TABLE_FLAGS;
    printk(LOG_INFO "M2P: %lu frames, %lu KiB at mfn %#lx\n", max_page,
           (PAGE_SIZE << order) >> 10, (unsigned long)m2p_mfn);
}

unsigned long m2p_max_mfn(void)
{
    return max_page - 1;
}

/*
 * XENMEM_machphys_mfn_list: the first frame of each 2 MiB piece of the
 * table, as far as it covers max_page.
 */
unsigned long m2p_chunk_mfn(unsigned long i)
{
    if ( i >= m2p_nr_chunks() )
        return 0;
    return m2p_mfn + (i << M2P_CHUNK_ORDER);
}

unsigned long m2p_nr_chunks(void)
{
    unsigned long bytes = max_page * sizeof(*m2p);

    return (bytes + (1UL << L2_PAGETABLE_SHIFT) - 1) >> L2_PAGETABLE_SHIFT;
}
