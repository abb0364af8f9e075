/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What vmconsoled needs from the hypervisor, behind a function table:
 * which domains live, mapping a console page, and event channels.
 * hv-libctl.c implements it over libctl in a Linux dom0; hv-fake.c over
 * plain memory for tests.  Calls returning int give -errno on failure.
 */
#ifndef CONSOLED_HV_H
#define CONSOLED_HV_H

#include <stdbool.h>
#include <stdint.h>

struct consd_hv;

struct consd_dominfo
{
    unsigned int domid;
    bool dying;                 /* being destroyed: nothing left to serve */
};

struct consd_hv_ops
{
    /* Domains with id >= first, in ascending order: how many (<= max). */
    int (*list)(struct consd_hv *hv, unsigned int first,
                struct consd_dominfo *info, unsigned int max);
    /* One page of domid, read-write; NULL with errno. */
    void *(*map)(struct consd_hv *hv, unsigned int domid, uint64_t frame);
    void (*unmap)(struct consd_hv *hv, void *page);
    /* Bind domid's port: our local port. */
    int (*bind)(struct consd_hv *hv, unsigned int domid, unsigned int port);
    void (*unbind)(struct consd_hv *hv, int local_port);
    int (*notify)(struct consd_hv *hv, int local_port);
    /* Polls readable when a port fired. */
    int (*fd)(struct consd_hv *hv);
    /* A local port that fired, unmasked again; -EAGAIN when none is left. */
    int (*pending)(struct consd_hv *hv);
    void (*close)(struct consd_hv *hv);
};

struct consd_hv
{
    const struct consd_hv_ops *ops;
    void *priv;
};

/* Over libctl (/dev/xen/privcmd, /dev/xen/evtchn); NULL with errno. */
struct consd_hv *consd_hv_libctl_open(void);

#endif /* CONSOLED_HV_H */
