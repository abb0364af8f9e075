/* SPDX-License-Identifier: GPL-2.0-only */
/* Grants, with the names of Xen's libxengnttab: mapping pages other
 * domains granted us (xengnttab_*), and granting ours (xengntshr_*). */
#ifndef LIBCTL_XENGNTTAB_H
#define LIBCTL_XENGNTTAB_H

#include <stdint.h>

#include "xenctrl.h"

typedef struct xengntdev_handle xengnttab_handle;
typedef struct xengntdev_handle xengntshr_handle;

/* logger must be NULL; open_flags must be 0. */
xengnttab_handle *xengnttab_open(xentoollog_logger *logger,
                                 unsigned int open_flags);
int xengnttab_close(xengnttab_handle *xgt);
void *xengnttab_map_grant_ref(xengnttab_handle *xgt, uint32_t domid,
                              uint32_t ref, int prot);
/* count grants, each from domids[i] (or domids[0] for all if single). */
void *xengnttab_map_grant_refs(xengnttab_handle *xgt, uint32_t count,
                               uint32_t *domids, uint32_t *refs, int prot);
void *xengnttab_map_domain_grant_refs(xengnttab_handle *xgt, uint32_t count,
                                      uint32_t domid, uint32_t *refs,
                                      int prot);
int xengnttab_unmap(xengnttab_handle *xgt, void *start_address,
                    uint32_t count);

xengntshr_handle *xengntshr_open(xentoollog_logger *logger,
                                 unsigned int open_flags);
int xengntshr_close(xengntshr_handle *xgs);
/* count zeroed pages granted to domid; their references in refs. */
void *xengntshr_share_pages(xengntshr_handle *xgs, uint32_t domid,
                            int count, uint32_t *refs, int writable);
int xengntshr_unshare(xengntshr_handle *xgs, void *start_address,
                      uint32_t count);

#endif /* LIBCTL_XENGNTTAB_H */
