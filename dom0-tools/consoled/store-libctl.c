/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenstore through libctl's client (store.h).  Watches live on a second
 * connection that makes no other request once they are set: the client
 * queues events arriving while it waits for a reply, where polling its
 * socket would not see them, so the requests go on the first one.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xenstore.h"

#include "store.h"

#define WATCH_TOKEN "vmconsoled"

struct store_libctl
{
    struct consd_store st;
    struct xs_handle *req;
    struct xs_handle *events;
};

static struct store_libctl *sl(struct consd_store *st)
{
    return st->priv;
}

static char *sl_read(struct consd_store *st, const char *path)
{
    return xs_read(sl(st)->req, XBT_NULL, path, NULL);
}

static int sl_write(struct consd_store *st, const char *path,
                    const char *value)
{
    return xs_write(sl(st)->req, XBT_NULL, path, value,
                    (unsigned int)strlen(value)) ? 0 : -errno;
}

static int sl_rm(struct consd_store *st, const char *path)
{
    return xs_rm(sl(st)->req, XBT_NULL, path) ? 0 : -errno;
}

static int sl_watch(struct consd_store *st, const char *path)
{
    return xs_watch(sl(st)->events, path, WATCH_TOKEN) ? 0 : -errno;
}

static int sl_fd(struct consd_store *st)
{
    return xs_fileno(sl(st)->events);
}

static char *sl_next_event(struct consd_store *st)
{
    unsigned int num;
    char **ev = xs_read_watch(sl(st)->events, &num), *path;

    if ( !ev )
        return NULL;
    path = num > XS_WATCH_PATH ? strdup(ev[XS_WATCH_PATH]) : NULL;
    if ( !path )
        errno = num > XS_WATCH_PATH ? ENOMEM : EBADMSG;
    free(ev);
    return path;
}

static void sl_close(struct consd_store *st)
{
    struct store_libctl *s = sl(st);

    xs_close(s->events);
    xs_close(s->req);
    free(s);
}

static const struct consd_store_ops sl_ops = {
    .read = sl_read,
    .write = sl_write,
    .rm = sl_rm,
    .watch = sl_watch,
    .fd = sl_fd,
    .next_event = sl_next_event,
    .close = sl_close,
};

struct consd_store *consd_store_libctl_open(void)
{
    struct store_libctl *s = calloc(1, sizeof(*s));
    int err;

    if ( !s )
        return NULL;
    s->st.ops = &sl_ops;
    s->st.priv = s;
    s->req = xs_open(0);
    if ( s->req )
        s->events = xs_open(0);
    if ( !s->events )
    {
        err = errno;
        sl_close(&s->st);
        errno = err;
        return NULL;
    }
    return &s->st;
}
