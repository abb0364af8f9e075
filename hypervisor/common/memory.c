/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_memory_op: a domain's reservation (ballooning out and in,
 * populating its physmap, exchanging frames for others) and the queries
 * about it.  Non-translated (PV) guests name frames by MFN when giving
 * them back and get MFNs for what they receive; the M2P follows.
 *
 * Reservation commands answer with the number of extents done, so a
 * failure shows as a short count, never as an error code.  Frames given
 * back return to the free pool, scrubbed, once nothing maps them.  Long
 * requests continue: the reservations with the next extent in the upper
 * bits of cmd, an exchange through its nr_exchanged.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/hypercall.h>
#include <hv/continuation.h>
#include <hv/mm.h>
#include <public/memory.h>

#define MEMOP_EXTENT_SHIFT  6
#define MEMOP_CMD_MASK      ((1UL << MEMOP_EXTENT_SHIFT) - 1)

/* Largest extent a domain may ask for (Xen's defaults on x86). */
#define DOMU_MAX_ORDER      9
#define CTLDOM_MAX_ORDER    18

/* The NUMA nodes Xen 4.17 knows of on x86 (NODES_SHIFT 6). */
#define MAX_NUMNODES        64

struct memop_args
{
    struct domain *d;
    guest_va_t list;            /* extent_start */
    unsigned long nr_extents;
    unsigned int order;
    unsigned int addr_bits;     /* 0: anywhere */
    bool pod;                   /* XENMEMF_populate_on_demand */
    unsigned long nr_done;
    bool preempted;             /* stopped before nr_extents: continue */
};

static unsigned int max_order(const struct domain *d)
{
    return d->is_privileged ? CTLDOM_MAX_ORDER : DOMU_MAX_ORDER;
}

/* Xen's guest_handle_subrange_okay(): where the range starts, and size. */
static bool list_okay(guest_va_t list, unsigned long first,
                      unsigned long last)
{
    guest_va_t start = list + first * sizeof(xen_pfn_t);
    unsigned long count = last - first + 1;

    return !(count >> 32) &&
           (start < (1UL << 47) || start >= 0xffff880000000000UL);
}

/* DOMID_SELF or any existing domain (the caller's own id included). */
static struct domain *domain_by_any_id(domid_t domid)
{
    struct domain *curr = current_vcpu()->domain;

    return domid == DOMID_SELF ? curr : domain_lookup(domid);
}

static bool may_control(const struct domain *d)
{
    struct domain *curr = current_vcpu()->domain;

    return d == curr || curr->is_privileged;
}

static unsigned int order_of_pages(unsigned long pages)
{
    unsigned int order = 0;

    while ( (1UL << order) < pages )
        order++;
    return order;
}

static bool node_ok(unsigned int flags)
{
    unsigned int node = XENMEMF_get_node(flags);
    const struct domain *curr = current_vcpu()->domain;

    if ( node == 0xff )
        return true;
    if ( curr->is_privileged )
        return node < MAX_NUMNODES;
    return !(flags & XENMEMF_exact_node_request);
}

static int memop_from_reservation(const struct xen_memory_reservation *r,
                                  struct memop_args *a)
{
    unsigned int bits = XENMEMF_get_address_bits(r->mem_flags);

    a->list = (unsigned long)r->extent_start.p;
    a->nr_extents = r->nr_extents;
    a->order = r->extent_order;
    a->addr_bits = 0;
    /* A limit above all RAM is no limit. */
    if ( bits && bits < order_of_pages(max_page) + PAGE_SHIFT )
    {
        if ( bits <= PAGE_SHIFT )
            return -EINVAL;
        a->addr_bits = bits;
    }
    if ( r->mem_flags & XENMEMF_vnode )
        return 0;
    return node_ok(r->mem_flags) ? 0 : -EINVAL;
}

static void increase_reservation(struct memop_args *a)
{
    unsigned long i;

    if ( (a->list && !list_okay(a->list, a->nr_done, a->nr_extents - 1)) ||
         a->order > max_order(current_vcpu()->domain) )
        return;
    for ( i = a->nr_done; i < a->nr_extents; i++ )
    {
        struct page_info *pg;
        xen_pfn_t mfn;

        if ( i != a->nr_done && hypercall_preempt_check() )
        {
            a->preempted = true;
            break;
        }
        pg = alloc_domheap_pages(a->d, a->order, a->addr_bits);
        if ( !pg )
            break;
        mfn = page_to_mfn(pg);
        if ( a->list && copy_to_guest(a->list + i * sizeof(mfn), &mfn,
                                      sizeof(mfn)) )
            break;
    }
    a->nr_done = i;
}

static void populate_physmap(struct memop_args *a)
{
    struct domain *curr = current_vcpu()->domain;
    unsigned long i;

    if ( !list_okay(a->list, a->nr_done, a->nr_extents - 1) ||
         a->order > (a->pod ? 20 : max_order(curr)) )
        return;
    for ( i = a->nr_done; i < a->nr_extents; i++ )
    {
        struct page_info *pg;
        xen_pfn_t gpfn, mfn;

        if ( i != a->nr_done && hypercall_preempt_check() )
        {
            a->preempted = true;
            break;
        }
        if ( copy_from_guest(&gpfn, a->list + i * sizeof(gpfn),
                             sizeof(gpfn)) )
            break;
        if ( a->pod )
        {
            /* Populate-on-demand is for translated guests only. */
            if ( a->d == curr )
                break;
            continue;
        }
        pg = alloc_domheap_pages(a->d, a->order, a->addr_bits);
        if ( !pg )
            break;
        mfn = page_to_mfn(pg);
        for ( unsigned long j = 0; j < (1UL << a->order); j++ )
            set_gpfn_from_mfn(mfn + j, gpfn + j);
        if ( copy_to_guest(a->list + i * sizeof(mfn), &mfn, sizeof(mfn)) )
            break;
    }
    a->nr_done = i;
}

/* Give back one frame; it is freed once nothing maps it any more. */
static int guest_remove_page(struct domain *d, mfn_t mfn)
{
    struct page_info *pg;

    if ( !mfn_valid(mfn) )
        return -EINVAL;
    pg = mfn_to_page(mfn);
    if ( !get_page(pg, d) )
        return -ENXIO;
    put_page_alloc_ref(pg);
    put_page(pg);
    return 0;
}

static void decrease_reservation(struct memop_args *a)
{
    unsigned long i;

    if ( !list_okay(a->list, a->nr_done, a->nr_extents - 1) ||
         a->order > max_order(current_vcpu()->domain) )
        return;
    for ( i = a->nr_done; i < a->nr_extents; i++ )
    {
        xen_pfn_t gmfn;

        if ( i != a->nr_done && hypercall_preempt_check() )
        {
            a->preempted = true;
            break;
        }
        if ( copy_from_guest(&gmfn, a->list + i * sizeof(gmfn),
                             sizeof(gmfn)) )
            break;
        for ( unsigned long j = 0; j < (1UL << a->order); j++ )
            if ( guest_remove_page(a->d, gmfn + j) )
                goto out;
    }
 out:
    a->nr_done = i;
}

static long reservation_op(unsigned int op, unsigned long start_extent,
                           guest_va_t arg)
{
    struct xen_memory_reservation r;
    struct memop_args a = { 0 };

    if ( copy_from_guest(&r, arg, sizeof(r)) )
        return start_extent;
    /* Too large to encode a continuation, or nothing left. */
    if ( r.nr_extents > (~0U >> MEMOP_EXTENT_SHIFT) ||
         start_extent >= r.nr_extents )
        return start_extent;
    a.d = domain_by_any_id(r.domid);
    if ( !a.d || memop_from_reservation(&r, &a) || !may_control(a.d) )
        return start_extent;
    a.nr_done = start_extent;
    a.pod = op == XENMEM_populate_physmap &&
            (r.mem_flags & XENMEMF_populate_on_demand);

    switch ( op )
    {
    case XENMEM_increase_reservation:
        increase_reservation(&a);
        break;
    case XENMEM_decrease_reservation:
        decrease_reservation(&a);
        break;
    default:
        populate_physmap(&a);
        break;
    }
    if ( a.preempted )
        return hypercall_continue(__HYPERVISOR_memory_op,
                                  op | (a.nr_done << MEMOP_EXTENT_SHIFT),
                                  arg);
    return a.nr_done;
}

/* Put the stolen input frames back where they were. */
static void exchange_undo(struct domain *d, mfn_t *in, unsigned long n)
{
    while ( n-- )
        assign_frames(d, in[n], 1);
}

static int exchange_nr_done(guest_va_t arg, unsigned long n)
{
    return copy_to_guest(arg + offsetof(struct xen_memory_exchange,
                                        nr_exchanged), &n, sizeof(n));
}

/* Largest chunk exchanged at once: 2^CHUNK_MAX frames. */
#define CHUNK_MAX   9

static long memory_exchange(guest_va_t arg)
{
    struct xen_memory_exchange x;
    struct domain *d;
    unsigned long in_chunk, out_chunk, i, addr_bits;
    /* One CPU, continuing only between chunks: no stack needed. */
    static mfn_t in[1UL << CHUNK_MAX];
    static struct page_info *out[1UL << CHUNK_MAX];
    long rc = 0;

    if ( copy_from_guest(&x, arg, sizeof(x)) )
        return -EFAULT;
    if ( MAX(x.in.extent_order, x.out.extent_order) >
         max_order(current_vcpu()->domain) )
    {
        rc = -EPERM;
        goto fail_early;
    }
    if ( x.nr_exchanged > x.in.nr_extents || x.in.domid != x.out.domid ||
         (~0UL >> x.in.extent_order) < x.in.nr_extents ||
         (~0UL >> x.out.extent_order) < x.out.nr_extents ||
         (x.in.nr_extents << x.in.extent_order) !=
         (x.out.nr_extents << x.out.extent_order) )
    {
        rc = -EINVAL;
        goto fail_early;
    }
    if ( x.nr_exchanged == x.in.nr_extents )
        return 0;
    if ( !list_okay((unsigned long)x.in.extent_start.p, x.nr_exchanged,
                    x.in.nr_extents - 1) )
    {
        rc = -EFAULT;
        goto fail_early;
    }
    if ( x.in.extent_order <= x.out.extent_order )
    {
        in_chunk = x.out.extent_order - x.in.extent_order;
        out_chunk = 0;
        if ( !list_okay((unsigned long)x.out.extent_start.p,
                        x.nr_exchanged >> in_chunk, x.out.nr_extents - 1) )
            rc = -EFAULT;
    }
    else
    {
        in_chunk = 0;
        out_chunk = x.in.extent_order - x.out.extent_order;
        if ( !list_okay((unsigned long)x.out.extent_start.p,
                        x.nr_exchanged << out_chunk, x.out.nr_extents - 1) )
            rc = -EFAULT;
    }
    if ( rc )
        goto fail_early;
    if ( !node_ok(x.out.mem_flags) )
    {
        rc = -EINVAL;
        goto fail_early;
    }
    d = domain_by_any_id(x.in.domid);
    if ( !d )
    {
        rc = -ESRCH;
        goto fail_early;
    }
    if ( !may_control(d) )
    {
        rc = -EPERM;
        goto fail_early;
    }
    addr_bits = XENMEMF_get_address_bits(x.out.mem_flags);
    /* One chunk's frames must fit our bookkeeping (Xen's limit is 2^18). */
    if ( x.in.extent_order + in_chunk > CHUNK_MAX )
    {
        rc = -ENOMEM;
        goto fail_early;
    }

    for ( i = x.nr_exchanged >> in_chunk;
          i < (x.in.nr_extents >> in_chunk); i++ )
    {
        unsigned long n = 0, nr_in = 1UL << (x.in.extent_order + in_chunk);
        unsigned long nr_out = 1UL << out_chunk, j;

        /* The guest's nr_exchanged says where the continuation starts. */
        if ( i != (x.nr_exchanged >> in_chunk) && hypercall_preempt_check() )
        {
            if ( exchange_nr_done(arg, i << in_chunk) )
                return -EFAULT;
            return hypercall_continue(__HYPERVISOR_memory_op,
                                      XENMEM_exchange, arg);
        }

        /* Take the chunk's input frames away from the domain. */
        for ( j = 0; j < (1UL << in_chunk); j++ )
        {
            xen_pfn_t gmfn;

            if ( copy_from_guest(&gmfn, (unsigned long)x.in.extent_start.p +
                                 ((i << in_chunk) + j) * sizeof(gmfn),
                                 sizeof(gmfn)) )
            {
                rc = -EFAULT;
                goto fail;
            }
            for ( unsigned long k = 0; k < (1UL << x.in.extent_order); k++ )
            {
                if ( !mfn_valid(gmfn + k) )
                {
                    rc = -EINVAL;
                    goto fail;
                }
                rc = steal_page(d, mfn_to_page(gmfn + k));
                if ( rc )
                    goto fail;
                in[n++] = gmfn + k;
            }
        }

        /* Room in the quota was just made by the stolen frames. */
        for ( j = 0; j < nr_out; j++ )
        {
            out[j] = alloc_domheap_pages(d, x.out.extent_order,
                                         addr_bits ? addr_bits : 0);
            if ( !out[j] )
            {
                while ( j-- > 0 )
                    for ( unsigned long k = 0;
                          k < (1UL << x.out.extent_order); k++ )
                        put_page_alloc_ref(out[j] + k);
                rc = -ENOMEM;
                goto fail;
            }
        }

        /* Past this point the chunk cannot fail. */
        for ( j = 0; j < nr_in; j++ )
            free_unowned_frame(in[j]);
        for ( j = 0; j < nr_out; j++ )
        {
            xen_pfn_t gpfn, mfn = page_to_mfn(out[j]);
            guest_va_t slot = (unsigned long)x.out.extent_start.p +
                              ((i << out_chunk) + j) * sizeof(gpfn);

            if ( copy_from_guest(&gpfn, slot, sizeof(gpfn)) )
            {
                rc = -EFAULT;
                continue;
            }
            for ( unsigned long k = 0; k < (1UL << x.out.extent_order); k++ )
                set_gpfn_from_mfn(mfn + k, gpfn + k);
            if ( copy_to_guest(slot, &mfn, sizeof(mfn)) )
                rc = -EFAULT;
        }
        if ( rc )
        {
            /* Done, but the guest could not be told: report as failed. */
            n = 0;
            goto fail;
        }
        continue;

     fail:
        exchange_undo(d, in, n);
        break;
    }
    x.nr_exchanged = rc ? i << in_chunk : x.in.nr_extents;
    if ( exchange_nr_done(arg, x.nr_exchanged) )
        rc = -EFAULT;
    return rc;

 fail_early:
    if ( exchange_nr_done(arg, x.nr_exchanged) )
        rc = -EFAULT;
    return rc;
}

/* What a PV guest recorded as its P2M size (dom0 and domU tools). */
static long maximum_gpfn(struct domain *d)
{
    unsigned long max_pfn = d->shared_info->arch.max_pfn;

    return (max_pfn ? max_pfn : 1) - 1;
}

long do_memory_op(unsigned long cmd, guest_va_t arg)
{
    unsigned long start_extent = cmd >> MEMOP_EXTENT_SHIFT;
    unsigned int op = cmd & MEMOP_CMD_MASK;
    struct xen_memory_domain md;
    struct domain *d;

    switch ( op )
    {
    case XENMEM_increase_reservation:
    case XENMEM_decrease_reservation:
    case XENMEM_populate_physmap:
        return reservation_op(op, start_extent, arg);

    case XENMEM_exchange:
        if ( start_extent )
            return -EINVAL;
        return memory_exchange(arg);

    case XENMEM_maximum_ram_page:
        if ( start_extent )
            return -EINVAL;
        return max_page;

    case XENMEM_current_reservation:
    case XENMEM_maximum_reservation:
    case XENMEM_maximum_gpfn:
        if ( start_extent )
            return -EINVAL;
        if ( copy_from_guest(&md, arg, sizeof(md)) )
            return -EFAULT;
        d = domain_by_any_id(md.domid);
        if ( !d )
            return -ESRCH;
        if ( !may_control(d) )
            return -EPERM;
        if ( op == XENMEM_current_reservation )
            return d->tot_pages;
        if ( op == XENMEM_maximum_reservation )
            return d->max_pages;
        return maximum_gpfn(d);

    default:
        return arch_memory_op(cmd, arg);
    }
}
