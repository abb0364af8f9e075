/* SPDX-License-Identifier: GPL-2.0-only */
/* A hypervisor interface over plain memory, for tests (xenif-fake.h). */
#include <errno.h>
#include <stdlib.h>

#include "xenif-fake.h"

#define FAKE_DOMS    16
#define FAKE_PENDING 64
#define FAKE_DOM_EXC 1              /* VIRQ_DOM_EXC's local port */

struct fake_dom
{
    unsigned int domid;
    void *page;
    int state;
    int mapped;
    int local_port;                 /* -1: unbound */
    unsigned int notified;
};

struct fake
{
    struct xenif xi;
    struct fake_dom doms[FAKE_DOMS];
    unsigned int ndoms;
    int pending[FAKE_PENDING];
    unsigned int npending;
    int next_port;
};

static struct fake *fake_of(struct xenif *xi)
{
    return xi->priv;
}

static struct fake_dom *dom_find(struct fake *f, unsigned int domid)
{
    unsigned int i;

    for ( i = 0; i < f->ndoms; i++ )
        if ( f->doms[i].domid == domid )
            return &f->doms[i];
    return NULL;
}

static struct fake_dom *dom_by_port(struct fake *f, int port)
{
    unsigned int i;

    for ( i = 0; i < f->ndoms; i++ )
        if ( f->doms[i].local_port == port )
            return &f->doms[i];
    return NULL;
}

static void *fx_map_ring(struct xenif *xi, unsigned int domid, uint64_t gfn)
{
    struct fake_dom *d = dom_find(fake_of(xi), domid);

    (void)gfn;
    if ( !d || d->state == XENIF_DOM_GONE )
    {
        errno = ESRCH;
        return NULL;
    }
    d->mapped = 1;
    return d->page;
}

static void fx_unmap_ring(struct xenif *xi, unsigned int domid, void *ring)
{
    struct fake_dom *d = dom_find(fake_of(xi), domid);

    if ( d && d->page == ring )
        d->mapped = 0;
}

static int fx_bind(struct xenif *xi, unsigned int domid, unsigned int port)
{
    struct fake *f = fake_of(xi);
    struct fake_dom *d = dom_find(f, domid);

    if ( !d || d->state == XENIF_DOM_GONE )
        return -ESRCH;
    (void)port;
    d->local_port = f->next_port++;
    return d->local_port;
}

static void fx_unbind(struct xenif *xi, int local_port)
{
    struct fake_dom *d = dom_by_port(fake_of(xi), local_port);

    if ( d )
        d->local_port = -1;
}

static int fx_notify(struct xenif *xi, int local_port)
{
    struct fake_dom *d = dom_by_port(fake_of(xi), local_port);

    if ( !d )
        return -EINVAL;
    d->notified++;
    return 0;
}

static int fx_fd(struct xenif *xi)
{
    (void)xi;
    return -1;
}

static int fx_pending(struct xenif *xi)
{
    struct fake *f = fake_of(xi);
    int port;
    unsigned int i;

    if ( !f->npending )
        return -EAGAIN;
    port = f->pending[0];
    for ( i = 1; i < f->npending; i++ )
        f->pending[i - 1] = f->pending[i];
    f->npending--;
    return port;
}

static int fx_bind_dom_exc(struct xenif *xi)
{
    (void)xi;
    return FAKE_DOM_EXC;
}

static int fx_domain_state(struct xenif *xi, unsigned int domid)
{
    struct fake_dom *d = dom_find(fake_of(xi), domid);

    return d ? d->state : XENIF_DOM_GONE;
}

static int fx_dom0_port(struct xenif *xi)
{
    (void)xi;
    return -ENOENT;
}

static void fx_close(struct xenif *xi)
{
    free(fake_of(xi));
}

static const struct xenif_ops fake_ops = {
    .map_ring = fx_map_ring,
    .unmap_ring = fx_unmap_ring,
    .bind = fx_bind,
    .unbind = fx_unbind,
    .notify = fx_notify,
    .fd = fx_fd,
    .pending = fx_pending,
    .bind_dom_exc = fx_bind_dom_exc,
    .domain_state = fx_domain_state,
    .dom0_port = fx_dom0_port,
    .close = fx_close,
};

struct xenif *fake_xenif_new(void)
{
    struct fake *f = calloc(1, sizeof(*f));

    if ( !f )
        return NULL;
    f->xi.ops = &fake_ops;
    f->xi.priv = f;
    f->next_port = 10;
    return &f->xi;
}

void fake_add_domain(struct xenif *xi, unsigned int domid, void *page)
{
    struct fake *f = fake_of(xi);
    struct fake_dom *d = dom_find(f, domid);

    if ( !d && f->ndoms < FAKE_DOMS )
        d = &f->doms[f->ndoms++];
    if ( !d )
        return;
    d->domid = domid;
    d->page = page;
    d->state = XENIF_DOM_RUNNING;
    d->mapped = 0;
    d->local_port = -1;
    d->notified = 0;
}

void fake_set_state(struct xenif *xi, unsigned int domid, int state)
{
    struct fake_dom *d = dom_find(fake_of(xi), domid);

    if ( d )
        d->state = state;
}

static void queue(struct fake *f, int port)
{
    if ( f->npending < FAKE_PENDING )
        f->pending[f->npending++] = port;
}

void fake_kick(struct xenif *xi, unsigned int domid)
{
    struct fake_dom *d = dom_find(fake_of(xi), domid);

    if ( d && d->local_port >= 0 )
        queue(fake_of(xi), d->local_port);
}

void fake_dom_exc(struct xenif *xi)
{
    queue(fake_of(xi), FAKE_DOM_EXC);
}

unsigned int fake_notified(struct xenif *xi, unsigned int domid)
{
    struct fake_dom *d = dom_find(fake_of(xi), domid);

    return d ? d->notified : 0;
}

int fake_mapped(struct xenif *xi, unsigned int domid)
{
    struct fake_dom *d = dom_find(fake_of(xi), domid);

    return d && d->mapped;
}

int fake_bound(struct xenif *xi, unsigned int domid)
{
    struct fake_dom *d = dom_find(fake_of(xi), domid);

    return d && d->local_port >= 0;
}
