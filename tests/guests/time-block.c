/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SCHEDOP_block woken by the VCPU's timers: block unmasks event delivery,
 * sleeps until VIRQ_TIMER, and the upcall reaches the event callback on
 * the way back.  An event already pending makes block return at once.
 */
#include "time-util.h"
#include "traps.h"

const char test_title[] = "time-block: SCHEDOP_block woken by a timer";

#define LATE_MAX MS(100)

static evtchn_port_t port;
static volatile unsigned int upcalls;
static volatile uint64_t upcall_time;

/* The event callback: note the time, acknowledge, return. */
static void on_event(struct trap_frame *f)
{
    upcalls++;
    upcall_time = now();
    clear_pending(port);
    shinfo->vcpu_info[0].evtchn_pending_sel = 0;
    shinfo->vcpu_info[0].evtchn_upcall_pending = 0;
}

static long block(void)
{
    return HYPERVISOR_sched_op(SCHEDOP_block, NULL);
}

/* Block with a timer due at 'deadline'; the upcall comes then, once. */
static void check_wakes(const char *what, uint64_t deadline)
{
    unsigned int before = upcalls;
    long rc = block();

    /* Block leaves events unmasked: mask them again for what follows. */
    shinfo->vcpu_info[0].evtchn_upcall_mask = 1;
    CHECK_EQ(rc, 0);
    if ( upcalls != before + 1 )
    {
        test_fail("%s: %u upcalls", what, upcalls - before);
        return;
    }
    printf("%s: upcall %ld us after the deadline\n", what,
           (long)(upcall_time - deadline) / 1000);
    if ( upcall_time < deadline )
        test_fail("%s: woken %lu ns early", what, deadline - upcall_time);
    else if ( upcall_time > deadline + LATE_MAX )
        test_fail("%s: woken %lu us late", what,
                  (upcall_time - deadline) / 1000);
}

void test_main(void)
{
    struct vcpu_set_singleshot_timer ss = { 0 };
    uint64_t deadline;
    long rc;

    if ( !map_shared_info() )
        return;
    traps_init();
    trap_set_handler(VEC_EVENT, on_event);
    rc = bind_virq_timer();
    if ( !CHECK(rc > 0) )
        return;
    port = rc;
    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
    CHECK_EQ(shinfo->vcpu_info[0].evtchn_upcall_mask, 1);
    clear_pending(port);
    shinfo->vcpu_info[0].evtchn_upcall_pending = 0;

    deadline = now() + MS(20);
    ss.timeout_abs_ns = deadline;
    CHECK_EQ(vcpu_op(VCPUOP_set_singleshot_timer, 0, &ss), 0);
    check_wakes("singleshot 20 ms", deadline);

    deadline = now() + MS(30);
    CHECK_EQ(set_timer_op(deadline), 0);
    check_wakes("set_timer_op 30 ms", deadline);

    /* Due while masked: block returns at once and delivers it. */
    deadline = now();
    ss.timeout_abs_ns = deadline - 1;
    CHECK_EQ(vcpu_op(VCPUOP_set_singleshot_timer, 0, &ss), 0);
    CHECK_EQ(upcalls, 2);
    CHECK(port_pending(port));
    check_wakes("already pending", deadline - 1);

    /* The runstate saw the VCPU blocked for about as long. */
    {
        struct vcpu_runstate_info rs;

        CHECK_EQ(vcpu_op(VCPUOP_get_runstate_info, 0, &rs), 0);
        printf("blocked for %lu us in all\n",
               rs.time[RUNSTATE_blocked] / 1000);
        CHECK(rs.time[RUNSTATE_blocked] >= MS(25));
    }
}
