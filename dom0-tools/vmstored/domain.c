/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Introduced domains: their rings and event channels, their deaths, and
 * the nodes that go with them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "domain.h"
#include "log.h"
#include "store.h"
#include "vmstored.h"
#include "watch.h"
#include "xenif.h"

struct domain *domain_find(struct vms *v, unsigned int domid)
{
    struct domain *d;

    for ( d = v->domains; d; d = d->next )
        if ( d->domid == domid )
            return d;
    return NULL;
}

struct domain *domain_by_port(struct vms *v, int local_port)
{
    struct domain *d;

    for ( d = v->domains; d; d = d->next )
        if ( d->local_port >= 0 && d->local_port == local_port )
            return d;
    return NULL;
}

static void ring_reset(struct xenstore_domain_interface *ring)
{
    ring->req_cons = ring->req_prod = 0;
    ring->rsp_cons = ring->rsp_prod = 0;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* A guest that found no server waits for this flag to turn. */
static void ring_connected(struct vms *v, struct domain *d)
{
    if ( d->ring->connection == XENSTORE_RECONNECT )
    {
        d->ring->connection = XENSTORE_CONNECTED;
        if ( d->local_port >= 0 )
            v->xenif->ops->notify(v->xenif, d->local_port);
    }
}

static int rebind(struct vms *v, struct domain *d, unsigned int port)
{
    struct xenif *xi = v->xenif;
    int lp;

    if ( d->local_port >= 0 )
        xi->ops->unbind(xi, d->local_port);
    lp = xi->ops->bind(xi, d->domid, port);
    d->local_port = lp < 0 ? -1 : lp;
    d->remote_port = port;
    if ( lp < 0 )
        log_err("domain %u: cannot bind its event channel %u: %s",
                d->domid, port, strerror(-lp));
    return lp < 0 ? -lp : 0;
}

int domain_introduce(struct vms *v, unsigned int domid, uint64_t gfn,
                     unsigned int port, bool fresh)
{
    struct xenif *xi = v->xenif;
    struct domain *d = domain_find(v, domid);
    int rc;

    if ( d )
    {
        /* Reintroduction (resume, a new event channel). */
        rc = rebind(v, d, port);
        if ( fresh )
        {
            conn_restart(d->conn);
            ring_reset(d->ring);
        }
        ring_connected(v, d);
        return rc;
    }
    d = calloc(1, sizeof(*d));
    if ( !d )
        return ENOMEM;
    d->domid = domid;
    d->gfn = gfn;
    d->local_port = -1;
    d->ring = xi->ops->map_ring(xi, domid, gfn);
    if ( !d->ring )
    {
        rc = errno ? errno : EINVAL;
        log_err("domain %u: cannot map its store page %#llx: %s", domid,
                (unsigned long long)gfn, strerror(rc));
        free(d);
        return rc;
    }
    rc = rebind(v, d, port);
    if ( !rc )
    {
        d->conn = conn_new(v, &ring_ops, d, -1, d);
        if ( !d->conn )
            rc = ENOMEM;
    }
    if ( rc )
    {
        if ( d->local_port >= 0 )
            xi->ops->unbind(xi, d->local_port);
        xi->ops->unmap_ring(xi, domid, d->ring);
        free(d);
        return rc;
    }
    d->next = v->domains;
    v->domains = d;
    log_info("domain %u introduced (page %#llx, event channel %u)", domid,
             (unsigned long long)gfn, port);
    if ( fresh )
        ring_reset(d->ring);
    ring_connected(v, d);
    /* Linux in dom0 waits for a first signal before it probes xenbus. */
    xi->ops->notify(xi, d->local_port);
    if ( domid )
        watch_fire(v, "@introduceDomain", true, NULL);
    /* dom0's kernel may have written requests before we started. */
    domain_pump(v, d);
    return 0;
}

/* Fire watches on n and below (the removed node itself: non-exact). */
static void fire_subtree(struct vms *v, struct node *top, struct node *n)
{
    unsigned int i;
    char *path;

    for ( i = 0; i < n->nkids; i++ )
        fire_subtree(v, top, n->kids[i]);
    path = node_path_dup(n);
    if ( path )
        watch_fire(v, path, n != top, NULL);
    free(path);
}

/* What a gone domain owned goes with it, as in xenstored. */
static void remove_owned(struct vms *v, struct node *n, unsigned int domid)
{
    unsigned int i = 0;

    while ( i < n->nkids )
    {
        struct node *kid = n->kids[i];

        if ( kid->perms.p[0].domid == domid )
        {
            fire_subtree(v, kid, kid);
            tree_remove(&v->store, kid);
        }
        else
        {
            remove_owned(v, kid, domid);
            i++;
        }
    }
}

/* Take domid out of permissions: the owner becomes dom0. */
static void perms_forget(struct perms *p, unsigned int domid)
{
    unsigned int i, j;

    if ( p->p[0].domid == domid )
        p->p[0].domid = 0;
    for ( i = j = 1; i < p->num; i++ )
        if ( p->p[i].domid != domid )
            p->p[j++] = p->p[i];
    p->num = j;
}

static void domain_destroy(struct vms *v, struct domain *d)
{
    struct xenif *xi = v->xenif;
    struct domain **pp;
    struct conn *c;

    for ( pp = &v->domains; *pp; pp = &(*pp)->next )
        if ( *pp == d )
        {
            *pp = d->next;
            break;
        }
    /* Domains acting for this one lose that right. */
    for ( c = v->conns; c; c = c->next )
        if ( c->who.has_target && c->who.target == d->domid )
            c->who.has_target = false;
    conn_free(d->conn);
    if ( d->local_port >= 0 )
        xi->ops->unbind(xi, d->local_port);
    xi->ops->unmap_ring(xi, d->domid, d->ring);
    remove_owned(v, v->store.root, d->domid);
    perms_forget(&v->introduce_perms, d->domid);
    perms_forget(&v->release_perms, d->domid);
    log_info("domain %u released", d->domid);
    free(d);
    watch_fire(v, "@releaseDomain", true, NULL);
}

int domain_release(struct vms *v, unsigned int domid)
{
    struct domain *d = domain_find(v, domid);

    if ( !d )
        return ENOENT;
    domain_destroy(v, d);
    return 0;
}

int domain_set_target(struct vms *v, unsigned int domid,
                      unsigned int tdomid)
{
    struct domain *d = domain_find(v, domid);

    if ( !d || !domain_find(v, tdomid) )
        return ENOENT;
    d->conn->who.has_target = true;
    d->conn->who.target = tdomid;
    return 0;
}

void domain_check_all(struct vms *v)
{
    struct xenif *xi = v->xenif;
    struct domain *d, *next;
    bool shutdown = false;

    if ( !xi->ops->domain_state )
        return;
    for ( d = v->domains; d; d = next )
    {
        int state = d->domid ? xi->ops->domain_state(xi, d->domid) : 0;

        next = d->next;
        if ( state == XENIF_DOM_SHUTDOWN && !d->shutdown )
        {
            d->shutdown = true;
            shutdown = true;
        }
        else if ( state == XENIF_DOM_DYING || state == XENIF_DOM_GONE )
            domain_destroy(v, d);
    }
    /* One event tells watchers to look at every domain again. */
    if ( shutdown )
        watch_fire(v, "@releaseDomain", true, NULL);
}

void domain_pump(struct vms *v, struct domain *d)
{
    struct conn *c = d->conn;
    unsigned int before;

    do
    {
        before = v->work;
        if ( conn_service(c) < 0 || conn_flush(c) < 0 )
        {
            /* The guest learns why nothing answers any more. */
            d->ring->error = c->error;
            break;
        }
    } while ( v->work != before );
}

void domain_event(struct vms *v, int local_port)
{
    struct domain *d;

    if ( local_port == v->dom_exc_port )
    {
        domain_check_all(v);
        return;
    }
    d = domain_by_port(v, local_port);
    if ( d && !d->conn->broken )
        domain_pump(v, d);
}
