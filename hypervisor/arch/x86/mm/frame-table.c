/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The frame table and the reference-count model of PV direct paging.
 *
 * A PV guest writes machine frame numbers into its own page tables, and the
 * MMU walks those tables directly.  Safety therefore rests on three facts
 * the hypervisor proves before any table is used, and keeps true after:
 * a guest maps only frames it owns (or I/O frames it was given), never a
 * page table writable, and never the hypervisor.  The frame table holds,
 * for every machine frame, what those proofs need.
 *
 * Owner.  NULL for free frames and the hypervisor's own; dom_io for frames
 * that are not RAM (firmware, MMIO, the first MiB); otherwise the domain
 * the frame was given to.  Only a frame with a general reference can be
 * mapped, and the reference is taken only if the owner is the one
 * expected.
 *
 * General count (count_info).  Every use of a frame by a guest holds one:
 * the owner's allocation (PGC_allocated), every present PTE mapping it,
 * every table entry referencing it as a lower-level table, a pin, a VCPU
 * base pointer.  A frame is freed, scrubbed, when the count falls to 0,
 * which can only happen after its owner gave up PGC_allocated: a guest
 * ballooning out a frame it still maps keeps it until the last mapping
 * goes.
 *
 * Type and type count (type_info).  A frame is used as one of: L1, L2,
 * L3 or L4 page table, segment descriptors (GDT/LDT), writable memory.
 * The type count says how many uses of the current type exist: writable
 * PTEs for PGT_writable_page, referencing table entries, pins and base
 * pointers for tables.  The type may change only while the count is 0, so
 * a frame with a writable mapping can never become a page table and a
 * page table can never be mapped writable.
 *
 * Validation.  The first type reference of a table type checks every entry
 * (taking the references those entries need: a general reference for each
 * mapped frame, a writable type reference for each writable mapping, a
 * typed reference for each lower table) and sets PGT_validated; the last
 * one gives those references back (devalidation).  Entries change only
 * through the hypervisor (mmu_update, update_va_mapping, the emulated
 * writes of writable page tables), which checks the new entry the same way
 * before it drops the old entry's references.
 *
 * Invariants, for every frame f:
 *  - count(f) == 0  <=>  f is free or the hypervisor's (owner NULL).
 *  - typecount(f) <= count(f): every type reference comes with a general
 *    one, taken first and dropped last.
 *  - type(f) is a table type and typecount(f) > 0  =>  PGT_validated or
 *    PGT_partial (or being walked by the running hypercall), and no
 *    writable mapping of f exists anywhere (typecount is taken on the
 *    single type f has).
 *  - PGT_pinned  =>  one type and one general reference belong to the pin.
 *  - tot_pages(d) == number of frames owned by d holding PGC_allocated,
 *    hypervisor frames lent with share_xen_page_with_guest() excepted.
 *
 * Partial validation.  Validating an L2..L4 (its whole tree below, for a
 * new one) or devalidating it may be long, so a hypercall may stop part
 * way (-ERESTART) and be issued again.  The frame is then PGT_partial:
 *  - its type count is exactly 1 and not PGT_validated; that reference
 *    and one general reference belong to the partial state itself, not
 *    to any caller (nobody else holds a type reference to it);
 *  - entries below nr_validated_ptes hold what entries of a validated
 *    table hold; if partial_pte, the entry at nr_validated_ptes holds a
 *    general reference only (the table below was itself left partial, or
 *    has been finished since by someone else); later entries hold
 *    nothing.  The same state serves validation (the count goes up) and
 *    devalidation (down), so either can follow the other.
 *  - A partial table's entries cannot change (mmu_update wants a
 *    validated table) nor can it get another type (its count is 1).
 *  - The next get_page_type() of the same type takes the state over and
 *    carries on; success drops the state's general reference.  Anybody
 *    may do so: the guest pinning a lower table of a stopped tree simply
 *    finishes it, and the tree's entry then finds it validated.
 *  - put_partial_ref() finishes a partial devalidation and drops the
 *    state's references; a table abandoned half way is finished so by
 *    an entry above it being torn down, by a VCPU's deferred teardown
 *    (mmu-ops.c), or when the domain dies.
 * A failed preemptible validation leaves the frame partial too, if it
 * took any reference: giving them back is as long as taking them was.
 * Lock order: none yet (one CPU); SMP will add a per-domain lock taken
 * around each hypercall's updates, as the order of checks needs.
 *
 * TLB: dropping a mapping or a table reference may leave the translation
 * cached.  Before a frame changes type or is freed the TLB is flushed if
 * anything was dropped since the last flush, so no stale writable
 * translation survives into a frame's new life.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/page-alloc.h>
#include <asm/mm.h>
#include "mm.h"

struct page_info *frame_table;
unsigned long max_page;
unsigned long mm_nr_tlb_flushes;

static struct domain dom_io_storage = { .domain_id = DOMID_IO };
static struct domain dom_xen_storage = { .domain_id = DOMID_XEN };
struct domain *const dom_io = &dom_io_storage;
struct domain *const dom_xen = &dom_xen_storage;

/* Something was unmapped or unreferenced since the last full flush. */
static bool tlb_stale;

void mm_note_stale(void)
{
    tlb_stale = true;
}

void mm_flush_all(void)
{
    arch_flush_tlb_all();
    mm_nr_tlb_flushes++;
    tlb_stale = false;
}

/*
 * Other CPUs may still hold what was dropped: only a flush that reached
 * them all clears tlb_stale.
 */
void mm_flush_local(void)
{
    arch_flush_tlb_local();
    mm_nr_tlb_flushes++;
}

void mm_flush_if_stale(void)
{
    if ( tlb_stale )
        mm_flush_all();
}

size_t frame_table_bytes(unsigned long max_pfn)
{
    return max_pfn * sizeof(struct page_info);
}

void frame_table_init(struct page_info *table, unsigned long max_pfn,
                      bool (*is_ram)(mfn_t mfn))
{
    frame_table = table;
    max_page = max_pfn;
    memset(table, 0, frame_table_bytes(max_pfn));
    for ( mfn_t mfn = 0; mfn < max_pfn; mfn++ )
    {
        struct page_info *pg = &table[mfn];

        /* Like Xen, the first MiB counts as I/O even where it is RAM. */
        if ( mfn >= 0x100 && is_ram(mfn) )
            continue;
        pg->owner = dom_io;
        pg->count_info = PGC_allocated | 1;
    }
}

struct domain *page_get_owner_and_reference(struct page_info *pg)
{
    unsigned long count = pg->count_info & PGC_count_mask;

    /* Free frames have no owner to vouch for; and never wrap the count. */
    if ( count == 0 || count >= PGC_count_mask - 1 )
        return NULL;
    pg->count_info++;
    return pg->owner;
}

bool get_page(struct page_info *pg, const struct domain *d)
{
    struct domain *owner = page_get_owner_and_reference(pg);

    if ( likely(owner == d) )
        return true;
    if ( owner )
        put_page(pg);
    return false;
}

struct page_info *get_page_from_mfn(mfn_t mfn, const struct domain *d)
{
    struct page_info *pg;

    if ( !mfn_valid(mfn) )
        return NULL;
    pg = mfn_to_page(mfn);
    return get_page(pg, d) ? pg : NULL;
}

void free_unowned_frame(mfn_t mfn)
{
    memset(frame_va(mfn), 0, PAGE_SIZE);
    mm_flush_if_stale();
    free_pages((paddr_t)mfn << PAGE_SHIFT, 0);
}

/* The last reference went: the frame leaves its owner. */
static void free_frame(struct page_info *pg)
{
    struct domain *d = pg->owner;
    mfn_t mfn = page_to_mfn(pg);
    bool xen_heap = pg->count_info & PGC_xen_heap;

    /* A lent frame keeps its type reference: its owner gave it back. */
    if ( (pg->type_info & PGT_count_mask) && !xen_heap )
    {
        mm_nr_errors++;
        printk(LOG_ERR "mm: freeing mfn %#lx with type %#lx\n",
               (unsigned long)mfn, pg->type_info);
    }
    pg->owner = NULL;
    pg->count_info = 0;
    pg->type_info = 0;
    pg->linear_pt_count = 0;
    /* The hypervisor still owns the memory of a frame it lent. */
    if ( xen_heap || d == dom_io )
        return;
    if ( d )
        d->tot_pages--;
    free_unowned_frame(mfn);
}

void put_page(struct page_info *pg)
{
    if ( !(pg->count_info & PGC_count_mask) )
    {
        mm_nr_errors++;
        printk(LOG_ERR "mm: put_page of unreferenced mfn %#lx\n",
               (unsigned long)page_to_mfn(pg));
        return;
    }
    pg->count_info--;
    if ( !(pg->count_info & PGC_count_mask) )
        free_frame(pg);
}

static bool is_table_type(unsigned long type)
{
    return type >= PGT_l1_page_table && type <= PGT_l4_page_table;
}

/* Hook for the descriptor-table code: refuse until it validates them. */
int __attribute__((weak)) validate_segdesc_page(struct page_info *pg)
{
    return -EINVAL;
}

/* Whether a table being (de)validated holds any reference yet. */
static bool table_holds_refs(const struct page_info *pg, unsigned long type)
{
    unsigned int level = type >> PGT_type_shift;
    const pgentry_t *t;

    if ( level < 2 || level > 4 )
        return false;
    if ( pg->partial_pte )
        return true;
    t = frame_va(page_to_mfn(pg));
    for ( unsigned int i = 0; i < pg->nr_validated_ptes; i++ )
        if ( (level != 4 || is_guest_l4_slot(i)) && pte_present(t[i]) &&
             pte_mfn(t[i]) != page_to_mfn(pg) )
            return true;
    return false;
}

/*
 * The first reference of a type: change the type if the count is 0,
 * validate a table (or carry on with a partial one, taking over the type
 * reference its partial state held).  See "Partial validation" above.
 */
static int get_type(struct page_info *pg, unsigned long type,
                    bool preemptible, bool *left_partial)
{
    unsigned long x = pg->type_info, nx = x + 1;
    bool took = false;
    int rc = 0;

    *left_partial = false;
    if ( unlikely(!(nx & PGT_count_mask)) )
        return -EINVAL;

    if ( !(x & PGT_count_mask) )
    {
        if ( (x & PGT_type_mask) != type )
        {
            /* A stale writable or table translation must not survive. */
            if ( (x & PGT_type_mask) != PGT_none )
                mm_flush_if_stale();
            nx = (nx & ~(PGT_type_mask | PGT_validated)) | type;
        }
        if ( !(nx & PGT_validated) )
        {
            pg->nr_validated_ptes = 0;
            pg->partial_pte = false;
            if ( type > PGT_l1_page_table && type <= PGT_l4_page_table )
                pg->linear_pt_count = 0;
        }
    }
    else if ( (x & PGT_type_mask) != type )
        return -EINVAL;
    else if ( x & PGT_partial )
    {
        /* The partial state's type reference becomes ours. */
        took = true;
        nx = x & ~PGT_partial;
    }
    else if ( !(x & PGT_validated) )
    {
        /*
         * Being validated or devalidated right now, which only a
         * reference from inside that very walk could see.
         */
        return -EINVAL;
    }

    pg->type_info = nx;
    if ( nx & PGT_validated )
        return 0;

    if ( is_table_type(type) )
        rc = validate_table(pg, type, preemptible);
    else if ( type == PGT_seg_desc_page )
        rc = validate_segdesc_page(pg);

    if ( !rc )
    {
        pg->type_info |= PGT_validated;
        if ( took )
            put_page(pg);
        return 0;
    }

    if ( rc == -ERESTART ||
         (preemptible && table_holds_refs(pg, type)) )
    {
        /*
         * Stopped, or failed after taking references that would take
         * long to give back: the frame stays partial, holding its own
         * type reference and a general one, for whoever comes next.
         */
        pg->type_info |= PGT_partial;
        if ( !took )
            pg->count_info++;
        *left_partial = true;
        return rc;
    }
    if ( is_table_type(type) && table_holds_refs(pg, type) )
        devalidate_table(pg, type, false);
    /* As Xen: a frame that failed validation is left untyped. */
    pg->type_info = 0;
    if ( took )
        put_page(pg);
    return rc;
}

int get_page_type(struct page_info *pg, unsigned long type)
{
    bool partial;

    return get_type(pg, type, false, &partial);
}

int get_page_type_preemptible(struct page_info *pg, unsigned long type,
                              bool *left_partial)
{
    return get_type(pg, type, true, left_partial);
}

static void dec_linear(struct page_info *pg, struct page_info *ptpg)
{
    /* pg was mapped through a linear entry of ptpg (same type). */
    pg->linear_pt_count++;
    ptpg->linear_pt_count--;
}

int put_page_type_from(struct page_info *pg, struct page_info *ptpg,
                       bool preemptible)
{
    unsigned long x = pg->type_info, nx = x - 1;
    unsigned long type = x & PGT_type_mask;
    bool linear = ptpg && (ptpg->type_info & PGT_type_mask) == type;
    int rc;

    if ( unlikely(!(x & PGT_count_mask) || (x & PGT_partial)) )
    {
        mm_nr_errors++;
        printk(LOG_ERR "mm: put_page_type of %s mfn %#lx\n",
               (x & PGT_partial) ? "partial" : "untyped",
               (unsigned long)page_to_mfn(pg));
        return 0;
    }
    if ( linear )
        dec_linear(pg, ptpg);

    if ( !(nx & PGT_count_mask) )
    {
        mm_note_stale();
        if ( is_table_type(type) && (x & PGT_validated) )
        {
            /*
             * Invalid first, with the last type reference kept while the
             * entries go, so that nobody can take the frame meanwhile.
             */
            pg->type_info = x & ~PGT_validated;
            pg->nr_validated_ptes = PAGETABLE_ENTRIES;
            pg->partial_pte = false;
            rc = devalidate_table(pg, type, preemptible);
            if ( rc )
            {
                /* The partial state keeps the type and a general ref. */
                pg->type_info |= PGT_partial;
                pg->count_info++;
                return rc;
            }
            pg->type_info = nx & ~PGT_validated;
            return 0;
        }
    }
    pg->type_info = nx;
    return 0;
}

void put_page_type(struct page_info *pg)
{
    put_page_type_from(pg, NULL, false);
}

int put_page_type_preemptible(struct page_info *pg)
{
    return put_page_type_from(pg, NULL, true);
}

int put_partial_ref(struct page_info *pg, bool preemptible)
{
    unsigned long x = pg->type_info;

    if ( x & PGT_partial )
    {
        int rc;

        pg->type_info = x & ~PGT_partial;
        rc = devalidate_table(pg, x & PGT_type_mask, preemptible);
        if ( rc )
        {
            pg->type_info |= PGT_partial;
            return rc;
        }
        /* Untyped now: the partial state's references go. */
        pg->type_info = x & PGT_type_mask;
        mm_note_stale();
        put_page(pg);
    }
    put_page(pg);
    return 0;
}

int get_page_and_type(struct page_info *pg, const struct domain *d,
                      unsigned long type)
{
    int rc;

    if ( !get_page(pg, d) )
        return -EINVAL;
    rc = get_page_type(pg, type);
    if ( rc )
        put_page(pg);
    return rc;
}

void put_page_and_type(struct page_info *pg)
{
    put_page_type(pg);
    put_page(pg);
}

int assign_frames(struct domain *d, mfn_t mfn, unsigned long nr)
{
    if ( d->tot_pages + nr > d->max_pages )
        return -ENOMEM;
    for ( unsigned long i = 0; i < nr; i++ )
    {
        struct page_info *pg = mfn_to_page(mfn + i);

        pg->owner = d;
        pg->count_info = PGC_allocated | 1;
        pg->type_info = 0;
        pg->linear_pt_count = 0;
    }
    d->tot_pages += nr;
    return 0;
}

/* Frames staked by claims, all domains together: part of what is free. */
static unsigned long outstanding_claims;

int domain_set_claim(struct domain *d, unsigned long pages)
{
    unsigned long claim, free = free_page_count();

    if ( !pages )
    {
        outstanding_claims -= d->outstanding_pages;
        d->outstanding_pages = 0;
        return 0;
    }
    if ( d->outstanding_pages )
        return -EINVAL;
    if ( pages <= d->tot_pages || pages > d->max_pages )
        return -EINVAL;
    claim = pages - d->tot_pages;
    if ( outstanding_claims > free || claim > free - outstanding_claims )
        return -ENOMEM;
    d->outstanding_pages = claim;
    outstanding_claims += claim;
    return 0;
}

struct page_info *alloc_domheap_pages(struct domain *d, unsigned int order,
                                      unsigned int addr_bits)
{
    unsigned long nr = 1UL << order, got;
    paddr_t pa;

    if ( order > MAX_ORDER || d->tot_pages + nr > d->max_pages )
        return NULL;
    /* Others' claims are not ours to take; our own claim covers us. */
    if ( outstanding_claims + nr > free_page_count() &&
         d->outstanding_pages < nr )
        return NULL;
    pa = alloc_pages(order);
    if ( !pa )
        return NULL;
    if ( (pa >> PAGE_SHIFT) + nr > max_page ||
         (addr_bits && addr_bits < 64 &&
          pa + (nr << PAGE_SHIFT) > (1UL << addr_bits)) )
    {
        /* Lowest first: nothing lower is free either. */
        free_pages(pa, order);
        return NULL;
    }
    for ( unsigned long i = 0; i < nr; i++ )
        memset(frame_va((pa >> PAGE_SHIFT) + i), 0, PAGE_SIZE);
    assign_frames(d, pa >> PAGE_SHIFT, nr);
    got = MIN(nr, d->outstanding_pages);
    d->outstanding_pages -= got;
    outstanding_claims -= got;
    return mfn_to_page(pa >> PAGE_SHIFT);
}

bool put_page_alloc_ref(struct page_info *pg)
{
    if ( !(pg->count_info & PGC_allocated) )
        return false;
    pg->count_info &= ~PGC_allocated;
    put_page(pg);
    return true;
}

int steal_page(struct domain *d, struct page_info *pg)
{
    if ( pg->owner != d || (pg->count_info & PGC_xen_heap) ||
         pg->count_info != (PGC_allocated | 1) ||
         (pg->type_info & PGT_count_mask) )
        return -EINVAL;
    pg->owner = NULL;
    pg->count_info = 0;
    pg->type_info = 0;
    pg->linear_pt_count = 0;
    d->tot_pages--;
    mm_note_stale();
    return 0;
}

void share_xen_page_with_guest(struct page_info *pg, struct domain *d,
                               bool writable)
{
    /* The type reference never goes: the frame can never become a table. */
    pg->type_info = (writable ? PGT_writable_page : PGT_none) |
                    PGT_validated | 1;
    pg->owner = d;
    pg->count_info = PGC_xen_heap | PGC_allocated | 1;
}
