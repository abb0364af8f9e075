/* SPDX-License-Identifier: GPL-2.0-only */
/* The store as a request sees it: checks, quotas, notes, events. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "log.h"
#include "path.h"
#include "proto.h"
#include "txn.h"
#include "view.h"
#include "vmstored.h"
#include "watch.h"

void view_init(struct view *vw, const struct req *r)
{
    vw->v = r->v;
    vw->c = r->c;
    vw->txn = r->txn;
    vw->t = r->txn ? &r->txn->tree : &r->v->store;
}

static bool unprivileged(const struct view *vw)
{
    return !vw->c->who.privileged;
}

static int note(struct view *vw, const char *path, const struct node *n)
{
    return vw->txn ? txn_note(vw->txn, path, n) : 0;
}

static int changed(struct view *vw, const char *path)
{
    return vw->txn ? txn_changed(vw->txn, path) : 0;
}

int view_path(const struct view *vw, const char *arg, char **out)
{
    unsigned int max = vw->v->quota.path_len;
    char *abs;

    *out = NULL;
    if ( !arg )
        return EINVAL;
    abs = path_canonical(arg, vw->c->home);
    if ( !abs )
        return ENOMEM;
    if ( !max || max > XENSTORE_REL_PATH_MAX )
        max = XENSTORE_REL_PATH_MAX;
    if ( !path_valid(abs, max) )
    {
        free(abs);
        return EINVAL;
    }
    *out = abs;
    return 0;
}

int view_get(struct view *vw, const char *path, unsigned int want,
             struct node **out)
{
    struct node *n = tree_lookup(vw->t, path);
    int rc = note(vw, path, n);

    *out = NULL;
    if ( rc )
        return rc;
    if ( n )
    {
        if ( (perms_access(&n->perms, &vw->c->who) & want) != want )
            return EACCES;
        *out = n;
        return 0;
    }
    n = tree_nearest(vw->t, path);
    return perms_access(&n->perms, &vw->c->who) & want ? ENOENT : EACCES;
}

/* Would n's record outgrow the size quota by 'grow' bytes? */
static bool too_big(const struct view *vw, const struct node *n, long grow)
{
    unsigned int max = vw->v->quota.node_size;

    return unprivileged(vw) && max &&
           (long)node_record_size(n) + grow >= (long)max;
}

static unsigned int missing_levels(const char *path, size_t from)
{
    unsigned int levels = 0;

    for ( ; path[from]; from++ )
        if ( path[from] == '/' )
            levels++;
    return levels;
}

int view_create(struct view *vw, const char *path, struct node **out)
{
    struct node *parent = tree_nearest(vw->t, path);
    unsigned int quota = vw->v->quota.nodes, domid = vw->c->who.domid;
    char *prev = node_path_dup(parent);
    size_t pos;
    int rc;

    *out = NULL;
    if ( !prev )
        return ENOMEM;
    rc = note(vw, prev, parent);
    if ( rc )
        goto out;
    /* Where the first missing component's '/' is. */
    pos = parent->parent ? strlen(prev) : 0;
    if ( unprivileged(vw) && quota &&
         tree_owned(vw->t, domid) + missing_levels(path, pos) > quota )
    {
        rc = ENOSPC;
        goto out;
    }
    if ( too_big(vw, parent, strcspn(path + pos + 1, "/") + 1) )
    {
        rc = ENOSPC;
        goto out;
    }
    while ( path[pos] == '/' )
    {
        size_t end = pos + 1 + strcspn(path + pos + 1, "/");
        char *prefix = strndup(path, end);
        char *leaf = strndup(path + pos + 1, end - pos - 1);
        struct perms perms = { 0 };
        struct node *n = NULL;

        rc = ENOMEM;
        if ( prefix && leaf && !perms_dup(&perms, &parent->perms) )
        {
            /* Unprivileged domains own what they create. */
            if ( unprivileged(vw) )
                perms.p[0].domid = domid;
            rc = note(vw, prefix, NULL);
            if ( !rc )
                n = tree_add(vw->t, parent, leaf, &perms);
            if ( !rc && !n )
                rc = ENOMEM;
            if ( !rc )
                rc = changed(vw, prev);
            if ( !rc )
                rc = changed(vw, prefix);
        }
        perms_release(&perms);
        free(leaf);
        free(prev);
        prev = prefix;
        if ( rc )
            goto out;
        parent = n;
        pos = end;
    }
    *out = parent;
 out:
    free(prev);
    return rc;
}

int view_set_value(struct view *vw, const char *path, struct node *n,
                   const void *value, unsigned int len)
{
    int rc;

    if ( too_big(vw, n, (long)len - (long)n->len) )
        return ENOSPC;
    rc = node_set_value(vw->t, n, value, len);
    return rc ? rc : changed(vw, path);
}

int view_set_perms(struct view *vw, const char *path, struct node *n,
                   const struct perms *perms)
{
    int rc;

    if ( too_big(vw, n, ((long)perms->num - (long)n->perms.num) * 8) )
        return ENOSPC;
    rc = node_set_perms(vw->t, n, perms);
    return rc ? rc : changed(vw, path);
}

void view_fire(struct view *vw, const char *path, bool exact,
               const struct perms *old)
{
    if ( !vw->txn )
        watch_fire(vw->v, path, exact, old);
    else if ( txn_fire(vw->txn, path, exact, old) )
        log_err("out of memory: transaction %u loses the event on %s",
                vw->txn->id, path);
}

/* Children first, as the removal itself goes. */
static int each_below(struct view *vw, struct node *top, struct node *n)
{
    char *path;
    unsigned int i;
    int rc;

    for ( i = 0; i < n->nkids; i++ )
    {
        rc = each_below(vw, top, n->kids[i]);
        if ( rc )
            return rc;
    }
    path = node_path_dup(n);
    if ( !path )
        return ENOMEM;
    rc = note(vw, path, n);
    if ( !rc )
        rc = changed(vw, path);
    /* Below the removed node only watches on a node itself fire. */
    if ( !rc )
        view_fire(vw, path, n != top, &n->perms);
    free(path);
    return rc;
}

int view_remove(struct view *vw, const char *path, struct node *n)
{
    char *parent = path_parent(path);
    int rc;

    if ( !parent )
        return ENOMEM;
    rc = note(vw, parent, n->parent);
    if ( !rc )
        rc = changed(vw, parent);
    if ( !rc )
        rc = each_below(vw, n, n);
    free(parent);
    if ( rc )
        return rc;
    tree_remove(vw->t, n);
    return 0;
}
