/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The credit scheduler: proportional share by weight, with caps.
 *
 * Credit is kept in nanoseconds of CPU time.  Every accounting period
 * (30 ms) the machine's CPU time for the period is shared among the active
 * units in proportion to their domain's weight; running burns credit one
 * for one.  Units with credit left (UNDER) run before those without
 * (OVER), and within a class the one with the most credit goes first, so
 * that CPU-bound units that all overdraw still converge on their shares;
 * a unit woken from sleep with credit left gets BOOST for one turn, which
 * is what keeps interactive and I/O-bound guests responsive.  A domain
 * with a cap may use at most cap% of one CPU per period: once its units
 * have used that much they are parked until the next period, and what
 * they overran (a late timer) is taken from the next period's budget.
 *
 * Invariants: a unit is on at most one run queue, and only if it is
 * runnable, not running and not parked; each run queue is ordered by
 * priority, then by credit (FIFO among equals); credit never exceeds one
 * period's worth, so a unit that slept cannot hoard CPU time.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/sched-if.h>

#define PERIOD_NS       30000000ULL     /* accounting period */
#define TSLICE_NS       30000000ULL     /* longest uninterrupted run */
#define MIN_SLICE_NS      500000ULL     /* don't reschedule more often */
#define CREDIT_MAX      ((int64_t)PERIOD_NS)
#define MAX_PERIODS_AT_ONCE 4           /* time shared out by one tick */

struct credit_pcpu
{
    struct sched_unit *runq;
    struct sched_unit *curr;
};

static struct credit_pcpu pcpu[SCHED_MAX_CPUS];
static unsigned int nr_cpus = 1;
static struct sched_unit *all_units;
static uint64_t last_account;           /* when the last period ended */

static void credit_init(unsigned int cpus)
{
    nr_cpus = cpus ? MIN(cpus, (unsigned int)SCHED_MAX_CPUS) : 1;
    for ( unsigned int i = 0; i < SCHED_MAX_CPUS; i++ )
        pcpu[i] = (struct credit_pcpu){ 0 };
    all_units = NULL;
    last_account = 0;
}

static cpumask_t online_mask(void)
{
    return nr_cpus >= 64 ? ~0ULL : (1ULL << nr_cpus) - 1;
}

static bool may_run_on(const struct sched_unit *u, unsigned int cpu)
{
    return (u->hard_affinity & online_mask() & (1ULL << cpu)) != 0;
}

/* --- run queues ------------------------------------------------------- */

static void runq_insert(unsigned int cpu, struct sched_unit *u)
{
    struct sched_unit **pp = &pcpu[cpu].runq;

    /* Behind better priorities, and equals with at least its credit. */
    while ( *pp && ((*pp)->prio < u->prio ||
                    ((*pp)->prio == u->prio && (*pp)->credit >= u->credit)) )
        pp = &(*pp)->next;
    u->next = *pp;
    *pp = u;
    u->queued = true;
    u->cpu = cpu;
}

static void runq_remove(struct sched_unit *u)
{
    struct sched_unit **pp;

    if ( !u->queued )
        return;
    for ( pp = &pcpu[u->cpu].runq; *pp; pp = &(*pp)->next )
        if ( *pp == u )
        {
            *pp = u->next;
            break;
        }
    u->next = NULL;
    u->queued = false;
}

/* The CPU a runnable unit should queue on: where it was, if allowed. */
static unsigned int pick_cpu(const struct sched_unit *u)
{
    unsigned int cpu;

    if ( may_run_on(u, u->cpu) )
        return u->cpu;
    for ( cpu = 0; cpu < nr_cpus; cpu++ )
        if ( may_run_on(u, cpu) )
            return cpu;
    return u->cpu;      /* no allowed CPU: it waits where it is */
}

static void enqueue(struct sched_unit *u)
{
    if ( u->runnable && !u->running && !u->parked && !u->queued &&
         may_run_on(u, pick_cpu(u)) )
        runq_insert(pick_cpu(u), u);
}

/* --- credit ----------------------------------------------------------- */

static void set_prio(struct sched_unit *u)
{
    u->prio = u->credit >= 0 ? SCHED_PRIO_UNDER : SCHED_PRIO_OVER;
}

static uint64_t cap_budget(const struct sched_dom *d)
{
    return d->cap ? PERIOD_NS * d->cap / 100 : UINT64_MAX;
}

static void park_domain(struct sched_dom *d)
{
    for ( struct sched_unit *u = all_units; u; u = u->all_next )
        if ( u->dom == d )
        {
            u->parked = true;
            runq_remove(u);
        }
}

/* Charge a running unit for the time since it last started or was billed. */
static void burn(struct sched_unit *u, uint64_t now)
{
    uint64_t delta = now > u->last_start ? now - u->last_start : 0;

    u->last_start = now;
    u->run_ns += delta;
    u->credit -= (int64_t)delta;
    u->dom->period_used_ns += delta;
    u->active = true;
    /* A boost lasts one turn; credit running out makes it OVER now. */
    if ( delta && (u->prio == SCHED_PRIO_BOOST || u->credit < 0) )
        set_prio(u);
    if ( u->dom->period_used_ns >= cap_budget(u->dom) )
        park_domain(u->dom);
}

/* Whether u is the first unit of its domain in the list of all. */
static bool first_of_dom(const struct sched_unit *u)
{
    for ( const struct sched_unit *o = all_units; o != u; o = o->all_next )
        if ( o->dom == u->dom )
            return false;
    return true;
}

static uint64_t credit_account(uint64_t now)
{
    uint64_t total_weight = 0, period = PERIOD_NS;
    struct sched_unit *u;

    /*
     * Share out the time that really passed: a tick that comes late must
     * not leave the overrun to be split evenly, which would pull every
     * share towards the mean (and caps below their mark).  Credit is
     * bounded anyway, so a long pause with no tick changes little.
     */
    if ( last_account && now > last_account )
        period = MIN(now - last_account, MAX_PERIODS_AT_ONCE * PERIOD_NS);
    last_account = now;

    for ( unsigned int cpu = 0; cpu < nr_cpus; cpu++ )
        if ( pcpu[cpu].curr )
            burn(pcpu[cpu].curr, now);

    /* Who shares this period: units that want or used the CPU. */
    for ( u = all_units; u; u = u->all_next )
        u->dom->nr_active = 0;
    for ( u = all_units; u; u = u->all_next )
    {
        u->active = u->active || u->runnable;
        if ( u->active )
            u->dom->nr_active++;
    }
    for ( u = all_units; u; u = u->all_next )
        if ( u->active )
            total_weight += u->dom->weight;

    for ( u = all_units; u; u = u->all_next )
    {
        if ( u->active && total_weight )
        {
            uint64_t share = period * nr_cpus * u->dom->weight /
                             total_weight;

            u->credit = MIN(u->credit + (int64_t)share, CREDIT_MAX);
        }
        /* An idle unit forgets its debt and does not hoard. */
        if ( !u->runnable && u->credit < 0 )
            u->credit = 0;
        u->active = false;
        if ( u->prio != SCHED_PRIO_BOOST || u->credit < 0 )
            set_prio(u);
    }

    /*
     * A new period: a capped domain is owed cap% of the time that passed,
     * and what it used beyond that (a late timer) counts against the next
     * one.  Parked units come back unless that debt covers a whole budget.
     */
    for ( u = all_units; u; u = u->all_next )
        if ( first_of_dom(u) && u->dom->cap )
        {
            uint64_t owed = period * u->dom->cap / 100;

            u->dom->period_used_ns = u->dom->period_used_ns > owed
                                     ? u->dom->period_used_ns - owed : 0;
        }
        else if ( first_of_dom(u) )
            u->dom->period_used_ns = 0;
    for ( u = all_units; u; u = u->all_next )
    {
        u->parked = u->dom->period_used_ns >= cap_budget(u->dom);
        if ( u->queued )
        {
            /* Priorities changed: requeue in order. */
            runq_remove(u);
        }
        enqueue(u);
    }
    return now + PERIOD_NS;
}

/* --- the ops ---------------------------------------------------------- */

static void credit_add_unit(struct sched_unit *u)
{
    if ( !u->dom->weight )
        u->dom->weight = SCHED_DEFAULT_WEIGHT;
    u->dom->nr_units++;
    u->credit = 0;
    u->prio = SCHED_PRIO_UNDER;
    u->queued = u->running = u->parked = u->active = false;
    u->next = NULL;
    u->all_next = all_units;
    all_units = u;
    enqueue(u);
}

static void credit_remove_unit(struct sched_unit *u)
{
    struct sched_unit **pp;

    runq_remove(u);
    if ( u->running && pcpu[u->cpu].curr == u )
        pcpu[u->cpu].curr = NULL;
    u->running = false;
    for ( pp = &all_units; *pp; pp = &(*pp)->all_next )
        if ( *pp == u )
        {
            *pp = u->all_next;
            break;
        }
    u->dom->nr_units--;
}

static int credit_wake(struct sched_unit *u, uint64_t now)
{
    struct sched_unit *curr;
    unsigned int cpu;

    if ( u->runnable )
        return -1;
    u->runnable = true;
    if ( u->running || u->parked )
        return -1;
    if ( u->prio == SCHED_PRIO_UNDER )
        u->prio = SCHED_PRIO_BOOST;
    enqueue(u);
    if ( !u->queued )
        return -1;
    /* Preempt the CPU's current unit if the newcomer ranks higher. */
    cpu = u->cpu;
    curr = pcpu[cpu].curr;
    return !curr || u->prio < curr->prio ? (int)cpu : -1;
}

static void credit_sleep(struct sched_unit *u, uint64_t now)
{
    u->runnable = false;
    runq_remove(u);
}

static void credit_yield(struct sched_unit *u)
{
    /* Give way to every other unit of the same priority: drop a class
     * for this turn if it was boosted. */
    if ( u->prio == SCHED_PRIO_BOOST )
        set_prio(u);
}

static struct sched_unit *steal(unsigned int cpu)
{
    for ( unsigned int other = 0; other < nr_cpus; other++ )
    {
        struct sched_unit *u;

        if ( other == cpu )
            continue;
        for ( u = pcpu[other].runq; u; u = u->next )
            if ( may_run_on(u, cpu) )
            {
                runq_remove(u);
                return u;
            }
    }
    return NULL;
}

static struct sched_decision credit_do_schedule(unsigned int cpu,
                                                struct sched_unit *prev,
                                                uint64_t now)
{
    struct sched_decision dec = { NULL, TSLICE_NS };
    struct sched_unit *next;

    if ( prev && prev->running )
    {
        burn(prev, now);
        prev->running = false;
        pcpu[cpu].curr = NULL;
        enqueue(prev);
    }

    next = pcpu[cpu].runq;
    if ( next && (next->prio == SCHED_PRIO_OVER) )
    {
        /* Nothing with credit here: prefer credit-holders elsewhere. */
        struct sched_unit *other = NULL;

        for ( unsigned int c = 0; c < nr_cpus && !other; c++ )
            for ( struct sched_unit *u = pcpu[c].runq; u; u = u->next )
                if ( c != cpu && u->prio < SCHED_PRIO_OVER &&
                     may_run_on(u, cpu) )
                {
                    other = u;
                    break;
                }
        if ( other )
            next = other;
    }
    if ( next )
        runq_remove(next);
    else
        next = steal(cpu);

    if ( next )
    {
        uint64_t budget = cap_budget(next->dom);

        next->running = true;
        next->cpu = cpu;
        next->last_start = now;
        pcpu[cpu].curr = next;
        if ( budget != UINT64_MAX )
        {
            uint64_t left = budget > next->dom->period_used_ns
                            ? budget - next->dom->period_used_ns : 0;

            dec.slice_ns = MAX(MIN(dec.slice_ns, left), MIN_SLICE_NS);
        }
    }
    dec.next = next;
    return dec;
}

static int credit_set_params(struct sched_dom *d, uint16_t weight,
                             uint16_t cap)
{
    if ( weight == 0 )
        return -EINVAL;
    /* A cap above the machine's CPU count means nothing. */
    if ( cap > 100 * nr_cpus )
        return -EINVAL;
    d->weight = weight;
    d->cap = cap;
    return 0;
}

const struct scheduler sched_credit = {
    .name = "credit",
    .init = credit_init,
    .add_unit = credit_add_unit,
    .remove_unit = credit_remove_unit,
    .wake = credit_wake,
    .sleep = credit_sleep,
    .yield = credit_yield,
    .do_schedule = credit_do_schedule,
    .account = credit_account,
    .set_params = credit_set_params,
};
