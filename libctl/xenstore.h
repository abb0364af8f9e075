/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small xenstore client over the daemon's Unix socket, with the names
 * of Xen's libxenstore: read, write, directories, permissions,
 * transactions, watches, and introducing domains.  Calls returning bool
 * or a pointer fail with false or NULL and errno (the daemon's error
 * name mapped back to its errno value).
 */
#ifndef LIBCTL_XENSTORE_H
#define LIBCTL_XENSTORE_H

#include <stdbool.h>
#include <stdint.h>

struct xs_handle;
typedef uint32_t xs_transaction_t;

#define XBT_NULL        0

/* Permission bits, and the per-domain entry of a node's list. */
#define XS_PERM_NONE    0x00
#define XS_PERM_READ    0x01
#define XS_PERM_WRITE   0x02
#define XS_PERM_OWNER   0x08

struct xs_permissions
{
    unsigned int id;
    unsigned int perms;
};

/* Where the daemon listens: $XENSTORED_PATH, else Xen's usual socket. */
#define XS_SOCKET_DEFAULT "/run/xenstored/socket"

struct xs_handle *xs_open(unsigned long flags);
void xs_close(struct xs_handle *xsh);
/* Readable when a watch event waits (xs_read_watch). */
int xs_fileno(struct xs_handle *xsh);

/* The value, NUL-terminated, in a buffer to free(); *len its length. */
void *xs_read(struct xs_handle *h, xs_transaction_t t, const char *path,
              unsigned int *len);
bool xs_write(struct xs_handle *h, xs_transaction_t t, const char *path,
              const void *data, unsigned int len);
bool xs_mkdir(struct xs_handle *h, xs_transaction_t t, const char *path);
bool xs_rm(struct xs_handle *h, xs_transaction_t t, const char *path);
/* The children's names, in one block to free(). */
char **xs_directory(struct xs_handle *h, xs_transaction_t t,
                    const char *path, unsigned int *num);
bool xs_set_permissions(struct xs_handle *h, xs_transaction_t t,
                        const char *path, struct xs_permissions *perms,
                        unsigned int num_perms);

/* 0 on failure.  Ending fails with EAGAIN when the caller should retry. */
xs_transaction_t xs_transaction_start(struct xs_handle *h);
bool xs_transaction_end(struct xs_handle *h, xs_transaction_t t,
                        bool abort);

bool xs_watch(struct xs_handle *h, const char *path, const char *token);
bool xs_unwatch(struct xs_handle *h, const char *path, const char *token);
/* Block for the next event: { path, token } in one block to free(). */
char **xs_read_watch(struct xs_handle *h, unsigned int *num);

#define XS_WATCH_PATH   0
#define XS_WATCH_TOKEN  1

bool xs_introduce_domain(struct xs_handle *h, unsigned int domid,
                         unsigned long mfn, unsigned int eventchn);
bool xs_release_domain(struct xs_handle *h, unsigned int domid);
/* "/local/domain/N", to free(). */
char *xs_get_domain_path(struct xs_handle *h, unsigned int domid);
bool xs_is_domain_introduced(struct xs_handle *h, unsigned int domid);

#endif /* LIBCTL_XENSTORE_H */
