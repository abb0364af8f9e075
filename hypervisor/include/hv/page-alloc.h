/* SPDX-License-Identifier: GPL-2.0-only */
/* The machine frame allocator: naturally aligned power-of-two blocks of
 * 4 KiB frames, named by machine address. */
#ifndef HV_PAGE_ALLOC_H
#define HV_PAGE_ALLOC_H

#include <hv/types.h>

/* Largest block: 2^20 frames (4 GiB). */
#define MAX_ORDER       20

/* Bytes of bookkeeping needed to manage frames below max_paddr. */
size_t page_alloc_meta_bytes(paddr_t max_paddr);

/*
 * Start with nothing free.  'meta' is page_alloc_meta_bytes() of writable
 * memory the allocator keeps for itself (cleared here); it must not be
 * given to the allocator afterwards.
 */
void page_alloc_init(paddr_t max_paddr, void *meta);

/*
 * Hand frames [start, end) to the allocator, rounded inward to whole
 * frames: RAM at boot, or boot modules once consumed.  Counts towards
 * total_page_count().  Frames already free are left alone.  Frame 0 is
 * never handed out, so 0 can mean failure.
 */
void free_range(paddr_t start, paddr_t end);

/*
 * Take the free frames of [start, end) (rounded outward) out of the
 * allocator for good, e.g. firmware tables or boot modules.  Frames
 * already allocated are not affected.  Returns the frames taken.
 */
unsigned long reserve_range(paddr_t start, paddr_t end);

/*
 * 2^order contiguous frames aligned to their size, lowest address first,
 * contents left as they were; 0 when no block is big enough.
 */
paddr_t alloc_pages(unsigned int order);

/* Give back a block exactly as alloc_pages() returned it. */
void free_pages(paddr_t pa, unsigned int order);

static inline paddr_t alloc_page(void)
{
    return alloc_pages(0);
}

static inline void free_page(paddr_t pa)
{
    free_pages(pa, 0);
}

unsigned long free_page_count(void);
/* Frames managed: everything given by free_range() minus reservations. */
unsigned long total_page_count(void);

/* From the machine layer: one frame, zeroed through the directmap; 0 if
 * none is left. */
paddr_t alloc_zeroed_page(void);

#endif /* HV_PAGE_ALLOC_H */
