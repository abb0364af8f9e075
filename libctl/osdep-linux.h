/* SPDX-License-Identifier: GPL-2.0-only */
/* The Linux backend's event-channel and grant device halves, which
 * osdep-linux.c gathers into libctl_backend_linux. */
#ifndef LIBCTL_OSDEP_LINUX_H
#define LIBCTL_OSDEP_LINUX_H

#include <stddef.h>
#include <stdint.h>

int lx_evtchn_open(void **privp);
void lx_evtchn_close(void *priv);
int lx_evtchn_fd(void *priv);
int lx_evtchn_bind_unbound(void *priv, uint32_t domid);
int lx_evtchn_bind_interdomain(void *priv, uint32_t domid,
                               uint32_t remote_port);
int lx_evtchn_bind_virq(void *priv, unsigned int virq);
int lx_evtchn_unbind(void *priv, uint32_t port);
int lx_evtchn_notify(void *priv, uint32_t port);
int lx_evtchn_pending(void *priv);
int lx_evtchn_unmask(void *priv, uint32_t port);

int lx_gnttab_open(void **privp);
void lx_gnttab_close(void *priv);
void *lx_gnttab_map(void *priv, uint32_t count, const uint32_t *domids,
                    const uint32_t *refs, int prot, int *errp);
int lx_gnttab_unmap(void *priv, void *addr, uint32_t count);

int lx_gntshr_open(void **privp);
void lx_gntshr_close(void *priv);
void *lx_gntshr_share(void *priv, uint32_t domid, uint32_t count,
                      uint32_t *refs, int writable, int *errp);
int lx_gntshr_unshare(void *priv, void *addr, uint32_t count);

#endif /* LIBCTL_OSDEP_LINUX_H */
