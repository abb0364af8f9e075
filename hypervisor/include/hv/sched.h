/* SPDX-License-Identifier: GPL-2.0-only */
/* Blocking and waking VCPUs. */
#ifndef HV_SCHED_H
#define HV_SCHED_H

#include <hv/types.h>

struct vcpu;

bool vcpu_events_pending(const struct vcpu *v);
void vcpu_block(struct vcpu *v);

/* Halt the CPU until the next interrupt, with interrupts enabled. */
void arch_idle_until_interrupt(void);

#endif /* HV_SCHED_H */
