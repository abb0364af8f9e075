/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PV domain builder: load a 64-bit PV kernel (ELF, a Linux bzImage
 * with a gzip, xz, lzma or zstd payload, or a compressed ELF) and an
 * initrd into a new domain, lay out its start-of-day memory as Xen's
 * tools do (p2m, start_info, xenstore and console pages, bootstrap page
 * tables pinned in the domain's own frames, boot stack), and give VCPU 0
 * its first context.  Compressed kernels are streamed into the guest's
 * memory: the toolstack never holds the unpacked image.
 */
#ifndef LIBCTL_XCBUILD_H
#define LIBCTL_XCBUILD_H

#include <stdbool.h>
#include <stdint.h>

#include "xenctrl.h"

struct xc_pv_build_config
{
    uint32_t domid;             /* an empty domain, paused */
    const char *kernel;         /* file name */
    const char *initrd;         /* file name, or NULL */
    const char *cmdline;        /* or NULL; at most 1023 bytes kept */
    uint64_t mem_kib;           /* memory the domain starts with */
    uint32_t store_evtchn;      /* unbound ports of the domain, for */
    uint32_t console_evtchn;    /*   xenstore and the console */
    uint32_t store_domid;       /* backends granted the two rings */
    uint32_t console_domid;
};

/* Where things went, for the caller's xenstore nodes and for tests. */
struct xc_pv_build_info
{
    char image_format[16];      /* "ELF", "bzImage/xz", "gzip", ... */
    char guest_os[16], guest_ver[16], loader[16];
    uint64_t nr_pages;
    uint64_t virt_base, virt_entry, virt_kstart, virt_kend;
    uint64_t v_start, v_end;    /* the mapped start-of-day area */
    uint64_t start_info_pfn, start_info_va;
    uint64_t pt_pfn, nr_pt_frames;
    uint64_t stack_pfn;
    uint64_t p2m_va, p2m_pfn;   /* p2m_pfn: in-area list only */
    uint64_t first_p2m_pfn, nr_p2m_frames;   /* INIT_P2M only */
    uint64_t initrd_pfn, initrd_len;
    bool initrd_unmapped;       /* mod_start is a PFN (MOD_START_PFN) */
    uint64_t hypercall_page_pfn;    /* ~0 when the kernel has none */
    xen_pfn_t store_pfn, store_mfn;
    xen_pfn_t console_pfn, console_mfn;
    xen_pfn_t l4_mfn;
    uint64_t shared_info_mfn;
    uint32_t store_evtchn, console_evtchn;
};

/*
 * Build cfg->domid.  0, or -1 with errno and xc_get_last_error() saying
 * precisely what was wrong (XC_INVALID_KERNEL for a bad image).  On
 * failure the domain is left for the caller to destroy.
 */
int xc_pv_build(xc_interface *xch, const struct xc_pv_build_config *cfg,
                struct xc_pv_build_info *info);

/* A whole PV domain, as a toolstack creates one. */
struct xc_pv_domain_spec
{
    xen_domain_handle_t handle; /* the domain's UUID */
    uint64_t memory_kib;        /* at boot */
    uint64_t max_memory_kib;    /* limit; at least memory_kib */
    unsigned int vcpus;
    const char *kernel, *initrd, *cmdline;
    uint32_t backend_domid;     /* xenstore and console (0: dom0) */
};

/*
 * Create, size and build a PV domain and leave it paused for the caller
 * to describe in xenstore and unpause.  Any failure destroys what was
 * made: no domain is left behind.  0 with *domidp set, or -1 as above.
 */
int xc_pv_domain_create(xc_interface *xch,
                        const struct xc_pv_domain_spec *spec,
                        uint32_t *domidp, struct xc_pv_build_info *info);

/* Xen's tools grant a PV domain this much above its memory target. */
#define XC_PV_MAXMEM_SLACK_KIB  1024

#endif /* LIBCTL_XCBUILD_H */
