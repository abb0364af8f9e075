/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PV MMU hypercalls: mmu_update, mmuext_op, update_va_mapping.  Batches
 * stop at the first request that fails; what was done before it stays done
 * and is reported through the 'done' counter, as on Xen.  A long batch may
 * also stop between two requests and continue: the rest of the array, its
 * count flagged MMU_UPDATE_PREEMPTED so that 'done' is added to.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/hypercall.h>
#include <hv/continuation.h>
#include <hv/mm.h>
#include <asm/mm.h>
#include <public/xen.h>
#include "mm.h"

/* The flag of 'count' marking a continuation: 'done' counts on from *pdone. */
#define MMU_UPDATE_PREEMPTED    (~(~0U >> 1))

/*
 * Xen's check of a guest array handle: only where it starts (each element
 * is then copied with fault checks).
 */
static bool handle_okay(guest_va_t p)
{
    return p < (1UL << 47) || p >= HV_AREA_VIRT_END;
}

/* Domain named by a foreign-domain argument; NULL if none (or oneself). */
static struct domain *get_pg_owner(domid_t domid)
{
    struct domain *curr = current_vcpu()->domain;

    if ( domid == curr->domain_id )
        return NULL;
    switch ( domid )
    {
    case DOMID_SELF:
        return curr;
    case DOMID_IO:
        return dom_io;
    case DOMID_XEN:
        return dom_xen;
    default:
        return domain_lookup(domid);
    }
}

/* Xen's default policy: oneself, or a privileged caller. */
static bool may_act_on(const struct domain *curr, const struct domain *t)
{
    return !t || t == curr || curr->is_privileged;
}

static void report_done(guest_va_t pdone, unsigned int done)
{
    if ( pdone )
        copy_to_guest(pdone, &done, sizeof(done));
}

static bool page_in_use(const struct page_info *pg)
{
    return (pg->type_info & PGT_count_mask) &&
           (pg->type_info & PGT_validated);
}

/*
 * Teardown left for later.  Giving back a big table (unpinning it, the
 * old base pointer, a replaced entry, or the remains of a failed
 * validation) may take long: what did not finish within one call waits
 * here, a general reference each, for the same VCPU's next mmu_update or
 * mmuext_op to finish before anything else (as Xen's old_guest_table),
 * or for the domain's destruction.  There is one at a time per VCPU in
 * practice: a call that leaves one continues itself to finish it.
 */
#define NR_DEFERRED 64

static struct deferred
{
    const struct vcpu *v;
    struct page_info *pg;
} deferred[NR_DEFERRED];

void mm_release_partial(struct page_info *pg)
{
    const struct vcpu *v = current_vcpu();

    if ( !put_partial_ref(pg, true) )
        return;
    for ( unsigned int i = 0; i < NR_DEFERRED; i++ )
        if ( !deferred[i].pg )
        {
            deferred[i] = (struct deferred){ .v = v, .pg = pg };
            return;
        }
    /* No room (never in practice): finish it here, however long. */
    put_partial_ref(pg, false);
}

/* Whether v has teardown pending. */
static bool has_deferred(const struct vcpu *v)
{
    for ( unsigned int i = 0; i < NR_DEFERRED; i++ )
        if ( deferred[i].pg && deferred[i].v == v )
            return true;
    return false;
}

/* Finish v's pending teardown (all of d's VCPUs' if v is NULL). */
static int finish_deferred(const struct vcpu *v, const struct domain *d)
{
    for ( unsigned int i = 0; i < NR_DEFERRED; i++ )
    {
        struct deferred *p = &deferred[i];

        if ( !p->pg || (v ? p->v != v : p->v->domain != d) )
            continue;
        if ( put_partial_ref(p->pg, true) )
            return -ERESTART;
        *p = (struct deferred){ 0 };
    }
    return 0;
}

/*
 * The batch is over but it left teardown pending: a continuation with no
 * requests finishes it, then returns rc (where the domain id would be,
 * unused by then), as Xen does.
 */
static long finish_later(unsigned int op, long rc)
{
    return hypercall_continue(op, 0, MMU_UPDATE_PREEMPTED, 0,
                              (unsigned long)rc);
}

/* One MMU_NORMAL_PT_UPDATE-style request: *ptr = val with checks. */
static int pt_update(uint64_t ptr, uint64_t val, unsigned int cmd,
                     struct domain *pt_owner, struct domain *pg_owner,
                     bool *flush)
{
    struct page_info *pg = get_page_from_mfn(ptr >> PAGE_SHIFT, pt_owner);
    mfn_t mfn = ptr >> PAGE_SHIFT;
    bool ad = cmd == MMU_PT_UPDATE_PRESERVE_AD;
    pgentry_t *va;
    int rc = -EINVAL;

    if ( !pg )
        return -EINVAL;
    va = (pgentry_t *)((char *)frame_va(mfn) + (ptr & ~PAGE_MASK));

    if ( page_in_use(pg) )
    {
        switch ( pg->type_info & PGT_type_mask )
        {
        case PGT_l1_page_table:
            rc = mod_l1_entry(va, val, mfn, ad, pt_owner, pg_owner);
            break;
        case PGT_l2_page_table:
            if ( pg_owner == pt_owner )
                rc = mod_l2_entry(va, val, mfn, ad, pt_owner);
            *flush |= !rc;
            break;
        case PGT_l3_page_table:
            if ( pg_owner == pt_owner )
                rc = mod_l3_entry(va, val, mfn, ad, pt_owner);
            *flush |= !rc;
            break;
        case PGT_l4_page_table:
            if ( pg_owner == pt_owner )
                rc = mod_l4_entry(va, val, mfn, ad, pt_owner);
            *flush |= !rc;
            break;
        case PGT_writable_page:
            *va = val;
            rc = 0;
            break;
        }
    }
    else if ( !get_page_type(pg, PGT_writable_page) )
    {
        /* Not a table (nor a descriptor page): a plain write. */
        *va = val;
        put_page_type(pg);
        rc = 0;
    }
    put_page(pg);
    return rc;
}

long do_mmu_update(guest_va_t ureqs, unsigned int count, guest_va_t pdone,
                   unsigned int foreigndom)
{
    struct domain *d = current_vcpu()->domain, *pt_owner = d, *pg_owner;
    unsigned int i = 0, done = 0, pt_dom;
    bool flush = false;
    long rc = 0;

    if ( finish_deferred(current_vcpu(), NULL) )
        return hypercall_continue(__HYPERVISOR_mmu_update, ureqs, count,
                                  pdone, foreigndom);
    if ( count == MMU_UPDATE_PREEMPTED && !ureqs )
        return (int)foreigndom;
    if ( count & MMU_UPDATE_PREEMPTED )
    {
        count &= ~MMU_UPDATE_PREEMPTED;
        if ( pdone )
            copy_from_guest(&done, pdone, sizeof(done));
    }
    if ( !handle_okay(ureqs) )
        return -EFAULT;

    pt_dom = foreigndom >> 16;
    if ( pt_dom )
    {
        /* Page tables of another domain (its id plus one). */
        pt_owner = domain_lookup(pt_dom - 1);
        if ( !pt_owner )
            return -ESRCH;
    }
    pg_owner = get_pg_owner((domid_t)foreigndom);
    if ( !pg_owner )
    {
        rc = -ESRCH;
        goto out;
    }

    for ( i = 0; i < count; i++ )
    {
        struct mmu_update req;
        unsigned int cmd;

        if ( i && (has_deferred(current_vcpu()) ||
                   hypercall_preempt_check()) )
        {
            rc = -ERESTART;
            break;
        }
        if ( copy_from_guest(&req, ureqs + i * sizeof(req), sizeof(req)) )
        {
            rc = -EFAULT;
            break;
        }
        cmd = req.ptr & (sizeof(pgentry_t) - 1);
        switch ( cmd )
        {
        case MMU_NORMAL_PT_UPDATE:
        case MMU_PT_UPDATE_PRESERVE_AD:
        case MMU_PT_UPDATE_NO_TRANSLATE:
            if ( !may_act_on(d, pt_owner) || !may_act_on(d, pg_owner) )
                rc = -EPERM;
            else
                rc = pt_update(req.ptr - cmd, req.val, cmd, pt_owner,
                               pg_owner, &flush);
            break;

        case MMU_MACHPHYS_UPDATE:
        {
            struct page_info *pg;

            if ( d != pt_owner )
            {
                rc = -EPERM;
                break;
            }
            if ( !may_act_on(d, pg_owner) )
            {
                rc = -EPERM;
                break;
            }
            pg = get_page_from_mfn(req.ptr >> PAGE_SHIFT, pg_owner);
            if ( !pg )
            {
                rc = -EINVAL;
                break;
            }
            set_gpfn_from_mfn(req.ptr >> PAGE_SHIFT, req.val);
            put_page(pg);
            rc = 0;
            break;
        }

        default:
            rc = -ENOSYS;
            break;
        }
        if ( rc )
            break;
    }

    /* Upper-level changes: the guest cannot flush paging-structure caches
     * itself, and Xen flushes here, so guests rely on it. */
    if ( flush )
        mm_flush_all();
    if ( rc == -ERESTART )
        rc = hypercall_continue(__HYPERVISOR_mmu_update,
                                ureqs + i * sizeof(struct mmu_update),
                                (count - i) | MMU_UPDATE_PREEMPTED, pdone,
                                foreigndom);
    else if ( has_deferred(current_vcpu()) )
        rc = finish_later(__HYPERVISOR_mmu_update, rc);

 out:
    report_done(pdone, done + i);
    return rc;
}

/*
 * The VCPUs in a guest's bitmap: the flush reaches every CPU running one
 * of the domain's VCPUs (more than the bitmap may name, never fewer), so
 * only the bitmap's readability matters.  0, or -EFAULT.
 */
static int vcpumask_check(struct domain *d, guest_va_t bmap)
{
    unsigned long word;

    for ( unsigned int bias = 0; bias < d->max_vcpus; bias += 64 )
        if ( copy_from_guest(&word, bmap + bias / 8, sizeof(word)) )
            return -EFAULT;
    return 0;
}

static bool addr_ok(unsigned long va)
{
    return va < (1UL << 47) || va >= HV_AREA_VIRT_END;
}

/* Point the CPU at the table v's current mode uses, if v is running. */
static void set_guest_table(struct vcpu *v, mfn_t mfn, bool user)
{
    if ( user )
        v->arch.guest_table_user = (paddr_t)mfn << PAGE_SHIFT;
    else
        v->arch.guest_table = (paddr_t)mfn << PAGE_SHIFT;
    if ( v != current_vcpu() )
        return;
    if ( !v->arch.kernel_mode && v->arch.guest_table_user )
        arch_load_root(v->arch.guest_table_user);
    else
        arch_load_root(v->arch.guest_table);
}

/*
 * A type reference for a pin or a base pointer, the caller's general
 * reference to pg kept on success and given back otherwise.  -ERESTART:
 * the table stays partial on its own and the operation is issued again;
 * a failure that left it partial is cleaned up (perhaps later).
 */
static int get_table_ref(struct page_info *pg, unsigned long type)
{
    bool partial;
    int rc = get_page_type_preemptible(pg, type, &partial);

    if ( !rc )
        return 0;
    if ( partial && rc != -ERESTART )
        mm_release_partial(pg);
    else
        put_page(pg);
    return rc;
}

/* Give back a pin's or a base pointer's references, perhaps later. */
static void put_table_ref(struct page_info *pg)
{
    if ( put_page_type_preemptible(pg) )
        mm_release_partial(pg);
    else
        put_page(pg);
}

/*
 * Loading a new base pointer: the CPU must not keep translations of the
 * old tables, global guest mappings included (as Xen's write_ptbase).
 * Only this CPU's: the other VCPUs keep their own tables, and what was
 * dropped meanwhile stays marked stale for the next full flush.
 */
int new_guest_cr3(struct vcpu *v, mfn_t mfn)
{
    struct domain *d = v->domain;
    mfn_t old = v->arch.guest_table >> PAGE_SHIFT;
    struct page_info *pg;
    int rc;

    if ( old == mfn )
    {
        set_guest_table(v, mfn, false);
        mm_flush_local();
        return 0;
    }
    pg = get_page_from_mfn(mfn, d);
    if ( !pg )
        return -EINVAL;
    rc = get_table_ref(pg, PGT_l4_page_table);
    if ( rc )
        return rc;
    if ( !vm_assist(d, VMASST_TYPE_m2p_strict) )
    {
        pgentry_t *l4 = frame_va(mfn);

        if ( !l4[GUEST_L4_HV_FIRST] )
            fill_hv_l4_slots(l4, true);
    }
    set_guest_table(v, mfn, false);
    mm_flush_local();
    if ( old )
        put_table_ref(mfn_to_page(old));
    return 0;
}

int new_guest_user_cr3(struct vcpu *v, mfn_t mfn)
{
    struct domain *d = v->domain;
    mfn_t old = v->arch.guest_table_user >> PAGE_SHIFT;

    if ( old == mfn )
        return 0;
    if ( mfn )
    {
        struct page_info *pg = get_page_from_mfn(mfn, d);
        int rc;

        if ( !pg )
            return -EINVAL;
        rc = get_table_ref(pg, PGT_l4_page_table);
        if ( rc )
            return rc;
        if ( vm_assist(d, VMASST_TYPE_m2p_strict) )
            ((pgentry_t *)frame_va(mfn))[GUEST_L4_HV_FIRST] = 0;
    }
    set_guest_table(v, mfn, true);
    if ( old )
        put_table_ref(mfn_to_page(old));
    return 0;
}

static int pin_page(struct domain *pg_owner, mfn_t mfn, unsigned long type,
                    bool preemptible);

int mm_set_initial_table(struct vcpu *v, mfn_t l4mfn)
{
    struct domain *d = v->domain;
    struct page_info *pg = mfn_to_page(l4mfn);
    int rc;

    /* The base pointer's references, then the pin's. */
    rc = get_page_and_type(pg, d, PGT_l4_page_table);
    if ( rc )
        return rc;
    /* The builder has no hypercall to continue: all in one go. */
    rc = pin_page(d, l4mfn, PGT_l4_page_table, false);
    if ( rc )
    {
        put_page_and_type(pg);
        return rc;
    }
    fill_hv_l4_slots(frame_va(l4mfn), true);
    v->arch.guest_table = (paddr_t)l4mfn << PAGE_SHIFT;
    return 0;
}

static int pin_page(struct domain *pg_owner, mfn_t mfn, unsigned long type,
                    bool preemptible)
{
    struct page_info *pg = get_page_from_mfn(mfn, pg_owner);
    int rc;

    if ( !pg )
        return -EINVAL;
    if ( !preemptible )
    {
        rc = get_page_type(pg, type);
        if ( rc )
            put_page(pg);
    }
    else
        rc = get_table_ref(pg, type);
    if ( rc )
        return rc;
    if ( pg->type_info & PGT_pinned )
    {
        put_table_ref(pg);
        return -EINVAL;
    }
    /* The pin keeps both references just taken. */
    pg->type_info |= PGT_pinned;
    return 0;
}

static int unpin_page(struct domain *pg_owner, mfn_t mfn)
{
    struct page_info *pg = get_page_from_mfn(mfn, pg_owner);

    if ( !pg )
        return -EINVAL;
    if ( !(pg->type_info & PGT_pinned) )
    {
        put_page(pg);
        return -EINVAL;
    }
    pg->type_info &= ~PGT_pinned;
    put_table_ref(pg);
    put_page(pg);
    return 0;
}

/* CLEAR_PAGE / COPY_PAGE: the destination must be plain writable RAM. */
static int copy_or_clear(struct domain *pg_owner, mfn_t dst, mfn_t src,
                         bool copy)
{
    struct page_info *sp = NULL, *dp;

    if ( copy && !(sp = get_page_from_mfn(src, pg_owner)) )
        return -EINVAL;
    dp = get_page_from_mfn(dst, pg_owner);
    if ( !dp || get_page_type(dp, PGT_writable_page) )
    {
        if ( dp )
            put_page(dp);
        if ( sp )
            put_page(sp);
        return -EINVAL;
    }
    if ( copy )
        memcpy(frame_va(dst), frame_va(src), PAGE_SIZE);
    else
        memset(frame_va(dst), 0, PAGE_SIZE);
    put_page_and_type(dp);
    if ( sp )
        put_page(sp);
    return 0;
}

/* The descriptor-table code loads the LDT; weak until it does. */
void __attribute__((weak)) pv_load_ldt(struct vcpu *v)
{
}

static int set_ldt(struct vcpu *v, unsigned long ptr, unsigned int ents)
{
    if ( !ents )
        ptr = 0;
    if ( ents > 8192 || (ents && ((ptr & ~PAGE_MASK) || !addr_ok(ptr))) )
        return -EINVAL;
    if ( v->arch.ldt_ents != ents || v->arch.ldt_base != ptr )
    {
        v->arch.ldt_base = ptr;
        v->arch.ldt_ents = ents;
        pv_load_ldt(v);
    }
    return 0;
}

static int mmuext_one(struct vcpu *v, struct domain *pg_owner,
                      const struct mmuext_op *op)
{
    struct domain *d = v->domain;
    bool self = d == pg_owner;
    /*
     * I/O frames are not RAM the directmap necessarily covers: they can
     * be neither tables nor copied.  (Xen lets dom0 pin them; we do not.)
     */
    bool ram_owner = pg_owner != dom_io && pg_owner != dom_xen;

    switch ( op->cmd )
    {
    case MMUEXT_PIN_L1_TABLE:
    case MMUEXT_PIN_L2_TABLE:
    case MMUEXT_PIN_L3_TABLE:
    case MMUEXT_PIN_L4_TABLE:
        if ( !ram_owner )
            return -EINVAL;
        return pin_page(pg_owner, op->arg1.mfn,
                        (unsigned long)(op->cmd - MMUEXT_PIN_L1_TABLE + 1)
                        << PGT_type_shift, true);

    case MMUEXT_UNPIN_TABLE:
        return unpin_page(pg_owner, op->arg1.mfn);

    case MMUEXT_NEW_BASEPTR:
        return self ? new_guest_cr3(v, op->arg1.mfn) : -EPERM;

    case MMUEXT_NEW_USER_BASEPTR:
        return self ? new_guest_user_cr3(v, op->arg1.mfn) : -EPERM;

    case MMUEXT_TLB_FLUSH_LOCAL:
        if ( !self )
            return -EPERM;
        mm_flush_local();
        return 0;

    case MMUEXT_TLB_FLUSH_ALL:
        if ( !self )
            return -EPERM;
        mm_flush_all();
        return 0;

    case MMUEXT_INVLPG_LOCAL:
    case MMUEXT_INVLPG_ALL:
        if ( !self )
            return -EPERM;
        if ( !addr_ok(op->arg1.linear_addr) )
            return 0;
        if ( op->cmd == MMUEXT_INVLPG_LOCAL )
            arch_invlpg_local(op->arg1.linear_addr);
        else
            arch_invlpg(op->arg1.linear_addr);
        return 0;

    case MMUEXT_TLB_FLUSH_MULTI:
    case MMUEXT_INVLPG_MULTI:
        if ( !self )
            return -EPERM;
        if ( vcpumask_check(d, (unsigned long)op->arg2.vcpumask.p) )
            return -EINVAL;
        if ( op->cmd == MMUEXT_TLB_FLUSH_MULTI )
            mm_flush_all();
        else if ( addr_ok(op->arg1.linear_addr) )
            arch_invlpg(op->arg1.linear_addr);
        return 0;

    case MMUEXT_FLUSH_CACHE:
        if ( !self )
            return -EPERM;
        if ( !d->is_privileged )
            return -EACCES;
        asm volatile ( "wbinvd" ::: "memory" );
        return 0;

    case MMUEXT_FLUSH_CACHE_GLOBAL:
        if ( !self )
            return -EPERM;
        if ( !d->is_privileged )
            return -EINVAL;
        asm volatile ( "wbinvd" ::: "memory" );
        return 0;

    case MMUEXT_SET_LDT:
        return self ? set_ldt(v, op->arg1.linear_addr, op->arg2.nr_ents)
                    : -EPERM;

    case MMUEXT_CLEAR_PAGE:
        if ( !ram_owner )
            return -EINVAL;
        return copy_or_clear(pg_owner, op->arg1.mfn, 0, false);

    case MMUEXT_COPY_PAGE:
        if ( !ram_owner )
            return -EINVAL;
        return copy_or_clear(pg_owner, op->arg1.mfn, op->arg2.src_mfn, true);

    case MMUEXT_MARK_SUPER:
    case MMUEXT_UNMARK_SUPER:
        return -EOPNOTSUPP;

    default:
        return -ENOSYS;
    }
}

long do_mmuext_op(guest_va_t uops, unsigned int count, guest_va_t pdone,
                  unsigned int foreigndom)
{
    struct vcpu *v = current_vcpu();
    struct domain *pg_owner;
    unsigned int i, done = 0;
    long rc = 0;

    if ( finish_deferred(v, NULL) )
        return hypercall_continue(__HYPERVISOR_mmuext_op, uops, count, pdone,
                                  foreigndom);
    if ( count == MMU_UPDATE_PREEMPTED && !uops )
        return (int)foreigndom;
    if ( count & MMU_UPDATE_PREEMPTED )
    {
        count &= ~MMU_UPDATE_PREEMPTED;
        if ( pdone )
            copy_from_guest(&done, pdone, sizeof(done));
    }
    if ( !handle_okay(uops) )
        return -EFAULT;
    pg_owner = get_pg_owner((domid_t)foreigndom);
    if ( !pg_owner )
        return -ESRCH;
    if ( !may_act_on(v->domain, pg_owner) )
        return -EPERM;

    for ( i = 0; i < count; i++ )
    {
        struct mmuext_op op;

        if ( i && (has_deferred(v) || hypercall_preempt_check()) )
        {
            rc = hypercall_continue(__HYPERVISOR_mmuext_op,
                                    uops + i * sizeof(op),
                                    (count - i) | MMU_UPDATE_PREEMPTED,
                                    pdone, foreigndom);
            break;
        }
        if ( copy_from_guest(&op, uops + i * sizeof(op), sizeof(op)) )
        {
            rc = -EFAULT;
            break;
        }
        rc = mmuext_one(v, pg_owner, &op);
        if ( rc == -ERESTART )
        {
            /* Stopped part way: this operation is issued again. */
            rc = hypercall_continue(__HYPERVISOR_mmuext_op,
                                    uops + i * sizeof(op),
                                    (count - i) | MMU_UPDATE_PREEMPTED,
                                    pdone, foreigndom);
            break;
        }
        if ( rc )
            break;
    }
    report_done(pdone, done + i);
    if ( rc <= 0 && has_deferred(v) )
        rc = finish_later(__HYPERVISOR_mmuext_op, rc);
    return rc;
}

pgentry_t *guest_l1e_of(struct vcpu *v, unsigned long va, mfn_t *l1mfn)
{
    pgentry_t e = v->arch.guest_table | _PAGE_PRESENT;
    static const unsigned int shift[] = { 39, 30, 21 };

    if ( !addr_ok(va) || !v->arch.guest_table )
        return NULL;
    for ( unsigned int lvl = 0; lvl < 3; lvl++ )
    {
        pgentry_t *t = frame_va(pte_mfn(e));

        e = t[(va >> shift[lvl]) & 511];
        if ( !pte_present(e) || (lvl && (e & _PAGE_PSE)) ||
             !mfn_valid(pte_mfn(e)) )
            return NULL;
    }
    *l1mfn = pte_mfn(e);
    return (pgentry_t *)frame_va(*l1mfn) + ((va >> 12) & 511);
}

static long update_va_mapping(unsigned long va, uint64_t val,
                              unsigned long flags, struct domain *pg_owner)
{
    struct vcpu *v = current_vcpu();
    struct domain *d = v->domain;
    struct page_info *l1pg = NULL;
    pgentry_t *pl1e;
    mfn_t l1mfn;
    unsigned long bmap;
    long rc = -EINVAL;

    if ( !may_act_on(d, pg_owner) )
        return -EPERM;
    pl1e = guest_l1e_of(v, va, &l1mfn);
    if ( pl1e )
        l1pg = get_page_from_mfn(l1mfn, d);
    if ( !l1pg )
        return -EINVAL;
    if ( page_in_use(l1pg) &&
         (l1pg->type_info & PGT_type_mask) == PGT_l1_page_table )
        rc = mod_l1_entry(pl1e, val, l1mfn, false, d, pg_owner);
    put_page(l1pg);
    if ( rc )
        return rc;

    bmap = flags & ~UVMF_FLUSHTYPE_MASK;
    switch ( flags & UVMF_FLUSHTYPE_MASK )
    {
    case UVMF_TLB_FLUSH:
        if ( bmap == UVMF_LOCAL )
        {
            mm_flush_local();
            break;
        }
        if ( bmap != UVMF_ALL )
            rc = vcpumask_check(d, bmap);
        mm_flush_all();
        break;
    case UVMF_INVLPG:
        if ( bmap == UVMF_LOCAL )
        {
            arch_invlpg_local(va);
            break;
        }
        if ( bmap != UVMF_ALL )
            rc = vcpumask_check(d, bmap);
        arch_invlpg(va);
        break;
    }
    return rc;
}

long do_update_va_mapping(unsigned long va, uint64_t val, unsigned long flags)
{
    return update_va_mapping(va, val, flags, current_vcpu()->domain);
}

long do_update_va_mapping_otherdomain(unsigned long va, uint64_t val,
                                      unsigned long flags, domid_t domid)
{
    struct domain *pg_owner = get_pg_owner(domid);

    if ( !pg_owner )
        return -ESRCH;
    return update_va_mapping(va, val, flags, pg_owner);
}

/* Frames looked at between two checks for preemption. */
#define RELINQUISH_CHUNK 1024

/*
 * One frame of a dying domain, in pass 1 (pins), 2 (tables left partial)
 * or 3 (allocation references).  -ERESTART: the frame's teardown stopped
 * part way; 'again' says whether to come back to this frame.
 */
static int relinquish_frame(struct domain *d, struct page_info *pg,
                            unsigned int pass, bool *again)
{
    int rc = 0;

    *again = false;
    if ( page_get_owner(pg) != d || (pg->count_info & PGC_xen_heap) )
        return 0;
    switch ( pass )
    {
    case 1:
        if ( !(pg->type_info & PGT_pinned) )
            break;
        pg->type_info &= ~PGT_pinned;
        /* Stopped: the table is partial on its own, for pass 2. */
        rc = put_page_type_preemptible(pg);
        put_page(pg);
        break;
    case 2:
        if ( !(pg->type_info & PGT_partial) || !get_page(pg, d) )
            break;
        rc = put_partial_ref(pg, true);
        if ( rc )
        {
            put_page(pg);
            *again = true;
        }
        break;
    case 3:
        put_page_alloc_ref(pg);
        break;
    }
    return rc;
}

/*
 * The domain's memory, in steps that each may stop (-ERESTART, for
 * destroydomain to continue): first what its VCPUs left for later, then
 * its pins (unpinning a top-level table devalidates it and so drops what
 * its entries hold), then tables left partial by an abandoned (de)
 * validation, then the allocation references.  A frame someone else still
 * maps stays, owned by the dead domain, until that mapping goes.
 */
int mm_relinquish_memory(struct domain *d)
{
    struct arch_domain *a = &d->arch;

    if ( a->relinquish_pass == 0 )
    {
        if ( finish_deferred(NULL, d) )
            return -ERESTART;
        a->relinquish_pass = 1;
        a->relinquish_next = 0;
    }
    for ( ; a->relinquish_pass <= 3; a->relinquish_pass++ )
    {
        for ( mfn_t mfn = a->relinquish_next; mfn < max_page; mfn++ )
        {
            bool again;

            if ( mfn != a->relinquish_next && !(mfn % RELINQUISH_CHUNK) &&
                 hypercall_preempt_check() )
            {
                a->relinquish_next = mfn;
                mm_flush_if_stale();
                return -ERESTART;
            }
            if ( relinquish_frame(d, mfn_to_page(mfn), a->relinquish_pass,
                                  &again) )
            {
                a->relinquish_next = again ? mfn : mfn + 1;
                mm_flush_if_stale();
                return -ERESTART;
            }
        }
        a->relinquish_next = 0;
    }
    mm_flush_if_stale();
    return 0;
}
