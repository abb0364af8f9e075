/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Requests about domains: INTRODUCE, RELEASE, RESUME, GET_DOMAIN_PATH,
 * IS_DOMAIN_INTRODUCED and SET_TARGET.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <public/xen.h>

#include "domain.h"
#include "log.h"
#include "ops.h"
#include "proto.h"
#include "vmstored.h"

/* A decimal domain id; EINVAL for anything else. */
static int parse_domid(const char *s, unsigned int *domid)
{
    unsigned long v;
    char *end;

    if ( !s || s[0] < '0' || s[0] > '9' )
        return EINVAL;
    v = strtoul(s, &end, 10);
    if ( *end || v > 0xFFFF )
        return EINVAL;
    *domid = v;
    return 0;
}

/* The one argument of RELEASE and RESUME: a real domain but dom0. */
static int guest_arg(struct req *r, unsigned int *domid)
{
    int rc = parse_domid(req_onearg(r), domid);

    return rc ? rc : (*domid && *domid < DOMID_FIRST_RESERVED ? 0 : EINVAL);
}

int op_introduce(struct req *r)
{
    const char *vec[3];
    unsigned int domid;
    long long gfn;
    long port;
    char *end;
    int rc;

    if ( req_strings(r, vec, 3) < 3 )
        return EINVAL;
    rc = parse_domid(vec[0], &domid);
    if ( rc || domid >= DOMID_FIRST_RESERVED )
        return EINVAL;
    /* Xen documents the frame number as signed decimal. */
    gfn = strtoll(vec[1], &end, 10);
    if ( *end || end == vec[1] )
        return EINVAL;
    port = strtol(vec[2], &end, 10);
    if ( *end || port <= 0 || port > 0xFFFFFF )
        return EINVAL;
    if ( !r->v->xenif )
    {
        log_err("INTRODUCE of domain %u: no hypervisor interface "
                "(started with --no-xen)", domid);
        return ENOSYS;
    }
    rc = domain_introduce(r->v, domid, (uint64_t)gfn, port, true);
    if ( !rc )
        req_ack(r);
    return rc;
}

int op_release(struct req *r)
{
    unsigned int domid;
    int rc = guest_arg(r, &domid);

    if ( !rc )
        rc = domain_release(r->v, domid);
    if ( !rc )
        req_ack(r);
    return rc;
}

int op_resume(struct req *r)
{
    struct domain *d;
    unsigned int domid;
    int rc = guest_arg(r, &domid);

    if ( rc )
        return rc;
    d = domain_find(r->v, domid);
    if ( !d )
        return ENOENT;
    /* Its next shutdown fires @releaseDomain again. */
    d->shutdown = false;
    req_ack(r);
    return 0;
}

int op_get_domain_path(struct req *r)
{
    unsigned int domid;
    char path[32];
    int rc = parse_domid(req_onearg(r), &domid);

    if ( rc )
        return rc;
    req_reply(r, path,
              snprintf(path, sizeof(path), "/local/domain/%u", domid) + 1);
    return 0;
}

int op_is_domain_introduced(struct req *r)
{
    unsigned int domid;
    bool known;
    int rc = parse_domid(req_onearg(r), &domid);

    if ( rc )
        return rc;
    /* dom0 is served from the start, over its sockets at least. */
    known = domid == 0 || domid == DOMID_SELF || domain_find(r->v, domid);
    req_reply(r, known ? "T" : "F", 2);
    return 0;
}

int op_set_target(struct req *r)
{
    const char *vec[2];
    unsigned int domid, tdomid;
    int rc;

    if ( req_strings(r, vec, 2) < 2 )
        return EINVAL;
    rc = parse_domid(vec[0], &domid);
    if ( !rc )
        rc = parse_domid(vec[1], &tdomid);
    if ( !rc )
        rc = domain_set_target(r->v, domid, tdomid);
    if ( !rc )
        req_ack(r);
    return rc;
}
