/* SPDX-License-Identifier: GPL-2.0-only */
/* Requests on watches: WATCH, UNWATCH, RESET_WATCHES. */
#include <errno.h>

#include "conn.h"
#include "ops.h"
#include "proto.h"
#include "watch.h"

int op_watch(struct req *r)
{
    const char *vec[2];
    struct watch *w;
    int rc;

    if ( req_strings(r, vec, 2) != 2 )
        return EINVAL;
    rc = watch_add(r->c, vec[0], vec[1], &w);
    if ( rc )
        return rc;
    req_ack(r);
    /* A first event right away: clients read the state it names. */
    watch_event(r->c, w, w->path);
    return 0;
}

int op_unwatch(struct req *r)
{
    const char *vec[2];
    int rc;

    if ( req_strings(r, vec, 2) != 2 )
        return EINVAL;
    rc = watch_remove(r->c, vec[0], vec[1]);
    if ( !rc )
        req_ack(r);
    return rc;
}

int op_reset_watches(struct req *r)
{
    conn_reset(r->c);
    req_ack(r);
    return 0;
}
