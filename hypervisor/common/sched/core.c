/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler core: what each CPU runs, and when it chooses again.  The
 * policy (credit.c, behind struct scheduler) decides who goes next; the
 * core tells it who may run, keeps runstates, drives time slices and the
 * accounting period, and leaves the switch itself to the arch.
 *
 * A VCPU may run when vcpu_runnable() says so (up, initialised, nothing
 * pauses it or its domain, the domain alive) and it is not blocked; its
 * unit is runnable for the policy exactly then, once the hook reporting
 * a change returns.  A CPU's curr is the VCPU it runs (NULL: it idles,
 * halted); a VCPU is_running from the moment schedule() picks it until
 * its state is saved after it left the CPU, unless another CPU picked it
 * again meanwhile.  ctx_live says its registers are in some CPU: a CPU
 * that picks a VCPU whose previous CPU is still saving it waits for that
 * before loading it (each CPU saves before it waits, so two CPUs trading
 * VCPUs cannot wait for each other).
 *
 * Switches happen only where the hypervisor's stack holds nothing of its
 * own: on the way out to a guest and in the idle loop.  Everything else
 * asks for one (need_resched) and returns: blocking, yielding, pausing,
 * the end of a slice, the accounting tick, a wake that preempts.
 *
 * Runstates follow Xen: running while on a CPU; on leaving it, blocked if
 * waiting for an event, runnable if it may run, offline otherwise; a wake
 * moves blocked or offline to runnable, a sleep runnable to offline.
 * Only switches publish the runstate to the guest's area (its page
 * tables are loaded then).
 *
 * Locking: sched_lock, with interrupts off, guards the policy, each CPU's
 * curr and need_resched, and is_running.  Event channel code takes it
 * (through vcpu_kick()) with its own locks held; under it we take only a
 * VCPU's time lock and the timer lock.  The time lock of a VCPU is taken
 * here only while that VCPU does not run: the timer code, which holds it
 * while sending the VCPU its timer event, only does so for a running one.
 */
#include <hv/types.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/event.h>
#include <hv/sched.h>
#include <hv/sched-if.h>
#include <hv/spinlock.h>
#include <hv/time.h>
#include <hv/timer.h>

struct sched_pcpu
{
    struct vcpu *curr;              /* NULL: idle */
    bool need_resched;
    struct timer slice;             /* the end of curr's time slice */
    uint64_t idle_since;            /* when it last went idle */
    uint64_t idle_ns;               /* idle time before that */
};

static const struct scheduler *ops = &sched_credit;
static spinlock_t sched_lock = SPIN_LOCK_UNLOCKED;
static struct sched_pcpu pcpu[SCHED_MAX_CPUS];
static unsigned int nr_cpus;

/*
 * The accounting tick runs only while some VCPU wants a CPU (nr_runnable,
 * the units the policy holds runnable).  It stops as soon as the last one
 * blocks, not at its next expiry (as Xen's credit tick stops when its
 * CPU idles): idle guests wake briefly and often, and a tick armed by each
 * wake would outlive it.  A wake restarts it one period on, after
 * settling the idle spell (policy_wake()).
 */
static struct timer account_timer;
static bool account_on;
static unsigned int nr_runnable;

#define ACCOUNT_FIRST_NS MILLISECS(30)

static bool can_run(const struct vcpu *v)
{
    return vcpu_runnable(v) &&
           !__atomic_load_n(&v->is_blocked, __ATOMIC_SEQ_CST);
}

static void raise_resched(unsigned int cpu)
{
    pcpu[cpu].need_resched = true;
    if ( cpu != arch_cpu_id() )
        arch_send_resched(cpu);
}

/* --- timers ------------------------------------------------------------ */

static void slice_fn(void *data)
{
    unsigned long flags;

    spin_lock_irqsave(&sched_lock, flags);
    raise_resched((unsigned int)(uintptr_t)data);
    spin_unlock_irqrestore(&sched_lock, flags);
}

static void account_fn(void *data)
{
    unsigned long flags;
    uint64_t next;

    (void)data;
    spin_lock_irqsave(&sched_lock, flags);
    next = ops->account(arch_now());
    /* Credits and priorities moved: every CPU chooses again. */
    for ( unsigned int cpu = 0; cpu < nr_cpus; cpu++ )
        if ( pcpu[cpu].curr || nr_runnable )
            raise_resched(cpu);
    account_on = nr_runnable > 0;
    if ( account_on )
        timer_set(&account_timer, next);
    spin_unlock_irqrestore(&sched_lock, flags);
}

/* --- the policy, with the core's bookkeeping (sched_lock held) ---------- */

/*
 * A unit left waiting on a run queue while some CPU it may use idles:
 * that CPU takes it (the policy lets idle CPUs steal) once it looks.
 */
static void tickle_idle(const struct sched_unit *u)
{
    if ( !u->queued )
        return;
    for ( unsigned int cpu = 0; cpu < nr_cpus; cpu++ )
        if ( !pcpu[cpu].curr && !pcpu[cpu].need_resched &&
             (u->hard_affinity & (1ULL << cpu)) )
        {
            raise_resched(cpu);
            return;
        }
}

static void policy_wake(struct vcpu *v, uint64_t now)
{
    struct sched_unit *u = &v->sched_unit;
    bool was = u->runnable;
    int cpu;

    /*
     * The first wake after an idle spell settles the periods no tick saw,
     * before it counts as runnable: as a tick finding it blocked would,
     * this forgives what its short bursts overdrew meanwhile.
     */
    if ( !account_on && !was )
        ops->account(now);
    cpu = ops->wake(u, now);
    if ( !was && u->runnable )
        nr_runnable++;
    if ( nr_runnable && !account_on )
    {
        account_on = true;
        timer_set(&account_timer, now + ACCOUNT_FIRST_NS);
    }
    if ( cpu >= 0 )
        raise_resched(cpu);
    tickle_idle(u);
}

/* The last runnable unit went: nothing to account until one wakes. */
static void account_idle(void)
{
    if ( !nr_runnable && account_on )
    {
        account_on = false;
        timer_stop(&account_timer);
    }
}

static void policy_sleep(struct vcpu *v, uint64_t now)
{
    struct sched_unit *u = &v->sched_unit;

    if ( u->runnable )
        nr_runnable--;
    ops->sleep(u, now);
    account_idle();
    if ( v->is_running )
        raise_resched(v->processor);
}

/* --- set up ------------------------------------------------------------- */

void sched_init(unsigned int cpus)
{
    uint64_t now = arch_now();

    nr_cpus = cpus ? MIN(cpus, (unsigned int)SCHED_MAX_CPUS) : 1;
    ops->init(nr_cpus);
    /* Again from scratch (host tests start over): no timer left armed. */
    timer_stop(&account_timer);
    for ( unsigned int cpu = 0; cpu < SCHED_MAX_CPUS; cpu++ )
    {
        timer_stop(&pcpu[cpu].slice);
        pcpu[cpu] = (struct sched_pcpu){ .idle_since = now };
        timer_init(&pcpu[cpu].slice, slice_fn, (void *)(uintptr_t)cpu);
    }
    timer_init(&account_timer, account_fn, NULL);
    account_on = false;
    nr_runnable = 0;
}

void sched_add_vcpu(struct vcpu *v)
{
    unsigned long flags;

    if ( !nr_cpus )
        sched_init(1);
    spin_lock_irqsave(&sched_lock, flags);
    v->sched_unit.owner = v;
    v->sched_unit.runnable = false;
    ops->add_unit(&v->sched_unit);
    spin_unlock_irqrestore(&sched_lock, flags);
}

void sched_remove_vcpu(struct vcpu *v)
{
    unsigned long flags;

    spin_lock_irqsave(&sched_lock, flags);
    if ( v->is_running )
        panic("d%uv%u leaves the scheduler while on a CPU",
              v->domain->domain_id, v->vcpu_id);
    if ( v->sched_unit.runnable )
        nr_runnable--;
    ops->remove_unit(&v->sched_unit);
    account_idle();
    spin_unlock_irqrestore(&sched_lock, flags);
}

int sched_set_params(struct domain *d, uint16_t weight, uint16_t cap)
{
    unsigned long flags;
    int rc;

    spin_lock_irqsave(&sched_lock, flags);
    rc = ops->set_params(&d->sched, weight, cap);
    spin_unlock_irqrestore(&sched_lock, flags);
    return rc;
}

/* --- who may run -------------------------------------------------------- */

void vcpu_wake(struct vcpu *v)
{
    uint64_t now = arch_now();
    unsigned long flags;
    int state;

    spin_lock_irqsave(&sched_lock, flags);
    state = v->time.runstate.state;
    if ( can_run(v) )
    {
        if ( !v->is_running && state >= RUNSTATE_blocked )
            vcpu_runstate_change(v, RUNSTATE_runnable, now);
        policy_wake(v, now);
    }
    else if ( !v->is_blocked && !v->is_running && state == RUNSTATE_blocked )
        vcpu_runstate_change(v, RUNSTATE_offline, now);
    spin_unlock_irqrestore(&sched_lock, flags);
}

void vcpu_sleep(struct vcpu *v)
{
    uint64_t now = arch_now();
    unsigned long flags;

    spin_lock_irqsave(&sched_lock, flags);
    if ( !can_run(v) )
    {
        if ( !v->is_running && v->time.runstate.state == RUNSTATE_runnable )
            vcpu_runstate_change(v, RUNSTATE_offline, now);
        policy_sleep(v, now);
    }
    spin_unlock_irqrestore(&sched_lock, flags);
}

void sched_vcpu_affinity(struct vcpu *v)
{
    struct sched_unit *u = &v->sched_unit;
    uint64_t now = arch_now();
    unsigned long flags;

    spin_lock_irqsave(&sched_lock, flags);
    /* Queued: queue it again, where it may run now. */
    if ( u->queued )
    {
        ops->sleep(u, now);
        ops->wake(u, now);
        tickle_idle(u);
    }
    /* Running where it may not: that CPU hands it over at its next pass. */
    if ( v->is_running && !(u->hard_affinity & (1ULL << v->processor)) )
        raise_resched(v->processor);
    spin_unlock_irqrestore(&sched_lock, flags);
}

void sched_vcpu_update(struct vcpu *v)
{
    if ( vcpu_runnable(v) )
        vcpu_wake(v);
    else
        vcpu_sleep(v);
}

void sched_domain_update(struct domain *d)
{
    for ( unsigned int i = 0; i < d->max_vcpus && i < ARRAY_SIZE(d->vcpu);
          i++ )
        if ( d->vcpu[i] )
            sched_vcpu_update(d->vcpu[i]);
}

void sched_vcpu_sync(struct vcpu *v)
{
    if ( v == current_vcpu() || vcpu_runnable(v) )
        return;
    while ( __atomic_load_n(&v->is_running, __ATOMIC_ACQUIRE) )
        arch_sync_relax();
}

void sched_domain_sync(struct domain *d)
{
    for ( unsigned int i = 0; i < d->max_vcpus && i < ARRAY_SIZE(d->vcpu);
          i++ )
        if ( d->vcpu[i] )
            sched_vcpu_sync(d->vcpu[i]);
}

/* --- blocking ------------------------------------------------------------ */

void vcpu_block_prepare(struct vcpu *v)
{
    /* Before the caller looks for events: a wake from now on counts. */
    __atomic_store_n(&v->is_blocked, true, __ATOMIC_SEQ_CST);
}

bool vcpu_block_commit(struct vcpu *v)
{
    uint64_t now = arch_now();
    unsigned long flags;
    bool blocked;

    spin_lock_irqsave(&sched_lock, flags);
    blocked = v->is_blocked;
    if ( blocked )
        policy_sleep(v, now);
    spin_unlock_irqrestore(&sched_lock, flags);
    return blocked;
}

void vcpu_block_cancel(struct vcpu *v)
{
    __atomic_store_n(&v->is_blocked, false, __ATOMIC_SEQ_CST);
}

void vcpu_unblock(struct vcpu *v)
{
    if ( !__atomic_exchange_n(&v->is_blocked, false, __ATOMIC_SEQ_CST) )
        return;
    /* A poll ends with the block, whatever ended it. */
    evtchn_poll_end(v);
    vcpu_wake(v);
}

void vcpu_kick(struct vcpu *v)
{
    vcpu_unblock(v);
    /* Running elsewhere: that CPU looks at its events on the way out. */
    if ( v->is_running && v->processor != arch_cpu_id() )
        arch_send_resched(v->processor);
}

void vcpu_yield(struct vcpu *v)
{
    unsigned long flags;

    spin_lock_irqsave(&sched_lock, flags);
    ops->yield(&v->sched_unit);
    raise_resched(arch_cpu_id());
    spin_unlock_irqrestore(&sched_lock, flags);
}

/* --- the switch ---------------------------------------------------------- */

bool sched_need_resched(void)
{
    return pcpu[arch_cpu_id()].need_resched;
}

/* Where a VCPU leaving its CPU goes, as Xen counts it. */
static int leaving_state(const struct vcpu *v)
{
    if ( v->is_blocked )
        return RUNSTATE_blocked;
    return can_run(v) ? RUNSTATE_runnable : RUNSTATE_offline;
}

struct vcpu *schedule(void)
{
    unsigned int cpu = arch_cpu_id();
    struct sched_pcpu *pc = &pcpu[cpu];
    struct sched_decision dec;
    struct vcpu *prev, *next;
    int prev_state = RUNSTATE_offline;
    uint64_t now;

    spin_lock(&sched_lock);
    pc->need_resched = false;
    now = arch_now();
    prev = pc->curr;
    dec = ops->do_schedule(cpu, prev ? &prev->sched_unit : NULL, now);
    next = dec.next ? dec.next->owner : NULL;
    if ( next )
        timer_set(&pc->slice, now + dec.slice_ns);
    else
        timer_stop(&pc->slice);
    if ( next == prev )
    {
        spin_unlock(&sched_lock);
        return prev;
    }
    if ( prev )
        tickle_idle(&prev->sched_unit);

    if ( next )
    {
        next->is_running = true;
        next->processor = cpu;
    }
    else
        pc->idle_since = now;
    if ( !prev )
        pc->idle_ns += now - pc->idle_since;
    else
        prev_state = leaving_state(prev);
    pc->curr = next;
    spin_unlock(&sched_lock);

    if ( prev )
    {
        /* Its page tables are still loaded: its runstate area is there. */
        vcpu_time_switch_out(prev, prev_state);
        arch_context_save(prev);
        __atomic_store_n(&prev->ctx_live, false, __ATOMIC_RELEASE);
        spin_lock(&sched_lock);
        /* Saved: off every CPU, unless another one picked it meanwhile. */
        if ( !prev->sched_unit.running )
        {
            __atomic_store_n(&prev->is_running, false, __ATOMIC_RELEASE);
            /* Woken elsewhere while leaving: the wake saw it running. */
            if ( prev->time.runstate.state >= RUNSTATE_blocked &&
                 can_run(prev) )
                vcpu_runstate_change(prev, RUNSTATE_runnable, arch_now());
        }
        spin_unlock(&sched_lock);
    }
    if ( next )
    {
        while ( __atomic_load_n(&next->ctx_live, __ATOMIC_ACQUIRE) )
            arch_sync_relax();
        next->ctx_live = true;
    }
    arch_context_load(next);
    if ( next )
        vcpu_time_switch_in(next);
    return next;
}

void sched_leave_crashed(struct domain *d)
{
    struct vcpu *v = current_vcpu();

    if ( !v || v->domain != d )
        panic("domain %u crashed while another ran", d->domain_id);
    /* Its shutdown paused it: make sure this CPU chooses again. */
    vcpu_sleep(v);
    arch_leave_vcpu();
}

/* --- reporting ----------------------------------------------------------- */

uint64_t cpu_idle_time(unsigned int cpu)
{
    unsigned long flags;
    uint64_t t;

    if ( cpu >= nr_cpus )
        return 0;
    spin_lock_irqsave(&sched_lock, flags);
    t = pcpu[cpu].idle_ns;
    if ( !pcpu[cpu].curr )
        t += arch_now() - pcpu[cpu].idle_since;
    spin_unlock_irqrestore(&sched_lock, flags);
    return t;
}
