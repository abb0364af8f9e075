/* SPDX-License-Identifier: GPL-2.0-only */
/* Mapping other domains' memory into this process, with the names of
 * Xen's libxenforeignmemory. */
#ifndef LIBCTL_XENFOREIGNMEMORY_H
#define LIBCTL_XENFOREIGNMEMORY_H

#include <stddef.h>
#include <stdint.h>

#include "xenctrl.h"

typedef struct xenforeignmemory_handle xenforeignmemory_handle;
typedef struct xenforeignmemory_resource_handle
    xenforeignmemory_resource_handle;

/* logger must be NULL; open_flags must be 0. */
xenforeignmemory_handle *xenforeignmemory_open(xentoollog_logger *logger,
                                               unsigned int open_flags);
int xenforeignmemory_close(xenforeignmemory_handle *fmem);

/*
 * Map pages frames of dom (machine frames for a PV domain).  With err,
 * each frame's result lands in err[i] (0 or -errno) and the call fails
 * only if nothing could be mapped; without it, any failure fails all.
 */
void *xenforeignmemory_map(xenforeignmemory_handle *fmem, uint32_t dom,
                           int prot, size_t pages, const xen_pfn_t arr[],
                           int err[]);
int xenforeignmemory_unmap(xenforeignmemory_handle *fmem, void *addr,
                           size_t pages);

/* Frames of a hypervisor resource (XENMEM_resource_*) of domid. */
xenforeignmemory_resource_handle *xenforeignmemory_map_resource(
    xenforeignmemory_handle *fmem, uint32_t domid, unsigned int type,
    unsigned int id, unsigned long frame, unsigned long nr_frames,
    void **paddr, int prot, int flags);
int xenforeignmemory_unmap_resource(xenforeignmemory_handle *fmem,
                                    xenforeignmemory_resource_handle *fres);

#endif /* LIBCTL_XENFOREIGNMEMORY_H */
