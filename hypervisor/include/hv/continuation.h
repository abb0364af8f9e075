/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall continuations: a long hypercall stops between two units of
 * work when something more urgent waits, and has the guest issue it again
 * with arguments that say where it got to (common/hypercall-continue.c).
 */
#ifndef HV_CONTINUATION_H
#define HV_CONTINUATION_H

#include <hv/types.h>

/* The most arguments a hypercall takes (RDI, RSI, RDX, R10, R8). */
#define HYPERCALL_MAX_ARGS  5

/* How long one hypercall may keep the CPU when nothing else asks for it. */
#define HYPERCALL_BUDGET_NS 1000000ULL
/* The budget's clock is read at one preemption check in this many. */
#define HYPERCALL_CLOCK_CHECKS 8

/*
 * Should the running hypercall stop at the next point where it can say
 * how far it got?  True when this CPU must schedule, when the guest has
 * an event to take, or when the hypercall used up its time budget (which
 * starts at its first check); never outside a guest's hypercall.
 * Callers do one unit of work first, so that every continuation makes
 * progress.
 */
bool hypercall_preempt_check(void);

/*
 * Arrange for hypercall op to be issued again with args[0..nr-1] (the
 * rest of its arguments left as they are), once this one returns; the
 * handler then returns what this returns (op, which the guest never sees
 * as a result).  Inside a multicall the arguments go to the entry being
 * run instead, and the multicall continues itself.
 */
long hypercall_create_continuation(unsigned int op, unsigned int nr,
                                   const unsigned long args[]);

/* The same with the arguments listed: hypercall_continue(op, a0, a1). */
#define hypercall_continue(op, ...)                                         \
    hypercall_create_continuation(                                          \
        (op), sizeof((unsigned long[]){ __VA_ARGS__ }) /                    \
              sizeof(unsigned long),                                        \
        (const unsigned long[]){ __VA_ARGS__ })

/* Forget a continuation made, for a hypercall that must fail after all. */
void hypercall_cancel_continuation(void);

/* --- for the dispatchers ---------------------------------------------- */

/*
 * Around a guest's hypercall, as it arrives from the guest: enter gives
 * it a fresh time budget, leave says whether the call is to be issued
 * again (and then gives the op it continues as, in *op).
 */
void hypercall_enter(void);
bool hypercall_leave(unsigned int *op);

/*
 * Around one entry of a multicall: a continuation made meanwhile updates
 * args (the entry's, HYPERCALL_MAX_ARGS of them); preempted says whether
 * one was.
 */
void hypercall_multicall_enter(unsigned long args[]);
void hypercall_multicall_leave(void);
bool hypercall_preempted(void);

/*
 * Arch: put op and the arguments into the guest's registers, so that the
 * instruction that made the call, run again, makes it again.
 */
void arch_hypercall_set_args(unsigned int op, unsigned int nr,
                             const unsigned long args[]);

#endif /* HV_CONTINUATION_H */
