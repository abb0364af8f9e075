/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Preemption of long hypercalls.  A hypercall runs with interrupts on but
 * keeps the CPU: nothing else runs here until it returns.  So a batch of
 * any size (page-table updates, reservations, grant operations, a console
 * write, a domain's teardown) checks between two units of work whether it
 * should stop, and if so rewrites its own arguments to describe what is
 * left and has the guest issue it again.  The guest's SYSCALL is simply
 * run again after whatever was waiting (another VCPU, an event for this
 * one) had its turn; the guest sees one call, with the result it would
 * have had without the stops.
 *
 * Xen stops for pending softirqs and events only; with a single domain on
 * a single CPU nothing may ever ask, so we also stop once a call has held
 * the CPU for HYPERCALL_BUDGET_NS since its first check.  Timers keep
 * firing meanwhile (their interrupt is not masked), which is how an event
 * or a reschedule comes to be pending while a hypercall runs.
 *
 * The state is per CPU: a hypercall never leaves its CPU before it
 * returns (the scheduler switches only on the way out to the guest).
 */
#include <hv/types.h>
#include <hv/continuation.h>
#include <hv/domain.h>
#include <hv/sched.h>
#include <hv/sched-if.h>
#include <hv/timer.h>

struct hcall_state
{
    bool active;                /* a guest's hypercall runs here */
    bool preempted;             /* and it is to be issued again */
    bool clock_started;         /* start is valid */
    unsigned int op;            /* as this hypercall */
    unsigned int checks;        /* preemption checks made so far */
    uint64_t start;             /* when it first checked */
    unsigned long *mc_args;     /* the multicall entry being run, or NULL */
};

static struct hcall_state hcall_state[SCHED_MAX_CPUS];

static struct hcall_state *this_cpu_state(void)
{
    return &hcall_state[arch_cpu_id()];
}

void hypercall_enter(void)
{
    struct hcall_state *s = this_cpu_state();

    /*
     * Whatever a crashed call left behind is forgotten here.  The clock
     * is not read: most calls never check, and reading it costs more
     * than the shortest of them (see hypercall_preempt_check).
     */
    *s = (struct hcall_state){ .active = true };
}

bool hypercall_leave(unsigned int *op)
{
    struct hcall_state *s = this_cpu_state();
    bool preempted = s->preempted;

    *op = s->op;
    *s = (struct hcall_state){ 0 };
    return preempted;
}

bool hypercall_preempt_check(void)
{
    struct hcall_state *s = this_cpu_state();
    const struct vcpu *v = current_vcpu();

    if ( !s->active )
        return false;
    if ( sched_need_resched() || (v && vcpu_events_pending(v)) )
        return true;
    /*
     * The budget runs from the call's first check, and the clock is read
     * only every HYPERCALL_CLOCK_CHECKS checks: a multicall checks between
     * entries as short as a null call, which the clock read would nearly
     * double.  The budget is overrun by that many units of work at most.
     */
    if ( s->checks++ % HYPERCALL_CLOCK_CHECKS )
        return false;
    if ( !s->clock_started )
    {
        s->start = arch_now();
        s->clock_started = true;
        return false;
    }
    return arch_now() - s->start >= HYPERCALL_BUDGET_NS;
}

long hypercall_create_continuation(unsigned int op, unsigned int nr,
                                   const unsigned long args[])
{
    struct hcall_state *s = this_cpu_state();

    if ( nr > HYPERCALL_MAX_ARGS )
        nr = HYPERCALL_MAX_ARGS;
    s->preempted = true;
    if ( s->mc_args )
    {
        /* The entry's own op stays: it is the one continued. */
        for ( unsigned int i = 0; i < nr; i++ )
            s->mc_args[i] = args[i];
        return op;
    }
    s->op = op;
    arch_hypercall_set_args(op, nr, args);
    return op;
}

void hypercall_cancel_continuation(void)
{
    this_cpu_state()->preempted = false;
}

void hypercall_multicall_enter(unsigned long args[])
{
    this_cpu_state()->mc_args = args;
}

void hypercall_multicall_leave(void)
{
    this_cpu_state()->mc_args = NULL;
}

bool hypercall_preempted(void)
{
    return this_cpu_state()->preempted;
}
