/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels in the fake: the EVTCHNOP_* calls the toolstack makes
 * for other domains, and dom0's event device.  Port 0 is never handed
 * out, as in Xen.  A port that fires on dom0's device is masked until the
 * reader writes it back (unmask), as Linux's /dev/xen/evtchn does.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "fake-priv.h"

static int alloc_port(struct fake_domain *d)
{
    unsigned int p;

    for ( p = 1; p < FAKE_NR_PORTS; p++ )
        if ( d->ports[p].state == EVTCHNSTAT_closed )
            return (int)p;
    return -ENOSPC;
}

static struct fake_port *port_of(struct fake_hv *hv, uint32_t domid,
                                 uint32_t port)
{
    struct fake_domain *d = fake_domain(hv, domid);

    if ( !d || !port || port >= FAKE_NR_PORTS )
        return NULL;
    return &d->ports[port];
}

static long alloc_unbound(struct fake_hv *hv, struct evtchn_alloc_unbound *a)
{
    domid_t dom = a->dom == DOMID_SELF ? 0 : a->dom;
    struct fake_domain *d = fake_domain(hv, dom);
    int port;

    if ( !d )
        return -ESRCH;
    port = alloc_port(d);
    if ( port < 0 )
        return port;
    d->ports[port].state = EVTCHNSTAT_unbound;
    d->ports[port].remote_dom = a->remote_dom == DOMID_SELF ? dom
                                                            : a->remote_dom;
    a->port = (evtchn_port_t)port;
    return 0;
}

static long status(struct fake_hv *hv, struct evtchn_status *s)
{
    domid_t dom = s->dom == DOMID_SELF ? 0 : s->dom;
    struct fake_port *p;

    if ( !fake_domain(hv, dom) )
        return -ESRCH;
    p = port_of(hv, dom, s->port);
    if ( !p )
        return -EINVAL;
    s->status = p->state;
    s->vcpu = 0;
    if ( p->state == EVTCHNSTAT_unbound )
        s->u.unbound.dom = p->remote_dom;
    else if ( p->state == EVTCHNSTAT_interdomain )
    {
        s->u.interdomain.dom = p->remote_dom;
        s->u.interdomain.port = p->remote_port;
    }
    return 0;
}

long fake_evtchn_op(struct fake_hv *hv, uint64_t cmd, uint64_t arg)
{
    void *p;

    switch ( cmd )
    {
    case EVTCHNOP_alloc_unbound:
        if ( !(p = fake_ptr(hv, arg, sizeof(struct evtchn_alloc_unbound))) )
            return -EFAULT;
        return alloc_unbound(hv, p);
    case EVTCHNOP_status:
        if ( !(p = fake_ptr(hv, arg, sizeof(struct evtchn_status))) )
            return -EFAULT;
        return status(hv, p);
    }
    return -ENOSYS;
}

/* dom0's device: its ports are dom0's ports, also listed here. */
static struct fake_devport *devport(struct fake_hv *hv, uint32_t port)
{
    struct fake_devport *dp;

    for ( dp = hv->devports; dp; dp = dp->next )
        if ( dp->port == port )
            return dp;
    return NULL;
}

static int new_devport(struct fake_hv *hv, int port)
{
    struct fake_devport *dp = calloc(1, sizeof(*dp));

    if ( !dp )
        return -ENOMEM;
    dp->port = (uint32_t)port;
    dp->next = hv->devports;
    hv->devports = dp;
    return port;
}

void fake_devports_fini(struct fake_hv *hv)
{
    struct fake_devport *dp;

    while ( (dp = hv->devports) )
    {
        hv->devports = dp->next;
        free(dp);
    }
    if ( hv->evtchn_efd >= 0 )
        close(hv->evtchn_efd);
    hv->evtchn_efd = -1;
}

int fk_evtchn_open(void **privp)
{
    struct fake_hv *hv = fake_hv_current;

    if ( !hv )
        return -ENOENT;
    if ( hv->evtchn_efd < 0 )
        hv->evtchn_efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if ( hv->evtchn_efd < 0 )
        return -errno;
    *privp = hv;
    return 0;
}

void fk_evtchn_close(void *priv)
{
    (void)priv;
}

int fk_evtchn_fd(void *priv)
{
    return ((struct fake_hv *)priv)->evtchn_efd;
}

int fk_evtchn_bind_unbound(void *priv, uint32_t domid)
{
    struct fake_hv *hv = priv;
    struct fake_domain *d0 = fake_domain(hv, 0);
    int port = alloc_port(d0);

    if ( port < 0 )
        return port;
    d0->ports[port].state = EVTCHNSTAT_unbound;
    d0->ports[port].remote_dom = (uint16_t)domid;
    return new_devport(hv, port);
}

int fk_evtchn_bind_interdomain(void *priv, uint32_t domid,
                               uint32_t remote_port)
{
    struct fake_hv *hv = priv;
    struct fake_domain *d0 = fake_domain(hv, 0);
    struct fake_port *r = port_of(hv, domid, remote_port);
    int port;

    if ( !fake_domain(hv, domid) )
        return -ESRCH;
    if ( !r || r->state != EVTCHNSTAT_unbound || r->remote_dom != 0 )
        return -EINVAL;
    port = alloc_port(d0);
    if ( port < 0 )
        return port;
    d0->ports[port].state = EVTCHNSTAT_interdomain;
    d0->ports[port].remote_dom = (uint16_t)domid;
    d0->ports[port].remote_port = remote_port;
    r->state = EVTCHNSTAT_interdomain;
    r->remote_port = (uint32_t)port;
    return new_devport(hv, port);
}

int fk_evtchn_bind_virq(void *priv, unsigned int virq)
{
    struct fake_hv *hv = priv;
    struct fake_domain *d0 = fake_domain(hv, 0);
    int port;

    if ( virq >= NR_VIRQS )
        return -EINVAL;
    port = alloc_port(d0);
    if ( port < 0 )
        return port;
    d0->ports[port].state = EVTCHNSTAT_virq;
    return new_devport(hv, port);
}

int fk_evtchn_unbind(void *priv, uint32_t port)
{
    struct fake_hv *hv = priv;
    struct fake_devport **pp, *dp;
    struct fake_port *p = port_of(hv, 0, port), *r;

    for ( pp = &hv->devports; (dp = *pp); pp = &dp->next )
        if ( dp->port == port )
            break;
    if ( !dp || !p )
        return -EINVAL;
    if ( p->state == EVTCHNSTAT_interdomain &&
         (r = port_of(hv, p->remote_dom, p->remote_port)) )
    {
        r->state = EVTCHNSTAT_unbound;
        r->remote_dom = 0;
        r->remote_port = 0;
    }
    memset(p, 0, sizeof(*p));
    *pp = dp->next;
    free(dp);
    return 0;
}

int fk_evtchn_notify(void *priv, uint32_t port)
{
    struct fake_hv *hv = priv;
    struct fake_port *p = port_of(hv, 0, port), *r;

    if ( !p || !devport(hv, port) || p->state != EVTCHNSTAT_interdomain )
        return -EINVAL;
    r = port_of(hv, p->remote_dom, p->remote_port);
    if ( r )
        r->pending = true;
    return 0;
}

int fake_guest_notify(struct fake_hv *hv, uint32_t domid, uint32_t port)
{
    struct fake_port *p = port_of(hv, domid, port);
    struct fake_devport *dp;
    uint64_t one = 1;

    if ( !p || p->state != EVTCHNSTAT_interdomain || p->remote_dom != 0 )
        return -EINVAL;
    dp = devport(hv, p->remote_port);
    if ( !dp || dp->masked )
        return 0;
    dp->fired = dp->masked = true;
    if ( write(hv->evtchn_efd, &one, sizeof(one)) != sizeof(one) )
        return -EIO;
    return 0;
}

int fk_evtchn_pending(void *priv)
{
    struct fake_hv *hv = priv;
    struct fake_devport *dp;
    uint64_t n;

    for ( dp = hv->devports; dp; dp = dp->next )
        if ( dp->fired )
        {
            dp->fired = false;
            return (int)dp->port;
        }
    if ( read(hv->evtchn_efd, &n, sizeof(n)) < 0 )
        return -EAGAIN;
    return -EAGAIN;
}

int fk_evtchn_unmask(void *priv, uint32_t port)
{
    struct fake_devport *dp = devport(priv, port);

    if ( !dp )
        return -EINVAL;
    dp->masked = false;
    return 0;
}
