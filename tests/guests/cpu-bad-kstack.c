/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A bounce from user mode onto a kernel stack the guest cannot write
 * ("stack=ro": its page tables; "stack=hv": the hypervisor's range;
 * "stack=none": unmapped) crashes the guest, never the hypervisor.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-bad-kstack: a bounce with nowhere to go";

static long user_trap(long arg)
{
    asm volatile ( "int3" );
    return 0;
}

void test_main(void)
{
    char kind[16] = "none";
    unsigned long sp;

    traps_init();
    CHECK_EQ(user_mode_init(), 0);
    cmdline_get("stack", kind, sizeof(kind));
    if ( !strcmp(kind, "ro") )
        sp = start_info->pt_base + 4096;
    else if ( !strcmp(kind, "hv") )
        sp = 0xffff830000100000UL;
    else
        sp = 0x1000;
    CHECK_EQ(HYPERVISOR_stack_switch(FLAT_KERNEL_SS, sp), 0);
    printf("cpu-bad-kstack: int3 in user mode, kernel stack %#lx\n", sp);
    test_expect_shutdown(SHUTDOWN_crash);
    test_report();
    user_call(user_trap, 0);
    printf("cpu-bad-kstack: came back\n");
}
