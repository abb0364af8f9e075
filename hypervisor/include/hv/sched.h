/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Blocking, waking and scheduling VCPUs: the scheduler core's interface
 * (common/sched/core.c) and the arch hooks it stands on.
 */
#ifndef HV_SCHED_H
#define HV_SCHED_H

#include <hv/types.h>

struct domain;
struct vcpu;

bool vcpu_events_pending(const struct vcpu *v);
void vcpu_block(struct vcpu *v);

/* --- the core (common/sched/core.c) ------------------------------------ */

/* At boot, before the first VCPU exists: the policy, for nr_cpus CPUs. */
void sched_init(unsigned int nr_cpus);
/* A VCPU joins the scheduler when created and leaves when destroyed. */
void sched_add_vcpu(struct vcpu *v);
void sched_remove_vcpu(struct vcpu *v);

/*
 * Make the scheduler agree with vcpu_runnable(v) after anything it looks
 * at changed (pause counts, up/down, initialised, the domain's state):
 * a VCPU that may run is queued, one that may not is taken off its CPU at
 * that CPU's next pass through schedule().  The domain form does every
 * VCPU of d.
 */
void vcpu_wake(struct vcpu *v);
void vcpu_sleep(struct vcpu *v);
void sched_vcpu_update(struct vcpu *v);
void sched_domain_update(struct domain *d);
/* v's hard affinity changed: move it where it may run. */
void sched_vcpu_affinity(struct vcpu *v);
/*
 * Wait until v (any VCPU of d) that may not run any more is off its CPU
 * with its state saved, as pausing or destroying from the toolstack must;
 * the running VCPU itself is never waited for.  Not from interrupts.
 */
void sched_vcpu_sync(struct vcpu *v);
void sched_domain_sync(struct domain *d);

/*
 * Blocking, for the running VCPU v: prepare marks it blocked, so that a
 * vcpu_unblock() from then on cancels the wait; commit takes it off the
 * CPU (false if it was woken meanwhile); cancel undoes a prepare that
 * will not be committed.  vcpu_unblock() ends a block or a poll.
 */
void vcpu_block_prepare(struct vcpu *v);
bool vcpu_block_commit(struct vcpu *v);
void vcpu_block_cancel(struct vcpu *v);
void vcpu_unblock(struct vcpu *v);
/* SCHEDOP_yield: give way to VCPUs of the same standing. */
void vcpu_yield(struct vcpu *v);

/*
 * A CPU's pass through the scheduler, with interrupts off: whether it is
 * due, and the pass itself, which switches to what runs next (NULL: the
 * CPU idles) and returns it.
 */
bool sched_need_resched(void);
struct vcpu *schedule(void);
/* Set a domain's weight and cap (the policy checks them). */
int sched_set_params(struct domain *d, uint16_t weight, uint16_t cap);

/* The crashed domain d was the running one: it never runs again. */
void __attribute__((noreturn)) sched_leave_crashed(struct domain *d);

/* --- arch hooks -------------------------------------------------------- */

/*
 * Interrupt masking, and waiting for the next interrupt.  The wait is
 * entered with interrupts disabled, enables them atomically with halting,
 * and returns with them disabled after the interrupt ran.
 */
void arch_irq_disable(void);
void arch_irq_enable(void);
void arch_wait_for_interrupt(void);
unsigned int arch_nr_cpus(void);
/* The CPU we run on, and a nudge making another CPU reschedule. */
unsigned int arch_cpu_id(void);
void arch_send_resched(unsigned int cpu);
/*
 * A switch in two halves, interrupts off: save prev's state from this CPU
 * (it is no longer current), then load next's (NULL: the CPU idles), so
 * that the way out to the guest enters next.
 */
void arch_context_save(struct vcpu *prev);
void arch_context_load(struct vcpu *next);
/* Leave the running VCPU for whatever schedule() picks; never returns. */
void __attribute__((noreturn)) arch_leave_vcpu(void);
/* A moment's wait for another CPU, which may need what we hold. */
void arch_sync_relax(void);

#endif /* HV_SCHED_H */
