/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The frame table: for every machine frame its owner, its references and
 * what it is used as, and the operations that keep a PV guest's direct
 * paging safe.  The model is explained in docs/pv-mmu.md and at the top of
 * arch/x86/mm/frame-table.c.
 */
#ifndef HV_MM_H
#define HV_MM_H

#include <hv/types.h>

struct domain;

struct page_info
{
    unsigned long count_info;       /* PGC_* and the general count */
    unsigned long type_info;        /* PGT_* and the type count */
    struct domain *owner;           /* NULL: free or the hypervisor's */
    /*
     * Linear (recursive) page-table bookkeeping of a table: > 0 counts
     * the linear entries it holds, < 0 the linear entries that map it.
     * A table is never both, so one field is enough.
     */
    int32_t linear_pt_count;
    uint32_t _pad;                  /* scratch for mm_audit_domain() */
    /*
     * A table validated or devalidated only in part (PGT_partial):
     * entries below nr_validated_ptes hold their references, the one at
     * nr_validated_ptes holds only a general reference if partial_pte
     * (the table below being partial itself, or about to be), the rest
     * hold nothing.  See arch/x86/mm/validate.c.
     */
    uint16_t nr_validated_ptes;
    bool partial_pte;
};

/* count_info */
#define PGC_allocated       (1UL << 63) /* the owner's allocation reference */
#define PGC_xen_heap        (1UL << 62) /* a hypervisor page lent to a guest */
#define PGC_count_mask      ((1UL << 40) - 1)

/* type_info */
#define PGT_type_shift      60
#define PGT_none            (0UL << PGT_type_shift)
#define PGT_l1_page_table   (1UL << PGT_type_shift)
#define PGT_l2_page_table   (2UL << PGT_type_shift)
#define PGT_l3_page_table   (3UL << PGT_type_shift)
#define PGT_l4_page_table   (4UL << PGT_type_shift)
#define PGT_seg_desc_page   (5UL << PGT_type_shift)
#define PGT_writable_page   (7UL << PGT_type_shift)
#define PGT_type_mask       (15UL << PGT_type_shift)
#define PGT_validated       (1UL << 59) /* contents checked for this type */
#define PGT_pinned          (1UL << 58) /* MMUEXT_PIN_*: holds a type ref */
#define PGT_partial         (1UL << 57) /* (de)validation stopped part way */
#define PGT_count_mask      ((1UL << 32) - 1)

#define PGT_root_page_table PGT_l4_page_table

/* Frames [0, max_page) have an entry; others are never RAM we manage. */
extern struct page_info *frame_table;
extern unsigned long max_page;

/* Owner of the frames that are not RAM (firmware, MMIO, the first MiB). */
extern struct domain *const dom_io;
/* The hypervisor as a page owner (DOMID_XEN); it lends nothing yet. */
extern struct domain *const dom_xen;

static inline bool mfn_valid(mfn_t mfn)
{
    return mfn < max_page;
}

static inline struct page_info *mfn_to_page(mfn_t mfn)
{
    return &frame_table[mfn];
}

static inline mfn_t page_to_mfn(const struct page_info *pg)
{
    return (mfn_t)(pg - frame_table);
}

static inline struct domain *page_get_owner(const struct page_info *pg)
{
    return pg->owner;
}

/*
 * Set up the frame table for frames below max_pfn (a machine frame number
 * past the last RAM frame), with 'table' as its storage
 * (frame_table_bytes(max_pfn) bytes).  Frames for which is_ram() is false,
 * and the first MiB, are given to dom_io.
 */
size_t frame_table_bytes(unsigned long max_pfn);
void frame_table_init(struct page_info *table, unsigned long max_pfn,
                      bool (*is_ram)(mfn_t mfn));

/*
 * General references.  A frame can be referenced only while allocated to
 * an owner (count > 0); the last put_page() of a frame whose owner gave
 * it up frees it.  get_page() fails unless the owner is d.
 */
struct domain *page_get_owner_and_reference(struct page_info *pg);
bool get_page(struct page_info *pg, const struct domain *d);
void put_page(struct page_info *pg);
/* The page for mfn with a general reference, if d owns it; else NULL. */
struct page_info *get_page_from_mfn(mfn_t mfn, const struct domain *d);

/*
 * Type references.  A frame may change its type only while its type count
 * is 0; taking the first reference of a page-table type validates its
 * contents, dropping the last one devalidates them.  get_page_type()
 * returns 0 or a negative errno (-EINVAL: wrong type or invalid contents,
 * -EBUSY never: callers translate as Xen does).
 */
int get_page_type(struct page_info *pg, unsigned long type);
void put_page_type(struct page_info *pg);
/*
 * The same for hypercalls that may stop part way (an L2..L4 table's
 * validation or devalidation is long): -ERESTART when the frame was left
 * PGT_partial, to be continued by the next get (or finished by the next
 * put_partial_ref()).  *left_partial: the frame is partial on return,
 * failed or not, and the caller's general reference must go through
 * put_partial_ref().
 */
int get_page_type_preemptible(struct page_info *pg, unsigned long type,
                              bool *left_partial);
int put_page_type_preemptible(struct page_info *pg);
/*
 * Drop a general reference to a frame that may be partial: finish the
 * devalidation first (-ERESTART, the reference kept, if that stopped).
 */
int put_partial_ref(struct page_info *pg, bool preemptible);
int get_page_and_type(struct page_info *pg, const struct domain *d,
                      unsigned long type);
void put_page_and_type(struct page_info *pg);

/*
 * Domain memory.  alloc_domheap_pages() gives d 2^order fresh (zeroed)
 * frames below 2^addr_bits (0: anywhere), counted in tot_pages and refused
 * past max_pages; NULL when out of memory or quota.  Frames come back to
 * the allocator, scrubbed, when their last reference goes.
 */
struct page_info *alloc_domheap_pages(struct domain *d, unsigned int order,
                                      unsigned int addr_bits);
/*
 * XENMEM_claim_pages: stake free frames for d until it owns 'pages' in
 * all, so that other domains' allocations cannot take them; 0 cancels.
 * Xen's checks and codes (-EINVAL over a claim or out of range, -ENOMEM).
 */
int domain_set_claim(struct domain *d, unsigned long pages);
/* Frames [mfn, mfn + nr) the caller allocated, given to d as above. */
int assign_frames(struct domain *d, mfn_t mfn, unsigned long nr);
/* Drop the owner's allocation reference (ballooning out a frame). */
bool put_page_alloc_ref(struct page_info *pg);
/*
 * Take a frame away from its owner for good: only when nothing but the
 * allocation reference holds it.  The frame ends up unowned, count 0,
 * not yet freed (the caller frees or reassigns it).
 */
int steal_page(struct domain *d, struct page_info *pg);
/* Scrub a frame nobody owns or maps and give it back to the allocator. */
void free_unowned_frame(mfn_t mfn);
/* Lend a hypervisor frame (shared_info...) to d, writable or not. */
void share_xen_page_with_guest(struct page_info *pg, struct domain *d,
                               bool writable);

/*
 * Whether some TLB may still hold a translation the frame table no longer
 * accounts for (a dropped mapping or page-table reference); the flush
 * helpers clear it.  Checked before a frame changes type or is freed.
 */
void mm_flush_if_stale(void);
void mm_note_stale(void);
void mm_flush_all(void);
/* The guest's own CPU only: leaves the staleness for a full flush. */
void mm_flush_local(void);

/*
 * Check the frame table's counts for d against its page tables, pins and
 * base pointers, and every entry of its tables against the rules; returns
 * the number of problems found (the first ones reported with printk).
 * Other users of frames (descriptor tables, vcpu_info, grants) hold
 * references it does not see: only with 'exact' must counts match to the
 * last.  Slow: for tests and debugging.
 */
unsigned long mm_audit_domain(struct domain *d, bool exact);

/*
 * The machine-to-physical table guests read at RO_MPT_VIRT_START.  Frames
 * outside [0, max_page) have no entry (reads give INVALID_M2P_ENTRY,
 * writes are dropped).
 */
#define INVALID_M2P_ENTRY   (~0UL)
void set_gpfn_from_mfn(mfn_t mfn, unsigned long pfn);
unsigned long get_gpfn_from_mfn(mfn_t mfn);
unsigned long m2p_max_mfn(void);
unsigned long m2p_nr_chunks(void);
unsigned long m2p_chunk_mfn(unsigned long i);
void m2p_init(void);

/*
 * Domain building: validate and pin the L4 at l4mfn (owned by v's domain)
 * and make it v's kernel base pointer, to be loaded when v first runs.
 */
struct vcpu;
int mm_set_initial_table(struct vcpu *v, mfn_t l4mfn);

/* Frame table, I/O memory policy and M2P, once the allocator runs. */
void mm_init(void);

/* Counters: TLB flushes, and inconsistencies found (should stay 0). */
extern unsigned long mm_nr_tlb_flushes;
extern unsigned long mm_nr_errors;

#endif /* HV_MM_H */
