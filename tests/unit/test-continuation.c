/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of hypercall continuations (common/hypercall-continue.c):
 * when a hypercall is told to stop, and where the arguments of what is
 * left go, for a call from the guest and for a multicall entry.
 */
#include <CUnit/Basic.h>
#include <string.h>

#include <hv/types.h>
#include <hv/continuation.h>
#include <hv/domain.h>
#include <hv/sched.h>
#include <hv/timer.h>
#include <public/xen.h>

#include "harness/harness.h"

/* --- what the common code stands on ------------------------------------ */

static struct vcpu vcpu0;
static bool resched, events;
static uint64_t clock_ns = 1000;

static struct
{
    unsigned int calls;
    unsigned int op, nr;
    unsigned long args[HYPERCALL_MAX_ARGS];
} arch;

unsigned int arch_cpu_id(void)
{
    return 0;
}

struct vcpu *current_vcpu(void)
{
    return &vcpu0;
}

bool vcpu_events_pending(const struct vcpu *v)
{
    return v == &vcpu0 && events;
}

bool sched_need_resched(void)
{
    return resched;
}

uint64_t arch_now(void)
{
    return clock_ns;
}

void arch_hypercall_set_args(unsigned int op, unsigned int nr,
                             const unsigned long args[])
{
    arch.calls++;
    arch.op = op;
    arch.nr = nr;
    memcpy(arch.args, args, nr * sizeof(args[0]));
}

static int reset(void)
{
    unsigned int op;

    hypercall_leave(&op);
    resched = events = false;
    memset(&arch, 0, sizeof(arch));
    return 0;
}

/* --- when to stop -------------------------------------------------------- */

static void test_not_in_hypercall(void)
{
    reset();
    resched = events = true;
    clock_ns += HYPERCALL_BUDGET_NS * 10;
    CU_ASSERT_FALSE(hypercall_preempt_check());
}

static void test_reasons(void)
{
    unsigned int op;

    reset();
    hypercall_enter();
    CU_ASSERT_FALSE(hypercall_preempt_check());
    resched = true;
    CU_ASSERT_TRUE(hypercall_preempt_check());
    resched = false;
    events = true;
    CU_ASSERT_TRUE(hypercall_preempt_check());
    events = false;
    CU_ASSERT_FALSE(hypercall_preempt_check());
    CU_ASSERT_FALSE(hypercall_leave(&op));
}

static void test_budget(void)
{
    unsigned int op, i;

    reset();
    hypercall_enter();
    /* The budget starts at the call's first check, not at its entry. */
    clock_ns += HYPERCALL_BUDGET_NS * 10;
    CU_ASSERT_FALSE(hypercall_preempt_check());
    clock_ns += HYPERCALL_BUDGET_NS - 1;
    for ( i = 0; i < 2 * HYPERCALL_CLOCK_CHECKS; i++ )
        CU_ASSERT_FALSE(hypercall_preempt_check());
    /* Once it ran out, one of the next HYPERCALL_CLOCK_CHECKS says so. */
    clock_ns += 1;
    for ( i = 0; i < HYPERCALL_CLOCK_CHECKS; i++ )
        if ( hypercall_preempt_check() )
            break;
    CU_ASSERT(i < HYPERCALL_CLOCK_CHECKS);
    hypercall_leave(&op);

    /* Each call (a continuation's too) gets a budget of its own. */
    hypercall_enter();
    CU_ASSERT_FALSE(hypercall_preempt_check());
    hypercall_leave(&op);
}

/* --- where the arguments go ---------------------------------------------- */

static void test_from_guest(void)
{
    unsigned int op = 0;

    reset();
    hypercall_enter();
    CU_ASSERT_EQUAL(hypercall_continue(__HYPERVISOR_mmu_update, 0x1000,
                                       0x80000005U, 0x2000, 0x7ff0),
                    __HYPERVISOR_mmu_update);
    CU_ASSERT_EQUAL(arch.calls, 1);
    CU_ASSERT_EQUAL(arch.op, __HYPERVISOR_mmu_update);
    CU_ASSERT_EQUAL(arch.nr, 4);
    CU_ASSERT_EQUAL(arch.args[0], 0x1000);
    CU_ASSERT_EQUAL(arch.args[1], 0x80000005U);
    CU_ASSERT_EQUAL(arch.args[2], 0x2000);
    CU_ASSERT_EQUAL(arch.args[3], 0x7ff0);
    CU_ASSERT_TRUE(hypercall_preempted());
    CU_ASSERT_TRUE(hypercall_leave(&op));
    CU_ASSERT_EQUAL(op, __HYPERVISOR_mmu_update);
    /* Nothing is left over for the next call. */
    CU_ASSERT_FALSE(hypercall_leave(&op));
    CU_ASSERT_FALSE(hypercall_preempted());
}

static void test_cancel(void)
{
    unsigned int op;

    reset();
    hypercall_enter();
    hypercall_continue(__HYPERVISOR_console_io, 0, 10, 0x3000);
    hypercall_cancel_continuation();
    CU_ASSERT_FALSE(hypercall_preempted());
    CU_ASSERT_FALSE(hypercall_leave(&op));
}

static void test_stale_state(void)
{
    unsigned int op;

    /* A call that never returned (its domain crashed) leaves nothing. */
    reset();
    hypercall_enter();
    hypercall_continue(__HYPERVISOR_memory_op, 0x41, 0x5000);
    hypercall_enter();
    CU_ASSERT_FALSE(hypercall_preempted());
    CU_ASSERT_FALSE(hypercall_leave(&op));
}

static void test_too_many_args(void)
{
    const unsigned long args[7] = { 1, 2, 3, 4, 5, 6, 7 };
    unsigned int op;

    reset();
    hypercall_enter();
    hypercall_create_continuation(__HYPERVISOR_multicall, 7, args);
    CU_ASSERT_EQUAL(arch.nr, HYPERCALL_MAX_ARGS);
    CU_ASSERT_EQUAL(arch.args[4], 5);
    hypercall_leave(&op);
}

static void test_multicall_entry(void)
{
    struct multicall_entry e = {
        .op = __HYPERVISOR_mmuext_op,
        .args = { 0x1000, 9, 0x2000, DOMID_SELF, 0xaa, 0xbb },
    };
    unsigned int op;

    reset();
    hypercall_enter();
    CU_ASSERT_FALSE(hypercall_preempted());
    hypercall_multicall_enter(e.args);
    CU_ASSERT_EQUAL(hypercall_continue(__HYPERVISOR_mmuext_op, 0x1100,
                                       0x80000001U, 0x2000, DOMID_SELF),
                    __HYPERVISOR_mmuext_op);
    hypercall_multicall_leave();
    /* The entry holds the rest of its call; the guest's registers not. */
    CU_ASSERT_EQUAL(arch.calls, 0);
    CU_ASSERT_EQUAL(e.op, __HYPERVISOR_mmuext_op);
    CU_ASSERT_EQUAL(e.args[0], 0x1100);
    CU_ASSERT_EQUAL(e.args[1], 0x80000001U);
    CU_ASSERT_EQUAL(e.args[2], 0x2000);
    CU_ASSERT_EQUAL(e.args[3], DOMID_SELF);
    CU_ASSERT_EQUAL(e.args[4], 0xaa);
    CU_ASSERT_EQUAL(e.args[5], 0xbb);
    CU_ASSERT_TRUE(hypercall_preempted());

    /* The multicall then continues itself, from the guest's registers. */
    hypercall_continue(__HYPERVISOR_multicall, 0x9000, 3);
    CU_ASSERT_EQUAL(arch.calls, 1);
    CU_ASSERT_EQUAL(arch.op, __HYPERVISOR_multicall);
    CU_ASSERT_EQUAL(arch.nr, 2);
    CU_ASSERT_TRUE(hypercall_leave(&op));
    CU_ASSERT_EQUAL(op, __HYPERVISOR_multicall);
}

static void test_multicall_entry_done(void)
{
    unsigned long args[6] = { 1, 2, 3, 4, 5, 6 };
    unsigned int op;

    /* An entry that completes: no continuation, its arguments intact. */
    reset();
    hypercall_enter();
    hypercall_multicall_enter(args);
    hypercall_multicall_leave();
    CU_ASSERT_FALSE(hypercall_preempted());
    CU_ASSERT_EQUAL(args[0], 1);
    CU_ASSERT_FALSE(hypercall_leave(&op));
}

static CU_TestInfo tests[] = {
    { "no stop outside a hypercall", test_not_in_hypercall },
    { "reschedule and events stop a call", test_reasons },
    { "a call stops once its budget is used", test_budget },
    { "a call from the guest continues from its registers",
      test_from_guest },
    { "a cancelled continuation is forgotten", test_cancel },
    { "a call that never returned leaves nothing", test_stale_state },
    { "at most five arguments", test_too_many_args },
    { "a multicall entry keeps its continuation", test_multicall_entry },
    { "a completed multicall entry is left alone",
      test_multicall_entry_done },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "continuation", NULL, NULL, NULL, NULL, tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
