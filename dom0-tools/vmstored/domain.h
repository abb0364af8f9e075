/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains the toolstack introduced: each has its store ring mapped, an
 * event channel bound, and a connection that serves the ring.  Releasing a
 * domain (RELEASE, or its death) closes all of that, removes the nodes it
 * owns and fires @releaseDomain.
 */
#ifndef VMSTORED_DOMAIN_H
#define VMSTORED_DOMAIN_H

#include <stdbool.h>
#include <stdint.h>

#include <public/io/xs_wire.h>

struct conn;
struct vms;

struct domain
{
    struct domain *next;
    unsigned int domid;
    bool shutdown;                  /* @releaseDomain fired for it */
    struct xenstore_domain_interface *ring;
    uint64_t gfn;
    unsigned int remote_port;
    int local_port;                 /* -1: not bound */
    struct conn *conn;
};

struct domain *domain_find(struct vms *v, unsigned int domid);
struct domain *domain_by_port(struct vms *v, int local_port);

/*
 * Map the ring, bind the event channel, start serving; for a known
 * domain, rebind the event channel.  fresh (XS_INTRODUCE): empty the ring
 * and forget the connection's watches and transactions, as a restarted
 * guest expects.  0 or an errno value.
 */
int domain_introduce(struct vms *v, unsigned int domid, uint64_t gfn,
                     unsigned int port, bool fresh);
/* Forget domid (fires @releaseDomain); ENOENT if it was not introduced. */
int domain_release(struct vms *v, unsigned int domid);
/* SET_TARGET: domid acts for tdomid.  0 or ENOENT. */
int domain_set_target(struct vms *v, unsigned int domid,
                      unsigned int tdomid);
/* Ask the hypervisor which introduced domains died or shut down. */
void domain_check_all(struct vms *v);
/* Serve the ring of the domain bound to local_port. */
void domain_event(struct vms *v, int local_port);
/* Read and answer requests and send replies until nothing moves. */
void domain_pump(struct vms *v, struct domain *d);

/* The transport over a domain's ring (ring.c). */
extern const struct conn_ops ring_ops;

#endif /* VMSTORED_DOMAIN_H */
