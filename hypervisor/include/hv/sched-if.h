/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler interface: what the CPU-side code asks of a scheduling
 * policy, behind an ops table so that policies can be swapped.
 *
 * A sched_unit is one schedulable VCPU; a sched_dom groups a domain's units
 * and carries its weight and cap.  The core calls the policy with the
 * CPU's scheduling lock held (one CPU today), and never touches the
 * policy's private fields.
 */
#ifndef HV_SCHED_IF_H
#define HV_SCHED_IF_H

#include <hv/types.h>

#define SCHED_MAX_CPUS      64
#define SCHED_DEFAULT_WEIGHT 256

typedef uint64_t cpumask_t;         /* bit n: CPU n (SCHED_MAX_CPUS) */

struct sched_dom
{
    uint16_t weight;                /* relative share, 1..65535 */
    uint16_t cap;                   /* % of one CPU, 0 = none */
    unsigned int nr_units;
    unsigned int nr_active;         /* units sharing credit this period */
    uint64_t period_used_ns;        /* CPU time used in this period */
};

enum sched_prio
{
    SCHED_PRIO_BOOST,               /* just woken: runs before UNDER */
    SCHED_PRIO_UNDER,               /* has credit left */
    SCHED_PRIO_OVER,                /* spent its share */
};

struct sched_unit
{
    struct sched_dom *dom;
    void *owner;                    /* the struct vcpu */
    cpumask_t hard_affinity;        /* CPUs it may run on */
    unsigned int cpu;               /* where it runs or last ran */

    /* The policy's state. */
    int64_t credit;
    enum sched_prio prio;
    bool runnable;                  /* wants the CPU */
    bool running;                   /* owns a CPU now */
    bool parked;                    /* over its cap until the next period */
    bool active;                    /* takes part in credit sharing */
    bool queued;                    /* on a run queue */
    struct sched_unit *next;        /* in its CPU's run queue */
    struct sched_unit *all_next;    /* in the list of every unit */

    /* Accounting, in ns: for runstate reporting and tests. */
    uint64_t run_ns;
    uint64_t last_start;
};

/* What do_schedule decided for one CPU. */
struct sched_decision
{
    struct sched_unit *next;        /* NULL: idle (halt) */
    uint64_t slice_ns;              /* reschedule at the latest after */
};

struct scheduler
{
    const char *name;
    void (*init)(unsigned int nr_cpus);
    void (*add_unit)(struct sched_unit *u);
    void (*remove_unit)(struct sched_unit *u);
    /* Returns a CPU that should reschedule now, or -1. */
    int (*wake)(struct sched_unit *u, uint64_t now);
    void (*sleep)(struct sched_unit *u, uint64_t now);
    void (*yield)(struct sched_unit *u);
    /* Called when the CPU must choose; prev is what ran until now. */
    struct sched_decision (*do_schedule)(unsigned int cpu,
                                         struct sched_unit *prev,
                                         uint64_t now);
    /* Periodic credit accounting; returns when it wants to run again. */
    uint64_t (*account)(uint64_t now);
    int (*set_params)(struct sched_dom *d, uint16_t weight, uint16_t cap);
};

extern const struct scheduler sched_credit;

#endif /* HV_SCHED_IF_H */
