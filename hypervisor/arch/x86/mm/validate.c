/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Validation of guest page tables: what each entry of an L1..L4 may point
 * at, the references an entry holds while present, and entry updates that
 * keep those references exact.  See frame-table.c for the model.
 *
 * An entry of a validated table holds:
 *  - L1: a general reference to the frame it maps, plus a writable type
 *    reference if it maps it writable (nothing for I/O frames);
 *  - L2/L3/L4: a general and a type reference (L1/L2/L3) to the table
 *    below, except linear entries (below) and entries mapping their own
 *    table, which hold nothing.
 * Linear page tables: a read-only entry of a level-n table may point at a
 * validated level-n table (giving the guest a read-only view of its
 * tables).  A table that holds such entries may not itself be mapped that
 * way (linear_pt_count), so devalidating one can never recurse into the
 * table whose entry is being dropped.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/continuation.h>
#include <asm/mm.h>
#include <asm/pagetable.h>
#include <public/xen.h>
#include "mm.h"

/* Guests must not be able to flood the console: a few reports, then none. */
static bool report_refusal(void)
{
    static unsigned int reported;

    return reported < 16 && ++reported;
}

static pgentry_t l1_disallow_mask(const struct domain *d)
{
    /* Domains with I/O memory choose the caching of their mappings. */
    return d->is_privileged ? L1_DISALLOW_MASK & ~PAGE_CACHE_ATTRS
                            : L1_DISALLOW_MASK;
}

/* A lent hypervisor page must stay write-back (its other mappings are). */
static bool is_special_page(const struct page_info *pg)
{
    return pg->count_info & PGC_xen_heap;
}

static pgentry_t adjust_guest_l1e(pgentry_t e)
{
    if ( !pte_present(e) )
        return e;
    if ( !(e & _PAGE_USER) )
        e |= _PAGE_GUEST_KERNEL | _PAGE_USER;
    /* User mappings survive kernel/user switches in the TLB. */
    if ( !(e & _PAGE_GUEST_KERNEL) )
        e |= _PAGE_GLOBAL | _PAGE_USER;
    return e;
}

static pgentry_t adjust_guest_l2e(pgentry_t e)
{
    return pte_present(e) ? e | _PAGE_USER : e;
}

#define adjust_guest_l3e adjust_guest_l2e

static pgentry_t adjust_guest_l4e(pgentry_t e)
{
    return pte_present(e) ? e | _PAGE_USER | _PAGE_ACCESSED : e;
}

/* Caching for a mapping of MMIO: uncached unless asked for something else
 * than write-back or write-through/protect. */
static pgentry_t mmio_cache_flip(pgentry_t e)
{
    switch ( e & PAGE_CACHE_ATTRS )
    {
    case 0:
        return _PAGE_PWT | _PAGE_PCD;
    case _PAGE_PWT:
    case _PAGE_PWT | _PAGE_PAT:
        return _PAGE_PCD | (e & _PAGE_PAT);
    default:
        return 0;
    }
}

int get_page_from_l1e(pgentry_t l1e, struct domain *l1e_owner,
                      struct domain *pg_owner, pgentry_t *flip)
{
    mfn_t mfn = pte_mfn(l1e);
    struct page_info *pg = NULL;
    struct domain *real_owner = NULL;
    bool valid = mfn_valid(mfn);

    *flip = 0;
    if ( l1e & l1_disallow_mask(l1e_owner) )
        return -EINVAL;

    if ( valid )
    {
        pg = mfn_to_page(mfn);
        real_owner = page_get_owner_and_reference(pg);
    }
    if ( !valid || real_owner == dom_io )
    {
        bool ro = false, ro2 = false;
        int rc;

        if ( valid )
            put_page(pg);
        /* DOMID_IO defers to the caller for the permission check. */
        if ( pg_owner == dom_io )
            pg_owner = current_vcpu()->domain;
        rc = iomem_check(pg_owner, mfn, &ro);
        if ( !rc && pg_owner != l1e_owner )
            rc = iomem_check(l1e_owner, mfn, &ro2);
        if ( rc )
            return rc;
        if ( (ro || ro2) && (l1e & _PAGE_RW) )
            *flip |= _PAGE_RW;
        *flip |= mmio_cache_flip(l1e);
        return 0;
    }

    if ( real_owner != pg_owner )
    {
        /* Only a privileged domain may pass on the right to map others'. */
        if ( !real_owner || pg_owner == l1e_owner ||
             !pg_owner->is_privileged )
            goto could_not_pin;
        pg_owner = real_owner;
    }

    if ( (l1e & _PAGE_RW) && get_page_type(pg, PGT_writable_page) )
        goto could_not_pin;

    if ( (l1e & PAGE_CACHE_ATTRS) && is_special_page(pg) )
    {
        if ( l1e & _PAGE_RW )
            put_page_type(pg);
        put_page(pg);
        return -EACCES;
    }
    return 0;

 could_not_pin:
    if ( real_owner )
        put_page(pg);
    return -EBUSY;
}

void put_page_from_l1e(pgentry_t l1e, struct domain *l1e_owner)
{
    mfn_t mfn = pte_mfn(l1e);
    struct page_info *pg;

    if ( !pte_present(l1e) || is_iomem_page(mfn) )
        return;
    pg = mfn_to_page(mfn);
    mm_note_stale();
    if ( l1e & _PAGE_RW )
        put_page_and_type(pg);
    else
        put_page(pg);
}

static bool inc_linear_entries(struct page_info *ptpg)
{
    if ( ptpg->linear_pt_count < 0 || ptpg->linear_pt_count == INT32_MAX )
        return false;
    ptpg->linear_pt_count++;
    return true;
}

static bool inc_linear_uses(struct page_info *pg)
{
    if ( pg->linear_pt_count > 0 || pg->linear_pt_count == INT32_MIN )
        return false;
    pg->linear_pt_count--;
    return true;
}

/*
 * A read-only entry of table pde_mfn mapping a validated table of the
 * same level 'type'.  Mapping the table itself takes no reference.
 */
static bool get_linear_pagetable(pgentry_t pde, mfn_t pde_mfn,
                                 struct domain *d, unsigned long type)
{
    mfn_t mfn = pte_mfn(pde);
    struct page_info *pg, *ptpg = mfn_to_page(pde_mfn);
    unsigned long x;

    if ( pde & _PAGE_RW )
        return false;
    if ( mfn == pde_mfn )
        return true;
    if ( ptpg->owner != d )
        return false;
    pg = get_page_from_mfn(mfn, d);
    if ( !pg )
        return false;
    if ( !inc_linear_entries(ptpg) )
        goto put;
    if ( !inc_linear_uses(pg) )
        goto dec_entries;
    x = pg->type_info;
    if ( (x & PGT_count_mask) == PGT_count_mask ||
         (x & (PGT_type_mask | PGT_validated)) != (type | PGT_validated) )
        goto dec_uses;
    pg->type_info = x + 1;
    return true;

 dec_uses:
    pg->linear_pt_count++;
 dec_entries:
    ptpg->linear_pt_count--;
 put:
    put_page(pg);
    return false;
}

/*
 * An entry of a level-'level' table (2..4): the table below, or linear.
 * With 'partial' the general reference to the table below is already
 * held (the entry was left partial).  On -ERESTART, or a failure that
 * left the table below partial, *held says the general reference stays
 * with the entry.
 */
static int get_page_from_lNe(pgentry_t e, mfn_t table_mfn, struct domain *d,
                             unsigned int level, bool partial,
                             bool preemptible, bool *held)
{
    static const unsigned long below[] = {
        [2] = PGT_l1_page_table, [3] = PGT_l2_page_table,
        [4] = PGT_l3_page_table,
    };
    static const unsigned long self[] = {
        [2] = PGT_l2_page_table, [3] = PGT_l3_page_table,
        [4] = PGT_l4_page_table,
    };
    /* Includes _PAGE_PSE: PV guests get no superpages. */
    static const pgentry_t disallow[] = {
        [2] = L2_DISALLOW_MASK, [3] = L3_DISALLOW_MASK,
        [4] = L4_DISALLOW_MASK,
    };
    struct page_info *pg;
    bool left = false;
    int rc = -EINVAL;

    *held = false;
    pg = partial ? mfn_to_page(pte_mfn(e)) : get_page_from_mfn(pte_mfn(e), d);
    if ( partial && (e & disallow[level]) )
    {
        /* Cannot happen: the table's entries are frozen meanwhile. */
        put_page(pg);
        return -EINVAL;
    }
    if ( e & disallow[level] )
        goto out;
    if ( pg )
    {
        rc = preemptible ? get_page_type_preemptible(pg, below[level], &left)
                         : get_page_type(pg, below[level]);
        if ( !rc )
            return 0;
        if ( rc == -ERESTART || left )
        {
            *held = true;
            return rc;
        }
        put_page(pg);
        pg = NULL;
    }
    if ( rc == -EINVAL &&
         get_linear_pagetable(e, table_mfn, d, self[level]) )
        rc = 0;
 out:
    if ( pg )
        put_page(pg);
    return rc;
}

/*
 * Give back what an entry of a level-2..4 table holds; 'partial': only
 * the general reference of an entry left partial (finishing the table
 * below if it is still partial).  -ERESTART when the table below stopped
 * part way: the general reference then stays with the entry.
 */
static int put_page_from_lNe(pgentry_t e, mfn_t table_mfn, bool partial,
                             bool preemptible)
{
    struct page_info *pg;
    int rc;

    if ( !pte_present(e) || pte_mfn(e) == table_mfn )
        return 0;
    pg = mfn_to_page(pte_mfn(e));
    if ( partial )
        return put_partial_ref(pg, preemptible);
    rc = put_page_type_from(pg, mfn_to_page(table_mfn), preemptible);
    if ( rc )
        return rc;
    put_page(pg);
    return 0;
}

static int promote_l1_table(struct page_info *pg)
{
    struct domain *d = pg->owner;
    pgentry_t *t = frame_va(page_to_mfn(pg)), flip;
    unsigned int i;
    int rc = 0;

    for ( i = 0; i < PAGETABLE_ENTRIES; i++ )
    {
        if ( !pte_present(t[i]) )
            continue;
        rc = get_page_from_l1e(t[i], d, d, &flip);
        if ( rc )
            break;
        t[i] = adjust_guest_l1e(t[i] ^ flip);
    }
    if ( !rc )
        return 0;
    if ( report_refusal() )
        printk(LOG_DEBUG "mm: d%u: L1 mfn %#lx: entry %u refused (%d)\n",
               d->domain_id, (unsigned long)page_to_mfn(pg), i, rc);
    while ( i-- > 0 )
        put_page_from_l1e(t[i], d);
    return rc;
}

static bool is_guest_slot(unsigned int level, unsigned int i)
{
    return level != 4 || is_guest_l4_slot(i);
}

/*
 * Validate entries from nr_validated_ptes on.  Preemptible: stop before
 * an entry once one has been done in this call, recording where.
 */
static int promote_table(struct page_info *pg, unsigned int level,
                         bool preemptible)
{
    struct domain *d = pg->owner;
    mfn_t mfn = page_to_mfn(pg);
    pgentry_t *t = frame_va(mfn);
    unsigned int i = pg->nr_validated_ptes;
    bool partial = pg->partial_pte, held = false, worked = false;
    int rc = 0;

    for ( ; i < PAGETABLE_ENTRIES; i++, partial = false )
    {
        if ( !is_guest_slot(level, i) || !pte_present(t[i]) )
            continue;
        if ( preemptible && worked && hypercall_preempt_check() )
        {
            rc = -ERESTART;
            break;
        }
        rc = get_page_from_lNe(t[i], mfn, d, level, partial, preemptible,
                               &held);
        if ( rc )
            break;
        worked = true;
        t[i] = level == 4 ? adjust_guest_l4e(t[i]) : adjust_guest_l2e(t[i]);
    }
    pg->nr_validated_ptes = i;
    pg->partial_pte = held;
    if ( !rc )
    {
        if ( level == 4 )
            fill_hv_l4_slots(t, vm_assist(d, VMASST_TYPE_m2p_strict));
        return 0;
    }
    if ( rc != -ERESTART && report_refusal() )
        printk(LOG_DEBUG "mm: d%u: L%u mfn %#lx: entry %u refused (%d)\n",
               d->domain_id, level, (unsigned long)mfn, i, rc);
    return rc;
}

int validate_table(struct page_info *pg, unsigned long type,
                   bool preemptible)
{
    if ( type == PGT_l1_page_table )
        return promote_l1_table(pg);
    return promote_table(pg, type >> PGT_type_shift, preemptible);
}

/*
 * Give back what entries below nr_validated_ptes (and a partial one at
 * it) hold, from the top down.  Preemptible: stop after an entry,
 * recording where.  An L1 goes in one step.
 */
int devalidate_table(struct page_info *pg, unsigned long type,
                     bool preemptible)
{
    mfn_t mfn = page_to_mfn(pg);
    pgentry_t *t = frame_va(mfn);
    unsigned int level = type >> PGT_type_shift;
    bool partial = pg->partial_pte;
    unsigned int i = pg->nr_validated_ptes;
    int rc;

    if ( level == 1 )
    {
        for ( i = 0; i < PAGETABLE_ENTRIES; i++ )
            put_page_from_l1e(t[i], pg->owner);
        return 0;
    }
    if ( !partial )
    {
        if ( !i )
            return 0;
        i--;
    }
    for ( ; ; )
    {
        bool worked = false;

        if ( is_guest_slot(level, i) && pte_present(t[i]) )
        {
            rc = put_page_from_lNe(t[i], mfn, partial, preemptible);
            if ( rc )
            {
                /* The table below stopped: entry i is partial now. */
                pg->nr_validated_ptes = i;
                pg->partial_pte = true;
                return rc;
            }
            worked = true;
        }
        partial = false;
        if ( !i )
            break;
        if ( preemptible && worked && hypercall_preempt_check() )
        {
            pg->nr_validated_ptes = i;
            pg->partial_pte = false;
            return -ERESTART;
        }
        i--;
    }
    pg->nr_validated_ptes = 0;
    pg->partial_pte = false;
    return 0;
}

/*
 * The hypervisor's slots, whatever the guest left there.  As on Xen, the
 * read-only M2P slot is filled here only for m2p_strict guests (whose user
 * tables lose it again); others get it when a table becomes a kernel base.
 */
void fill_hv_l4_slots(pgentry_t *l4, bool ro_mpt)
{
    l4[GUEST_L4_HV_FIRST] = ro_mpt ? idle_pg_table[GUEST_L4_HV_FIRST] : 0;
    for ( unsigned int i = GUEST_L4_HV_FIRST + 1; i <= GUEST_L4_HV_LAST; i++ )
        l4[i] = idle_pg_table[i];
}

/*
 * Store an entry.  One CPU, and the hardware only sets A/D: a plain store,
 * keeping the bits the CPU may have set meanwhile if asked to.
 */
static void write_entry(pgentry_t *p, pgentry_t o, pgentry_t n,
                        bool preserve_ad)
{
    if ( preserve_ad )
        n |= *p & o & (_PAGE_ACCESSED | _PAGE_DIRTY);
    *p = n;
}

int mod_l1_entry(pgentry_t *p, pgentry_t nl1e, mfn_t mfn, bool preserve_ad,
                 struct domain *pt_dom, struct domain *pg_dom)
{
    pgentry_t ol1e = *p, flip;
    int rc;

    if ( pte_present(nl1e) )
    {
        if ( nl1e & l1_disallow_mask(pt_dom) )
            return -EINVAL;
        nl1e = adjust_guest_l1e(nl1e);
        /* Same frame, same rights: no reference changes hands. */
        if ( !pte_changed(ol1e, nl1e, FASTPATH_FLAGS) )
        {
            write_entry(p, ol1e, nl1e, preserve_ad);
            return 0;
        }
        rc = get_page_from_l1e(nl1e, pt_dom, pg_dom, &flip);
        if ( rc )
            return rc;
        nl1e ^= flip;
    }
    write_entry(p, ol1e, nl1e, preserve_ad);
    put_page_from_l1e(ol1e, pt_dom);
    return 0;
}

static int mod_lN_entry(pgentry_t *p, pgentry_t ne, mfn_t mfn,
                        bool preserve_ad, struct domain *d,
                        unsigned int level)
{
    pgentry_t oe = *p;
    bool held;
    int rc;

    if ( pte_present(ne) )
    {
        static const pgentry_t disallow[] = {
            [2] = L2_DISALLOW_MASK, [3] = L3_DISALLOW_MASK,
            [4] = L4_DISALLOW_MASK,
        };

        if ( ne & disallow[level] )
            return -EINVAL;
        ne = level == 4 ? adjust_guest_l4e(ne) : adjust_guest_l2e(ne);
        if ( !pte_changed(oe, ne, FASTPATH_FLAGS) )
        {
            write_entry(p, oe, ne, preserve_ad);
            return 0;
        }
        rc = get_page_from_lNe(ne, mfn, d, level, false, true, &held);
        if ( rc )
        {
            /*
             * Stopped: the table below stays partial on its own and the
             * request is issued again.  Failed: what it took goes back,
             * perhaps over the next calls.
             */
            if ( held && rc == -ERESTART )
                put_page(mfn_to_page(pte_mfn(ne)));
            else if ( held )
                mm_release_partial(mfn_to_page(pte_mfn(ne)));
            return rc;
        }
    }
    write_entry(p, oe, ne, preserve_ad);
    if ( put_page_from_lNe(oe, mfn, false, true) )
        mm_release_partial(mfn_to_page(pte_mfn(oe)));
    return 0;
}

int mod_l2_entry(pgentry_t *p, pgentry_t nl2e, mfn_t mfn, bool preserve_ad,
                 struct domain *d)
{
    return mod_lN_entry(p, nl2e, mfn, preserve_ad, d, 2);
}

int mod_l3_entry(pgentry_t *p, pgentry_t nl3e, mfn_t mfn, bool preserve_ad,
                 struct domain *d)
{
    return mod_lN_entry(p, nl3e, mfn, preserve_ad, d, 3);
}

int mod_l4_entry(pgentry_t *p, pgentry_t nl4e, mfn_t mfn, bool preserve_ad,
                 struct domain *d)
{
    if ( !is_guest_l4_slot(((unsigned long)p & ~PAGE_MASK) /
                           sizeof(pgentry_t)) )
        return -EINVAL;
    return mod_lN_entry(p, nl4e, mfn, preserve_ad, d, 4);
}
