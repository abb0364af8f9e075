/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels: ports, their bindings and the event_channel_op hypercall.
 * How an event shows up in guest memory is the port ops' job (event_2l.c).
 *
 * Port states:   FREE -> UNBOUND | INTERDOMAIN | VIRQ | IPI -> FREE (close)
 *                UNBOUND -> INTERDOMAIN (the remote binds to it)
 *                INTERDOMAIN -> UNBOUND (the peer closes its end)
 * Port 0 stays RESERVED: guests use 0 to mean "no port".
 *
 * Invariants: both ends of an interdomain pair are INTERDOMAIN and name
 * each other; a VIRQ port is the one recorded in virq_to_evtchn[] of its
 * VCPU (VCPU 0 for global VIRQs); notify_vcpu_id names an existing VCPU;
 * ports [0, valid_ports) have storage, and valid_ports only grows until
 * evtchn_destroy().
 *
 * Locking: each domain's evtchn.lock guards its ports, its VCPUs'
 * virq_to_evtchn[] and valid_ports.  It is taken with interrupts off,
 * since VIRQs are raised from interrupt handlers.  An operation on two
 * domains takes the lower domain id's lock first.  Under these locks we
 * call into the page allocator and vcpu_kick(), never the other way.
 * A send on an interdomain port holds only the sender's lock: the pair
 * cannot come apart meanwhile (closing takes both locks), the pending bits
 * are atomic, and a bind_vcpu racing on the peer only decides which of its
 * VCPUs hears the event.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/page-alloc.h>
#include <asm/page.h>
#include "event_channel.h"

/*
 * Ports come into existence in groups of this many, as Xen's buckets do:
 * guests see it, as ports past the last group answer -EINVAL, not closed.
 */
#define EVTCHN_GROUP 64

/* --- ports ------------------------------------------------------------ */

static struct evtchn *port_to_evtchn(const struct domain *d,
                                     evtchn_port_t port)
{
    return &d->evtchn.page[port / EVTCHN_PORTS_PER_PAGE]
                          [port % EVTCHN_PORTS_PER_PAGE];
}

static struct evtchn *evtchn_lookup(const struct domain *d,
                                    evtchn_port_t port)
{
    return port < d->evtchn.valid_ports ? port_to_evtchn(d, port) : NULL;
}

/* Bound by a guest, as opposed to free or reserved. */
static bool evtchn_in_use(const struct evtchn *chn)
{
    return chn->state > ECS_RESERVED;
}

/* Give ports up to 'port' storage, a group at a time. */
static int evtchn_extend(struct domain *d, evtchn_port_t port)
{
    struct evtchn_domain *ed = &d->evtchn;

    while ( port >= ed->valid_ports )
    {
        unsigned int first = ed->valid_ports;
        struct evtchn **page = &ed->page[first / EVTCHN_PORTS_PER_PAGE];

        if ( !*page )
        {
            paddr_t pa = alloc_zeroed_page();

            if ( !pa )
                return -ENOMEM;
            *page = maddr_to_virt(pa);
        }
        for ( unsigned int p = first; p < first + EVTCHN_GROUP; p++ )
            port_to_evtchn(d, p)->port = p;
        ed->valid_ports = first + EVTCHN_GROUP;
    }
    return 0;
}

/* 0 if 'port' is free to bind (making it exist if needed), or why not. */
static int evtchn_allocate_port(struct domain *d, evtchn_port_t port)
{
    struct evtchn_domain *ed = &d->evtchn;

    if ( port > ed->max_port || port >= ed->ops->max_ports )
        return -ENOSPC;
    if ( port < ed->valid_ports )
        return port_to_evtchn(d, port)->state == ECS_FREE ? 0 : -EBUSY;
    return evtchn_extend(d, port);
}

/* The lowest free port, or an error. */
static int evtchn_get_free_port(struct domain *d)
{
    if ( d->evtchn.closed || d->state == DOMAIN_DYING )
        return -EINVAL;

    for ( evtchn_port_t port = 0; port <= d->evtchn.max_port; port++ )
    {
        int rc = evtchn_allocate_port(d, port);

        if ( rc == 0 )
            return port;
        if ( rc != -EBUSY )
            return rc;
    }
    return -ENOSPC;
}

static void evtchn_free(struct domain *d, struct evtchn *chn)
{
    /* A stale pending bit would fire as soon as the port is reused. */
    d->evtchn.ops->clear_pending(d, chn);
    chn->state = ECS_FREE;
    chn->notify_vcpu_id = 0;
    chn->virq = 0;
    chn->remote_domid = 0;
    chn->remote_port = 0;
    chn->remote_dom = NULL;
}

/* --- domains, VCPUs and locks ----------------------------------------- */

static struct vcpu *domain_vcpu(const struct domain *d, unsigned int id)
{
    if ( id >= d->max_vcpus || id >= ARRAY_SIZE(d->vcpu) )
        return NULL;
    return d->vcpu[id];
}

static struct domain *evtchn_get_domain(struct domain *caller, domid_t id)
{
    return id == DOMID_SELF ? caller : domain_lookup(id);
}

/*
 * Xen's default policy: a domain acts on itself, the control domain on
 * any domain.
 */
static bool evtchn_may_control(const struct domain *caller,
                               const struct domain *d)
{
    return caller == d || caller->is_privileged;
}

static unsigned long evtchn_lock(struct domain *d)
{
    unsigned long flags;

    spin_lock_irqsave(&d->evtchn.lock, flags);
    return flags;
}

static void evtchn_unlock(struct domain *d, unsigned long flags)
{
    spin_unlock_irqrestore(&d->evtchn.lock, flags);
}

/* Both domains' locks, lower id first; a and b may be the same. */
static unsigned long evtchn_lock_two(struct domain *a, struct domain *b)
{
    unsigned long flags;

    if ( a->domain_id > b->domain_id )
    {
        struct domain *t = a;

        a = b;
        b = t;
    }
    flags = evtchn_lock(a);
    if ( b != a )
        spin_lock(&b->evtchn.lock);
    return flags;
}

static void evtchn_unlock_two(struct domain *a, struct domain *b,
                              unsigned long flags)
{
    /* Whichever goes first, interrupts come back with the last one. */
    if ( b != a )
        spin_unlock(&b->evtchn.lock);
    evtchn_unlock(a, flags);
}

/* --- delivery --------------------------------------------------------- */

void evtchn_mark_vcpu_pending(struct vcpu *v)
{
    if ( !__atomic_exchange_n(&v->vcpu_info->evtchn_upcall_pending, 1,
                              __ATOMIC_SEQ_CST) )
        vcpu_kick(v);
}

/*
 * Wake VCPUs of d polling for this port (or any).  Pairs with
 * evtchn_poll_begin(): the pending bit was set with a full barrier before
 * we look at poll_port, the poller set poll_port before it looks at the
 * pending bits, so one of the two sees the other.
 */
static void evtchn_check_pollers(struct domain *d, evtchn_port_t port)
{
    for ( unsigned int i = 0; i < d->max_vcpus && i < ARRAY_SIZE(d->vcpu);
          i++ )
    {
        struct vcpu *v = d->vcpu[i];
        int want;

        if ( !v )
            continue;
        want = __atomic_load_n(&v->evtchn.poll_port, __ATOMIC_SEQ_CST);
        if ( want == EVTCHN_POLL_NONE ||
             (want != EVTCHN_POLL_ANY && want != (int)port) )
            continue;
        /* Only one waker kicks; the poller may also be giving up. */
        if ( __atomic_compare_exchange_n(&v->evtchn.poll_port, &want,
                                         EVTCHN_POLL_NONE, false,
                                         __ATOMIC_SEQ_CST,
                                         __ATOMIC_RELAXED) )
            vcpu_kick(v);
    }
}

static void evtchn_set_pending(struct domain *d, unsigned int vcpu_id,
                               struct evtchn *chn)
{
    if ( d->evtchn.ops->set_pending(d->vcpu[vcpu_id], chn) )
        evtchn_check_pollers(d, chn->port);
}

void evtchn_poll_begin(struct vcpu *v, int port)
{
    __atomic_store_n(&v->evtchn.poll_port, port, __ATOMIC_SEQ_CST);
}

bool evtchn_poll_end(struct vcpu *v)
{
    return __atomic_exchange_n(&v->evtchn.poll_port, EVTCHN_POLL_NONE,
                               __ATOMIC_SEQ_CST) != EVTCHN_POLL_NONE;
}

int evtchn_port_poll(struct domain *d, evtchn_port_t port)
{
    unsigned long flags = evtchn_lock(d);
    struct evtchn *chn = evtchn_lookup(d, port);
    int rc = -EINVAL;

    if ( chn && evtchn_in_use(chn) )
        rc = d->evtchn.ops->is_pending(d, chn);
    evtchn_unlock(d, flags);
    return rc;
}

/* --- VIRQs ------------------------------------------------------------ */

bool virq_is_global(unsigned int virq)
{
    switch ( virq )
    {
    case VIRQ_TIMER:
    case VIRQ_DEBUG:
    case VIRQ_XENOPROF:
    case VIRQ_XENPMU:
        return false;
    }
    /* Everything else, the x86 VIRQ_ARCH_* included, is per domain. */
    return true;
}

void send_guest_vcpu_virq(struct vcpu *v, unsigned int virq)
{
    struct domain *d = v->domain;
    unsigned long flags;
    evtchn_port_t port;

    if ( virq >= NR_VIRQS || virq_is_global(virq) )
        return;

    flags = evtchn_lock(d);
    port = v->evtchn.virq_to_evtchn[virq];
    if ( port )
        evtchn_set_pending(d, v->vcpu_id, port_to_evtchn(d, port));
    evtchn_unlock(d, flags);
}

void send_guest_global_virq(struct domain *d, unsigned int virq)
{
    unsigned long flags;
    evtchn_port_t port;

    if ( !d || !d->vcpu[0] || virq >= NR_VIRQS || !virq_is_global(virq) )
        return;

    flags = evtchn_lock(d);
    port = d->vcpu[0]->evtchn.virq_to_evtchn[virq];
    if ( port )
    {
        struct evtchn *chn = port_to_evtchn(d, port);

        evtchn_set_pending(d, chn->notify_vcpu_id, chn);
    }
    evtchn_unlock(d, flags);
}

void send_global_virq(unsigned int virq)
{
    send_guest_global_virq(hardware_domain, virq);
}

/* --- the operations --------------------------------------------------- */

int evtchn_alloc_unbound(struct domain *caller,
                         struct evtchn_alloc_unbound *alloc)
{
    struct domain *d = evtchn_get_domain(caller, alloc->dom);
    struct evtchn *chn;
    unsigned long flags;
    int rc;

    if ( !d )
        return -ESRCH;

    flags = evtchn_lock(d);
    rc = evtchn_get_free_port(d);
    if ( rc < 0 )
        goto out;
    /* Checked after allocating, as Xen does: the port stays free. */
    if ( !evtchn_may_control(caller, d) )
    {
        rc = -EPERM;
        goto out;
    }

    chn = port_to_evtchn(d, rc);
    chn->state = ECS_UNBOUND;
    /* The remote need not exist yet; binding checks it. */
    chn->remote_domid = alloc->remote_dom == DOMID_SELF ? caller->domain_id
                                                        : alloc->remote_dom;
    alloc->port = chn->port;
    rc = 0;
 out:
    evtchn_unlock(d, flags);
    return rc;
}

int evtchn_bind_interdomain(struct domain *ld,
                            struct evtchn_bind_interdomain *bind)
{
    struct domain *rd = evtchn_get_domain(ld, bind->remote_dom);
    struct evtchn *lchn, *rchn;
    unsigned long flags;
    int rc;

    if ( !rd )
        return -ESRCH;

    flags = evtchn_lock_two(ld, rd);
    rc = evtchn_get_free_port(ld);
    if ( rc < 0 )
        goto out;
    lchn = port_to_evtchn(ld, rc);

    rchn = evtchn_lookup(rd, bind->remote_port);
    if ( !rchn || rchn->state != ECS_UNBOUND ||
         rchn->remote_domid != ld->domain_id )
    {
        rc = -EINVAL;
        goto out;
    }

    lchn->state = ECS_INTERDOMAIN;
    lchn->remote_dom = rd;
    lchn->remote_port = rchn->port;
    rchn->state = ECS_INTERDOMAIN;
    rchn->remote_dom = ld;
    rchn->remote_port = lchn->port;

    /*
     * The remote may have signalled while its port was still unbound, and
     * that event went nowhere; a spurious event is harmless, a lost one
     * is not.
     */
    evtchn_set_pending(ld, lchn->notify_vcpu_id, lchn);

    bind->local_port = lchn->port;
    rc = 0;
 out:
    evtchn_unlock_two(ld, rd, flags);
    return rc;
}

int evtchn_bind_virq(struct domain *d, struct evtchn_bind_virq *bind)
{
    unsigned int virq = bind->virq;
    struct evtchn *chn;
    struct vcpu *v;
    unsigned long flags;
    int rc;

    if ( virq >= NR_VIRQS )
        return -EINVAL;
    if ( virq_is_global(virq) && bind->vcpu != 0 )
        return -EINVAL;
    v = domain_vcpu(d, bind->vcpu);
    if ( !v )
        return -ENOENT;

    flags = evtchn_lock(d);
    if ( v->evtchn.virq_to_evtchn[virq] )
    {
        rc = -EEXIST;
        goto out;
    }
    rc = evtchn_get_free_port(d);
    if ( rc < 0 )
        goto out;

    chn = port_to_evtchn(d, rc);
    chn->state = ECS_VIRQ;
    chn->notify_vcpu_id = v->vcpu_id;
    chn->virq = virq;
    v->evtchn.virq_to_evtchn[virq] = chn->port;
    bind->port = chn->port;
    rc = 0;
 out:
    evtchn_unlock(d, flags);
    return rc;
}

int evtchn_bind_ipi(struct domain *d, struct evtchn_bind_ipi *bind)
{
    struct vcpu *v = domain_vcpu(d, bind->vcpu);
    struct evtchn *chn;
    unsigned long flags;
    int rc;

    if ( !v )
        return -ENOENT;

    flags = evtchn_lock(d);
    rc = evtchn_get_free_port(d);
    if ( rc >= 0 )
    {
        chn = port_to_evtchn(d, rc);
        chn->state = ECS_IPI;
        chn->notify_vcpu_id = v->vcpu_id;
        bind->port = chn->port;
        rc = 0;
    }
    evtchn_unlock(d, flags);
    return rc;
}

int evtchn_close(struct domain *d1, evtchn_port_t port1)
{
    struct domain *d2 = NULL;
    struct evtchn *chn1, *chn2;
    unsigned long flags;
    int rc = 0;

    flags = evtchn_lock(d1);
 again:
    chn1 = evtchn_lookup(d1, port1);
    if ( !chn1 )
    {
        rc = -EINVAL;
        goto out;
    }

    switch ( chn1->state )
    {
    case ECS_FREE:
    case ECS_RESERVED:
        rc = -EINVAL;
        goto out;

    case ECS_UNBOUND:
    case ECS_IPI:
        break;

    case ECS_VIRQ:
    {
        unsigned int vcpu = virq_is_global(chn1->virq)
                            ? 0 : chn1->notify_vcpu_id;

        d1->vcpu[vcpu]->evtchn.virq_to_evtchn[chn1->virq] = 0;
        break;
    }

    case ECS_INTERDOMAIN:
        if ( !d2 )
        {
            d2 = chn1->remote_dom;
            if ( d2 != d1 )
            {
                /* Retake the locks in order; the port may change. */
                evtchn_unlock(d1, flags);
                flags = evtchn_lock_two(d1, d2);
                goto again;
            }
        }
        else if ( chn1->remote_dom != d2 )
        {
            /*
             * Closed and bound to someone else while unlocked: report what
             * the close in between would have seen.
             */
            rc = -EINVAL;
            goto out;
        }

        chn2 = port_to_evtchn(d2, chn1->remote_port);
        evtchn_free(d1, chn1);
        chn2->state = ECS_UNBOUND;
        chn2->remote_domid = d1->domain_id;
        chn2->remote_port = 0;
        chn2->remote_dom = NULL;
        goto out;
    }

    evtchn_free(d1, chn1);
 out:
    if ( d2 && d2 != d1 )
        evtchn_unlock_two(d1, d2, flags);
    else
        evtchn_unlock(d1, flags);
    return rc;
}

int evtchn_send(struct domain *ld, evtchn_port_t lport)
{
    struct evtchn *lchn;
    unsigned long flags;
    int rc = 0;

    flags = evtchn_lock(ld);
    lchn = evtchn_lookup(ld, lport);
    if ( !lchn )
    {
        rc = -EINVAL;
        goto out;
    }

    switch ( lchn->state )
    {
    case ECS_INTERDOMAIN:
    {
        struct domain *rd = lchn->remote_dom;
        struct evtchn *rchn = port_to_evtchn(rd, lchn->remote_port);

        evtchn_set_pending(rd, __atomic_load_n(&rchn->notify_vcpu_id,
                                               __ATOMIC_RELAXED), rchn);
        break;
    }
    case ECS_IPI:
        evtchn_set_pending(ld, lchn->notify_vcpu_id, lchn);
        break;
    case ECS_UNBOUND:
        /* Nobody listens yet: dropped, and not an error. */
        break;
    default:
        rc = -EINVAL;
    }
 out:
    evtchn_unlock(ld, flags);
    return rc;
}

int evtchn_status(struct domain *caller, struct evtchn_status *status)
{
    struct domain *d = evtchn_get_domain(caller, status->dom);
    struct evtchn *chn;
    unsigned long flags;
    int rc = 0;

    if ( !d )
        return -ESRCH;

    flags = evtchn_lock(d);
    /* A port out of range is reported before the permission check. */
    chn = evtchn_lookup(d, status->port);
    if ( !chn )
    {
        rc = -EINVAL;
        goto out;
    }
    if ( !evtchn_may_control(caller, d) )
    {
        rc = -EPERM;
        goto out;
    }

    switch ( chn->state )
    {
    case ECS_FREE:
    case ECS_RESERVED:
        status->status = EVTCHNSTAT_closed;
        break;
    case ECS_UNBOUND:
        status->status = EVTCHNSTAT_unbound;
        status->u.unbound.dom = chn->remote_domid;
        break;
    case ECS_INTERDOMAIN:
        status->status = EVTCHNSTAT_interdomain;
        status->u.interdomain.dom = chn->remote_dom->domain_id;
        status->u.interdomain.port = chn->remote_port;
        break;
    case ECS_VIRQ:
        status->status = EVTCHNSTAT_virq;
        status->u.virq = chn->virq;
        break;
    case ECS_IPI:
        status->status = EVTCHNSTAT_ipi;
        break;
    }
    status->vcpu = chn->notify_vcpu_id;
 out:
    evtchn_unlock(d, flags);
    return rc;
}

int evtchn_bind_vcpu(struct domain *d, evtchn_port_t port,
                     unsigned int vcpu_id)
{
    struct vcpu *v = domain_vcpu(d, vcpu_id);
    struct evtchn *chn;
    unsigned long flags;
    int rc = 0;

    if ( !v )
        return -ENOENT;

    flags = evtchn_lock(d);
    chn = evtchn_lookup(d, port);
    if ( !chn )
        rc = -EINVAL;
    else if ( chn->state == ECS_UNBOUND || chn->state == ECS_INTERDOMAIN ||
              (chn->state == ECS_VIRQ && virq_is_global(chn->virq)) )
        /* An event already pending stays with the old VCPU's selector. */
        __atomic_store_n(&chn->notify_vcpu_id, v->vcpu_id, __ATOMIC_RELAXED);
    else
        /* Per-VCPU VIRQs and IPIs are tied to their VCPU. */
        rc = -EINVAL;
    evtchn_unlock(d, flags);
    return rc;
}

int evtchn_unmask(struct domain *d, evtchn_port_t port)
{
    unsigned long flags = evtchn_lock(d);
    struct evtchn *chn = evtchn_lookup(d, port);
    int rc = 0;

    /* Like Xen, a port in range but not in use keeps its mask bit. */
    if ( !chn )
        rc = -EINVAL;
    else if ( evtchn_in_use(chn) )
        d->evtchn.ops->unmask(d, chn);
    evtchn_unlock(d, flags);
    return rc;
}

int evtchn_reset(struct domain *caller, struct domain *d, bool resuming)
{
    if ( !evtchn_may_control(caller, d) )
        return -EPERM;
    /* Another domain's ports may only vanish while it cannot use them. */
    if ( d != caller && !domain_controller_paused(d) )
        return -EINVAL;
    /* A reset never stops half-way here, so there is none to resume. */
    if ( resuming )
        return -EBUSY;

    for ( evtchn_port_t port = 1;
          port < __atomic_load_n(&d->evtchn.valid_ports, __ATOMIC_RELAXED);
          port++ )
        evtchn_close(d, port);
    return 0;
}

/* --- a domain's life -------------------------------------------------- */

int evtchn_init(struct domain *d, unsigned int max_port)
{
    struct evtchn_domain *ed = &d->evtchn;
    int rc;

    memset(ed, 0, sizeof(*ed));
    spin_lock_init(&ed->lock);
    ed->ops = &evtchn_port_ops_2l;
    /* Port numbers travel as int in places, as in Xen. */
    ed->max_port = MIN(max_port, (unsigned int)INT32_MAX);
    for ( unsigned int i = 0; i < d->max_vcpus && i < ARRAY_SIZE(d->vcpu);
          i++ )
        if ( d->vcpu[i] )
            memset(&d->vcpu[i]->evtchn, 0, sizeof(d->vcpu[i]->evtchn));

    rc = evtchn_extend(d, 0);
    if ( rc )
        return rc;
    port_to_evtchn(d, 0)->state = ECS_RESERVED;
    return 0;
}

void evtchn_destroy(struct domain *d)
{
    struct evtchn_domain *ed = &d->evtchn;
    unsigned long flags;

    flags = evtchn_lock(d);
    ed->closed = true;
    evtchn_unlock(d, flags);

    /* Highest first, as Xen does. */
    for ( evtchn_port_t port = ed->valid_ports; port-- > 1; )
        evtchn_close(d, port);

    /* From here on every port is out of range; nobody uses the pages. */
    flags = evtchn_lock(d);
    ed->valid_ports = 0;
    evtchn_unlock(d, flags);

    for ( unsigned int i = 0; i < EVTCHN_MAX_PAGES; i++ )
        if ( ed->page[i] )
        {
            free_page(virt_to_maddr(ed->page[i]));
            ed->page[i] = NULL;
        }
}

/* --- the hypercall ---------------------------------------------------- */

/* Copy the argument in, run the operation, copy the result back. */
#define EVTCHN_OP_INOUT(type, call)                         \
    do {                                                    \
        struct type op_;                                    \
                                                            \
        if ( copy_from_guest(&op_, arg, sizeof(op_)) )      \
            return -EFAULT;                                 \
        rc = call(cd, &op_);                                \
        if ( !rc && copy_to_guest(arg, &op_, sizeof(op_)) ) \
            rc = -EFAULT;                                   \
    } while ( 0 )

long do_event_channel_op(int cmd, guest_va_t arg)
{
    struct domain *cd = current_domain();
    long rc;

    switch ( cmd )
    {
    case EVTCHNOP_alloc_unbound:
        EVTCHN_OP_INOUT(evtchn_alloc_unbound, evtchn_alloc_unbound);
        break;

    case EVTCHNOP_bind_interdomain:
        EVTCHN_OP_INOUT(evtchn_bind_interdomain, evtchn_bind_interdomain);
        break;

    case EVTCHNOP_bind_virq:
        EVTCHN_OP_INOUT(evtchn_bind_virq, evtchn_bind_virq);
        break;

    case EVTCHNOP_bind_ipi:
        EVTCHN_OP_INOUT(evtchn_bind_ipi, evtchn_bind_ipi);
        break;

    case EVTCHNOP_status:
        EVTCHN_OP_INOUT(evtchn_status, evtchn_status);
        break;

    case EVTCHNOP_bind_pirq:
    {
        struct evtchn_bind_pirq bind;

        if ( copy_from_guest(&bind, arg, sizeof(bind)) )
            return -EFAULT;
        /* No physical IRQ is routed to guests: none is in range. */
        rc = -EINVAL;
        break;
    }

    case EVTCHNOP_close:
    {
        struct evtchn_close close;

        if ( copy_from_guest(&close, arg, sizeof(close)) )
            return -EFAULT;
        rc = evtchn_close(cd, close.port);
        break;
    }

    case EVTCHNOP_send:
    {
        struct evtchn_send send;

        if ( copy_from_guest(&send, arg, sizeof(send)) )
            return -EFAULT;
        rc = evtchn_send(cd, send.port);
        break;
    }

    case EVTCHNOP_bind_vcpu:
    {
        struct evtchn_bind_vcpu bind;

        if ( copy_from_guest(&bind, arg, sizeof(bind)) )
            return -EFAULT;
        rc = evtchn_bind_vcpu(cd, bind.port, bind.vcpu);
        break;
    }

    case EVTCHNOP_unmask:
    {
        struct evtchn_unmask unmask;

        if ( copy_from_guest(&unmask, arg, sizeof(unmask)) )
            return -EFAULT;
        rc = evtchn_unmask(cd, unmask.port);
        break;
    }

    case EVTCHNOP_reset:
    case EVTCHNOP_reset_cont:
    {
        struct evtchn_reset reset;
        struct domain *d;

        if ( copy_from_guest(&reset, arg, sizeof(reset)) )
            return -EFAULT;
        d = evtchn_get_domain(cd, reset.dom);
        if ( !d )
            return -ESRCH;
        rc = evtchn_reset(cd, d, cmd == EVTCHNOP_reset_cont);
        break;
    }

    /*
     * The FIFO ABI is not offered, and Linux then stays on 2-level.  These
     * are the answers of a Xen built without FIFO (init_control) and of
     * Xen 4.17 to a domain still on 2-level (expand_array, set_priority).
     */
    case EVTCHNOP_init_control:
    {
        struct evtchn_init_control init;

        if ( copy_from_guest(&init, arg, sizeof(init)) )
            return -EFAULT;
        rc = -EOPNOTSUPP;
        break;
    }

    case EVTCHNOP_expand_array:
    {
        struct evtchn_expand_array expand;

        if ( copy_from_guest(&expand, arg, sizeof(expand)) )
            return -EFAULT;
        rc = -EOPNOTSUPP;
        break;
    }

    case EVTCHNOP_set_priority:
    {
        struct evtchn_set_priority prio;
        unsigned long flags;

        if ( copy_from_guest(&prio, arg, sizeof(prio)) )
            return -EFAULT;
        flags = evtchn_lock(cd);
        rc = evtchn_lookup(cd, prio.port) ? -ENOSYS : -EINVAL;
        evtchn_unlock(cd, flags);
        break;
    }

    default:
        rc = -ENOSYS;
        break;
    }

    return rc;
}

/*
 * Stand-ins until the scheduler and domctl provide these: with one VCPU
 * per CPU, a VCPU sees new events on its next way back into the guest or
 * out of its halt, and no domain is paused by a toolstack yet.
 */
__attribute__((weak)) void vcpu_kick(struct vcpu *v)
{
    (void)v;
}

__attribute__((weak)) bool domain_controller_paused(const struct domain *d)
{
    (void)d;
    return false;
}
