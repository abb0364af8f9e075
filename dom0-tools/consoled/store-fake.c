/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A xenstore tree in memory, for tests (fake.h).  A change fires every
 * watch on the changed node or above it, with the changed node's path,
 * and a new watch fires once at once, as xenstored's do.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fake.h"

struct fake_node
{
    struct fake_node *next;
    char *path, *value;
};

struct fake_event
{
    struct fake_event *next;
    char *path;
};

struct fake_store
{
    struct consd_store st;
    struct fake_node *nodes;
    char **watches;
    unsigned int nwatches;
    struct fake_event *events, **tail;
    int pipe[2];
};

static struct fake_store *fs(struct consd_store *st)
{
    return st->priv;
}

static struct fake_node *node_find(struct fake_store *f, const char *path)
{
    struct fake_node *n;

    for ( n = f->nodes; n; n = n->next )
        if ( !strcmp(n->path, path) )
            return n;
    return NULL;
}

/* path is watch, or lies below it. */
static bool under(const char *path, const char *watch)
{
    size_t len = strlen(watch);

    return !strncmp(path, watch, len) &&
           (path[len] == '\0' || path[len] == '/');
}

static void queue(struct fake_store *f, const char *path)
{
    struct fake_event *e = calloc(1, sizeof(*e));

    if ( !e || !(e->path = strdup(path)) || write(f->pipe[1], "", 1) != 1 )
    {
        if ( e )
            free(e->path);
        free(e);
        return;
    }
    *f->tail = e;
    f->tail = &e->next;
}

static void fire(struct fake_store *f, const char *path)
{
    unsigned int i;

    for ( i = 0; i < f->nwatches; i++ )
        if ( under(path, f->watches[i]) )
            queue(f, path);
}

static char *fk_read(struct consd_store *st, const char *path)
{
    struct fake_node *n = node_find(fs(st), path);
    char *v;

    if ( !n )
    {
        errno = ENOENT;
        return NULL;
    }
    v = strdup(n->value);
    if ( !v )
        errno = ENOMEM;
    return v;
}

static int fk_write(struct consd_store *st, const char *path,
                    const char *value)
{
    struct fake_store *f = fs(st);
    struct fake_node *n = node_find(f, path);
    char *v = strdup(value);

    if ( !v )
        return -ENOMEM;
    if ( !n )
    {
        n = calloc(1, sizeof(*n));
        if ( !n || !(n->path = strdup(path)) )
        {
            free(n);
            free(v);
            return -ENOMEM;
        }
        n->next = f->nodes;
        f->nodes = n;
    }
    free(n->value);
    n->value = v;
    fire(f, path);
    return 0;
}

static int fk_rm(struct consd_store *st, const char *path)
{
    struct fake_store *f = fs(st);
    struct fake_node **pp = &f->nodes, *n;
    bool found = false;

    while ( (n = *pp) )
    {
        if ( !under(n->path, path) )
        {
            pp = &n->next;
            continue;
        }
        *pp = n->next;
        free(n->path);
        free(n->value);
        free(n);
        found = true;
    }
    if ( !found )
        return -ENOENT;
    fire(f, path);
    return 0;
}

static int fk_watch(struct consd_store *st, const char *path)
{
    struct fake_store *f = fs(st);
    char **w = realloc(f->watches, (f->nwatches + 1) * sizeof(*w));

    if ( !w )
        return -ENOMEM;
    f->watches = w;
    w[f->nwatches] = strdup(path);
    if ( !w[f->nwatches] )
        return -ENOMEM;
    f->nwatches++;
    queue(f, path);
    return 0;
}

static int fk_fd(struct consd_store *st)
{
    return fs(st)->pipe[0];
}

static char *fk_next_event(struct consd_store *st)
{
    struct fake_store *f = fs(st);
    struct fake_event *e = f->events;
    char *path, byte;

    if ( !e )
    {
        errno = EAGAIN;
        return NULL;
    }
    f->events = e->next;
    if ( !f->events )
        f->tail = &f->events;
    path = e->path;
    free(e);
    if ( read(f->pipe[0], &byte, 1) != 1 )
    {
        free(path);
        errno = EIO;
        return NULL;
    }
    return path;
}

static void fk_close(struct consd_store *st)
{
    struct fake_store *f = fs(st);
    struct fake_node *n;
    struct fake_event *e;
    unsigned int i;

    while ( (n = f->nodes) )
    {
        f->nodes = n->next;
        free(n->path);
        free(n->value);
        free(n);
    }
    while ( (e = f->events) )
    {
        f->events = e->next;
        free(e->path);
        free(e);
    }
    for ( i = 0; i < f->nwatches; i++ )
        free(f->watches[i]);
    free(f->watches);
    close(f->pipe[0]);
    close(f->pipe[1]);
    free(f);
}

static const struct consd_store_ops fake_ops = {
    .read = fk_read,
    .write = fk_write,
    .rm = fk_rm,
    .watch = fk_watch,
    .fd = fk_fd,
    .next_event = fk_next_event,
    .close = fk_close,
};

struct consd_store *consd_fake_store_new(void)
{
    struct fake_store *f = calloc(1, sizeof(*f));

    if ( !f )
        return NULL;
    if ( pipe2(f->pipe, O_CLOEXEC | O_NONBLOCK) )
    {
        free(f);
        return NULL;
    }
    f->st.ops = &fake_ops;
    f->st.priv = f;
    f->tail = &f->events;
    return &f->st;
}

void consd_fake_store_set(struct consd_store *st, const char *path,
                          const char *value)
{
    fk_write(st, path, value);
}

void consd_fake_store_rm(struct consd_store *st, const char *path)
{
    fk_rm(st, path);
}

void consd_fake_store_fire(struct consd_store *st, const char *path)
{
    fire(fs(st), path);
}

const char *consd_fake_store_peek(struct consd_store *st, const char *path)
{
    struct fake_node *n = node_find(fs(st), path);

    return n ? n->value : NULL;
}
