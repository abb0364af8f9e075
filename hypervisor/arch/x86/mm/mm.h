/* SPDX-License-Identifier: GPL-2.0-only */
/* Internal interfaces of the PV memory management (arch/x86/mm/). */
#ifndef ARCH_X86_MM_MM_H
#define ARCH_X86_MM_MM_H

#include <hv/types.h>
#include <hv/mm.h>
#include <hv/domain.h>
#include <asm/page.h>

struct domain;
struct vcpu;

/* PTE bits guests may use beyond the hardware's: software-available. */
#define _PAGE_AVAIL         _AC(0xe00, UL)
#define _PAGE_AVAIL_HIGH    (_AC(0x7ff, UL) << 52)
/*
 * Guest kernel mappings: guests run their kernel in ring 3 too, so every
 * mapping gets _PAGE_USER; this bit remembers which were the kernel's.
 */
#define _PAGE_GUEST_KERNEL  (_AC(1, UL) << 52)
#define PAGE_CACHE_ATTRS    (_PAGE_PWT | _PAGE_PCD | _PAGE_PAT)

/* The flag bits of an entry (address bits excluded). */
#define PTE_FLAGS           (~PTE_ADDR_MASK)

/* What no guest entry may set at any level (caching, PSE, global...). */
#define BASE_DISALLOW_MASK \
    (PTE_FLAGS & ~(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | \
                   _PAGE_DIRTY | _PAGE_AVAIL | _PAGE_AVAIL_HIGH | _PAGE_NX))
/*
 * Leaves may be global.  (Xen's debug builds also keep bit 62 for grant
 * mappings; its release builds, which guests meet, leave it to them.)
 */
#define L1_DISALLOW_MASK    (BASE_DISALLOW_MASK & ~_PAGE_GLOBAL)
#define L2_DISALLOW_MASK    BASE_DISALLOW_MASK
#define L3_DISALLOW_MASK    BASE_DISALLOW_MASK
#define L4_DISALLOW_MASK    BASE_DISALLOW_MASK

/* Flags a guest may change without the entry being checked again. */
#define FASTPATH_FLAGS      (_PAGE_NX | _PAGE_AVAIL_HIGH | _PAGE_AVAIL | \
                             _PAGE_GLOBAL | _PAGE_DIRTY | _PAGE_ACCESSED | \
                             _PAGE_USER)

/* L4 slots that are the hypervisor's in every guest L4. */
#define GUEST_L4_HV_FIRST   256
#define GUEST_L4_HV_LAST    271

static inline bool is_guest_l4_slot(unsigned int slot)
{
    return slot < GUEST_L4_HV_FIRST || slot > GUEST_L4_HV_LAST;
}

static inline mfn_t pte_mfn(pgentry_t e)
{
    return (e & PTE_ADDR_MASK) >> PAGE_SHIFT;
}

static inline bool pte_present(pgentry_t e)
{
    return e & _PAGE_PRESENT;
}

/* Whether old and new differ in address or in flags outside 'keep'. */
static inline bool pte_changed(pgentry_t o, pgentry_t n, pgentry_t keep)
{
    return ((o ^ n) & (PTE_ADDR_MASK | (PTE_FLAGS & ~keep))) != 0;
}

/* validate.c: entries and whole tables. */
int get_page_from_l1e(pgentry_t l1e, struct domain *l1e_owner,
                      struct domain *pg_owner, pgentry_t *flip);
void put_page_from_l1e(pgentry_t l1e, struct domain *l1e_owner);
/*
 * Validate a table's entries from nr_validated_ptes on, or give back what
 * its entries below nr_validated_ptes hold: 0, -ERESTART when stopped
 * (preemptible only), or why an entry was refused.
 */
int validate_table(struct page_info *pg, unsigned long type,
                   bool preemptible);
int devalidate_table(struct page_info *pg, unsigned long type,
                     bool preemptible);
/*
 * Drop a type reference taken through a table entry of table ptpg; 0, or
 * -ERESTART when the devalidation this started stopped (the frame is
 * partial, the caller's general reference to go by put_partial_ref()).
 */
int put_page_type_from(struct page_info *pg, struct page_info *ptpg,
                       bool preemptible);
/*
 * mmu-ops.c: give back a general reference to a frame that may be
 * partial, now or, if that takes long, before the current VCPU's next MMU
 * hypercall does anything else.
 */
void mm_release_partial(struct page_info *pg);
void fill_hv_l4_slots(pgentry_t *l4, bool ro_mpt);

static inline bool vm_assist(const struct domain *d, unsigned int type)
{
    return d->arch.vm_assist & (1UL << type);
}

/*
 * Entry updates on a validated table of the given level, the table
 * being frame 'mfn' and *p one of its entries.  0 or a negative errno
 * with the entry unchanged.
 */
int mod_l1_entry(pgentry_t *p, pgentry_t nl1e, mfn_t mfn, bool preserve_ad,
                 struct domain *pt_dom, struct domain *pg_dom);
int mod_l2_entry(pgentry_t *p, pgentry_t nl2e, mfn_t mfn, bool preserve_ad,
                 struct domain *d);
int mod_l3_entry(pgentry_t *p, pgentry_t nl3e, mfn_t mfn, bool preserve_ad,
                 struct domain *d);
int mod_l4_entry(pgentry_t *p, pgentry_t nl4e, mfn_t mfn, bool preserve_ad,
                 struct domain *d);

/* iomem.c: frames that are not RAM a domain owns. */
bool is_iomem_page(mfn_t mfn);
/* 0, or -EPERM / -EINVAL as Xen answers for a refused MMIO frame. */
int iomem_check(const struct domain *d, mfn_t mfn, bool *read_only);
void iomem_init(void);
/* Frames at and above this one are beyond the CPU's physical addresses. */
mfn_t iomem_frame_limit(void);
/* The next frame after f, up to end, where iomem_check() may answer
 * differently: for walking I/O memory range by range. */
mfn_t iomem_next_change(const struct domain *d, mfn_t f, mfn_t end);
/* Whether the machine memory map reports frame mfn as reserved. */
bool iomem_map_hole(const struct domain *d, mfn_t mfn);

/* descriptors.c: check a page of descriptors becoming PGT_seg_desc_page. */
int validate_segdesc_page(struct page_info *pg);

/* mmu-ops.c */
int new_guest_cr3(struct vcpu *v, mfn_t mfn);
int new_guest_user_cr3(struct vcpu *v, mfn_t mfn);

/* The virtual-address walk of update_va_mapping and the #PF handler. */
pgentry_t *guest_l1e_of(struct vcpu *v, unsigned long va, mfn_t *l1mfn);

#endif /* ARCH_X86_MM_MM_H */
