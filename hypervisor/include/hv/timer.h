/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Software timers on top of each CPU's one-shot deadline.  A timer runs
 * its function once, from the timer interrupt (interrupts off) of the CPU
 * that last armed it, at or after its expiry time in system time (ns
 * since boot).
 */
#ifndef HV_TIMER_H
#define HV_TIMER_H

#include <hv/types.h>

struct timer
{
    uint64_t expires;
    void (*fn)(void *data);
    void *data;
    struct timer *next;         /* in the pending list, sorted by expiry */
    bool active;
    unsigned int cpu;           /* whose list it is on, while active */
};

void timer_init(struct timer *t, void (*fn)(void *data), void *data);
/* (Re)arm t for system time 'expires'. */
void timer_set(struct timer *t, uint64_t expires);
void timer_stop(struct timer *t);

/*
 * Run every timer of this CPU due at 'now'; returns the next expiry, 0 if
 * none.
 */
uint64_t timers_run(uint64_t now);

/* Arch: system time now, and program the next interrupt (0: none). */
uint64_t arch_now(void);
void arch_set_deadline(uint64_t ns);
/* Arch: route the deadline interrupt to timers_run(). */
void arch_timers_init(void);
/* Arch: the CPU we run on (0 without one, as in host tests). */
unsigned int arch_cpu_id(void);

#define MILLISECS(ms) ((uint64_t)(ms) * 1000000ULL)
#define SECONDS(s)    ((uint64_t)(s) * 1000000000ULL)

#endif /* HV_TIMER_H */
