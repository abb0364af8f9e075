/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * platform_op and VCPUOP_get_physid from an unprivileged domU: refused
 * (platform-domu's "perm").  dom0 builds it, runs it to its shutdown and
 * reads its verdict from its console ring.
 */
#include "sched-build.h"

const char test_title[] = "platform-perm: platform_op refused to a domU";

/* Not spelt out in a CHECK: the runner must not take it for our result. */
static const char domu_passed[] = "Test result: SUCCESS";

void test_main(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    static struct domu u;
    bool told = false;

    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) ||
         !CHECK(dom_shared_info() != NULL) ||
         !CHECK_EQ(domu_build(&u, "do=perm"), 0) )
        return;
    CHECK_EQ(domu_unpause(&u), 0);
    CHECK_EQ(domu_wait_shutdown(&u, bv.port, 30000000000ULL, &told),
             SHUTDOWN_poweroff);
    CHECK(domu_show_console(&u, domu_passed));
    CHECK_EQ(domu_destroy(u.id), 0);
}
