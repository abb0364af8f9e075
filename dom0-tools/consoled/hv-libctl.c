/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor seen through libctl (hv.h): domain lists from sysctl,
 * console pages through the foreign-memory API, and one event-channel
 * handle for every console.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "xenctrl.h"
#include "xenevtchn.h"
#include "xenforeignmemory.h"

#include "hv.h"

/* Domains asked for per sysctl: the buffer lives on the stack. */
#define LIST_BATCH 32

struct hv_libctl
{
    struct consd_hv hv;
    xc_interface *xch;
    xenforeignmemory_handle *fmem;
    xenevtchn_handle *xce;
};

static struct hv_libctl *lc(struct consd_hv *hv)
{
    return hv->priv;
}

static int lc_list(struct consd_hv *hv, unsigned int first,
                   struct consd_dominfo *info, unsigned int max)
{
    xc_domaininfo_t buf[LIST_BATCH];
    int n, i;

    if ( max > LIST_BATCH )
        max = LIST_BATCH;
    n = xc_domain_getinfolist(lc(hv)->xch, first, max, buf);
    if ( n < 0 )
        return -errno;
    for ( i = 0; i < n; i++ )
    {
        info[i].domid = buf[i].domain;
        info[i].dying = buf[i].flags & XEN_DOMINF_dying;
    }
    return n;
}

static void *lc_map(struct consd_hv *hv, unsigned int domid, uint64_t frame)
{
    xen_pfn_t pfn = (xen_pfn_t)frame;

    return xenforeignmemory_map(lc(hv)->fmem, domid, PROT_READ | PROT_WRITE,
                                1, &pfn, NULL);
}

static void lc_unmap(struct consd_hv *hv, void *page)
{
    xenforeignmemory_unmap(lc(hv)->fmem, page, 1);
}

static int lc_bind(struct consd_hv *hv, unsigned int domid,
                   unsigned int port)
{
    int rc = xenevtchn_bind_interdomain(lc(hv)->xce, domid, port);

    return rc < 0 ? -errno : rc;
}

static void lc_unbind(struct consd_hv *hv, int local_port)
{
    xenevtchn_unbind(lc(hv)->xce, (evtchn_port_t)local_port);
}

static int lc_notify(struct consd_hv *hv, int local_port)
{
    return xenevtchn_notify(lc(hv)->xce, (evtchn_port_t)local_port) ?
           -errno : 0;
}

static int lc_fd(struct consd_hv *hv)
{
    return xenevtchn_fd(lc(hv)->xce);
}

static int lc_pending(struct consd_hv *hv)
{
    int port = xenevtchn_pending(lc(hv)->xce);

    if ( port < 0 )
        return errno == EWOULDBLOCK ? -EAGAIN : -errno;
    /* Unmask first: a notification racing our service is not lost. */
    xenevtchn_unmask(lc(hv)->xce, (evtchn_port_t)port);
    return port;
}

static void lc_close(struct consd_hv *hv)
{
    struct hv_libctl *l = lc(hv);

    xenevtchn_close(l->xce);
    xenforeignmemory_close(l->fmem);
    xc_interface_close(l->xch);
    free(l);
}

static const struct consd_hv_ops lc_ops = {
    .list = lc_list,
    .map = lc_map,
    .unmap = lc_unmap,
    .bind = lc_bind,
    .unbind = lc_unbind,
    .notify = lc_notify,
    .fd = lc_fd,
    .pending = lc_pending,
    .close = lc_close,
};

struct consd_hv *consd_hv_libctl_open(void)
{
    struct hv_libctl *l = calloc(1, sizeof(*l));
    int err = 0;

    if ( !l )
        return NULL;
    l->hv.ops = &lc_ops;
    l->hv.priv = l;
    l->xch = xc_interface_open(NULL, NULL, 0);
    if ( l->xch )
        l->fmem = xenforeignmemory_open(NULL, 0);
    if ( l->fmem )
        l->xce = xenevtchn_open(NULL, 0);
    if ( !l->xce )
    {
        err = errno;
        lc_close(&l->hv);
        errno = err;
        return NULL;
    }
    return &l->hv;
}
