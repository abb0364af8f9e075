/* SPDX-License-Identifier: GPL-2.0-only */
/* Page-table entry flags, address conversions and TLB control. */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <asm/config.h>

#define _PAGE_PRESENT   _AC(0x001, UL)
#define _PAGE_RW        _AC(0x002, UL)
#define _PAGE_USER      _AC(0x004, UL)
#define _PAGE_PWT       _AC(0x008, UL)
#define _PAGE_PCD       _AC(0x010, UL)
#define _PAGE_ACCESSED  _AC(0x020, UL)
#define _PAGE_DIRTY     _AC(0x040, UL)
#define _PAGE_PSE       _AC(0x080, UL)
#define _PAGE_PAT       _AC(0x080, UL)  /* in an L1 entry */
#define _PAGE_GLOBAL    _AC(0x100, UL)
#define _PAGE_NX        (_AC(1, UL) << 63)

#define PADDR_BITS      52
#define PADDR_MASK      ((_AC(1, UL) << PADDR_BITS) - 1)
#define PTE_ADDR_MASK   (PADDR_MASK & ~_AC(0xfff, UL))

#define L1_PAGETABLE_SHIFT  12
#define L2_PAGETABLE_SHIFT  21
#define L3_PAGETABLE_SHIFT  30
#define L4_PAGETABLE_SHIFT  39
#define PAGETABLE_ENTRIES   512

/* Intermediate entries stay permissive; the leaf decides. */
#define __PAGE_HYPERVISOR_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | \
                                 _PAGE_DIRTY)
#define __PAGE_HYPERVISOR_RX    (_PAGE_PRESENT | _PAGE_ACCESSED)
#define __PAGE_HYPERVISOR_RO    (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_NX)
#define __PAGE_HYPERVISOR_RW    (__PAGE_HYPERVISOR_RO | _PAGE_RW | \
                                 _PAGE_DIRTY)
#define PAGE_HYPERVISOR_RX      (__PAGE_HYPERVISOR_RX | _PAGE_GLOBAL)
#define PAGE_HYPERVISOR_RO      (__PAGE_HYPERVISOR_RO | _PAGE_GLOBAL)
#define PAGE_HYPERVISOR_RW      (__PAGE_HYPERVISOR_RW | _PAGE_GLOBAL)
#define PAGE_HYPERVISOR_UC      (PAGE_HYPERVISOR_RW | _PAGE_PCD | _PAGE_PWT)
#define PAGE_HYPERVISOR         PAGE_HYPERVISOR_RW

#ifndef __ASSEMBLY__

#include <hv/types.h>

typedef uint64_t pgentry_t;

#define l1_table_offset(va) (((va) >> L1_PAGETABLE_SHIFT) & 511)
#define l2_table_offset(va) (((va) >> L2_PAGETABLE_SHIFT) & 511)
#define l3_table_offset(va) (((va) >> L3_PAGETABLE_SHIFT) & 511)
#define l4_table_offset(va) (((va) >> L4_PAGETABLE_SHIFT) & 511)

/* Every byte of RAM is reachable through the directmap. */
static inline void *maddr_to_virt(paddr_t ma)
{
    return (void *)(DIRECTMAP_VIRT_START + ma);
}

/* Accepts directmap addresses and addresses inside the image. */
static inline paddr_t virt_to_maddr(const void *va)
{
    unsigned long v = (unsigned long)va;

    if ( v >= HV_VIRT_START && v < HV_VIRT_END )
        return v - HV_VIRT_START + HV_LOAD_PHYS;
    return v - DIRECTMAP_VIRT_START;
}

static inline void *mfn_to_virt(mfn_t mfn)
{
    return maddr_to_virt((paddr_t)mfn << PAGE_SHIFT);
}

static inline mfn_t virt_to_mfn(const void *va)
{
    return virt_to_maddr(va) >> PAGE_SHIFT;
}

static inline unsigned long read_cr3(void)
{
    unsigned long cr3;

    asm volatile ( "mov %%cr3, %0" : "=r" (cr3) );
    return cr3;
}

static inline void write_cr3(unsigned long cr3)
{
    asm volatile ( "mov %0, %%cr3" : : "r" (cr3) : "memory" );
}

static inline void invlpg(const void *va)
{
    asm volatile ( "invlpg (%0)" : : "r" (va) : "memory" );
}

/* Drops non-global entries: the hypervisor's own survive a guest's CR3. */
static inline void flush_tlb_local(void)
{
    write_cr3(read_cr3());
}

/* Drops everything, global entries included (toggling CR4.PGE). */
void flush_tlb_all_local(void);

#endif /* !__ASSEMBLY__ */

#endif /* ASM_PAGE_H */
