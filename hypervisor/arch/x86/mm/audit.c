/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Auditing the frame table against a domain's page tables: recount the
 * references its validated tables, pins and base pointers hold, and check
 * the safety rules entry by entry.  Slow (it walks every frame); meant for
 * tests and debugging.
 */
#include <hv/types.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <asm/mm.h>
#include "mm.h"

unsigned long mm_nr_errors;

static bool is_table(const struct page_info *pg)
{
    unsigned long t = pg->type_info & PGT_type_mask;

    return t >= PGT_l1_page_table && t <= PGT_l4_page_table &&
           (pg->type_info & PGT_count_mask) &&
           (pg->type_info & PGT_validated);
}

/* A table left part way through its validation or devalidation. */
static bool is_partial(const struct page_info *pg)
{
    return pg->type_info & PGT_partial;
}

static unsigned int level_of(const struct page_info *pg)
{
    return (pg->type_info & PGT_type_mask) >> PGT_type_shift;
}

static unsigned long report(unsigned long problems, const char *fmt,
                            unsigned long a, unsigned long b,
                            unsigned long c)
{
    if ( problems < 16 )
    {
        printk(LOG_ERR "mm audit: ");
        printk(fmt, a, b, c);
        printk("\n");
    }
    return problems + 1;
}

/*
 * Every entry of every validated table of d: does it keep the rules, and
 * which frame does it hold a reference on (and of which kind)?  'typed'
 * selects what the callback counts: type references or general ones.
 */
static unsigned long count_refs(struct domain *d, bool typed,
                                unsigned long problems)
{
    for ( mfn_t t = 0; t < max_page; t++ )
    {
        struct page_info *tp = mfn_to_page(t);
        const pgentry_t *e;
        unsigned int lvl;

        unsigned int end = PAGETABLE_ENTRIES;

        if ( tp->owner != d || !(is_table(tp) || is_partial(tp)) )
            continue;
        lvl = level_of(tp);
        e = frame_va(t);
        if ( is_partial(tp) )
        {
            if ( lvl < 2 || lvl > 4 || (tp->type_info & PGT_validated) ||
                 (tp->type_info & PGT_count_mask) != 1 ||
                 tp->nr_validated_ptes > PAGETABLE_ENTRIES )
                problems = report(problems, "partial %#lx: type %#lx, "
                                  "%lu entries", t, tp->type_info,
                                  tp->nr_validated_ptes);
            end = tp->nr_validated_ptes;
            /* The partial entry holds a general reference only. */
            if ( tp->partial_pte && end < PAGETABLE_ENTRIES && !typed &&
                 mfn_valid(pte_mfn(e[end])) )
                mfn_to_page(pte_mfn(e[end]))->_pad++;
            /* The partial state holds a type and a general reference. */
            tp->_pad++;
        }
        for ( unsigned int i = 0; i < end; i++ )
        {
            mfn_t f = pte_mfn(e[i]);
            struct page_info *fp;

            if ( !pte_present(e[i]) || (lvl == 4 && !is_guest_l4_slot(i)) )
                continue;
            if ( lvl == 1 )
            {
                if ( is_iomem_page(f) )
                    continue;
                fp = mfn_to_page(f);
                if ( (e[i] & _PAGE_RW) &&
                     (fp->type_info & PGT_type_mask) != PGT_writable_page )
                    problems = report(problems, "L1 %#lx[%lu] maps %#lx "
                                      "writable but it is no writable page",
                                      t, i, f);
                if ( !typed || (e[i] & _PAGE_RW) )
                    fp->_pad++;
                continue;
            }
            if ( f == t )
                continue;
            if ( !mfn_valid(f) )
            {
                problems = report(problems, "L%lu %#lx[%lu] points outside "
                                  "the frame table", lvl, t, i);
                continue;
            }
            fp = mfn_to_page(f);
            if ( !is_table(fp) || (level_of(fp) != lvl - 1 &&
                                   !(level_of(fp) == lvl &&
                                     !(e[i] & _PAGE_RW))) )
                problems = report(problems, "L%lu %#lx[%lu] points at no "
                                  "valid table", lvl, t, i);
            fp->_pad++;
        }
    }
    return problems;
}

unsigned long mm_audit_domain(struct domain *d, bool exact)
{
    unsigned long problems = 0;

    if ( mm_nr_errors )
        problems = report(problems, "%lu inconsistencies seen before",
                          mm_nr_errors, 0, 0);
    /* Two passes: type references, then general references. */
    for ( unsigned int pass = 0; pass < 2; pass++ )
    {
        bool typed = pass == 0;

        for ( mfn_t f = 0; f < max_page; f++ )
            mfn_to_page(f)->_pad = 0;
        problems = count_refs(d, typed, problems);
        for ( unsigned int i = 0; i < d->max_vcpus; i++ )
        {
            struct vcpu *v = d->vcpu[i];

            if ( !v )
                continue;
            if ( v->arch.guest_table )
                mfn_to_page(v->arch.guest_table >> PAGE_SHIFT)->_pad++;
            if ( v->arch.guest_table_user )
                mfn_to_page(v->arch.guest_table_user >> PAGE_SHIFT)->_pad++;
        }
        for ( mfn_t f = 0; f < max_page; f++ )
        {
            struct page_info *pg = mfn_to_page(f);
            unsigned long want = pg->_pad, have;

            if ( pg->owner != d )
            {
                if ( want && typed )
                    problems = report(problems, "frame %#lx of another "
                                      "owner is referenced %lu times",
                                      f, want, 0);
                continue;
            }
            want += !!(pg->type_info & PGT_pinned);
            if ( typed )
            {
                have = pg->type_info & PGT_count_mask;
                /* Lent frames hold a type reference for good. */
                if ( pg->count_info & PGC_xen_heap )
                    want++;
            }
            else
            {
                have = pg->count_info & PGC_count_mask;
                want += !!(pg->count_info & PGC_allocated);
            }
            if ( have < want || (exact && have != want) )
                problems = report(problems, "frame %#lx: %lu references, "
                                  "%lu found", f, have, want);
        }
    }
    for ( mfn_t f = 0; f < max_page; f++ )
        mfn_to_page(f)->_pad = 0;
    return problems;
}
