/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The seam between libctl and the machine: hypercalls, hypercall-safe
 * memory, foreign mappings, and the event-channel and grant devices.
 * osdep-linux*.c implements it over Linux's /dev/xen devices in a dom0;
 * the fake (libctl/fake/) over an in-process model for tests.  Every
 * call returns a negative errno value on failure, never -1 with errno.
 */
#ifndef LIBCTL_BACKEND_H
#define LIBCTL_BACKEND_H

#include <stddef.h>
#include <stdint.h>

struct libctl_backend
{
    const char *name;

    /* Hypercalls and foreign memory (privcmd). */
    int (*priv_open)(void **privp);
    void (*priv_close)(void *priv);
    /* The hypercall's result (>= 0) or -errno. */
    long (*hypercall)(void *priv, unsigned int op, const uint64_t arg[5]);
    /* Pages the hypervisor may read and write during a hypercall. */
    void *(*hbuf_alloc)(void *priv, size_t npages);
    void (*hbuf_free)(void *priv, void *p, size_t npages);
    /*
     * Map frames arr[0..n) of domid at consecutive pages.  err[i] gets
     * 0 or -errno per frame; the call fails only if no mapping could be
     * made at all.  Release with unmap (never plain munmap in the fake).
     */
    void *(*map_foreign)(void *priv, uint32_t domid, int prot,
                         const uint64_t *arr, int *err, size_t n);
    int (*unmap_foreign)(void *priv, void *addr, size_t n);
    /* Frames of a hypervisor resource (XENMEM_resource_*); -EOPNOTSUPP
     * when the kernel or the hypervisor has no such interface. */
    int (*map_resource)(void *priv, uint32_t domid, unsigned int type,
                        unsigned int id, unsigned long idx,
                        unsigned long n, int prot, void **addrp);

    /* Event channels (/dev/xen/evtchn): ports are local ports. */
    int (*evtchn_open)(void **privp);
    void (*evtchn_close)(void *priv);
    int (*evtchn_fd)(void *priv);
    int (*evtchn_bind_unbound)(void *priv, uint32_t domid);
    int (*evtchn_bind_interdomain)(void *priv, uint32_t domid,
                                   uint32_t remote_port);
    int (*evtchn_bind_virq)(void *priv, unsigned int virq);
    int (*evtchn_unbind)(void *priv, uint32_t port);
    int (*evtchn_notify)(void *priv, uint32_t port);
    /* A port that fired (masked until unmask), or -EAGAIN. */
    int (*evtchn_pending)(void *priv);
    int (*evtchn_unmask)(void *priv, uint32_t port);

    /* Mapping other domains' grants (/dev/xen/gntdev). */
    int (*gnttab_open)(void **privp);
    void (*gnttab_close)(void *priv);
    void *(*gnttab_map)(void *priv, uint32_t count, const uint32_t *domids,
                        const uint32_t *refs, int prot, int *errp);
    int (*gnttab_unmap)(void *priv, void *addr, uint32_t count);

    /* Granting our own pages (/dev/xen/gntalloc). */
    int (*gntshr_open)(void **privp);
    void (*gntshr_close)(void *priv);
    void *(*gntshr_share)(void *priv, uint32_t domid, uint32_t count,
                          uint32_t *refs, int writable, int *errp);
    int (*gntshr_unshare)(void *priv, void *addr, uint32_t count);
};

extern const struct libctl_backend libctl_backend_linux;

#endif /* LIBCTL_BACKEND_H */
