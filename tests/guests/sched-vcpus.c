/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domU with two VCPUs: its first brings up the second with
 * VCPUOP_initialise and VCPUOP_up, takes it down and up again, and checks
 * it runs exactly while up (sched-domu's "vcpus").  dom0 runs it to its
 * shutdown, and sees the CPU time of both.  Its cases run it with one CPU
 * and with two.
 */
#include "sched-build.h"

const char test_title[] = "sched-vcpus: a domU starts its second VCPU";

/* Not spelt out in a CHECK: the runner must not take it for our result. */
static const char domu_passed[] = "Test result: SUCCESS";

void test_main(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    static struct domu u;
    bool told = false;

    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) ||
         !CHECK(dom_shared_info() != NULL) ||
         !CHECK_EQ(domu_build_vcpus(&u, "do=vcpus", 2), 0) )
        return;
    CHECK_EQ(domu_unpause(&u), 0);
    CHECK_EQ(domu_wait_shutdown(&u, bv.port, 30000000000ULL, &told),
             SHUTDOWN_poweroff);
    CHECK(domu_show_console(&u, domu_passed));
    CHECK(vcpu_cpu_time(u.id, 0) > 0);
    CHECK(vcpu_cpu_time(u.id, 1) > 0);
    CHECK_EQ(domu_destroy(u.id), 0);
}
