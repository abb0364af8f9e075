/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The periodic timer: a PV VCPU starts with a 100 Hz VIRQ_TIMER tick,
 * VCPUOP_set_periodic_timer changes the period and stop_periodic_timer
 * ends it.  The tick only runs while the VCPU runs: a blocked VCPU is not
 * woken by it, and gets one overdue tick when it runs again.
 */
#include "time-util.h"

const char test_title[] = "time-periodic: the periodic VIRQ_TIMER tick";

static evtchn_port_t port;

/* Ticks seen while spinning for 'ms' milliseconds. */
static unsigned int count_ticks(unsigned int ms)
{
    uint64_t end = now() + MS(ms);
    unsigned int ticks = 0;

    clear_pending(port);
    while ( now() < end )
        if ( port_pending(port) )
        {
            ticks++;
            clear_pending(port);
        }
    return ticks;
}

static long set_period(uint64_t ns)
{
    struct vcpu_set_periodic_timer set = { .period_ns = ns };

    return vcpu_op(VCPUOP_set_periodic_timer, 0, &set);
}

static void check_ticks(const char *what, unsigned int got, unsigned int lo,
                        unsigned int hi)
{
    if ( got < lo || got > hi )
        test_fail("%s: %u ticks, want %u to %u", what, got, lo, hi);
    else
        printf("ok: %s: %u ticks\n", what, got);
}

void test_main(void)
{
    uint64_t t0, t1;
    long rc;

    if ( !map_shared_info() )
        return;
    rc = bind_virq_timer();
    if ( !CHECK(rc > 0) )
        return;
    port = rc;

    /* 100 Hz from the start: about ten ticks in 105 ms. */
    check_ticks("default tick, 105 ms", count_ticks(105), 8, 11);

    CHECK_EQ(set_period(MS(20)), 0);
    check_ticks("20 ms period, 105 ms", count_ticks(105), 4, 6);

    /* While blocked in a poll the tick stops: the poll times out. */
    CHECK_EQ(set_period(MS(10)), 0);
    clear_pending(port);
    t0 = now();
    CHECK_EQ(poll_port(port, t0 + MS(50)), 0);
    t1 = now();
    printf("poll with the tick running: back after %lu us\n",
           (t1 - t0) / 1000);
    CHECK(t1 >= t0 + MS(50));
    /* ... and the overdue tick comes as the VCPU runs again. */
    CHECK(port_pending(port));
    clear_pending(port);

    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
    check_ticks("stopped, 50 ms", count_ticks(50), 0, 0);
    /* Stopping twice is fine. */
    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);

    /* A new period starts counting from the last tick: due at once. */
    CHECK_EQ(set_period(MS(1)), 0);
    CHECK(port_pending(port));
    check_ticks("1 ms period, 30 ms", count_ticks(30), 20, 31);
    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
}
