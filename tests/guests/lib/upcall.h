/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channel upcalls for test guests: an event callback that consumes
 * the pending ports (2-level ABI) in the order a guest kernel scans them,
 * and the event_channel_op calls the tests make.
 */
#ifndef HVTEST_UPCALL_H
#define HVTEST_UPCALL_H

#include <stdint.h>
#include "traps.h"

#define UPCALL_LOG 32

/* What the event callback saw, one entry per port, oldest first. */
struct upcall_log {
    unsigned int upcalls;           /* callback invocations */
    unsigned int nr;                /* ports logged */
    evtchn_port_t port[UPCALL_LOG];
    struct trap_frame frame;        /* of the last upcall */
    uint8_t mask_at_entry;
};
extern struct upcall_log upcall_log;

/* Install the consuming event callback (after traps_init()). */
void upcall_init(void);
void upcall_log_reset(void);
/* Called for each port the callback consumes, if set. */
extern void (*upcall_port_hook)(evtchn_port_t port);

long evtchn_bind_ipi_port(void);
long evtchn_bind_virq_port(unsigned int virq);
long evtchn_send_port(evtchn_port_t port);
long evtchn_unmask_port(evtchn_port_t port);
long evtchn_close_port(evtchn_port_t port);
/* Set or clear a port's mask bit in shared_info directly. */
void evtchn_mask_port(evtchn_port_t port, bool masked);

#endif /* HVTEST_UPCALL_H */
