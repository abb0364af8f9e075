/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the 2-level event channels (common/event_channel.c,
 * event_2l.c): every operation's success and errors, and the exact bits a
 * delivery leaves in a fake shared_info, for three domains (0 privileged).
 */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/page-alloc.h>
#include <asm/page.h>
#include <public/event_channel.h>

/* --- the environment event_channel.c expects --------------------------- */

#define NR_DOMS 3

static struct shared_info shinfo[NR_DOMS];
static struct domain doms[NR_DOMS];
static struct vcpu vcpus[NR_DOMS][HV_MAX_VCPUS];
static unsigned int kicks[NR_DOMS][HV_MAX_VCPUS];
static bool paused[NR_DOMS];
static struct vcpu *cur;
struct domain *hardware_domain;

struct vcpu *current_vcpu(void)
{
    return cur;
}

struct domain *domain_lookup(domid_t id)
{
    return id < NR_DOMS && doms[id].shared_info ? &doms[id] : NULL;
}

bool domain_controller_paused(const struct domain *d)
{
    return paused[d->domain_id];
}

void vcpu_kick(struct vcpu *v)
{
    kicks[v->domain->domain_id][v->vcpu_id]++;
}

/* Port pages come from the host heap, named as the directmap names them. */
static int pages_live;
static bool fail_alloc;

paddr_t alloc_zeroed_page(void)
{
    void *p;

    if ( fail_alloc )
        return 0;
    p = aligned_alloc(PAGE_SIZE, PAGE_SIZE);
    if ( !p )
        return 0;
    memset(p, 0, PAGE_SIZE);
    pages_live++;
    return (paddr_t)((uintptr_t)p - DIRECTMAP_VIRT_START);
}

void free_pages(paddr_t pa, unsigned int order)
{
    CU_ASSERT_EQUAL(order, 0);
    free(maddr_to_virt(pa));
    pages_live--;
}

/* Guest memory for the hypercall tests; anything else faults. */
static uint8_t guest_mem[4096];
static bool fail_copy_out;
#define GVA(off) ((guest_va_t)(uintptr_t)(guest_mem + (off)))

static bool in_guest(const void *p, size_t n)
{
    const uint8_t *b = p;

    return b >= guest_mem && n <= sizeof(guest_mem) &&
           b <= guest_mem + sizeof(guest_mem) - n;
}

unsigned long raw_copy_from_guest(void *to, const void *from, size_t n)
{
    if ( !in_guest(from, n) )
        return n;
    memcpy(to, from, n);
    return 0;
}

unsigned long raw_copy_to_guest(void *to, const void *from, size_t n)
{
    if ( fail_copy_out || !in_guest(to, n) )
        return n;
    memcpy(to, from, n);
    return 0;
}

/* --- fixtures and helpers --------------------------------------------- */

static struct domain *const d0 = &doms[0];
static struct domain *const d1 = &doms[1];
static struct domain *const d2 = &doms[2];

static void reset_world(void)
{
    memset(doms, 0, sizeof(doms));
    memset(vcpus, 0, sizeof(vcpus));
    memset(shinfo, 0, sizeof(shinfo));
    memset(kicks, 0, sizeof(kicks));
    memset(paused, 0, sizeof(paused));
    fail_alloc = false;
    fail_copy_out = false;
    for ( unsigned int i = 0; i < NR_DOMS; i++ )
    {
        struct domain *d = &doms[i];

        d->domain_id = i;
        d->is_privileged = i == 0;
        d->state = DOMAIN_RUNNING;
        d->shared_info = &shinfo[i];
        d->max_vcpus = HV_MAX_VCPUS;
        for ( unsigned int j = 0; j < HV_MAX_VCPUS; j++ )
        {
            vcpus[i][j].vcpu_id = j;
            vcpus[i][j].domain = d;
            vcpus[i][j].vcpu_info = &shinfo[i].vcpu_info[j];
            d->vcpu[j] = &vcpus[i][j];
        }
    }
    hardware_domain = d0;
    cur = &vcpus[1][0];
}

static void setup(void)
{
    reset_world();
    for ( unsigned int i = 0; i < NR_DOMS; i++ )
        if ( evtchn_init(&doms[i], UINT_MAX) )
            abort();
}

static void teardown(void)
{
    for ( unsigned int i = 0; i < NR_DOMS; i++ )
    {
        /* Every operation must have let go of its locks. */
        CU_ASSERT_FALSE(spin_is_locked(&doms[i].evtchn.lock));
        evtchn_destroy(&doms[i]);
    }
    CU_ASSERT_EQUAL(pages_live, 0);
}

static void check_unlocked(void)
{
    for ( unsigned int i = 0; i < NR_DOMS; i++ )
        CU_ASSERT_FALSE(spin_is_locked(&doms[i].evtchn.lock));
}

static xen_ulong_t bit(unsigned int nr)
{
    return (xen_ulong_t)1 << (nr % 64);
}

static bool pending(const struct domain *d, unsigned int port)
{
    return d->shared_info->evtchn_pending[port / 64] & bit(port);
}

static bool masked(const struct domain *d, unsigned int port)
{
    return d->shared_info->evtchn_mask[port / 64] & bit(port);
}

static void set_mask(struct domain *d, unsigned int port)
{
    d->shared_info->evtchn_mask[port / 64] |= bit(port);
}

static xen_ulong_t sel(const struct domain *d, unsigned int vcpu)
{
    return d->shared_info->vcpu_info[vcpu].evtchn_pending_sel;
}

static uint8_t upcall(const struct domain *d, unsigned int vcpu)
{
    return d->shared_info->vcpu_info[vcpu].evtchn_upcall_pending;
}

/* What a guest's upcall handler does once it has seen everything. */
static void guest_consume(struct domain *d)
{
    memset(d->shared_info->evtchn_pending, 0,
           sizeof(d->shared_info->evtchn_pending));
    for ( unsigned int i = 0; i < HV_MAX_VCPUS; i++ )
    {
        d->shared_info->vcpu_info[i].evtchn_upcall_pending = 0;
        d->shared_info->vcpu_info[i].evtchn_pending_sel = 0;
    }
    memset(kicks, 0, sizeof(kicks));
}

static int alloc_unbound(struct domain *caller, domid_t dom, domid_t remote)
{
    struct evtchn_alloc_unbound a = { .dom = dom, .remote_dom = remote };
    int rc = evtchn_alloc_unbound(caller, &a);

    return rc ? rc : (int)a.port;
}

static int bind_interdomain(struct domain *ld, domid_t rdom,
                            evtchn_port_t rport)
{
    struct evtchn_bind_interdomain b = {
        .remote_dom = rdom, .remote_port = rport,
    };
    int rc = evtchn_bind_interdomain(ld, &b);

    return rc ? rc : (int)b.local_port;
}

static int bind_virq(struct domain *d, uint32_t virq, uint32_t vcpu)
{
    struct evtchn_bind_virq b = { .virq = virq, .vcpu = vcpu };
    int rc = evtchn_bind_virq(d, &b);

    return rc ? rc : (int)b.port;
}

static int bind_ipi(struct domain *d, uint32_t vcpu)
{
    struct evtchn_bind_ipi b = { .vcpu = vcpu };
    int rc = evtchn_bind_ipi(d, &b);

    return rc ? rc : (int)b.port;
}

static int status(struct domain *caller, domid_t dom, evtchn_port_t port,
                  struct evtchn_status *st)
{
    memset(st, 0xa5, sizeof(*st));
    st->dom = dom;
    st->port = port;
    return evtchn_status(caller, st);
}

/* d1:port <-> d2:port, returned through *p1 and *p2, nothing pending. */
static void connect(struct domain *a, struct domain *b, int *pa, int *pb)
{
    *pb = alloc_unbound(b, DOMID_SELF, a->domain_id);
    CU_ASSERT_FATAL(*pb > 0);
    *pa = bind_interdomain(a, b->domain_id, *pb);
    CU_ASSERT_FATAL(*pa > 0);
    guest_consume(a);
    guest_consume(b);
}

/* --- tests ------------------------------------------------------------ */

static void test_init(void)
{
    struct evtchn_status st;
    struct domain *d = d2;

    /* Port 0 exists, reads as closed and cannot be used. */
    CU_ASSERT_EQUAL(status(d, DOMID_SELF, 0, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_closed);
    CU_ASSERT_EQUAL(st.vcpu, 0);
    CU_ASSERT_EQUAL(evtchn_close(d, 0), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_send(d, 0), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d, 0, 0), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_port_poll(d, 0), -EINVAL);
    /* The first 64 ports exist, the next do not yet. */
    CU_ASSERT_EQUAL(status(d, DOMID_SELF, 63, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_closed);
    CU_ASSERT_EQUAL(status(d, DOMID_SELF, 64, &st), -EINVAL);
    CU_ASSERT_EQUAL(status(d, DOMID_SELF, 4095, &st), -EINVAL);
    CU_ASSERT_EQUAL(status(d, DOMID_SELF, 100000, &st), -EINVAL);
    CU_ASSERT_EQUAL(pages_live, NR_DOMS);

    /* No memory, no event channels. */
    evtchn_destroy(d);
    fail_alloc = true;
    CU_ASSERT_EQUAL(evtchn_init(d, UINT_MAX), -ENOMEM);
    fail_alloc = false;
    CU_ASSERT_EQUAL(evtchn_init(d, UINT_MAX), 0);
    check_unlocked();
}

static void test_alloc_unbound(void)
{
    struct evtchn_status st;

    /* Lowest port first; DOMID_SELF as remote is the caller. */
    CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, DOMID_SELF), 1);
    CU_ASSERT_EQUAL(alloc_unbound(d1, 1, 0), 2);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, 1, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(st.vcpu, 0);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, 2, &st), 0);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 0);

    /* The remote is only recorded; binding checks it. */
    CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 0x1234), 3);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, 3, &st), 0);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 0x1234);

    /* The allocating domain must exist. */
    CU_ASSERT_EQUAL(alloc_unbound(d1, 0x7ff5, 0), -ESRCH);
    CU_ASSERT_EQUAL(alloc_unbound(d1, 7, 0), -ESRCH);

    /* Only the control domain allocates in another domain. */
    CU_ASSERT_EQUAL(alloc_unbound(d1, 2, DOMID_SELF), -EPERM);
    CU_ASSERT_EQUAL(alloc_unbound(d2, DOMID_SELF, 1), 1);
    CU_ASSERT_EQUAL(alloc_unbound(d0, 2, DOMID_SELF), 2);
    CU_ASSERT_EQUAL(status(d2, DOMID_SELF, 2, &st), 0);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 0);   /* DOMID_SELF: the caller */

    /* Closed ports are reused, lowest first. */
    CU_ASSERT_EQUAL(evtchn_close(d1, 2), 0);
    CU_ASSERT_EQUAL(evtchn_close(d1, 1), 0);
    CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 0), 1);
    CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 0), 2);

    /* A dying domain gets no new ports. */
    d2->state = DOMAIN_DYING;
    CU_ASSERT_EQUAL(alloc_unbound(d2, DOMID_SELF, 0), -EINVAL);
    CU_ASSERT_EQUAL(alloc_unbound(d0, 2, 0), -EINVAL);
    CU_ASSERT_EQUAL(bind_ipi(d2, 0), -EINVAL);
    d2->state = DOMAIN_RUNNING;
    check_unlocked();
}

static void test_port_space(void)
{
    struct evtchn_status st;
    int port;

    /* Ports appear 64 at a time, in pages of EVTCHN_PORTS_PER_PAGE. */
    for ( port = 1; port < 64; port++ )
        CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 0), port);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, 64, &st), -EINVAL);
    /* Out of memory: the group does not appear. */
    fail_alloc = true;
    for ( ; port < EVTCHN_PORTS_PER_PAGE; port++ )
        CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 0), port);
    CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 0), -ENOMEM);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, port, &st), -EINVAL);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, port - 1, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    fail_alloc = false;
    CU_ASSERT_EQUAL(pages_live, NR_DOMS);

    /* Up to the 2-level limit of 4096, then no space. */
    for ( ; port < 4096; port++ )
        CU_ASSERT_EQUAL_FATAL(alloc_unbound(d1, DOMID_SELF, 0), port);
    CU_ASSERT_EQUAL(pages_live, NR_DOMS - 1 + EVTCHN_MAX_PAGES);
    CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 0), -ENOSPC);
    CU_ASSERT_EQUAL(bind_ipi(d1, 0), -ENOSPC);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_TIMER, 0), -ENOSPC);
    CU_ASSERT_EQUAL(bind_interdomain(d1, 2, 1), -ENOSPC);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, 4095, &st), 0);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, 4096, &st), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_close(d1, 4095), 0);
    CU_ASSERT_EQUAL(bind_ipi(d1, 0), 4095);

    /* A toolstack limit (max_evtchn_port) caps the port number. */
    evtchn_destroy(d2);
    CU_ASSERT_EQUAL(evtchn_init(d2, 3), 0);
    CU_ASSERT_EQUAL(alloc_unbound(d2, DOMID_SELF, 0), 1);
    CU_ASSERT_EQUAL(alloc_unbound(d2, DOMID_SELF, 0), 2);
    CU_ASSERT_EQUAL(alloc_unbound(d2, DOMID_SELF, 0), 3);
    CU_ASSERT_EQUAL(alloc_unbound(d2, DOMID_SELF, 0), -ENOSPC);
    evtchn_destroy(d2);
    CU_ASSERT_EQUAL(evtchn_init(d2, 0), 0);
    CU_ASSERT_EQUAL(alloc_unbound(d2, DOMID_SELF, 0), -ENOSPC);
    check_unlocked();
}

static void test_bind_interdomain(void)
{
    struct evtchn_status st;
    int r, l;

    r = alloc_unbound(d2, DOMID_SELF, 1);
    CU_ASSERT_EQUAL(r, 1);
    CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 0), 1);
    l = bind_interdomain(d1, 2, r);
    CU_ASSERT_EQUAL(l, 2);

    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, l, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_interdomain);
    CU_ASSERT_EQUAL(st.vcpu, 0);
    CU_ASSERT_EQUAL(st.u.interdomain.dom, 2);
    CU_ASSERT_EQUAL(st.u.interdomain.port, r);
    CU_ASSERT_EQUAL(status(d2, DOMID_SELF, r, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_interdomain);
    CU_ASSERT_EQUAL(st.u.interdomain.dom, 1);
    CU_ASSERT_EQUAL(st.u.interdomain.port, l);

    /* The new local port starts pending, in case the remote signalled. */
    CU_ASSERT_TRUE(pending(d1, l));
    CU_ASSERT_EQUAL(sel(d1, 0), 1);
    CU_ASSERT_EQUAL(upcall(d1, 0), 1);
    CU_ASSERT_EQUAL(kicks[1][0], 1);
    CU_ASSERT_FALSE(pending(d2, r));
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);

    /* Only an unbound port naming us can be bound. */
    CU_ASSERT_EQUAL(bind_interdomain(d1, 2, r), -EINVAL);
    CU_ASSERT_EQUAL(alloc_unbound(d2, DOMID_SELF, 0), 2);
    CU_ASSERT_EQUAL(bind_interdomain(d1, 2, 2), -EINVAL);
    CU_ASSERT_EQUAL(bind_interdomain(d1, 2, 0), -EINVAL);
    CU_ASSERT_EQUAL(bind_interdomain(d1, 2, 3), -EINVAL);     /* free */
    CU_ASSERT_EQUAL(bind_interdomain(d1, 2, 64), -EINVAL);    /* none */
    CU_ASSERT_EQUAL(bind_interdomain(d1, 2, 100000), -EINVAL);
    CU_ASSERT_EQUAL(bind_interdomain(d1, 9, 1), -ESRCH);
    CU_ASSERT_EQUAL(bind_interdomain(d1, 0x7ff5, 1), -ESRCH);
    /* Failed binds did not keep a local port. */
    CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 0), 3);

    /* A lower domain id binding to a higher one's port, and back. */
    r = alloc_unbound(d0, DOMID_SELF, 2);
    CU_ASSERT_EQUAL(r, 1);
    CU_ASSERT_EQUAL(bind_interdomain(d2, 0, r), 3);
    CU_ASSERT_EQUAL(status(d0, DOMID_SELF, 1, &st), 0);
    CU_ASSERT_EQUAL(st.u.interdomain.dom, 2);
    CU_ASSERT_EQUAL(st.u.interdomain.port, 3);
    check_unlocked();
}

static void test_loopback(void)
{
    struct evtchn_status st;
    int a, b;

    a = alloc_unbound(d1, DOMID_SELF, DOMID_SELF);
    CU_ASSERT_EQUAL(a, 1);
    b = bind_interdomain(d1, DOMID_SELF, a);
    CU_ASSERT_EQUAL(b, 2);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, a, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_interdomain);
    CU_ASSERT_EQUAL(st.u.interdomain.dom, 1);
    CU_ASSERT_EQUAL(st.u.interdomain.port, b);
    guest_consume(d1);

    CU_ASSERT_EQUAL(evtchn_send(d1, a), 0);
    CU_ASSERT_TRUE(pending(d1, b));
    CU_ASSERT_FALSE(pending(d1, a));
    CU_ASSERT_EQUAL(evtchn_send(d1, b), 0);
    CU_ASSERT_TRUE(pending(d1, a));
    CU_ASSERT_EQUAL(kicks[1][0], 1);

    /* Closing one end leaves the other unbound, still naming us. */
    CU_ASSERT_EQUAL(evtchn_close(d1, a), 0);
    CU_ASSERT_FALSE(pending(d1, a));
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, b, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
    CU_ASSERT_EQUAL(bind_interdomain(d1, DOMID_SELF, b), a);
    check_unlocked();
}

static void test_send_delivery(void)
{
    int l, r;

    /* Put the receiving port in the second selector word. */
    for ( int i = 1; i < 70; i++ )
        CU_ASSERT_EQUAL(bind_ipi(d2, 0), i);
    connect(d1, d2, &l, &r);
    CU_ASSERT_EQUAL(r, 70);

    /* Unmasked: pending bit, selector bit, upcall, one kick. */
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    CU_ASSERT_TRUE(pending(d2, r));
    CU_ASSERT_EQUAL(sel(d2, 0), bit(1));
    CU_ASSERT_EQUAL(upcall(d2, 0), 1);
    CU_ASSERT_EQUAL(kicks[2][0], 1);
    CU_ASSERT_FALSE(pending(d1, l));
    CU_ASSERT_EQUAL(upcall(d1, 0), 0);

    /* Already pending: nothing more. */
    d2->shared_info->vcpu_info[0].evtchn_pending_sel = 0;
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    CU_ASSERT_EQUAL(sel(d2, 0), 0);
    CU_ASSERT_EQUAL(kicks[2][0], 1);

    /* Upcall still pending: the selector is set, no new kick. */
    d2->shared_info->evtchn_pending[1] = 0;
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    CU_ASSERT_EQUAL(sel(d2, 0), bit(1));
    CU_ASSERT_EQUAL(kicks[2][0], 1);

    /* Consumed: the next event kicks again. */
    guest_consume(d2);
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    CU_ASSERT_EQUAL(upcall(d2, 0), 1);
    CU_ASSERT_EQUAL(kicks[2][0], 1);

    /* The event mask of the VCPU does not stop the marking. */
    guest_consume(d2);
    d2->shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    CU_ASSERT_EQUAL(upcall(d2, 0), 1);
    CU_ASSERT_EQUAL(kicks[2][0], 1);

    /* A masked port only gets its pending bit. */
    guest_consume(d2);
    set_mask(d2, r);
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    CU_ASSERT_TRUE(pending(d2, r));
    CU_ASSERT_EQUAL(sel(d2, 0), 0);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);
    CU_ASSERT_EQUAL(kicks[2][0], 0);
    CU_ASSERT_TRUE(masked(d2, r));

    /* The other direction, to the lower domain id. */
    CU_ASSERT_EQUAL(evtchn_send(d2, r), 0);
    CU_ASSERT_TRUE(pending(d1, l));
    CU_ASSERT_EQUAL(sel(d1, 0), bit(0));
    CU_ASSERT_EQUAL(kicks[1][0], 1);
    check_unlocked();
}

static void test_send_kinds(void)
{
    int ipi, unb, virq;

    ipi = bind_ipi(d1, 0);
    unb = alloc_unbound(d1, DOMID_SELF, 2);
    virq = bind_virq(d1, VIRQ_TIMER, 0);
    CU_ASSERT_EQUAL(ipi, 1);
    CU_ASSERT_EQUAL(unb, 2);
    CU_ASSERT_EQUAL(virq, 3);

    /* An IPI comes back to the sender's VCPU. */
    CU_ASSERT_EQUAL(evtchn_send(d1, ipi), 0);
    CU_ASSERT_TRUE(pending(d1, ipi));
    CU_ASSERT_EQUAL(sel(d1, 0), 1);
    CU_ASSERT_EQUAL(kicks[1][0], 1);

    /* Unbound: dropped without an error. */
    guest_consume(d1);
    CU_ASSERT_EQUAL(evtchn_send(d1, unb), 0);
    CU_ASSERT_FALSE(pending(d1, unb));
    CU_ASSERT_EQUAL(upcall(d1, 0), 0);

    /* Only the hypervisor raises a VIRQ; free and absent ports fail. */
    CU_ASSERT_EQUAL(evtchn_send(d1, virq), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_send(d1, 4), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_send(d1, 64), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_send(d1, 0xffffffff), -EINVAL);
    CU_ASSERT_FALSE(pending(d1, virq));

    /* A closed port is gone for senders. */
    CU_ASSERT_EQUAL(evtchn_close(d1, ipi), 0);
    CU_ASSERT_EQUAL(evtchn_send(d1, ipi), -EINVAL);
    CU_ASSERT_EQUAL(upcall(d1, 0), 0);
    check_unlocked();
}

static void test_unmask(void)
{
    int l, r;

    connect(d1, d2, &l, &r);
    set_mask(d2, r);
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);

    /* Unmasking a pending port finishes the delivery. */
    CU_ASSERT_EQUAL(evtchn_unmask(d2, r), 0);
    CU_ASSERT_FALSE(masked(d2, r));
    CU_ASSERT_TRUE(pending(d2, r));
    CU_ASSERT_EQUAL(sel(d2, 0), 1);
    CU_ASSERT_EQUAL(upcall(d2, 0), 1);
    CU_ASSERT_EQUAL(kicks[2][0], 1);

    /* Not masked any more: nothing happens again. */
    d2->shared_info->vcpu_info[0].evtchn_upcall_pending = 0;
    d2->shared_info->vcpu_info[0].evtchn_pending_sel = 0;
    CU_ASSERT_EQUAL(evtchn_unmask(d2, r), 0);
    CU_ASSERT_EQUAL(sel(d2, 0), 0);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);

    /* Masked but not pending: just unmasked. */
    guest_consume(d2);
    set_mask(d2, r);
    CU_ASSERT_EQUAL(evtchn_unmask(d2, r), 0);
    CU_ASSERT_FALSE(masked(d2, r));
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);
    CU_ASSERT_EQUAL(kicks[2][0], 0);

    /* Selector bit already set: the guest will scan anyway. */
    set_mask(d2, r);
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    d2->shared_info->vcpu_info[0].evtchn_pending_sel = 1;
    CU_ASSERT_EQUAL(evtchn_unmask(d2, r), 0);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);
    CU_ASSERT_EQUAL(kicks[2][0], 0);

    /* A port not in use keeps its mask; one out of range fails. */
    set_mask(d2, 5);
    set_mask(d2, 0);
    CU_ASSERT_EQUAL(evtchn_unmask(d2, 5), 0);
    CU_ASSERT_EQUAL(evtchn_unmask(d2, 0), 0);
    CU_ASSERT_TRUE(masked(d2, 5));
    CU_ASSERT_TRUE(masked(d2, 0));
    CU_ASSERT_EQUAL(evtchn_unmask(d2, 64), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_unmask(d2, 100000), -EINVAL);
    check_unlocked();
}

static void test_close(void)
{
    struct evtchn_status st;
    int l, r;

    /* Closed by the lower domain id. */
    connect(d1, d2, &l, &r);
    CU_ASSERT_EQUAL(evtchn_send(d2, r), 0);
    CU_ASSERT_TRUE(pending(d1, l));
    set_mask(d1, l);
    CU_ASSERT_EQUAL(evtchn_close(d1, l), 0);
    /* The pending bit goes, the guest's mask stays. */
    CU_ASSERT_FALSE(pending(d1, l));
    CU_ASSERT_TRUE(masked(d1, l));
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, l, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_closed);
    CU_ASSERT_EQUAL(status(d2, DOMID_SELF, r, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
    CU_ASSERT_EQUAL(evtchn_close(d1, l), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_send(d1, l), -EINVAL);
    /* The survivor sends into the void. */
    guest_consume(d1);
    CU_ASSERT_EQUAL(evtchn_send(d2, r), 0);
    CU_ASSERT_EQUAL(upcall(d1, 0), 0);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);

    /* The closer may bind to it again. */
    CU_ASSERT_EQUAL(bind_interdomain(d1, 2, r), l);

    /* Closed by the higher domain id. */
    CU_ASSERT_EQUAL(evtchn_close(d2, r), 0);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, l, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 2);
    CU_ASSERT_EQUAL(status(d2, DOMID_SELF, r, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_closed);

    /* Every kind closes; port 0 and absent ports do not. */
    CU_ASSERT_EQUAL(evtchn_close(d1, l), 0);
    CU_ASSERT_EQUAL(bind_ipi(d1, 0), 1);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_CONSOLE, 0), 2);
    CU_ASSERT_EQUAL(evtchn_close(d1, 1), 0);
    CU_ASSERT_EQUAL(evtchn_close(d1, 2), 0);
    CU_ASSERT_EQUAL(evtchn_close(d1, 0), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_close(d1, 64), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_close(d1, 0xffffffff), -EINVAL);
    check_unlocked();
}

static void test_virq(void)
{
    struct evtchn_status st;
    int t, c;

    CU_ASSERT_FALSE(virq_is_global(VIRQ_TIMER));
    CU_ASSERT_FALSE(virq_is_global(VIRQ_DEBUG));
    CU_ASSERT_FALSE(virq_is_global(VIRQ_XENOPROF));
    CU_ASSERT_FALSE(virq_is_global(VIRQ_XENPMU));
    CU_ASSERT_TRUE(virq_is_global(VIRQ_CONSOLE));
    CU_ASSERT_TRUE(virq_is_global(VIRQ_DOM_EXC));
    CU_ASSERT_TRUE(virq_is_global(VIRQ_ARGO));
    CU_ASSERT_TRUE(virq_is_global(VIRQ_ARCH_0));

    t = bind_virq(d1, VIRQ_TIMER, 0);
    CU_ASSERT_EQUAL(t, 1);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, t, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_virq);
    CU_ASSERT_EQUAL(st.u.virq, VIRQ_TIMER);
    CU_ASSERT_EQUAL(st.vcpu, 0);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_TIMER, 0), -EEXIST);

    /* No such VIRQ; global ones only on VCPU 0; no such VCPU. */
    CU_ASSERT_EQUAL(bind_virq(d1, NR_VIRQS, 0), -EINVAL);
    CU_ASSERT_EQUAL(bind_virq(d1, 0xffffffff, 0), -EINVAL);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_CONSOLE, 1), -EINVAL);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_CONSOLE, 0xffffffff), -EINVAL);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_DEBUG, HV_MAX_VCPUS), -ENOENT);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_DEBUG, 0xffffffff), -ENOENT);

    /* The hypervisor raises it on the VCPU it names. */
    send_guest_vcpu_virq(&vcpus[1][0], VIRQ_TIMER);
    CU_ASSERT_TRUE(pending(d1, t));
    CU_ASSERT_EQUAL(sel(d1, 0), 1);
    CU_ASSERT_EQUAL(upcall(d1, 0), 1);
    CU_ASSERT_EQUAL(kicks[1][0], 1);
    /* Unbound VIRQs, and global ones sent as per-VCPU, go nowhere. */
    guest_consume(d1);
    send_guest_vcpu_virq(&vcpus[1][0], VIRQ_DEBUG);
    send_guest_vcpu_virq(&vcpus[1][0], VIRQ_CONSOLE);
    send_guest_vcpu_virq(&vcpus[1][0], NR_VIRQS);
    send_guest_vcpu_virq(&vcpus[2][0], VIRQ_TIMER);
    CU_ASSERT_EQUAL(upcall(d1, 0), 0);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);

    /* Global VIRQs: to a domain, or to the hardware domain. */
    c = bind_virq(d1, VIRQ_CONSOLE, 0);
    CU_ASSERT_EQUAL(c, 2);
    send_guest_global_virq(d1, VIRQ_TIMER);
    CU_ASSERT_EQUAL(upcall(d1, 0), 0);
    send_guest_global_virq(d1, VIRQ_CONSOLE);
    CU_ASSERT_TRUE(pending(d1, c));
    CU_ASSERT_EQUAL(kicks[1][0], 1);
    send_guest_global_virq(NULL, VIRQ_CONSOLE);
    CU_ASSERT_EQUAL(bind_virq(d0, VIRQ_DOM_EXC, 0), 1);
    send_global_virq(VIRQ_DOM_EXC);
    CU_ASSERT_TRUE(pending(d0, 1));
    CU_ASSERT_EQUAL(kicks[0][0], 1);

    /* Closing unbinds: the VIRQ can be bound again, elsewhere. */
    guest_consume(d1);
    CU_ASSERT_EQUAL(evtchn_close(d1, t), 0);
    send_guest_vcpu_virq(&vcpus[1][0], VIRQ_TIMER);
    CU_ASSERT_FALSE(pending(d1, t));
    CU_ASSERT_EQUAL(upcall(d1, 0), 0);
    CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 0), 1);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_TIMER, 0), 3);
    send_guest_vcpu_virq(&vcpus[1][0], VIRQ_TIMER);
    CU_ASSERT_TRUE(pending(d1, 3));
    CU_ASSERT_FALSE(pending(d1, 1));
    CU_ASSERT_EQUAL(evtchn_close(d1, c), 0);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_CONSOLE, 0), 2);
    check_unlocked();
}

static void test_ipi(void)
{
    struct evtchn_status st;

    CU_ASSERT_EQUAL(bind_ipi(d1, 0), 1);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, 1, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_ipi);
    CU_ASSERT_EQUAL(st.vcpu, 0);
    CU_ASSERT_EQUAL(bind_ipi(d1, HV_MAX_VCPUS), -ENOENT);
    CU_ASSERT_EQUAL(bind_ipi(d1, 0xffffffff), -ENOENT);
    /* A VCPU the domain may have but was not given. */
    d1->max_vcpus = 0;
    CU_ASSERT_EQUAL(bind_ipi(d1, 0), -ENOENT);
    d1->max_vcpus = HV_MAX_VCPUS;
    check_unlocked();
}

static void test_status(void)
{
    struct evtchn_status st;

    CU_ASSERT_EQUAL(alloc_unbound(d2, DOMID_SELF, 1), 1);
    /* Out of range is found before permission. */
    CU_ASSERT_EQUAL(status(d1, 2, 5000, &st), -EINVAL);
    CU_ASSERT_EQUAL(status(d1, 2, 1, &st), -EPERM);
    CU_ASSERT_EQUAL(status(d1, 2, 2, &st), -EPERM);
    CU_ASSERT_EQUAL(status(d1, 9, 1, &st), -ESRCH);
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, 1, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_closed);
    /* The control domain sees every domain's ports. */
    CU_ASSERT_EQUAL(status(d0, 2, 1, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
    CU_ASSERT_EQUAL(status(d2, 2, 1, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    check_unlocked();
}

static void test_bind_vcpu(void)
{
    int l, r, t, c, i, u;

    connect(d1, d2, &l, &r);
    t = bind_virq(d1, VIRQ_TIMER, 0);
    c = bind_virq(d1, VIRQ_CONSOLE, 0);
    i = bind_ipi(d1, 0);
    u = alloc_unbound(d1, DOMID_SELF, 0);

    /* The VCPU is checked before the port. */
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d1, 100000, HV_MAX_VCPUS), -ENOENT);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d1, l, 0xffffffff), -ENOENT);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d1, 100000, 0), -EINVAL);
    /* Only ports that belong to no particular VCPU move. */
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d1, l, 0), 0);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d1, c, 0), 0);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d1, u, 0), 0);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d1, t, 0), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d1, i, 0), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d1, 0, 0), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d1, 63, 0), -EINVAL);
    check_unlocked();
}

#if HV_MAX_VCPUS > 1
/* Delivery follows the port's VCPU; a bound port can move. */
static void test_multi_vcpu(void)
{
    struct evtchn_status st;
    int l, r, t, c;

    connect(d1, d2, &l, &r);
    t = bind_virq(d2, VIRQ_TIMER, 1);
    CU_ASSERT_EQUAL(status(d2, DOMID_SELF, t, &st), 0);
    CU_ASSERT_EQUAL(st.vcpu, 1);
    send_guest_vcpu_virq(&vcpus[2][1], VIRQ_TIMER);
    CU_ASSERT_TRUE(pending(d2, t));
    CU_ASSERT_EQUAL(sel(d2, 1), 1);
    CU_ASSERT_EQUAL(upcall(d2, 1), 1);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);
    CU_ASSERT_EQUAL(kicks[2][1], 1);
    /* VCPU 0's TIMER is another binding. */
    CU_ASSERT_EQUAL(bind_virq(d2, VIRQ_TIMER, 0), t + 1);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d2, t, 0), -EINVAL);

    guest_consume(d2);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d2, r, 1), 0);
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    CU_ASSERT_EQUAL(upcall(d2, 1), 1);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);

    /* Unmask reports to the port's current VCPU. */
    guest_consume(d2);
    set_mask(d2, r);
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    CU_ASSERT_EQUAL(evtchn_unmask(d2, r), 0);
    CU_ASSERT_EQUAL(upcall(d2, 1), 1);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);

    /* A global VIRQ lives on VCPU 0 but may notify another. */
    guest_consume(d2);
    c = bind_virq(d2, VIRQ_CONSOLE, 0);
    CU_ASSERT_EQUAL(evtchn_bind_vcpu(d2, c, 1), 0);
    send_guest_global_virq(d2, VIRQ_CONSOLE);
    CU_ASSERT_EQUAL(upcall(d2, 1), 1);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);
    CU_ASSERT_EQUAL(evtchn_close(d2, c), 0);
    CU_ASSERT_EQUAL(bind_virq(d2, VIRQ_CONSOLE, 0), c);

    /* Closing frees the port back to VCPU 0. */
    CU_ASSERT_EQUAL(evtchn_close(d2, t), 0);
    CU_ASSERT_EQUAL(bind_ipi(d2, 1), t);
    CU_ASSERT_EQUAL(evtchn_close(d2, t), 0);
    CU_ASSERT_EQUAL(alloc_unbound(d2, DOMID_SELF, 0), t);
    CU_ASSERT_EQUAL(status(d2, DOMID_SELF, t, &st), 0);
    CU_ASSERT_EQUAL(st.vcpu, 0);
    check_unlocked();
}
#endif

static void test_reset(void)
{
    struct evtchn_status st;
    int l, r;

    connect(d1, d2, &l, &r);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_TIMER, 0), 2);
    CU_ASSERT_EQUAL(bind_ipi(d1, 0), 3);

    /* Another domain's reset: the control domain, while it is paused. */
    CU_ASSERT_EQUAL(evtchn_reset(d2, d1, false), -EPERM);
    CU_ASSERT_EQUAL(evtchn_reset(d0, d1, false), -EINVAL);
    paused[1] = true;
    CU_ASSERT_EQUAL(evtchn_reset(d0, d1, true), -EBUSY);
    CU_ASSERT_EQUAL(evtchn_reset(d0, d1, false), 0);
    for ( unsigned int p = 1; p < 4; p++ )
    {
        CU_ASSERT_EQUAL(status(d1, DOMID_SELF, p, &st), 0);
        CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_closed);
    }
    CU_ASSERT_EQUAL(status(d2, DOMID_SELF, r, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
    /* The VIRQ is free again. */
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_TIMER, 0), 1);

    /* Its own reset needs no pause; nothing to resume. */
    CU_ASSERT_EQUAL(evtchn_reset(d2, d2, false), 0);
    CU_ASSERT_EQUAL(status(d2, DOMID_SELF, r, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_closed);
    CU_ASSERT_EQUAL(evtchn_reset(d2, d2, true), -EBUSY);
    check_unlocked();
}

static void test_poll(void)
{
    struct vcpu *v = &vcpus[2][0];
    int l, r, q;

    connect(d1, d2, &l, &r);
    q = bind_ipi(d2, 0);
    set_mask(d2, r);
    set_mask(d2, q);

    CU_ASSERT_EQUAL(evtchn_port_poll(d2, r), 0);
    CU_ASSERT_EQUAL(evtchn_port_poll(d2, 10), -EINVAL);     /* free */
    CU_ASSERT_EQUAL(evtchn_port_poll(d2, 64), -EINVAL);     /* none */

    /* Waiting for one port: another one does not wake it. */
    evtchn_poll_begin(v, r);
    CU_ASSERT_EQUAL(evtchn_send(d2, q), 0);
    CU_ASSERT_EQUAL(kicks[2][0], 0);
    /* Its own does, even masked, and ends the poll. */
    CU_ASSERT_EQUAL(evtchn_send(d1, l), 0);
    CU_ASSERT_EQUAL(kicks[2][0], 1);
    CU_ASSERT_EQUAL(upcall(d2, 0), 0);
    CU_ASSERT_EQUAL(evtchn_port_poll(d2, r), 1);
    CU_ASSERT_FALSE(evtchn_poll_end(v));

    /* Waiting for any port; an already pending one wakes nobody. */
    guest_consume(d2);
    evtchn_poll_begin(v, EVTCHN_POLL_ANY);
    CU_ASSERT_EQUAL(evtchn_send(d2, q), 0);
    CU_ASSERT_EQUAL(kicks[2][0], 1);
    evtchn_poll_begin(v, EVTCHN_POLL_ANY);
    CU_ASSERT_EQUAL(evtchn_send(d2, q), 0);
    CU_ASSERT_EQUAL(kicks[2][0], 1);
    /* Nothing came: the poll ends by timeout. */
    CU_ASSERT_TRUE(evtchn_poll_end(v));
    CU_ASSERT_FALSE(evtchn_poll_end(v));
    check_unlocked();
}

static void test_destroy(void)
{
    struct evtchn_status st;
    int l, r, l2, r2;

    connect(d1, d2, &l, &r);
    connect(d0, d1, &l2, &r2);
    CU_ASSERT_EQUAL(bind_virq(d1, VIRQ_TIMER, 0), 3);
    for ( unsigned int p = 4; p < 2 * EVTCHN_PORTS_PER_PAGE + 1; p++ )
        CU_ASSERT_EQUAL(bind_ipi(d1, 0), (int)p);
    CU_ASSERT_EQUAL(pending(d1, r2), false);
    CU_ASSERT_EQUAL(pages_live, NR_DOMS + 2);

    evtchn_destroy(d1);
    CU_ASSERT_EQUAL(pages_live, NR_DOMS - 1);
    /* Peers are left unbound, naming the dead domain. */
    CU_ASSERT_EQUAL(status(d2, DOMID_SELF, r, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
    CU_ASSERT_EQUAL(status(d0, DOMID_SELF, l2, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(evtchn_send(d2, r), 0);
    CU_ASSERT_EQUAL(vcpus[1][0].evtchn.virq_to_evtchn[VIRQ_TIMER], 0);

    /* Nothing is left to use or to bind. */
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, 0, &st), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_send(d1, l), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_close(d1, l), -EINVAL);
    CU_ASSERT_EQUAL(evtchn_unmask(d1, l), -EINVAL);
    CU_ASSERT_EQUAL(alloc_unbound(d1, DOMID_SELF, 2), -EINVAL);
    CU_ASSERT_EQUAL(bind_ipi(d1, 0), -EINVAL);
    CU_ASSERT_EQUAL(bind_interdomain(d1, 2, r), -EINVAL);
    CU_ASSERT_EQUAL(bind_interdomain(d2, 1, l), -EINVAL);
    send_guest_vcpu_virq(&vcpus[1][0], VIRQ_TIMER);
    CU_ASSERT_EQUAL(pages_live, NR_DOMS - 1);
    check_unlocked();
}

/* --- through the hypercall -------------------------------------------- */

static long op(int cmd, size_t off)
{
    return do_event_channel_op(cmd, GVA(off));
}

static void test_hypercall(void)
{
    struct evtchn_alloc_unbound *a = (void *)guest_mem;
    struct evtchn_bind_interdomain *bi = (void *)guest_mem;
    struct evtchn_bind_virq *bv = (void *)guest_mem;
    struct evtchn_bind_ipi *ipi = (void *)guest_mem;
    struct evtchn_status *st = (void *)guest_mem;
    struct evtchn_send *send = (void *)guest_mem;
    struct evtchn_close *cl = (void *)guest_mem;
    struct evtchn_unmask *um = (void *)guest_mem;
    struct evtchn_bind_vcpu *bvc = (void *)guest_mem;
    struct evtchn_reset *rs = (void *)guest_mem;
    struct evtchn_set_priority *sp = (void *)guest_mem;
    struct evtchn_bind_pirq *bp = (void *)guest_mem;

    cur = &vcpus[1][0];
    memset(guest_mem, 0, sizeof(guest_mem));
    *a = (struct evtchn_alloc_unbound){ .dom = DOMID_SELF, .remote_dom = 2 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_alloc_unbound, 0), 0);
    CU_ASSERT_EQUAL(a->port, 1);

    cur = &vcpus[2][0];
    *bi = (struct evtchn_bind_interdomain){ .remote_dom = 1,
                                            .remote_port = 1 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_bind_interdomain, 0), 0);
    CU_ASSERT_EQUAL(bi->local_port, 1);
    *send = (struct evtchn_send){ .port = 1 };
    guest_consume(d1);
    CU_ASSERT_EQUAL(op(EVTCHNOP_send, 0), 0);
    CU_ASSERT_TRUE(pending(d1, 1));

    *bv = (struct evtchn_bind_virq){ .virq = VIRQ_TIMER, .vcpu = 0 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_bind_virq, 0), 0);
    CU_ASSERT_EQUAL(bv->port, 2);
    *bv = (struct evtchn_bind_virq){ .virq = 99, .vcpu = 0, .port = 77 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_bind_virq, 0), -EINVAL);
    CU_ASSERT_EQUAL(bv->port, 77);  /* nothing copied back on failure */
    *ipi = (struct evtchn_bind_ipi){ .vcpu = 0 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_bind_ipi, 0), 0);
    CU_ASSERT_EQUAL(ipi->port, 3);

    /* status writes the whole structure back. */
    memset(st, 0xa5, sizeof(*st));
    st->dom = DOMID_SELF;
    st->port = 1;
    CU_ASSERT_EQUAL(op(EVTCHNOP_status, 0), 0);
    CU_ASSERT_EQUAL(st->status, EVTCHNSTAT_interdomain);
    CU_ASSERT_EQUAL(st->vcpu, 0);
    CU_ASSERT_EQUAL(st->u.interdomain.dom, 1);
    CU_ASSERT_EQUAL(st->u.interdomain.port, 1);

    *bvc = (struct evtchn_bind_vcpu){ .port = 1, .vcpu = 0 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_bind_vcpu, 0), 0);
    *um = (struct evtchn_unmask){ .port = 1 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_unmask, 0), 0);
    *cl = (struct evtchn_close){ .port = 3 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_close, 0), 0);
    CU_ASSERT_EQUAL(op(EVTCHNOP_close, 0), -EINVAL);

    /* FIFO is not offered; 2-level ports have no priority. */
    CU_ASSERT_EQUAL(op(EVTCHNOP_init_control, 0), -EOPNOTSUPP);
    CU_ASSERT_EQUAL(op(EVTCHNOP_expand_array, 0), -EOPNOTSUPP);
    *sp = (struct evtchn_set_priority){ .port = 1, .priority = 7 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_set_priority, 0), -ENOSYS);
    sp->port = 64;
    CU_ASSERT_EQUAL(op(EVTCHNOP_set_priority, 0), -EINVAL);
    *bp = (struct evtchn_bind_pirq){ .pirq = 4 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_bind_pirq, 0), -EINVAL);

    *rs = (struct evtchn_reset){ .dom = 0x7ff5 };
    CU_ASSERT_EQUAL(op(EVTCHNOP_reset, 0), -ESRCH);
    rs->dom = 1;
    CU_ASSERT_EQUAL(op(EVTCHNOP_reset, 0), -EPERM);
    rs->dom = DOMID_SELF;
    CU_ASSERT_EQUAL(op(EVTCHNOP_reset_cont, 0), -EBUSY);
    CU_ASSERT_EQUAL(op(EVTCHNOP_reset, 0), 0);
    CU_ASSERT_EQUAL(evtchn_port_poll(d2, 1), -EINVAL);

    /* Unknown commands, whatever the argument. */
    CU_ASSERT_EQUAL(do_event_channel_op(15, 0), -ENOSYS);
    CU_ASSERT_EQUAL(do_event_channel_op(1000, 0), -ENOSYS);
    CU_ASSERT_EQUAL(do_event_channel_op(-1, 0), -ENOSYS);
    check_unlocked();
}

static void test_hypercall_faults(void)
{
    struct evtchn_alloc_unbound *a = (void *)guest_mem;
    struct evtchn_status sts;

    cur = &vcpus[1][0];
    /* Every command reads its argument first. */
    for ( int cmd = EVTCHNOP_bind_interdomain; cmd <= EVTCHNOP_reset_cont;
          cmd++ )
    {
        CU_ASSERT_EQUAL(do_event_channel_op(cmd, 0), -EFAULT);
        /* The argument straddles the end of guest memory. */
        CU_ASSERT_EQUAL(op(cmd, sizeof(guest_mem) - 1), -EFAULT);
    }

    /* A result that cannot be written back: the port stays bound. */
    *a = (struct evtchn_alloc_unbound){ .dom = DOMID_SELF, .remote_dom = 0 };
    fail_copy_out = true;
    CU_ASSERT_EQUAL(op(EVTCHNOP_alloc_unbound, 0), -EFAULT);
    fail_copy_out = false;
    CU_ASSERT_EQUAL(status(d1, DOMID_SELF, 1, &sts), 0);
    CU_ASSERT_EQUAL(sts.status, EVTCHNSTAT_unbound);
    check_unlocked();
}

int main(void)
{
    static const struct { const char *name; CU_TestFunc fn; } tests[] = {
        { "init and port 0", test_init },
        { "alloc_unbound", test_alloc_unbound },
        { "port space", test_port_space },
        { "bind_interdomain", test_bind_interdomain },
        { "loopback", test_loopback },
        { "send delivery", test_send_delivery },
        { "send kinds", test_send_kinds },
        { "unmask", test_unmask },
        { "close", test_close },
        { "virq", test_virq },
        { "ipi", test_ipi },
        { "status", test_status },
        { "bind_vcpu", test_bind_vcpu },
#if HV_MAX_VCPUS > 1
        { "several vcpus", test_multi_vcpu },
#endif
        { "reset", test_reset },
        { "poll", test_poll },
        { "destroy", test_destroy },
        { "hypercall", test_hypercall },
        { "hypercall faults", test_hypercall_faults },
    };
    CU_pSuite s;
    unsigned int failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    s = CU_add_suite_with_setup_and_teardown("evtchn", NULL, NULL, setup,
                                             teardown);
    for ( unsigned int i = 0; i < ARRAY_SIZE(tests); i++ )
        CU_add_test(s, tests[i].name, tests[i].fn);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
