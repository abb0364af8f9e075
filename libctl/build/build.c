/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PV builder's steps in order, as Xen's tools take them for a 64-bit
 * domU: check what can be checked before touching the domain, populate
 * its memory, stream the kernel in, lay out the start-of-day area, fill
 * it, drop every mapping of it, pin the page tables, and set VCPU 0.
 * xc_pv_domain_create() wraps that in the domain's birth and, on any
 * failure, its death.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build.h"

int build_fail(struct build *b, int rc, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    xc_vfail(b->xch, rc, fmt, ap);
    va_end(ap);
    return -1;
}

int build_bad_image(struct build *b, const char *fmt, ...)
{
    va_list ap;
    char msg[XC_MAX_ERROR_MSG_LEN];

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    xc_report(b->xch, XC_INVALID_KERNEL, "%s", msg);
    errno = ENOEXEC;
    return -1;
}

/*
 * LIBCTL_BUILD_PROFILE=1 prints each step's wall time to stderr: where a
 * build spends its time in a slow dom0 is not otherwise visible.
 */
static double now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int step(struct build *b, const char *name, int (*fn)(struct build *))
{
    static int profile = -1;
    double t0;
    int rc;

    if ( profile < 0 )
    {
        const char *e = getenv("LIBCTL_BUILD_PROFILE");

        profile = e && *e && strcmp(e, "0");
    }
    if ( !profile )
        return fn(b);
    t0 = now_ms();
    rc = fn(b);
    fprintf(stderr, "libctl build: %-16s %8.1f ms\n", name, now_ms() - t0);
    return rc;
}

/* Cheap refusals first, before the domain gets any memory. */
static int preflight(struct build *b)
{
    const struct xc_pv_build_config *cfg = b->cfg;
    xen_capabilities_info_t caps;
    xc_domaininfo_t dinfo;
    int fd;

    if ( !cfg->kernel )
        return build_fail(b, -EINVAL, "domain %u: no kernel", b->domid);
    if ( cfg->cmdline && strlen(cfg->cmdline) >= MAX_GUEST_CMDLINE )
        return build_fail(b, -E2BIG, "domain %u: command line of %zu "
                          "bytes (at most %d)", b->domid,
                          strlen(cfg->cmdline), MAX_GUEST_CMDLINE - 1);
    fd = open(cfg->kernel, O_RDONLY | O_CLOEXEC);
    if ( fd < 0 )
        return build_fail(b, -errno, "kernel %s", cfg->kernel);
    close(fd);
    if ( initrd_size(b) )
        return -1;
    if ( !b->nr_pages )
        return build_fail(b, -EINVAL, "domain %u: no memory asked",
                          b->domid);

    if ( xc_version(b->xch, XENVER_capabilities, caps) < 0 )
        return -1;
    caps[sizeof(caps) - 1] = '\0';
    if ( !strstr(caps, "xen-3.0-x86_64") )
        return build_fail(b, -EOPNOTSUPP, "the hypervisor does not run "
                          "64-bit PV guests (it offers '%s')", caps);
    if ( xc_domain_getinfo_single(b->xch, b->domid, &dinfo) )
        return -1;
    if ( dinfo.tot_pages )
        return build_fail(b, -EBUSY, "domain %u already has %llu pages",
                          b->domid, (unsigned long long)dinfo.tot_pages);
    b->shared_info_mfn = dinfo.shared_info_frame;
    return xc_domain_set_address_size(b->xch, b->domid, 64);
}

static int compute_layout(struct build *b)
{
    struct dom0_layout_params p = {
        .virt_base = b->parms.virt_base,
        .virt_kstart = b->parms.virt_kstart,
        .virt_kend = b->parms.virt_kend,
        .initrd_len = b->initrd_len,
        .unmapped_initrd = b->parms.unmapped_initrd,
        .p2m_base = b->parms.p2m_base,
        .nr_pages = b->nr_pages,
        .is_dom0 = false,
    };
    int rc = dom0_layout_compute(&p, &b->layout);

    if ( rc )
        return build_fail(b, rc, "domain %u: %s", b->domid, b->layout.err);
    return 0;
}

/* XEN_DOMCTL_hypercall_init writes the stubs into the kernel's page. */
static int hypercall_page(struct build *b)
{
    struct xen_domctl d;
    uint64_t pfn;

    if ( b->parms.virt_hypercall == ELF_UNSET_ADDR )
        return 0;
    pfn = (b->parms.virt_hypercall - b->parms.virt_base) >> XC_PAGE_SHIFT;
    b->info->hypercall_page_pfn = pfn;
    memset(&d, 0, sizeof(d));
    d.cmd = XEN_DOMCTL_hypercall_init;
    d.domain = (domid_t)b->domid;
    d.u.hypercall_init.gmfn = b->p2m[pfn];
    return xc_domctl_simple(b->xch, &d, "hypercall_init");
}

/* Zero what the kernel's pages leave of the last one. */
static int zero_kernel_tail(struct build *b)
{
    uint64_t end = b->layout.vkern_end - b->layout.v_start;

    return gmem_zero(b, end, ((end + XC_PAGE_SIZE - 1) & XC_PAGE_MASK) -
                             end);
}

static int pin_tables(struct build *b)
{
    struct mmuext_op op;

    memset(&op, 0, sizeof(op));
    op.cmd = MMUEXT_PIN_L4_TABLE;
    op.arg1.mfn = b->p2m[b->layout.pt_pfn];
    return xc_mmuext_op(b->xch, &op, 1, b->domid);
}

static void fill_info(struct build *b)
{
    const struct dom0_layout *l = &b->layout;
    struct xc_pv_build_info *i = b->info;

    snprintf(i->guest_os, sizeof(i->guest_os), "%s", b->parms.guest_os);
    snprintf(i->guest_ver, sizeof(i->guest_ver), "%s", b->parms.guest_ver);
    snprintf(i->loader, sizeof(i->loader), "%s", b->parms.loader);
    i->nr_pages = b->nr_pages;
    i->virt_base = b->parms.virt_base;
    i->virt_entry = b->parms.virt_entry;
    i->virt_kstart = b->parms.virt_kstart;
    i->virt_kend = b->parms.virt_kend;
    i->v_start = l->v_start;
    i->v_end = l->v_end;
    i->pt_pfn = l->pt_pfn;
    i->nr_pt_frames = l->nr_pt_frames;
    i->stack_pfn = l->stack_pfn;
    i->p2m_va = l->vphysmap_start;
    i->p2m_pfn = l->p2m_separate ? 0 : l->p2m_pfn;
    i->first_p2m_pfn = l->p2m_separate ? l->first_p2m_pfn : 0;
    i->nr_p2m_frames = l->p2m_separate ? l->nr_p2m_frames : 0;
    i->initrd_pfn = b->initrd_len ? l->initrd_pfn : 0;
    i->initrd_len = b->initrd_len;
    i->initrd_unmapped = b->initrd_len && b->parms.unmapped_initrd;
    i->l4_mfn = b->p2m[l->pt_pfn];
    i->shared_info_mfn = b->shared_info_mfn;
    i->store_evtchn = b->cfg->store_evtchn;
    i->console_evtchn = b->cfg->console_evtchn;
}

static int build_steps(struct build *b)
{
    const struct xc_pv_build_config *cfg = b->cfg;

    if ( step(b, "preflight", preflight) ||
         step(b, "populate", gmem_populate) ||
         step(b, "kernel", elf_stream_load) ||
         step(b, "layout", compute_layout) ||
         step(b, "kernel tail", zero_kernel_tail) ||
         step(b, "initrd", initrd_load) ||
         step(b, "p2m list", build_p2m_list) ||
         step(b, "start info", build_start_info) ||
         step(b, "page tables", build_pagetables) ||
         step(b, "hypercall page", hypercall_page) )
        return -1;

    /* Xen will not make a frame a page table while we can write it. */
    gmem_unmap_all(b);
    if ( step(b, "pin", pin_tables) ||
         step(b, "shared info", build_shared_info) )
        return -1;
    if ( xc_dom_gnttab_seed(b->xch, b->domid, false,
                            b->p2m[b->layout.console_pfn],
                            b->p2m[b->layout.xenstore_pfn],
                            cfg->console_domid, cfg->store_domid) )
        return -1;
    fill_info(b);
    return build_vcpu0(b);
}

int xc_pv_build(xc_interface *xch, const struct xc_pv_build_config *cfg,
                struct xc_pv_build_info *info)
{
    struct xc_pv_build_info scratch;
    struct build b;
    int rc;

    memset(&b, 0, sizeof(b));
    b.xch = xch;
    b.cfg = cfg;
    b.info = info ? info : &scratch;
    b.domid = cfg->domid;
    b.nr_pages = cfg->mem_kib >> 2;
    memset(b.info, 0, sizeof(*b.info));
    b.info->hypercall_page_pfn = ~0ULL;
    rc = build_steps(&b);
    gmem_fini(&b);
    return rc;
}

/* Keep the first failure's message and errno across the clean-up. */
static void destroy_keeping_error(xc_interface *xch, uint32_t domid)
{
    xc_error saved = *xc_get_last_error(xch);
    int err = errno;

    xc_domain_destroy(xch, domid);
    xch->last = saved;
    errno = err;
}

int xc_pv_domain_create(xc_interface *xch,
                        const struct xc_pv_domain_spec *spec,
                        uint32_t *domidp, struct xc_pv_build_info *info)
{
    struct xen_domctl_createdomain config;
    struct xc_pv_build_config cfg;
    uint32_t domid = 0;
    int port;

    if ( spec->max_memory_kib < spec->memory_kib )
        return xc_fail(xch, -EINVAL, "maximum memory %llu KiB is below "
                       "the memory at boot, %llu KiB",
                       (unsigned long long)spec->max_memory_kib,
                       (unsigned long long)spec->memory_kib);
    memset(&config, 0, sizeof(config));
    memcpy(config.handle, spec->handle, sizeof(config.handle));
    config.max_vcpus = spec->vcpus;
    config.max_evtchn_port = 1023;
    config.max_grant_frames = -1;
    config.max_maptrack_frames = -1;
    config.grant_opts = XEN_DOMCTL_GRANT_version(1);
    if ( xc_domain_create(xch, &domid, &config) )
        return -1;

    memset(&cfg, 0, sizeof(cfg));
    cfg.domid = domid;
    cfg.kernel = spec->kernel;
    cfg.initrd = spec->initrd;
    cfg.cmdline = spec->cmdline;
    cfg.mem_kib = spec->memory_kib;
    cfg.store_domid = cfg.console_domid = spec->backend_domid;
    /* createdomain sized the VCPU array; this makes the VCPUs. */
    if ( xc_domain_max_vcpus(xch, domid, spec->vcpus) ||
         xc_domain_setmaxmem(xch, domid, spec->max_memory_kib +
                             XC_PV_MAXMEM_SLACK_KIB) ||
         xc_domain_set_memmap_limit(xch, domid,
                                    (unsigned long)spec->max_memory_kib) )
        goto fail;
    port = xc_evtchn_alloc_unbound(xch, domid, spec->backend_domid);
    if ( port < 0 )
        goto fail;
    cfg.store_evtchn = (uint32_t)port;
    port = xc_evtchn_alloc_unbound(xch, domid, spec->backend_domid);
    if ( port < 0 )
        goto fail;
    cfg.console_evtchn = (uint32_t)port;
    if ( xc_pv_build(xch, &cfg, info) )
        goto fail;
    *domidp = domid;
    return 0;

 fail:
    destroy_keeping_error(xch, domid);
    return -1;
}
