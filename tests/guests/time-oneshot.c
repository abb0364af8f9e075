/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One-shot timers: VCPUOP_set_singleshot_timer and set_timer_op raise
 * VIRQ_TIMER at their deadline (never before it, and within the slack of
 * an emulated machine after it), at once for a deadline already past, and
 * not at all once stopped; far or negative set_timer_op deadlines become
 * 100 ms, as on Xen.  VIRQ_TIMER is watched through its pending bit.
 */
#include "time-util.h"

const char test_title[] = "time-oneshot: one-shot timer accuracy";

/*
 * An event is never early.  How late it may be depends on the host: an
 * emulator sharing the host's CPUs can be held up for tens of ms now and
 * then.  So a single event only has to come within LATE_MAX, and the
 * accuracy checks take the best of several tries.
 */
#define LATE_MAX    MS(100)
#define LATE_BEST   MS(20)
#define TRIES       5


static evtchn_port_t port;

static long singleshot(uint64_t deadline, uint32_t flags)
{
    struct vcpu_set_singleshot_timer set = {
        .timeout_abs_ns = deadline, .flags = flags,
    };

    return vcpu_op(VCPUOP_set_singleshot_timer, 0, &set);
}

/*
 * The event arrives between 'deadline' and 'deadline' + LATE_MAX; returns
 * how late it was (LATE_MAX if it failed).
 */
static uint64_t check_fires(const char *what, uint64_t start,
                            uint64_t deadline)
{
    uint64_t woke;

    CHECK_EQ(poll_port(port, deadline + SECS(1)), 0);
    woke = now();
    printf("%s: woke %lu us after the start, deadline %lu us\n", what,
           (woke - start) / 1000, (deadline - start) / 1000);
    if ( !port_pending(port) )
        test_fail("%s: no VIRQ_TIMER", what);
    else if ( woke < deadline )
        test_fail("%s: fired %lu ns early", what, deadline - woke);
    else if ( woke > deadline + LATE_MAX )
        test_fail("%s: fired %lu us late", what, (woke - deadline) / 1000);
    else
    {
        clear_pending(port);
        return woke - deadline;
    }
    clear_pending(port);
    return LATE_MAX;
}

static void check_best(const char *what, uint64_t best)
{
    if ( best > LATE_BEST )
        test_fail("%s: at best %lu us late", what, best / 1000);
    else
        printf("ok: %s: at best %lu us late\n", what, best / 1000);
}

/* Nothing arrives before 'until'. */
static void check_silent(const char *what, uint64_t until)
{
    CHECK_EQ(poll_port(port, until), 0);
    if ( port_pending(port) )
        test_fail("%s: VIRQ_TIMER raised", what);
    else
        printf("ok: %s: no event\n", what);
    clear_pending(port);
}

static void test_accuracy(void)
{
    uint64_t best = LATE_MAX, late, t0;

    for ( unsigned int i = 0; i < TRIES; i++ )
    {
        t0 = now();
        CHECK_EQ(singleshot(t0 + MS(10), 0), 0);
        late = check_fires("singleshot 10 ms", t0, t0 + MS(10));
        best = late < best ? late : best;
    }
    check_best("singleshot 10 ms", best);

    best = LATE_MAX;
    for ( unsigned int i = 0; i < TRIES; i++ )
    {
        t0 = now();
        CHECK_EQ(set_timer_op(t0 + MS(10)), 0);
        late = check_fires("set_timer_op 10 ms", t0, t0 + MS(10));
        best = late < best ? late : best;
    }
    check_best("set_timer_op 10 ms", best);

    t0 = now();
    CHECK_EQ(singleshot(t0 + MS(40), VCPU_SSHOTTMR_future), 0);
    check_fires("singleshot 40 ms", t0, t0 + MS(40));
}

/* A deadline already past raises the event before the call returns. */
static void test_past(void)
{
    long rc;

    rc = singleshot(now() - 1, 0);
    CHECK_EQ(rc, 0);
    CHECK(port_pending(port));
    clear_pending(port);

    /* Xen 4.17 ignores VCPU_SSHOTTMR_future: no -ETIME. */
    rc = singleshot(now() - MS(1), VCPU_SSHOTTMR_future);
    CHECK_EQ(rc, 0);
    CHECK(port_pending(port));
    clear_pending(port);

    rc = singleshot(1, 0);
    CHECK_EQ(rc, 0);
    CHECK(port_pending(port));
    clear_pending(port);

    /* A negative deadline, as a signed time, is long past. */
    {
        uint64_t t0 = now();

        CHECK_EQ(singleshot(1UL << 63, 0), 0);
        CHECK(spin_for_port(port, t0 + MS(5)));
        clear_pending(port);
    }

    /* set_timer_op: due at once too. */
    {
        uint64_t t0 = now();

        CHECK_EQ(set_timer_op(t0 - MS(1)), 0);
        CHECK(spin_for_port(port, t0 + MS(5)));
        clear_pending(port);
    }
}

/*
 * Deadlines here leave the host time to hold us up between two calls
 * without the first one firing in between.
 */
static void test_stop(void)
{
    uint64_t t0 = now();

    CHECK_EQ(singleshot(t0 + MS(30), 0), 0);
    CHECK_EQ(vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL), 0);
    check_silent("stopped singleshot", t0 + MS(60));

    t0 = now();
    CHECK_EQ(set_timer_op(t0 + MS(30)), 0);
    CHECK_EQ(set_timer_op(0), 0);
    check_silent("set_timer_op(0)", t0 + MS(60));

    /* One timer: set_timer_op and the VCPUOP share it. */
    t0 = now();
    CHECK_EQ(set_timer_op(t0 + MS(30)), 0);
    CHECK_EQ(vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL), 0);
    check_silent("set_timer_op stopped by VCPUOP", t0 + MS(60));

    /* A new deadline replaces the old one. */
    t0 = now();
    CHECK_EQ(singleshot(t0 + MS(30), 0), 0);
    CHECK_EQ(singleshot(t0 + MS(90), 0), 0);
    check_silent("replaced deadline", t0 + MS(60));
    check_fires("replaced deadline", t0, t0 + MS(90));

    /* Stopping with nothing armed is fine. */
    CHECK_EQ(vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL), 0);
    CHECK_EQ(set_timer_op(0), 0);
}

/*
 * Deadlines 2^50 ns (13 days) or more ahead, or negative, are taken for a
 * guest's arithmetic gone wrong: 100 ms instead.
 */
static void test_huge(void)
{
    uint64_t t0 = now();

    CHECK_EQ(set_timer_op(t0 + (1UL << 51)), 0);
    check_fires("set_timer_op far ahead", t0, t0 + MS(100));

    t0 = now();
    CHECK_EQ(set_timer_op(1UL << 63), 0);
    check_fires("set_timer_op negative", t0, t0 + MS(100));

    /* Just under the limit is taken as asked: nothing for a while. */
    t0 = now();
    CHECK_EQ(set_timer_op(t0 + (1UL << 49)), 0);
    check_silent("set_timer_op 2^49 ns ahead", t0 + MS(150));
    CHECK_EQ(set_timer_op(0), 0);
}

void test_main(void)
{
    long rc;

    if ( !map_shared_info() )
        return;
    rc = bind_virq_timer();
    if ( !CHECK(rc > 0) )
        return;
    port = rc;
    /* The 100 Hz tick every PV VCPU starts with would get in the way. */
    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
    clear_pending(port);

    test_accuracy();
    test_past();
    test_stop();
    test_huge();
}
