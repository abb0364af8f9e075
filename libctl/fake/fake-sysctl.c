/* SPDX-License-Identifier: GPL-2.0-only */
/* XEN_SYSCTL_* as Xen 4.17 answers them for the fake machine: physical
 * resources, the domain list, the console ring, CPU idle times. */
#include <string.h>

#include "fake-priv.h"

static void physinfo(struct fake_hv *hv, struct xen_sysctl_physinfo *p)
{
    memset(p, 0, sizeof(*p));
    p->threads_per_core = 1;
    p->cores_per_socket = hv->cfg.nr_cpus;
    p->nr_cpus = hv->cfg.nr_cpus;
    p->max_cpu_id = hv->cfg.nr_cpus - 1;
    p->nr_nodes = 1;
    p->cpu_khz = 2000000;
    p->capabilities = XEN_SYSCTL_PHYSCAP_pv | XEN_SYSCTL_PHYSCAP_gnttab_v1;
    p->total_pages = hv->cfg.nr_frames;
    p->free_pages = hv->free_frames;
    p->max_mfn = FAKE_MFN_BASE + hv->cfg.nr_frames - 1;
}

static long domain_list(struct fake_hv *hv,
                        struct xen_sysctl_getdomaininfolist *l)
{
    struct xen_domctl_getdomaininfo *buf;
    struct fake_domain *d;
    uint32_t n = 0, next = l->first_domain;

    buf = fake_ptr(hv, (uintptr_t)l->buffer.p,
                   (size_t)l->max_domains * sizeof(*buf));
    if ( !buf && l->max_domains )
        return -EFAULT;
    while ( n < l->max_domains && (d = fake_domain_from(hv, next)) )
    {
        fake_fill_info(hv, d, &buf[n++]);
        next = d->domid + 1;
    }
    l->num_domains = n;
    return 0;
}

/* index counts bytes ever written; incremental reads continue from it. */
static long readconsole(struct fake_hv *hv, struct xen_sysctl_readconsole *r)
{
    char *buf = fake_ptr(hv, (uintptr_t)r->buffer.p, r->count);
    size_t from = r->incremental ? r->index : 0, n;

    if ( !buf && r->count )
        return -EFAULT;
    if ( from > hv->console_len )
        from = hv->console_len;
    n = hv->console_len - from;
    if ( n > r->count )
        n = r->count;
    memcpy(buf, hv->console + from, n);
    r->count = (uint32_t)n;
    r->index = (uint32_t)(from + n);
    if ( r->clear )
        hv->console_len = 0;
    return 0;
}

static long cpuinfo(struct fake_hv *hv, struct xen_sysctl_getcpuinfo *c)
{
    struct xen_sysctl_cpuinfo *info;
    uint32_t i, n = c->max_cpus < hv->cfg.nr_cpus ? c->max_cpus
                                                  : hv->cfg.nr_cpus;

    info = fake_ptr(hv, (uintptr_t)c->info.p, (size_t)n * sizeof(*info));
    if ( !info && n )
        return -EFAULT;
    for ( i = 0; i < n; i++ )
        info[i].idletime = hv->idle_ns[i];
    c->nr_cpus = n;
    return 0;
}

long fake_sysctl(struct fake_hv *hv, uint64_t arg)
{
    struct xen_sysctl *op = fake_ptr(hv, arg, sizeof(*op));

    if ( !op )
        return -EFAULT;
    hv->last_sysctl = *op;
    if ( op->interface_version != XEN_SYSCTL_INTERFACE_VERSION )
        return -EACCES;
    switch ( op->cmd )
    {
    case XEN_SYSCTL_physinfo:
        physinfo(hv, &op->u.physinfo);
        return 0;
    case XEN_SYSCTL_getdomaininfolist:
        return domain_list(hv, &op->u.getdomaininfolist);
    case XEN_SYSCTL_readconsole:
        return readconsole(hv, &op->u.readconsole);
    case XEN_SYSCTL_sched_id:
        op->u.sched_id.sched_id = hv->cfg.credit1 ? XEN_SCHEDULER_CREDIT
                                                  : XEN_SCHEDULER_CREDIT2;
        return 0;
    case XEN_SYSCTL_getcpuinfo:
        return cpuinfo(hv, &op->u.getcpuinfo);
    }
    return -ENOSYS;
}
