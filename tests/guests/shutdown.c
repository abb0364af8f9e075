/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SCHEDOP_shutdown with the reason named on the command line
 * ("reason=reboot", or a number); the runner checks the reason reported.
 */
#include "hvtest.h"

const char test_title[] = "shutdown: SCHEDOP_shutdown with a chosen reason";

void test_main(void)
{
    char arg[32];
    int reason = SHUTDOWN_poweroff;

    if ( cmdline_get("reason", arg, sizeof(arg)) )
    {
        reason = shutdown_parse(arg);
        if ( reason < 0 || reason > 0xff )
        {
            test_fail("bad reason '%s' on the command line", arg);
            return;
        }
    }
    printf("shutdown: asking for reason %d\n", reason);
    test_set_shutdown(reason);
}
