/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * System time as guests see it: each VCPU's pvclock record (vcpu_time_info
 * in its vcpu_info, and optionally a second copy in guest memory) and the
 * wallclock in shared_info.
 *
 * Invariant: a guest computing system_time + scale(tsc - tsc_timestamp)
 * gets exactly the nanosecond arch_now() gives for that TSC value.  The
 * record is refreshed when the VCPU starts running and whenever the TSC
 * crosses the next grid point (see pvclock_make), so that a guest's delta
 * always fits 32 bits once scaled: guests with 64-bit arithmetic are safe.
 *
 * Both records are rewritten by the version protocol (odd while changing)
 * under the VCPU's time lock, taken with interrupts off since the refresh
 * runs from the timer interrupt.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/time.h>

/* Stores before it become visible before stores after it. */
#define smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)

#define NSEC_PER_SEC 1000000000ULL

/* --- pvclock arithmetic ------------------------------------------------- */

uint64_t pvclock_scale(uint64_t delta, uint32_t mul, int8_t shift)
{
    if ( shift < 0 )
        delta >>= -shift;
    else
        delta <<= shift;
    return (uint64_t)(((unsigned __int128)delta * mul) >> 32);
}

/*
 * 2^(32 - shift) TSC ticks scale to exactly 'mul' nanoseconds with nothing
 * truncated, so from a stamp at a multiple of this the guest's sum and the
 * hypervisor's single product agree to the last bit.
 */
static unsigned int pvclock_grid_order(int8_t shift)
{
    int order = 32 - shift;

    return order < 1 ? 1 : order > 63 ? 63 : order;
}

void pvclock_make(struct vcpu_time_info *t, uint64_t tsc, uint64_t origin,
                  uint32_t mul, int8_t shift)
{
    uint64_t grid = 1ULL << pvclock_grid_order(shift);
    uint64_t base = (tsc - origin) & ~(grid - 1);

    t->tsc_timestamp = origin + base;
    t->system_time = pvclock_scale(base, mul, shift);
    t->tsc_to_system_mul = mul;
    t->tsc_shift = shift;
}

uint64_t pvclock_read(const struct vcpu_time_info *t, uint64_t tsc)
{
    return t->system_time +
           pvclock_scale(tsc - t->tsc_timestamp, t->tsc_to_system_mul,
                         t->tsc_shift);
}

/* System time at which the TSC reaches the grid point after t's stamp. */
static uint64_t pvclock_next(const struct vcpu_time_info *t, uint64_t origin)
{
    uint64_t grid = 1ULL << pvclock_grid_order(t->tsc_shift);

    return pvclock_scale(t->tsc_timestamp - origin + grid,
                         t->tsc_to_system_mul, t->tsc_shift);
}

void pvclock_publish(volatile struct vcpu_time_info *dst,
                     const struct vcpu_time_info *src)
{
    /* Odd even if a guest scribbled an odd value there. */
    uint32_t version = (dst->version + 1) | 1;

    dst->version = version;
    smp_wmb();
    dst->tsc_timestamp = src->tsc_timestamp;
    dst->system_time = src->system_time;
    dst->tsc_to_system_mul = src->tsc_to_system_mul;
    dst->tsc_shift = src->tsc_shift;
    dst->flags = src->flags;
    smp_wmb();
    dst->version = version + 1;
}

/* --- the records of a VCPU ---------------------------------------------- */

/*
 * The second copy, in guest memory, follows the first one's versions.  A
 * copy can fail (the area is not mapped in the guest's current page
 * tables, say in user mode): the next update retries.
 */
static void publish_guest_copy(struct vcpu_time *vt,
                               const struct vcpu_time_info *rec)
{
    struct vcpu_time_info t = *rec;
    guest_va_t va = vt->time_guest;

    t.version = rec->version - 1;
    vt->time_guest_stale = true;
    if ( copy_to_guest(va, &t.version, sizeof(t.version)) )
        return;
    smp_wmb();
    if ( copy_to_guest(va, &t, sizeof(t)) )
        return;
    smp_wmb();
    t.version = rec->version;
    if ( copy_to_guest(va, &t.version, sizeof(t.version)) )
        return;
    vt->time_guest_stale = false;
}

void update_vcpu_system_time(struct vcpu *v, bool force)
{
    struct vcpu_time *vt = &v->time;
    struct vcpu_time_info rec, *cur;
    uint64_t origin;
    uint32_t mul;
    int8_t shift;
    unsigned long flags;
    bool changed;

    if ( !v->vcpu_info )
        return;

    arch_time_scale(&origin, &mul, &shift);
    memset(&rec, 0, sizeof(rec));

    spin_lock_irqsave(&vt->lock, flags);
    pvclock_make(&rec, arch_read_tsc(), origin, mul, shift);
    rec.flags = arch_pvclock_flags();
    cur = &v->vcpu_info->time;
    rec.version = cur->version;
    changed = force || memcmp(cur, &rec, sizeof(rec));
    if ( changed )
    {
        pvclock_publish(cur, &rec);
        rec.version = cur->version;
    }
    if ( vt->time_guest && (changed || vt->time_guest_stale) )
        publish_guest_copy(vt, &rec);
    if ( vt->running )
        timer_set(&vt->refresh, pvclock_next(&rec, origin));
    spin_unlock_irqrestore(&vt->lock, flags);
}

static void refresh_fn(void *data)
{
    update_vcpu_system_time(data, false);
}

/* --- wallclock ---------------------------------------------------------- */

static spinlock_t wc_lock = SPIN_LOCK_UNLOCKED;
static uint64_t wc_sec;             /* wallclock at system time 0 */
static uint32_t wc_nsec;
static bool wc_known;

uint64_t time_mktime(unsigned int year, unsigned int mon, unsigned int day,
                     unsigned int hour, unsigned int min, unsigned int sec)
{
    uint64_t y = year, days;
    /* Months from March, so that February's leap day ends the year. */
    unsigned int m = (mon + 9) % 12;

    if ( mon <= 2 )
        y--;
    days = y * 365 + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 +
           day - 1;
    /* 0000-03-01 to 1970-01-01. */
    days -= 719468;
    return ((days * 24 + hour) * 60 + min) * 60 + sec;
}

void update_domain_wallclock_time(struct domain *d)
{
    volatile struct shared_info *si = d->shared_info;
    unsigned long flags;
    uint32_t version;
    uint64_t sec;

    spin_lock_irqsave(&wc_lock, flags);
    version = (si->wc_version + 1) | 1;
    si->wc_version = version;
    smp_wmb();
    /* The domain's own time zone (XEN_DOMCTL_settimeoffset), as Xen. */
    sec = wc_sec + d->time_offset_seconds;
    si->wc_sec = (uint32_t)sec;
    si->wc_sec_hi = (uint32_t)(sec >> 32);
    si->wc_nsec = wc_nsec;
    smp_wmb();
    si->wc_version = version + 1;
    spin_unlock_irqrestore(&wc_lock, flags);
}

void wallclock_set(uint64_t sec, uint32_t nsec, uint64_t at)
{
    /*
     * Modulo 2^64 as in Xen: a date before system time 0 is the caller's
     * nonsense, and dom0 sees the same nonsense read back on both.
     */
    uint64_t ns = sec * NSEC_PER_SEC + nsec - at;
    unsigned long flags;

    spin_lock_irqsave(&wc_lock, flags);
    wc_sec = ns / NSEC_PER_SEC;
    wc_nsec = ns % NSEC_PER_SEC;
    wc_known = true;
    spin_unlock_irqrestore(&wc_lock, flags);

    for ( domid_t id = 0; id < DOMID_FIRST_RESERVED; id++ )
    {
        struct domain *d = domain_lookup(id);

        if ( d )
            update_domain_wallclock_time(d);
    }
}

/* --- domains and VCPUs -------------------------------------------------- */

void domain_time_init(struct domain *d)
{
    /* The first domain reads the RTC; system time is calibrated by then. */
    if ( !wc_known )
    {
        uint64_t at = 0, sec = arch_get_wallclock(&at);

        /* Without a clock, 1970 at system time 0 rather than a wrap. */
        wallclock_set(sec, 0, sec ? at : 0);
    }
    update_domain_wallclock_time(d);
    for ( unsigned int i = 0; i < d->max_vcpus; i++ )
        if ( d->vcpu[i] )
            vcpu_time_init(d->vcpu[i]);
}

void vcpu_time_init(struct vcpu *v)
{
    struct vcpu_time *vt = &v->time;

    memset(vt, 0, sizeof(*vt));
    spin_lock_init(&vt->lock);
    timer_init(&vt->refresh, refresh_fn, v);
    vcpu_timers_init(v);
    vt->runstate.state = RUNSTATE_offline;
    vt->runstate.state_entry_time = arch_now();
    update_vcpu_system_time(v, true);
}

void vcpu_time_switch_in(struct vcpu *v)
{
    unsigned long flags;

    spin_lock_irqsave(&v->time.lock, flags);
    v->time.running = true;
    spin_unlock_irqrestore(&v->time.lock, flags);

    vcpu_runstate_change(v, RUNSTATE_running, arch_now());
    vcpu_runstate_publish(v);
    vcpu_periodic_resume(v);
    update_vcpu_system_time(v, false);
}

void vcpu_time_switch_out(struct vcpu *v, int state)
{
    unsigned long flags;

    spin_lock_irqsave(&v->time.lock, flags);
    v->time.running = false;
    timer_stop(&v->time.refresh);
    spin_unlock_irqrestore(&v->time.lock, flags);

    vcpu_periodic_pause(v);
    vcpu_runstate_change(v, state, arch_now());
    vcpu_runstate_publish(v);
}
