/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercalls and foreign memory in a Linux dom0: /dev/xen/privcmd for
 * both, and /dev/xen/hypercall for hypercall buffers (pages the kernel
 * keeps in place); older kernels get locked anonymous memory instead.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "backend.h"
#include "linux-privcmd.h"
#include "osdep-linux.h"

#define PAGE 4096UL

struct lx_priv
{
    int privcmd;
    int hcall;                  /* /dev/xen/hypercall or -1 */
};

static int open_first(const char *a, const char *b)
{
    int fd = open(a, O_RDWR | O_CLOEXEC);

    if ( fd < 0 && b && errno == ENOENT )
        fd = open(b, O_RDWR | O_CLOEXEC);
    return fd < 0 ? -errno : fd;
}

static int lx_priv_open(void **privp)
{
    struct lx_priv *p = calloc(1, sizeof(*p));
    int rc;

    if ( !p )
        return -ENOMEM;
    rc = open_first("/dev/xen/privcmd", "/proc/xen/privcmd");
    if ( rc < 0 )
    {
        free(p);
        return rc;
    }
    p->privcmd = rc;
    p->hcall = open("/dev/xen/hypercall", O_RDWR | O_CLOEXEC);
    *privp = p;
    return 0;
}

static void lx_priv_close(void *priv)
{
    struct lx_priv *p = priv;

    close(p->privcmd);
    if ( p->hcall >= 0 )
        close(p->hcall);
    free(p);
}

static long lx_hypercall(void *priv, unsigned int op, const uint64_t arg[5])
{
    struct lx_priv *p = priv;
    struct privcmd_hypercall call = { .op = op };
    long rc;

    memcpy(call.arg, arg, sizeof(call.arg));
    rc = ioctl(p->privcmd, IOCTL_PRIVCMD_HYPERCALL, &call);
    return rc < 0 ? -errno : rc;
}

static void *lx_hbuf_alloc(void *priv, size_t npages)
{
    struct lx_priv *p = priv;
    size_t len = npages * PAGE;
    void *b;

    if ( p->hcall >= 0 )
    {
        b = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, p->hcall, 0);
        return b == MAP_FAILED ? NULL : b;
    }

    /* Locked, and not copied-on-write into a child the kernel may pick. */
    b = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
             -1, 0);
    if ( b == MAP_FAILED )
        return NULL;
    if ( madvise(b, len, MADV_DONTFORK) || mlock(b, len) )
    {
        munmap(b, len);
        return NULL;
    }
    return b;
}

static void lx_hbuf_free(void *priv, void *b, size_t npages)
{
    struct lx_priv *p = priv;

    if ( p->hcall < 0 )
        munlock(b, npages * PAGE);
    munmap(b, npages * PAGE);
}

/*
 * The kernel fills err[] per frame; the ioctl itself fails with ENOENT
 * when some frames were merely paged out, and with anything else when
 * nothing could be done.
 */
static void *lx_map_foreign(void *priv, uint32_t domid, int prot,
                            const uint64_t *arr, int *err, size_t n)
{
    struct lx_priv *p = priv;
    struct privcmd_mmapbatch_v2 batch;
    void *addr;
    size_t i;
    int rc;

    addr = mmap(NULL, n * PAGE, prot, MAP_SHARED, p->privcmd, 0);
    if ( addr == MAP_FAILED )
    {
        err[0] = -errno;
        return NULL;
    }
    memset(err, 0, n * sizeof(*err));
    batch.num = (unsigned int)n;
    batch.dom = (uint16_t)domid;
    batch.addr = (uintptr_t)addr;
    batch.arr = arr;
    batch.err = err;
    rc = ioctl(p->privcmd, IOCTL_PRIVCMD_MMAPBATCH_V2, &batch);
    if ( rc < 0 && errno != ENOENT )
    {
        rc = -errno;
        munmap(addr, n * PAGE);
        for ( i = 0; i < n; i++ )
            err[i] = rc;
        return NULL;
    }
    return addr;
}

static int lx_unmap_foreign(void *priv, void *addr, size_t n)
{
    (void)priv;
    return munmap(addr, n * PAGE) ? -errno : 0;
}

static int lx_map_resource(void *priv, uint32_t domid, unsigned int type,
                           unsigned int id, unsigned long idx,
                           unsigned long n, int prot, void **addrp)
{
    struct lx_priv *p = priv;
    struct privcmd_mmap_resource r;
    void *addr;
    int rc;

    addr = mmap(NULL, n * PAGE, prot, MAP_SHARED, p->privcmd, 0);
    if ( addr == MAP_FAILED )
        return -errno;
    memset(&r, 0, sizeof(r));
    r.dom = (uint16_t)domid;
    r.type = type;
    r.id = id;
    r.idx = (uint32_t)idx;
    r.num = n;
    r.addr = (uintptr_t)addr;
    if ( ioctl(p->privcmd, IOCTL_PRIVCMD_MMAP_RESOURCE, &r) )
    {
        rc = errno == ENOTTY ? -EOPNOTSUPP : -errno;
        munmap(addr, n * PAGE);
        return rc;
    }
    *addrp = addr;
    return 0;
}

const struct libctl_backend libctl_backend_linux = {
    .name = "linux",
    .priv_open = lx_priv_open,
    .priv_close = lx_priv_close,
    .hypercall = lx_hypercall,
    .hbuf_alloc = lx_hbuf_alloc,
    .hbuf_free = lx_hbuf_free,
    .map_foreign = lx_map_foreign,
    .unmap_foreign = lx_unmap_foreign,
    .map_resource = lx_map_resource,
    .evtchn_open = lx_evtchn_open,
    .evtchn_close = lx_evtchn_close,
    .evtchn_fd = lx_evtchn_fd,
    .evtchn_bind_unbound = lx_evtchn_bind_unbound,
    .evtchn_bind_interdomain = lx_evtchn_bind_interdomain,
    .evtchn_bind_virq = lx_evtchn_bind_virq,
    .evtchn_unbind = lx_evtchn_unbind,
    .evtchn_notify = lx_evtchn_notify,
    .evtchn_pending = lx_evtchn_pending,
    .evtchn_unmask = lx_evtchn_unmask,
    .gnttab_open = lx_gnttab_open,
    .gnttab_close = lx_gnttab_close,
    .gnttab_map = lx_gnttab_map,
    .gnttab_unmap = lx_gnttab_unmap,
    .gntshr_open = lx_gntshr_open,
    .gntshr_close = lx_gntshr_close,
    .gntshr_share = lx_gntshr_share,
    .gntshr_unshare = lx_gntshr_unshare,
};
