/* SPDX-License-Identifier: GPL-2.0-only */
/* System time from the TSC, and a one-shot timer on the local APIC. */
#ifndef ASM_TIME_H
#define ASM_TIME_H

#include <hv/types.h>

/*
 * TSC ticks to nanoseconds as pvclock (struct vcpu_time_info) does it:
 * ns = ((delta << shift) * mul_frac) >> 32, a negative shift meaning a
 * right shift.  now_ns() uses exactly this, so guests agree with us.
 */
struct time_scale
{
    int8_t shift;
    uint32_t mul_frac;
};

extern uint64_t tsc_khz;
extern uint64_t apic_timer_khz;
extern struct time_scale tsc_scale;
extern uint64_t tsc_at_boot;        /* TSC value at system time 0 */

/* Calibrate the TSC against the PIT and the APIC timer against the TSC. */
void time_init(void);

uint64_t scale_delta(uint64_t delta, const struct time_scale *scale);

/* Nanoseconds since boot. */
uint64_t now_ns(void);

/*
 * Interrupt (TIMER_VECTOR, then the registered handler) at system time
 * ns, or as soon as possible if that has passed; 0 cancels.  Far
 * deadlines fire early (the APIC counter is 32-bit): the handler should
 * check now_ns() and re-arm.
 */
void set_timer_deadline(uint64_t ns);

/* Called (interrupts off) when the deadline fires. */
void set_timer_handler(void (*handler)(void));

/* Busy-wait; for boot-time code only. */
void udelay(unsigned long us);

#endif /* ASM_TIME_H */
