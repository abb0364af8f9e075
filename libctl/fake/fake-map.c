/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Mappings of machine frames into the test process: foreign mappings (as
 * privcmd makes them), grant mappings and shared pages (as gntdev and
 * gntalloc do).  Each page is its own MAP_FIXED mapping of the machine's
 * memfd, so every view of a frame sees the same bytes.  A frame that
 * cannot be mapped stays an inaccessible hole, as under Linux.
 *
 * Writable mappings are counted per frame: Xen refuses to make a frame a
 * page table while anyone may write to it, and so does the fake.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "backend.h"
#include "fake-priv.h"

#include <public/grant_table.h>
#include <public/memory.h>

/*
 * The kernel gave us [addr, addr + n pages): any older record there was
 * unmapped behind our back (munmap after xc_map_foreign_range is legal).
 */
static void drop_stale(struct fake_hv *hv, uint8_t *addr, size_t n)
{
    struct fake_mapping **pp = &hv->maps, *m;
    size_t i;

    while ( (m = *pp) )
    {
        if ( m->addr < addr + n * FAKE_PAGE &&
             addr < m->addr + m->n * FAKE_PAGE )
        {
            *pp = m->next;
            for ( i = 0; i < m->n; i++ )
                if ( m->writable && m->mfns[i] != FAKE_NO_MFN )
                    fake_frame_of(hv, m->mfns[i])->wmaps--;
            free(m->mfns);
            free(m);
            continue;
        }
        pp = &m->next;
    }
}

void *fake_map_frames(struct fake_hv *hv, const uint64_t *mfns, size_t n,
                      bool writable, enum fake_map_kind kind, int *err)
{
    int prot = PROT_READ | (writable ? PROT_WRITE : 0);
    struct fake_mapping *m = NULL;
    uint8_t *addr = MAP_FAILED;
    size_t i, good = 0;

    m = calloc(1, sizeof(*m));
    if ( m )
        m->mfns = calloc(n, sizeof(*m->mfns));
    if ( !m || !m->mfns )
        goto fail;
    addr = mmap(NULL, n * FAKE_PAGE, PROT_NONE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if ( addr == MAP_FAILED )
        goto fail;
    drop_stale(hv, addr, n);
    for ( i = 0; i < n; i++ )
    {
        m->mfns[i] = FAKE_NO_MFN;
        if ( err[i] )
            continue;
        if ( mmap(addr + i * FAKE_PAGE, FAKE_PAGE, prot,
                  MAP_SHARED | MAP_FIXED, hv->memfd,
                  (off_t)((mfns[i] - FAKE_MFN_BASE) * FAKE_PAGE)) ==
             MAP_FAILED )
        {
            err[i] = -ENOMEM;
            continue;
        }
        m->mfns[i] = mfns[i];
        if ( writable )
            fake_frame_of(hv, mfns[i])->wmaps++;
        good++;
    }
    if ( !good )
        goto fail;
    m->addr = addr;
    m->n = n;
    m->writable = writable;
    m->kind = kind;
    m->next = hv->maps;
    hv->maps = m;
    return addr;

 fail:
    if ( addr != MAP_FAILED )
        munmap(addr, n * FAKE_PAGE);
    if ( m )
        free(m->mfns);
    free(m);
    return NULL;
}

int fake_unmap(struct fake_hv *hv, void *addr, size_t n)
{
    struct fake_mapping **pp, *m;
    size_t i;

    for ( pp = &hv->maps; (m = *pp); pp = &m->next )
        if ( m->addr == addr && m->n == n )
            break;
    if ( !m )
        return -EINVAL;
    *pp = m->next;
    for ( i = 0; i < n; i++ )
        if ( m->writable && m->mfns[i] != FAKE_NO_MFN )
            fake_frame_of(hv, m->mfns[i])->wmaps--;
    munmap(addr, n * FAKE_PAGE);
    free(m->mfns);
    free(m);
    return 0;
}

void fake_maps_fini(struct fake_hv *hv)
{
    struct fake_mapping *m;

    while ( (m = hv->maps) )
    {
        hv->maps = m->next;
        munmap(m->addr, m->n * FAKE_PAGE);
        free(m->mfns);
        free(m);
    }
}

/*
 * Whether [p, p + len) is still mapped from the machine's memfd, by
 * /proc/self/maps: an unmapped range may have been reused by anything.
 */
static bool still_mapped(uint8_t *p, size_t len)
{
    unsigned long lo, hi, want = (unsigned long)(uintptr_t)p;
    char line[512];
    bool found = false;
    FILE *f = fopen("/proc/self/maps", "r");

    if ( !f )
        return true;            /* cannot tell: keep the record */
    while ( !found && fgets(line, sizeof(line), f) )
        found = sscanf(line, "%lx-%lx", &lo, &hi) == 2 && want >= lo &&
                want + len <= hi && strstr(line, "fake-machine");
    fclose(f);
    return found;
}

/*
 * Forget mappings the process unmapped itself: munmap() of what
 * xc_map_foreign_range() gave is how Xen's API releases it.
 */
void fake_prune_mappings(struct fake_hv *hv)
{
    struct fake_mapping **pp = &hv->maps, *m;
    size_t i, live;

    while ( (m = *pp) )
    {
        for ( i = 0, live = 0; i < m->n && !live; i++ )
            live = m->mfns[i] != FAKE_NO_MFN &&
                   still_mapped(m->addr + i * FAKE_PAGE, FAKE_PAGE);
        if ( !live )
        {
            *pp = m->next;
            for ( i = 0; i < m->n; i++ )
                if ( m->writable && m->mfns[i] != FAKE_NO_MFN )
                    fake_frame_of(hv, m->mfns[i])->wmaps--;
            free(m->mfns);
            free(m);
            continue;
        }
        pp = &m->next;
    }
}

unsigned int fake_nr_mappings(struct fake_hv *hv)
{
    struct fake_mapping *m;
    unsigned int n = 0;

    fake_prune_mappings(hv);
    for ( m = hv->maps; m; m = m->next )
        n++;
    return n;
}

/*
 * What Xen allows the control domain: frames the target owns, writable
 * only while they are not page tables.
 */
static int check_foreign(struct fake_hv *hv, uint32_t domid, uint64_t mfn,
                         bool writable)
{
    struct fake_frame *f = fake_frame_of(hv, mfn);

    if ( !f || f->owner == DOMID_INVALID )
        return -EINVAL;
    if ( f->owner != domid )
        return -EPERM;
    if ( writable && f->type >= FT_L1 && f->type <= FT_L4 )
        return -EPERM;
    return 0;
}

void *fk_map_foreign(void *priv, uint32_t domid, int prot,
                     const uint64_t *arr, int *err, size_t n)
{
    struct fake_hv *hv = priv;
    bool writable = prot & PROT_WRITE;
    size_t i;

    for ( i = 0; i < n; i++ )
        err[i] = check_foreign(hv, domid, arr[i], writable);
    return fake_map_frames(hv, arr, n, writable, FM_FOREIGN, err);
}

int fk_unmap_foreign(void *priv, void *addr, size_t n)
{
    return fake_unmap(priv, addr, n);
}

int fk_map_resource(void *priv, uint32_t domid, unsigned int type,
                    unsigned int id, unsigned long idx, unsigned long n,
                    int prot, void **addrp)
{
    struct fake_hv *hv = priv;
    struct fake_domain *d = fake_domain(hv, domid);
    int err = 0;

    if ( hv->cfg.no_resource )
        return -EOPNOTSUPP;
    if ( !d )
        return -ESRCH;
    if ( type != XENMEM_resource_grant_table ||
         id != XENMEM_resource_grant_table_id_shared || idx || n != 1 )
        return -EINVAL;
    *addrp = fake_map_frames(hv, &d->gnttab_mfn, 1, prot & PROT_WRITE,
                             FM_FOREIGN, &err);
    return *addrp ? 0 : err ? err : -ENOMEM;
}

int fk_gnt_open(void **privp)
{
    if ( !fake_hv_current )
        return -ENOENT;
    *privp = fake_hv_current;
    return 0;
}

void fk_gnt_close(void *priv)
{
    (void)priv;
}

/* A v1 entry of domid's table granting dom0 ref, and its frame. */
static int granted_frame(struct fake_hv *hv, uint32_t domid, uint32_t ref,
                         bool writable, uint64_t *mfn)
{
    struct fake_domain *d = fake_domain(hv, domid);
    grant_entry_v1_t *table, *e;

    if ( !d )
        return -ESRCH;
    if ( ref >= FAKE_PAGE / sizeof(*table) )
        return -EINVAL;
    table = fake_frame_ptr(hv, d->gnttab_mfn);
    e = &table[ref];
    if ( !(e->flags & GTF_permit_access) || e->domid != 0 )
        return -EPERM;
    if ( writable && (e->flags & GTF_readonly) )
        return -EPERM;
    if ( check_foreign(hv, domid, e->frame, writable) )
        return -EINVAL;
    *mfn = e->frame;
    return 0;
}

void *fk_gnttab_map(void *priv, uint32_t count, const uint32_t *domids,
                    const uint32_t *refs, int prot, int *errp)
{
    struct fake_hv *hv = priv;
    uint64_t *mfns = calloc(count, sizeof(*mfns));
    int *err = calloc(count, sizeof(*err));
    void *addr = NULL;
    uint32_t i;

    *errp = -ENOMEM;
    if ( !mfns || !err )
        goto out;
    for ( i = 0; i < count; i++ )
    {
        *errp = granted_frame(hv, domids[i], refs[i], prot & PROT_WRITE,
                              &mfns[i]);
        if ( *errp )
            goto out;
    }
    addr = fake_map_frames(hv, mfns, count, prot & PROT_WRITE, FM_GRANT,
                           err);
 out:
    free(mfns);
    free(err);
    return addr;
}

int fk_gnttab_unmap(void *priv, void *addr, uint32_t count)
{
    return fake_unmap(priv, addr, count);
}

/* dom0's pages granted to domid, through entries of dom0's own table. */
void *fk_gntshr_share(void *priv, uint32_t domid, uint32_t count,
                      uint32_t *refs, int writable, int *errp)
{
    struct fake_hv *hv = priv;
    struct fake_domain *d0 = fake_domain(hv, 0);
    grant_entry_v1_t *table = fake_frame_ptr(hv, d0->gnttab_mfn);
    uint64_t *mfns = calloc(count, sizeof(*mfns));
    int *err = calloc(count, sizeof(*err));
    void *addr = NULL;
    uint32_t i, ref = GNTTAB_NR_RESERVED_ENTRIES;

    *errp = -ENOMEM;
    if ( !mfns || !err )
        goto out;
    for ( i = 0; i < count; i++ )
    {
        while ( ref < FAKE_PAGE / sizeof(*table) && table[ref].flags )
            ref++;
        mfns[i] = fake_alloc_frames(hv, 0, 0);
        if ( ref == FAKE_PAGE / sizeof(*table) || mfns[i] == FAKE_NO_MFN )
            goto out;
        table[ref].domid = (domid_t)domid;
        table[ref].frame = (uint32_t)mfns[i];
        table[ref].flags = GTF_permit_access |
                           (writable ? 0 : GTF_readonly);
        refs[i] = ref;
    }
    addr = fake_map_frames(hv, mfns, count, true, FM_SHARE, err);
    *errp = addr ? 0 : -ENOMEM;
 out:
    free(mfns);
    free(err);
    return addr;
}

int fk_gntshr_unshare(void *priv, void *addr, uint32_t count)
{
    struct fake_hv *hv = priv;
    struct fake_domain *d0 = fake_domain(hv, 0);
    grant_entry_v1_t *table = fake_frame_ptr(hv, d0->gnttab_mfn);
    struct fake_mapping *m;
    uint32_t i, ref;

    for ( m = hv->maps; m; m = m->next )
        if ( m->addr == addr && m->n == count && m->kind == FM_SHARE )
            break;
    if ( !m )
        return -EINVAL;
    for ( i = 0; i < count; i++ )
    {
        for ( ref = 0; ref < FAKE_PAGE / sizeof(*table); ref++ )
            if ( table[ref].flags && table[ref].frame == m->mfns[i] )
                memset(&table[ref], 0, sizeof(table[ref]));
        fake_free_frame(hv, m->mfns[i]);
    }
    return fake_unmap(hv, addr, count);
}
