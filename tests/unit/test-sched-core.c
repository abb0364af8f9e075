/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler core on the host, over the real credit policy and timer
 * list: VCPUs made runnable, blocked, kicked, paused and yielded through
 * its hooks; each CPU passing through schedule() whenever it is due, as
 * the exit path and the idle loop do; time moving from timer to timer,
 * optionally late as under QEMU.  The arch side only records switches.
 */
#include <stdlib.h>
#include <string.h>

#include <hv/types.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <hv/timer.h>

#include "harness.h"

#define MS(x)   ((uint64_t)(x) * 1000000ULL)
#define NCPUS   2

/* --- the machine, as the core sees it ---------------------------------- */

static uint64_t now = MS(1);
static uint64_t deadline;           /* what timer.c programmed, 0: none */
static unsigned int this_cpu;
static unsigned int nr_cpus = 1;
static struct vcpu *on_cpu[NCPUS];  /* what the switches left */
static unsigned int switches, ipis;

uint64_t arch_now(void)
{
    return now;
}

void arch_set_deadline(uint64_t ns)
{
    deadline = ns;
}

unsigned int arch_cpu_id(void)
{
    return this_cpu;
}

unsigned int arch_nr_cpus(void)
{
    return nr_cpus;
}

void arch_send_resched(unsigned int cpu)
{
    CU_ASSERT(cpu != this_cpu && cpu < nr_cpus);
    ipis++;
}

void arch_context_save(struct vcpu *prev)
{
    CU_ASSERT_PTR_EQUAL(on_cpu[this_cpu], prev);
    CU_ASSERT(prev->ctx_live);
    on_cpu[this_cpu] = NULL;
}

void arch_context_load(struct vcpu *next)
{
    CU_ASSERT_PTR_NULL(on_cpu[this_cpu]);
    if ( next )
    {
        CU_ASSERT(next->is_running && next->ctx_live);
        CU_ASSERT_EQUAL(next->processor, this_cpu);
        for ( unsigned int c = 0; c < NCPUS; c++ )
            CU_ASSERT(c == this_cpu || on_cpu[c] != next);
    }
    on_cpu[this_cpu] = next;
    switches++;
}

void arch_leave_vcpu(void)
{
    abort();
}

/* Waiting for another CPU: in one thread, let it pass meanwhile. */
static unsigned int relaxes;

void arch_sync_relax(void)
{
    unsigned int me = this_cpu;

    relaxes++;
    for ( this_cpu = 0; this_cpu < nr_cpus; this_cpu++ )
        if ( this_cpu != me && sched_need_resched() )
            schedule();
    this_cpu = me;
}

struct vcpu *current_vcpu(void)
{
    return on_cpu[this_cpu];
}

/* common/domain.c's rule. */
bool vcpu_runnable(const struct vcpu *v)
{
    const struct domain *d = v->domain;

    return v->is_initialised && !v->down && !v->pause_count &&
           !d->pause_count && d->state < DOMAIN_DYING;
}

bool evtchn_poll_end(struct vcpu *v)
{
    return __atomic_exchange_n(&v->evtchn.poll_port, EVTCHN_POLL_NONE,
                               __ATOMIC_SEQ_CST) != EVTCHN_POLL_NONE;
}

/* The runstate as common/runstate.c keeps it, and the switch hooks. */
void vcpu_runstate_change(struct vcpu *v, int state, uint64_t t)
{
    struct vcpu_runstate_info *r = &v->time.runstate;

    if ( r->state == state )
        return;
    if ( t > r->state_entry_time )
    {
        r->time[r->state] += t - r->state_entry_time;
        r->state_entry_time = t;
    }
    r->state = state;
}

void vcpu_time_switch_in(struct vcpu *v)
{
    CU_ASSERT(!v->time.running);
    v->time.running = true;
    vcpu_runstate_change(v, RUNSTATE_running, now);
}

void vcpu_time_switch_out(struct vcpu *v, int state)
{
    CU_ASSERT(v->time.running);
    v->time.running = false;
    vcpu_runstate_change(v, state, now);
}

/* --- domains and VCPUs -------------------------------------------------- */

static struct domain doms[4];
static struct vcpu vcpus[4];

static struct vcpu *new_vcpu(unsigned int i, uint16_t weight, uint16_t cap)
{
    struct domain *d = &doms[i];
    struct vcpu *v = &vcpus[i];

    memset(d, 0, sizeof(*d));
    memset(v, 0, sizeof(*v));
    d->domain_id = i;
    d->state = DOMAIN_RUNNING;
    d->max_vcpus = 1;
    d->vcpu[0] = v;
    d->sched.weight = weight;
    d->sched.cap = cap;
    v->domain = d;
    v->sched_unit.dom = &d->sched;
    v->sched_unit.hard_affinity = ~(cpumask_t)0;
    v->time.runstate.state = RUNSTATE_offline;
    v->time.runstate.state_entry_time = now;
    sched_add_vcpu(v);
    return v;
}

/* Up and initialised, as the builder leaves it; the scheduler is told. */
static struct vcpu *new_running_vcpu(unsigned int i, uint16_t weight,
                                     uint16_t cap)
{
    struct vcpu *v = new_vcpu(i, weight, cap);

    v->is_initialised = true;
    sched_vcpu_update(v);
    return v;
}

static void machine_start(unsigned int cpus)
{
    nr_cpus = cpus;
    memset(on_cpu, 0, sizeof(on_cpu));
    switches = ipis = 0;
    deadline = 0;
    sched_init(cpus);
}

/* Each CPU that is due passes through the scheduler. */
static void pass(void)
{
    for ( this_cpu = 0; this_cpu < nr_cpus; this_cpu++ )
        if ( sched_need_resched() )
            schedule();
    this_cpu = 0;
}

/*
 * Time moves on to 'until', timer by timer, each firing 'late' ns after
 * its deadline (cycling through 0..late), the CPUs passing as due.
 */
static void run_until(uint64_t until, uint64_t late)
{
    unsigned int n = 0;

    pass();
    while ( now < until )
    {
        uint64_t t = deadline && deadline < until ? deadline : until;

        if ( t == deadline && late )
            t += (uint64_t)(n++ % 4) * late / 3;
        now = t > now ? t : now;
        timers_run(now);
        pass();
    }
}

static void machine_stop(void)
{
    for ( unsigned int i = 0; i < ARRAY_SIZE(vcpus); i++ )
        if ( vcpus[i].domain )
        {
            /* Off its CPU first, as destruction ensures. */
            vcpus[i].domain->pause_count++;
            sched_vcpu_update(&vcpus[i]);
        }
    for ( this_cpu = 0; this_cpu < nr_cpus; this_cpu++ )
        if ( sched_need_resched() )
            schedule();
    this_cpu = 0;
    for ( unsigned int i = 0; i < ARRAY_SIZE(vcpus); i++ )
        if ( vcpus[i].domain )
        {
            sched_remove_vcpu(&vcpus[i]);
            vcpus[i].domain = NULL;
        }
    /* Nothing wants a CPU: the last tick arms no other. */
    run_until(now + MS(100), 0);
    CU_ASSERT_EQUAL(deadline, 0);
}

static uint64_t ran(const struct vcpu *v)
{
    struct vcpu_runstate_info r = v->time.runstate;

    if ( r.state == RUNSTATE_running )
        r.time[RUNSTATE_running] += now - r.state_entry_time;
    return r.time[RUNSTATE_running];
}

/* --- tests ---------------------------------------------------------------- */

static void test_wake_and_run(void)
{
    struct vcpu *v;

    machine_start(1);
    v = new_vcpu(0, 256, 0);
    /* Not initialised: the scheduler does not want it. */
    sched_vcpu_update(v);
    CU_ASSERT(!sched_need_resched());
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_offline);

    v->is_initialised = true;
    sched_vcpu_update(v);
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_runnable);
    CU_ASSERT(sched_need_resched());
    CU_ASSERT_PTR_EQUAL(schedule(), v);
    CU_ASSERT_PTR_EQUAL(on_cpu[0], v);
    CU_ASSERT(v->is_running);
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_running);
    CU_ASSERT(!sched_need_resched());
    /* Alone, it keeps the CPU across slices and ticks. */
    run_until(now + MS(200), 0);
    CU_ASSERT_EQUAL(switches, 1);
    CU_ASSERT_EQUAL(ran(v), MS(200));
    machine_stop();
}

static void test_block_kick(void)
{
    struct vcpu *v;
    uint64_t idle;

    machine_start(1);
    v = new_running_vcpu(0, 256, 0);
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[0], v);

    /* Blocked: off the CPU at the next pass, which idles. */
    vcpu_block_prepare(v);
    CU_ASSERT(vcpu_block_commit(v));
    CU_ASSERT(sched_need_resched());
    CU_ASSERT_PTR_NULL(schedule());
    CU_ASSERT(!v->is_running);
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_blocked);
    idle = cpu_idle_time(0);
    run_until(now + MS(50), 0);
    CU_ASSERT_EQUAL(cpu_idle_time(0) - idle, MS(50));
    CU_ASSERT_PTR_NULL(on_cpu[0]);
    /* An idle machine takes no timer interrupts for the scheduler. */
    CU_ASSERT_EQUAL(deadline, 0);

    /* A kick ends it: runnable, and the idle CPU chooses again. */
    vcpu_kick(v);
    CU_ASSERT(!v->is_blocked);
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_runnable);
    CU_ASSERT(sched_need_resched());
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[0], v);
    CU_ASSERT_EQUAL(v->time.runstate.time[RUNSTATE_blocked], MS(50));

    /* A kick between the two steps: the block is not committed. */
    switches = 0;
    vcpu_block_prepare(v);
    vcpu_kick(v);
    CU_ASSERT(!vcpu_block_commit(v));
    pass();
    CU_ASSERT_EQUAL(switches, 0);
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_running);

    /* A kick after the commit but before the pass: it stays. */
    vcpu_block_prepare(v);
    CU_ASSERT(vcpu_block_commit(v));
    vcpu_kick(v);
    pass();
    CU_ASSERT_EQUAL(switches, 0);
    CU_ASSERT_PTR_EQUAL(on_cpu[0], v);

    /* Kicking a VCPU that does not wait changes nothing. */
    vcpu_kick(v);
    CU_ASSERT(!sched_need_resched());
    machine_stop();
}

/*
 * Short bursts, as an idle guest's timer wakes: the accounting tick starts
 * a period after the wake and stops when the VCPU blocks again, so the
 * idle CPU is left with no timer at all; the bursts no tick saw leave no
 * debt behind.
 */
static void test_tick_stops_on_idle(void)
{
    struct vcpu *v;

    machine_start(1);
    v = new_running_vcpu(0, 256, 0);
    pass();
    for ( unsigned int i = 0; i < 5; i++ )
    {
        vcpu_block_prepare(v);
        CU_ASSERT(vcpu_block_commit(v));
        pass();
        CU_ASSERT_PTR_NULL(on_cpu[0]);
        CU_ASSERT_EQUAL(deadline, 0);
        run_until(now + MS(7), 0);
        vcpu_kick(v);
        /* Only the tick is armed yet: a period on. */
        CU_ASSERT_EQUAL(deadline, now + MS(30));
        /* The idle spell was settled: the last burst left no debt. */
        CU_ASSERT(v->sched_unit.credit >= 0);
        pass();
        CU_ASSERT_PTR_EQUAL(on_cpu[0], v);
        run_until(now + MS(1), 0);
    }
    machine_stop();
}

static void test_poll_ends_with_block(void)
{
    struct vcpu *v;

    machine_start(1);
    v = new_running_vcpu(0, 256, 0);
    pass();
    vcpu_block_prepare(v);
    v->evtchn.poll_port = 5;
    CU_ASSERT(vcpu_block_commit(v));
    pass();
    CU_ASSERT_PTR_NULL(on_cpu[0]);
    /* Whatever wakes it also ends the poll. */
    vcpu_unblock(v);
    CU_ASSERT_EQUAL(v->evtchn.poll_port, EVTCHN_POLL_NONE);
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[0], v);
    machine_stop();
}

static void test_pause(void)
{
    struct vcpu *v;

    machine_start(1);
    v = new_running_vcpu(0, 256, 0);
    pass();

    v->pause_count++;
    sched_vcpu_update(v);
    CU_ASSERT(sched_need_resched());
    pass();
    CU_ASSERT_PTR_NULL(on_cpu[0]);
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_offline);
    v->pause_count--;
    sched_vcpu_update(v);
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_runnable);
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[0], v);

    /* Paused while blocked: woken, it goes offline, not runnable. */
    vcpu_block_prepare(v);
    vcpu_block_commit(v);
    pass();
    v->domain->pause_count++;
    sched_domain_update(v->domain);
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_blocked);
    vcpu_kick(v);
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_offline);
    pass();
    CU_ASSERT_PTR_NULL(on_cpu[0]);
    v->domain->pause_count--;
    sched_domain_update(v->domain);
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[0], v);

    /* Dying: never again, whatever the counts say. */
    v->domain->state = DOMAIN_DYING;
    sched_vcpu_update(v);
    pass();
    CU_ASSERT_PTR_NULL(on_cpu[0]);
    v->domain->state = DOMAIN_RUNNING;
    machine_stop();
}

static void test_share_and_yield(void)
{
    struct vcpu *a, *b;

    machine_start(1);
    a = new_running_vcpu(0, 256, 0);
    b = new_running_vcpu(1, 256, 0);
    run_until(now + MS(2000), 0);
    /* Equal weights, CPU-bound: halves, the CPU never idle. */
    CU_ASSERT(ran(a) > MS(900) && ran(a) < MS(1100));
    CU_ASSERT_EQUAL(ran(a) + ran(b), MS(2000));
    CU_ASSERT_EQUAL(cpu_idle_time(0), 0);

    /* Yielding hands the CPU to the other at once. */
    {
        struct vcpu *cur = on_cpu[0], *other = cur == a ? b : a;

        vcpu_yield(cur);
        CU_ASSERT(sched_need_resched());
        pass();
        CU_ASSERT_PTR_EQUAL(on_cpu[0], other);
        CU_ASSERT_EQUAL(cur->time.runstate.state, RUNSTATE_runnable);
    }
    machine_stop();
}

static void test_wake_preempts(void)
{
    struct vcpu *hog, *io;

    machine_start(1);
    hog = new_running_vcpu(0, 256, 0);
    io = new_running_vcpu(1, 256, 0);
    run_until(now + MS(100), 0);
    /* io blocks; when woken with credit left, it preempts the hog. */
    if ( on_cpu[0] != io )
    {
        vcpu_yield(hog);
        pass();
    }
    CU_ASSERT_PTR_EQUAL(on_cpu[0], io);
    vcpu_block_prepare(io);
    vcpu_block_commit(io);
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[0], hog);
    run_until(now + MS(5), 0);
    vcpu_kick(io);
    CU_ASSERT(sched_need_resched());
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[0], io);
    machine_stop();
}

static void weights(uint64_t late)
{
    struct vcpu *a, *b;
    uint64_t a0, b0;
    double ratio;

    machine_start(1);
    a = new_running_vcpu(0, 256, 0);
    b = new_running_vcpu(1, 512, 0);
    run_until(now + MS(300), late);
    a0 = ran(a);
    b0 = ran(b);
    run_until(now + MS(10000), late);
    ratio = (double)(ran(b) - b0) / (double)(ran(a) - a0);
    CU_ASSERT(ratio > 1.9 && ratio < 2.1);
    machine_stop();
}

static void test_weights(void)
{
    weights(0);
}

static void test_weights_late_timers(void)
{
    weights(MS(3));
}

static void cap(uint64_t late)
{
    struct vcpu *c;
    uint64_t c0, t0, idle0;
    double share;

    machine_start(1);
    c = new_running_vcpu(0, 256, 50);
    run_until(now + MS(300), late);
    c0 = ran(c);
    t0 = now;
    idle0 = cpu_idle_time(0);
    run_until(now + MS(10000), late);
    share = (double)(ran(c) - c0) / (double)(now - t0);
    CU_ASSERT(share > 0.47 && share < 0.53);
    /* The rest of the time the CPU idles. */
    CU_ASSERT(cpu_idle_time(0) - idle0 + ran(c) - c0 >= now - t0 - MS(1));
    machine_stop();
}

static void test_cap(void)
{
    cap(0);
}

static void test_cap_late_timers(void)
{
    cap(MS(3));
}

static void test_two_cpus(void)
{
    struct vcpu *v[3];

    machine_start(2);
    for ( unsigned int i = 0; i < 3; i++ )
        v[i] = new_running_vcpu(i, 256, 0);
    run_until(now + MS(6000), 0);
    /* Three equal VCPUs on two CPUs: two thirds of a CPU each. */
    for ( unsigned int i = 0; i < 3; i++ )
        CU_ASSERT(ran(v[i]) > MS(3600) && ran(v[i]) < MS(4400));
    CU_ASSERT(cpu_idle_time(0) + cpu_idle_time(1) < MS(10));

    /* A VCPU woken from the other CPU: that CPU is nudged. */
    machine_stop();
    machine_start(2);
    this_cpu = 1;
    v[0] = new_running_vcpu(0, 256, 0);
    CU_ASSERT_EQUAL(ipis, 1);
    this_cpu = 0;
    pass();
    CU_ASSERT(on_cpu[0] == v[0] || on_cpu[1] == v[0]);
    machine_stop();
}

static void test_sync(void)
{
    struct vcpu *v;

    machine_start(2);
    v = new_vcpu(0, 256, 0);
    v->sched_unit.hard_affinity = 1ULL << 1;
    v->is_initialised = true;
    sched_vcpu_update(v);
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[1], v);

    /* Paused from CPU 0: the wait lasts until CPU 1 has let it go. */
    ipis = relaxes = 0;
    v->pause_count++;
    sched_vcpu_update(v);
    CU_ASSERT_EQUAL(ipis, 1);
    CU_ASSERT(v->is_running);
    sched_vcpu_sync(v);
    CU_ASSERT(relaxes >= 1);
    CU_ASSERT(!v->is_running);
    CU_ASSERT_PTR_NULL(on_cpu[1]);
    CU_ASSERT_EQUAL(v->time.runstate.state, RUNSTATE_offline);

    /* Nothing to wait for: no relaxing at all. */
    relaxes = 0;
    sched_vcpu_sync(v);
    CU_ASSERT_EQUAL(relaxes, 0);
    v->pause_count--;
    sched_vcpu_update(v);
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[1], v);
    machine_stop();
}

static void test_affinity(void)
{
    struct vcpu *v, *w;

    machine_start(2);
    v = new_running_vcpu(0, 256, 0);
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[0], v);

    /* Pinned away from where it runs: it moves at once. */
    v->sched_unit.hard_affinity = 1ULL << 1;
    sched_vcpu_affinity(v);
    pass();
    CU_ASSERT_PTR_NULL(on_cpu[0]);
    CU_ASSERT_PTR_EQUAL(on_cpu[1], v);

    /* A queued one too: w waits behind v on CPU 1 until pinned to 0. */
    w = new_vcpu(1, 256, 0);
    w->sched_unit.hard_affinity = 1ULL << 1;
    w->is_initialised = true;
    sched_vcpu_update(w);
    pass();
    CU_ASSERT_PTR_NULL(on_cpu[0]);
    w->sched_unit.hard_affinity = 1ULL << 0;
    sched_vcpu_affinity(w);
    pass();
    CU_ASSERT_PTR_EQUAL(on_cpu[0], w);
    CU_ASSERT_PTR_EQUAL(on_cpu[1], v);
    run_until(now + MS(300), 0);
    CU_ASSERT_PTR_EQUAL(on_cpu[0], w);
    CU_ASSERT_PTR_EQUAL(on_cpu[1], v);
    machine_stop();
}

static void test_remove(void)
{
    struct vcpu *a, *b;

    machine_start(1);
    a = new_running_vcpu(0, 256, 0);
    b = new_running_vcpu(1, 256, 0);
    pass();
    /* The one not running goes; the other keeps the CPU alone. */
    if ( on_cpu[0] == a )
    {
        struct vcpu *t = a;

        a = b;
        b = t;
    }
    a->pause_count++;
    sched_vcpu_update(a);
    sched_remove_vcpu(a);
    a->domain = NULL;
    switches = 0;
    run_until(now + MS(300), 0);
    CU_ASSERT_EQUAL(switches, 0);
    CU_ASSERT_PTR_EQUAL(on_cpu[0], b);
    machine_stop();
}

static CU_TestInfo core_tests[] = {
    { "a VCPU that may run is switched to", test_wake_and_run },
    { "block, kick, and the races between", test_block_kick },
    { "the tick stops when nothing may run", test_tick_stops_on_idle },
    { "a poll ends when the block does", test_poll_ends_with_block },
    { "pauses and dying domains", test_pause },
    { "equal shares, and yield", test_share_and_yield },
    { "a woken VCPU preempts a hog", test_wake_preempts },
    { "weights 256:512", test_weights },
    { "weights 256:512, timers late", test_weights_late_timers },
    { "cap 50", test_cap },
    { "cap 50, timers late", test_cap_late_timers },
    { "three VCPUs on two CPUs", test_two_cpus },
    { "waiting for a VCPU to leave another CPU", test_sync },
    { "hard affinity changes move VCPUs", test_affinity },
    { "a VCPU leaves the scheduler", test_remove },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "scheduler core", NULL, NULL, NULL, NULL, core_tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
