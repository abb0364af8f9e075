/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SYSCALL from guest user mode with no syscall callback registered: the
 * guest kernel gets #UD on the SYSCALL instruction itself.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-syscall-nocb: SYSCALL without a callback";

extern char u_syscall_insn[];

static long u_syscall(long arg)
{
    asm volatile ( "mov $0x77, %%eax\n"
                   ".globl u_syscall_insn\nu_syscall_insn: syscall"
                   ::: "rax", "rcx", "r11", "memory" );
    return 0;
}

void test_main(void)
{
    long rc;

    traps_no_syscall_callback = true;
    traps_init();
    CHECK_EQ(user_mode_init(), 0);

    trap_expected = 6;
    rc = user_call(u_syscall, 0);
    trap_expected = -1;
    CHECK_EQ(rc, -1006);
    CHECK_EQ(user_last_frame.vector, 6);
    CHECK_EQ(user_last_frame.rip, (unsigned long)u_syscall_insn);
    CHECK_EQ(user_last_frame.cs & 0xffff, FLAT_USER_CS);
    CHECK_EQ(user_last_frame.rax, 0x77);
}
