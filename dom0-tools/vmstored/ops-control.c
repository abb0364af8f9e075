/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CONTROL: a few of xenstored's maintenance commands ("help", "check",
 * "print", "quota"), enough for scripts that probe the daemon.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "log.h"
#include "ops.h"
#include "proto.h"
#include "vmstored.h"

static void reply_text(struct req *r, const char *text)
{
    req_reply(r, text, strlen(text) + 1);
}

static int control_quota(struct req *r, unsigned int nargs,
                         const char **vec)
{
    const struct quota *q = &r->v->quota;
    char buf[512];
    struct conn *c;
    unsigned long domid;
    char *end;

    if ( nargs == 1 )
    {
        snprintf(buf, sizeof(buf),
                 "nodes: %u\nwatches: %u\ntransactions: %u\n"
                 "node-size: %u\npermissions: %u\npath-max: %u\n"
                 "outstanding: %u\n", q->nodes, q->watches,
                 q->transactions, q->node_size, q->perms, q->path_len,
                 q->outstanding);
        reply_text(r, buf);
        return 0;
    }
    domid = strtoul(vec[1], &end, 10);
    if ( *end || end == vec[1] )
        return EINVAL;
    for ( c = r->v->conns; c; c = c->next )
        if ( c->dom && c->who.domid == domid )
            break;
    if ( !c )
        return ENOENT;
    snprintf(buf, sizeof(buf),
             "Domain %lu:\nnodes: %u\nwatches: %u\ntransactions: %u\n"
             "outstanding: %u\n", domid,
             tree_owned(&r->v->store, domid), c->nwatches, c->ntxns,
             c->nout);
    reply_text(r, buf);
    return 0;
}

int op_control(struct req *r)
{
    const char *vec[3];
    unsigned int n = req_strings(r, vec, 3);

    if ( n < 1 )
        return EINVAL;
    if ( !strcmp(vec[0], "help") )
        reply_text(r, "check\nhelp\nprint <string>\nquota [<domid>]\n");
    else if ( !strcmp(vec[0], "check") )
        req_ack(r);
    else if ( !strcmp(vec[0], "print") && n == 2 )
    {
        log_info("%s", vec[1]);
        req_ack(r);
    }
    else if ( !strcmp(vec[0], "quota") && n <= 2 )
        return control_quota(r, n, vec);
    else
        return EINVAL;
    return 0;
}
