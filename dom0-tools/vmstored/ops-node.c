/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Requests on nodes: READ, WRITE, MKDIR, RM, DIRECTORY, DIRECTORY_PART,
 * GET_PERMS and SET_PERMS.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "ops.h"
#include "path.h"
#include "proto.h"
#include "view.h"
#include "vmstored.h"

/* The node a one-path request names, with 'want' access. */
static int one_node(struct req *r, struct view *vw, const char *arg,
                    unsigned int want, char **path, struct node **n)
{
    int rc;

    view_init(vw, r);
    rc = view_path(vw, arg, path);
    if ( rc )
        return rc;
    rc = view_get(vw, *path, want, n);
    if ( rc )
    {
        free(*path);
        *path = NULL;
    }
    return rc;
}

int op_read(struct req *r)
{
    struct view vw;
    struct node *n;
    char *path;
    int rc = one_node(r, &vw, req_onearg(r), PERM_READ, &path, &n);

    if ( rc )
        return rc;
    req_reply(r, n->value, n->len);
    free(path);
    return 0;
}

int op_write(struct req *r)
{
    const char *vec[1];
    struct view vw;
    struct node *n;
    char *path;
    size_t off;
    int rc;

    /* The value is binary: only the path needs its NUL. */
    if ( req_strings(r, vec, 1) < 1 )
        return EINVAL;
    off = strlen(vec[0]) + 1;
    rc = one_node(r, &vw, vec[0], PERM_WRITE, &path, &n);
    if ( rc == ENOENT )
    {
        rc = view_path(&vw, vec[0], &path);
        if ( !rc )
            rc = view_create(&vw, path, &n);
    }
    if ( !rc )
        rc = view_set_value(&vw, path, n, r->body + off, r->len - off);
    if ( !rc )
    {
        view_fire(&vw, path, false, NULL);
        req_ack(r);
    }
    free(path);
    return rc;
}

int op_mkdir(struct req *r)
{
    struct view vw;
    struct node *n;
    char *path;
    int rc = one_node(r, &vw, req_onearg(r), PERM_WRITE, &path, &n);

    if ( rc == ENOENT )
    {
        rc = view_path(&vw, req_onearg(r), &path);
        if ( !rc )
            rc = view_create(&vw, path, &n);
        if ( !rc )
            view_fire(&vw, path, false, NULL);
    }
    if ( !rc )
        req_ack(r);
    free(path);
    return rc;
}

int op_rm(struct req *r)
{
    struct view vw;
    struct node *n, *parent;
    char *path, *up;
    int rc = one_node(r, &vw, req_onearg(r), PERM_WRITE, &path, &n);

    if ( rc == ENOENT )
    {
        /* Already gone is fine, if the parent is there. */
        rc = view_path(&vw, req_onearg(r), &path);
        up = rc ? NULL : path_parent(path);
        if ( !rc && !up )
            rc = ENOMEM;
        if ( !rc )
            rc = view_get(&vw, up, PERM_NONE, &parent);
        if ( !rc )
            req_ack(r);
        else if ( rc == EACCES )
            rc = ENOENT;
        free(up);
        free(path);
        return rc;
    }
    if ( rc )
        return rc;
    if ( !n->parent )
        rc = EINVAL;
    else
        rc = view_remove(&vw, path, n);
    if ( !rc )
        req_ack(r);
    free(path);
    return rc;
}

int op_directory(struct req *r)
{
    struct view vw;
    struct node *n;
    char *path, *buf;
    size_t len;
    int rc = one_node(r, &vw, req_onearg(r), PERM_READ, &path, &n);

    if ( rc )
        return rc;
    free(path);
    len = node_children(n, NULL, 0);
    buf = malloc(len ? len : 1);
    if ( !buf )
        return ENOMEM;
    node_children(n, buf, len);
    req_reply(r, buf, len);
    free(buf);
    return 0;
}

/*
 * Children lists too long for one reply come in parts: the node's
 * generation (to tell whether it changed between parts), then as many
 * names from the byte offset on as fit; an empty name ends the list.
 */
int op_directory_part(struct req *r)
{
    const char *vec[2];
    struct view vw;
    struct node *n;
    char *path, *all, *out;
    char gen[24];
    size_t total, off, len = 0, genlen, max;
    int rc;

    if ( req_strings(r, vec, 2) != 2 )
        return EINVAL;
    rc = one_node(r, &vw, vec[0], PERM_READ, &path, &n);
    if ( rc )
        return rc;
    free(path);
    off = strtoul(vec[1], NULL, 10);
    genlen = snprintf(gen, sizeof(gen), "%" PRIu64, n->gen) + 1;
    total = node_children(n, NULL, 0);
    all = malloc(total + 1);
    out = malloc(XENSTORE_PAYLOAD_MAX + 1);
    if ( !all || !out )
    {
        free(all);
        free(out);
        return ENOMEM;
    }
    node_children(n, all, total);
    memcpy(out, gen, genlen);
    if ( off < total )
    {
        /* Offsets from clients land on a name's start; ours always do. */
        max = XENSTORE_PAYLOAD_MAX - genlen - 1;
        while ( off + len < total && len + strlen(all + off + len) < max )
            len += strlen(all + off + len) + 1;
        memcpy(out + genlen, all + off, len);
    }
    else
        off = total;
    if ( off + len == total )
        out[genlen + len++] = '\0';
    req_reply(r, out, genlen + len);
    free(all);
    free(out);
    return 0;
}

int op_get_perms(struct req *r)
{
    struct view vw;
    struct node *n;
    char *path, *buf;
    size_t len;
    int rc = one_node(r, &vw, req_onearg(r), PERM_READ, &path, &n);

    if ( rc )
        return rc;
    free(path);
    len = perms_format(&n->perms, NULL, 0);
    buf = malloc(len);
    if ( !buf )
        return ENOMEM;
    perms_format(&n->perms, buf, len);
    req_reply(r, buf, len);
    free(buf);
    return 0;
}

/* SET_PERMS on @introduceDomain or @releaseDomain. */
static int set_special_perms(struct req *r, const char *name,
                             struct perms *perms)
{
    struct perms *target;

    if ( !strcmp(name, "@introduceDomain") )
        target = &r->v->introduce_perms;
    else if ( !strcmp(name, "@releaseDomain") )
        target = &r->v->release_perms;
    else
        return EINVAL;
    if ( (perms_access(target, &r->c->who) & (PERM_WRITE | PERM_OWNER)) !=
         (PERM_WRITE | PERM_OWNER) )
        return EACCES;
    perms_release(target);
    *target = *perms;
    perms->p = NULL;
    perms->num = 0;
    req_ack(r);
    return 0;
}

int op_set_perms(struct req *r)
{
    const char *vec[1];
    unsigned int count = req_strings(r, vec, 1);
    unsigned int quota = r->v->quota.perms;
    struct perms perms = { 0 }, old = { 0 };
    struct view vw;
    struct node *n;
    char *path = NULL;
    size_t off;
    int rc;

    if ( count < 2 )
        return EINVAL;
    if ( !r->c->who.privileged && quota && count - 1 > quota )
        return ENOSPC;
    off = strlen(vec[0]) + 1;
    rc = perms_parse(&perms, r->body + off, r->len - off, count - 1);
    if ( rc )
        return rc;
    if ( vec[0][0] == '@' )
    {
        rc = set_special_perms(r, vec[0], &perms);
        goto out;
    }
    rc = one_node(r, &vw, vec[0], PERM_WRITE | PERM_OWNER, &path, &n);
    if ( rc )
        goto out;
    /* Only the privileged give nodes away. */
    if ( !r->c->who.privileged && perms.p[0].domid != n->perms.p[0].domid )
    {
        rc = EPERM;
        goto out;
    }
    rc = perms_dup(&old, &n->perms);
    if ( !rc )
        rc = view_set_perms(&vw, path, n, &perms);
    if ( !rc )
    {
        /* Old permissions too: a watcher losing access hears of it. */
        view_fire(&vw, path, false, &old);
        req_ack(r);
    }
 out:
    perms_release(&old);
    perms_release(&perms);
    free(path);
    return rc;
}
