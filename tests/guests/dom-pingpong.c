/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interdomain events between dom0 and a domU it builds (dom-pingpong-domu):
 * dom0 offers an unbound port, names it on the domU's command line, and
 * the two bounce an event 1000 times waiting by SCHEDOP_block, then 1000
 * times by SCHEDOP_poll, counting exactly; the domU closes its end and
 * dom0's port is unbound again.  A second domU crashes in the middle:
 * dom0 hears of it, and its port is unbound once the domU is destroyed.
 */
#include "dom-peer.h"

const char test_title[] = "dom-pingpong: interdomain event ping-pong";

/* Not spelt out in a CHECK: the runner must not take it for our result. */
static const char domu_passed[] = "Test result: SUCCESS";

#define ROUNDS      1000
#define CRASH_AT    1500                /* the domU's ping that never comes */
#define SECOND      1000000000ULL

static long alloc_unbound(domid_t remote)
{
    struct evtchn_alloc_unbound a = { .dom = DOMID_SELF,
                                      .remote_dom = remote };
    long rc = HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &a);

    return rc ? rc : (long)a.port;
}

/* EVTCHNOP_status of one of our ports: its status, the remote in *dom. */
static long port_status(evtchn_port_t port, domid_t *dom,
                        evtchn_port_t *rport)
{
    struct evtchn_status s = { .dom = DOMID_SELF, .port = port };
    long rc = HYPERVISOR_event_channel_op(EVTCHNOP_status, &s);

    *dom = s.status == EVTCHNSTAT_interdomain ? s.u.interdomain.dom
                                              : s.u.unbound.dom;
    if ( rport )
        *rport = s.u.interdomain.port;
    return rc ? rc : (long)s.status;
}

static long close_port(evtchn_port_t port)
{
    struct evtchn_close c = { .port = port };

    return HYPERVISOR_event_channel_op(EVTCHNOP_close, &c);
}

/*
 * Build a domU that plays with us through a fresh port of ours; the port,
 * or 0 after a failed check.
 */
static evtchn_port_t start(struct domu *u, unsigned int crash_at)
{
    char line[96];
    long port;

    if ( !CHECK_EQ(domu_build(u, "do=pingpong"), 0) )
        return 0;
    port = alloc_unbound(u->id);
    if ( !CHECK(port > 0) )
        return 0;
    snprintf(line, sizeof(line), "port=%ld rounds=%u crash=%u", port,
             ROUNDS, crash_at);
    if ( !CHECK_EQ(peer_set_cmdline(u, line), 0) ||
         !CHECK_EQ(domu_unpause(u), 0) )
        return 0;
    return port;
}

/*
 * Answer each ping with a pong, until 2 * ROUNDS or until the domU shuts
 * down: the pings answered.
 */
static unsigned int serve(const struct domu *u, evtchn_port_t port,
                          evtchn_port_t dom_exc)
{
    unsigned int bad_sends = 0, i;

    pp_start(port, dom_exc);
    for ( i = 1; i <= 2 * ROUNDS; i++ )
    {
        for ( ;; )
        {
            if ( i <= ROUNDS )
                pp_wait_block(i);
            else
                pp_wait_poll(i, sys_now() + 5 * SECOND);
            if ( pp.seen >= i || !pp.other_fired )
                break;
            /* VIRQ_DOM_EXC: the domU, or an earlier one going away. */
            pp.other_fired = false;
            if ( domu_flags(u->id) & XEN_DOMINF_shutdown )
                goto out;
        }
        if ( pp.seen != i )
            break;
        bad_sends += pp_send() != 0;
    }
 out:
    *upcall_mask() = 1;
    CHECK_EQ(bad_sends, 0);
    return i - 1;
}

static void pingpong(evtchn_port_t dom_exc)
{
    static struct domu u;
    evtchn_port_t port, rport;
    domid_t remote;
    bool told = false;

    if ( !(port = start(&u, 0)) )
        return;
    CHECK_EQ(serve(&u, port, dom_exc), 2 * ROUNDS);
    CHECK_EQ(pp.seen, 2 * ROUNDS);
    CHECK_EQ(domu_wait_shutdown(&u, dom_exc, 10 * SECOND, &told),
             SHUTDOWN_poweroff);
    CHECK(domu_show_console(&u, domu_passed));
    /* The domU closed its end: ours waits for a new partner. */
    CHECK_EQ(port_status(port, &remote, &rport), EVTCHNSTAT_unbound);
    CHECK_EQ(remote, u.id);
    CHECK_EQ(domu_destroy(u.id), 0);
    CHECK_EQ(port_status(port, &remote, &rport), EVTCHNSTAT_unbound);
    CHECK_EQ(close_port(port), 0);
}

static void crash_midway(evtchn_port_t dom_exc)
{
    static struct domu u;
    evtchn_port_t port, rport;
    domid_t remote;
    bool told = false;

    if ( !(port = start(&u, CRASH_AT)) )
        return;
    CHECK_EQ(serve(&u, port, dom_exc), CRASH_AT - 1);
    CHECK_EQ(pp.seen, CRASH_AT - 1);
    CHECK_EQ(domu_wait_shutdown(&u, dom_exc, 10 * SECOND, &told),
             SHUTDOWN_crash);
    /* Shut down but not yet destroyed, it still holds its end. */
    CHECK_EQ(port_status(port, &remote, &rport), EVTCHNSTAT_interdomain);
    CHECK_EQ(remote, u.id);
    CHECK_EQ(pp_send(), 0);
    CHECK_EQ(domu_destroy(u.id), 0);
    CHECK_EQ(port_status(port, &remote, &rport), EVTCHNSTAT_unbound);
    CHECK_EQ(remote, u.id);
    /* A send into nowhere is dropped, not refused. */
    CHECK_EQ(pp_send(), 0);
    CHECK_EQ(close_port(port), 0);
    CHECK_EQ(port_status(port, &remote, &rport), EVTCHNSTAT_closed);
}

void test_main(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    uint64_t before;

    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) ||
         !CHECK(dom_shared_info() != NULL) )
        return;
    pp_setup();
    before = free_pages_settled(0);
    pingpong(bv.port);
    crash_midway(bv.port);
    CHECK_EQ(free_pages_settled(before), before);
}
