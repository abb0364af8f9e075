/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XEN_DOMCTL_* as Xen 4.17 answers them: the interface version must be
 * exactly 0x15 (else -EACCES), domains are found by id (else -ESRCH),
 * new domains start paused, getdomaininfo returns the first domain at or
 * after the id asked, and every buffer a command names must be hypercall
 * memory.
 */
#include <stdlib.h>
#include <string.h>

#include "fake-priv.h"

static int check_create(const struct xen_domctl_createdomain *c)
{
    unsigned int grant = XEN_DOMCTL_GRANT_version(c->grant_opts);

    if ( c->flags & ~(XEN_DOMCTL_CDF_MAX * 2 - 1) )
        return -EINVAL;
    if ( c->flags & (XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap) )
        return -EOPNOTSUPP;     /* this fake hosts PV guests only */
    if ( !c->max_vcpus || c->max_vcpus > 128 )
        return -EINVAL;
    if ( grant < 1 || grant > 2 || (c->grant_opts & ~0xfU) )
        return -EINVAL;
    if ( c->max_grant_frames < -1 || c->max_maptrack_frames < -1 )
        return -EINVAL;
    if ( c->arch.emulation_flags & ~XEN_X86_EMU_PIT )
        return -EINVAL;         /* a PV domain emulates nothing else */
    if ( c->arch.misc_flags & ~XEN_X86_MSR_RELAXED )
        return -EINVAL;
    if ( c->iommu_opts || c->vmtrace_size || c->cpupool_id )
        return -EINVAL;
    return 0;
}

static long create(struct fake_hv *hv, struct xen_domctl *op)
{
    struct xen_domctl_createdomain *c = &op->u.createdomain;
    domid_t domid = op->domain;
    unsigned int tries;
    int rc = check_create(c);

    if ( rc )
        return rc;
    if ( domid >= DOMID_FIRST_RESERVED )
        return -EINVAL;
    if ( domid && fake_domain(hv, domid) )
        return -EEXIST;
    for ( tries = 0; !domid && tries < DOMID_FIRST_RESERVED; tries++ )
    {
        if ( !fake_domain(hv, hv->next_domid) )
            domid = hv->next_domid;
        if ( ++hv->next_domid >= DOMID_FIRST_RESERVED )
            hv->next_domid = 1;
    }
    if ( !domid || !fake_domain_new(hv, domid, c) )
        return -ENOMEM;
    fake_domain(hv, domid)->pause_count = 1;
    op->domain = domid;
    return 0;
}

void fake_fill_info(struct fake_hv *hv, const struct fake_domain *d,
                    struct xen_domctl_getdomaininfo *i)
{
    unsigned int v;

    (void)hv;
    memset(i, 0, sizeof(*i));
    i->domain = d->domid;
    if ( d->pause_count )
        i->flags |= XEN_DOMINF_paused;
    if ( d->shutdown )
        i->flags |= XEN_DOMINF_shutdown |
                    (d->shutdown_reason << XEN_DOMINF_shutdownshift);
    if ( fake_domain_running(d) )
        i->flags |= XEN_DOMINF_running;
    else
        i->flags |= XEN_DOMINF_blocked;
    i->tot_pages = d->tot_pages;
    i->max_pages = d->max_pages;
    i->shared_info_frame = d->shared_info_mfn;
    for ( v = 0; v < d->config.max_vcpus; v++ )
        i->nr_online_vcpus += d->vcpus[v].online;
    i->max_vcpu_id = d->config.max_vcpus - 1;
    memcpy(i->handle, d->handle, sizeof(i->handle));
    i->arch_config = d->config.arch;
}

/* The first domain with an id >= domid, as Xen's list is ordered. */
struct fake_domain *fake_domain_from(struct fake_hv *hv, uint32_t domid)
{
    struct fake_domain *best = NULL;
    unsigned int i;

    for ( i = 0; i < FAKE_MAX_DOMAINS; i++ )
        if ( hv->doms[i] && hv->doms[i]->domid >= domid &&
             (!best || hv->doms[i]->domid < best->domid) )
            best = hv->doms[i];
    return best;
}

/* Xen's checks of a 64-bit PV kernel context, as far as a builder meets
 * them: flat ring-3 selectors and a top-level table the domain owns. */
static int set_context(struct fake_hv *hv, struct fake_domain *d,
                       struct xen_domctl_vcpucontext *vc)
{
    vcpu_guest_context_t *c;
    uint64_t l4;
    int rc;

    if ( vc->vcpu >= d->config.max_vcpus || !d->vcpus_created )
        return -EINVAL;
    c = fake_ptr(hv, (uintptr_t)vc->ctxt.p, sizeof(*c));
    if ( !c )
        return -EFAULT;
    if ( (c->user_regs.cs & 3) != 3 || (c->user_regs.ss & 3) != 3 ||
         (c->kernel_ss & 3) != 3 )
        return -EINVAL;
    l4 = c->ctrlreg[3] >> 12;
    if ( c->ctrlreg[3] & 0xfff )
        return -EINVAL;
    if ( d->pinned_l4 != l4 )
    {
        rc = fake_validate_l4(hv, d, l4);
        if ( rc )
            return rc;
    }
    d->vcpus[vc->vcpu].ctxt = *c;
    d->vcpus[vc->vcpu].online = true;
    return 0;
}

static int get_context(struct fake_hv *hv, struct fake_domain *d,
                       struct xen_domctl_vcpucontext *vc)
{
    vcpu_guest_context_t *c;

    if ( vc->vcpu >= d->config.max_vcpus || !d->vcpus_created )
        return -EINVAL;
    c = fake_ptr(hv, (uintptr_t)vc->ctxt.p, sizeof(*c));
    if ( !c )
        return -EFAULT;
    if ( !d->vcpus[vc->vcpu].online )
        return -ENODATA;
    *c = d->vcpus[vc->vcpu].ctxt;
    return 0;
}

/* Bitmaps of nr_bits bits; the fake's CPUs fit in one byte. */
static int affinity(struct fake_hv *hv, struct fake_domain *d, bool set,
                    struct xen_domctl_vcpuaffinity *a)
{
    uint8_t online = (uint8_t)((1U << hv->cfg.nr_cpus) - 1);
    struct fake_vcpu *v;
    uint8_t *hard, *soft;
    size_t hb, sb;

    if ( a->vcpu >= d->config.max_vcpus )
        return -EINVAL;
    if ( !d->vcpus_created )
        return -ESRCH;
    if ( a->flags & ~(XEN_VCPUAFFINITY_HARD | XEN_VCPUAFFINITY_SOFT |
                      XEN_VCPUAFFINITY_FORCE) ||
         !(a->flags & (XEN_VCPUAFFINITY_HARD | XEN_VCPUAFFINITY_SOFT)) )
        return -EINVAL;
    hb = (a->cpumap_hard.nr_bits + 7) / 8;
    sb = (a->cpumap_soft.nr_bits + 7) / 8;
    hard = fake_ptr(hv, (uintptr_t)a->cpumap_hard.bitmap.p, hb ? hb : 1);
    soft = fake_ptr(hv, (uintptr_t)a->cpumap_soft.bitmap.p, sb ? sb : 1);
    if ( ((a->flags & XEN_VCPUAFFINITY_HARD) && (!hard || !hb)) ||
         ((a->flags & XEN_VCPUAFFINITY_SOFT) && (!soft || !sb)) )
        return -EFAULT;
    v = &d->vcpus[a->vcpu];
    if ( set )
    {
        if ( (a->flags & XEN_VCPUAFFINITY_HARD) && !(hard[0] & online) )
            return -EINVAL;
        if ( a->flags & XEN_VCPUAFFINITY_HARD )
            v->hard = hard[0] & online;
        if ( a->flags & XEN_VCPUAFFINITY_SOFT )
            v->soft = soft[0] & online;
    }
    if ( a->flags & XEN_VCPUAFFINITY_HARD )
    {
        memset(hard, 0, hb);
        hard[0] = v->hard;
    }
    if ( a->flags & XEN_VCPUAFFINITY_SOFT )
    {
        memset(soft, 0, sb);
        soft[0] = v->soft & v->hard;
    }
    return 0;
}

/*
 * The domain's scheduler must be the one named.  Weight 0 leaves the
 * weight alone in both; credit leaves the cap alone at 0xffff, credit2
 * takes 0 as "no cap" and refuses more than 100 per VCPU.
 */
static int sched_op(struct fake_hv *hv, struct fake_domain *d,
                    struct xen_domctl_scheduler_op *s)
{
    bool credit1 = hv->cfg.credit1;

    if ( s->sched_id != (credit1 ? XEN_SCHEDULER_CREDIT
                                 : XEN_SCHEDULER_CREDIT2) )
        return -EINVAL;
    switch ( s->cmd )
    {
    case XEN_DOMCTL_SCHEDOP_putinfo:
        if ( !credit1 && s->u.credit2.cap > 100 * d->config.max_vcpus )
            return -EINVAL;
        if ( s->u.credit.weight )
            d->weight = s->u.credit.weight;
        if ( credit1 ? s->u.credit.cap != 0xffff : true )
            d->cap = s->u.credit.cap;
        return 0;
    case XEN_DOMCTL_SCHEDOP_getinfo:
        s->u.credit.weight = d->weight;
        s->u.credit.cap = d->cap;
        return 0;
    }
    return -EINVAL;
}

/* Xen writes 32-byte stubs; the fake marks each with its number. */
static int hypercall_init(struct fake_hv *hv, struct fake_domain *d,
                          uint64_t mfn)
{
    struct fake_frame *f = fake_frame_of(hv, mfn);
    uint8_t *page;
    unsigned int i;

    if ( !f || f->owner != d->domid || f->type != FT_NONE )
        return -EINVAL;
    page = fake_frame_ptr(hv, mfn);
    for ( i = 0; i < 128; i++ )
    {
        memset(page + i * 32, 0xcc, 32);
        page[i * 32] = (uint8_t)i;
    }
    d->hypercall_mfn = mfn;
    return 0;
}

static long dispatch(struct fake_hv *hv, struct xen_domctl *op,
                     struct fake_domain *d)
{
    unsigned int i;

    switch ( op->cmd )
    {
    case XEN_DOMCTL_destroydomain:
        if ( !d->domid )
            return -EINVAL;
        if ( d->pinned_l4 )
            fake_untype_tree(hv, d->pinned_l4);
        fake_domain_free(hv, d);
        return 0;
    case XEN_DOMCTL_pausedomain:
        if ( !d->domid )
            return -EINVAL;
        d->pause_count++;
        return 0;
    case XEN_DOMCTL_unpausedomain:
        if ( !d->pause_count )
            return -EINVAL;
        d->pause_count--;
        return 0;
    case XEN_DOMCTL_max_mem:
        d->max_pages = op->u.max_mem.max_memkb >> 2;
        return 0;
    case XEN_DOMCTL_max_vcpus:
        if ( op->u.max_vcpus.max != d->config.max_vcpus )
            return -EINVAL;
        d->vcpus_created = true;
        return 0;
    case XEN_DOMCTL_setvcpucontext:
        return set_context(hv, d, &op->u.vcpucontext);
    case XEN_DOMCTL_getvcpucontext:
        return get_context(hv, d, &op->u.vcpucontext);
    case XEN_DOMCTL_getvcpuinfo:
        i = op->u.getvcpuinfo.vcpu;
        if ( i >= d->config.max_vcpus )
            return -EINVAL;
        if ( !d->vcpus_created )
            return -ESRCH;
        op->u.getvcpuinfo.online = d->vcpus[i].online;
        op->u.getvcpuinfo.running = fake_domain_running(d) &&
                                    d->vcpus[i].online;
        op->u.getvcpuinfo.blocked = !op->u.getvcpuinfo.running;
        op->u.getvcpuinfo.cpu_time = 1000000ULL * (i + 1);
        op->u.getvcpuinfo.cpu = i % hv->cfg.nr_cpus;
        return 0;
    case XEN_DOMCTL_setvcpuaffinity:
    case XEN_DOMCTL_getvcpuaffinity:
        return affinity(hv, d, op->cmd == XEN_DOMCTL_setvcpuaffinity,
                        &op->u.vcpuaffinity);
    case XEN_DOMCTL_scheduler_op:
        return sched_op(hv, d, &op->u.scheduler_op);
    case XEN_DOMCTL_setdomainhandle:
        memcpy(d->handle, op->u.setdomainhandle.handle, sizeof(d->handle));
        return 0;
    case XEN_DOMCTL_set_address_size:
        if ( op->u.address_size.size != 64 && op->u.address_size.size != 32 )
            return -EINVAL;
        if ( op->u.address_size.size == 32 )
            return -EOPNOTSUPP;
        d->address_size = op->u.address_size.size;
        return 0;
    case XEN_DOMCTL_get_address_size:
        op->u.address_size.size = d->address_size;
        return 0;
    case XEN_DOMCTL_hypercall_init:
        return hypercall_init(hv, d, op->u.hypercall_init.gmfn);
    case XEN_DOMCTL_settimeoffset:
        d->time_offset = op->u.settimeoffset.time_offset_seconds;
        return 0;
    }
    return -ENOSYS;
}

long fake_domctl(struct fake_hv *hv, uint64_t arg)
{
    struct xen_domctl *op = fake_ptr(hv, arg, sizeof(*op));
    struct fake_domain *d;

    if ( !op )
        return -EFAULT;
    hv->last_domctl = *op;
    if ( op->interface_version != XEN_DOMCTL_INTERFACE_VERSION )
        return -EACCES;
    if ( op->cmd < 128 )
        hv->nr_domctls[op->cmd]++;
    if ( hv->fail_domctl >= 0 && op->cmd == (uint32_t)hv->fail_domctl )
        return -hv->fail_errno;

    switch ( op->cmd )
    {
    case XEN_DOMCTL_createdomain:
        return create(hv, op);
    case XEN_DOMCTL_getdomaininfo:
        d = fake_domain_from(hv, op->domain);
        if ( !d )
            return -ESRCH;
        fake_fill_info(hv, d, &op->u.getdomaininfo);
        return 0;
    }
    d = fake_domain(hv, op->domain);
    if ( !d )
        return -ESRCH;
    return dispatch(hv, op, d);
}
