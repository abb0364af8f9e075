/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multicalls on two CPUs at once: a domU's two VCPUs run batches side by
 * side (platform-domu's "multicall") while dom0 pauses and unpauses it
 * from batches of its own, whose pause waits for the domU's CPU.  No
 * batch may be refused for another's, and a nested one still is.
 */
#include "sched-build.h"

const char test_title[] = "platform-multicall: batches on several CPUs";

/* Not spelt out in a CHECK: the runner must not take it for our result. */
static const char domu_passed[] = "Test result: SUCCESS";

/* Pause and unpause u in one batch; 0 or the first failure. */
static long pause_batch(const struct domu *u)
{
    static struct xen_domctl ops[2];
    static multicall_entry_t calls[2];
    long rc;

    domctl_init(&ops[0], XEN_DOMCTL_pausedomain, u->id);
    domctl_init(&ops[1], XEN_DOMCTL_unpausedomain, u->id);
    for ( unsigned int i = 0; i < 2; i++ )
    {
        calls[i].op = __HYPERVISOR_domctl;
        calls[i].args[0] = (unsigned long)&ops[i];
        calls[i].result = 0xbad;
    }
    rc = hypercall2(__HYPERVISOR_multicall, calls, 2);
    if ( rc )
        return rc;
    for ( unsigned int i = 0; i < 2; i++ )
        if ( calls[i].result )
            return (long)calls[i].result;
    return 0;
}

void test_main(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    static struct domu u;
    uint64_t end;
    unsigned long batches = 0;
    long bad = 0;
    int reason = -1;

    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) ||
         !CHECK(dom_shared_info() != NULL) ||
         !CHECK_EQ(domu_build_vcpus(&u, "do=multicall", 2), 0) )
        return;
    CHECK_EQ(domu_unpause(&u), 0);

    end = sys_now() + 60000000000ULL;
    while ( sys_now() < end )
    {
        uint32_t flags = domu_flags(u.id);
        long rc;

        if ( flags != ~0U && (flags & XEN_DOMINF_shutdown) )
        {
            reason = (flags >> XEN_DOMINF_shutdownshift) &
                     XEN_DOMINF_shutdownmask;
            break;
        }
        rc = pause_batch(&u);
        if ( rc && !bad )
            bad = rc;
        batches++;
        sleep_ns(1000000);
    }
    printf("dom0: %lu pause batches, first failure %ld\n", batches, bad);
    CHECK_EQ(bad, 0);
    CHECK(batches > 10);
    CHECK_EQ(reason, SHUTDOWN_poweroff);
    CHECK(domu_show_console(&u, domu_passed));
    CHECK_EQ(domu_destroy(u.id), 0);
}
