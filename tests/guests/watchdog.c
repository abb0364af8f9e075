/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SCHEDOP_watchdog: two timers per domain, ids from 1; then one left to
 * expire, which must end the domain with reason "watchdog".
 */
#include "hvtest.h"

const char test_title[] = "watchdog: SCHEDOP_watchdog timers";

static long wd(uint32_t id, uint32_t timeout)
{
    struct sched_watchdog w = { .id = id, .timeout = timeout };

    return HYPERVISOR_sched_op(SCHEDOP_watchdog, &w);
}

void test_main(void)
{
    /* id 0 creates a timer and returns its id; only two exist. */
    CHECK_EQ(wd(0, 600), 1);
    CHECK_EQ(wd(0, 600), 2);
    /*
     * Xen 4.17 computes this error in an unsigned int, so the guest sees
     * -ENOSPC zero-extended from 32 bits, not a negative long.
     */
    CHECK_EQ(wd(0, 600), (uint32_t)-ENOSPC);
    CHECK_EQ(wd(3, 600), -EINVAL);
    CHECK_EQ(wd(0xffffffff, 0), -EINVAL);
    /* A new timeout re-arms; 0 destroys; a destroyed id is unknown. */
    CHECK_EQ(wd(1, 600), 0);
    CHECK_EQ(wd(1, 0), 0);
    CHECK_EQ(wd(1, 0), -EINVAL);
    CHECK_EQ(wd(1, 600), -EINVAL);
    CHECK_EQ(wd(2, 0), 0);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_watchdog, NULL), -EFAULT);

    /* Now let one fire. */
    CHECK_EQ(wd(0, 1), 1);
    test_expect_shutdown(SHUTDOWN_watchdog);
    test_await_shutdown();
}
