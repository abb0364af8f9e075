/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_event_channel_op on the 2-level ABI, with events masked: port
 * allocation, status, loopback interdomain channels, VIRQ and IPI binding,
 * sends, unmasks and closes, and the errors of each.
 */
#include "hvtest.h"

const char test_title[] = "evtchn: event channel operations";

static long evtchn_op(unsigned long cmd, void *arg)
{
    return hypercall2(__HYPERVISOR_event_channel_op, cmd, arg);
}

static long alloc_unbound(domid_t remote)
{
    struct evtchn_alloc_unbound a = {
        .dom = DOMID_SELF, .remote_dom = remote
    };
    long rc = evtchn_op(EVTCHNOP_alloc_unbound, &a);

    return rc ? rc : (long)a.port;
}

static long close_port(evtchn_port_t port)
{
    struct evtchn_close c = { .port = port };

    return evtchn_op(EVTCHNOP_close, &c);
}

static long send(evtchn_port_t port)
{
    struct evtchn_send s = { .port = port };

    return evtchn_op(EVTCHNOP_send, &s);
}

/* EVTCHNOP_status of one of our ports, into a poisoned *st. */
static long status(evtchn_port_t port, struct evtchn_status *st)
{
    memset(st, 0xff, sizeof(*st));
    st->dom = DOMID_SELF;
    st->port = port;
    return evtchn_op(EVTCHNOP_status, st);
}

static void test_unbound(void)
{
    struct evtchn_status st;
    struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = 0 };
    long p1, p2;

    /* Ports are handed out lowest first; port 0 is never used. */
    p1 = alloc_unbound(DOMID_SELF);
    p2 = alloc_unbound(0);
    CHECK_EQ(p1, 1);
    CHECK_EQ(p2, 2);
    CHECK_EQ(status(p1, &st), 0);
    CHECK_EQ(st.status, EVTCHNSTAT_unbound);
    CHECK_EQ(st.vcpu, 0);
    /* DOMID_SELF is resolved to the caller's id. */
    CHECK_EQ(st.u.unbound.dom, 0);

    /* Sends on an unbound port go nowhere, quietly. */
    CHECK_EQ(send(p1), 0);

    CHECK_EQ(close_port(p1), 0);
    CHECK_EQ(status(p1, &st), 0);
    CHECK_EQ(st.status, EVTCHNSTAT_closed);
    CHECK_EQ(close_port(p1), -EINVAL);
    CHECK_EQ(send(p1), -EINVAL);
    /* The lowest free port is reused. */
    CHECK_EQ(alloc_unbound(DOMID_SELF), p1);
    CHECK_EQ(close_port(p1), 0);
    CHECK_EQ(close_port(p2), 0);

    /* The allocating domain must exist... */
    a.dom = 0x7ff5;
    CHECK_EQ(evtchn_op(EVTCHNOP_alloc_unbound, &a), -ESRCH);
    /* ...the remote one is only recorded, and checked at bind time. */
    a.dom = DOMID_SELF;
    a.remote_dom = 0x7ff5;
    CHECK_EQ(evtchn_op(EVTCHNOP_alloc_unbound, &a), 0);
    CHECK_EQ(a.port, 1);
    CHECK_EQ(status(a.port, &st), 0);
    CHECK_EQ(st.u.unbound.dom, 0x7ff5);
    CHECK_EQ(close_port(a.port), 0);
    CHECK_EQ(evtchn_op(EVTCHNOP_alloc_unbound, NULL), -EFAULT);
}

static void test_loopback(void)
{
    struct evtchn_status st;
    struct evtchn_bind_interdomain bi = { .remote_dom = DOMID_SELF };
    long p;

    p = alloc_unbound(DOMID_SELF);
    CHECK_EQ(p, 1);
    bi.remote_port = p;
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_interdomain, &bi), 0);
    CHECK_EQ(bi.local_port, 2);
    CHECK_EQ(status(bi.local_port, &st), 0);
    CHECK_EQ(st.status, EVTCHNSTAT_interdomain);
    CHECK_EQ(st.u.interdomain.dom, 0);
    CHECK_EQ(st.u.interdomain.port, p);
    CHECK_EQ(status(p, &st), 0);
    CHECK_EQ(st.status, EVTCHNSTAT_interdomain);
    CHECK_EQ(st.u.interdomain.port, bi.local_port);

    /* Both ends can signal; with events masked nothing is delivered. */
    CHECK_EQ(send(p), 0);
    CHECK_EQ(send(bi.local_port), 0);

    /* A bound port cannot be bound again. */
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_interdomain, &bi), -EINVAL);
    bi.remote_port = 4000;
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_interdomain, &bi), -EINVAL);

    /* Closing one end leaves the other unbound. */
    CHECK_EQ(close_port(p), 0);
    CHECK_EQ(status(bi.local_port, &st), 0);
    CHECK_EQ(st.status, EVTCHNSTAT_unbound);
    CHECK_EQ(close_port(bi.local_port), 0);
}

static void test_virq_ipi(void)
{
    struct evtchn_status st;
    struct evtchn_bind_virq bv = { .virq = VIRQ_TIMER, .vcpu = 0 };
    struct evtchn_bind_ipi ipi = { .vcpu = 0 };
    struct evtchn_bind_vcpu bvc;
    struct evtchn_unmask um;

    CHECK_EQ(evtchn_op(EVTCHNOP_bind_virq, &bv), 0);
    CHECK_EQ(bv.port, 1);
    CHECK_EQ(status(bv.port, &st), 0);
    CHECK_EQ(st.status, EVTCHNSTAT_virq);
    CHECK_EQ(st.u.virq, VIRQ_TIMER);
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_virq, &bv), -EEXIST);
    /* No such VCPU, no such VIRQ. */
    bv.virq = VIRQ_DEBUG;
    bv.vcpu = 1;
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_virq, &bv), -ENOENT);
    bv.vcpu = 0;
    bv.virq = 24;
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_virq, &bv), -EINVAL);
    /* A global VIRQ binds to VCPU 0 only. */
    bv.virq = VIRQ_CONSOLE;
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_virq, &bv), 0);
    CHECK_EQ(bv.port, 2);

    CHECK_EQ(evtchn_op(EVTCHNOP_bind_ipi, &ipi), 0);
    CHECK_EQ(ipi.port, 3);
    CHECK_EQ(status(ipi.port, &st), 0);
    CHECK_EQ(st.status, EVTCHNSTAT_ipi);
    CHECK_EQ(send(ipi.port), 0);
    ipi.vcpu = 1;
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_ipi, &ipi), -ENOENT);

    /*
     * Only global VIRQs and unbound or interdomain ports may move to
     * another VCPU (there is only VCPU 0 here); the VCPU is checked first.
     */
    bvc.vcpu = 0;
    bvc.port = 2;
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_vcpu, &bvc), 0);
    bvc.port = 1;
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_vcpu, &bvc), -EINVAL);
    bvc.port = 3;
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_vcpu, &bvc), -EINVAL);
    bvc.vcpu = 1;
    CHECK_EQ(evtchn_op(EVTCHNOP_bind_vcpu, &bvc), -ENOENT);

    um.port = 3;
    CHECK_EQ(evtchn_op(EVTCHNOP_unmask, &um), 0);
    um.port = 100000;
    CHECK_EQ(evtchn_op(EVTCHNOP_unmask, &um), -EINVAL);

    CHECK_EQ(close_port(1), 0);
    CHECK_EQ(close_port(2), 0);
    CHECK_EQ(close_port(3), 0);
}

static void test_errors(void)
{
    struct evtchn_status st;

    CHECK_EQ(status(0, &st), 0);
    CHECK_EQ(st.status, EVTCHNSTAT_closed);
    CHECK_EQ(status(4095, &st), -EINVAL);
    CHECK_EQ(status(100000, &st), -EINVAL);
    CHECK_EQ(close_port(0), -EINVAL);
    CHECK_EQ(close_port(100000), -EINVAL);
    CHECK_EQ(send(0), -EINVAL);
    CHECK_EQ(evtchn_op(EVTCHNOP_status, NULL), -EFAULT);
    /* 14 is the hypervisor's reset continuation: its argument is read. */
    CHECK_EQ(evtchn_op(14, NULL), -EFAULT);
    CHECK_EQ(evtchn_op(15, NULL), -ENOSYS);
    CHECK_EQ(evtchn_op(1000, NULL), -ENOSYS);
}

void test_main(void)
{
    test_unbound();
    test_loopback();
    test_virq_ipi();
    test_errors();
}
