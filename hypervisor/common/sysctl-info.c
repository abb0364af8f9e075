/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sysctl's information about the machine: physinfo, the list of domains
 * and the idle time of each CPU.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/mm.h>
#include <hv/page-alloc.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <hv/timer.h>
#include <hv/answers.h>

/* Xen's NUMA node limit (its default build), reported as max_node_id. */
#define MAX_NUMNODES 64

void sysctl_physinfo(struct xen_sysctl_physinfo *pi)
{
    unsigned int cpus = arch_nr_cpus();

    memset(pi, 0, sizeof(*pi));
    pi->nr_cpus = cpus;
    pi->max_cpu_id = cpus - 1;
    pi->nr_nodes = 1;
    pi->max_node_id = MAX_NUMNODES - 1;
    pi->total_pages = total_page_count();
    pi->free_pages = free_page_count();
    pi->max_mfn = max_page ? max_page - 1 : 0;
    pi->capabilities = XEN_SYSCTL_PHYSCAP_gnttab_v1;
    arch_do_physinfo(pi);
}

int sysctl_getdomaininfolist(struct domain *caller,
                             struct xen_sysctl_getdomaininfolist *l)
{
    guest_va_t buf = (guest_va_t)(uintptr_t)l->buffer.p;
    struct xen_domctl_getdomaininfo info;
    struct domain *d;
    uint32_t n = 0;

    for ( d = domain_first_from(l->first_domain);
          d && n < l->max_domains; d = domain_next(d) )
    {
        if ( !domctl_may_read_info(caller) )
            continue;
        domain_getinfo(d, &info);
        if ( copy_to_guest(buf + n * sizeof(info), &info, sizeof(info)) )
            return -EFAULT;
        n++;
    }
    l->num_domains = n;
    return 0;
}

/*
 * With one CPU running guests, the CPU idles whenever no VCPU runs: its
 * idle time is system time less the time every VCPU spent running.  The
 * scheduler overrides this once it keeps per-CPU figures.
 */
__attribute__((weak)) uint64_t cpu_idle_time(unsigned int cpu)
{
    uint64_t busy = 0, now = arch_now();
    struct domain *d;

    for ( d = domain_first_from(0); d; d = domain_next(d) )
        for ( unsigned int i = 0; i < d->max_vcpus; i++ )
        {
            struct vcpu_runstate_info r;

            if ( !d->vcpu[i] )
                continue;
            vcpu_runstate_get(d->vcpu[i], &r);
            busy += r.time[RUNSTATE_running];
        }
    return now > busy ? now - busy : 0;
}

int sysctl_getcpuinfo(struct xen_sysctl_getcpuinfo *ci)
{
    guest_va_t buf = (guest_va_t)(uintptr_t)ci->info.p;
    uint32_t i, n = MIN(ci->max_cpus, arch_nr_cpus());

    for ( i = 0; i < n; i++ )
    {
        struct xen_sysctl_cpuinfo info = { .idletime = cpu_idle_time(i) };

        if ( copy_to_guest(buf + i * sizeof(info), &info, sizeof(info)) )
            return -EFAULT;
    }
    ci->nr_cpus = i;
    return 0;
}

/*
 * Free memory, in bytes.  One node, and no zones by address width: the
 * band asked for is not looked at (Xen counts only its zones in it).
 */
void sysctl_availheap(struct xen_sysctl_availheap *a)
{
    a->avail_bytes = a->node == -1 || a->node == 0
                     ? (uint64_t)free_page_count() << PAGE_SHIFT : 0;
}

/* Our CPUs: one socket, a core each, all on node 0. */
int sysctl_cputopoinfo(struct xen_sysctl_cputopoinfo *ti)
{
    guest_va_t buf = (guest_va_t)(uintptr_t)ti->cputopo.p;
    uint32_t i, n = arch_nr_cpus();

    if ( buf )
    {
        n = MIN(n, ti->num_cpus);
        for ( i = 0; i < n; i++ )
        {
            struct xen_sysctl_cputopo t = { .core = i };

            if ( copy_to_guest(buf + i * sizeof(t), &t, sizeof(t)) )
                return -EFAULT;
        }
    }
    ti->num_cpus = n;
    return 0;
}

/* Xen's distance of a node to itself when the firmware gives none. */
#define LOCAL_DISTANCE 10

/* One node holding all memory. */
int sysctl_numainfo(struct xen_sysctl_numainfo *ni)
{
    guest_va_t mem = (guest_va_t)(uintptr_t)ni->meminfo.p;
    guest_va_t dist = (guest_va_t)(uintptr_t)ni->distance.p;
    uint32_t n = 1;

    if ( mem || dist )
    {
        n = MIN(n, ni->num_nodes);
        if ( n && mem )
        {
            struct xen_sysctl_meminfo m = {
                .memsize = (uint64_t)total_page_count() << PAGE_SHIFT,
                .memfree = (uint64_t)free_page_count() << PAGE_SHIFT,
            };

            if ( copy_to_guest(mem, &m, sizeof(m)) )
                return -EFAULT;
        }
        if ( n && dist )
        {
            uint32_t d = LOCAL_DISTANCE;

            if ( copy_to_guest(dist, &d, sizeof(d)) )
                return -EFAULT;
        }
    }
    ni->num_nodes = n;
    return 0;
}
