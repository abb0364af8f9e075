/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant mappings: GNTTABOP_map_grant_ref, unmap_grant_ref and
 * unmap_and_replace, the mapping domain's maptrack, and what a dying
 * mapper gives back.  The reference rules are in grant_table.c.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/continuation.h>
#include "grant-private.h"

/* Unmaps done between two TLB flushes, as Xen batches them. */
#define UNMAP_BATCH     32

/* --- maptrack ----------------------------------------------------------- */

/*
 * Free handles form a FIFO through their ref fields: freed handles go to
 * the tail, new ones come from the head.  As Xen does, the last free
 * handle is never given out (it anchors the tail); a new maptrack page
 * is added instead, while the limit allows, and its handles go first.
 * That keeps the handles a guest sees the ones Xen would give it.
 */
static grant_handle_t get_maptrack_handle(struct grant_table *lgt)
{
    grant_handle_t handle = INVALID_HANDLE;
    unsigned int nr = lgt->maptrack_limit / MAPTRACK_PER_PAGE;
    struct grant_mapping *page;
    mfn_t mfn;

    spin_lock(&lgt->maptrack_lock);
    if ( lgt->maptrack_head != MAPTRACK_TAIL )
    {
        uint32_t next = maptrack_entry(lgt, lgt->maptrack_head)->ref;

        if ( next != MAPTRACK_TAIL )
        {
            handle = lgt->maptrack_head;
            lgt->maptrack_head = next;
            goto out;
        }
    }

    if ( nr >= lgt->max_maptrack_frames )
        goto out;
    page = gnttab_alloc_frames(0, &mfn);
    if ( !page )
        goto out;
    handle = lgt->maptrack_limit;
    for ( unsigned int i = 0; i < MAPTRACK_PER_PAGE; i++ )
        page[i].ref = handle + i + 1;
    /* The new handles go before the one left, which stays the tail. */
    page[MAPTRACK_PER_PAGE - 1].ref = lgt->maptrack_head;
    if ( lgt->maptrack_tail == MAPTRACK_TAIL )
        lgt->maptrack_tail = handle + MAPTRACK_PER_PAGE - 1;
    ((mfn_t *)frame_va(lgt->maptrack_dir))[nr] = mfn;
    lgt->maptrack_limit += MAPTRACK_PER_PAGE;
    lgt->maptrack_head = handle + 1;

 out:
    spin_unlock(&lgt->maptrack_lock);
    return handle;
}

static void put_maptrack_handle(struct grant_table *lgt,
                                grant_handle_t handle)
{
    spin_lock(&lgt->maptrack_lock);
    maptrack_entry(lgt, handle)->ref = MAPTRACK_TAIL;
    maptrack_entry(lgt, lgt->maptrack_tail)->ref = handle;
    lgt->maptrack_tail = handle;
    spin_unlock(&lgt->maptrack_lock);
}

void gnttab_free_maptrack(struct grant_table *gt)
{
    unsigned int nr = gt->maptrack_limit / MAPTRACK_PER_PAGE;

    for ( unsigned int i = 0; i < nr; i++ )
        gnttab_free_frames(((mfn_t *)frame_va(gt->maptrack_dir))[i], 0);
    gt->maptrack_limit = 0;
    gt->maptrack_head = MAPTRACK_TAIL;
    gt->maptrack_tail = MAPTRACK_TAIL;
}

/* --- map ---------------------------------------------------------------- */

static unsigned int pin_increment(unsigned int flags)
{
    bool ro = flags & GNTMAP_readonly;
    unsigned int inc = 0;

    if ( flags & GNTMAP_device_map )
        inc += ro ? GNTPIN_devr_inc : GNTPIN_devw_inc;
    if ( flags & GNTMAP_host_map )
        inc += ro ? GNTPIN_hstr_inc : GNTPIN_hstw_inc;
    return inc;
}

/*
 * Pin the entry for ld (checking it on first use), and find its frame.
 * On success *pg is set if the first pin took a general reference.
 */
static int pin_for_map(struct grant_table *rgt, grant_ref_t ref,
                       struct domain *ld, unsigned int flags,
                       unsigned int pin_inc, mfn_t *mfn,
                       struct page_info **pg)
{
    bool ro = flags & GNTMAP_readonly;
    struct active_grant_entry *act;
    int rc;

    *pg = NULL;
    if ( ref >= nr_grant_entries(rgt) )
        return GNTST_bad_gntref;
    act = active_entry(rgt, ref);

    /* Another grantee, or a counter about to overflow. */
    if ( act->pin && (act->domid != ld->domain_id ||
                      (act->pin & GNTPIN_oflow_mask(pin_inc))) )
        return GNTST_general_error;

    if ( !act->pin || (!ro && !(act->pin & GNTPIN_write_mask)) )
    {
        rc = gnttab_set_status(rgt, ref, act, ro, true, ld->domain_id);
        if ( rc )
            return rc;
        if ( !act->pin )
        {
            rc = gnttab_get_frame(rgt->domain, shared_entry(rgt, ref)->frame,
                                  pg);
            if ( rc )
            {
                gnttab_reduce_status(rgt, ref, act, ro);
                return rc;
            }
            act->domid = ld->domain_id;
            act->mfn = page_to_mfn(*pg);
        }
    }
    act->pin += pin_inc;
    *mfn = act->mfn;
    return GNTST_okay;
}

static void map_grant_ref(struct gnttab_map_grant_ref *op)
{
    struct domain *ld = current_domain(), *rd, *owner = NULL;
    struct grant_table *lgt = ld->grant_table, *rgt;
    unsigned int pin_inc = pin_increment(op->flags);
    unsigned int refcnt = 0, typecnt = 0;
    bool ro = op->flags & GNTMAP_readonly;
    struct active_grant_entry *act;
    struct grant_mapping *mt;
    struct page_info *pg;
    grant_handle_t handle;
    mfn_t mfn = 0;
    int rc;

    if ( !pin_inc )
    {
        op->status = GNTST_bad_gntref;
        return;
    }
    /* By id only: DOMID_SELF names no granter here. */
    rd = gnttab_lookup_domain(op->dom, false);
    if ( !rd )
    {
        op->status = GNTST_bad_domain;
        return;
    }
    handle = get_maptrack_handle(lgt);
    if ( handle == INVALID_HANDLE )
    {
        op->status = GNTST_no_space;
        return;
    }

    rgt = rd->grant_table;
    spin_lock(&rgt->lock);
    rc = pin_for_map(rgt, op->ref, ld, op->flags, pin_inc, &mfn, &pg);
    spin_unlock(&rgt->lock);
    if ( rc )
        goto out_handle;

    /* The first pin's reference, or one of our own on a pinned frame. */
    if ( pg )
        owner = page_get_owner(pg);
    else if ( mfn_valid(mfn) )
    {
        pg = mfn_to_page(mfn);
        owner = page_get_owner_and_reference(pg);
    }
    if ( owner )
        refcnt++;
    if ( !pg || owner != rd )
        goto could_not_pin;

    if ( (op->flags & GNTMAP_device_map) && !ro )
    {
        if ( get_page_type(pg, PGT_writable_page) )
            goto could_not_pin;
        typecnt++;
    }
    if ( op->flags & GNTMAP_host_map )
    {
        /* The device mapping has the first reference: another one. */
        if ( op->flags & GNTMAP_device_map )
        {
            if ( !get_page(pg, rd) )
                goto could_not_pin;
            refcnt++;
        }
        if ( !ro )
        {
            if ( get_page_type(pg, PGT_writable_page) )
                goto could_not_pin;
            typecnt++;
        }
        /* The last step that may fail: nothing to take back after it. */
        rc = arch_gnttab_create_mapping(op->host_addr, mfn, op->flags);
        if ( rc )
            goto undo;
    }

    mt = maptrack_entry(lgt, handle);
    mt->domid = op->dom;
    mt->ref = op->ref;
    /* Whoever sees flags set must see the rest: they are written last. */
    __atomic_store_n(&mt->flags, (uint16_t)op->flags, __ATOMIC_RELEASE);

    op->dev_bus_addr = (uint64_t)mfn << PAGE_SHIFT;
    op->handle = handle;
    op->status = GNTST_okay;
    return;

 could_not_pin:
    rc = GNTST_general_error;
 undo:
    while ( typecnt-- )
        put_page_type(pg);
    while ( refcnt-- )
        put_page(pg);
    spin_lock(&rgt->lock);
    act = active_entry(rgt, op->ref);
    act->pin -= pin_inc;
    gnttab_reduce_status(rgt, op->ref, act, ro);
    spin_unlock(&rgt->lock);
 out_handle:
    op->status = rc;
    put_maptrack_handle(lgt, handle);
}

long gnttab_map_grant_ref(guest_va_t uop, unsigned int count)
{
    struct gnttab_map_grant_ref op;

    for ( unsigned int i = 0; i < count; i++, uop += sizeof(op) )
    {
        if ( i && hypercall_preempt_check() )
            return i;
        if ( copy_from_guest(&op, uop, sizeof(op)) )
            return -EFAULT;
        map_grant_ref(&op);
        if ( copy_to_guest(uop, &op, sizeof(op)) )
            return -EFAULT;
    }
    return 0;
}

/* --- unmap -------------------------------------------------------------- */

/* One unmap, between its first half and the completion after the flush. */
struct unmap_common
{
    uint64_t host_addr;
    uint64_t dev_bus_addr;
    uint64_t new_addr;
    grant_handle_t handle;
    int16_t status;
    uint16_t done;              /* GNTMAP_* undone, GNTMAP_readonly */
    grant_ref_t ref;
    mfn_t mfn;
    struct domain *rd;
};

/*
 * Undo the mappings the handle holds that op names, in the page tables;
 * the references and pins go in unmap_complete() once no TLB holds them.
 */
static void unmap_common(struct unmap_common *op)
{
    struct domain *ld = current_domain(), *rd;
    struct grant_table *lgt = ld->grant_table, *rgt;
    struct active_grant_entry *act;
    struct grant_mapping *map;
    bool put_handle = false;
    unsigned int flags;
    int rc = GNTST_okay;
    domid_t dom;

    if ( op->handle >= lgt->maptrack_limit )
    {
        op->status = GNTST_bad_handle;
        return;
    }
    map = maptrack_entry(lgt, op->handle);
    if ( !__atomic_load_n(&map->flags, __ATOMIC_ACQUIRE) )
    {
        op->status = GNTST_bad_handle;
        return;
    }
    dom = map->domid;
    rd = gnttab_lookup_domain(dom, false);
    if ( !rd )
    {
        /*
         * The granter is gone, which it cannot be while this mapping holds
         * its frame: the guest dropped the mapping behind our back.
         */
        domain_crash(ld, "grant unmap of a vanished domain's frame");
    }

    rgt = rd->grant_table;
    spin_lock(&rgt->lock);
    op->rd = rd;
    op->ref = map->ref;
    if ( op->ref >= nr_grant_entries(rgt) )
    {
        rc = GNTST_bad_handle;
        goto out;
    }
    act = active_entry(rgt, op->ref);
    /* A racing unmap of the same handle may have got here first. */
    flags = map->flags;
    if ( !flags || map->domid != dom )
    {
        rc = GNTST_bad_handle;
        goto out;
    }
    op->mfn = act->mfn;

    if ( op->dev_bus_addr && (flags & GNTMAP_device_map) &&
         op->dev_bus_addr != (uint64_t)act->mfn << PAGE_SHIFT )
    {
        rc = GNTST_bad_dev_addr;
        goto out;
    }
    if ( op->host_addr && (flags & GNTMAP_host_map) )
    {
        rc = arch_gnttab_replace_mapping(op->host_addr, op->mfn,
                                         op->new_addr, flags);
        if ( rc )
            goto out;
        map->flags &= ~GNTMAP_host_map;
        op->done |= GNTMAP_host_map | (flags & GNTMAP_readonly);
    }
    if ( op->dev_bus_addr && (flags & GNTMAP_device_map) )
    {
        map->flags &= ~GNTMAP_device_map;
        op->done |= GNTMAP_device_map | (flags & GNTMAP_readonly);
    }
    if ( !(map->flags & (GNTMAP_device_map | GNTMAP_host_map)) )
    {
        map->flags = 0;
        put_handle = true;
    }

 out:
    spin_unlock(&rgt->lock);
    if ( put_handle )
        put_maptrack_handle(lgt, op->handle);
    op->status = rc;
}

static void unmap_complete(struct unmap_common *op)
{
    bool ro = op->done & GNTMAP_readonly;
    struct grant_table *rgt;
    struct active_grant_entry *act;
    struct page_info *pg;

    if ( !op->done )
        return;
    rgt = op->rd->grant_table;
    pg = mfn_to_page(op->mfn);

    spin_lock(&rgt->lock);
    act = active_entry(rgt, op->ref);
    if ( op->done & GNTMAP_device_map )
    {
        if ( ro )
            put_page(pg);
        else
            put_page_and_type(pg);
        act->pin -= ro ? GNTPIN_devr_inc : GNTPIN_devw_inc;
    }
    if ( op->done & GNTMAP_host_map )
    {
        if ( !ro )
            put_page_type(pg);
        put_page(pg);
        act->pin -= ro ? GNTPIN_hstr_inc : GNTPIN_hstw_inc;
    }
    gnttab_reduce_status(rgt, op->ref, act, ro);
    spin_unlock(&rgt->lock);
}

/* Both unmap commands: the two layouts share what unmap_common reads. */
static long unmap_batches(guest_va_t uop, unsigned int count, bool replace)
{
    struct unmap_common common[UNMAP_BATCH];
    size_t size = replace ? sizeof(struct gnttab_unmap_and_replace)
                          : sizeof(struct gnttab_unmap_grant_ref);
    size_t status_at =
        replace ? offsetof(struct gnttab_unmap_and_replace, status)
                : offsetof(struct gnttab_unmap_grant_ref, status);
    unsigned int c, i, done = 0, total = 0;
    long rc = 0;

    while ( count && !rc )
    {
        c = MIN(count, UNMAP_BATCH);
        for ( done = 0; done < c; done++, uop += size )
        {
            struct unmap_common *op = &common[done];

            memset(op, 0, sizeof(*op));
            if ( replace )
            {
                struct gnttab_unmap_and_replace r;

                if ( copy_from_guest(&r, uop, sizeof(r)) )
                {
                    rc = -EFAULT;
                    break;
                }
                op->host_addr = r.host_addr;
                op->new_addr = r.new_addr;
                op->handle = r.handle;
            }
            else
            {
                struct gnttab_unmap_grant_ref u;

                if ( copy_from_guest(&u, uop, sizeof(u)) )
                {
                    rc = -EFAULT;
                    break;
                }
                op->host_addr = u.host_addr;
                op->dev_bus_addr = u.dev_bus_addr;
                op->handle = u.handle;
            }
            unmap_common(op);
            if ( copy_to_guest(uop + status_at, &op->status,
                               sizeof(op->status)) )
            {
                rc = -EFAULT;
                done++;
                break;
            }
        }

        /* No CPU may use a mapping once its frame can be freed. */
        arch_gnttab_flush_tlb(current_domain());
        for ( i = 0; i < done; i++ )
            unmap_complete(&common[i]);
        count -= c;
        total += c;
        /* Between batches only: each one ends with its flush. */
        if ( count && !rc && hypercall_preempt_check() )
            return total;
    }
    return rc;
}

long gnttab_unmap_grant_ref(guest_va_t uop, unsigned int count)
{
    return unmap_batches(uop, count, false);
}

long gnttab_unmap_and_replace(guest_va_t uop, unsigned int count)
{
    return unmap_batches(uop, count, true);
}

/* --- a dying mapper ----------------------------------------------------- */

void gnttab_release_mappings(struct domain *d)
{
    struct grant_table *gt = d->grant_table;

    for ( grant_handle_t h = gt->maptrack_limit; h-- > 0; )
    {
        struct grant_mapping *map = maptrack_entry(gt, h);
        struct active_grant_entry *act;
        struct grant_table *rgt;
        struct page_info *pg;
        struct domain *rd;
        bool ro;

        if ( !(map->flags & (GNTMAP_device_map | GNTMAP_host_map)) )
            continue;
        rd = gnttab_lookup_domain(map->domid, false);
        if ( !rd )
        {
            map->flags = 0;
            continue;
        }
        rgt = rd->grant_table;
        ro = map->flags & GNTMAP_readonly;

        spin_lock(&rgt->lock);
        if ( map->ref < nr_grant_entries(rgt) )
        {
            act = active_entry(rgt, map->ref);
            pg = mfn_to_page(act->mfn);
            if ( map->flags & GNTMAP_device_map )
            {
                act->pin -= ro ? GNTPIN_devr_inc : GNTPIN_devw_inc;
                if ( ro )
                    put_page(pg);
                else
                    put_page_and_type(pg);
            }
            /* A host mapping's references go with d's page tables. */
            if ( map->flags & GNTMAP_host_map )
                act->pin -= ro ? GNTPIN_hstr_inc : GNTPIN_hstw_inc;
            gnttab_reduce_status(rgt, map->ref, act, ro);
        }
        spin_unlock(&rgt->lock);
        map->flags = 0;
    }
}
