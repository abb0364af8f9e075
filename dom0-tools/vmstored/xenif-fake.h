/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A hypervisor interface over plain memory, for tests: the test plays the
 * guests, owning their store pages and signalling their event channels.
 */
#ifndef VMSTORED_XENIF_FAKE_H
#define VMSTORED_XENIF_FAKE_H

#include "xenif.h"

struct xenif *fake_xenif_new(void);

/* domid exists, with this page as its store ring. */
void fake_add_domain(struct xenif *xi, unsigned int domid, void *page);
/* XENIF_DOM_* as domain_state() will answer. */
void fake_set_state(struct xenif *xi, unsigned int domid, int state);
/* The guest signals its store event channel. */
void fake_kick(struct xenif *xi, unsigned int domid);
/* The hypervisor raises VIRQ_DOM_EXC. */
void fake_dom_exc(struct xenif *xi);
/* Signals vmstored sent to domid so far. */
unsigned int fake_notified(struct xenif *xi, unsigned int domid);
/* Whether domid's ring is mapped and its channel bound right now. */
int fake_mapped(struct xenif *xi, unsigned int domid);
int fake_bound(struct xenif *xi, unsigned int domid);

#endif /* VMSTORED_XENIF_FAKE_H */
