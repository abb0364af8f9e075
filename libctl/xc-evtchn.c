/* SPDX-License-Identifier: GPL-2.0-only */
/* Event channels: ports of other domains opened by the toolstack
 * (EVTCHNOP_*), and this domain's own ports through the event device. */
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "xenevtchn.h"

static long evtchn_op(xc_interface *xch, unsigned int cmd, void *arg,
                      size_t len)
{
    struct xc_hbuf b;
    void *h;
    long rc;

    h = xc_hbuf_bounce(xch, &b, arg, len);
    if ( !h )
        return xch->priv ? -ENOMEM : -ENODEV;
    rc = xc_hypercall(xch, __HYPERVISOR_event_channel_op, cmd, (uintptr_t)h,
                      0, 0, 0);
    if ( rc >= 0 )
        memcpy(arg, h, len);
    xc_hbuf_free(xch, &b);
    return rc;
}

xc_evtchn_port_or_error_t xc_evtchn_alloc_unbound(xc_interface *xch,
                                                  uint32_t dom,
                                                  uint32_t remote_dom)
{
    struct evtchn_alloc_unbound arg;
    long rc;

    memset(&arg, 0, sizeof(arg));
    arg.dom = (domid_t)dom;
    arg.remote_dom = (domid_t)remote_dom;
    rc = evtchn_op(xch, EVTCHNOP_alloc_unbound, &arg, sizeof(arg));
    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "unbound event channel in domain %u "
                       "for domain %u", dom, remote_dom);
    return (int)arg.port;
}

int xc_evtchn_status(xc_interface *xch, xc_evtchn_status_t *status)
{
    long rc = evtchn_op(xch, EVTCHNOP_status, status, sizeof(*status));

    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "status of event channel %u of domain "
                       "%u", status->port, status->dom);
    return 0;
}

struct xenevtchn_handle
{
    const struct libctl_backend *be;
    void *priv;
};

/* The device calls' -errno results as -1 and errno. */
static int dev_result(int rc)
{
    if ( rc < 0 )
    {
        errno = -rc;
        return -1;
    }
    return rc;
}

xenevtchn_handle *xenevtchn_open(xentoollog_logger *logger,
                                 unsigned int open_flags)
{
    xenevtchn_handle *xce = NULL;
    int rc;

    if ( logger || open_flags )
    {
        errno = EINVAL;
        goto out;
    }
    xce = calloc(1, sizeof(*xce));
    if ( !xce )
        goto out;
    xce->be = libctl_backend();
    rc = xce->be->evtchn_open(&xce->priv);
    if ( rc < 0 )
    {
        free(xce);
        xce = NULL;
        errno = -rc;
    }
 out:
    return xce;
}

int xenevtchn_close(xenevtchn_handle *xce)
{
    if ( !xce )
        return 0;
    xce->be->evtchn_close(xce->priv);
    free(xce);
    return 0;
}

int xenevtchn_fd(xenevtchn_handle *xce)
{
    return dev_result(xce->be->evtchn_fd(xce->priv));
}

int xenevtchn_notify(xenevtchn_handle *xce, evtchn_port_t port)
{
    return dev_result(xce->be->evtchn_notify(xce->priv, port));
}

xenevtchn_port_or_error_t xenevtchn_bind_unbound_port(xenevtchn_handle *xce,
                                                      uint32_t domid)
{
    return dev_result(xce->be->evtchn_bind_unbound(xce->priv, domid));
}

xenevtchn_port_or_error_t xenevtchn_bind_interdomain(
    xenevtchn_handle *xce, uint32_t domid, evtchn_port_t remote_port)
{
    return dev_result(xce->be->evtchn_bind_interdomain(xce->priv, domid,
                                                       remote_port));
}

xenevtchn_port_or_error_t xenevtchn_bind_virq(xenevtchn_handle *xce,
                                              unsigned int virq)
{
    return dev_result(xce->be->evtchn_bind_virq(xce->priv, virq));
}

int xenevtchn_unbind(xenevtchn_handle *xce, evtchn_port_t port)
{
    return dev_result(xce->be->evtchn_unbind(xce->priv, port));
}

xenevtchn_port_or_error_t xenevtchn_pending(xenevtchn_handle *xce)
{
    return dev_result(xce->be->evtchn_pending(xce->priv));
}

int xenevtchn_unmask(xenevtchn_handle *xce, evtchn_port_t port)
{
    return dev_result(xce->be->evtchn_unmask(xce->priv, port));
}
