/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels: the per-domain and per-VCPU state, the operations behind
 * event_channel_op, and the calls the rest of the hypervisor makes to raise
 * VIRQs.  Implemented in common/event_channel.c and common/event_2l.c.
 */
#ifndef HV_EVENT_H
#define HV_EVENT_H

#include <hv/types.h>
#include <hv/spinlock.h>
#include <hv/guest-access.h>
#include <public/xen.h>
#include <public/event_channel.h>

struct domain;
struct vcpu;
struct evtchn;
struct evtchn_port_ops;

/*
 * Ports live in pages of EVTCHN_PORTS_PER_PAGE, allocated as the domain
 * uses more ports; the 2-level ABI of a 64-bit guest stops at 4096.
 */
#define EVTCHN_PORTS_PER_PAGE   128
#define EVTCHN_MAX_PAGES        (EVTCHN_2L_NR_CHANNELS / EVTCHN_PORTS_PER_PAGE)

/* Embedded in struct domain. */
struct evtchn_domain
{
    spinlock_t lock;                /* see event_channel.c */
    const struct evtchn_port_ops *ops;
    unsigned int max_port;          /* highest port the toolstack allows */
    unsigned int valid_ports;       /* ports [0, valid_ports) exist */
    bool closed;                    /* evtchn_destroy() started */
    struct evtchn *page[EVTCHN_MAX_PAGES];
};

/* SCHEDOP_poll's wait, in struct evtchn_vcpu.poll_port. */
#define EVTCHN_POLL_NONE    0       /* not polling (port 0 is never used) */
#define EVTCHN_POLL_ANY     (-1)    /* woken by any port */

/* Embedded in struct vcpu. */
struct evtchn_vcpu
{
    /* Port bound to each VIRQ, 0 if none; global VIRQs use VCPU 0's. */
    evtchn_port_t virq_to_evtchn[NR_VIRQS];
    int poll_port;                  /* EVTCHN_POLL_* or one port */
};

/*
 * Set up a domain's event channels once its VCPUs exist: 2-level ABI,
 * ports up to max_port (UINT_MAX: as many as the ABI has), port 0 reserved.
 * Returns 0 or -ENOMEM.
 */
int evtchn_init(struct domain *d, unsigned int max_port);

/*
 * Close every port of a dying domain (peers' interdomain ports become
 * unbound) and free the port pages.  Nothing can be bound afterwards.
 */
void evtchn_destroy(struct domain *d);

/* The event_channel_op hypercall (32). */
#ifndef EVTCHNOP_reset_cont
/* Xen's continuation of EVTCHNOP_reset; its public header hides it. */
#define EVTCHNOP_reset_cont 14
#endif
long do_event_channel_op(int cmd, guest_va_t arg);

/*
 * The operations, with Xen's semantics and error codes; 'caller' or the
 * local domain is the one issuing the call (DOMID_SELF means it).
 */
int evtchn_alloc_unbound(struct domain *caller,
                         struct evtchn_alloc_unbound *alloc);
int evtchn_bind_interdomain(struct domain *ld,
                            struct evtchn_bind_interdomain *bind);
int evtchn_bind_virq(struct domain *d, struct evtchn_bind_virq *bind);
int evtchn_bind_ipi(struct domain *d, struct evtchn_bind_ipi *bind);
int evtchn_close(struct domain *d, evtchn_port_t port);
int evtchn_send(struct domain *d, evtchn_port_t port);
int evtchn_status(struct domain *caller, struct evtchn_status *status);
int evtchn_bind_vcpu(struct domain *d, evtchn_port_t port,
                     unsigned int vcpu_id);
int evtchn_unmask(struct domain *d, evtchn_port_t port);
/* EVTCHNOP_reset of d; 'resuming' for EVTCHNOP_reset_cont. */
int evtchn_reset(struct domain *caller, struct domain *d, bool resuming);

/* VIRQs delivered to one VCPU (TIMER, DEBUG, ...) vs to a domain. */
bool virq_is_global(unsigned int virq);
/* Raise a per-VCPU VIRQ on v, if v bound it. */
void send_guest_vcpu_virq(struct vcpu *v, unsigned int virq);
/* Raise a global VIRQ in d, if d bound it. */
void send_guest_global_virq(struct domain *d, unsigned int virq);
/* Raise a global VIRQ in the hardware domain (VIRQ_DOM_EXC, ...). */
void send_global_virq(unsigned int virq);

/*
 * SCHEDOP_poll.  The scheduler calls evtchn_poll_begin() (port or
 * EVTCHN_POLL_ANY) before it checks the ports with evtchn_port_poll(), so
 * that an event arriving in between is not missed; the event clears the
 * poll and kicks the VCPU.  evtchn_poll_end() stops the poll and returns
 * true if no event ended it.  evtchn_port_poll(): 1 pending, 0 not,
 * -EINVAL for a port not in use.
 */
void evtchn_poll_begin(struct vcpu *v, int port);
bool evtchn_poll_end(struct vcpu *v);
int evtchn_port_poll(struct domain *d, evtchn_port_t port);

/*
 * From elsewhere.  vcpu_kick() makes v notice a newly pending upcall: wake
 * it if blocked, interrupt its CPU if it runs elsewhere.  It is called with
 * event channel locks held and interrupts off, so it must not take them.
 */
void vcpu_kick(struct vcpu *v);
/* Paused by the toolstack (XEN_DOMCTL_pausedomain), for EVTCHNOP_reset. */
bool domain_controller_paused(const struct domain *d);

#endif /* HV_EVENT_H */
