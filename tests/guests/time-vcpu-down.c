/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VCPUOP_down on the last VCPU of a domain shuts the domain down with
 * reason poweroff.  Were the call to return, the framework would ask for
 * a reboot and the runner would see the wrong reason.
 */
#include "time-util.h"

const char test_title[] = "time-vcpu-down: the last VCPU going down";

void test_main(void)
{
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 0, NULL), 1);
    test_set_shutdown(SHUTDOWN_reboot);
    test_expect_shutdown(SHUTDOWN_poweroff);
    test_report();
    vcpu_op(VCPUOP_down, 0, NULL);
    printf("time-vcpu-down: VCPUOP_down returned\n");
}
