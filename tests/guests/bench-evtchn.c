/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channel costs, in TSC cycles: a send to ourselves delivered as an
 * upcall (send, bounce to the event callback, iret), and a round trip
 * between dom0 and a domU it builds (bench-domu), each side blocked in
 * SCHEDOP_poll until the other's event: two sends, two wake-ups, two
 * switches between domains on one CPU.
 */
#include "bench.h"
#include "sched-build.h"
#include "traps.h"
#include "upcall.h"

const char test_title[] = "bench-evtchn: event channel round trips";

#define LOOP_SENDS      200
#define ROUNDS          30
#define SECOND          1000000000ULL

/* Cycles per send and upcall, over one batch; *bad counts misses. */
static uint64_t loop_batch(evtchn_port_t p, unsigned int *bad)
{
    uint64_t t0, t1;

    upcall_log_reset();
    t0 = bench_tsc();
    for ( unsigned int i = 0; i < LOOP_SENDS; i++ )
        if ( evtchn_send_port(p) )
            (*bad)++;
    t1 = bench_tsc();
    if ( upcall_log.upcalls != LOOP_SENDS || upcall_log.port[0] != p )
        (*bad)++;
    return (t1 - t0) / LOOP_SENDS;
}

static void loopback(void)
{
    uint64_t v[BENCH_BATCHES];
    unsigned int bad = 0;
    long p;

    traps_init();
    upcall_init();
    p = evtchn_bind_ipi_port();
    if ( !CHECK(p > 0) )
        return;
    *upcall_mask() = 0;
    loop_batch(p, &bad);
    for ( unsigned int b = 0; b < BENCH_BATCHES; b++ )
        v[b] = loop_batch(p, &bad);
    *upcall_mask() = 1;
    CHECK_EQ(evtchn_close_port(p), 0);
    if ( CHECK_EQ(bad, 0) )
        bench_report("evtchn-loopback", "cycles",
                     bench_median(v, BENCH_BATCHES));
}

/*
 * Wait for the domU's event on port; false if instead it died (dom_exc
 * pending).  No timeout: a timer per wait would be measured too.
 */
static bool wait_peer(evtchn_port_t port, evtchn_port_t dom_exc)
{
    evtchn_port_t ports[2] = { port, dom_exc };
    struct sched_poll p = { .nr_ports = 2, .timeout = 0 };

    set_xen_guest_handle(p.ports, ports);
    while ( !port_test_and_clear(port) )
    {
        if ( port_test_and_clear(dom_exc) )
            return false;
        HYPERVISOR_sched_op(SCHEDOP_poll, &p);
    }
    return true;
}

/* Cycles per round trip over one batch; false if the domU stopped. */
static bool ping_batch(evtchn_port_t port, evtchn_port_t dom_exc,
                       uint64_t *cycles)
{
    uint64_t t0 = bench_tsc();

    for ( unsigned int i = 0; i < ROUNDS; i++ )
        if ( evtchn_send_port(port) || !wait_peer(port, dom_exc) )
            return false;
    *cycles = (bench_tsc() - t0) / ROUNDS;
    return true;
}

static void pingpong(void)
{
    static const char domu_passed[] = "Test result: SUCCESS";
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    struct evtchn_bind_interdomain bi = { 0 };
    static struct domu u;
    char cmdline[32];
    uint64_t v[BENCH_BATCHES], c;
    bool told = false, ok = true;

    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) ||
         !CHECK(dom_shared_info() != NULL) )
        return;
    snprintf(cmdline, sizeof(cmdline), "rounds=%u",
             (BENCH_BATCHES + 1) * ROUNDS);
    if ( !CHECK_EQ(domu_build(&u, cmdline), 0) )
        return;
    /* Its console channel is ours to use: nobody else serves it here. */
    bi.remote_dom = u.id;
    bi.remote_port = u.console_port;
    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_interdomain,
                                               &bi), 0) )
        return;
    port_test_and_clear(bi.local_port);
    port_test_and_clear(bv.port);
    CHECK_EQ(domu_unpause(&u), 0);

    /* Its first event says it runs; the rest answer ours. */
    ok = CHECK(wait_peer(bi.local_port, bv.port)) &&
         CHECK(ping_batch(bi.local_port, bv.port, &c));
    for ( unsigned int b = 0; ok && b < BENCH_BATCHES; b++ )
        ok = CHECK(ping_batch(bi.local_port, bv.port, &v[b]));

    CHECK_EQ(domu_wait_shutdown(&u, bv.port, 10 * SECOND, &told),
             SHUTDOWN_poweroff);
    CHECK(domu_show_console(&u, domu_passed));
    CHECK_EQ(domu_destroy(u.id), 0);
    if ( ok && !test_failed() )
        bench_report("evtchn-pingpong", "cycles",
                     bench_median(v, BENCH_BATCHES));
}

void test_main(void)
{
    loopback();
    pingpong();
}
