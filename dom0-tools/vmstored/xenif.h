/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What vmstored needs from the hypervisor, behind a function table: map a
 * domain's store page, bind and signal event channels, learn which fired,
 * and ask whether a domain still lives.  xenif-linux.c implements it over
 * Linux's /dev/xen devices in dom0; xenif-fake.c over plain memory for
 * tests.
 */
#ifndef VMSTORED_XENIF_H
#define VMSTORED_XENIF_H

#include <stdint.h>

struct xenif;

/* What domain_state() answers. */
#define XENIF_DOM_RUNNING  0
#define XENIF_DOM_SHUTDOWN 1        /* shut down or crashed, not dying */
#define XENIF_DOM_DYING    2
#define XENIF_DOM_GONE     3

struct xenif_ops
{
    /* Map domid's store page (gfn from XS_INTRODUCE); NULL, errno set. */
    void *(*map_ring)(struct xenif *xi, unsigned int domid, uint64_t gfn);
    void (*unmap_ring)(struct xenif *xi, unsigned int domid, void *ring);
    /* Bind to domid's unbound port: the local port, or -errno. */
    int (*bind)(struct xenif *xi, unsigned int domid, unsigned int port);
    void (*unbind)(struct xenif *xi, int local_port);
    int (*notify)(struct xenif *xi, int local_port);
    /* Polls readable when a port fired. */
    int (*fd)(struct xenif *xi);
    /* A port that fired (unmasked again), or -EAGAIN if none is left. */
    int (*pending)(struct xenif *xi);
    /* Bind VIRQ_DOM_EXC: the local port, or -errno. */
    int (*bind_dom_exc)(struct xenif *xi);
    /* XENIF_DOM_*, or -errno if the hypervisor cannot tell. */
    int (*domain_state)(struct xenif *xi, unsigned int domid);
    /* The port of dom0's own store ring (we run in dom0), or -errno. */
    int (*dom0_port)(struct xenif *xi);
    void (*close)(struct xenif *xi);
};

struct xenif
{
    const struct xenif_ops *ops;
    void *priv;
};

/* Linux dom0: open /dev/xen/evtchn and friends; NULL with a message. */
struct xenif *xenif_linux_open(void);

#endif /* VMSTORED_XENIF_H */
