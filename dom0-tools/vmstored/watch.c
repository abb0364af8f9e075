/* SPDX-License-Identifier: GPL-2.0-only */
/* Watches: registration, matching, and who may see which event. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "path.h"
#include "vmstored.h"
#include "watch.h"

static void watch_free(struct watch *w)
{
    free(w->path);
    free(w->token);
    free(w);
}

/* The absolute form of a client's watch path; EINVAL or ENOMEM. */
static int watch_path(struct conn *c, const char *path, char **out,
                      bool *relative)
{
    unsigned int max = c->vms->quota.path_len;

    *relative = false;
    if ( path[0] == '@' )
    {
        if ( !path_special(path) )
            return EINVAL;
        *out = strdup(path);
        return *out ? 0 : ENOMEM;
    }
    *relative = path[0] != '/';
    *out = path_canonical(path, c->home);
    if ( !*out )
        return ENOMEM;
    if ( !max || max > XENSTORE_REL_PATH_MAX )
        max = XENSTORE_REL_PATH_MAX;
    if ( !path_valid(*out, max) )
    {
        free(*out);
        *out = NULL;
        return EINVAL;
    }
    return 0;
}

int watch_add(struct conn *c, const char *path, const char *token,
              struct watch **out)
{
    struct watch *w, **pp;
    unsigned int quota = c->vms->quota.watches;
    char *abs;
    bool relative;
    int rc = watch_path(c, path, &abs, &relative);

    *out = NULL;
    if ( rc )
        return rc;
    for ( pp = &c->watches; *pp; pp = &(*pp)->next )
        if ( !strcmp((*pp)->path, abs) && !strcmp((*pp)->token, token) )
        {
            free(abs);
            return EEXIST;
        }
    if ( !c->who.privileged && quota && c->nwatches >= quota )
    {
        free(abs);
        return E2BIG;
    }
    w = calloc(1, sizeof(*w));
    if ( !w || !(w->token = strdup(token)) )
    {
        free(w);
        free(abs);
        return ENOMEM;
    }
    w->path = abs;
    w->relative = relative;
    /* Registration order is firing order. */
    *pp = w;
    c->nwatches++;
    *out = w;
    return 0;
}

int watch_remove(struct conn *c, const char *path, const char *token)
{
    struct watch **pp;
    char *abs;
    bool relative;
    int rc = watch_path(c, path, &abs, &relative);

    if ( rc )
        return rc == EINVAL ? ENOENT : rc;
    for ( pp = &c->watches; *pp; pp = &(*pp)->next )
    {
        struct watch *w = *pp;

        if ( !strcmp(w->path, abs) && !strcmp(w->token, token) )
        {
            *pp = w->next;
            watch_free(w);
            c->nwatches--;
            free(abs);
            return 0;
        }
    }
    free(abs);
    return ENOENT;
}

void watch_remove_all(struct conn *c)
{
    while ( c->watches )
    {
        struct watch *w = c->watches;

        c->watches = w->next;
        watch_free(w);
    }
    c->nwatches = 0;
}

void watch_event(struct conn *c, const struct watch *w, const char *path)
{
    if ( w->relative )
    {
        size_t n = strlen(c->home);

        if ( !strncmp(path, c->home, n) )
        {
            path += n;
            if ( *path == '/' )
                path++;
        }
    }
    conn_queue_event(c, path, w->token);
}

static bool readable(const struct perms *p, const struct who *who)
{
    return perms_access(p, who) & PERM_READ;
}

/*
 * Whether c may learn of a change at path: it can read the node, or its
 * parent, or could read the node before the change (so that losing
 * access is itself reported).
 */
static bool may_see(struct vms *v, struct conn *c, const char *path,
                    const struct perms *old)
{
    const struct node *n;

    if ( path[0] == '@' )
    {
        if ( !strcmp(path, "@introduceDomain") )
            return readable(&v->introduce_perms, &c->who);
        if ( !strcmp(path, "@releaseDomain") )
            return readable(&v->release_perms, &c->who);
        return false;
    }
    if ( old && readable(old, &c->who) )
        return true;
    n = tree_lookup(&v->store, path);
    if ( !n )
        return false;
    return readable(&n->perms, &c->who) ||
           (n->parent && readable(&n->parent->perms, &c->who));
}

void watch_fire(struct vms *v, const char *path, bool exact,
                const struct perms *old)
{
    struct conn *c;
    struct watch *w;

    for ( c = v->conns; c; c = c->next )
    {
        if ( !c->watches || c->broken || !may_see(v, c, path, old) )
            continue;
        for ( w = c->watches; w; w = w->next )
            if ( exact ? !strcmp(w->path, path)
                       : path_is_child(path, w->path) )
                watch_event(c, w, path);
    }
}
