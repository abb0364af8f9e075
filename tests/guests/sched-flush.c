/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Remote page flushes: dom0 runs a domU with two VCPUs (sched-flush-domu)
 * whose second keeps reading a page whose mapping the first moves with
 * every kind of INVLPG request that reaches other CPUs; the reader must
 * see each move.  The domU also times INVLPG against full flushes, and
 * dom0 shows the figures.
 */
#include "sched-build.h"

const char test_title[] = "sched-flush: remote INVLPG on two CPUs";

/* Not spelt out in a CHECK: the runner must not take it for our result. */
static const char domu_passed[] = "Test result: SUCCESS";

void test_main(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    static struct domu u;
    bool told = false;

    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) ||
         !CHECK(dom_shared_info() != NULL) ||
         !CHECK_EQ(domu_build_vcpus(&u, "", 2), 0) )
        return;
    CHECK_EQ(domu_unpause(&u), 0);
    CHECK_EQ(domu_wait_shutdown(&u, bv.port, 60000000000ULL, &told),
             SHUTDOWN_poweroff);
    CHECK(domu_show_console(&u, domu_passed));
    CHECK_EQ(domu_destroy(u.id), 0);
}
