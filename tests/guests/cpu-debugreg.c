/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * set_debugreg / get_debugreg and MOV to/from DR: breakpoint addresses
 * only in guest space, DR6/DR7 with their reserved bits forced and the
 * upper halves refused, no general detect, I/O breakpoints only under
 * CR4.DE, and DR4/DR5 aliases that CR4.DE turns off.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"
#include "cpu-insn.h"

const char test_title[] = "cpu-debugreg: debug register checks";

#define CR4_DE 0x8UL

static unsigned long probe;

static void mov_to_dr0(void)
{
    asm volatile ( "mov %0, %%dr0" :: "a" (probe) );
}

static void mov_from_dr4(void)
{
    asm volatile ( "mov %%dr4, %0" : "=a" (probe) );
}

void test_main(void)
{
    unsigned long v;

    traps_init();

    printf("cpu-debugreg: defaults\n");
    CHECK_EQ(HYPERVISOR_get_debugreg(6), 0xffff0ff0);
    CHECK_EQ(HYPERVISOR_get_debugreg(7), 0x400);
    CHECK_EQ(HYPERVISOR_get_debugreg(0), 0);

    printf("cpu-debugreg: addresses\n");
    CHECK_EQ(HYPERVISOR_set_debugreg(0, 0x1000), 0);
    CHECK_EQ(HYPERVISOR_get_debugreg(0), 0x1000);
    CHECK_EQ(HYPERVISOR_set_debugreg(1, 0x00007fffffffffffUL), 0);
    CHECK_EQ(HYPERVISOR_set_debugreg(2, 0x0000800000000000UL), -EPERM);
    CHECK_EQ(HYPERVISOR_set_debugreg(2, 0xffff800000000000UL), -EPERM);
    CHECK_EQ(HYPERVISOR_set_debugreg(2, 0xffff87ffffffffffUL), -EPERM);
    CHECK_EQ(HYPERVISOR_set_debugreg(3, 0xffff880000000000UL), 0);
    CHECK_EQ(HYPERVISOR_get_debugreg(3), 0xffff880000000000UL);
    CHECK_EQ(HYPERVISOR_get_debugreg(2), 0);

    printf("cpu-debugreg: DR6\n");
    CHECK_EQ(HYPERVISOR_set_debugreg(6, 0), 0);
    CHECK_EQ(HYPERVISOR_get_debugreg(6), 0xffff0ff0);
    CHECK_EQ(HYPERVISOR_set_debugreg(6, 0x100f), 0);
    CHECK_EQ(HYPERVISOR_get_debugreg(6), 0xffff0fff);
    CHECK_EQ(HYPERVISOR_set_debugreg(6, 0x100000000UL), -EINVAL);
    CHECK_EQ(HYPERVISOR_set_debugreg(4, 0x4000), 0);
    CHECK_EQ(HYPERVISOR_get_debugreg(6), 0xffff4ff0);
    CHECK_EQ(HYPERVISOR_get_debugreg(4), 0xffff4ff0);

    printf("cpu-debugreg: DR7\n");
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0), 0);
    CHECK_EQ(HYPERVISOR_get_debugreg(7), 0x400);
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0x2000), -EPERM);
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0x100000000UL), -EINVAL);
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0xd800), 0);
    CHECK_EQ(HYPERVISOR_get_debugreg(7), 0x400);
    /* An I/O breakpoint (R/W0 = 2) without CR4.DE. */
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0x20001), -EPERM);
    CHECK_EQ(HYPERVISOR_set_debugreg(5, 0x20000), 0);
    CHECK_EQ(HYPERVISOR_get_debugreg(5), 0x20400);

    printf("cpu-debugreg: others\n");
    CHECK_EQ(HYPERVISOR_set_debugreg(8, 0), -ENODEV);
    CHECK_EQ(HYPERVISOR_get_debugreg(8), -ENODEV);
    CHECK_EQ(HYPERVISOR_set_debugreg(-1, 0), -ENODEV);
    CHECK_EQ(HYPERVISOR_get_debugreg(-1), -ENODEV);

    printf("cpu-debugreg: MOV to and from DR\n");
    asm volatile ( "mov %%dr6, %0" : "=r" (v) );
    CHECK_EQ(v, 0xffff4ff0);
    asm volatile ( "mov %0, %%dr1" :: "r" (0x2000UL) );
    CHECK_EQ(HYPERVISOR_get_debugreg(1), 0x2000);
    probe = 0xffff820000000000UL;
    CHECK(expect_trap(13, 3, mov_to_dr0));
    CHECK_EQ(last_trap.f.error_code, 0);

    printf("cpu-debugreg: CR4.DE\n");
    write_cr4(read_cr4() | CR4_DE);
    CHECK_EQ(read_cr4() & CR4_DE, CR4_DE);
    CHECK_EQ(HYPERVISOR_set_debugreg(4, 0), -ENODEV);
    CHECK_EQ(HYPERVISOR_get_debugreg(5), -ENODEV);
    CHECK(expect_trap(6, 3, mov_from_dr4));
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0x20001), 0);
    CHECK_EQ(HYPERVISOR_get_debugreg(7), 0x20401);
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0), 0);
    write_cr4(read_cr4() & ~CR4_DE);
}
