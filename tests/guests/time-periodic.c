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

/*
 * The median of 'n' intervals between ticks, watched by spinning.  A host
 * that holds the emulator up for a while merges ticks or delays seeing
 * one; the median shrugs off such outliers.  0 if ticks stop coming.
 */
static uint64_t median_interval(unsigned int n, uint64_t period)
{
    uint64_t seen[16], prev, t;

    clear_pending(port);
    if ( !spin_for_port(port, now() + 10 * period) )
        return 0;
    prev = now();
    for ( unsigned int i = 0; i < n && i < ARRAY_SIZE(seen); i++ )
    {
        clear_pending(port);
        if ( !spin_for_port(port, prev + 10 * period) )
            return 0;
        t = now();
        seen[i] = t - prev;
        prev = t;
    }
    /* Insertion sort: n is small. */
    for ( unsigned int i = 1; i < n; i++ )
        for ( unsigned int j = i; j > 0 && seen[j - 1] > seen[j]; j-- )
        {
            t = seen[j];
            seen[j] = seen[j - 1];
            seen[j - 1] = t;
        }
    return seen[n / 2];
}

static void check_period(const char *what, uint64_t period)
{
    uint64_t got = median_interval(9, period);

    printf("%s: median interval %lu us\n", what, got / 1000);
    if ( got < period - period / 10 || got > period + MS(10) )
        test_fail("%s: ticks %lu us apart, want %lu", what, got / 1000,
                  period / 1000);
}

/* No tick for 'ms' milliseconds. */
static void check_no_ticks(const char *what, unsigned int ms)
{
    clear_pending(port);
    if ( spin_for_port(port, now() + MS(ms)) )
        test_fail("%s: a tick came", what);
    else
        printf("ok: %s\n", what);
}

static long set_period(uint64_t ns)
{
    struct vcpu_set_periodic_timer set = { .period_ns = ns };

    return vcpu_op(VCPUOP_set_periodic_timer, 0, &set);
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

    /* 100 Hz from the start. */
    check_period("default tick", MS(10));

    CHECK_EQ(set_period(MS(20)), 0);
    check_period("20 ms period", MS(20));

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
    check_no_ticks("stopped, no tick in 50 ms", 50);
    /* Stopping twice is fine. */
    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);

    /* A new period starts counting from the last tick: due at once. */
    CHECK_EQ(set_period(MS(1)), 0);
    CHECK(port_pending(port));
    check_period("1 ms period", MS(1));
    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
}
