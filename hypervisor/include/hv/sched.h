/* SPDX-License-Identifier: GPL-2.0-only */
/* Blocking and waking VCPUs. */
#ifndef HV_SCHED_H
#define HV_SCHED_H

#include <hv/types.h>

struct vcpu;

bool vcpu_events_pending(const struct vcpu *v);
void vcpu_block(struct vcpu *v);

/*
 * Arch: interrupt masking, and waiting for the next interrupt.  The wait
 * is entered with interrupts disabled, enables them atomically with
 * halting, and returns with them disabled after the interrupt ran.
 */
void arch_irq_disable(void);
void arch_irq_enable(void);
void arch_wait_for_interrupt(void);
unsigned int arch_nr_cpus(void);

#endif /* HV_SCHED_H */
