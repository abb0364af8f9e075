/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The new domain's memory: populated in 2 MiB extents where the
 * hypervisor has them (fewer hypercalls, and superpage-backed guests),
 * in single pages otherwise; the p2m (PFN -> MFN) it yields; and a couple
 * of windows of foreign mappings through which the builder writes.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "build.h"

#define SUPER_ORDER     9
#define SUPER_PAGES     (1UL << SUPER_ORDER)
#define SUPER_BATCH     512         /* extents per hypercall */
#define SMALL_BATCH     65536       /* pages per hypercall */

/* 2 MiB extents for the aligned part; returns the PFNs done. */
static uint64_t populate_super(struct build *b)
{
    xen_pfn_t ext[SUPER_BATCH];
    uint64_t pfn = 0, k;
    unsigned long n, j;
    int rc;

    while ( b->nr_pages - pfn >= SUPER_PAGES )
    {
        n = (unsigned long)((b->nr_pages - pfn) / SUPER_PAGES);
        if ( n > SUPER_BATCH )
            n = SUPER_BATCH;
        for ( j = 0; j < n; j++ )
            ext[j] = pfn + j * SUPER_PAGES;
        rc = xc_domain_populate_physmap(b->xch, b->domid, n, SUPER_ORDER, 0,
                                        ext);
        if ( rc <= 0 )
            break;
        for ( j = 0; j < (unsigned long)rc; j++ )
            for ( k = 0; k < SUPER_PAGES; k++ )
                b->p2m[pfn + j * SUPER_PAGES + k] = ext[j] + k;
        pfn += (uint64_t)rc * SUPER_PAGES;
        if ( (unsigned long)rc < n )
            break;
    }
    xc_clear_last_error(b->xch);
    return pfn;
}

int gmem_populate(struct build *b)
{
    uint64_t pfn, done, n;
    int rc;

    b->p2m = malloc(b->nr_pages * sizeof(*b->p2m));
    if ( !b->p2m )
        return build_fail(b, -ENOMEM, "p2m of %llu pages",
                          (unsigned long long)b->nr_pages);
    for ( pfn = 0; pfn < b->nr_pages; pfn++ )
        b->p2m[pfn] = pfn;

    done = populate_super(b);
    for ( pfn = done; pfn < b->nr_pages; pfn += n )
    {
        n = b->nr_pages - pfn;
        if ( n > SMALL_BATCH )
            n = SMALL_BATCH;
        rc = xc_domain_populate_physmap(b->xch, b->domid, (unsigned long)n,
                                        0, 0, &b->p2m[pfn]);
        if ( rc < 0 )
            return -1;
        if ( (uint64_t)rc < n )
            return build_fail(b, -ENOMEM, "memory of domain %u: only %llu "
                              "of its %llu pages (%llu MiB) could be "
                              "allocated", b->domid,
                              (unsigned long long)(pfn + (uint64_t)rc),
                              (unsigned long long)b->nr_pages,
                              (unsigned long long)(b->nr_pages >> 8));
    }
    return 0;
}

static void unmap_window(struct build *b, struct gmem_window *w)
{
    if ( w->p )
        b->xch->be->unmap_foreign(b->xch->priv, w->p, w->n);
    w->p = NULL;
}

void gmem_unmap_all(struct build *b)
{
    unsigned int i;

    for ( i = 0; i < GMEM_NR_WINDOWS; i++ )
        unmap_window(b, &b->win[i]);
}

void gmem_fini(struct build *b)
{
    gmem_unmap_all(b);
    free(b->p2m);
    b->p2m = NULL;
}

void *gmem_page(struct build *b, uint64_t pfn)
{
    struct gmem_window *w, *lru = &b->win[0];
    unsigned int i;

    if ( pfn >= b->nr_pages )
    {
        build_fail(b, -ERANGE, "domain %u: page %#llx is beyond its %llu "
                   "pages", b->domid, (unsigned long long)pfn,
                   (unsigned long long)b->nr_pages);
        return NULL;
    }
    for ( i = 0; i < GMEM_NR_WINDOWS; i++ )
    {
        w = &b->win[i];
        if ( w->p && pfn >= w->pfn && pfn < w->pfn + w->n )
        {
            w->stamp = ++b->stamp;
            return w->p + (pfn - w->pfn) * XC_PAGE_SIZE;
        }
        if ( !w->p || w->stamp < lru->stamp )
            lru = w;
    }

    unmap_window(b, lru);
    lru->pfn = pfn & ~(uint64_t)(GMEM_WINDOW_PAGES - 1);
    lru->n = GMEM_WINDOW_PAGES;
    if ( lru->n > b->nr_pages - lru->pfn )
        lru->n = (size_t)(b->nr_pages - lru->pfn);
    lru->p = xc_map_foreign_pages(b->xch, b->domid, PROT_READ | PROT_WRITE,
                                  &b->p2m[lru->pfn], (int)lru->n);
    if ( !lru->p )
    {
        build_fail(b, -errno, "domain %u: mapping pages %#llx-%#llx",
                   b->domid, (unsigned long long)lru->pfn,
                   (unsigned long long)(lru->pfn + lru->n - 1));
        return NULL;
    }
    lru->stamp = ++b->stamp;
    return lru->p + (pfn - lru->pfn) * XC_PAGE_SIZE;
}

void *gmem_span(struct build *b, uint64_t gpa, uint64_t *len)
{
    uint64_t pfn = gpa >> XC_PAGE_SHIFT, room;
    uint8_t *page = gmem_page(b, pfn);
    unsigned int i;

    if ( !page )
        return NULL;
    for ( i = 0; i < GMEM_NR_WINDOWS; i++ )
    {
        const struct gmem_window *w = &b->win[i];

        if ( w->p && pfn >= w->pfn && pfn < w->pfn + w->n )
        {
            room = (w->pfn + w->n - pfn) * XC_PAGE_SIZE -
                   (gpa & (XC_PAGE_SIZE - 1));
            if ( *len > room )
                *len = room;
            break;
        }
    }
    return page + (gpa & (XC_PAGE_SIZE - 1));
}

/* Copy (src) or zero (src NULL) len bytes at guest-physical gpa. */
static int gmem_fill(struct build *b, uint64_t gpa, const void *src,
                     uint64_t len)
{
    const uint8_t *s = src;
    uint8_t *page;
    size_t off, chunk;

    while ( len )
    {
        page = gmem_page(b, gpa >> XC_PAGE_SHIFT);
        if ( !page )
            return -1;
        off = (size_t)(gpa & (XC_PAGE_SIZE - 1));
        chunk = XC_PAGE_SIZE - off;
        if ( chunk > len )
            chunk = (size_t)len;
        if ( s )
        {
            memcpy(page + off, s, chunk);
            s += chunk;
        }
        else
            memset(page + off, 0, chunk);
        gpa += chunk;
        len -= chunk;
    }
    return 0;
}

int gmem_write(struct build *b, uint64_t gpa, const void *src, size_t len)
{
    return gmem_fill(b, gpa, src, len);
}

int gmem_zero(struct build *b, uint64_t gpa, uint64_t len)
{
    return gmem_fill(b, gpa, NULL, len);
}
