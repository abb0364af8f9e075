/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The main loop.  Each round sends what is queued, closes clients that
 * went away, then sleeps in poll() until a socket or an event channel has
 * something; a client's descriptor is remembered with the connection's
 * serial number, since handling one request may close other connections.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "log.h"
#include "server.h"
#include "sock.h"
#include "vmstored.h"
#include "xenif.h"

struct slot
{
    unsigned long serial;           /* 0: a listener or the event fd */
};

static struct conn *conn_by_serial(struct vms *v, unsigned long serial)
{
    struct conn *c;

    for ( c = v->conns; c; c = c->next )
        if ( c->serial == serial )
            return c;
    return NULL;
}

static void close_broken_sockets(struct vms *v)
{
    struct conn *c, *next;

    for ( c = v->conns; c; c = next )
    {
        next = c->next;
        if ( !c->dom && c->ops && c->broken )
            conn_free(c);
    }
}

static unsigned int count_sockets(struct vms *v)
{
    struct conn *c;
    unsigned int n = 0;

    for ( c = v->conns; c; c = c->next )
        n += !c->dom && c->fd >= 0;
    return n;
}

static void serve_client(struct vms *v, unsigned long serial, short revents)
{
    struct conn *c = conn_by_serial(v, serial);

    if ( !c || c->broken )
        return;
    /* Read first: a client may send its last request and hang up. */
    if ( revents & (POLLIN | POLLHUP | POLLERR) )
        conn_service(c);
    if ( !c->broken && (revents & POLLOUT) )
        conn_flush(c);
}

int server_run(struct vms *v, const int *lfds, unsigned int nlfds,
               volatile sig_atomic_t *stop)
{
    struct xenif *xi = v->xenif;
    int xfd = xi ? xi->ops->fd(xi) : -1;
    struct pollfd *pfd = NULL;
    struct slot *slot = NULL;
    unsigned int cap = 0;
    int rc = 0;

    while ( !*stop )
    {
        unsigned int n = 0, need, i;
        struct conn *c;

        vms_flush(v);
        close_broken_sockets(v);
        need = nlfds + 1 + count_sockets(v);
        if ( need > cap )
        {
            struct pollfd *p = realloc(pfd, need * sizeof(*p));
            struct slot *s = p ? realloc(slot, need * sizeof(*s)) : NULL;

            if ( p )
                pfd = p;
            if ( !s )
            {
                log_err("out of memory in the main loop");
                rc = -1;
                break;
            }
            slot = s;
            cap = need;
        }
        for ( i = 0; i < nlfds; i++, n++ )
        {
            pfd[n] = (struct pollfd){ .fd = lfds[i], .events = POLLIN };
            slot[n].serial = 0;
        }
        if ( xfd >= 0 )
        {
            pfd[n] = (struct pollfd){ .fd = xfd, .events = POLLIN };
            slot[n++].serial = 0;
        }
        for ( c = v->conns; c; c = c->next )
        {
            if ( c->dom || c->fd < 0 )
                continue;
            pfd[n] = (struct pollfd){
                .fd = c->fd, .events = POLLIN | (c->out ? POLLOUT : 0),
            };
            slot[n++].serial = c->serial;
        }
        if ( poll(pfd, n, -1) < 0 )
        {
            if ( errno == EINTR )
                continue;
            log_err("poll: %s", strerror(errno));
            rc = -1;
            break;
        }
        for ( i = 0; i < n; i++ )
        {
            if ( !pfd[i].revents )
                continue;
            if ( slot[i].serial )
                serve_client(v, slot[i].serial, pfd[i].revents);
            else if ( pfd[i].fd == xfd )
            {
                if ( vms_xen_events(v) )
                {
                    rc = -1;
                    *stop = 1;
                }
            }
            else
                while ( sock_accept(v, pfd[i].fd) )
                    ;
        }
    }
    free(pfd);
    free(slot);
    return rc;
}
