/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An event pending with events unmasked and no event callback: the
 * upcall has nowhere to go and the guest is crashed.
 */
#include "hvtest.h"
#include "hypercall-cpu.h"
#include <public/event_channel.h>

const char test_title[] = "cpu-event-nocb: an upcall with no callback";

void test_main(void)
{
    struct evtchn_bind_ipi b = { .vcpu = 0 };
    struct evtchn_send s;

    CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &b), 0);
    s.port = b.port;
    printf("cpu-event-nocb: events unmasked by SCHEDOP_block\n");
    CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_send, &s), 0);
    test_expect_shutdown(SHUTDOWN_crash);
    test_report();
    HYPERVISOR_sched_op(SCHEDOP_block, NULL);
    printf("cpu-event-nocb: came back\n");
}
