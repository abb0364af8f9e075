/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Request dispatch: each message type's handler and whether it needs a
 * privileged caller or ignores tx_id; errors go back by name.
 */
#include <errno.h>              /* before xs_wire.h: its error table */
#include <stdint.h>
#include <string.h>

#include <public/io/xs_wire.h>

#include "conn.h"
#include "log.h"
#include "ops.h"
#include "proto.h"
#include "txn.h"
#include "vmstored.h"

#define OP_NOTID (1U << 0)      /* tx_id is ignored */
#define OP_PRIV  (1U << 1)      /* dom0 and local sockets only */

static const struct op
{
    const char *name;
    int (*fn)(struct req *r);
    unsigned int flags;
} ops[XS_TYPE_COUNT] = {
    [XS_CONTROL]              = { "CONTROL", op_control, OP_PRIV },
    [XS_DIRECTORY]            = { "DIRECTORY", op_directory, 0 },
    [XS_READ]                 = { "READ", op_read, 0 },
    [XS_GET_PERMS]            = { "GET_PERMS", op_get_perms, 0 },
    [XS_WATCH]                = { "WATCH", op_watch, OP_NOTID },
    [XS_UNWATCH]              = { "UNWATCH", op_unwatch, OP_NOTID },
    [XS_TRANSACTION_START]    = { "TRANSACTION_START",
                                  op_transaction_start, 0 },
    [XS_TRANSACTION_END]      = { "TRANSACTION_END", op_transaction_end, 0 },
    [XS_INTRODUCE]            = { "INTRODUCE", op_introduce, OP_PRIV },
    [XS_RELEASE]              = { "RELEASE", op_release, OP_PRIV },
    [XS_GET_DOMAIN_PATH]      = { "GET_DOMAIN_PATH", op_get_domain_path, 0 },
    [XS_WRITE]                = { "WRITE", op_write, 0 },
    [XS_MKDIR]                = { "MKDIR", op_mkdir, 0 },
    [XS_RM]                   = { "RM", op_rm, 0 },
    [XS_SET_PERMS]            = { "SET_PERMS", op_set_perms, 0 },
    [XS_WATCH_EVENT]          = { "WATCH_EVENT", NULL, 0 },
    [XS_ERROR]                = { "ERROR", NULL, 0 },
    [XS_IS_DOMAIN_INTRODUCED] = { "IS_DOMAIN_INTRODUCED",
                                  op_is_domain_introduced, OP_PRIV },
    [XS_RESUME]               = { "RESUME", op_resume, OP_PRIV },
    [XS_SET_TARGET]           = { "SET_TARGET", op_set_target, OP_PRIV },
    [XS_RESET_WATCHES]        = { "RESET_WATCHES", op_reset_watches, 0 },
    [XS_DIRECTORY_PART]       = { "DIRECTORY_PART", op_directory_part, 0 },
};

const char *proto_error_name(int err)
{
    unsigned int i;

    for ( i = 0; i < sizeof(xsd_errors) / sizeof(xsd_errors[0]); i++ )
        if ( xsd_errors[i].errnum == err )
            return xsd_errors[i].errstring;
    /* Clients read an unknown name as the table's first entry anyway. */
    return xsd_errors[0].errstring;
}

static void req_error(struct req *r, int err)
{
    const char *name = proto_error_name(err);

    if ( conn_queue(r->c, XS_ERROR, r->hdr->req_id, r->hdr->tx_id, name,
                    strlen(name) + 1, false) )
        log_err("out of memory: error reply to domain %u lost",
                r->c->who.domid);
}

void req_reply(struct req *r, const void *body, size_t len)
{
    if ( len > XENSTORE_PAYLOAD_MAX )
    {
        req_error(r, E2BIG);
        return;
    }
    if ( conn_queue(r->c, r->hdr->type, r->hdr->req_id, r->hdr->tx_id,
                    body, len, false) )
    {
        log_err("out of memory: reply to domain %u lost", r->c->who.domid);
        req_error(r, ENOMEM);
    }
}

void req_ack(struct req *r)
{
    req_reply(r, "OK", sizeof("OK"));
}

unsigned int req_strings(const struct req *r, const char **vec,
                         unsigned int max)
{
    unsigned int n = 0, off = 0;

    while ( off < r->len )
    {
        const char *s = r->body + off;
        const char *nul = memchr(s, '\0', r->len - off);

        if ( !nul )
            break;
        if ( n < max )
            vec[n] = s;
        n++;
        off += nul - s + 1;
    }
    return n;
}

const char *req_onearg(const struct req *r)
{
    if ( !r->len || strlen(r->body) + 1 != r->len )
        return NULL;
    return r->body;
}

void proto_handle(struct conn *c, const struct xsd_sockmsg *hdr,
                  const char *body)
{
    struct req r = {
        .v = c->vms, .c = c, .hdr = hdr, .body = body, .len = hdr->len,
    };
    const struct op *op = hdr->type < XS_TYPE_COUNT ? &ops[hdr->type] : NULL;
    int rc;

    c->vms->work++;
    log_debug("%s %u: %s len %u tx %u", c->dom ? "domain" : "socket",
              c->who.domid, op && op->name ? op->name : "unknown", hdr->len,
              hdr->tx_id);
    if ( !op || !op->fn )
    {
        req_error(&r, ENOSYS);
        return;
    }
    if ( (op->flags & OP_PRIV) && !c->who.privileged )
    {
        req_error(&r, EACCES);
        return;
    }
    if ( !(op->flags & OP_NOTID) && hdr->tx_id )
    {
        r.txn = txn_find(c, hdr->tx_id);
        if ( !r.txn )
        {
            req_error(&r, ENOENT);
            return;
        }
    }
    rc = op->fn(&r);
    if ( rc )
        req_error(&r, rc);
}
