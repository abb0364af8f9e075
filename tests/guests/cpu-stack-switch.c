/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * stack_switch: where bounces from guest user mode put their frame.  The
 * frame goes under the given stack pointer rounded down to 16 bytes,
 * whatever the selector (its RPL is forced), and a new call takes effect
 * for the next bounce.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-stack-switch: the kernel stack for bounces";

static uint8_t stack_a[8192] __attribute__((aligned(16)));
static uint8_t stack_b[8192] __attribute__((aligned(16)));

static long user_trap(long arg)
{
    asm volatile ( "int $0x21" );
    return 0;
}

static void bounce_with(unsigned long ss, unsigned long sp)
{
    CHECK_EQ(HYPERVISOR_stack_switch(ss, sp), 0);
    trap_expected = 0x21;
    CHECK_EQ(user_call(user_trap, 0), -1000 - 0x21);
    trap_expected = -1;
    printf("cpu-stack-switch: sp %#lx: frame RIP word at %#lx\n", sp,
           last_trap.frame_rip);
    CHECK_EQ(last_trap.frame_rip, (sp & ~15UL) - 40);
}

void test_main(void)
{
    traps_init();
    CHECK_EQ(user_mode_init(), 0);
    CHECK_EQ(trap_register(0x21, 3, 0), 0);

    bounce_with(FLAT_KERNEL_SS, (unsigned long)stack_a + sizeof(stack_a));
    bounce_with(FLAT_KERNEL_SS,
                (unsigned long)stack_b + sizeof(stack_b) - 8);
    bounce_with(FLAT_KERNEL_SS & ~3,
                (unsigned long)stack_a + sizeof(stack_a) - 1);
    bounce_with(0, (unsigned long)stack_b + 4099);
    /* Any values are taken; they only matter at the next bounce. */
    CHECK_EQ(HYPERVISOR_stack_switch(0x1234, 0x8000000000000000UL), 0);
    CHECK_EQ(HYPERVISOR_stack_switch(FLAT_KERNEL_SS, kernel_stack_top), 0);
    bounce_with(FLAT_KERNEL_SS, kernel_stack_top);
}
