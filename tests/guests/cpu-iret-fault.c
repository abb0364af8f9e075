/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The iret hypercall with its frame pointer on unreadable memory: there
 * is no frame to return to, and the guest is crashed.
 */
#include "hvtest.h"
#include "traps.h"

const char test_title[] = "cpu-iret-fault: iret from an unreadable frame";

void test_main(void)
{
    char where[16] = "none";

    traps_init();
    cmdline_get("frame", where, sizeof(where));
    test_expect_shutdown(SHUTDOWN_crash);
    test_report();
    hypervisor_iret_to(!strcmp(where, "hv") ? (void *)0xffff830000000000UL
                                            : (void *)0x1000);
    printf("cpu-iret-fault: came back\n");
}
