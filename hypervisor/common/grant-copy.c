/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant operations that need no mapping: GNTTABOP_copy (bytes between
 * granted or own frames), GNTTABOP_transfer (a frame changes owner) and
 * GNTTABOP_cache_flush.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/continuation.h>
#include "grant-private.h"

/* --- copy --------------------------------------------------------------- */

/* One side of a copy while it is held. */
struct copy_buf
{
    struct domain *d;
    struct page_info *pg;       /* a general reference while set */
    grant_ref_t ref;
    bool ro;
    bool have_grant;            /* pinned entry ref of d */
    bool have_type;             /* a writable type reference on pg */
};

/*
 * Pin rd's entry gref for a copy by ldom, as a host read or write use:
 * the first pin checks the entry; others must agree on the frame.  A
 * general reference on the frame in *pg on success.
 */
static int acquire_grant_for_copy(struct domain *rd, grant_ref_t gref,
                                  domid_t ldom, bool ro,
                                  struct page_info **pg)
{
    struct grant_table *rgt = rd->grant_table;
    unsigned int inc = ro ? GNTPIN_hstr_inc : GNTPIN_hstw_inc;
    struct active_grant_entry *act;
    int rc = GNTST_okay;

    *pg = NULL;
    spin_lock(&rgt->lock);
    if ( gref >= nr_grant_entries(rgt) )
    {
        rc = GNTST_bad_gntref;
        goto out;
    }
    act = active_entry(rgt, gref);
    if ( act->pin && (act->domid != ldom ||
                      (act->pin & GNTPIN_oflow_mask(inc))) )
    {
        rc = GNTST_general_error;
        goto out;
    }

    if ( !act->pin || (!ro && !(act->pin & GNTPIN_write_mask)) )
    {
        rc = gnttab_set_status(rgt, gref, act, ro, false, ldom);
        if ( rc )
            goto out;
        rc = gnttab_get_frame(rd, shared_entry(rgt, gref)->frame, pg);
        if ( rc )
            goto out_clear;
        if ( !act->pin )
        {
            act->domid = ldom;
            act->mfn = page_to_mfn(*pg);
        }
        else if ( act->mfn != page_to_mfn(*pg) )
        {
            /* The granter changed the frame under existing pins. */
            put_page(*pg);
            *pg = NULL;
            rc = GNTST_general_error;
            goto out_clear;
        }
    }
    else
    {
        struct domain *owner;

        *pg = mfn_to_page(act->mfn);
        /* Pins alone keep no reference: the frame may have moved on. */
        owner = page_get_owner_and_reference(*pg);
        if ( owner != rd || rd->state >= DOMAIN_DYING )
        {
            if ( owner )
                put_page(*pg);
            *pg = NULL;
            rc = GNTST_bad_domain;
            goto out_clear;
        }
    }
    act->pin += inc;
    goto out;

 out_clear:
    gnttab_reduce_status(rgt, gref, act, ro);
 out:
    spin_unlock(&rgt->lock);
    return rc;
}

static void release_grant_for_copy(struct domain *rd, grant_ref_t gref,
                                   bool ro)
{
    struct grant_table *rgt = rd->grant_table;
    struct active_grant_entry *act;

    spin_lock(&rgt->lock);
    act = active_entry(rgt, gref);
    act->pin -= ro ? GNTPIN_hstr_inc : GNTPIN_hstw_inc;
    gnttab_reduce_status(rgt, gref, act, ro);
    spin_unlock(&rgt->lock);
}

static void release_buf(struct copy_buf *b)
{
    if ( b->have_grant )
        release_grant_for_copy(b->d, b->ref, b->ro);
    if ( b->have_type )
        put_page_type(b->pg);
    if ( b->pg )
        put_page(b->pg);
    b->have_grant = b->have_type = false;
    b->pg = NULL;
}

static int find_domain(domid_t domid, struct copy_buf *b)
{
    b->d = gnttab_lookup_domain(domid, true);
    return b->d ? GNTST_okay : GNTST_bad_domain;
}

static int claim_buf(const struct gnttab_copy_ptr *p, bool is_gref,
                     bool ro, struct copy_buf *b)
{
    int rc;

    /* Only DOMID_SELF may name a frame directly; a grant names any domain. */
    if ( !is_gref && p->domid != DOMID_SELF )
        return GNTST_permission_denied;
    b->ro = ro;
    if ( is_gref )
    {
        rc = acquire_grant_for_copy(b->d, p->u.ref,
                                    current_domain()->domain_id, ro, &b->pg);
        if ( rc )
            return rc;
        b->ref = p->u.ref;
        b->have_grant = true;
    }
    else
    {
        rc = gnttab_get_frame(b->d, p->u.gmfn, &b->pg);
        if ( rc )
            return rc;
    }
    if ( !ro )
    {
        if ( get_page_type(b->pg, PGT_writable_page) )
            return GNTST_general_error;
        b->have_type = true;
    }
    return GNTST_okay;
}

static int copy_one(const struct gnttab_copy *op)
{
    struct copy_buf src = { 0 }, dst = { 0 };
    int rc;

    /*
     * The order of the checks is Xen's (as fixed for XSA-523): both
     * domains, then each side's right to name a frame and its claim.
     */
    rc = find_domain(op->source.domid, &src);
    if ( !rc )
        rc = find_domain(op->dest.domid, &dst);
    if ( !rc )
        rc = claim_buf(&op->source, op->flags & GNTCOPY_source_gref, true,
                       &src);
    if ( !rc )
        rc = claim_buf(&op->dest, op->flags & GNTCOPY_dest_gref, false,
                       &dst);
    /* Checked once both sides are held, as Xen orders its checks. */
    if ( !rc && (op->source.offset + op->len > PAGE_SIZE ||
                 op->dest.offset + op->len > PAGE_SIZE) )
        rc = GNTST_bad_copy_arg;
    if ( !rc )
        memcpy((char *)frame_va(page_to_mfn(dst.pg)) + op->dest.offset,
               (const char *)frame_va(page_to_mfn(src.pg)) +
               op->source.offset,
               op->len);
    release_buf(&src);
    release_buf(&dst);
    return rc;
}

long gnttab_copy(guest_va_t uop, unsigned int count)
{
    struct gnttab_copy op;

    for ( unsigned int i = 0; i < count; i++, uop += sizeof(op) )
    {
        if ( i && hypercall_preempt_check() )
            return i;
        if ( copy_from_guest(&op, uop, sizeof(op)) )
            return -EFAULT;
        op.status = copy_one(&op);
        if ( copy_to_guest(uop + offsetof(struct gnttab_copy, status),
                           &op.status, sizeof(op.status)) )
            return -EFAULT;
    }
    return 0;
}

/* --- transfer ----------------------------------------------------------- */

/* Tries before an entry that keeps changing is refused. */
#define COMMIT_RETRIES  5

/*
 * e's entry ref must accept a transfer from domain ld: mark it committed
 * so that e cannot change it any more.  GNTST_okay or general_error.
 */
static int prepare_for_transfer(struct domain *e, domid_t ld,
                                grant_ref_t ref)
{
    struct grant_table *gt = e->grant_table;
    int rc = GNTST_general_error;
    uint32_t *combo, old;

    spin_lock(&gt->lock);
    if ( ref >= nr_grant_entries(gt) )
        goto out;
    combo = (uint32_t *)shared_entry(gt, ref);
    old = __atomic_load_n(combo, __ATOMIC_RELAXED);
    for ( unsigned int tries = 1; ; tries++ )
    {
        if ( (uint16_t)old != GTF_accept_transfer ||
             (domid_t)(old >> 16) != ld )
            goto out;
        if ( __atomic_compare_exchange_n(combo, &old,
                                         old | GTF_transfer_committed,
                                         false, __ATOMIC_SEQ_CST,
                                         __ATOMIC_SEQ_CST) )
            break;
        if ( tries == COMMIT_RETRIES )
            goto out;
    }
    rc = GNTST_okay;
 out:
    spin_unlock(&gt->lock);
    return rc;
}

/* The entry of a committed transfer now names the frame e received. */
static void complete_transfer(struct domain *e, grant_ref_t ref, mfn_t mfn)
{
    struct grant_table *gt = e->grant_table;
    struct grant_entry_v1 *sha;

    spin_lock(&gt->lock);
    sha = shared_entry(gt, ref);
    /* A PV receiver finds it at the frame number it offered. */
    set_gpfn_from_mfn(mfn, sha->frame);
    sha->frame = mfn;
    /* The frame number must be visible before the flag that says so. */
    __atomic_fetch_or(&sha->flags, (uint16_t)GTF_transfer_completed,
                      __ATOMIC_SEQ_CST);
    spin_unlock(&gt->lock);
}

static int transfer_one(const struct gnttab_transfer *op)
{
    struct domain *d = current_domain(), *e;
    mfn_t mfn = op->mfn;

    if ( !mfn_valid(mfn) )
        return GNTST_bad_page;
    /* Only a frame nothing else uses can change hands. */
    if ( steal_page(d, mfn_to_page(mfn)) )
        return GNTST_bad_page;
    arch_gnttab_flush_tlb(d);

    /* From here on, a failure frees the frame: the sender gave it up. */
    e = gnttab_lookup_domain(op->domid, false);
    if ( !e )
    {
        free_unowned_frame(mfn);
        return GNTST_bad_domain;
    }
    /*
     * A version 1 entry holds 32 bits of frame number.  Xen would copy a
     * higher frame to a lower one; machines with frames that high are
     * beyond this hypervisor's reach, so such a transfer is refused.
     */
    if ( mfn >> 32 )
    {
        free_unowned_frame(mfn);
        return GNTST_address_too_big;
    }
    if ( e->state >= DOMAIN_DYING || e->tot_pages >= e->max_pages ||
         prepare_for_transfer(e, d->domain_id, op->ref) ||
         assign_frames(e, mfn, 1) )
    {
        free_unowned_frame(mfn);
        return GNTST_general_error;
    }
    complete_transfer(e, op->ref, mfn);
    return GNTST_okay;
}

/*
 * Xen offers transfers to PV domains (gnttab=transfer is on by default);
 * old netfronts used them to flip received pages.
 */
long gnttab_transfer(guest_va_t uop, unsigned int count)
{
    struct gnttab_transfer op;

    for ( unsigned int i = 0; i < count; i++, uop += sizeof(op) )
    {
        if ( i && hypercall_preempt_check() )
            return i;
        if ( copy_from_guest(&op, uop, sizeof(op)) )
            return -EFAULT;
        op.status = transfer_one(&op);
        if ( copy_to_guest(uop + offsetof(struct gnttab_transfer, status),
                           &op.status, sizeof(op.status)) )
            return -EFAULT;
    }
    return 0;
}

/* --- cache flush -------------------------------------------------------- */

/* References searched before a continuation, as Xen's 1 << 12. */
#define FLUSH_SEARCH_CHUNK  4096

/*
 * Whether gt has an entry pinned by ld for frame mfn, searching from
 * *cur: 1 found, 0 not yet (*cur moved on), -EINVAL none at all.
 */
static int grant_map_exists(struct grant_table *gt, domid_t ld, mfn_t mfn,
                            grant_ref_t *cur)
{
    unsigned int nr = nr_grant_entries(gt);
    unsigned int end = MIN(*cur + FLUSH_SEARCH_CHUNK, nr);
    grant_ref_t ref;

    for ( ref = *cur; ref < end; ref++ )
    {
        const struct active_grant_entry *act = active_entry(gt, ref);

        if ( act->pin && act->domid == ld && act->mfn == mfn )
            return 1;
    }
    if ( ref < nr )
    {
        *cur = ref;
        return 0;
    }
    return -EINVAL;
}

/* 0 done, 1 search on from *cur, or a negative errno for the call. */
static int cache_flush_one(const struct gnttab_cache_flush *op,
                           grant_ref_t *cur)
{
    struct domain *d = current_domain(), *owner;
    struct page_info *pg;
    mfn_t mfn;
    int rc = 0;

    if ( op->offset >= PAGE_SIZE || op->length > PAGE_SIZE ||
         op->offset + op->length > PAGE_SIZE ||
         (op->op & ~(GNTTAB_CACHE_INVAL | GNTTAB_CACHE_CLEAN)) )
        return -EINVAL;
    if ( !op->length || !op->op )
        return *cur ? -EILSEQ : 0;

    mfn = op->a.dev_bus_addr >> PAGE_SHIFT;
    if ( !mfn_valid(mfn) )
        return -EINVAL;
    pg = mfn_to_page(mfn);
    owner = page_get_owner_and_reference(pg);
    if ( !owner || !owner->grant_table )
    {
        if ( owner )
            put_page(pg);
        return -EPERM;
    }

    if ( d != owner )
    {
        spin_lock(&owner->grant_table->lock);
        rc = grant_map_exists(owner->grant_table, d->domain_id, mfn, cur);
        spin_unlock(&owner->grant_table->lock);
        rc = rc > 0 ? 0 : rc < 0 ? rc : 1;
    }
    /* x86 can write back, not invalidate alone. */
    if ( !rc )
    {
        if ( op->op & GNTTAB_CACHE_CLEAN )
            arch_gnttab_clean_cache(mfn, op->offset, op->length);
        else
            rc = -EOPNOTSUPP;
    }
    put_page(pg);
    return rc;
}

long gnttab_cache_flush(guest_va_t uop, unsigned int count,
                        grant_ref_t *cur)
{
    struct gnttab_cache_flush op;

    for ( unsigned int i = 0; i < count; i++, uop += sizeof(op) )
    {
        int rc;

        if ( i && hypercall_preempt_check() )
            return i;
        if ( copy_from_guest(&op, uop, sizeof(op)) )
            return -EFAULT;
        /* A long search stops between chunks, *cur saying where. */
        while ( (rc = cache_flush_one(&op, cur)) > 0 )
            if ( hypercall_preempt_check() )
                return i;
        if ( rc < 0 )
            return rc;
        *cur = 0;
    }
    /* Even with nothing to do: a stale position is no reason to go on. */
    *cur = 0;
    return 0;
}
