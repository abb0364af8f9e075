/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Inside the event channel code: the port object and the port ops that
 * record events in guest memory (2-level today, FIFO could come later).
 */
#ifndef COMMON_EVENT_CHANNEL_H
#define COMMON_EVENT_CHANNEL_H

#include <hv/types.h>
#include <hv/event.h>
#include <hv/domain.h>

/* Port states (struct evtchn.state). */
#define ECS_FREE        0   /* available */
#define ECS_RESERVED    1   /* port 0: never bound */
#define ECS_UNBOUND     2   /* waiting for remote_dom to bind */
#define ECS_INTERDOMAIN 3   /* connected to remote_dom:remote_port */
#define ECS_VIRQ        4   /* raised by the hypervisor */
#define ECS_IPI         5   /* raised by the domain itself */

struct evtchn
{
    uint8_t state;              /* ECS_* */
    uint8_t virq;               /* ECS_VIRQ */
    uint16_t notify_vcpu_id;    /* VCPU told of events */
    evtchn_port_t port;
    domid_t remote_domid;       /* ECS_UNBOUND: who may bind */
    evtchn_port_t remote_port;  /* ECS_INTERDOMAIN */
    /*
     * ECS_INTERDOMAIN: the peer.  Domains never move, and a dying one
     * unbinds its peers before it goes, so this is never stale.
     */
    struct domain *remote_dom;
};

_Static_assert(sizeof(struct evtchn) * EVTCHN_PORTS_PER_PAGE <= PAGE_SIZE,
               "a page of ports must fit in a page");

/*
 * How events are recorded for the guest.  Called with the domain's event
 * lock held (for set_pending on an interdomain send: the sender's).
 */
struct evtchn_port_ops
{
    unsigned int max_ports;
    /* Returns true if the port was not pending before. */
    bool (*set_pending)(struct vcpu *v, struct evtchn *chn);
    void (*clear_pending)(struct domain *d, struct evtchn *chn);
    void (*unmask)(struct domain *d, struct evtchn *chn);
    bool (*is_pending)(const struct domain *d, const struct evtchn *chn);
};

extern const struct evtchn_port_ops evtchn_port_ops_2l;

/* Set evtchn_upcall_pending and kick v if it was clear. */
void evtchn_mark_vcpu_pending(struct vcpu *v);

/*
 * Bits in the guest's shared pages.  The guest changes the same words
 * concurrently from other CPUs, so every update is atomic; read-modify-
 * writes are full barriers, which orders the steps of a delivery.
 */
#define EVTCHN_WORD_BITS (sizeof(xen_ulong_t) * 8)

static inline xen_ulong_t evtchn_bit(unsigned int nr)
{
    return (xen_ulong_t)1 << (nr % EVTCHN_WORD_BITS);
}

static inline bool guest_test_bit(unsigned int nr, const xen_ulong_t *w)
{
    return __atomic_load_n(&w[nr / EVTCHN_WORD_BITS], __ATOMIC_RELAXED) &
           evtchn_bit(nr);
}

static inline bool guest_test_and_set_bit(unsigned int nr, xen_ulong_t *w)
{
    return __atomic_fetch_or(&w[nr / EVTCHN_WORD_BITS], evtchn_bit(nr),
                             __ATOMIC_SEQ_CST) & evtchn_bit(nr);
}

static inline bool guest_test_and_clear_bit(unsigned int nr, xen_ulong_t *w)
{
    return __atomic_fetch_and(&w[nr / EVTCHN_WORD_BITS], ~evtchn_bit(nr),
                              __ATOMIC_SEQ_CST) & evtchn_bit(nr);
}

#endif /* COMMON_EVENT_CHANNEL_H */
