/* SPDX-License-Identifier: GPL-2.0-only */
/* Requests on transactions: TRANSACTION_START and TRANSACTION_END. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ops.h"
#include "proto.h"
#include "txn.h"

int op_transaction_start(struct req *r)
{
    struct txn *t;
    char id[16];
    int rc;

    /* No nesting: a transaction starts outside any. */
    if ( r->txn )
        return EBUSY;
    rc = txn_start(r->c, &t);
    if ( rc )
        return rc;
    req_reply(r, id, snprintf(id, sizeof(id), "%u", t->id) + 1);
    return 0;
}

int op_transaction_end(struct req *r)
{
    const char *arg = req_onearg(r);
    int rc;

    if ( !arg || (strcmp(arg, "T") && strcmp(arg, "F")) )
        return EINVAL;
    if ( !r->txn )
        return ENOENT;
    rc = txn_end(r->c, r->txn, arg[0] == 'T');
    r->txn = NULL;
    if ( !rc )
        req_ack(r);
    return rc;
}
