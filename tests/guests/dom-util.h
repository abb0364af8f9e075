/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the domain-control guests share: typed domctl, sysctl and memory
 * calls, a default domain configuration, and a view of shared_info for
 * watching event channels the hypervisor raises.
 */
#ifndef TESTS_GUESTS_DOM_UTIL_H
#define TESTS_GUESTS_DOM_UTIL_H

/* domctl.h and sysctl.h are the toolstack's: say we are one. */
#undef __XEN_INTERFACE_VERSION__
#define __XEN_TOOLS__ 1
#include "hvtest.h"
#include "hypercall-cpu.h"
#include <public/domctl.h>
#include <public/sysctl.h>
#include <public/memory.h>

#define DOM_PAGE 4096UL

static inline long domctl(struct xen_domctl *op)
{
    return hypercall1(__HYPERVISOR_domctl, op);
}

static inline long sysctl(struct xen_sysctl *op)
{
    return hypercall1(__HYPERVISOR_sysctl, op);
}

static inline long memory_op(unsigned long cmd, void *arg)
{
    return hypercall2(__HYPERVISOR_memory_op, cmd, arg);
}

/* A zeroed request at the current interface version. */
static inline void domctl_init(struct xen_domctl *op, uint32_t cmd,
                               domid_t dom)
{
    memset(op, 0, sizeof(*op));
    op->cmd = cmd;
    op->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    op->domain = dom;
}

static inline void sysctl_init(struct xen_sysctl *op, uint32_t cmd)
{
    memset(op, 0, sizeof(*op));
    op->cmd = cmd;
    op->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
}

/* What a toolstack asks for a small PV guest. */
static inline void dom_default_config(struct xen_domctl_createdomain *c)
{
    memset(c, 0, sizeof(*c));
    c->max_vcpus = 1;
    c->max_evtchn_port = 1023;
    c->max_grant_frames = 32;
    c->max_maptrack_frames = 1024;
    c->grant_opts = XEN_DOMCTL_GRANT_version(1);
}

/* createdomain with config c asking for id 'want'; the id or an error. */
static inline long dom_create_cfg(domid_t want,
                                  const struct xen_domctl_createdomain *c)
{
    struct xen_domctl op;
    long rc;

    domctl_init(&op, XEN_DOMCTL_createdomain, want);
    op.u.createdomain = *c;
    rc = domctl(&op);
    return rc ? rc : (long)op.domain;
}

static inline long dom_create(domid_t want)
{
    struct xen_domctl_createdomain c;

    dom_default_config(&c);
    return dom_create_cfg(want, &c);
}

/* A domctl that needs nothing but the domain. */
static inline long dom_simple(uint32_t cmd, domid_t dom)
{
    struct xen_domctl op;

    domctl_init(&op, cmd, dom);
    return domctl(&op);
}

static inline long dom_destroy(domid_t dom)
{
    return dom_simple(XEN_DOMCTL_destroydomain, dom);
}

/* getdomaininfo; *found is the domain the answer describes. */
static inline long dom_info(domid_t dom, struct xen_domctl_getdomaininfo *i,
                            domid_t *found)
{
    struct xen_domctl op;
    long rc;

    domctl_init(&op, XEN_DOMCTL_getdomaininfo, dom);
    rc = domctl(&op);
    *i = op.u.getdomaininfo;
    if ( found )
        *found = op.domain;
    return rc;
}

static inline long dom_max_mem(domid_t dom, uint64_t kib)
{
    struct xen_domctl op;

    domctl_init(&op, XEN_DOMCTL_max_mem, dom);
    op.u.max_mem.max_memkb = kib;
    return domctl(&op);
}

static inline long dom_max_vcpus(domid_t dom, uint32_t max)
{
    struct xen_domctl op;

    domctl_init(&op, XEN_DOMCTL_max_vcpus, dom);
    op.u.max_vcpus.max = max;
    return domctl(&op);
}

/* Give dom n fresh frames; their machine frame numbers land in mfns. */
static inline long dom_populate(domid_t dom, xen_pfn_t *mfns,
                                unsigned long n)
{
    struct xen_memory_reservation r = {
        .nr_extents = n, .extent_order = 0, .domid = dom,
    };

    r.extent_start.p = mfns;
    return memory_op(XENMEM_increase_reservation, &r);
}

static inline long phys_info(struct xen_sysctl_physinfo *pi)
{
    struct xen_sysctl op;
    long rc;

    sysctl_init(&op, XEN_SYSCTL_physinfo);
    rc = sysctl(&op);
    *pi = op.u.physinfo;
    return rc;
}

static inline long sched_id(void)
{
    struct xen_sysctl op;
    long rc;

    sysctl_init(&op, XEN_SYSCTL_sched_id);
    rc = sysctl(&op);
    return rc ? rc : (long)op.u.sched_id.sched_id;
}

/* shared_info, mapped once over a page of ours. */
static inline shared_info_t *dom_shared_info(void)
{
    static uint8_t page[DOM_PAGE] __attribute__((aligned(DOM_PAGE)));
    static shared_info_t *si;

    /* Present, writable, user, accessed, dirty. */
    if ( !si && !HYPERVISOR_update_va_mapping((unsigned long)page,
                                              start_info->shared_info | 0x67,
                                              UVMF_INVLPG) )
        si = (shared_info_t *)page;
    return si;
}

static inline uint64_t rdtsc_now(void)
{
    uint32_t lo, hi;

    asm volatile ( "rdtsc" : "=a" (lo), "=d" (hi) );
    return ((uint64_t)hi << 32) | lo;
}

/* System time (ns) from VCPU 0's pvclock record. */
static inline uint64_t sys_now(void)
{
    volatile struct vcpu_time_info *t;
    uint32_t ver;
    uint64_t delta, now;
    shared_info_t *si = dom_shared_info();

    if ( !si )
        return 0;
    t = &si->vcpu_info[0].time;
    do
    {
        ver = t->version;
        asm volatile ( "" ::: "memory" );
        delta = rdtsc_now() - t->tsc_timestamp;
        if ( t->tsc_shift < 0 )
            delta >>= -t->tsc_shift;
        else
            delta <<= t->tsc_shift;
        now = t->system_time +
              (uint64_t)(((unsigned __int128)delta * t->tsc_to_system_mul)
                         >> 32);
        asm volatile ( "" ::: "memory" );
    } while ( (ver & 1) || ver != t->version );
    return now;
}

/* Let the hypervisor idle for about ns nanoseconds. */
static inline void sleep_ns(uint64_t ns)
{
    struct sched_poll p = { .nr_ports = 0 };

    p.timeout = sys_now() + ns;
    HYPERVISOR_sched_op(SCHEDOP_poll, &p);
}

/* Is port pending in shared_info?  Clears it, to see the next one. */
static inline bool port_test_and_clear(evtchn_port_t port)
{
    shared_info_t *si = dom_shared_info();
    xen_ulong_t bit = (xen_ulong_t)1 << (port % 64);
    bool was;

    if ( !si )
        return false;
    was = __atomic_fetch_and(&si->evtchn_pending[port / 64], ~bit,
                             __ATOMIC_SEQ_CST) & bit;
    return was;
}

/*
 * Free memory as the hypervisor counts it, once it reaches 'want' (0:
 * once it holds still for 50 ms): Xen gives some of a dead domain's memory
 * back only after an RCU grace period, which needs the CPU to pass
 * through idle.  Waits up to ~2 s.
 */
static inline uint64_t free_pages_settled(uint64_t want)
{
    struct xen_sysctl_physinfo pi = { 0 };
    uint64_t last = 0;
    unsigned int still = 0;

    for ( unsigned int i = 0; i < 200; i++ )
    {
        if ( phys_info(&pi) || (want && pi.free_pages == want) )
            break;
        still = pi.free_pages == last ? still + 1 : 0;
        if ( !want && still == 5 )
            break;
        last = pi.free_pages;
        sleep_ns(10000000);
    }
    return pi.free_pages;
}

#endif /* TESTS_GUESTS_DOM_UTIL_H */
