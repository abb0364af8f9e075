/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hardware breakpoints and single-stepping in a PV guest: a data
 * breakpoint traps after the write, an instruction breakpoint faults on
 * the instruction (RF in the frame steps over it), TF traps after each
 * instruction, and the status shows in DR6 through get_debugreg.  A
 * breakpoint on a buffer the hypervisor writes for a hypercall does not
 * reach the guest.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-dr-bp: breakpoints and single steps";

#define EFLAGS_TF 0x100UL
#define EFLAGS_RF 0x10000UL
#define DR6_B0    0x1UL
#define DR6_B1    0x2UL
#define DR6_BS    0x4000UL

static volatile uint32_t watched;
static char version_buf[XEN_EXTRAVERSION_LEN] __attribute__((aligned(16)));
extern char write_insn[], exec_insn[], step_insn[];

static unsigned int db_count;
static unsigned long dr6_at_db;

static void db_handler(struct trap_frame *f)
{
    db_count++;
    last_trap.count++;
    last_trap.f = *f;
    dr6_at_db = HYPERVISOR_get_debugreg(6);
    HYPERVISOR_set_debugreg(6, 0);
    /* Step over an instruction breakpoint; stop single-stepping. */
    f->rflags |= EFLAGS_RF;
    f->rflags &= ~EFLAGS_TF;
}

static __attribute__((noinline)) void do_write(void)
{
    asm volatile ( "movl $7, %0\n"
                   ".globl write_insn\n"
                   "write_insn: nop"
                   : "=m" (watched) :: "memory" );
}

static __attribute__((noinline)) void do_exec(void)
{
    asm volatile ( ".globl exec_insn\n"
                   "exec_insn: nop\n\t"
                   "nop" ::: "memory" );
}

static __attribute__((noinline)) void do_step(void)
{
    asm volatile ( "pushf\n\t"
                   "orl $0x100, (%%rsp)\n\t"
                   "popf\n"
                   ".globl step_insn\n"
                   "step_insn: nop\n\t"
                   "nop" ::: "memory" );
}

/* Single-step into a hypercall: the step lands after it, or nowhere. */
static __attribute__((noinline)) long step_hypercall(void)
{
    long rc;

    asm volatile ( "pushf\n\t"
                   "orl $0x100, (%%rsp)\n\t"
                   "popf\n\t"
                   "nop\n\t"
                   "syscall"
                   : "=a" (rc) : "a" (__HYPERVISOR_xen_version), "D" (0),
                     "S" (0)
                   : "rcx", "r11", "rdx", "r10", "r8", "memory" );
    return rc;
}

void test_main(void)
{
    traps_init();
    trap_set_handler(1, db_handler);

    printf("cpu-dr-bp: data breakpoint on a write\n");
    CHECK_EQ(HYPERVISOR_set_debugreg(0, (unsigned long)&watched), 0);
    /* L0, R/W0 = write, LEN0 = 4 bytes. */
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0x1 | (1UL << 16) | (3UL << 18)),
             0);
    do_write();
    CHECK_EQ(db_count, 1);
    CHECK_EQ(watched, 7);
    CHECK_EQ(last_trap.f.rip, (unsigned long)write_insn);
    CHECK_EQ(dr6_at_db & (DR6_B0 | DR6_BS), DR6_B0);

    printf("cpu-dr-bp: the hypervisor's writes do not trap the guest\n");
    CHECK_EQ(HYPERVISOR_set_debugreg(0, (unsigned long)version_buf), 0);
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_extraversion, version_buf), 0);
    CHECK_EQ(db_count, 1);

    printf("cpu-dr-bp: instruction breakpoint\n");
    CHECK_EQ(HYPERVISOR_set_debugreg(1, (unsigned long)exec_insn), 0);
    /* L1 only: execute, length 1. */
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0x4), 0);
    do_exec();
    CHECK_EQ(db_count, 2);
    CHECK_EQ(last_trap.f.rip, (unsigned long)exec_insn);
    CHECK_EQ(dr6_at_db & (DR6_B1 | DR6_BS), DR6_B1);
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0), 0);

    printf("cpu-dr-bp: single step\n");
    do_step();
    CHECK_EQ(db_count, 3);
    /* TF set by POPF traps after the instruction that follows it. */
    CHECK_EQ(last_trap.f.rip, (unsigned long)step_insn + 1);
    CHECK_EQ(dr6_at_db & DR6_BS, DR6_BS);

    printf("cpu-dr-bp: single step into SYSCALL\n");
    db_count = 0;
    CHECK_EQ(step_hypercall(), HYPERVISOR_xen_version(XENVER_version, NULL));
    printf("cpu-dr-bp: %u #DB, the last at %#lx\n", db_count,
           (unsigned long)last_trap.f.rip);
    CHECK(db_count >= 1 && db_count <= 2);
}
