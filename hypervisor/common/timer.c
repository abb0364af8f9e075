/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Software timers: one list sorted by expiry, its head programmed into the
 * CPU's one-shot timer.  Invariant: a timer is in the list iff it is
 * active, and the deadline programmed is the head's expiry (or none).
 * The list changes from hypercalls and from the timer interrupt, so every
 * change holds timer_lock with interrupts off; a timer's function runs
 * without the lock, so it may re-arm timers.
 */
#include <hv/types.h>
#include <hv/spinlock.h>
#include <hv/timer.h>

static struct timer *pending;
static spinlock_t timer_lock = SPIN_LOCK_UNLOCKED;

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

    for ( pp = &pending; *pp; pp = &(*pp)->next )
        if ( *pp == t )
        {
            *pp = t->next;
            break;
        }
    t->next = NULL;
    t->active = false;
}

static void timer_reprogram(void)
{
    arch_set_deadline(pending ? pending->expires : 0);
}

void timer_set(struct timer *t, uint64_t expires)
{
    struct timer **pp;
    unsigned long flags;

    spin_lock_irqsave(&timer_lock, flags);
    if ( t->active )
        timer_unlink(t);
    t->expires = expires;
    for ( pp = &pending; *pp && (*pp)->expires <= expires; pp = &(*pp)->next )
        ;
    t->next = *pp;
    *pp = t;
    t->active = true;
    if ( pending == t )
        timer_reprogram();
    spin_unlock_irqrestore(&timer_lock, flags);
}

void timer_stop(struct timer *t)
{
    unsigned long flags;
    bool was_head;

    spin_lock_irqsave(&timer_lock, flags);
    was_head = pending == t;
    if ( t->active )
    {
        timer_unlink(t);
        if ( was_head )
            timer_reprogram();
    }
    spin_unlock_irqrestore(&timer_lock, flags);
}

uint64_t timers_run(uint64_t now)
{
    unsigned long flags;
    uint64_t next;

    spin_lock_irqsave(&timer_lock, flags);
    while ( pending && pending->expires <= now )
    {
        struct timer *t = pending;

        /* Off the list before it runs: the function may re-arm it. */
        pending = t->next;
        t->next = NULL;
        t->active = false;
        spin_unlock_irqrestore(&timer_lock, flags);
        t->fn(t->data);
        spin_lock_irqsave(&timer_lock, flags);
    }
    timer_reprogram();
    next = pending ? pending->expires : 0;
    spin_unlock_irqrestore(&timer_lock, flags);
    return next;
}
