/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_sched_op sub-commands that return to the caller: yield,
 * argument checks of poll and remote_shutdown, pin_override, unknown ones.
 */
#include "hvtest.h"

const char test_title[] = "sched: sched_op return values";

void test_main(void)
{
    struct sched_poll poll = { .nr_ports = 129 };
    struct sched_remote_shutdown rs = {
        .domain_id = 0x7ff5, .reason = SHUTDOWN_poweroff
    };
    struct sched_pin_override pin;

    /* Yield has no argument to check: anything goes. */
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_yield, NULL), 0);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_yield, (void *)1), 0);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_yield, (void *)VIRT_BASE), 0);
    /* The sub-command is an int: bits above 31 are ignored. */
    CHECK_EQ(hypercall2(__HYPERVISOR_sched_op, (1UL << 32) | SCHEDOP_yield,
                        0), 0);

    /* Poll: at most 128 ports; the port list must be addressable. */
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_poll, &poll), -EINVAL);
    poll.nr_ports = 1;
    set_xen_guest_handle(poll.ports, (evtchn_port_t *)0x8000000000000000UL);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_poll, &poll), -EFAULT);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_poll, NULL), -EFAULT);

    /* No such domain. */
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_remote_shutdown, &rs), -ESRCH);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_remote_shutdown, NULL), -EFAULT);

    /* dom0 may pin itself to a physical CPU for a while, then undo it. */
    pin.pcpu = 0x7fffffff;
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_pin_override, &pin), -EINVAL);
    pin.pcpu = -1;
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_pin_override, &pin), -EINVAL);
    pin.pcpu = 0;
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_pin_override, &pin), 0);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_pin_override, &pin), -EBUSY);
    pin.pcpu = -1;
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_pin_override, &pin), 0);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_pin_override, NULL), -EFAULT);

    /* Unknown sub-commands. */
    CHECK_EQ(HYPERVISOR_sched_op(8, NULL), -ENOSYS);
    CHECK_EQ(HYPERVISOR_sched_op(9, NULL), -ENOSYS);
    CHECK_EQ(HYPERVISOR_sched_op(100, NULL), -ENOSYS);
    CHECK_EQ(HYPERVISOR_sched_op(-1, NULL), -ENOSYS);

    /* The pre-3.0.2 hypercall still yields. */
    CHECK_EQ(hypercall2(__HYPERVISOR_sched_op_compat, SCHEDOP_yield, 0), 0);
    CHECK_EQ(hypercall2(__HYPERVISOR_sched_op_compat, 100, 0), -ENOSYS);
}
