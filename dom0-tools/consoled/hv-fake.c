/* SPDX-License-Identifier: GPL-2.0-only */
/* A hypervisor over plain memory, for tests (fake.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fake.h"

#define FAKE_DOMS    16
#define FAKE_PENDING 64
#define FIRST_PORT   10

struct fake_dom
{
    unsigned int domid;
    uint64_t frame;
    unsigned int port;
    /* Exactly the interface's size: a sanitizer sees any overrun. */
    struct xencons_interface *page;
    bool dying, gone, stolen;
    int mapped;
    int local_port;             /* -1: unbound */
    unsigned int notified;
};

struct fake_hv
{
    struct consd_hv hv;
    struct fake_dom doms[FAKE_DOMS];
    unsigned int ndoms;
    int pending[FAKE_PENDING];
    unsigned int npending;
    int pipe[2];
    int next_port;
};

static struct fake_hv *fh(struct consd_hv *hv)
{
    return hv->priv;
}

static struct fake_dom *dom_find(struct consd_hv *hv, unsigned int domid)
{
    struct fake_hv *f = fh(hv);
    unsigned int i;

    for ( i = 0; i < f->ndoms; i++ )
        if ( f->doms[i].domid == domid )
            return &f->doms[i];
    return NULL;
}

static int fk_list(struct consd_hv *hv, unsigned int first,
                   struct consd_dominfo *info, unsigned int max)
{
    struct fake_hv *f = fh(hv);
    unsigned int i, n = 0;

    /* doms[] is kept sorted by domid. */
    for ( i = 0; i < f->ndoms && n < max; i++ )
    {
        if ( f->doms[i].gone || f->doms[i].domid < first )
            continue;
        info[n].domid = f->doms[i].domid;
        info[n].dying = f->doms[i].dying;
        n++;
    }
    return (int)n;
}

static void *fk_map(struct consd_hv *hv, unsigned int domid, uint64_t frame)
{
    struct fake_dom *d = dom_find(hv, domid);

    if ( !d || d->gone || d->frame != frame )
    {
        errno = !d || d->gone ? ESRCH : EINVAL;
        return NULL;
    }
    d->mapped++;
    return d->page;
}

static void fk_unmap(struct consd_hv *hv, void *page)
{
    struct fake_hv *f = fh(hv);
    unsigned int i;

    for ( i = 0; i < f->ndoms; i++ )
        if ( f->doms[i].page == page && f->doms[i].mapped )
            f->doms[i].mapped--;
}

static int fk_bind(struct consd_hv *hv, unsigned int domid,
                   unsigned int port)
{
    struct fake_dom *d = dom_find(hv, domid);

    if ( !d || d->gone )
        return -ESRCH;
    /* As Xen: the remote port must be unbound and waiting for us. */
    if ( port != d->port || d->stolen || d->local_port >= 0 )
        return -EINVAL;
    d->local_port = fh(hv)->next_port++;
    return d->local_port;
}

static void fk_unbind(struct consd_hv *hv, int local_port)
{
    struct fake_hv *f = fh(hv);
    unsigned int i;

    for ( i = 0; i < f->ndoms; i++ )
        if ( f->doms[i].local_port == local_port )
            f->doms[i].local_port = -1;
}

static int fk_notify(struct consd_hv *hv, int local_port)
{
    struct fake_hv *f = fh(hv);
    unsigned int i;

    for ( i = 0; i < f->ndoms; i++ )
        if ( f->doms[i].local_port == local_port )
        {
            f->doms[i].notified++;
            return 0;
        }
    return -EINVAL;
}

static int fk_fd(struct consd_hv *hv)
{
    return fh(hv)->pipe[0];
}

static int fk_pending(struct consd_hv *hv)
{
    struct fake_hv *f = fh(hv);
    char byte;
    int port;

    if ( !f->npending )
        return -EAGAIN;
    port = f->pending[0];
    memmove(f->pending, f->pending + 1,
            --f->npending * sizeof(f->pending[0]));
    if ( read(f->pipe[0], &byte, 1) != 1 )
        return -EIO;
    return port;
}

static void fk_close(struct consd_hv *hv)
{
    struct fake_hv *f = fh(hv);
    unsigned int i;

    for ( i = 0; i < f->ndoms; i++ )
        free(f->doms[i].page);
    close(f->pipe[0]);
    close(f->pipe[1]);
    free(f);
}

static const struct consd_hv_ops fake_ops = {
    .list = fk_list,
    .map = fk_map,
    .unmap = fk_unmap,
    .bind = fk_bind,
    .unbind = fk_unbind,
    .notify = fk_notify,
    .fd = fk_fd,
    .pending = fk_pending,
    .close = fk_close,
};

struct consd_hv *consd_fake_hv_new(void)
{
    struct fake_hv *f = calloc(1, sizeof(*f));

    if ( !f )
        return NULL;
    if ( pipe2(f->pipe, O_CLOEXEC | O_NONBLOCK) )
    {
        free(f);
        return NULL;
    }
    f->hv.ops = &fake_ops;
    f->hv.priv = f;
    f->next_port = FIRST_PORT;
    return &f->hv;
}

struct xencons_interface *consd_fake_hv_add(struct consd_hv *hv,
                                            unsigned int domid,
                                            uint64_t frame,
                                            unsigned int port)
{
    struct fake_hv *f = fh(hv);
    struct fake_dom *d;
    unsigned int i;

    if ( f->ndoms == FAKE_DOMS || dom_find(hv, domid) )
        return NULL;
    for ( i = f->ndoms; i > 0 && f->doms[i - 1].domid > domid; i-- )
        f->doms[i] = f->doms[i - 1];
    f->ndoms++;
    d = &f->doms[i];
    memset(d, 0, sizeof(*d));
    d->domid = domid;
    d->frame = frame;
    d->port = port;
    d->local_port = -1;
    d->page = calloc(1, sizeof(*d->page));
    return d->page;
}

void consd_fake_hv_kill(struct consd_hv *hv, unsigned int domid, bool dying)
{
    struct fake_dom *d = dom_find(hv, domid);

    if ( !d )
        return;
    d->dying = true;
    d->gone = !dying;
}

void consd_fake_hv_steal(struct consd_hv *hv, unsigned int domid)
{
    struct fake_dom *d = dom_find(hv, domid);

    if ( d )
        d->stolen = true;
}

void consd_fake_hv_kick(struct consd_hv *hv, unsigned int domid)
{
    struct fake_hv *f = fh(hv);
    struct fake_dom *d = dom_find(hv, domid);

    if ( !d || d->local_port < 0 || f->npending == FAKE_PENDING )
        return;
    f->pending[f->npending++] = d->local_port;
    if ( write(f->pipe[1], "", 1) != 1 )
        f->npending--;
}

unsigned int consd_fake_hv_notified(struct consd_hv *hv, unsigned int domid)
{
    struct fake_dom *d = dom_find(hv, domid);

    return d ? d->notified : 0;
}

bool consd_fake_hv_mapped(struct consd_hv *hv, unsigned int domid)
{
    struct fake_dom *d = dom_find(hv, domid);

    return d && d->mapped;
}

bool consd_fake_hv_bound(struct consd_hv *hv, unsigned int domid)
{
    struct fake_dom *d = dom_find(hv, domid);

    return d && d->local_port >= 0;
}
