/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the time test guests share: shared_info mapped at a page of our
 * own, pvclock and wallclock reads as a guest kernel does them, and the
 * timer hypercalls.  Events stay masked: we watch pending bits and wait
 * with SCHEDOP_poll.
 */
#ifndef TIME_UTIL_H
#define TIME_UTIL_H

#include "hvtest.h"
#include <public/vcpu.h>
#include <public/event_channel.h>

#define PAGE        4096UL
#define PTE_P       0x001UL
#define PTE_RW      0x002UL
#define PTE_A       0x020UL
#define PTE_D       0x040UL

#define NSEC_PER_SEC 1000000000ULL
#define MS(n)        ((uint64_t)(n) * 1000000ULL)
#define SECS(n)      ((uint64_t)(n) * NSEC_PER_SEC)

static uint8_t shinfo_page[PAGE] __attribute__((aligned(4096)));
static shared_info_t *shinfo;

/* Loads stay in program order on x86: only the compiler needs telling. */
#define rmb() asm volatile ( "" ::: "memory" )

static inline uint64_t rdtsc_ordered(void)
{
    uint32_t lo, hi;

    asm volatile ( "lfence; rdtsc" : "=a" (lo), "=d" (hi) :: "memory" );
    return ((uint64_t)hi << 32) | lo;
}

static inline long vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
    return hypercall3(__HYPERVISOR_vcpu_op, cmd, vcpu, arg);
}

static inline long set_timer_op(uint64_t timeout)
{
    return hypercall1(__HYPERVISOR_set_timer_op, timeout);
}

static inline long evtchn_op(int cmd, void *arg)
{
    return hypercall2(__HYPERVISOR_event_channel_op, cmd, arg);
}

/* Map the shared_info frame over shinfo_page; false if refused. */
static inline bool map_shared_info(void)
{
    long rc = hypercall3(__HYPERVISOR_update_va_mapping,
                         (unsigned long)shinfo_page,
                         start_info->shared_info | PTE_P | PTE_RW | PTE_A |
                         PTE_D, UVMF_INVLPG);

    if ( !CHECK_EQ(rc, 0) )
        return false;
    shinfo = (shared_info_t *)shinfo_page;
    return true;
}

/* ((delta << shift) * mul) >> 32 with a 128-bit product, as Linux does. */
static inline uint64_t pvclock_scale(uint64_t delta, uint32_t mul,
                                     int8_t shift)
{
    if ( shift < 0 )
        delta >>= -shift;
    else
        delta <<= shift;
    return (uint64_t)(((unsigned __int128)delta * mul) >> 32);
}

/* A consistent copy of a time record (even version, unchanged across). */
static inline void pvclock_snapshot(const volatile struct vcpu_time_info *t,
                                    struct vcpu_time_info *out)
{
    uint32_t v;

    do {
        v = t->version;
        rmb();
        out->tsc_timestamp = t->tsc_timestamp;
        out->system_time = t->system_time;
        out->tsc_to_system_mul = t->tsc_to_system_mul;
        out->tsc_shift = t->tsc_shift;
        out->flags = t->flags;
        rmb();
    } while ( (v & 1) || v != t->version );
    out->version = v;
}

/* System time from a record, and the TSC it was computed for. */
static inline uint64_t pvclock_read(const volatile struct vcpu_time_info *t,
                                    uint64_t *tsc_out)
{
    uint32_t v;
    uint64_t ns, tsc;

    do {
        v = t->version;
        rmb();
        tsc = rdtsc_ordered();
        ns = t->system_time +
             pvclock_scale(tsc - t->tsc_timestamp, t->tsc_to_system_mul,
                           t->tsc_shift);
        rmb();
    } while ( (v & 1) || v != t->version );
    if ( tsc_out )
        *tsc_out = tsc;
    return ns;
}

static inline uint64_t now(void)
{
    return pvclock_read(&shinfo->vcpu_info[0].time, NULL);
}

/* Wallclock at system time 0, by the same odd/even protocol. */
static inline void wallclock_read(uint64_t *sec, uint32_t *nsec)
{
    uint32_t v;

    do {
        v = shinfo->wc_version;
        rmb();
        *sec = shinfo->wc_sec | ((uint64_t)shinfo->wc_sec_hi << 32);
        *nsec = shinfo->wc_nsec;
        rmb();
    } while ( (v & 1) || v != shinfo->wc_version );
}

static inline long bind_virq_timer(void)
{
    struct evtchn_bind_virq b = { .virq = VIRQ_TIMER, .vcpu = 0 };
    long rc = evtchn_op(EVTCHNOP_bind_virq, &b);

    return rc ? rc : (long)b.port;
}

#define BITS_PER_WORD (sizeof(xen_ulong_t) * 8)

static inline bool port_pending(evtchn_port_t port)
{
    return (__atomic_load_n(&shinfo->evtchn_pending[port / BITS_PER_WORD],
                            __ATOMIC_SEQ_CST) >> (port % BITS_PER_WORD)) & 1;
}

static inline void clear_pending(evtchn_port_t port)
{
    __atomic_and_fetch(&shinfo->evtchn_pending[port / BITS_PER_WORD],
                       ~(1UL << (port % BITS_PER_WORD)), __ATOMIC_SEQ_CST);
}

/* SCHEDOP_poll on one port until it is pending or 'timeout' (0: never). */
static inline long poll_port(evtchn_port_t port, uint64_t timeout)
{
    struct sched_poll p = { .nr_ports = 1, .timeout = timeout };

    set_xen_guest_handle(p.ports, &port);
    return HYPERVISOR_sched_op(SCHEDOP_poll, &p);
}

/* Spin until port is pending or system time 'until'; true if pending. */
static inline bool spin_for_port(evtchn_port_t port, uint64_t until)
{
    while ( !port_pending(port) )
        if ( now() >= until )
            return port_pending(port);
    return true;
}

#endif /* TIME_UTIL_H */
