/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmconsoled's core (daemon.h).  The hypervisor says which domains live;
 * xenstore says where their consoles are.  Every watch event is only a
 * hint to look again: @introduceDomain and @releaseDomain make us scan
 * every domain, a change under /local/domain/N/ that a console depends
 * on makes us look at N.  Looking again is idempotent, so a lost, late
 * or repeated event costs nothing but time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "daemon.h"
#include "msg.h"

#define SCAN_BATCH 32
#define EVENTS_PER_STEP 64

static const char *const watched[] = {
    "@introduceDomain", "@releaseDomain", "/local/domain",
};

/* What under /local/domain/N/ a console depends on. */
static const char *const relevant[] = {
    "", "/name", "/console", "/console/ring-ref", "/console/port",
    "/console/type",
};

struct consd_dom *consd_find(struct consd *c, unsigned int domid)
{
    struct consd_dom *d;

    for ( d = c->doms; d; d = d->next )
        if ( d->domid == domid )
            return d;
    return NULL;
}

static struct consd_dom *find_by_port(struct consd *c, int port)
{
    struct consd_dom *d;

    for ( d = c->doms; d; d = d->next )
        if ( d->ring && d->local_port == port )
            return d;
    return NULL;
}

static struct consd_dom *add(struct consd *c, unsigned int domid)
{
    struct consd_dom *d = consd_dom_new(domid);

    if ( !d )
    {
        consd_err("domain %u: out of memory: its console is not served",
                  domid);
        return NULL;
    }
    d->next = c->doms;
    c->doms = d;
    return d;
}

static void drop(struct consd *c, struct consd_dom *gone)
{
    struct consd_dom **pp;

    for ( pp = &c->doms; *pp; pp = &(*pp)->next )
        if ( *pp == gone )
        {
            *pp = gone->next;
            if ( gone->ring )
                consd_info("domain %u (%s): gone; its console is closed",
                           gone->domid, gone->name ? gone->name : "unnamed");
            consd_dom_free(c, gone);
            return;
        }
}

/* Every domain: forget the dead, meet the new, retry the waiting. */
static int scan(struct consd *c)
{
    struct consd_dominfo info[SCAN_BATCH];
    struct consd_dom *d, *next;
    unsigned int first = 0;
    int n, i;

    for ( d = c->doms; d; d = d->next )
        d->seen = false;
    do
    {
        n = c->hv->ops->list(c->hv, first, info, SCAN_BATCH);
        if ( n < 0 )
        {
            consd_err("listing domains: %s", strerror(-n));
            return n;
        }
        for ( i = 0; i < n; i++ )
        {
            if ( !info[i].domid || info[i].dying )
                continue;
            d = consd_find(c, info[i].domid);
            if ( !d )
                d = add(c, info[i].domid);
            if ( d )
                d->seen = true;
        }
        if ( n )
            first = info[n - 1].domid + 1;
    } while ( n == SCAN_BATCH );

    for ( d = c->doms; d; d = next )
    {
        next = d->next;
        if ( !d->seen )
            drop(c, d);
        else
            consd_dom_connect(c, d);
    }
    return 0;
}

static void look_at(struct consd *c, unsigned int domid)
{
    struct consd_dominfo info;
    struct consd_dom *d = consd_find(c, domid);
    int n = c->hv->ops->list(c->hv, domid, &info, 1);

    if ( n < 0 )
    {
        consd_err("domain %u: asking whether it lives: %s", domid,
                  strerror(-n));
        return;
    }
    if ( !n || info.domid != domid || info.dying )
    {
        if ( d )
            drop(c, d);
        return;
    }
    if ( !d )
        d = add(c, domid);
    if ( d )
        consd_dom_connect(c, d);
}

static void on_event(struct consd *c, const char *path)
{
    const char *prefix = "/local/domain/", *rest;
    unsigned long domid;
    unsigned int i;
    char *end;

    consd_debug("event %s", path);
    for ( i = 0; i < sizeof(watched) / sizeof(watched[0]); i++ )
        if ( !strcmp(path, watched[i]) )
        {
            scan(c);
            return;
        }
    if ( strncmp(path, prefix, strlen(prefix)) )
        return;
    rest = path + strlen(prefix);
    if ( *rest < '1' || *rest > '9' )
        return;
    domid = strtoul(rest, &end, 10);
    if ( domid > 0x7fef )       /* DOMID_FIRST_RESERVED */
        return;
    for ( i = 0; i < sizeof(relevant) / sizeof(relevant[0]); i++ )
        if ( !strcmp(end, relevant[i]) )
        {
            look_at(c, (unsigned int)domid);
            return;
        }
}

int consd_init(struct consd *c, struct consd_hv *hv, struct consd_store *st,
               const char *log_dir)
{
    unsigned int i;
    int rc = 0;

    memset(c, 0, sizeof(*c));
    c->hv = hv;
    c->st = st;
    c->log_dir = log_dir;
    for ( i = 0; i < sizeof(watched) / sizeof(watched[0]); i++ )
    {
        rc = st->ops->watch(st, watched[i]);
        if ( rc )
        {
            consd_err("watching %s in xenstore: %s", watched[i],
                      strerror(-rc));
            goto out;
        }
    }
    rc = scan(c);

 out:
    if ( rc )
        consd_fini(c);
    return rc;
}

void consd_fini(struct consd *c)
{
    struct consd_dom *d;

    while ( (d = c->doms) )
    {
        c->doms = d->next;
        consd_dom_free(c, d);
    }
    free(c->fds);
    c->fds = NULL;
    c->fds_max = 0;
}

void consd_reopen_logs(struct consd *c)
{
    struct consd_dom *d;

    for ( d = c->doms; d; d = d->next )
        consd_dom_reopen_log(d);
}

/* The poll set: xenstore, the event channels, ptys with room to feed. */
static int fill_fds(struct consd *c, unsigned int *nfds, bool *busy)
{
    struct consd_dom *d;
    struct pollfd *fds;
    unsigned int n = 2;

    for ( d = c->doms; d; d = d->next )
        n++;
    if ( n > c->fds_max )
    {
        fds = realloc(c->fds, n * sizeof(*fds));
        if ( !fds )
            return -ENOMEM;
        c->fds = fds;
        c->fds_max = n;
    }
    c->fds[0] = (struct pollfd){ .fd = c->st->ops->fd(c->st),
                                 .events = POLLIN };
    c->fds[1] = (struct pollfd){ .fd = c->hv->ops->fd(c->hv),
                                 .events = POLLIN };
    n = 2;
    *busy = false;
    for ( d = c->doms; d; d = d->next )
    {
        d->pollidx = -1;
        *busy |= d->busy;
        if ( !consd_dom_wants_input(d) )
            continue;
        c->fds[n] = (struct pollfd){ .fd = d->pty.master, .events = POLLIN };
        d->pollidx = (int)n++;
    }
    *nfds = n;
    return 0;
}

static int wait_fds(struct consd *c, unsigned int nfds, int timeout_ms,
                    const sigset_t *sigmask)
{
    struct timespec ts = {
        .tv_sec = timeout_ms / 1000,
        .tv_nsec = (long)(timeout_ms % 1000) * 1000000,
    };

    return ppoll(c->fds, nfds, timeout_ms < 0 ? NULL : &ts, sigmask);
}

int consd_step(struct consd *c, int timeout_ms, const sigset_t *sigmask)
{
    struct consd_dom *d;
    unsigned int nfds, i;
    bool busy;
    char *path;
    int rc, port = -EAGAIN;

    rc = fill_fds(c, &nfds, &busy);
    if ( rc )
    {
        consd_err("the poll set: %s", strerror(-rc));
        goto out;
    }
    if ( wait_fds(c, nfds, busy ? 0 : timeout_ms, sigmask) < 0 )
    {
        rc = errno == EINTR ? 0 : -errno;
        if ( rc )
            consd_err("poll: %s", strerror(-rc));
        goto out;
    }

    if ( c->fds[1].revents )
    {
        /* Bounded: a guest kicking without pause must not starve the rest. */
        for ( i = 0; i < EVENTS_PER_STEP; i++ )
        {
            port = c->hv->ops->pending(c->hv);
            if ( port < 0 )
                break;
            if ( (d = find_by_port(c, port)) )
                consd_dom_service(c, d);
        }
        if ( port < 0 && port != -EAGAIN )
        {
            rc = port;
            consd_err("reading event channels: %s", strerror(-rc));
            goto out;
        }
    }
    for ( d = c->doms; d; d = d->next )
        if ( d->busy || (d->pollidx >= 0 && c->fds[d->pollidx].revents) )
            consd_dom_service(c, d);

    /* Last: an event may free domains the loops above walk. */
    if ( c->fds[0].revents )
    {
        path = c->st->ops->next_event(c->st);
        if ( path )
            on_event(c, path);
        else if ( errno != EAGAIN )
        {
            rc = errno ? -errno : -EIO;
            consd_err("reading xenstore watch events: %s", strerror(-rc));
        }
        free(path);
    }

 out:
    return rc;
}
