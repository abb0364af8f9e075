/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmstored: a xenstore server.  This header holds the daemon's state (the
 * store, the connections, the domains) and the entry points the
 * transports and the tests drive.  Everything runs in one thread: a
 * request is handled to the end, its replies and the watch events it
 * causes queued, before the next one is read.
 */
#ifndef VMSTORED_H
#define VMSTORED_H

#include <stdbool.h>
#include <stdint.h>

#include "perms.h"
#include "store.h"

struct conn;
struct domain;
struct xenif;

/* Limits for unprivileged domains (0 disables one); Xen's defaults. */
struct quota
{
    unsigned int nodes;             /* nodes a domain may own */
    unsigned int watches;           /* watches per domain */
    unsigned int transactions;      /* open transactions per domain */
    unsigned int node_size;         /* bytes of one node's record */
    unsigned int perms;             /* permission entries per node */
    unsigned int path_len;          /* path length past the domain home */
    unsigned int outstanding;       /* replies a domain leaves unread */
};

#define QUOTA_NODES         1000
#define QUOTA_WATCHES       128
#define QUOTA_TRANSACTIONS  10
#define QUOTA_NODE_SIZE     2048
#define QUOTA_PERMS         5
#define QUOTA_OUTSTANDING   20

struct vms
{
    struct tree store;
    uint64_t gen;                   /* last generation handed out */
    struct conn *conns;
    struct domain *domains;
    /* Who may watch @introduceDomain and @releaseDomain. */
    struct perms introduce_perms, release_perms;
    struct quota quota;
    struct xenif *xenif;            /* NULL: local sockets only */
    int dom_exc_port;               /* VIRQ_DOM_EXC's local port or -1 */
    /* Counts messages handled and sent: loops run until it stops. */
    unsigned int work;
    unsigned long conn_serial;
};

/*
 * Set up an empty store with the well-known nodes ("/", "/tool",
 * "/local/domain/0" with dom0's name and id).  xenif may be NULL.
 * Returns 0 or an errno value.
 */
int vms_init(struct vms *v, struct xenif *xenif);
/* Close every connection and release every domain and node. */
void vms_fini(struct vms *v);

/*
 * Serve the event channels that fired: domains' rings, and domain
 * deaths.  Returns 0 or -1 if the event device failed.
 */
int vms_xen_events(struct vms *v);

/* Send every connection what it has queued; close broken sockets. */
void vms_flush(struct vms *v);

#endif /* VMSTORED_H */
