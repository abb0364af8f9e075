/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An exception in a guest kernel that registered no trap table has nowhere
 * to go: the hypervisor must crash the domain (dom0: reason "crash") and
 * neither hang nor carry on.  "fault=ud2|int3|pf|gp|de" picks the kind.
 */
#include "hvtest.h"

const char test_title[] = "fault: an unhandled exception crashes dom0";

static void raise_fault(const char *kind)
{
    if ( !strcmp(kind, "ud2") )
        asm volatile ( "ud2" );
    else if ( !strcmp(kind, "int3") )
        asm volatile ( "int3" );
    else if ( !strcmp(kind, "pf") )
        (void)*(volatile unsigned long *)0x1000;
    else if ( !strcmp(kind, "gp") )
        (void)*(volatile unsigned long *)0x8000000000000000UL;
    else if ( !strcmp(kind, "de") )
    {
        unsigned int zero = 0;

        asm volatile ( "xor %%edx, %%edx; mov $1, %%eax; divl %0"
                       :: "r" (zero) : "eax", "edx" );
    }
}

void test_main(void)
{
    static const char *const kinds[] = { "ud2", "int3", "pf", "gp", "de" };
    char kind[16] = "ud2";
    bool known = false;

    cmdline_get("fault", kind, sizeof(kind));
    for ( unsigned int i = 0; i < ARRAY_SIZE(kinds); i++ )
        known |= !strcmp(kind, kinds[i]);
    if ( !known )
    {
        test_fail("unknown fault kind '%s'", kind);
        return;
    }

    printf("fault: raising %s with no trap table\n", kind);
    test_expect_shutdown(SHUTDOWN_crash);
    test_report();
    raise_fault(kind);
    /* Still here: the runner sees a poweroff where a crash was due. */
    printf("fault: the %s fault was ignored\n", kind);
}
