/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An in-process model of the hypervisor, behind libctl's backend seam,
 * so tests drive libctl and the domain builder without a machine.  It
 * answers hypercalls the way Xen 4.17 does for a PV toolstack: domctl and
 * sysctl at interface version 0x15, memory, page-table pinning with Xen's
 * validation rules, event channels and grant tables.  Guest memory is a
 * memfd, so foreign mappings alias it exactly as privcmd mappings do.
 * Every pointer a hypercall passes must lie in hypercall-safe memory the
 * backend handed out, or the call fails with -EFAULT: this is how tests
 * catch an argument that was not bounced.
 */
#ifndef LIBCTL_FAKE_H
#define LIBCTL_FAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef __XEN_TOOLS__
#define __XEN_TOOLS__ 1
#endif
#include <public/xen.h>
#include <public/domctl.h>
#include <public/sysctl.h>
#include <public/event_channel.h>

#define FAKE_MAX_DOMAINS    64
#define FAKE_NR_PORTS       64
#define FAKE_MAX_CPUS       8
#define FAKE_CONSOLE_SIZE   16384
#define FAKE_MFN_BASE       0x100000UL  /* so that no MFN equals a PFN */

struct fake_config
{
    size_t nr_frames;           /* machine memory, in 4 KiB frames */
    unsigned int nr_cpus;
    bool no_superpages;         /* populate_physmap refuses order > 0 */
    bool no_resource;           /* no XENMEM_acquire_resource */
    bool credit1;               /* credit, not Xen 4.17's default credit2 */
};

/* Frame types, as validation gives them. */
enum fake_type { FT_NONE, FT_L1, FT_L2, FT_L3, FT_L4, FT_SPECIAL };

struct fake_frame
{
    uint16_t owner;             /* DOMID_INVALID when free */
    uint8_t type;               /* enum fake_type */
    bool pinned;
    uint32_t wmaps;             /* writable foreign mappings from dom0 */
    uint64_t gpfn;              /* M2P entry */
};

struct fake_vcpu
{
    bool online;                /* a context was set */
    vcpu_guest_context_t ctxt;
    uint8_t hard, soft;         /* affinity bitmaps (FAKE_MAX_CPUS bits) */
};

struct fake_port
{
    uint32_t state;             /* EVTCHNSTAT_* */
    uint16_t remote_dom;
    uint32_t remote_port;
    bool pending;
};

struct fake_domain
{
    domid_t domid;
    struct xen_domctl_createdomain config;
    xen_domain_handle_t handle;
    uint64_t max_pages;
    uint64_t tot_pages;
    unsigned int pause_count;   /* controller pauses */
    bool shutdown;
    unsigned int shutdown_reason;
    unsigned int address_size;
    int64_t time_offset;
    uint16_t weight, cap;
    uint64_t shared_info_mfn;
    uint64_t gnttab_mfn;
    uint64_t pinned_l4;         /* MFN, or 0 */
    uint64_t memmap_kib;        /* XENMEM_set_memory_map's RAM, or 0 */
    uint64_t hypercall_mfn;     /* XEN_DOMCTL_hypercall_init's, or 0 */
    /* config.max_vcpus of them, which exist once XEN_DOMCTL_max_vcpus
     * asked for them (as in Xen 4.17: createdomain only sizes the array). */
    struct fake_vcpu *vcpus;
    bool vcpus_created;
    struct fake_port ports[FAKE_NR_PORTS];
};

struct fake_mapping;
struct fake_hbuf;
struct fake_devport;

struct fake_hv
{
    struct fake_config cfg;
    int memfd;
    uint8_t *mem;               /* the whole of machine memory */
    struct fake_frame *frames;
    size_t free_frames;
    size_t alloc_cursor;        /* order-0 allocations walk down from here */
    struct fake_domain *doms[FAKE_MAX_DOMAINS];
    domid_t next_domid;
    struct fake_hbuf *hbufs;
    struct fake_mapping *maps;
    char console[FAKE_CONSOLE_SIZE];
    size_t console_len;
    uint64_t idle_ns[FAKE_MAX_CPUS];

    /* The last domctl and sysctl as they arrived, for tests. */
    struct xen_domctl last_domctl;
    struct xen_sysctl last_sysctl;

    /* Counters and fault injection for tests. */
    unsigned long nr_hypercalls[64];
    unsigned long nr_domctls[128];
    int fail_domctl;            /* XEN_DOMCTL_* to fail, or -1 */
    int fail_errno;             /* with this (positive) errno */
    unsigned long fail_populate_after; /* extents before ENOMEM; 0: none */

    /* dom0's event-channel device. */
    struct fake_devport *devports;
    int evtchn_efd;
};

/*
 * Build the machine (domain 0 exists, privileged, with no memory) and
 * make it libctl's backend.  One at a time.  NULL on failure.
 */
struct fake_hv *fake_hv_create(const struct fake_config *cfg);
/* Tear it down and give libctl back its Linux backend. */
void fake_hv_destroy(struct fake_hv *hv);

extern struct fake_hv *fake_hv_current;
extern const struct libctl_backend libctl_backend_fake;

struct fake_domain *fake_domain(struct fake_hv *hv, uint32_t domid);
unsigned int fake_nr_domains(struct fake_hv *hv);  /* dom0 included */
/* Foreign and grant mappings not yet unmapped. */
unsigned int fake_nr_mappings(struct fake_hv *hv);
/* Host pointer to a machine frame's contents, or NULL. */
void *fake_frame_ptr(struct fake_hv *hv, uint64_t mfn);
struct fake_frame *fake_frame_info(struct fake_hv *hv, uint64_t mfn);
/* Append to the hypervisor console ring. */
void fake_console_write(struct fake_hv *hv, const char *s);
/* A guest signals its port (interdomain): dom0's device sees it. */
int fake_guest_notify(struct fake_hv *hv, uint32_t domid, uint32_t port);

#endif /* LIBCTL_FAKE_H */
