/* SPDX-License-Identifier: GPL-2.0-only */
/* Foreign mappings: other domains' frames mapped into this process, for
 * the domain builder, the console and xenstore daemons. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "private.h"
#include "xenforeignmemory.h"

struct xenforeignmemory_handle
{
    const struct libctl_backend *be;
    void *priv;
};

struct xenforeignmemory_resource_handle
{
    void *addr;
    unsigned long nr_frames;
};

/* Map through the backend; with err NULL any failing frame fails all. */
static void *map_frames(const struct libctl_backend *be, void *priv,
                        uint32_t dom, int prot, const xen_pfn_t *arr,
                        int *err, size_t n, int *rcp)
{
    int *errs = err;
    void *addr = NULL;
    size_t i;

    *rcp = 0;
    if ( !n )
    {
        *rcp = -EINVAL;
        goto out;
    }
    if ( !errs )
    {
        errs = calloc(n, sizeof(*errs));
        if ( !errs )
        {
            *rcp = -ENOMEM;
            goto out;
        }
    }
    addr = be->map_foreign(priv, dom, prot, (const uint64_t *)arr, errs, n);
    if ( !addr )
    {
        *rcp = errs[0] ? errs[0] : -EFAULT;
        goto out;
    }
    if ( !err )
        for ( i = 0; i < n; i++ )
            if ( errs[i] )
            {
                *rcp = errs[i];
                be->unmap_foreign(priv, addr, n);
                addr = NULL;
                break;
            }
 out:
    if ( errs != err )
        free(errs);
    return addr;
}

_Static_assert(sizeof(xen_pfn_t) == sizeof(uint64_t),
               "frame lists pass straight to the backend");

void *xc_map_foreign_bulk(xc_interface *xch, uint32_t dom, int prot,
                          const xen_pfn_t *arr, int *err, unsigned int num)
{
    void *addr;
    int rc;

    if ( !xch->priv )
    {
        xc_fail(xch, -ENODEV, "map %u frames of domain %u", num, dom);
        return NULL;
    }
    addr = map_frames(xch->be, xch->priv, dom, prot, arr, err, num, &rc);
    if ( !addr )
        xc_fail(xch, rc, "map %u frames of domain %u from %#lx", num, dom,
                num ? (unsigned long)arr[0] : 0UL);
    return addr;
}

void *xc_map_foreign_pages(xc_interface *xch, uint32_t dom, int prot,
                           const xen_pfn_t *arr, int num)
{
    if ( num <= 0 )
    {
        xc_fail(xch, -EINVAL, "map %d frames of domain %u", num, dom);
        return NULL;
    }
    return xc_map_foreign_bulk(xch, dom, prot, arr, NULL,
                               (unsigned int)num);
}

void *xc_map_foreign_range(xc_interface *xch, uint32_t dom, int size,
                           int prot, unsigned long mfn)
{
    unsigned int i, n = ((unsigned int)size + XC_PAGE_SIZE - 1) >>
                        XC_PAGE_SHIFT;
    xen_pfn_t *arr;
    void *addr;

    if ( size <= 0 )
    {
        xc_fail(xch, -EINVAL, "map %d bytes of domain %u", size, dom);
        return NULL;
    }
    arr = malloc(n * sizeof(*arr));
    if ( !arr )
    {
        xc_fail(xch, -ENOMEM, "map %d bytes of domain %u", size, dom);
        return NULL;
    }
    for ( i = 0; i < n; i++ )
        arr[i] = mfn + i;
    addr = xc_map_foreign_bulk(xch, dom, prot, arr, NULL, n);
    free(arr);
    return addr;
}

int xc_clear_domain_pages(xc_interface *xch, uint32_t domid,
                          unsigned long dst_pfn, int num)
{
    void *p;

    p = xc_map_foreign_range(xch, domid, num * (int)XC_PAGE_SIZE,
                             PROT_READ | PROT_WRITE, dst_pfn);
    if ( !p )
        return -1;
    memset(p, 0, (size_t)num * XC_PAGE_SIZE);
    xch->be->unmap_foreign(xch->priv, p, (size_t)num);
    return 0;
}

xenforeignmemory_handle *xenforeignmemory_open(xentoollog_logger *logger,
                                               unsigned int open_flags)
{
    xenforeignmemory_handle *fmem = NULL;
    int rc;

    if ( logger || open_flags )
    {
        errno = EINVAL;
        goto out;
    }
    fmem = calloc(1, sizeof(*fmem));
    if ( !fmem )
        goto out;
    fmem->be = libctl_backend();
    rc = fmem->be->priv_open(&fmem->priv);
    if ( rc < 0 )
    {
        free(fmem);
        fmem = NULL;
        errno = -rc;
    }
 out:
    return fmem;
}

int xenforeignmemory_close(xenforeignmemory_handle *fmem)
{
    if ( !fmem )
        return 0;
    fmem->be->priv_close(fmem->priv);
    free(fmem);
    return 0;
}

void *xenforeignmemory_map(xenforeignmemory_handle *fmem, uint32_t dom,
                           int prot, size_t pages, const xen_pfn_t arr[],
                           int err[])
{
    void *addr;
    int rc;

    addr = map_frames(fmem->be, fmem->priv, dom, prot, arr, err, pages, &rc);
    if ( !addr )
        errno = -rc;
    return addr;
}

int xenforeignmemory_unmap(xenforeignmemory_handle *fmem, void *addr,
                           size_t pages)
{
    int rc = fmem->be->unmap_foreign(fmem->priv, addr, pages);

    if ( rc < 0 )
    {
        errno = -rc;
        return -1;
    }
    return 0;
}

xenforeignmemory_resource_handle *xenforeignmemory_map_resource(
    xenforeignmemory_handle *fmem, uint32_t domid, unsigned int type,
    unsigned int id, unsigned long frame, unsigned long nr_frames,
    void **paddr, int prot, int flags)
{
    xenforeignmemory_resource_handle *fres = NULL;
    int rc;

    if ( flags )
    {
        rc = -EINVAL;
        goto out;
    }
    fres = calloc(1, sizeof(*fres));
    if ( !fres )
    {
        rc = -ENOMEM;
        goto out;
    }
    rc = fmem->be->map_resource(fmem->priv, domid, type, id, frame,
                                nr_frames, prot, &fres->addr);
    if ( rc )
        goto out;
    fres->nr_frames = nr_frames;
    *paddr = fres->addr;
 out:
    if ( rc )
    {
        free(fres);
        fres = NULL;
        errno = -rc;
    }
    return fres;
}

int xenforeignmemory_unmap_resource(xenforeignmemory_handle *fmem,
                                    xenforeignmemory_resource_handle *fres)
{
    int rc = 0;

    if ( !fres )
        return 0;
    rc = fmem->be->unmap_foreign(fmem->priv, fres->addr, fres->nr_frames);
    free(fres);
    if ( rc < 0 )
    {
        errno = -rc;
        return -1;
    }
    return 0;
}
