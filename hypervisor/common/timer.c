/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Software timers: a list per CPU sorted by expiry, its head programmed
 * into that CPU's one-shot timer.  A timer goes on the list of the CPU
 * that arms it, since a CPU can only program its own deadline; it runs
 * there.  Invariants: a timer is on a list iff it is active, on list
 * t->cpu; each CPU's programmed deadline is its head's expiry, or earlier
 * (a head stopped from another CPU: that CPU then finds nothing due and
 * programs the next).  Lists change from hypercalls and timer interrupts
 * on any CPU, so every change holds timer_lock with interrupts off; a
 * timer's function runs without the lock, so it may re-arm timers.
 */
#include <hv/types.h>
#include <hv/spinlock.h>
#include <hv/timer.h>

#define TIMER_CPUS 64

static struct timer *pending[TIMER_CPUS];
static spinlock_t timer_lock = SPIN_LOCK_UNLOCKED;

/* Host tests of this file have a single CPU. */
__attribute__((weak)) unsigned int arch_cpu_id(void)
{
    return 0;
}

void timer_init(struct timer *t, void (*fn)(void *data), void *data)
{
    t->fn = fn;
    t->data = data;
    t->next = NULL;
    t->active = false;
    t->expires = 0;
}

static void timer_unlink(struct timer *t)
{
    struct timer **pp;

    for ( pp = &pending[t->cpu]; *pp; pp = &(*pp)->next )
        if ( *pp == t )
        {
            *pp = t->next;
            break;
        }
    t->next = NULL;
    t->active = false;
}

static void timer_reprogram(unsigned int cpu)
{
    arch_set_deadline(pending[cpu] ? pending[cpu]->expires : 0);
}

void timer_set(struct timer *t, uint64_t expires)
{
    unsigned int me = arch_cpu_id() % TIMER_CPUS;
    struct timer **pp;
    unsigned long flags;
    bool was_head = false;

    spin_lock_irqsave(&timer_lock, flags);
    if ( t->active )
    {
        was_head = t->cpu == me && pending[me] == t;
        timer_unlink(t);
    }
    t->expires = expires;
    t->cpu = me;
    for ( pp = &pending[me]; *pp && (*pp)->expires <= expires;
          pp = &(*pp)->next )
        ;
    t->next = *pp;
    *pp = t;
    t->active = true;
    /*
     * A head pushed back behind another timer would leave its old, earlier
     * deadline programmed: an interrupt that finds nothing due.  Guests
     * move their one-shot timers later often (an idle Linux stopping its
     * tick), so follow the new head.
     */
    if ( pending[me] == t || was_head )
        timer_reprogram(me);
    spin_unlock_irqrestore(&timer_lock, flags);
}

void timer_stop(struct timer *t)
{
    unsigned long flags;
    bool was_head;

    spin_lock_irqsave(&timer_lock, flags);
    if ( t->active )
    {
        was_head = pending[t->cpu] == t;
        timer_unlink(t);
        if ( was_head && t->cpu == arch_cpu_id() % TIMER_CPUS )
            timer_reprogram(t->cpu);
    }
    spin_unlock_irqrestore(&timer_lock, flags);
}

uint64_t timers_run(uint64_t now)
{
    unsigned int me = arch_cpu_id() % TIMER_CPUS;
    unsigned long flags;
    uint64_t next;

    spin_lock_irqsave(&timer_lock, flags);
    while ( pending[me] && pending[me]->expires <= now )
    {
        struct timer *t = pending[me];

        /* Off the list before it runs: the function may re-arm it. */
        pending[me] = t->next;
        t->next = NULL;
        t->active = false;
        spin_unlock_irqrestore(&timer_lock, flags);
        t->fn(t->data);
        spin_lock_irqsave(&timer_lock, flags);
    }
    timer_reprogram(me);
    next = pending[me] ? pending[me]->expires : 0;
    spin_unlock_irqrestore(&timer_lock, flags);
    return next;
}
