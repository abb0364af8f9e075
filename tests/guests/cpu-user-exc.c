/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exceptions in guest user mode reach the kernel's handlers on the
 * kernel stack, in kernel mode (hypercalls work there), with CS RPL 3 in
 * the frame and the user bit of a #PF error code set; software
 * interrupts need DPL 3 from user mode.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-user-exc: exceptions from guest user mode";

#define PFEC_P 1
#define PFEC_W 2
#define PFEC_U 4

extern char u_pf_insn[], u_wr_insn[], u_ud_insn[], u_bp_insn[];
extern char u_int21_insn[], u_int22_insn[], u_priv_insn[];

static long u_pf(long arg)
{
    asm volatile ( "mov $0x1000, %%eax\n"
                   ".globl u_pf_insn\nu_pf_insn: mov (%%rax), %%rax"
                   ::: "rax", "memory" );
    return 0;
}

static long u_wr(long arg)
{
    asm volatile ( ".globl u_wr_insn\nu_wr_insn: movq $0, (%0)"
                   :: "r" (arg) : "memory" );
    return 0;
}

static long u_ud(long arg)
{
    asm volatile ( ".globl u_ud_insn\nu_ud_insn: ud2" );
    return 0;
}

static long u_bp(long arg)
{
    asm volatile ( ".globl u_bp_insn\nu_bp_insn: int3" );
    return 0;
}

static long u_int21(long arg)
{
    asm volatile ( ".globl u_int21_insn\nu_int21_insn: int $0x21" );
    return 0;
}

static long u_int22(long arg)
{
    asm volatile ( ".globl u_int22_insn\nu_int22_insn: int $0x22" );
    return 0;
}

/* Even a privilege the kernel has by emulation is not the user's. */
static long u_priv(long arg)
{
    asm volatile ( ".globl u_priv_insn\nu_priv_insn: mov %%cr0, %%rax"
                   ::: "rax" );
    return 0;
}

static long version_from_handler;

/* A #UD handler that makes a hypercall: it runs in kernel mode. */
static void ud_handler(struct trap_frame *f)
{
    last_trap.count++;
    last_trap.f = *f;
    version_from_handler = HYPERVISOR_xen_version(XENVER_version, NULL);
    f->rip += 2;
}

static void expect_user_trap(const char *name, unsigned int vec,
                             long (*fn)(long), long arg, const char *insn,
                             unsigned int after)
{
    long rc;

    printf("cpu-user-exc: %s\n", name);
    trap_expected = vec;
    rc = user_call(fn, arg);
    trap_expected = -1;
    CHECK_EQ(rc, -1000 - (long)vec);
    CHECK_EQ(user_last_frame.vector, vec);
    CHECK_EQ(user_last_frame.rip, (unsigned long)insn + after);
    CHECK_EQ(user_last_frame.cs & 0xffff, FLAT_USER_CS);
    CHECK_EQ(user_last_frame.ss, FLAT_USER_SS);
    CHECK_EQ(last_trap.frame_rip, (kernel_stack_top & ~15UL) - 40);
}

void test_main(void)
{
    traps_init();
    CHECK_EQ(user_mode_init(), 0);
    CHECK_EQ(trap_register(0x21, 1, 0), 0);
    CHECK_EQ(trap_register(0x22, 3, 0), 0);

    expect_user_trap("#PF, not present", 14, u_pf, 0, u_pf_insn, 0);
    CHECK_EQ(user_last_frame.error_code, PFEC_U);
    CHECK_EQ(last_trap.cr2, 0x1000);

    /* Page tables are mapped read-only, for user mode as for the kernel. */
    expect_user_trap("#PF, write to a read-only page", 14, u_wr,
                     start_info->pt_base, u_wr_insn, 0);
    CHECK_EQ(user_last_frame.error_code, PFEC_U | PFEC_W | PFEC_P);
    CHECK_EQ(last_trap.cr2, start_info->pt_base);

    expect_user_trap("#UD", 6, u_ud, 0, u_ud_insn, 0);
    expect_user_trap("#BP", 3, u_bp, 0, u_bp_insn, 1);
    expect_user_trap("int $0x21, DPL 1: #GP", 13, u_int21, 0,
                     u_int21_insn, 0);
    CHECK_EQ(user_last_frame.error_code, 0x21 * 8 + 2);
    expect_user_trap("int $0x22, DPL 3", 0x22, u_int22, 0, u_int22_insn, 2);
    expect_user_trap("MOV from CR0 in user mode: #GP(0)", 13, u_priv, 0,
                     u_priv_insn, 0);
    CHECK_EQ(user_last_frame.error_code, 0);

    printf("cpu-user-exc: a handler in kernel mode makes a hypercall\n");
    trap_set_handler(6, ud_handler);
    CHECK_EQ(user_call(u_ud, 0), 0);
    CHECK_EQ(last_trap.f.cs & 0xffff, FLAT_USER_CS);
    CHECK_EQ(version_from_handler, HYPERVISOR_xen_version(XENVER_version,
                                                          NULL));
}
