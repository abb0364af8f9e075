/* SPDX-License-Identifier: GPL-2.0-only */
/* Event channels of this domain, with the names of Xen's libxenevtchn:
 * bind ports, wait for them through a pollable descriptor, signal. */
#ifndef LIBCTL_XENEVTCHN_H
#define LIBCTL_XENEVTCHN_H

#include <stdint.h>

#include "xenctrl.h"

typedef struct xenevtchn_handle xenevtchn_handle;
/* A port (>= 0) or -1 with errno. */
typedef int xenevtchn_port_or_error_t;

/* logger must be NULL; open_flags must be 0. */
xenevtchn_handle *xenevtchn_open(xentoollog_logger *logger,
                                 unsigned int open_flags);
int xenevtchn_close(xenevtchn_handle *xce);
/* Readable when xenevtchn_pending() has a port to give. */
int xenevtchn_fd(xenevtchn_handle *xce);
int xenevtchn_notify(xenevtchn_handle *xce, evtchn_port_t port);
xenevtchn_port_or_error_t xenevtchn_bind_unbound_port(xenevtchn_handle *xce,
                                                      uint32_t domid);
xenevtchn_port_or_error_t xenevtchn_bind_interdomain(
    xenevtchn_handle *xce, uint32_t domid, evtchn_port_t remote_port);
xenevtchn_port_or_error_t xenevtchn_bind_virq(xenevtchn_handle *xce,
                                              unsigned int virq);
int xenevtchn_unbind(xenevtchn_handle *xce, evtchn_port_t port);
/* The next port that fired (it stays masked until unmasked), or -1. */
xenevtchn_port_or_error_t xenevtchn_pending(xenevtchn_handle *xce);
int xenevtchn_unmask(xenevtchn_handle *xce, evtchn_port_t port);

#endif /* LIBCTL_XENEVTCHN_H */
