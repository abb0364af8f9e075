/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An iret to user mode (CS RPL 3) before the guest gave a user page
 * table: the guest is crashed rather than let into user mode with every
 * kernel mapping in view.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-iret-nouser: iret to user mode, no user L4";

static uint8_t stack[4096] __attribute__((aligned(16)));

static long user_fn(long arg)
{
    return arg;
}

void test_main(void)
{
    traps_init();
    printf("cpu-iret-nouser: entering user mode without NEW_USER_BASEPTR\n");
    test_expect_shutdown(SHUTDOWN_crash);
    test_report();
    user_enter((unsigned long)user_fn, (unsigned long)stack + sizeof(stack),
               0, 0x202);
    printf("cpu-iret-nouser: the iret came back\n");
}
