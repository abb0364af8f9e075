/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The fake machine: its memory (a memfd, so mappings alias it), the frame
 * allocator, domains' birth and death, hypercall-safe buffers, and the
 * hypercall dispatcher behind libctl's backend seam.
 *
 * Order-0 frames are handed out from the top of memory downwards, so a
 * domain's PFNs and MFNs run in opposite directions and a builder that
 * confuses them is caught; superpages come from the bottom, aligned.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "backend.h"
#include "libctl.h"
#include "fake-priv.h"

#include <public/sched.h>
#include <public/version.h>

struct fake_hv *fake_hv_current;

bool fake_mfn_valid(struct fake_hv *hv, uint64_t mfn)
{
    return mfn >= FAKE_MFN_BASE && mfn - FAKE_MFN_BASE < hv->cfg.nr_frames;
}

struct fake_frame *fake_frame_of(struct fake_hv *hv, uint64_t mfn)
{
    return fake_mfn_valid(hv, mfn) ? &hv->frames[mfn - FAKE_MFN_BASE] : NULL;
}

struct fake_frame *fake_frame_info(struct fake_hv *hv, uint64_t mfn)
{
    return fake_frame_of(hv, mfn);
}

void *fake_frame_ptr(struct fake_hv *hv, uint64_t mfn)
{
    if ( !fake_mfn_valid(hv, mfn) )
        return NULL;
    return hv->mem + (mfn - FAKE_MFN_BASE) * FAKE_PAGE;
}

static void claim(struct fake_hv *hv, size_t idx, domid_t owner)
{
    hv->frames[idx].owner = owner;
    hv->frames[idx].type = FT_NONE;
    hv->frames[idx].pinned = false;
    hv->frames[idx].gpfn = ~0ULL;
    hv->free_frames--;
}

uint64_t fake_alloc_frames(struct fake_hv *hv, domid_t owner,
                           unsigned int order)
{
    size_t n = (size_t)1 << order, i, j;

    if ( hv->free_frames < n )
        return FAKE_NO_MFN;
    if ( !order )
    {
        for ( j = 0; j < hv->cfg.nr_frames; j++ )
        {
            i = (hv->alloc_cursor + hv->cfg.nr_frames - j) %
                hv->cfg.nr_frames;
            if ( hv->frames[i].owner == DOMID_INVALID )
            {
                claim(hv, i, owner);
                hv->alloc_cursor = i;
                return FAKE_MFN_BASE + i;
            }
        }
        return FAKE_NO_MFN;
    }
    for ( i = 0; i + n <= hv->cfg.nr_frames; i += n )
    {
        for ( j = 0; j < n; j++ )
            if ( hv->frames[i + j].owner != DOMID_INVALID )
                break;
        if ( j < n )
            continue;
        for ( j = 0; j < n; j++ )
            claim(hv, i + j, owner);
        return FAKE_MFN_BASE + i;
    }
    return FAKE_NO_MFN;
}

/* Freed frames read as zeroes again, as Xen scrubs them. */
void fake_free_frame(struct fake_hv *hv, uint64_t mfn)
{
    struct fake_frame *f = fake_frame_of(hv, mfn);

    if ( !f || f->owner == DOMID_INVALID )
        return;
    memset(f, 0, sizeof(*f));
    f->owner = DOMID_INVALID;
    fallocate(hv->memfd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
              (off_t)((mfn - FAKE_MFN_BASE) * FAKE_PAGE), FAKE_PAGE);
    hv->free_frames++;
}

struct fake_domain *fake_domain(struct fake_hv *hv, uint32_t domid)
{
    unsigned int i;

    for ( i = 0; i < FAKE_MAX_DOMAINS; i++ )
        if ( hv->doms[i] && hv->doms[i]->domid == domid )
            return hv->doms[i];
    return NULL;
}

unsigned int fake_nr_domains(struct fake_hv *hv)
{
    unsigned int i, n = 0;

    for ( i = 0; i < FAKE_MAX_DOMAINS; i++ )
        n += !!hv->doms[i];
    return n;
}

bool fake_domain_running(const struct fake_domain *d)
{
    unsigned int i;

    if ( d->pause_count || d->shutdown )
        return false;
    for ( i = 0; i < d->config.max_vcpus; i++ )
        if ( d->vcpus[i].online )
            return true;
    return false;
}

/* Xen gives every domain its shared_info and grant frames at birth. */
struct fake_domain *fake_domain_new(struct fake_hv *hv, domid_t domid,
                                    const struct xen_domctl_createdomain *c)
{
    struct fake_domain *d = NULL;
    unsigned int slot, i;

    for ( slot = 0; slot < FAKE_MAX_DOMAINS; slot++ )
        if ( !hv->doms[slot] )
            break;
    if ( slot == FAKE_MAX_DOMAINS )
        goto fail;
    d = calloc(1, sizeof(*d));
    if ( !d )
        goto fail;
    d->vcpus = calloc(c->max_vcpus ? c->max_vcpus : 1, sizeof(*d->vcpus));
    if ( !d->vcpus )
        goto fail;
    d->domid = domid;
    d->config = *c;
    memcpy(d->handle, c->handle, sizeof(d->handle));
    d->address_size = 64;
    d->weight = 256;
    d->max_pages = ~0ULL;
    for ( i = 0; i < c->max_vcpus; i++ )
        d->vcpus[i].hard = d->vcpus[i].soft =
            (uint8_t)((1U << hv->cfg.nr_cpus) - 1);
    d->shared_info_mfn = fake_alloc_frames(hv, domid, 0);
    d->gnttab_mfn = fake_alloc_frames(hv, domid, 0);
    if ( d->shared_info_mfn == FAKE_NO_MFN || d->gnttab_mfn == FAKE_NO_MFN )
        goto fail;
    fake_frame_of(hv, d->shared_info_mfn)->type = FT_SPECIAL;
    fake_frame_of(hv, d->gnttab_mfn)->type = FT_SPECIAL;
    hv->doms[slot] = d;
    return d;

 fail:
    if ( d )
    {
        if ( d->shared_info_mfn && d->shared_info_mfn != FAKE_NO_MFN )
            fake_free_frame(hv, d->shared_info_mfn);
        if ( d->gnttab_mfn && d->gnttab_mfn != FAKE_NO_MFN )
            fake_free_frame(hv, d->gnttab_mfn);
        free(d->vcpus);
        free(d);
    }
    return NULL;
}

void fake_domain_free(struct fake_hv *hv, struct fake_domain *d)
{
    unsigned int i;
    size_t f;

    for ( f = 0; f < hv->cfg.nr_frames; f++ )
        if ( hv->frames[f].owner == d->domid )
            fake_free_frame(hv, FAKE_MFN_BASE + f);
    for ( i = 0; i < FAKE_MAX_DOMAINS; i++ )
        if ( hv->doms[i] == d )
            hv->doms[i] = NULL;
    free(d->vcpus);
    free(d);
}

void *fake_ptr(struct fake_hv *hv, uint64_t addr, size_t len)
{
    struct fake_hbuf *b;
    uint8_t *p = (uint8_t *)(uintptr_t)addr;

    for ( b = hv->hbufs; b; b = b->next )
        if ( p >= b->p && len <= b->len &&
             (size_t)(p - b->p) <= b->len - len )
            return p;
    return NULL;
}

void fake_console_write(struct fake_hv *hv, const char *s)
{
    size_t len = strlen(s);

    if ( len > FAKE_CONSOLE_SIZE - hv->console_len )
        len = FAKE_CONSOLE_SIZE - hv->console_len;
    memcpy(hv->console + hv->console_len, s, len);
    hv->console_len += len;
}

struct fake_hv *fake_hv_create(const struct fake_config *cfg)
{
    struct xen_domctl_createdomain c0;
    struct fake_hv *hv = NULL;
    size_t i;

    if ( fake_hv_current || !cfg->nr_frames || !cfg->nr_cpus ||
         cfg->nr_cpus > FAKE_MAX_CPUS )
        goto fail;
    hv = calloc(1, sizeof(*hv));
    if ( !hv )
        goto fail;
    hv->cfg = *cfg;
    hv->memfd = -1;
    hv->evtchn_efd = -1;
    hv->fail_domctl = -1;
    hv->memfd = memfd_create("fake-machine", MFD_CLOEXEC);
    if ( hv->memfd < 0 ||
         ftruncate(hv->memfd, (off_t)(cfg->nr_frames * FAKE_PAGE)) )
        goto fail;
    hv->mem = mmap(NULL, cfg->nr_frames * FAKE_PAGE, PROT_READ | PROT_WRITE,
                   MAP_SHARED, hv->memfd, 0);
    if ( hv->mem == MAP_FAILED )
    {
        hv->mem = NULL;
        goto fail;
    }
    hv->frames = calloc(cfg->nr_frames, sizeof(*hv->frames));
    if ( !hv->frames )
        goto fail;
    for ( i = 0; i < cfg->nr_frames; i++ )
        hv->frames[i].owner = DOMID_INVALID;
    hv->free_frames = cfg->nr_frames;
    hv->alloc_cursor = cfg->nr_frames - 1;
    hv->next_domid = 1;

    memset(&c0, 0, sizeof(c0));
    c0.max_vcpus = cfg->nr_cpus;
    if ( !fake_domain_new(hv, 0, &c0) )
        goto fail;
    fake_domain(hv, 0)->vcpus_created = true;
    fake_domain(hv, 0)->vcpus[0].online = true;
    fake_console_write(hv, "(XEN) fake hypervisor 4.17 started\n");
    fake_hv_current = hv;
    libctl_set_backend(&libctl_backend_fake);
    return hv;

 fail:
    if ( hv )
    {
        fake_hv_current = hv;
        fake_hv_destroy(hv);
    }
    return NULL;
}

void fake_hv_destroy(struct fake_hv *hv)
{
    struct fake_hbuf *b;
    unsigned int i;

    if ( !hv )
        return;
    fake_maps_fini(hv);
    fake_devports_fini(hv);
    for ( i = 0; i < FAKE_MAX_DOMAINS; i++ )
        if ( hv->doms[i] )
        {
            free(hv->doms[i]->vcpus);
            free(hv->doms[i]);
        }
    while ( (b = hv->hbufs) )
    {
        hv->hbufs = b->next;
        free(b->p);
        free(b);
    }
    if ( hv->mem )
        munmap(hv->mem, hv->cfg.nr_frames * FAKE_PAGE);
    if ( hv->memfd >= 0 )
        close(hv->memfd);
    free(hv->frames);
    free(hv);
    if ( fake_hv_current == hv )
    {
        fake_hv_current = NULL;
        libctl_set_backend(NULL);
    }
}

/* The backend: one fake machine, so every handle shares it. */
static int fk_priv_open(void **privp)
{
    if ( !fake_hv_current )
        return -ENOENT;
    *privp = fake_hv_current;
    return 0;
}

static void fk_priv_close(void *priv)
{
    (void)priv;
}

static void *fk_hbuf_alloc(void *priv, size_t npages)
{
    struct fake_hv *hv = priv;
    struct fake_hbuf *b = calloc(1, sizeof(*b));

    if ( !b )
        return NULL;
    b->len = npages * FAKE_PAGE;
    b->p = aligned_alloc(FAKE_PAGE, b->len);
    if ( !b->p )
    {
        free(b);
        return NULL;
    }
    b->next = hv->hbufs;
    hv->hbufs = b;
    return b->p;
}

static void fk_hbuf_free(void *priv, void *p, size_t npages)
{
    struct fake_hv *hv = priv;
    struct fake_hbuf **pp, *b;

    (void)npages;
    for ( pp = &hv->hbufs; (b = *pp); pp = &b->next )
        if ( b->p == p )
        {
            *pp = b->next;
            free(b->p);
            free(b);
            return;
        }
    abort();                    /* freeing what was never handed out */
}

static long fake_xen_version(struct fake_hv *hv, uint64_t cmd, uint64_t arg)
{
    void *p;

    switch ( cmd )
    {
    case XENVER_version:
        return (4 << 16) | 17;
    case XENVER_pagesize:
        return FAKE_PAGE;
    case XENVER_extraversion:
        if ( !(p = fake_ptr(hv, arg, sizeof(xen_extraversion_t))) )
            return -EFAULT;
        snprintf(p, sizeof(xen_extraversion_t), ".0-fake");
        return 0;
    case XENVER_capabilities:
        if ( !(p = fake_ptr(hv, arg, sizeof(xen_capabilities_info_t))) )
            return -EFAULT;
        snprintf(p, sizeof(xen_capabilities_info_t), "xen-3.0-x86_64 ");
        return 0;
    }
    return -ENOSYS;
}

static long fake_sched_op(struct fake_hv *hv, uint64_t cmd, uint64_t arg)
{
    struct sched_remote_shutdown *r;
    struct fake_domain *d;

    if ( cmd != SCHEDOP_remote_shutdown )
        return -ENOSYS;
    if ( !(r = fake_ptr(hv, arg, sizeof(*r))) )
        return -EFAULT;
    d = fake_domain(hv, r->domain_id);
    if ( !d )
        return -ESRCH;
    if ( r->reason > SHUTDOWN_MAX || r->domain_id == 0 )
        return -EINVAL;
    d->shutdown = true;
    d->shutdown_reason = r->reason;
    return 0;
}

static long fk_hypercall(void *priv, unsigned int op, const uint64_t a[5])
{
    struct fake_hv *hv = priv;

    if ( op < 64 )
        hv->nr_hypercalls[op]++;
    switch ( op )
    {
    case __HYPERVISOR_domctl:
        return fake_domctl(hv, a[0]);
    case __HYPERVISOR_sysctl:
        return fake_sysctl(hv, a[0]);
    case __HYPERVISOR_memory_op:
        return fake_memory_op(hv, a[0], a[1]);
    case __HYPERVISOR_mmuext_op:
        return fake_mmuext_op(hv, a);
    case __HYPERVISOR_event_channel_op:
        return fake_evtchn_op(hv, a[0], a[1]);
    case __HYPERVISOR_grant_table_op:
        return fake_gnttab_op(hv, a[0], a[1], a[2]);
    case __HYPERVISOR_xen_version:
        return fake_xen_version(hv, a[0], a[1]);
    case __HYPERVISOR_sched_op:
        return fake_sched_op(hv, a[0], a[1]);
    }
    return -ENOSYS;
}

/* Declared in fake-map.c and fake-evtchn.c. */
void *fk_map_foreign(void *priv, uint32_t domid, int prot,
                     const uint64_t *arr, int *err, size_t n);
int fk_unmap_foreign(void *priv, void *addr, size_t n);
int fk_map_resource(void *priv, uint32_t domid, unsigned int type,
                    unsigned int id, unsigned long idx, unsigned long n,
                    int prot, void **addrp);
int fk_gnt_open(void **privp);
void fk_gnt_close(void *priv);
void *fk_gnttab_map(void *priv, uint32_t count, const uint32_t *domids,
                    const uint32_t *refs, int prot, int *errp);
int fk_gnttab_unmap(void *priv, void *addr, uint32_t count);
void *fk_gntshr_share(void *priv, uint32_t domid, uint32_t count,
                      uint32_t *refs, int writable, int *errp);
int fk_gntshr_unshare(void *priv, void *addr, uint32_t count);
int fk_evtchn_open(void **privp);
void fk_evtchn_close(void *priv);
int fk_evtchn_fd(void *priv);
int fk_evtchn_bind_unbound(void *priv, uint32_t domid);
int fk_evtchn_bind_interdomain(void *priv, uint32_t domid,
                               uint32_t remote_port);
int fk_evtchn_bind_virq(void *priv, unsigned int virq);
int fk_evtchn_unbind(void *priv, uint32_t port);
int fk_evtchn_notify(void *priv, uint32_t port);
int fk_evtchn_pending(void *priv);
int fk_evtchn_unmask(void *priv, uint32_t port);

const struct libctl_backend libctl_backend_fake = {
    .name = "fake",
    .priv_open = fk_priv_open,
    .priv_close = fk_priv_close,
    .hypercall = fk_hypercall,
    .hbuf_alloc = fk_hbuf_alloc,
    .hbuf_free = fk_hbuf_free,
    .map_foreign = fk_map_foreign,
    .unmap_foreign = fk_unmap_foreign,
    .map_resource = fk_map_resource,
    .evtchn_open = fk_evtchn_open,
    .evtchn_close = fk_evtchn_close,
    .evtchn_fd = fk_evtchn_fd,
    .evtchn_bind_unbound = fk_evtchn_bind_unbound,
    .evtchn_bind_interdomain = fk_evtchn_bind_interdomain,
    .evtchn_bind_virq = fk_evtchn_bind_virq,
    .evtchn_unbind = fk_evtchn_unbind,
    .evtchn_notify = fk_evtchn_notify,
    .evtchn_pending = fk_evtchn_pending,
    .evtchn_unmask = fk_evtchn_unmask,
    .gnttab_open = fk_gnt_open,
    .gnttab_close = fk_gnt_close,
    .gnttab_map = fk_gnttab_map,
    .gnttab_unmap = fk_gnttab_unmap,
    .gntshr_open = fk_gnt_open,
    .gntshr_close = fk_gnt_close,
    .gntshr_share = fk_gntshr_share,
    .gntshr_unshare = fk_gntshr_unshare,
};
