/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The request side of the wire protocol: dispatch by message type, and
 * the helpers handlers share to read arguments and send replies.
 */
#ifndef VMSTORED_PROTO_H
#define VMSTORED_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <public/io/xs_wire.h>

struct conn;
struct txn;
struct vms;

/* One request being handled. */
struct req
{
    struct vms *v;
    struct conn *c;
    const struct xsd_sockmsg *hdr;
    const char *body;               /* hdr->len bytes, then a NUL */
    unsigned int len;
    struct txn *txn;                /* the one tx_id names, or NULL */
};

/* Handle one complete message from c. */
void proto_handle(struct conn *c, const struct xsd_sockmsg *hdr,
                  const char *body);

/* The name xenstored sends for an errno value ("EINVAL" if unknown). */
const char *proto_error_name(int err);

/*
 * The number of NUL-terminated strings in the payload; the first 'max'
 * are stored in vec.  Bytes after the last NUL are not counted.
 */
unsigned int req_strings(const struct req *r, const char **vec,
                         unsigned int max);
/* The payload as one string: exactly one NUL, at its end; else NULL. */
const char *req_onearg(const struct req *r);

/* Reply with this payload (E2BIG if it is over the protocol's limit). */
void req_reply(struct req *r, const void *body, size_t len);
/* Reply "OK\0". */
void req_ack(struct req *r);

#endif /* VMSTORED_PROTO_H */
