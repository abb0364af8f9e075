/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SCHEDOP_shutdown_code records a reason ahead of time: the first one set
 * wins, and a later SCHEDOP_shutdown reports it instead of its own.
 */
#include "hvtest.h"

const char test_title[] = "shutdown-code: a preset reason wins";

void test_main(void)
{
    struct sched_shutdown sd;

    sd.reason = SHUTDOWN_reboot;
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_shutdown_code, &sd), 0);
    /* Only the first code counts; this one is ignored, still with 0. */
    sd.reason = SHUTDOWN_crash;
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_shutdown_code, &sd), 0);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_shutdown_code, NULL), -EFAULT);

    test_set_shutdown(SHUTDOWN_poweroff);
    test_expect_shutdown(SHUTDOWN_reboot);
}
