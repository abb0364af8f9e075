/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant tables, version 1: the per-domain table, its sizing and versions,
 * and the GNTTABOP_* dispatch.  Mappings are in grant-map.c, copies and
 * transfers in grant-copy.c.
 *
 * The model.  A domain (the granter) writes grant entries into its shared
 * frames: "domain D may access my frame F (read-only)".  The shared frames
 * are hypervisor pages lent to the granter (PGC_xen_heap), which maps them
 * by their machine frame numbers (GNTTABOP_setup_table).  Behind each entry
 * the hypervisor keeps an active entry: while another domain uses the
 * grant, the active entry is pinned, one 8-bit counter per kind of use
 * (host or device, writable or read-only), and the shared entry carries
 * GTF_reading, plus GTF_writing while a writable use exists; the granter
 * must not reuse an entry that shows them.  The first pin checks the entry
 * (GTF_permit_access, the grantee's domid, GTF_readonly) with a
 * compare-and-swap, as the granter may rewrite it at the same moment, and
 * records the frame; later pins need only the same grantee.
 *
 * References.  A pin holds no page reference.  Each use holds its own:
 *  - a host mapping: a general reference on the frame, plus a writable
 *    type reference if writable, both owned by the page-table entry the
 *    hypervisor wrote (exactly what a validated L1 entry owns), so that
 *    tearing the mapper's page tables down drops them like any other;
 *  - a device mapping: the same, owned by the maptrack entry;
 *  - a copy: the same, for the duration of the copy.
 * So a granted frame outlives its owner's death as long as it is mapped:
 * the dying granter keeps its table (and its DEAD struct domain) until
 * the frame's last reference goes.
 *
 * The mapper's side: each mapping is a maptrack entry of the mapping
 * domain (its handle is the index), naming the granter, the reference and
 * what is still mapped.  Unmapping checks the page-table entry still maps
 * the granted frame, clears it, flushes the TLB, then drops references and
 * pins.  When the mapper dies its maptrack entries are released; the
 * references of host mappings go with its page tables.
 *
 * Locking: see struct grant_table (grant-private.h).  Grant operations on
 * a table take only that table's lock and then the frame table's counts.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/hypercall.h>
#include <hv/continuation.h>
#include <hv/page-alloc.h>
#include <public/domctl.h>
#include <public/memory.h>
#include "grant-private.h"

/* --- memory of the table itself ---------------------------------------- */

void *gnttab_alloc_frames(unsigned int order, mfn_t *mfn)
{
    paddr_t pa = alloc_pages(order);
    void *va;

    if ( !pa )
        return NULL;
    *mfn = pa >> PAGE_SHIFT;
    va = frame_va(*mfn);
    memset(va, 0, PAGE_SIZE << order);
    return va;
}

void gnttab_free_frames(mfn_t mfn, unsigned int order)
{
    free_pages((paddr_t)mfn << PAGE_SHIFT, order);
}

static unsigned int order_for(size_t bytes)
{
    unsigned int order = 0;

    while ( (PAGE_SIZE << order) < bytes )
        order++;
    return order;
}

static unsigned int active_frames_for(unsigned int shared_frames)
{
    return (shared_frames * SHGNT_PER_PAGE + ACGNT_PER_PAGE - 1) /
           ACGNT_PER_PAGE;
}

/* Lend a new shared frame to the granter, writable, as Xen's SHARE_rw. */
static void share_frame(struct domain *d, mfn_t mfn)
{
    share_xen_page_with_guest(mfn_to_page(mfn), d, true);
}

/*
 * Grow gt to nr shared frames (at least the initial one), with gt->lock
 * held.  All or nothing: 0 or -ENOMEM.
 */
static int grow_table(struct grant_table *gt, unsigned int nr)
{
    unsigned int old = gt->nr_frames, i;
    unsigned int act_old = active_frames_for(old);
    unsigned int act_new;

    if ( nr < GNTTAB_INITIAL_FRAMES )
        nr = GNTTAB_INITIAL_FRAMES;
    if ( nr <= old )
        return 0;
    if ( nr > gt->max_frames || gt->relinquished )
        return -ENOMEM;
    act_new = active_frames_for(nr);

    for ( i = act_old; i < act_new; i++ )
        if ( !gnttab_alloc_frames(0, &gt->active[i]) )
            goto fail_active;
    for ( i = old; i < nr; i++ )
        if ( !gnttab_alloc_frames(0, &gt->shared[i]) )
            goto fail_shared;

    /* Lent only once all exist, so a failure has nothing to take back. */
    for ( i = old; i < nr; i++ )
        share_frame(gt->domain, gt->shared[i]);
    gt->nr_frames = nr;
    return 0;

 fail_shared:
    while ( i-- > old )
        gnttab_free_frames(gt->shared[i], 0);
    i = act_new;
 fail_active:
    while ( i-- > act_old )
        gnttab_free_frames(gt->active[i], 0);
    return -ENOMEM;
}

/* --- life of a table ---------------------------------------------------- */

int grant_table_init(struct domain *d, int max_grant_frames,
                     int max_maptrack_frames, unsigned int grant_opts)
{
    unsigned int max_version = grant_opts & XEN_DOMCTL_GRANT_version_mask;
    struct grant_table *gt;
    mfn_t self;
    int rc;

    if ( !max_version || max_version > GNTTAB_MAX_VERSION )
        return -EINVAL;
    if ( max_grant_frames < 0 )
        max_grant_frames = GNTTAB_DEFAULT_MAX_FRAMES;
    if ( max_maptrack_frames < 0 )
        max_maptrack_frames = GNTTAB_DEFAULT_MAX_MAPTRACK;
    if ( max_grant_frames < (int)GNTTAB_INITIAL_FRAMES ||
         max_grant_frames > GNTTAB_DEFAULT_MAX_FRAMES ||
         max_maptrack_frames > GNTTAB_DEFAULT_MAX_MAPTRACK )
        return -EINVAL;

    gt = gnttab_alloc_frames(order_for(sizeof(*gt)), &self);
    if ( !gt )
        return -ENOMEM;
    spin_lock_init(&gt->lock);
    spin_lock_init(&gt->maptrack_lock);
    gt->domain = d;
    gt->self = self;
    gt->version = 1;
    gt->max_version = max_version;
    gt->max_frames = max_grant_frames;
    gt->max_maptrack_frames = max_maptrack_frames;
    gt->maptrack_head = MAPTRACK_TAIL;
    gt->maptrack_tail = MAPTRACK_TAIL;

    rc = -ENOMEM;
    if ( max_maptrack_frames )
    {
        gt->maptrack_dir_order = order_for(max_maptrack_frames *
                                           sizeof(mfn_t));
        if ( !gnttab_alloc_frames(gt->maptrack_dir_order,
                                  &gt->maptrack_dir) )
            goto fail;
    }
    rc = grow_table(gt, 0);
    if ( rc )
        goto fail;
    d->grant_table = gt;
    return 0;

 fail:
    if ( gt->maptrack_dir )
        gnttab_free_frames(gt->maptrack_dir, gt->maptrack_dir_order);
    gnttab_free_frames(self, order_for(sizeof(*gt)));
    return rc;
}

void grant_table_relinquish(struct domain *d)
{
    struct grant_table *gt = d->grant_table;

    if ( !gt || gt->relinquished )
        return;
    gnttab_release_mappings(d);

    /*
     * The shared frames stop being d's memory.  They stay readable to us
     * (others may still unpin entries) and are freed with the table; a
     * domain that maps one keeps it owned, so d is not freed before.
     */
    spin_lock(&gt->lock);
    gt->relinquished = true;
    for ( unsigned int i = 0; i < gt->nr_frames; i++ )
    {
        struct page_info *pg = mfn_to_page(gt->shared[i]);

        if ( !(pg->count_info & PGC_allocated) )
            continue;
        /* The type reference lending took, then the allocation's. */
        if ( pg->type_info & PGT_count_mask )
            put_page_type(pg);
        put_page_alloc_ref(pg);
    }
    spin_unlock(&gt->lock);
}

bool grant_table_in_use(const struct domain *d)
{
    const struct grant_table *gt = d->grant_table;

    for ( unsigned int i = 0; gt && i < gt->nr_frames; i++ )
    {
        const struct page_info *pg = mfn_to_page(gt->shared[i]);

        if ( page_get_owner(pg) == d && (pg->count_info & PGC_count_mask) )
            return true;
    }
    return false;
}

void grant_table_destroy(struct domain *d)
{
    struct grant_table *gt = d->grant_table;
    unsigned int i;

    if ( !gt )
        return;
    grant_table_relinquish(d);
    gnttab_free_maptrack(gt);

    for ( i = 0; i < gt->nr_frames; i++ )
    {
        const struct page_info *pg = mfn_to_page(gt->shared[i]);

        /* Still referenced: the lifecycle broke its promise; leak it. */
        if ( pg->count_info & PGC_count_mask )
        {
            printk(LOG_ERR "d%u: grant frame %#lx still in use\n",
                   d->domain_id, (unsigned long)gt->shared[i]);
            continue;
        }
        gnttab_free_frames(gt->shared[i], 0);
    }
    for ( i = 0; i < active_frames_for(gt->nr_frames); i++ )
        gnttab_free_frames(gt->active[i], 0);
    if ( gt->maptrack_dir )
        gnttab_free_frames(gt->maptrack_dir, gt->maptrack_dir_order);
    d->grant_table = NULL;
    gnttab_free_frames(gt->self, order_for(sizeof(*gt)));
}

/* --- helpers of the operations ----------------------------------------- */

struct domain *gnttab_lookup_domain(domid_t domid, bool self_ok)
{
    struct domain *d;

    if ( domid == DOMID_SELF && self_ok )
        return current_domain();
    /* Dying domains too: their grants stay valid until unmapped. */
    d = domain_lookup_any(domid);
    return d && d->grant_table ? d : NULL;
}

/* Xen's default policy: oneself, or a privileged caller. */
static bool may_control(const struct domain *d)
{
    const struct domain *curr = current_domain();

    return d == curr || curr->is_privileged;
}

/* Xen's check of a guest array handle: only where it starts. */
static bool handle_okay(guest_va_t p)
{
    return guest_range_ok(p, 1);
}

int gnttab_get_frame(struct domain *rd, uint64_t gfn, struct page_info **pg)
{
    *pg = NULL;
    /* A PV granter names machine frames; it must own the one it grants. */
    if ( !mfn_valid(gfn) || !get_page(mfn_to_page(gfn), rd) )
        return GNTST_bad_page;
    *pg = mfn_to_page(gfn);
    return GNTST_okay;
}

/* flags and domid, the first 32 bits of a v1 entry, change together. */
#define COMBO_FLAGS(c)  ((uint16_t)(c))
#define COMBO_DOMID(c)  ((domid_t)((c) >> 16))
/* Tries before a granter rewriting its entry all the time is refused. */
#define SET_STATUS_RETRIES  5

int gnttab_set_status(struct grant_table *gt, grant_ref_t ref,
                      const struct active_grant_entry *act, bool readonly,
                      bool map, domid_t ldomid)
{
    uint32_t *combo = (uint32_t *)shared_entry(gt, ref);
    uint16_t mask = GTF_type_mask | (map ? GTF_sub_page : 0);
    uint32_t old = __atomic_load_n(combo, __ATOMIC_RELAXED);

    for ( unsigned int tries = 1; ; tries++ )
    {
        uint32_t new = old | GTF_reading;

        if ( !act->pin &&
             ((COMBO_FLAGS(old) & mask) != GTF_permit_access ||
              COMBO_DOMID(old) != ldomid) )
            return GNTST_general_error;
        if ( !readonly )
        {
            if ( COMBO_FLAGS(old) & GTF_readonly )
                return GNTST_general_error;
            new |= GTF_writing;
        }
        /* Full barrier: the frame is read only after the flags are up. */
        if ( __atomic_compare_exchange_n(combo, &old, new, false,
                                         __ATOMIC_SEQ_CST,
                                         __ATOMIC_SEQ_CST) )
            return GNTST_okay;
        if ( tries == SET_STATUS_RETRIES )
            return GNTST_general_error;
    }
}

void gnttab_reduce_status(struct grant_table *gt, grant_ref_t ref,
                          const struct active_grant_entry *act,
                          bool readonly)
{
    uint16_t clear = act->pin ? 0 : GTF_reading;

    if ( !readonly && !(act->pin & GNTPIN_write_mask) )
        clear |= GTF_writing;
    /* Only these two bytes: the granter owns the rest of the entry. */
    if ( clear )
        __atomic_fetch_and(&shared_entry(gt, ref)->flags, (uint16_t)~clear,
                           __ATOMIC_SEQ_CST);
}

/* --- table operations --------------------------------------------------- */

static long gnttab_setup_table(guest_va_t uop, unsigned int count)
{
    struct gnttab_setup_table op;
    struct grant_table *gt;
    struct domain *d;
    guest_va_t list;

    if ( count != 1 )
        return -EINVAL;
    if ( copy_from_guest(&op, uop, sizeof(op)) )
        return -EFAULT;
    list = (guest_va_t)(uintptr_t)op.frame_list.p;
    if ( !handle_okay(list) )
        return -EFAULT;

    d = gnttab_lookup_domain(op.dom, true);
    if ( !d )
        op.status = GNTST_bad_domain;
    else if ( !may_control(d) )
        op.status = GNTST_permission_denied;
    else
    {
        gt = d->grant_table;
        spin_lock(&gt->lock);
        if ( op.nr_frames > gt->max_frames ||
             (op.nr_frames > gt->nr_frames && grow_table(gt, op.nr_frames)) )
            op.status = GNTST_general_error;
        else
        {
            op.status = GNTST_okay;
            /* A PV domain sees its shared frames by machine frame. */
            for ( unsigned int i = 0; i < op.nr_frames; i++ )
            {
                xen_pfn_t f = gt->shared[i];

                if ( copy_to_guest(list + i * sizeof(f), &f, sizeof(f)) )
                    op.status = GNTST_bad_virt_addr;
            }
        }
        spin_unlock(&gt->lock);
    }

    if ( copy_to_guest(uop + offsetof(struct gnttab_setup_table, status),
                       &op.status, sizeof(op.status)) )
        return -EFAULT;
    return 0;
}

static long gnttab_query_size(guest_va_t uop, unsigned int count)
{
    struct gnttab_query_size op;
    struct domain *d;

    if ( count != 1 )
        return -EINVAL;
    if ( copy_from_guest(&op, uop, sizeof(op)) )
        return -EFAULT;

    d = gnttab_lookup_domain(op.dom, true);
    if ( !d )
        op.status = GNTST_bad_domain;
    else if ( !may_control(d) )
        op.status = GNTST_permission_denied;
    else
    {
        op.nr_frames = d->grant_table->nr_frames;
        op.max_nr_frames = d->grant_table->max_frames;
        op.status = GNTST_okay;
    }

    if ( copy_to_guest(uop, &op, sizeof(op)) )
        return -EFAULT;
    return 0;
}

static long gnttab_set_version(guest_va_t uop)
{
    struct grant_table *gt = current_domain()->grant_table;
    struct gnttab_set_version op;
    long rc;

    if ( copy_from_guest(&op, uop, sizeof(op)) )
        return -EFAULT;

    /* As Xen's when version 2 is off; version 1 is always the current. */
    if ( op.version != 1 && op.version != 2 )
        rc = -EINVAL;
    else if ( op.version == 2 && gt->max_version == 1 )
        rc = -ENOSYS;
    else
        rc = 0;

    op.version = gt->version;
    if ( copy_to_guest(uop, &op, sizeof(op)) )
        rc = -EFAULT;
    return rc;
}

static long gnttab_get_version(guest_va_t uop)
{
    struct gnttab_get_version op;
    struct domain *d;

    if ( copy_from_guest(&op, uop, sizeof(op)) )
        return -EFAULT;
    d = gnttab_lookup_domain(op.dom, true);
    if ( !d )
        return -ESRCH;
    if ( !may_control(d) )
        return -EPERM;
    op.version = d->grant_table->version;
    if ( copy_to_guest(uop + offsetof(struct gnttab_get_version, version),
                       &op.version, sizeof(op.version)) )
        return -EFAULT;
    return 0;
}

/* Version 1 has no status frames: any but an empty request fails. */
static long gnttab_get_status_frames(guest_va_t uop, unsigned int count)
{
    struct gnttab_get_status_frames op;
    struct domain *d;

    if ( count != 1 )
        return -EINVAL;
    if ( copy_from_guest(&op, uop, sizeof(op)) )
        return -EFAULT;
    if ( !handle_okay((guest_va_t)(uintptr_t)op.frame_list.p) )
        return -EFAULT;

    d = gnttab_lookup_domain(op.dom, true);
    if ( !d )
        op.status = GNTST_bad_domain;
    else if ( !may_control(d) )
        op.status = GNTST_permission_denied;
    else
        op.status = op.nr_frames ? GNTST_general_error : GNTST_okay;

    if ( copy_to_guest(uop + offsetof(struct gnttab_get_status_frames,
                                      status),
                       &op.status, sizeof(op.status)) )
        return -EFAULT;
    return 0;
}

static int16_t swap_grant_ref(grant_ref_t a, grant_ref_t b)
{
    struct grant_table *gt = current_domain()->grant_table;
    struct grant_entry_v1 tmp;
    int16_t rc = GNTST_okay;

    spin_lock(&gt->lock);
    if ( a >= nr_grant_entries(gt) || b >= nr_grant_entries(gt) )
        rc = GNTST_bad_gntref;
    else if ( a != b &&
              (active_entry(gt, a)->pin || active_entry(gt, b)->pin) )
        rc = GNTST_eagain;
    else if ( a != b )
    {
        tmp = *shared_entry(gt, a);
        *shared_entry(gt, a) = *shared_entry(gt, b);
        *shared_entry(gt, b) = tmp;
    }
    spin_unlock(&gt->lock);
    return rc;
}

static long gnttab_swap_grant_ref(guest_va_t uop, unsigned int count)
{
    struct gnttab_swap_grant_ref op;

    for ( unsigned int i = 0; i < count; i++, uop += sizeof(op) )
    {
        if ( i && hypercall_preempt_check() )
            return i;
        if ( copy_from_guest(&op, uop, sizeof(op)) )
            return -EFAULT;
        op.status = swap_grant_ref(op.ref_a, op.ref_b);
        if ( copy_to_guest(uop + offsetof(struct gnttab_swap_grant_ref,
                                          status),
                           &op.status, sizeof(op.status)) )
            return -EFAULT;
    }
    return 0;
}

/* --- resources (XENMEM_acquire_resource) -------------------------------- */

unsigned int gnttab_resource_max_frames(const struct domain *d,
                                        unsigned int id)
{
    const struct grant_table *gt = d->grant_table;

    /* Status frames exist only with version 2. */
    return gt && id == XENMEM_resource_grant_table_id_shared ?
           gt->max_frames : 0;
}

int gnttab_acquire_resource(struct domain *d, unsigned int id,
                            unsigned int frame, unsigned int nr,
                            uint64_t mfn_list[])
{
    struct grant_table *gt = d->grant_table;
    unsigned int last = frame + nr - 1;
    int rc = -EINVAL;

    if ( !gt || !nr || id != XENMEM_resource_grant_table_id_shared ||
         last < frame )
        return -EINVAL;

    spin_lock(&gt->lock);
    if ( last < gt->max_frames && !grow_table(gt, last + 1) )
    {
        for ( unsigned int i = 0; i < nr; i++ )
            mfn_list[i] = gt->shared[frame + i];
        rc = nr;
    }
    spin_unlock(&gt->lock);
    return rc;
}

/* --- the hypercall ------------------------------------------------------ */

/* A cache_flush continuation's search position sits above these bits. */
#define GNTTABOP_CMD_MASK   0xfffU
#define GNTTABOP_ARG_SHIFT  12

long do_grant_table_op(unsigned int cmd, guest_va_t uop, unsigned int count)
{
    grant_ref_t cur = cmd >> GNTTABOP_ARG_SHIFT;
    size_t size;
    long rc;

    if ( (int)count < 0 )
        return -EINVAL;
    cmd &= GNTTABOP_CMD_MASK;
    /* Only cache_flush has a continuation argument to accept. */
    if ( cur && cmd != GNTTABOP_cache_flush )
        return -EINVAL;

    switch ( cmd )
    {
    case GNTTABOP_map_grant_ref:
        size = sizeof(struct gnttab_map_grant_ref);
        rc = handle_okay(uop) ? gnttab_map_grant_ref(uop, count) : -EFAULT;
        break;
    case GNTTABOP_unmap_grant_ref:
        size = sizeof(struct gnttab_unmap_grant_ref);
        rc = handle_okay(uop) ? gnttab_unmap_grant_ref(uop, count) : -EFAULT;
        break;
    case GNTTABOP_unmap_and_replace:
        size = sizeof(struct gnttab_unmap_and_replace);
        rc = handle_okay(uop) ? gnttab_unmap_and_replace(uop, count)
                              : -EFAULT;
        break;
    case GNTTABOP_transfer:
        size = sizeof(struct gnttab_transfer);
        rc = handle_okay(uop) ? gnttab_transfer(uop, count) : -EFAULT;
        break;
    case GNTTABOP_copy:
        size = sizeof(struct gnttab_copy);
        rc = handle_okay(uop) ? gnttab_copy(uop, count) : -EFAULT;
        break;
    case GNTTABOP_swap_grant_ref:
        size = sizeof(struct gnttab_swap_grant_ref);
        rc = handle_okay(uop) ? gnttab_swap_grant_ref(uop, count) : -EFAULT;
        break;
    case GNTTABOP_cache_flush:
        size = sizeof(struct gnttab_cache_flush);
        rc = handle_okay(uop) ? gnttab_cache_flush(uop, count, &cur)
                              : -EFAULT;
        break;
    case GNTTABOP_setup_table:
        return gnttab_setup_table(uop, count);
    case GNTTABOP_query_size:
        return gnttab_query_size(uop, count);
    case GNTTABOP_set_version:
        return gnttab_set_version(uop);
    case GNTTABOP_get_status_frames:
        return gnttab_get_status_frames(uop, count);
    case GNTTABOP_get_version:
        return gnttab_get_version(uop);
    default:
        return -ENOSYS;
    }

    /* Stopped early (or midway through a search): issue the rest again. */
    if ( rc > 0 || (rc == 0 && cur) )
        rc = hypercall_continue(__HYPERVISOR_grant_table_op,
                                cmd | (cur << GNTTABOP_ARG_SHIFT),
                                uop + rc * size, count - rc);
    return rc;
}
