/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Connections: cutting the byte stream into messages, and the queue of
 * replies and watch events waiting for the transport.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "domain.h"
#include "log.h"
#include "proto.h"
#include "txn.h"
#include "vmstored.h"
#include "watch.h"

/* The header and the payload go out as one run of bytes. */
_Static_assert(offsetof(struct msg, body) ==
               offsetof(struct msg, hdr) + sizeof(struct xsd_sockmsg),
               "msg body must follow its header");

struct conn *conn_new(struct vms *v, const struct conn_ops *ops, void *priv,
                      int fd, struct domain *dom)
{
    struct conn *c = calloc(1, sizeof(*c));
    unsigned int domid = dom ? dom->domid : 0;
    size_t n = sizeof("/local/domain/65535");

    if ( !c )
        return NULL;
    c->home = malloc(n);
    if ( !c->home )
    {
        free(c);
        return NULL;
    }
    snprintf(c->home, n, "/local/domain/%u", domid);
    c->vms = v;
    c->serial = ++v->conn_serial;
    c->ops = ops;
    c->priv = priv;
    c->fd = fd;
    c->dom = dom;
    c->who.domid = domid;
    /* Local sockets are root's in dom0; dom0's ring is privileged too. */
    c->who.privileged = domid == 0;
    c->next_txid = 1;
    c->next = v->conns;
    v->conns = c;
    return c;
}

static void out_drop_all(struct conn *c)
{
    while ( c->out )
    {
        struct msg *m = c->out;

        c->out = m->next;
        free(m);
    }
    c->out_tail = NULL;
    c->nout = 0;
}

void conn_reset(struct conn *c)
{
    watch_remove_all(c);
    txn_end_all(c);
}

void conn_restart(struct conn *c)
{
    conn_reset(c);
    out_drop_all(c);
    free(c->body);
    c->body = NULL;
    c->in_body = false;
    c->in_used = 0;
    c->broken = false;
    c->error = 0;
}

void conn_free(struct conn *c)
{
    struct conn **pp;

    for ( pp = &c->vms->conns; *pp; pp = &(*pp)->next )
        if ( *pp == c )
        {
            *pp = c->next;
            break;
        }
    conn_reset(c);
    out_drop_all(c);
    if ( c->ops && c->ops->release )
        c->ops->release(c);
    free(c->body);
    free(c->home);
    free(c);
}

static bool same_event(const struct msg *m, const char *body, size_t len)
{
    return m->event && m->hdr.len == len && !memcmp(m->body, body, len);
}

int conn_queue(struct conn *c, uint32_t type, uint32_t req_id,
               uint32_t tx_id, const void *body, size_t len, bool event)
{
    struct msg *m;

    if ( c->broken )
        return 0;
    /*
     * A guest that never reads its ring must not make us hold events
     * without bound (Xen's xenstored caps a domain's memory instead).
     */
    if ( event && !c->who.privileged && c->nout >= CONN_EVENTS_MAX )
    {
        if ( !c->dropping )
            log_err("domain %u reads no events: dropping them",
                    c->who.domid);
        c->dropping = true;
        return 0;
    }
    c->dropping = false;
    /* An event already waiting says all this one would. */
    if ( event && ((const char *)body)[0] != '@' )
        for ( m = c->out; m; m = m->next )
            if ( same_event(m, body, len) )
                return 0;
    m = malloc(sizeof(*m) + len);
    if ( !m )
        return ENOMEM;
    m->next = NULL;
    m->sent = 0;
    m->event = event;
    m->hdr.type = type;
    m->hdr.req_id = req_id;
    m->hdr.tx_id = tx_id;
    m->hdr.len = len;
    if ( len )
        memcpy(m->body, body, len);
    if ( c->out_tail )
        c->out_tail->next = m;
    else
        c->out = m;
    c->out_tail = m;
    c->nout++;
    return 0;
}

void conn_queue_event(struct conn *c, const char *path, const char *token)
{
    size_t lp = strlen(path) + 1, lt = strlen(token) + 1;
    char *body;

    /* Too long to send: clients could not take it anyway. */
    if ( lp + lt > XENSTORE_PAYLOAD_MAX )
        return;
    body = malloc(lp + lt);
    if ( !body )
    {
        log_err("out of memory: watch event %s lost", path);
        return;
    }
    memcpy(body, path, lp);
    memcpy(body + lp, token, lt);
    if ( conn_queue(c, XS_WATCH_EVENT, 0, 0, body, lp + lt, true) )
        log_err("out of memory: watch event %s lost", path);
    free(body);
}

struct msg *conn_pop(struct conn *c)
{
    struct msg *m = c->out;

    if ( m )
    {
        c->out = m->next;
        if ( !c->out )
            c->out_tail = NULL;
        c->nout--;
        m->next = NULL;
    }
    return m;
}

/* why: NULL for a local client that simply went away. */
static void conn_break(struct conn *c, unsigned int error, const char *why)
{
    if ( why )
        log_err("%s %u: %s; closing the connection",
                c->dom ? "domain" : "socket client", c->who.domid, why);
    c->broken = true;
    c->error = error;
    conn_reset(c);
    out_drop_all(c);
}

long conn_input(struct conn *c, const void *buf, size_t len)
{
    const char *p = buf;
    size_t left = len;

    while ( left && !c->broken )
    {
        if ( !c->in_body )
        {
            size_t n = sizeof(c->in_hdr) - c->in_used;

            if ( n > left )
                n = left;
            memcpy((char *)&c->in_hdr + c->in_used, p, n);
            c->in_used += n;
            p += n;
            left -= n;
            if ( c->in_used < sizeof(c->in_hdr) )
                break;
            /* A client that says more than the protocol allows is lost. */
            if ( c->in_hdr.len > XENSTORE_PAYLOAD_MAX )
            {
                conn_break(c, XENSTORE_ERROR_PROTO,
                           "payload longer than 4096 bytes");
                return -1;
            }
            c->body = malloc(c->in_hdr.len + 1);
            if ( !c->body )
            {
                conn_break(c, XENSTORE_ERROR_COMM, "out of memory");
                return -1;
            }
            c->in_body = true;
            c->in_used = 0;
        }
        if ( c->in_used < c->in_hdr.len )
        {
            size_t n = c->in_hdr.len - c->in_used;

            if ( n > left )
                n = left;
            memcpy(c->body + c->in_used, p, n);
            c->in_used += n;
            p += n;
            left -= n;
        }
        if ( c->in_used == c->in_hdr.len )
        {
            char *body = c->body;

            /* Handlers may use string functions on a payload. */
            body[c->in_hdr.len] = '\0';
            c->body = NULL;
            c->in_body = false;
            c->in_used = 0;
            proto_handle(c, &c->in_hdr, body);
            free(body);
        }
    }
    return c->broken ? -1 : (long)len;
}

/*
 * Reads stop at each message's end, so that flow control (can_read) holds
 * between any two messages and nothing is read that is not handled.
 */
int conn_service(struct conn *c)
{
    char buf[1024];

    while ( !c->broken && (!c->ops->can_read || c->ops->can_read(c)) )
    {
        size_t want = c->in_body ? c->in_hdr.len - c->in_used
                                 : sizeof(c->in_hdr) - c->in_used;
        int n;

        if ( want > sizeof(buf) )
            want = sizeof(buf);
        n = c->ops->read(c, buf, want);
        if ( n < 0 )
        {
            if ( !c->broken )
                conn_break(c, XENSTORE_ERROR_RINGIDX,
                           c->dom ? "bad request ring indices" : NULL);
            return -1;
        }
        if ( n == 0 )
            break;
        if ( conn_input(c, buf, n) < 0 )
            return -1;
    }
    return c->broken ? -1 : 0;
}

int conn_flush(struct conn *c)
{
    while ( c->out && !c->broken )
    {
        struct msg *m = c->out;
        size_t total = sizeof(m->hdr) + m->hdr.len;
        int n = c->ops->write(c, (const char *)&m->hdr + m->sent,
                              total - m->sent);

        if ( n < 0 )
        {
            conn_break(c, XENSTORE_ERROR_RINGIDX,
                       c->dom ? "bad reply ring indices" : NULL);
            return -1;
        }
        if ( n == 0 )
            break;
        m->sent += n;
        if ( m->sent == total )
        {
            free(conn_pop(c));
            c->vms->work++;
        }
    }
    return c->broken ? -1 : 0;
}
