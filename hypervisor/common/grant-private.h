/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant table internals shared by grant_table.c (the table), grant-map.c
 * (mappings and maptrack) and grant-copy.c (copies and transfers).
 */
#ifndef COMMON_GRANT_PRIVATE_H
#define COMMON_GRANT_PRIVATE_H

#include <hv/types.h>
#include <hv/spinlock.h>
#include <hv/grant_table.h>
#include <hv/mm.h>
#include <asm/mm.h>
#include <public/grant_table.h>

/* Frames a table starts with, as Xen's INITIAL_NR_GRANT_FRAMES on x86. */
#define GNTTAB_INITIAL_FRAMES   1U

#define SHGNT_PER_PAGE  (PAGE_SIZE / sizeof(struct grant_entry_v1))

/*
 * The hypervisor's side of one grant entry: how the entry is pinned, by
 * whom, and the frame the pins hold.  pin holds four 8-bit counters, one
 * per kind of use; a non-zero pin means the entry's GTF_reading (and
 * GTF_writing for writable uses) flags are set and its domid and frame
 * may not change under us.
 */
struct active_grant_entry
{
    uint32_t pin;
    domid_t domid;              /* the only domain that may pin it */
    uint16_t pad;
    mfn_t mfn;
};

#define GNTPIN_hstw_inc     (1U << 0)   /* writable host mappings */
#define GNTPIN_hstr_inc     (1U << 8)   /* read-only host mappings */
#define GNTPIN_devw_inc     (1U << 16)  /* writable device mappings */
#define GNTPIN_devr_inc     (1U << 24)  /* read-only device mappings */
#define GNTPIN_hstw_mask    (0xffU << 0)
#define GNTPIN_hstr_mask    (0xffU << 8)
#define GNTPIN_devw_mask    (0xffU << 16)
#define GNTPIN_devr_mask    (0xffU << 24)
#define GNTPIN_write_mask   (GNTPIN_hstw_mask | GNTPIN_devw_mask)
/* The top bit of each counter a given increment touches: refuse past it. */
#define GNTPIN_oflow_mask(inc)  ((inc) << 7)

#define ACGNT_PER_PAGE  (PAGE_SIZE / sizeof(struct active_grant_entry))
#define GNTTAB_MAX_ACTIVE_FRAMES \
    (GNTTAB_DEFAULT_MAX_FRAMES * SHGNT_PER_PAGE / ACGNT_PER_PAGE)

/*
 * One mapping a domain made of another's grant; its index is the handle
 * the guest unmaps with.  While free, ref links the free list.  16 bytes,
 * as Xen's, so that handles are numbered the same way.
 */
struct grant_mapping
{
    uint32_t ref;
    uint16_t flags;             /* GNTMAP_* still mapped; 0 when free */
    domid_t domid;              /* the granting domain */
    uint64_t pad;
};

#define MAPTRACK_PER_PAGE   (PAGE_SIZE / sizeof(struct grant_mapping))
#define MAPTRACK_TAIL       (~0U)
#define INVALID_HANDLE      (~0U)

/*
 * A domain's table.  lock covers the active entries, nr_frames and the
 * version; maptrack_lock the maptrack pages and free list.  No path holds
 * two tables' locks, nor takes a table lock under maptrack_lock.
 */
struct grant_table
{
    spinlock_t lock;
    spinlock_t maptrack_lock;
    struct domain *domain;
    mfn_t self;                 /* the frame holding this structure */
    unsigned int version;       /* 1: the only one offered */
    unsigned int max_version;
    unsigned int nr_frames;     /* shared frames in use */
    unsigned int max_frames;
    unsigned int max_maptrack_frames;
    unsigned int maptrack_limit;        /* handles that exist */
    unsigned int maptrack_head;         /* free list, oldest first */
    unsigned int maptrack_tail;
    mfn_t maptrack_dir;                 /* frames of maptrack pages */
    unsigned int maptrack_dir_order;
    bool relinquished;                  /* shared frames given up */
    mfn_t shared[GNTTAB_DEFAULT_MAX_FRAMES];
    mfn_t active[GNTTAB_MAX_ACTIVE_FRAMES];
};

static inline unsigned int nr_grant_entries(const struct grant_table *gt)
{
    return gt->nr_frames * SHGNT_PER_PAGE;
}

static inline struct grant_entry_v1 *shared_entry(const struct grant_table *gt,
                                                  grant_ref_t ref)
{
    struct grant_entry_v1 *page = frame_va(gt->shared[ref / SHGNT_PER_PAGE]);

    return &page[ref % SHGNT_PER_PAGE];
}

static inline struct active_grant_entry *
active_entry(const struct grant_table *gt, grant_ref_t ref)
{
    struct active_grant_entry *page = frame_va(gt->active[ref /
                                                          ACGNT_PER_PAGE]);

    return &page[ref % ACGNT_PER_PAGE];
}

static inline struct grant_mapping *
maptrack_entry(const struct grant_table *gt, grant_handle_t handle)
{
    const mfn_t *dir = frame_va(gt->maptrack_dir);
    struct grant_mapping *page = frame_va(dir[handle / MAPTRACK_PER_PAGE]);

    return &page[handle % MAPTRACK_PER_PAGE];
}

/* grant_table.c: hypervisor pages for the table's own structures. */
void *gnttab_alloc_frames(unsigned int order, mfn_t *mfn);
void gnttab_free_frames(mfn_t mfn, unsigned int order);

/*
 * grant_table.c: the pin protocol on a shared entry, with gt->lock held.
 * set_status checks the entry allows ldomid this access and sets
 * GTF_reading (and GTF_writing) with a compare-and-swap, as the granter
 * may rewrite the entry at any time; map refuses sub-page entries.
 * reduce_status clears the flags the remaining pins no longer need.
 */
int gnttab_set_status(struct grant_table *gt, grant_ref_t ref,
                      const struct active_grant_entry *act, bool readonly,
                      bool map, domid_t ldomid);
void gnttab_reduce_status(struct grant_table *gt, grant_ref_t ref,
                          const struct active_grant_entry *act,
                          bool readonly);
/*
 * The frame a PV granter names (its machine frame): a general reference
 * on it if it owns it.  GNTST_okay or GNTST_bad_page.
 */
int gnttab_get_frame(struct domain *rd, uint64_t gfn, struct page_info **pg);
/* The domain a grant operation names, by id; NULL if there is none. */
struct domain *gnttab_lookup_domain(domid_t domid, bool self_ok);

/*
 * The batch operations return 0 when done, a negative errno, or the number
 * of entries done when they stopped early to be continued.
 */

/* grant-map.c */
long gnttab_map_grant_ref(guest_va_t uop, unsigned int count);
long gnttab_unmap_grant_ref(guest_va_t uop, unsigned int count);
long gnttab_unmap_and_replace(guest_va_t uop, unsigned int count);
void gnttab_release_mappings(struct domain *d);
void gnttab_free_maptrack(struct grant_table *gt);

/* grant-copy.c */
long gnttab_copy(guest_va_t uop, unsigned int count);
long gnttab_transfer(guest_va_t uop, unsigned int count);
/*
 * *cur: the reference the search for the first entry's grant starts at
 * (a continuation's), and on return where it is to resume (0: at the
 * next entry).
 */
long gnttab_cache_flush(guest_va_t uop, unsigned int count,
                        grant_ref_t *cur);

#endif /* COMMON_GRANT_PRIVATE_H */
