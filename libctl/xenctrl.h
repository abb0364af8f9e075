/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libctl: the libxenctrl calls a dom0 toolstack needs, with Xen's names
 * and signatures, at Xen 4.17's domctl/sysctl interface version (0x15).
 * Unless said otherwise a call returns 0 (or a pointer) on success, and
 * -1 (or NULL) with errno set on failure; xc_get_last_error() says why.
 */
#ifndef LIBCTL_XENCTRL_H
#define LIBCTL_XENCTRL_H

#ifndef __XEN_TOOLS__
#define __XEN_TOOLS__ 1
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <public/xen.h>
#include <public/domctl.h>
#include <public/sysctl.h>
#include <public/version.h>
#include <public/event_channel.h>
#include <public/sched.h>
#include <public/memory.h>
#include <public/grant_table.h>

#define XC_PAGE_SHIFT           12
#define XC_PAGE_SIZE            (1UL << XC_PAGE_SHIFT)
#define XC_PAGE_MASK            (~(XC_PAGE_SIZE - 1))

#define INVALID_MFN             (~0UL)

typedef struct xc_interface_core xc_interface;

/* Logging objects of Xen's libxentoollog: only NULL (stderr) is taken. */
typedef struct xentoollog_logger xentoollog_logger;

enum xc_error_code {
    XC_ERROR_NONE = 0,
    XC_INTERNAL_ERROR = 1,
    XC_INVALID_KERNEL = 2,
    XC_INVALID_PARAM = 3,
    XC_OUT_OF_MEMORY = 4,
};
typedef enum xc_error_code xc_error_code;

enum xc_open_flags {
    XC_OPENFLAG_DUMMY = 1 << 0,         /* no hypervisor: nothing works */
    XC_OPENFLAG_NON_REENTRANT = 1 << 1, /* accepted, no effect */
};

/*
 * Open the hypervisor interface (/dev/xen/privcmd in a Linux dom0, or
 * the backend libctl_set_backend() chose).  Loggers must be NULL: errors
 * go to xc_get_last_error() (and to stderr after libctl_set_verbose()).
 */
xc_interface *xc_interface_open(xentoollog_logger *logger,
                                xentoollog_logger *dombuild_logger,
                                unsigned int open_flags);
int xc_interface_close(xc_interface *xch);

/* Errors. */
#define XC_MAX_ERROR_MSG_LEN 1024
typedef struct xc_error {
    enum xc_error_code code;
    char message[XC_MAX_ERROR_MSG_LEN];
} xc_error;

const char *xc_error_code_to_desc(int code);
const char *xc_strerror(xc_interface *xch, int errcode);
const xc_error *xc_get_last_error(xc_interface *xch);
void xc_clear_last_error(xc_interface *xch);

/* Raw operations: the structure is copied to hypercall-safe memory. */
int xc_domctl(xc_interface *xch, struct xen_domctl *domctl);
int xc_sysctl(xc_interface *xch, struct xen_sysctl *sysctl);
long xc_memory_op(xc_interface *xch, unsigned int cmd, void *arg,
                  size_t len);
int xc_version(xc_interface *xch, int cmd, void *arg);

/* Host. */
typedef struct xen_sysctl_physinfo xc_physinfo_t;
typedef struct xen_sysctl_cpuinfo xc_cpuinfo_t;

int xc_physinfo(xc_interface *xch, xc_physinfo_t *info);
int xc_getcpuinfo(xc_interface *xch, int max_cpus, xc_cpuinfo_t *info,
                  int *nr_cpus);
int xc_sched_id(xc_interface *xch, int *sched_id);
/*
 * Read the hypervisor's console ring into buffer (*pnr_chars bytes of
 * room; on return the bytes read).  incremental continues from *pindex
 * and updates it; clear empties the ring afterwards.
 */
int xc_readconsolering(xc_interface *xch, char *buffer,
                       unsigned int *pnr_chars, int clear, int incremental,
                       uint32_t *pindex);
int xc_maximum_ram_page(xc_interface *xch, unsigned long *max_mfn);

/* CPU maps: one bit per CPU, xc_get_cpumap_size() bytes. */
typedef uint8_t *xc_cpumap_t;

int xc_get_max_cpus(xc_interface *xch);
int xc_get_online_cpus(xc_interface *xch);
int xc_get_cpumap_size(xc_interface *xch);
xc_cpumap_t xc_cpumap_alloc(xc_interface *xch);     /* free() it */
void xc_cpumap_clearcpu(int cpu, xc_cpumap_t map);
void xc_cpumap_setcpu(int cpu, xc_cpumap_t map);
int xc_cpumap_testcpu(int cpu, xc_cpumap_t map);

/* Domains. */
typedef xen_domctl_getdomaininfo_t xc_domaininfo_t;

static inline unsigned int dominfo_shutdown_reason(const xc_domaininfo_t *i)
{
    return (i->flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask;
}

static inline bool dominfo_shutdown_with(const xc_domaininfo_t *i,
                                         unsigned int reason)
{
    return (i->flags & XEN_DOMINF_shutdown) &&
           dominfo_shutdown_reason(i) == reason;
}

typedef union
{
    vcpu_guest_context_t c;
    vcpu_guest_context_t x64;
} vcpu_guest_context_any_t;

/* *pdomid: the id wanted, 0 for any; the id given on return. */
int xc_domain_create(xc_interface *xch, uint32_t *pdomid,
                     struct xen_domctl_createdomain *config);
int xc_domain_max_vcpus(xc_interface *xch, uint32_t domid,
                        unsigned int max);
int xc_domain_pause(xc_interface *xch, uint32_t domid);
int xc_domain_unpause(xc_interface *xch, uint32_t domid);
int xc_domain_destroy(xc_interface *xch, uint32_t domid);
/* reason: SHUTDOWN_*, delivered as the domain asking it itself. */
int xc_domain_shutdown(xc_interface *xch, uint32_t domid, int reason);
int xc_domain_setmaxmem(xc_interface *xch, uint32_t domid,
                        uint64_t max_memkb);
int xc_domain_sethandle(xc_interface *xch, uint32_t domid,
                        xen_domain_handle_t handle);
int xc_domain_set_address_size(xc_interface *xch, uint32_t domid,
                               unsigned int width);
int xc_domain_get_guest_width(xc_interface *xch, uint32_t domid,
                              unsigned int *guest_width);
int xc_domain_set_time_offset(xc_interface *xch, uint32_t domid,
                              int32_t time_offset_seconds);
/* 0 and *info filled (info may be NULL), or -1 with errno ESRCH. */
int xc_domain_getinfo_single(xc_interface *xch, uint32_t domid,
                             xc_domaininfo_t *info);
/* Domains with id >= first_domain: how many were written, or -1. */
int xc_domain_getinfolist(xc_interface *xch, uint32_t first_domain,
                          unsigned int max_domains, xc_domaininfo_t *info);
long xc_get_tot_pages(xc_interface *xch, uint32_t domid);

/* VCPUs. */
typedef struct xen_domctl_getvcpuinfo xc_vcpuinfo_t;

int xc_vcpu_setcontext(xc_interface *xch, uint32_t domid, uint32_t vcpu,
                       vcpu_guest_context_any_t *ctxt);
int xc_vcpu_getcontext(xc_interface *xch, uint32_t domid, uint32_t vcpu,
                       vcpu_guest_context_any_t *ctxt);
int xc_vcpu_getinfo(xc_interface *xch, uint32_t domid, uint32_t vcpu,
                    xc_vcpuinfo_t *info);
/*
 * Set the hard and/or soft affinity (flags: XEN_VCPUAFFINITY_*); the
 * maps come back holding the effective affinity.  Either may be NULL
 * when its flag is clear.
 */
int xc_vcpu_setaffinity(xc_interface *xch, uint32_t domid, int vcpu,
                        xc_cpumap_t cpumap_hard_inout,
                        xc_cpumap_t cpumap_soft_inout, uint32_t flags);
int xc_vcpu_getaffinity(xc_interface *xch, uint32_t domid, int vcpu,
                        xc_cpumap_t cpumap_hard, xc_cpumap_t cpumap_soft,
                        uint32_t flags);

/* Credit schedulers. */
int xc_sched_credit_domain_set(xc_interface *xch, uint32_t domid,
                               struct xen_domctl_sched_credit *sdom);
int xc_sched_credit_domain_get(xc_interface *xch, uint32_t domid,
                               struct xen_domctl_sched_credit *sdom);
/* Credit2 (Xen 4.17's default): cap 0 means no cap. */
int xc_sched_credit2_domain_set(xc_interface *xch, uint32_t domid,
                                struct xen_domctl_sched_credit2 *sdom);
int xc_sched_credit2_domain_get(xc_interface *xch, uint32_t domid,
                                struct xen_domctl_sched_credit2 *sdom);

/* Memory. */
int xc_domain_populate_physmap(xc_interface *xch, uint32_t domid,
                               unsigned long nr_extents,
                               unsigned int extent_order,
                               unsigned int mem_flags,
                               xen_pfn_t *extent_start);
/* The same, failing unless every extent was populated. */
int xc_domain_populate_physmap_exact(xc_interface *xch, uint32_t domid,
                                     unsigned long nr_extents,
                                     unsigned int extent_order,
                                     unsigned int mem_flags,
                                     xen_pfn_t *extent_start);
int xc_domain_decrease_reservation_exact(xc_interface *xch, uint32_t domid,
                                         unsigned long nr_extents,
                                         unsigned int extent_order,
                                         xen_pfn_t *extent_start);
/* One RAM range [0, map_limitkb) as the domain's E820 map (balloon room). */
int xc_domain_set_memmap_limit(xc_interface *xch, uint32_t domid,
                               unsigned long map_limitkb);
/* ops act on dom's page tables (DOMID_SELF for the caller's). */
int xc_mmuext_op(xc_interface *xch, struct mmuext_op *op,
                 unsigned int nr_ops, uint32_t dom);

/*
 * Map frames of a domain (machine frames for a PV domain) into this
 * process; release with munmap().
 */
void *xc_map_foreign_range(xc_interface *xch, uint32_t dom, int size,
                           int prot, unsigned long mfn);
void *xc_map_foreign_pages(xc_interface *xch, uint32_t dom, int prot,
                           const xen_pfn_t *arr, int num);
/* Per-frame results in err[] (0 or -errno); NULL only if none mapped. */
void *xc_map_foreign_bulk(xc_interface *xch, uint32_t dom, int prot,
                          const xen_pfn_t *arr, int *err, unsigned int num);

int xc_clear_domain_pages(xc_interface *xch, uint32_t domid,
                          unsigned long dst_pfn, int num);
static inline int xc_clear_domain_page(xc_interface *xch, uint32_t domid,
                                       unsigned long dst_pfn)
{
    return xc_clear_domain_pages(xch, domid, dst_pfn, 1);
}

/* Event channels. */
typedef int xc_evtchn_port_or_error_t;
typedef struct evtchn_status xc_evtchn_status_t;

/* A port of dom that remote_dom may bind to; the port or -1. */
xc_evtchn_port_or_error_t xc_evtchn_alloc_unbound(xc_interface *xch,
                                                  uint32_t dom,
                                                  uint32_t remote_dom);
int xc_evtchn_status(xc_interface *xch, xc_evtchn_status_t *status);

/* Grant tables. */
int xc_gnttab_op(xc_interface *xch, int cmd, void *op, int op_size,
                 int count);
int xc_gnttab_query_size(xc_interface *xch, struct gnttab_query_size *q);

/*
 * Give backend domains the reserved grant entries of a new domain's
 * console and xenstore pages (GNTTAB_RESERVED_CONSOLE/XENSTORE), as a
 * guest would, so backends may map them by grant.
 */
int xc_dom_gnttab_seed(xc_interface *xch, uint32_t guest_domid,
                       bool is_hvm, xen_pfn_t console_gfn,
                       xen_pfn_t xenstore_gfn, uint32_t console_domid,
                       uint32_t xenstore_domid);

#endif /* LIBCTL_XENCTRL_H */
