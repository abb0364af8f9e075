/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Software timers: one list sorted by expiry, its head programmed into the
 * CPU's one-shot timer.  Invariant: a timer is in the list iff it is
 * active, and the deadline programmed is the head's expiry (or none).
 * Callers hold interrupts off around list changes (one CPU for now).
 */
#include <hv/types.h>
#include <hv/timer.h>

static struct timer *pending;

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
}

void timer_stop(struct timer *t)
{
    bool was_head = pending == t;

    if ( !t->active )
        return;
    timer_unlink(t);
    if ( was_head )
        timer_reprogram();
}

uint64_t timers_run(uint64_t now)
{
    while ( pending && pending->expires <= now )
    {
        struct timer *t = pending;

        /* Off the list before it runs: the function may re-arm it. */
        pending = t->next;
        t->next = NULL;
        t->active = false;
        t->fn(t->data);
    }
    timer_reprogram();
    return pending ? pending->expires : 0;
}
