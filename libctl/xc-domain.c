/* SPDX-License-Identifier: GPL-2.0-only */
/* Domain lifecycle and queries: XEN_DOMCTL_createdomain and friends,
 * getdomaininfo and the sysctl list of every domain. */
#include <stdlib.h>
#include <string.h>

#include "private.h"

static void domctl_init(struct xen_domctl *d, uint32_t cmd, uint32_t domid)
{
    memset(d, 0, sizeof(*d));
    d->cmd = cmd;
    d->domain = (domid_t)domid;
}

int xc_domain_create(xc_interface *xch, uint32_t *pdomid,
                     struct xen_domctl_createdomain *config)
{
    struct xen_domctl d;
    int rc;

    if ( *pdomid >= DOMID_FIRST_RESERVED )
        return xc_fail(xch, -EINVAL, "create domain %u: reserved id",
                       *pdomid);
    domctl_init(&d, XEN_DOMCTL_createdomain, *pdomid);
    d.u.createdomain = *config;
    rc = xc_do_domctl(xch, &d);
    if ( rc )
        return xc_fail(xch, rc, "create domain (%u VCPUs)",
                       config->max_vcpus);
    *pdomid = d.domain;
    *config = d.u.createdomain;
    return 0;
}

int xc_domain_max_vcpus(xc_interface *xch, uint32_t domid, unsigned int max)
{
    struct xen_domctl d;

    domctl_init(&d, XEN_DOMCTL_max_vcpus, domid);
    d.u.max_vcpus.max = max;
    return xc_domctl_simple(xch, &d, "max_vcpus");
}

int xc_domain_pause(xc_interface *xch, uint32_t domid)
{
    struct xen_domctl d;

    domctl_init(&d, XEN_DOMCTL_pausedomain, domid);
    return xc_domctl_simple(xch, &d, "pause");
}

int xc_domain_unpause(xc_interface *xch, uint32_t domid)
{
    struct xen_domctl d;

    domctl_init(&d, XEN_DOMCTL_unpausedomain, domid);
    return xc_domctl_simple(xch, &d, "unpause");
}

/*
 * Xen tears a domain down in steps and answers -ERESTART (as Linux's
 * privcmd passes it, EAGAIN or ERESTART) until the last step is done.
 */
int xc_domain_destroy(xc_interface *xch, uint32_t domid)
{
    struct xen_domctl d;
    int rc;

    do {
        domctl_init(&d, XEN_DOMCTL_destroydomain, domid);
        rc = xc_do_domctl(xch, &d);
    } while ( rc == -EAGAIN || rc == -ERESTART || rc == -EINTR );
    if ( rc )
        return xc_fail(xch, rc, "destroy of domain %u", domid);
    return 0;
}

int xc_domain_shutdown(xc_interface *xch, uint32_t domid, int reason)
{
    struct xc_hbuf b;
    struct sched_remote_shutdown *arg;
    long rc;

    arg = xc_hbuf_alloc(xch, &b, sizeof(*arg));
    if ( !arg )
        return xc_fail(xch, xch->priv ? -ENOMEM : -ENODEV,
                       "shutdown of domain %u", domid);
    arg->domain_id = (domid_t)domid;
    arg->reason = (unsigned int)reason;
    rc = xc_hypercall(xch, __HYPERVISOR_sched_op, SCHEDOP_remote_shutdown,
                      (uintptr_t)arg, 0, 0, 0);
    xc_hbuf_free(xch, &b);
    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "shutdown (reason %d) of domain %u",
                       reason, domid);
    return 0;
}

int xc_domain_setmaxmem(xc_interface *xch, uint32_t domid,
                        uint64_t max_memkb)
{
    struct xen_domctl d;

    domctl_init(&d, XEN_DOMCTL_max_mem, domid);
    d.u.max_mem.max_memkb = max_memkb;
    return xc_domctl_simple(xch, &d, "max_mem");
}

int xc_domain_sethandle(xc_interface *xch, uint32_t domid,
                        xen_domain_handle_t handle)
{
    struct xen_domctl d;

    domctl_init(&d, XEN_DOMCTL_setdomainhandle, domid);
    memcpy(d.u.setdomainhandle.handle, handle, sizeof(xen_domain_handle_t));
    return xc_domctl_simple(xch, &d, "setdomainhandle");
}

int xc_domain_set_address_size(xc_interface *xch, uint32_t domid,
                               unsigned int width)
{
    struct xen_domctl d;

    domctl_init(&d, XEN_DOMCTL_set_address_size, domid);
    d.u.address_size.size = width;
    return xc_domctl_simple(xch, &d, "set_address_size");
}

int xc_domain_get_guest_width(xc_interface *xch, uint32_t domid,
                              unsigned int *guest_width)
{
    struct xen_domctl d;

    domctl_init(&d, XEN_DOMCTL_get_address_size, domid);
    if ( xc_domctl_simple(xch, &d, "get_address_size") )
        return -1;
    *guest_width = d.u.address_size.size / 8;
    return 0;
}

int xc_domain_set_time_offset(xc_interface *xch, uint32_t domid,
                              int32_t time_offset_seconds)
{
    struct xen_domctl d;

    domctl_init(&d, XEN_DOMCTL_settimeoffset, domid);
    d.u.settimeoffset.time_offset_seconds = time_offset_seconds;
    return xc_domctl_simple(xch, &d, "settimeoffset");
}

/*
 * Xen answers getdomaininfo for the first domain at or after the one
 * asked; a different id in the answer means "no such domain".
 */
int xc_domain_getinfo_single(xc_interface *xch, uint32_t domid,
                             xc_domaininfo_t *info)
{
    struct xen_domctl d;
    int rc;

    domctl_init(&d, XEN_DOMCTL_getdomaininfo, domid);
    rc = xc_do_domctl(xch, &d);
    if ( !rc && d.u.getdomaininfo.domain != domid )
        rc = -ESRCH;
    if ( rc )
        return xc_fail(xch, rc, "getdomaininfo of domain %u", domid);
    if ( info )
        *info = d.u.getdomaininfo;
    return 0;
}

int xc_domain_getinfolist(xc_interface *xch, uint32_t first_domain,
                          unsigned int max_domains, xc_domaininfo_t *info)
{
    struct xen_sysctl s;
    struct xc_hbuf b;
    xc_domaininfo_t *h;
    int rc;

    if ( !max_domains )
        return 0;
    h = xc_hbuf_alloc(xch, &b, (size_t)max_domains * sizeof(*info));
    if ( !h )
        return xc_fail(xch, xch->priv ? -ENOMEM : -ENODEV,
                       "getdomaininfolist");
    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_getdomaininfolist;
    s.u.getdomaininfolist.first_domain = (domid_t)first_domain;
    s.u.getdomaininfolist.max_domains = max_domains;
    xc_set_handle(s.u.getdomaininfolist.buffer, h);
    rc = xc_do_sysctl(xch, &s);
    if ( !rc && s.u.getdomaininfolist.num_domains > max_domains )
        rc = -EOVERFLOW;
    if ( !rc )
        memcpy(info, h, s.u.getdomaininfolist.num_domains * sizeof(*info));
    xc_hbuf_free(xch, &b);
    if ( rc )
        return xc_fail(xch, rc, "getdomaininfolist from domain %u",
                       first_domain);
    return (int)s.u.getdomaininfolist.num_domains;
}

long xc_get_tot_pages(xc_interface *xch, uint32_t domid)
{
    xc_domaininfo_t info;

    if ( xc_domain_getinfo_single(xch, domid, &info) )
        return -1;
    return (long)info.tot_pages;
}
