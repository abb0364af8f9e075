/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Which machine frames outside managed RAM a domain may map: the
 * privileged domain gets all I/O memory the CPU can address except what
 * the hypervisor drives itself (the local APICs' MSI window), as Xen gives
 * its hardware domain, with the I/O APIC and the HPET read-only; other
 * domains get none yet.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/boot.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <asm/processor.h>
#include "mm.h"

#define IOAPIC_MFN      0xfec00UL       /* the standard I/O APIC: read-only */
#define HPET_MFN        0xfed00UL       /* read-only too */
#define MSI_FIRST_MFN   0xfee00UL       /* MSI window, local APIC inside */
#define MSI_LAST_MFN    0xfeeffUL

static mfn_t iomem_limit = 1UL << (36 - PAGE_SHIFT);
/* AMD's HyperTransport hole below 1 TiB (CPU families before 0x17). */
static mfn_t ht_first, ht_last;

void iomem_init(void)
{
    uint32_t a, b, c, d, family;

    cpuid(0x80000000, &a, &b, &c, &d);
    if ( a >= 0x80000008 )
    {
        cpuid(0x80000008, &a, &b, &c, &d);
        if ( (a & 0xff) > PAGE_SHIFT )
            iomem_limit = 1UL << ((a & 0xff) - PAGE_SHIFT);
    }
    cpuid(0, &a, &b, &c, &d);
    /* "AuthenticAMD" and "HygonGenuine" */
    if ( (b == 0x68747541 && c == 0x444d4163 && d == 0x69746e65) ||
         (b == 0x6f677948 && c == 0x656e6975 && d == 0x6e65476e) )
    {
        cpuid(1, &a, &b, &c, &d);
        family = (a >> 8) & 0xf;
        if ( family == 0xf )
            family += (a >> 20) & 0xff;
        if ( family < 0x17 )
        {
            ht_last = (1UL << (40 - PAGE_SHIFT)) - 1;
            ht_first = ht_last + 1 - ((3UL << 32) >> PAGE_SHIFT);
        }
    }
}

bool is_iomem_page(mfn_t mfn)
{
    return !mfn_valid(mfn) || mfn_to_page(mfn)->owner == dom_io;
}

static bool unusable(mfn_t mfn)
{
    for ( unsigned int i = 0; i < boot_info->nr_memmap; i++ )
    {
        const struct boot_mem_region *r = &boot_info->memmap[i];

        if ( r->type == E820_UNUSABLE && mfn >= 0x100 &&
             mfn >= PFN_DOWN(r->start) && mfn < PFN_UP(r->end) )
            return true;
    }
    return false;
}

int iomem_check(const struct domain *d, mfn_t mfn, bool *read_only)
{
    *read_only = false;
    if ( d->is_privileged && mfn < iomem_limit &&
         (mfn < MSI_FIRST_MFN || mfn > MSI_LAST_MFN) &&
         (!ht_last || mfn < ht_first || mfn > ht_last) && !unusable(mfn) )
    {
        *read_only = mfn == HPET_MFN || mfn == IOAPIC_MFN;
        return 0;
    }
    /* The all-ones frame is what "no frame" looks like: not an attack. */
    return mfn == (PADDR_MASK >> PAGE_SHIFT) ? -EINVAL : -EPERM;
}

mfn_t iomem_frame_limit(void)
{
    return iomem_limit;
}

/* The next frame after f (at most end) where iomem_check() may change. */
mfn_t iomem_next_change(const struct domain *d, mfn_t f, mfn_t end)
{
    mfn_t next = end;

#define EDGE(x) do { if ( (x) > f && (x) < next ) next = (x); } while ( 0 )
    if ( !d->is_privileged )
        return end;
    EDGE(IOAPIC_MFN);
    EDGE(IOAPIC_MFN + 1);
    EDGE(HPET_MFN);
    EDGE(HPET_MFN + 1);
    EDGE(MSI_FIRST_MFN);
    EDGE(MSI_LAST_MFN + 1);
    EDGE(iomem_limit);
    if ( ht_last )
    {
        EDGE(ht_first);
        EDGE(ht_last + 1);
    }
    EDGE(0x100);
    for ( unsigned int i = 0; i < boot_info->nr_memmap; i++ )
    {
        EDGE(PFN_DOWN(boot_info->memmap[i].start));
        EDGE(PFN_UP(boot_info->memmap[i].end));
    }
#undef EDGE
    return next;
}

/* Frames the machine memory map shows as reserved between E820 entries. */
bool iomem_map_hole(const struct domain *d, mfn_t mfn)
{
    bool ro;

    return mfn == IOAPIC_MFN || iomem_check(d, mfn, &ro);
}
