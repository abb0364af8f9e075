/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels through Linux's /dev/xen/evtchn: ioctls bind and signal
 * ports, read() yields ports that fired (each masked until written back).
 * The descriptor is non-blocking: callers poll it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <stdint.h>

#define __XEN_TOOLS__ 1
#include <public/xen.h>

#include <linux/types.h>
#include <xen/evtchn.h>         /* needs domid_t from public/xen.h */

#include "osdep-linux.h"

struct lx_evtchn
{
    int fd;
};

int lx_evtchn_open(void **privp)
{
    struct lx_evtchn *e = malloc(sizeof(*e));

    if ( !e )
        return -ENOMEM;
    e->fd = open("/dev/xen/evtchn", O_RDWR | O_CLOEXEC | O_NONBLOCK);
    if ( e->fd < 0 )
    {
        int rc = -errno;

        free(e);
        return rc;
    }
    *privp = e;
    return 0;
}

void lx_evtchn_close(void *priv)
{
    struct lx_evtchn *e = priv;

    close(e->fd);
    free(e);
}

int lx_evtchn_fd(void *priv)
{
    return ((struct lx_evtchn *)priv)->fd;
}

static int port_ioctl(void *priv, unsigned long req, void *arg)
{
    int rc = ioctl(((struct lx_evtchn *)priv)->fd, req, arg);

    return rc < 0 ? -errno : rc;
}

int lx_evtchn_bind_unbound(void *priv, uint32_t domid)
{
    struct ioctl_evtchn_bind_unbound_port b = { .remote_domain = domid };

    return port_ioctl(priv, IOCTL_EVTCHN_BIND_UNBOUND_PORT, &b);
}

int lx_evtchn_bind_interdomain(void *priv, uint32_t domid,
                               uint32_t remote_port)
{
    struct ioctl_evtchn_bind_interdomain b = {
        .remote_domain = domid,
        .remote_port = remote_port,
    };

    return port_ioctl(priv, IOCTL_EVTCHN_BIND_INTERDOMAIN, &b);
}

int lx_evtchn_bind_virq(void *priv, unsigned int virq)
{
    struct ioctl_evtchn_bind_virq b = { .virq = virq };

    return port_ioctl(priv, IOCTL_EVTCHN_BIND_VIRQ, &b);
}

int lx_evtchn_unbind(void *priv, uint32_t port)
{
    struct ioctl_evtchn_unbind u = { .port = port };

    return port_ioctl(priv, IOCTL_EVTCHN_UNBIND, &u);
}

int lx_evtchn_notify(void *priv, uint32_t port)
{
    struct ioctl_evtchn_notify n = { .port = port };

    return port_ioctl(priv, IOCTL_EVTCHN_NOTIFY, &n);
}

int lx_evtchn_pending(void *priv)
{
    uint32_t port;
    ssize_t n = read(((struct lx_evtchn *)priv)->fd, &port, sizeof(port));

    if ( n < 0 )
        return errno == EWOULDBLOCK ? -EAGAIN : -errno;
    if ( n != sizeof(port) )
        return -EIO;
    return (int)port;
}

int lx_evtchn_unmask(void *priv, uint32_t port)
{
    ssize_t n = write(((struct lx_evtchn *)priv)->fd, &port, sizeof(port));

    if ( n < 0 )
        return -errno;
    return n == sizeof(port) ? 0 : -EIO;
}
