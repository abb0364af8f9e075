/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0 builds a domU from the sched-domu image through domctl, runs it,
 * hears of its shutdown through VIRQ_DOM_EXC, reads what it printed and
 * destroys it; every frame comes back.  The domU only runs if the
 * hypervisor switches between domains.  A second domU crashes itself: it
 * is shut down with reason crash, and dom0 carries on.
 */
#include "sched-build.h"

const char test_title[] = "sched-dom: dom0 builds, runs and destroys a domU";

/* Not spelt out in a CHECK: the runner must not take it for our result. */
static const char domu_passed[] = "Test result: SUCCESS";

void test_main(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    static struct domu u;
    uint64_t before;
    bool told = false;

    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) ||
         !CHECK(dom_shared_info() != NULL) )
        return;
    before = free_pages_settled(0);

    if ( !CHECK_EQ(domu_build(&u, "do=hello"), 0) )
        return;
    CHECK_EQ(domu_flags(u.id) & (XEN_DOMINF_paused | XEN_DOMINF_shutdown),
             XEN_DOMINF_paused);
    CHECK_EQ(dom_cpu_time(u.id), 0);
    port_test_and_clear(bv.port);

    CHECK_EQ(domu_unpause(&u), 0);
    CHECK_EQ(domu_wait_shutdown(&u, bv.port, 10000000000ULL, &told),
             SHUTDOWN_poweroff);
    CHECK(told);
    CHECK(domu_show_console(&u, domu_passed));
    CHECK(dom_cpu_time(u.id) > 0);

    CHECK_EQ(domu_destroy(u.id), 0);
    CHECK_EQ(free_pages_settled(before), before);

    told = false;
    if ( !CHECK_EQ(domu_build(&u, "do=crash"), 0) )
        return;
    port_test_and_clear(bv.port);
    CHECK_EQ(domu_unpause(&u), 0);
    CHECK_EQ(domu_wait_shutdown(&u, bv.port, 10000000000ULL, &told),
             SHUTDOWN_crash);
    CHECK(told);
    CHECK_EQ(domu_destroy(u.id), 0);
    CHECK_EQ(free_pages_settled(before), before);
}
