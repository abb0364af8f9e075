/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Faults that feed themselves: "kind=handler" registers a #PF handler
 * at an unmapped address, so delivering the fault faults again, frame
 * after frame down the stack until it runs out; "kind=loop" has a handler
 * that returns to the faulting instruction a thousand times and then
 * fixes it.  The first must crash the guest, the second carry on.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-fault-storm: faulting in a loop";

static unsigned int faults;

static void gp_retry(struct trap_frame *f)
{
    /* RAX holds the bad address: make it good on the 1000th time. */
    if ( ++faults == 1000 )
        f->rax = (unsigned long)&faults;
}

static void loop(void)
{
    unsigned long v;

    asm volatile ( "mov (%%rax), %%rax"
                   : "=a" (v) : "a" (0x8000000000000000UL) : "memory" );
    CHECK_EQ(v, 1000);
}

void test_main(void)
{
    char kind[16] = "loop";

    traps_init();
    cmdline_get("kind", kind, sizeof(kind));
    if ( !strcmp(kind, "loop") )
    {
        trap_set_handler(13, gp_retry);
        loop();
        CHECK_EQ(faults, 1000);
        return;
    }

    CHECK_EQ(trap_register(14, 0, 0x2000), 0);
    printf("cpu-fault-storm: #PF with a handler that is not mapped\n");
    test_expect_shutdown(SHUTDOWN_crash);
    test_report();
    (void)*(volatile unsigned long *)0x1000;
    printf("cpu-fault-storm: came back\n");
}
