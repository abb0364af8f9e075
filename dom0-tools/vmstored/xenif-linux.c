/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor interface in a Linux dom0: event channels through
 * /dev/xen/evtchn, store pages through /dev/xen/gntdev (the reserved
 * xenstore grant, as Xen's xenstored maps them) or else /dev/xen/privcmd
 * (the frame number XS_INTRODUCE gave), dom0's own ring through
 * /proc/xen/xsd_kva, and domain states by XEN_DOMCTL_getdomaininfo.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define __XEN_TOOLS__ 1
#include <public/xen.h>
#include <public/grant_table.h>
#include <public/domctl.h>

#include <linux/types.h>
#include <xen/evtchn.h>         /* needs domid_t from public/xen.h */
#include <xen/gntdev.h>         /* needs grant_ref_t too */

#include "linux-privcmd.h"
#include "log.h"
#include "xenif.h"

#define PAGE 4096
#define XSD_KVA  "/proc/xen/xsd_kva"
#define XSD_PORT "/proc/xen/xsd_port"

enum map_kind { MAP_GRANT, MAP_FOREIGN, MAP_KVA };

struct mapping
{
    struct mapping *next;
    void *addr;
    enum map_kind kind;
    uint64_t index;                 /* gntdev's offset for MAP_GRANT */
};

struct lx
{
    struct xenif xi;
    int evtchn, privcmd, gntdev;    /* -1 if absent */
    struct mapping *maps;
    struct xen_domctl *domctl;      /* a locked page for hypercalls */
};

static struct lx *lx_of(struct xenif *xi)
{
    return xi->priv;
}

static void *map_grant(struct lx *lx, unsigned int domid, uint64_t *index)
{
    struct ioctl_gntdev_map_grant_ref map = { .count = 1 };
    struct ioctl_gntdev_unmap_grant_ref unmap = { .count = 1 };
    void *addr;

    if ( lx->gntdev < 0 )
        return NULL;
    map.refs[0].domid = domid;
    map.refs[0].ref = GNTTAB_RESERVED_XENSTORE;
    if ( ioctl(lx->gntdev, IOCTL_GNTDEV_MAP_GRANT_REF, &map) )
        return NULL;
    addr = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, lx->gntdev,
                map.index);
    if ( addr == MAP_FAILED )
    {
        unmap.index = map.index;
        ioctl(lx->gntdev, IOCTL_GNTDEV_UNMAP_GRANT_REF, &unmap);
        return NULL;
    }
    *index = map.index;
    return addr;
}

static void *map_foreign(struct lx *lx, unsigned int domid, uint64_t gfn)
{
    unsigned long frame = gfn;
    int err = 0;
    struct privcmd_mmapbatch_v2 batch = {
        .num = 1, .dom = domid, .arr = &frame, .err = &err,
    };
    void *addr;

    if ( lx->privcmd < 0 )
        return NULL;
    addr = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, lx->privcmd,
                0);
    if ( addr == MAP_FAILED )
        return NULL;
    batch.addr = (uintptr_t)addr;
    if ( ioctl(lx->privcmd, IOCTL_PRIVCMD_MMAPBATCH_V2, &batch) || err )
    {
        munmap(addr, PAGE);
        errno = err ? -err : errno;
        return NULL;
    }
    return addr;
}

static void *map_kva(void)
{
    int fd = open(XSD_KVA, O_RDWR | O_CLOEXEC);
    void *addr;

    if ( fd < 0 )
        return NULL;
    addr = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    return addr == MAP_FAILED ? NULL : addr;
}

static void *lx_map_ring(struct xenif *xi, unsigned int domid, uint64_t gfn)
{
    struct lx *lx = lx_of(xi);
    struct mapping *m = calloc(1, sizeof(*m));

    if ( !m )
        return NULL;
    if ( domid == 0 && (m->addr = map_kva()) )
        m->kind = MAP_KVA;
    else if ( (m->addr = map_grant(lx, domid, &m->index)) )
        m->kind = MAP_GRANT;
    else if ( (m->addr = map_foreign(lx, domid, gfn)) )
        m->kind = MAP_FOREIGN;
    else
    {
        int err = errno ? errno : EINVAL;

        free(m);
        errno = err;
        return NULL;
    }
    m->next = lx->maps;
    lx->maps = m;
    return m->addr;
}

static void lx_unmap_ring(struct xenif *xi, unsigned int domid, void *ring)
{
    struct lx *lx = lx_of(xi);
    struct mapping **pp, *m;

    (void)domid;
    for ( pp = &lx->maps; (m = *pp); pp = &m->next )
        if ( m->addr == ring )
            break;
    if ( !m )
        return;
    *pp = m->next;
    munmap(m->addr, PAGE);
    if ( m->kind == MAP_GRANT )
    {
        struct ioctl_gntdev_unmap_grant_ref unmap = {
            .index = m->index, .count = 1,
        };

        ioctl(lx->gntdev, IOCTL_GNTDEV_UNMAP_GRANT_REF, &unmap);
    }
    free(m);
}

static int lx_bind(struct xenif *xi, unsigned int domid, unsigned int port)
{
    struct ioctl_evtchn_bind_interdomain bind = {
        .remote_domain = domid, .remote_port = port,
    };
    int rc = ioctl(lx_of(xi)->evtchn, IOCTL_EVTCHN_BIND_INTERDOMAIN, &bind);

    return rc < 0 ? -errno : rc;
}

static void lx_unbind(struct xenif *xi, int local_port)
{
    struct ioctl_evtchn_unbind unbind = { .port = local_port };

    if ( ioctl(lx_of(xi)->evtchn, IOCTL_EVTCHN_UNBIND, &unbind) )
        log_err("unbinding event channel %d: %s", local_port,
                strerror(errno));
}

static int lx_notify(struct xenif *xi, int local_port)
{
    struct ioctl_evtchn_notify notify = { .port = local_port };

    return ioctl(lx_of(xi)->evtchn, IOCTL_EVTCHN_NOTIFY, &notify) ? -errno
                                                                   : 0;
}

static int lx_fd(struct xenif *xi)
{
    return lx_of(xi)->evtchn;
}

static int lx_pending(struct xenif *xi)
{
    int fd = lx_of(xi)->evtchn;
    uint32_t port;
    ssize_t n = read(fd, &port, sizeof(port));

    if ( n < 0 )
        return errno == EAGAIN || errno == EINTR ? -EAGAIN : -errno;
    if ( n != sizeof(port) )
        return -EIO;
    /* The driver masked the port when it fired: take it back. */
    if ( write(fd, &port, sizeof(port)) != sizeof(port) )
        return -errno;
    return port;
}

static int lx_bind_dom_exc(struct xenif *xi)
{
    struct ioctl_evtchn_bind_virq bind = { .virq = VIRQ_DOM_EXC };
    int rc = ioctl(lx_of(xi)->evtchn, IOCTL_EVTCHN_BIND_VIRQ, &bind);

    return rc < 0 ? -errno : rc;
}

static int lx_domain_state(struct xenif *xi, unsigned int domid)
{
    struct lx *lx = lx_of(xi);
    struct xen_domctl *op = lx->domctl;
    struct privcmd_hypercall call = { .op = __HYPERVISOR_domctl };
    uint32_t flags;

    if ( lx->privcmd < 0 || !op )
        return -ENOSYS;
    memset(op, 0, sizeof(*op));
    op->cmd = XEN_DOMCTL_getdomaininfo;
    op->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    op->domain = domid;
    call.arg[0] = (uintptr_t)op;
    if ( ioctl(lx->privcmd, IOCTL_PRIVCMD_HYPERCALL, &call) < 0 )
        return errno == ESRCH ? XENIF_DOM_GONE : -errno;
    /* Older hypervisors answer with the next domain up. */
    if ( op->u.getdomaininfo.domain != domid )
        return XENIF_DOM_GONE;
    flags = op->u.getdomaininfo.flags;
    if ( flags & XEN_DOMINF_dying )
        return XENIF_DOM_DYING;
    if ( flags & XEN_DOMINF_shutdown )
        return XENIF_DOM_SHUTDOWN;
    return XENIF_DOM_RUNNING;
}

static int lx_dom0_port(struct xenif *xi)
{
    char buf[32];
    int fd = open(XSD_PORT, O_RDONLY | O_CLOEXEC);
    ssize_t n;
    long port;

    (void)xi;
    if ( fd < 0 )
        return -errno;
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if ( n <= 0 )
        return -EIO;
    buf[n] = '\0';
    port = strtol(buf, NULL, 0);
    return port > 0 ? (int)port : -EINVAL;
}

static void lx_close(struct xenif *xi)
{
    struct lx *lx = lx_of(xi);

    while ( lx->maps )
        lx_unmap_ring(xi, 0, lx->maps->addr);
    if ( lx->domctl )
        munmap(lx->domctl, PAGE);
    if ( lx->evtchn >= 0 )
        close(lx->evtchn);
    if ( lx->privcmd >= 0 )
        close(lx->privcmd);
    if ( lx->gntdev >= 0 )
        close(lx->gntdev);
    free(lx);
}

static const struct xenif_ops lx_ops = {
    .map_ring = lx_map_ring,
    .unmap_ring = lx_unmap_ring,
    .bind = lx_bind,
    .unbind = lx_unbind,
    .notify = lx_notify,
    .fd = lx_fd,
    .pending = lx_pending,
    .bind_dom_exc = lx_bind_dom_exc,
    .domain_state = lx_domain_state,
    .dom0_port = lx_dom0_port,
    .close = lx_close,
};

struct xenif *xenif_linux_open(void)
{
    struct lx *lx = calloc(1, sizeof(*lx));
    void *page;

    if ( !lx )
        return NULL;
    lx->xi.ops = &lx_ops;
    lx->xi.priv = lx;
    lx->evtchn = open("/dev/xen/evtchn", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    lx->privcmd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
    lx->gntdev = open("/dev/xen/gntdev", O_RDWR | O_CLOEXEC);
    if ( lx->evtchn < 0 )
    {
        log_err("/dev/xen/evtchn: %s (not in a Xen dom0? try --no-xen)",
                strerror(errno));
        lx_close(&lx->xi);
        return NULL;
    }
    if ( lx->privcmd < 0 )
        log_err("/dev/xen/privcmd: %s: domain deaths go unnoticed",
                strerror(errno));
    /* The hypervisor reads the argument through our page tables. */
    page = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if ( page != MAP_FAILED && mlock(page, PAGE) == 0 )
        lx->domctl = page;
    else if ( page != MAP_FAILED )
        munmap(page, PAGE);
    return &lx->xi;
}
