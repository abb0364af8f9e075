/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What vmconsoled needs from xenstore, behind a function table: read,
 * write and remove nodes, and watch for changes.  store-libctl.c speaks
 * to the xenstore daemon through libctl; store-fake.c keeps a tree in
 * memory for tests.  Calls returning int give 0 or -errno.
 */
#ifndef CONSOLED_STORE_H
#define CONSOLED_STORE_H

struct consd_store;

struct consd_store_ops
{
    /* The value, NUL-terminated, to free(); NULL with errno (ENOENT). */
    char *(*read)(struct consd_store *st, const char *path);
    int (*write)(struct consd_store *st, const char *path,
                 const char *value);
    int (*rm)(struct consd_store *st, const char *path);
    /* Changes at or below path (or the special @... events) get queued. */
    int (*watch)(struct consd_store *st, const char *path);
    /* Polls readable when an event waits. */
    int (*fd)(struct consd_store *st);
    /*
     * The path of the next event, to free(), once fd() polled readable;
     * NULL with errno: EAGAIN when none was left, anything else means the
     * store is lost.
     */
    char *(*next_event)(struct consd_store *st);
    void (*close)(struct consd_store *st);
};

struct consd_store
{
    const struct consd_store_ops *ops;
    void *priv;
};

/* The xenstore daemon's socket ($XENSTORED_PATH); NULL with errno. */
struct consd_store *consd_store_libctl_open(void);

#endif /* CONSOLED_STORE_H */
