/* SPDX-License-Identifier: GPL-2.0-only */
/* VCPU state: register context, run state and CPU affinity. */
#include <stdlib.h>
#include <string.h>

#include "private.h"

static int vcpu_context(xc_interface *xch, uint32_t cmd, uint32_t domid,
                        uint32_t vcpu, vcpu_guest_context_any_t *ctxt)
{
    const char *what = cmd == XEN_DOMCTL_setvcpucontext ?
                       "setvcpucontext" : "getvcpucontext";
    struct xen_domctl d;
    struct xc_hbuf b;
    vcpu_guest_context_t *h;
    int rc;

    h = xc_hbuf_bounce(xch, &b, &ctxt->c, sizeof(ctxt->c));
    if ( !h )
        return xc_fail(xch, xch->priv ? -ENOMEM : -ENODEV, "%s", what);
    memset(&d, 0, sizeof(d));
    d.cmd = cmd;
    d.domain = (domid_t)domid;
    d.u.vcpucontext.vcpu = vcpu;
    xc_set_handle(d.u.vcpucontext.ctxt, h);
    rc = xc_do_domctl(xch, &d);
    if ( !rc && cmd == XEN_DOMCTL_getvcpucontext )
        memcpy(&ctxt->c, h, sizeof(ctxt->c));
    xc_hbuf_free(xch, &b);
    if ( rc )
        return xc_fail(xch, rc, "%s of domain %u VCPU %u", what, domid,
                       vcpu);
    return 0;
}

int xc_vcpu_setcontext(xc_interface *xch, uint32_t domid, uint32_t vcpu,
                       vcpu_guest_context_any_t *ctxt)
{
    return vcpu_context(xch, XEN_DOMCTL_setvcpucontext, domid, vcpu, ctxt);
}

int xc_vcpu_getcontext(xc_interface *xch, uint32_t domid, uint32_t vcpu,
                       vcpu_guest_context_any_t *ctxt)
{
    return vcpu_context(xch, XEN_DOMCTL_getvcpucontext, domid, vcpu, ctxt);
}

int xc_vcpu_getinfo(xc_interface *xch, uint32_t domid, uint32_t vcpu,
                    xc_vcpuinfo_t *info)
{
    struct xen_domctl d;

    memset(&d, 0, sizeof(d));
    d.cmd = XEN_DOMCTL_getvcpuinfo;
    d.domain = (domid_t)domid;
    d.u.getvcpuinfo.vcpu = vcpu;
    if ( xc_domctl_simple(xch, &d, "getvcpuinfo") )
        return -1;
    *info = d.u.getvcpuinfo;
    return 0;
}

/*
 * Both affinity calls carry two bitmaps of xc_get_cpumap_size() bytes;
 * the hypervisor reads them on set and writes the effective ones back.
 */
static int vcpu_affinity(xc_interface *xch, uint32_t cmd, uint32_t domid,
                         int vcpu, xc_cpumap_t hard, xc_cpumap_t soft,
                         uint32_t flags)
{
    const char *what = cmd == XEN_DOMCTL_setvcpuaffinity ?
                       "setvcpuaffinity" : "getvcpuaffinity";
    struct xen_domctl d;
    struct xc_hbuf bh = { NULL, 0 }, bs = { NULL, 0 };
    uint8_t *hh = NULL, *hs = NULL;
    int size, rc;

    size = xc_get_cpumap_size(xch);
    if ( size <= 0 )
        return -1;
    if ( (flags & XEN_VCPUAFFINITY_HARD) && !hard )
    {
        rc = -EINVAL;
        goto out;
    }
    if ( (flags & XEN_VCPUAFFINITY_SOFT) && !soft )
    {
        rc = -EINVAL;
        goto out;
    }
    hh = xc_hbuf_alloc(xch, &bh, size);
    hs = xc_hbuf_alloc(xch, &bs, size);
    if ( !hh || !hs )
    {
        rc = -ENOMEM;
        goto out;
    }
    if ( cmd == XEN_DOMCTL_setvcpuaffinity )
    {
        if ( flags & XEN_VCPUAFFINITY_HARD )
            memcpy(hh, hard, size);
        if ( flags & XEN_VCPUAFFINITY_SOFT )
            memcpy(hs, soft, size);
    }

    memset(&d, 0, sizeof(d));
    d.cmd = cmd;
    d.domain = (domid_t)domid;
    d.u.vcpuaffinity.vcpu = (uint32_t)vcpu;
    d.u.vcpuaffinity.flags = flags;
    xc_set_handle(d.u.vcpuaffinity.cpumap_hard.bitmap, hh);
    d.u.vcpuaffinity.cpumap_hard.nr_bits = (uint32_t)size * 8;
    xc_set_handle(d.u.vcpuaffinity.cpumap_soft.bitmap, hs);
    d.u.vcpuaffinity.cpumap_soft.nr_bits = (uint32_t)size * 8;
    rc = xc_do_domctl(xch, &d);
    if ( !rc )
    {
        if ( flags & XEN_VCPUAFFINITY_HARD )
            memcpy(hard, hh, size);
        if ( flags & XEN_VCPUAFFINITY_SOFT )
            memcpy(soft, hs, size);
    }
 out:
    xc_hbuf_free(xch, &bh);
    xc_hbuf_free(xch, &bs);
    if ( rc )
        return xc_fail(xch, rc, "%s of domain %u VCPU %d", what, domid,
                       vcpu);
    return 0;
}

int xc_vcpu_setaffinity(xc_interface *xch, uint32_t domid, int vcpu,
                        xc_cpumap_t cpumap_hard_inout,
                        xc_cpumap_t cpumap_soft_inout, uint32_t flags)
{
    return vcpu_affinity(xch, XEN_DOMCTL_setvcpuaffinity, domid, vcpu,
                         cpumap_hard_inout, cpumap_soft_inout, flags);
}

int xc_vcpu_getaffinity(xc_interface *xch, uint32_t domid, int vcpu,
                        xc_cpumap_t cpumap_hard, xc_cpumap_t cpumap_soft,
                        uint32_t flags)
{
    return vcpu_affinity(xch, XEN_DOMCTL_getvcpuaffinity, domid, vcpu,
                         cpumap_hard, cpumap_soft, flags);
}

int xc_get_max_cpus(xc_interface *xch)
{
    xc_physinfo_t info;

    if ( xc_physinfo(xch, &info) )
        return -1;
    return (int)info.max_cpu_id + 1;
}

int xc_get_online_cpus(xc_interface *xch)
{
    xc_physinfo_t info;

    if ( xc_physinfo(xch, &info) )
        return -1;
    return (int)info.nr_cpus;
}

int xc_get_cpumap_size(xc_interface *xch)
{
    int max = xc_get_max_cpus(xch);

    if ( max < 0 )
        return -1;
    return (max + 7) / 8;
}

xc_cpumap_t xc_cpumap_alloc(xc_interface *xch)
{
    int size = xc_get_cpumap_size(xch);

    if ( size <= 0 )
        return NULL;
    return calloc(1, size);
}

void xc_cpumap_clearcpu(int cpu, xc_cpumap_t map)
{
    map[cpu / 8] &= (uint8_t)~(1U << (cpu % 8));
}

void xc_cpumap_setcpu(int cpu, xc_cpumap_t map)
{
    map[cpu / 8] |= (uint8_t)(1U << (cpu % 8));
}

int xc_cpumap_testcpu(int cpu, xc_cpumap_t map)
{
    return (map[cpu / 8] >> (cpu % 8)) & 1;
}
