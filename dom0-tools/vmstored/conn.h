/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Connections: one per client socket and one per domain ring.  Bytes come
 * in through a transport, are cut into messages and handled; replies and
 * watch events wait in a queue until the transport takes them.
 */
#ifndef VMSTORED_CONN_H
#define VMSTORED_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <public/io/xs_wire.h>

#include "perms.h"

struct conn;
struct vms;

/* Messages a guest may leave unread before its watch events are dropped. */
#define CONN_EVENTS_MAX 1024

/* A queued outgoing message: header then payload, as the wire has it. */
struct msg
{
    struct msg *next;
    size_t sent;                    /* bytes of hdr + body written */
    bool event;                     /* a watch event, not a reply */
    struct xsd_sockmsg hdr;
    char body[];
};

struct conn_ops
{
    /* Up to len bytes; the count (0: nothing now) or -1 if broken. */
    int (*read)(struct conn *c, void *buf, size_t len);
    int (*write)(struct conn *c, const void *buf, size_t len);
    /* Whether a message may be read now (flow control). */
    bool (*can_read)(struct conn *c);
    /* Free what the transport holds; the connection goes after. */
    void (*release)(struct conn *c);
};

struct conn
{
    struct conn *next;
    struct vms *vms;
    unsigned long serial;           /* unique for the daemon's life */
    const struct conn_ops *ops;     /* NULL in tests: nothing to move */
    void *priv;                     /* the transport's */
    int fd;                         /* socket, or -1 */
    struct domain *dom;             /* NULL for local sockets */
    struct who who;
    char *home;                     /* "/local/domain/<id>" */

    /* The message being read. */
    struct xsd_sockmsg in_hdr;
    size_t in_used;                 /* bytes of header, then of body */
    bool in_body;
    char *body;                     /* hdr.len bytes and a NUL */

    struct msg *out, *out_tail;
    unsigned int nout;              /* queued replies and events */

    struct watch *watches;
    unsigned int nwatches;
    struct txn *txns;
    unsigned int ntxns;
    uint32_t next_txid;

    bool dropping;                  /* over CONN_EVENTS_MAX: logged once */

    /* A protocol error: nothing more is read or sent. */
    bool broken;
    unsigned int error;             /* XENSTORE_ERROR_* for rings */
};

struct conn *conn_new(struct vms *v, const struct conn_ops *ops, void *priv,
                      int fd, struct domain *dom);
/* Drop watches, transactions and queued messages, unlink and free. */
void conn_free(struct conn *c);
/* Forget watches and transactions (RESET_WATCHES). */
void conn_reset(struct conn *c);
/* Start over as if new (a domain introduced again): also drop what was
 * half read or not yet sent, and forgive a protocol error. */
void conn_restart(struct conn *c);

/*
 * Take len bytes from the client and handle each message they complete.
 * Returns the bytes taken (all of them unless the connection broke, at
 * which point it returns -1).
 */
long conn_input(struct conn *c, const void *buf, size_t len);

/* Read from the transport and handle what arrives; -1 if it broke. */
int conn_service(struct conn *c);

/* Push queued messages to the transport; -1 if it broke. */
int conn_flush(struct conn *c);

/* Queue a message; a watch event identical to a queued one is dropped. */
int conn_queue(struct conn *c, uint32_t type, uint32_t req_id,
               uint32_t tx_id, const void *body, size_t len, bool event);
/* Queue a watch event "path\0token\0". */
void conn_queue_event(struct conn *c, const char *path, const char *token);

/* For tests: detach the oldest queued message (caller frees it). */
struct msg *conn_pop(struct conn *c);

#endif /* VMSTORED_CONN_H */
