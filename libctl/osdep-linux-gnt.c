/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grants through Linux's devices: /dev/xen/gntdev maps other domains'
 * grants (an ioctl reserves an offset, mmap of that offset maps them),
 * /dev/xen/gntalloc grants our own pages the same way round.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <stdint.h>

#define __XEN_TOOLS__ 1
#include <public/xen.h>
#include <public/grant_table.h>

#include <linux/types.h>
#include <xen/gntalloc.h>
#include <xen/gntdev.h>         /* needs domid_t and grant_ref_t */

#include "osdep-linux.h"

#define PAGE 4096UL

/* gntalloc has no "offset of this address" query: remember them. */
struct share
{
    struct share *next;
    void *addr;
    uint64_t index;
    uint32_t count;
};

struct lx_gnt
{
    int fd;
    struct share *shares;
};

static int gnt_open(const char *path, void **privp)
{
    struct lx_gnt *g = calloc(1, sizeof(*g));

    if ( !g )
        return -ENOMEM;
    g->fd = open(path, O_RDWR | O_CLOEXEC);
    if ( g->fd < 0 )
    {
        int rc = -errno;

        free(g);
        return rc;
    }
    *privp = g;
    return 0;
}

int lx_gnttab_open(void **privp)
{
    return gnt_open("/dev/xen/gntdev", privp);
}

void lx_gnttab_close(void *priv)
{
    struct lx_gnt *g = priv;

    close(g->fd);
    free(g);
}

void *lx_gnttab_map(void *priv, uint32_t count, const uint32_t *domids,
                    const uint32_t *refs, int prot, int *errp)
{
    struct lx_gnt *g = priv;
    struct ioctl_gntdev_map_grant_ref *map = NULL;
    struct ioctl_gntdev_unmap_grant_ref unmap;
    void *addr = NULL;
    uint32_t i;

    map = calloc(1, sizeof(*map) + count * sizeof(map->refs[0]));
    if ( !map )
    {
        *errp = -ENOMEM;
        goto out;
    }
    map->count = count;
    for ( i = 0; i < count; i++ )
    {
        map->refs[i].domid = domids[i];
        map->refs[i].ref = refs[i];
    }
    if ( ioctl(g->fd, IOCTL_GNTDEV_MAP_GRANT_REF, map) )
    {
        *errp = -errno;
        goto out;
    }
    addr = mmap(NULL, count * PAGE, prot, MAP_SHARED, g->fd,
                (off_t)map->index);
    if ( addr == MAP_FAILED )
    {
        *errp = -errno;
        addr = NULL;
        unmap.index = map->index;
        unmap.count = count;
        ioctl(g->fd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &unmap);
    }
 out:
    free(map);
    return addr;
}

int lx_gnttab_unmap(void *priv, void *addr, uint32_t count)
{
    struct lx_gnt *g = priv;
    struct ioctl_gntdev_get_offset_for_vaddr q = { .vaddr = (uintptr_t)addr };
    struct ioctl_gntdev_unmap_grant_ref unmap;

    if ( ioctl(g->fd, IOCTL_GNTDEV_GET_OFFSET_FOR_VADDR, &q) )
        return -errno;
    if ( q.count != count )
        return -EINVAL;
    if ( munmap(addr, count * PAGE) )
        return -errno;
    unmap.index = q.offset;
    unmap.count = count;
    return ioctl(g->fd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &unmap) ? -errno : 0;
}

int lx_gntshr_open(void **privp)
{
    return gnt_open("/dev/xen/gntalloc", privp);
}

void lx_gntshr_close(void *priv)
{
    struct lx_gnt *g = priv;
    struct share *s;

    while ( (s = g->shares) )
    {
        g->shares = s->next;
        free(s);
    }
    close(g->fd);
    free(g);
}

void *lx_gntshr_share(void *priv, uint32_t domid, uint32_t count,
                      uint32_t *refs, int writable, int *errp)
{
    struct lx_gnt *g = priv;
    struct ioctl_gntalloc_alloc_gref *a = NULL;
    struct ioctl_gntalloc_dealloc_gref d;
    struct share *s = NULL;
    void *addr = NULL;

    a = calloc(1, sizeof(*a) + count * sizeof(a->gref_ids[0]));
    s = calloc(1, sizeof(*s));
    if ( !a || !s )
    {
        *errp = -ENOMEM;
        goto out;
    }
    a->domid = (uint16_t)domid;
    a->flags = writable ? GNTALLOC_FLAG_WRITABLE : 0;
    a->count = count;
    if ( ioctl(g->fd, IOCTL_GNTALLOC_ALLOC_GREF, a) )
    {
        *errp = -errno;
        goto out;
    }
    addr = mmap(NULL, count * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
                g->fd, (off_t)a->index);
    d.index = a->index;
    d.count = count;
    if ( addr == MAP_FAILED )
    {
        *errp = -errno;
        addr = NULL;
        ioctl(g->fd, IOCTL_GNTALLOC_DEALLOC_GREF, &d);
        goto out;
    }
    memcpy(refs, a->gref_ids, count * sizeof(*refs));
    s->addr = addr;
    s->index = a->index;
    s->count = count;
    s->next = g->shares;
    g->shares = s;
    s = NULL;
 out:
    free(a);
    free(s);
    return addr;
}

/* The grants end once both the mapping and the allocation are gone. */
int lx_gntshr_unshare(void *priv, void *addr, uint32_t count)
{
    struct lx_gnt *g = priv;
    struct ioctl_gntalloc_dealloc_gref d;
    struct share **pp, *s;
    int rc = 0;

    for ( pp = &g->shares; (s = *pp); pp = &s->next )
        if ( s->addr == addr && s->count == count )
            break;
    if ( !s )
        return -EINVAL;
    d.index = s->index;
    d.count = count;
    if ( ioctl(g->fd, IOCTL_GNTALLOC_DEALLOC_GREF, &d) )
        rc = -errno;
    if ( munmap(addr, count * PAGE) && !rc )
        rc = -errno;
    *pp = s->next;
    free(s);
    return rc;
}
