/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A #DB held back by MOV SS until after the next instruction, when that
 * instruction is SYSCALL.  On hardware it is raised in the hypervisor's
 * first instruction, still on the guest's stack pointer, and must be
 * taken on a stack of the hypervisor's own; QEMU's TCG raises it before
 * the SYSCALL instead, so the guest sees it.  Either way the hypercall
 * completes and the guest carries on.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-movss: #DB delayed into the SYSCALL entry";

static volatile uint16_t ss_sel = FLAT_KERNEL_SS;
static unsigned int db_count;
static uint8_t stack[8192] __attribute__((aligned(16)));

static void db_handler(struct trap_frame *f)
{
    db_count++;
}

static long movss_syscall(unsigned long sp)
{
    long rc;

    asm volatile ( "mov %%rsp, %%r12\n\t"
                   "mov %[sp], %%rsp\n\t"
                   "mov %[sel], %%ss\n\t"
                   "syscall\n\t"
                   "mov %%r12, %%rsp"
                   : "=a" (rc)
                   : "a" (__HYPERVISOR_xen_version), "D" (XENVER_version),
                     "S" (0), [sp] "r" (sp), [sel] "m" (ss_sel)
                   : "rcx", "r11", "r12", "rdx", "r10", "r8", "memory" );
    return rc;
}

void test_main(void)
{
    long version = HYPERVISOR_xen_version(XENVER_version, NULL);

    traps_init();
    trap_set_handler(1, db_handler);
    /* DR0 on the selector, read/write, two bytes, enabled. */
    CHECK_EQ(HYPERVISOR_set_debugreg(0, (unsigned long)&ss_sel), 0);
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0x1 | (3UL << 16) | (1UL << 18)),
             0);

    CHECK_EQ(movss_syscall((unsigned long)stack + sizeof(stack)), version);
    CHECK_EQ(movss_syscall((unsigned long)stack + sizeof(stack) / 2),
             version);
    printf("cpu-movss: the guest saw %u #DB\n", db_count);
    CHECK(db_count <= 2);

    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0), 0);
    db_count = 0;
    CHECK_EQ(movss_syscall((unsigned long)stack + sizeof(stack)), version);
    CHECK_EQ(db_count, 0);
}
