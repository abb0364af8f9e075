/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor's own page tables: idle_pg_table and its slots 256..271
 * (copied into every guest L4), mapping helpers and device mappings. */
#ifndef ASM_PAGETABLE_H
#define ASM_PAGETABLE_H

#include <asm/page.h>

/*
 * The hypervisor's L4.  Only slots HV_SLOT_FIRST..HV_SLOT_LAST are ever
 * used and all but 256 (the M2P slot, left to the PV memory code) point at
 * an L3 from boot on, so a guest L4 that copied them sees every later
 * mapping made in them.  No entry has _PAGE_USER.
 */
extern pgentry_t idle_pg_table[PAGETABLE_ENTRIES];

/*
 * Map nr frames from machine address pa at va (both page aligned) with
 * the given leaf flags (PAGE_HYPERVISOR_*), in idle_pg_table's hypervisor
 * slots.  Uses 2 MiB / 1 GiB pages where alignment allows, splits large
 * pages when a smaller mapping must go inside one, and flushes the TLB.
 * flags == 0 unmaps.  Panics when out of memory for page tables or when
 * va lies outside slots 257..271.
 */
void map_pages_to_hv(unsigned long va, paddr_t pa, unsigned long nr,
                     pgentry_t flags);

/* The L1 entry for va, creating (or splitting down to) its L1 table. */
pgentry_t *hv_l1e_ptr(unsigned long va);

/* The leaf entry mapping va, or 0; sets *level to 1, 2 or 3. */
pgentry_t hv_pte_lookup(unsigned long va, unsigned int *level);

/* Map device memory uncached in the fixmap area; never unmapped. */
void *ioremap(paddr_t pa, size_t len);

/* Build idle_pg_table (image, directmap, GDT windows) and switch to it. */
void paging_init(void);

/* Extend the directmap over [start, end) (e.g. RAM above 4 GiB). */
void directmap_add(paddr_t start, paddr_t end);

/* 1 GiB pages: whether the CPU has them (CPUID pdpe1gb). */
extern bool cpu_has_page1gb;

#endif /* ASM_PAGETABLE_H */
