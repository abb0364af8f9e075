/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest time: system time published as pvclock records, the wallclock in
 * shared_info, each VCPU's one-shot and periodic timers (VIRQ_TIMER) and
 * its runstate accounting.  common/time.c, vcpu-timer.c and runstate.c.
 */
#ifndef HV_TIME_H
#define HV_TIME_H

#include <hv/types.h>
#include <hv/spinlock.h>
#include <hv/timer.h>
#include <hv/guest-access.h>
#include <public/xen.h>
#include <public/vcpu.h>

struct domain;
struct vcpu;

/* Xen's bound on periods and deltas: now + delta cannot overflow. */
#define STIME_DELTA_MAX ((uint64_t)~0ULL >> 2)
/* A PV VCPU starts with a 100 Hz tick, as on Xen. */
#define PERIODIC_DEFAULT_NS MILLISECS(10)

/* Embedded in struct vcpu. */
struct vcpu_time
{
    spinlock_t lock;                /* timers and runstate; irqsave */
    struct timer singleshot;        /* set_timer_op, VCPUOP_*_singleshot */
    struct timer periodic;          /* runs only while the VCPU runs */
    struct timer refresh;           /* next pvclock grid point */
    uint64_t period;                /* ns, 0: no periodic timer */
    uint64_t periodic_last;         /* system time of the last tick */
    bool running;                   /* between switch_in and switch_out */

    struct vcpu_runstate_info runstate;
    guest_va_t runstate_guest;      /* 0: none registered */
    guest_va_t time_guest;          /* VCPUOP_register_vcpu_time_... */
    bool time_guest_stale;
};

/* --- pvclock arithmetic (pure; exposed for the unit tests) --------------- */

/* ((delta << shift) * mul) >> 32, a negative shift meaning a right shift. */
uint64_t pvclock_scale(uint64_t delta, uint32_t mul, int8_t shift);

/*
 * The record for TSC value 'tsc', given the scale and 'origin', the TSC at
 * system time 0.  Its stamp lies on a grid of TSC values at which the
 * scale adds up exactly, so that a guest extrapolating from it gets the
 * very nanosecond the hypervisor computes: no drift, no step back when a
 * newer record replaces an older one.
 */
void pvclock_make(struct vcpu_time_info *t, uint64_t tsc, uint64_t origin,
                  uint32_t mul, int8_t shift);

/* What a guest computes from record t at TSC value tsc. */
uint64_t pvclock_read(const struct vcpu_time_info *t, uint64_t tsc);

/*
 * Rewrite *dst with src's contents by the version protocol: the version
 * goes odd, the fields change, the version goes even (and past the old).
 */
void pvclock_publish(volatile struct vcpu_time_info *dst,
                     const struct vcpu_time_info *src);

/* --- system time and wallclock (common/time.c) --------------------------- */

/* Rewrite v's time record(s) if they changed, or always with 'force'. */
void update_vcpu_system_time(struct vcpu *v, bool force);

/* Seconds since 1970 of a UTC date (month 1-12, day 1-31). */
uint64_t time_mktime(unsigned int year, unsigned int mon, unsigned int day,
                     unsigned int hour, unsigned int min, unsigned int sec);

/* Set the wallclock: 'sec'.'nsec' since 1970 was system time 'at'. */
void wallclock_set(uint64_t sec, uint32_t nsec, uint64_t at);
/* Copy the wallclock into d's shared_info (version protocol). */
void update_domain_wallclock_time(struct domain *d);

/* A new domain's time: wallclock in shared_info, each VCPU's timers. */
void domain_time_init(struct domain *d);
void vcpu_time_init(struct vcpu *v);

/*
 * The scheduler's calls: v starts running on this CPU / stops running to
 * enter 'state' (RUNSTATE_blocked, _offline...).  Interrupts off.
 */
void vcpu_time_switch_in(struct vcpu *v);
void vcpu_time_switch_out(struct vcpu *v, int state);

/* --- VCPU timers (common/vcpu-timer.c) ----------------------------------- */

void vcpu_timers_init(struct vcpu *v);
/* The periodic timer follows the VCPU: it only ticks while v runs. */
void vcpu_periodic_resume(struct vcpu *v);
void vcpu_periodic_pause(struct vcpu *v);
/* Raise VIRQ_TIMER on v. */
void send_timer_event(struct vcpu *v);
/* One-shot at 'deadline' (fires at once if past); stop it. */
void vcpu_singleshot_set(struct vcpu *v, uint64_t deadline);
void vcpu_singleshot_stop(struct vcpu *v);
/* Periodic tick every 'period' ns while v runs; 0 stops it. */
void vcpu_set_periodic_timer(struct vcpu *v, uint64_t period);

/* --- runstate (common/runstate.c) ---------------------------------------- */

void vcpu_runstate_change(struct vcpu *v, int state, uint64_t now);
/* v's runstate with the time in its current state counted up to 'now'. */
void vcpu_runstate_get(struct vcpu *v, struct vcpu_runstate_info *r);
/* Copy the runstate to the registered guest area, if any. */
void vcpu_runstate_publish(struct vcpu *v);

/* --- arch ---------------------------------------------------------------- */

/*
 * vcpu_op commands of the arch (send_nmi, get_physid on x86): true if cmd
 * is one, with the hypercall's result in *rc.
 */
bool arch_vcpu_op(int cmd, struct vcpu *v, guest_va_t arg, long *rc);

/* The TSC, and the scale and origin (TSC at system time 0) of system time. */
uint64_t arch_read_tsc(void);
void arch_time_scale(uint64_t *origin, uint32_t *mul, int8_t *shift);
/* pvclock flags the arch vouches for (XEN_PVCLOCK_TSC_STABLE_BIT). */
uint8_t arch_pvclock_flags(void);
/*
 * Seconds since 1970 from the battery-backed clock at system time *at, 0
 * if there is none.
 */
uint64_t arch_get_wallclock(uint64_t *at);

#endif /* HV_TIME_H */
