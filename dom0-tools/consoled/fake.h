/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fakes of vmconsoled's two transports, for tests: a hypervisor whose
 * guests' console pages are plain memory and whose event channels are a
 * queue behind a pipe, and a xenstore tree in memory with watches.
 */
#ifndef CONSOLED_FAKE_H
#define CONSOLED_FAKE_H

#include <stdbool.h>
#include <stdint.h>

#include "hv.h"
#include "ring.h"
#include "store.h"

struct consd_hv *consd_fake_hv_new(void);
/* A live domain; its console page (zeroed), which the test plays guest on. */
struct xencons_interface *consd_fake_hv_add(struct consd_hv *hv,
                                            unsigned int domid,
                                            uint64_t frame,
                                            unsigned int port);
/* Dying (still listed, flagged) or gone (no longer listed). */
void consd_fake_hv_kill(struct consd_hv *hv, unsigned int domid,
                        bool dying);
/* Another backend holds the domain's console port. */
void consd_fake_hv_steal(struct consd_hv *hv, unsigned int domid);
/* The guest signals its console port: queued if someone bound it. */
void consd_fake_hv_kick(struct consd_hv *hv, unsigned int domid);
/* Notifications the backend sent the guest. */
unsigned int consd_fake_hv_notified(struct consd_hv *hv, unsigned int domid);
bool consd_fake_hv_mapped(struct consd_hv *hv, unsigned int domid);
bool consd_fake_hv_bound(struct consd_hv *hv, unsigned int domid);

struct consd_store *consd_fake_store_new(void);
/* Change the tree as a toolstack would; watches fire. */
void consd_fake_store_set(struct consd_store *st, const char *path,
                          const char *value);
void consd_fake_store_rm(struct consd_store *st, const char *path);
/* Fire a special watch (@introduceDomain, @releaseDomain). */
void consd_fake_store_fire(struct consd_store *st, const char *path);
/* The node's value without copying it, or NULL. */
const char *consd_fake_store_peek(struct consd_store *st, const char *path);

#endif /* CONSOLED_FAKE_H */
