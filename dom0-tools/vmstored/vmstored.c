/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The daemon's state as a whole: the start-of-day store, and the loops
 * that move messages until nothing is left to move.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "domain.h"
#include "log.h"
#include "vmstored.h"
#include "xenif.h"

/* A start-of-day node, dom0's, no access for others. */
static struct node *well_known(struct vms *v, struct node *parent,
                               const char *leaf, const char *value)
{
    struct perm dom0_only = { .domid = 0, .access = PERM_NONE };
    struct perms p = { .num = 1, .p = &dom0_only };
    struct node *n = tree_add(&v->store, parent, leaf, &p);

    if ( n && value && node_set_value(&v->store, n, value, strlen(value)) )
        n = NULL;
    return n;
}

static int special_perms(struct perms *p)
{
    struct perm dom0_only = { .domid = 0, .access = PERM_NONE };
    struct perms src = { .num = 1, .p = &dom0_only };

    return perms_dup(p, &src);
}

int vms_init(struct vms *v, struct xenif *xenif)
{
    struct node *tool, *local, *domain, *dom0;

    memset(v, 0, sizeof(*v));
    v->xenif = xenif;
    v->dom_exc_port = -1;
    v->quota = (struct quota){
        .nodes = QUOTA_NODES,
        .watches = QUOTA_WATCHES,
        .transactions = QUOTA_TRANSACTIONS,
        .node_size = QUOTA_NODE_SIZE,
        .perms = QUOTA_PERMS,
        .path_len = XENSTORE_REL_PATH_MAX,
        .outstanding = QUOTA_OUTSTANDING,
    };
    if ( tree_init(&v->store, &v->gen) )
        return ENOMEM;
    /* Xen's xenstored makes /tool; its dom0 setup adds dom0's home. */
    tool = well_known(v, v->store.root, "tool", NULL);
    local = well_known(v, v->store.root, "local", NULL);
    domain = local ? well_known(v, local, "domain", NULL) : NULL;
    dom0 = domain ? well_known(v, domain, "0", NULL) : NULL;
    if ( !tool || !well_known(v, tool, "xenstored", NULL) || !dom0 ||
         !well_known(v, dom0, "name", "Domain-0") ||
         !well_known(v, dom0, "domid", "0") ||
         special_perms(&v->introduce_perms) ||
         special_perms(&v->release_perms) )
    {
        vms_fini(v);
        return ENOMEM;
    }
    return 0;
}

void vms_fini(struct vms *v)
{
    struct xenif *xi = v->xenif;

    while ( v->domains )
    {
        struct domain *d = v->domains;

        v->domains = d->next;
        if ( d->local_port >= 0 )
            xi->ops->unbind(xi, d->local_port);
        xi->ops->unmap_ring(xi, d->domid, d->ring);
        free(d);
    }
    while ( v->conns )
        conn_free(v->conns);
    tree_free(&v->store);
    perms_release(&v->introduce_perms);
    perms_release(&v->release_perms);
}

int vms_xen_events(struct vms *v)
{
    struct xenif *xi = v->xenif;
    int port;

    if ( !xi )
        return 0;
    while ( (port = xi->ops->pending(xi)) >= 0 )
        domain_event(v, port);
    if ( port != -EAGAIN )
    {
        log_err("event channel device: %s", strerror(-port));
        return -1;
    }
    return 0;
}

void vms_flush(struct vms *v)
{
    struct conn *c;
    unsigned int before;

 again:
    before = v->work;
    for ( c = v->conns; c; c = c->next )
    {
        if ( !c->ops || c->broken )
            continue;
        if ( !c->dom )
        {
            conn_flush(c);
            continue;
        }
        domain_pump(v, c->dom);
        /* A request may have closed connections: walk afresh. */
        if ( v->work != before )
            goto again;
    }
    if ( v->work != before )
        goto again;
}
