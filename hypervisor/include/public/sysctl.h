/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_sysctl(struct xen_sysctl *): host-wide queries and controls
 * for the toolstack (console ring, physical info, domain list, CPUs,
 * scheduler).  Carries XEN_SYSCTL_INTERFACE_VERSION.  Only the operations
 * our tools use are declared; the command numbers are all listed, and the
 * union keeps Xen's 128-byte payload.
 */
#ifndef __XEN_PUBLIC_SYSCTL_H__
#define __XEN_PUBLIC_SYSCTL_H__

#if !defined(__XEN__) && !defined(__XEN_TOOLS__) && !defined(__HV__)
#error "sysctl operations are intended for use by node control tools only"
#endif

#include "xen.h"
#include "domctl.h"
#include "physdev.h"

#define XEN_SYSCTL_INTERFACE_VERSION 0x00000015

/* XEN_SYSCTL_readconsole: reads the hypervisor's console ring. */
struct xen_sysctl_readconsole {
    uint8_t  clear;                 /* IN: empty the ring afterwards */
    uint8_t  incremental;           /* IN: continue from index */
    uint8_t  pad0, pad1;
    uint32_t index;                 /* IN/OUT: position in the ring */
    XEN_GUEST_HANDLE_64(char) buffer; /* OUT */
    uint32_t count;                 /* IN: room; OUT: bytes written */
};

/* XEN_SYSCTL_tbuf_op: trace buffer control. */
struct xen_sysctl_tbuf_op {
#define XEN_SYSCTL_TBUFOP_get_info     0
#define XEN_SYSCTL_TBUFOP_set_cpu_mask 1
#define XEN_SYSCTL_TBUFOP_set_evt_mask 2
#define XEN_SYSCTL_TBUFOP_set_size     3
#define XEN_SYSCTL_TBUFOP_enable       4
#define XEN_SYSCTL_TBUFOP_disable      5
    uint32_t cmd;                   /* IN */
    struct xenctl_bitmap cpu_mask;  /* IN/OUT */
    uint32_t evt_mask;              /* IN/OUT */
    uint64_aligned_t buffer_mfn;    /* OUT */
    uint32_t size;                  /* IN/OUT: pages per CPU */
};

/* xen_sysctl_physinfo.capabilities */
#define _XEN_SYSCTL_PHYSCAP_hvm                0
#define XEN_SYSCTL_PHYSCAP_hvm     (1u << _XEN_SYSCTL_PHYSCAP_hvm)
#define _XEN_SYSCTL_PHYSCAP_pv                 1
#define XEN_SYSCTL_PHYSCAP_pv      (1u << _XEN_SYSCTL_PHYSCAP_pv)
#define _XEN_SYSCTL_PHYSCAP_directio           2
#define XEN_SYSCTL_PHYSCAP_directio (1u << _XEN_SYSCTL_PHYSCAP_directio)
#define _XEN_SYSCTL_PHYSCAP_hap                3
#define XEN_SYSCTL_PHYSCAP_hap     (1u << _XEN_SYSCTL_PHYSCAP_hap)
#define _XEN_SYSCTL_PHYSCAP_shadow             4
#define XEN_SYSCTL_PHYSCAP_shadow  (1u << _XEN_SYSCTL_PHYSCAP_shadow)
#define _XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share 5
#define XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share \
    (1u << _XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share)
#define XEN_SYSCTL_PHYSCAP_vmtrace   (1u << 6)
#define XEN_SYSCTL_PHYSCAP_vpmu      (1u << 7)
#define XEN_SYSCTL_PHYSCAP_gnttab_v1 (1u << 8)
#define XEN_SYSCTL_PHYSCAP_gnttab_v2 (1u << 9)
#define XEN_SYSCTL_PHYSCAP_MAX XEN_SYSCTL_PHYSCAP_gnttab_v2

/* XEN_SYSCTL_physinfo */
struct xen_sysctl_physinfo {
    uint32_t threads_per_core;      /* OUT */
    uint32_t cores_per_socket;      /* OUT */
    uint32_t nr_cpus;               /* OUT: online CPUs */
    uint32_t max_cpu_id;            /* OUT */
    uint32_t nr_nodes;              /* OUT */
    uint32_t max_node_id;           /* OUT */
    uint32_t cpu_khz;               /* OUT */
    uint32_t capabilities;          /* OUT: XEN_SYSCTL_PHYSCAP_* */
    uint32_t arch_capabilities;     /* OUT */
    uint32_t pad;
    uint64_aligned_t total_pages;   /* OUT */
    uint64_aligned_t free_pages;    /* OUT */
    uint64_aligned_t scrub_pages;   /* OUT */
    uint64_aligned_t outstanding_pages; /* OUT */
    uint64_aligned_t max_mfn;       /* OUT */
    uint32_t hw_cap[8];             /* OUT: CPUID feature words */
};

/* XEN_SYSCTL_sched_id */
struct xen_sysctl_sched_id {
    uint32_t sched_id;              /* OUT: XEN_SCHEDULER_* */
};

/* XEN_SYSCTL_getdomaininfolist: domains with id >= first_domain. */
struct xen_sysctl_getdomaininfolist {
    domid_t  first_domain;          /* IN */
    uint32_t max_domains;           /* IN */
    XEN_GUEST_HANDLE_64(xen_domctl_getdomaininfo_t) buffer; /* OUT */
    uint32_t num_domains;           /* OUT */
};

/* XEN_SYSCTL_debug_keys: injects debug key presses. */
struct xen_sysctl_debug_keys {
    XEN_GUEST_HANDLE_64(const_char) keys; /* IN */
    uint32_t nr_keys;               /* IN */
};

/* XEN_SYSCTL_getcpuinfo */
struct xen_sysctl_cpuinfo {
    uint64_aligned_t idletime;      /* ns */
};
typedef struct xen_sysctl_cpuinfo xen_sysctl_cpuinfo_t;
DEFINE_XEN_GUEST_HANDLE(xen_sysctl_cpuinfo_t);

struct xen_sysctl_getcpuinfo {
    uint32_t max_cpus;              /* IN */
    XEN_GUEST_HANDLE_64(xen_sysctl_cpuinfo_t) info; /* OUT */
    uint32_t nr_cpus;               /* OUT */
};

/* XEN_SYSCTL_availheap: free memory in an address-width band. */
struct xen_sysctl_availheap {
    uint32_t min_bitwidth;          /* IN: 0 for any */
    uint32_t max_bitwidth;          /* IN: 0 for any */
    int32_t  node;                  /* IN: -1 for all */
    uint64_aligned_t avail_bytes;   /* OUT */
};

/* XEN_SYSCTL_cpu_hotplug */
struct xen_sysctl_cpu_hotplug {
    uint32_t cpu;                   /* IN: ignored for SMT ops */
#define XEN_SYSCTL_CPU_HOTPLUG_ONLINE      0
#define XEN_SYSCTL_CPU_HOTPLUG_OFFLINE     1
#define XEN_SYSCTL_CPU_HOTPLUG_SMT_ENABLE  2
#define XEN_SYSCTL_CPU_HOTPLUG_SMT_DISABLE 3
    uint32_t op;                    /* IN */
};

/* XEN_SYSCTL_cputopoinfo */
#define XEN_INVALID_CORE_ID     (~0U)
#define XEN_INVALID_SOCKET_ID   (~0U)
#define XEN_INVALID_NODE_ID     (~0U)

struct xen_sysctl_cputopo {
    uint32_t core;
    uint32_t socket;
    uint32_t node;
};
typedef struct xen_sysctl_cputopo xen_sysctl_cputopo_t;
DEFINE_XEN_GUEST_HANDLE(xen_sysctl_cputopo_t);

struct xen_sysctl_cputopoinfo {
    uint32_t num_cpus;              /* IN: room; OUT: CPUs present */
    XEN_GUEST_HANDLE_64(xen_sysctl_cputopo_t) cputopo; /* OUT */
};

/* XEN_SYSCTL_numainfo */
#define XEN_INVALID_MEM_SZ      (~0U)
#define XEN_INVALID_NODE_DIST   (~0U)

struct xen_sysctl_meminfo {
    uint64_t memsize;
    uint64_t memfree;
};
typedef struct xen_sysctl_meminfo xen_sysctl_meminfo_t;
DEFINE_XEN_GUEST_HANDLE(xen_sysctl_meminfo_t);

struct xen_sysctl_numainfo {
    uint32_t num_nodes;             /* IN: room; OUT: nodes present */
    XEN_GUEST_HANDLE_64(xen_sysctl_meminfo_t) meminfo; /* OUT */
    XEN_GUEST_HANDLE_64(uint32) distance; /* OUT: num_nodes^2 */
};

/* XEN_SYSCTL_cpupool_op */
#define XEN_SYSCTL_CPUPOOL_OP_CREATE     1
#define XEN_SYSCTL_CPUPOOL_OP_DESTROY    2
#define XEN_SYSCTL_CPUPOOL_OP_INFO       3
#define XEN_SYSCTL_CPUPOOL_OP_ADDCPU     4
#define XEN_SYSCTL_CPUPOOL_OP_RMCPU      5
#define XEN_SYSCTL_CPUPOOL_OP_MOVEDOMAIN 6
#define XEN_SYSCTL_CPUPOOL_OP_FREEINFO   7
#define XEN_SYSCTL_CPUPOOL_PAR_ANY       0xFFFFFFFF
struct xen_sysctl_cpupool_op {
    uint32_t op;                    /* IN: XEN_SYSCTL_CPUPOOL_OP_* */
    uint32_t cpupool_id;            /* IN/OUT */
    uint32_t sched_id;              /* IN (create) / OUT (info) */
    uint32_t domid;                 /* IN (movedomain) */
    uint32_t cpu;                   /* IN (addcpu, rmcpu) */
    uint32_t n_dom;                 /* OUT (info) */
    struct xenctl_bitmap cpumap;    /* OUT (info, freeinfo) */
};

/* XEN_SYSCTL_scheduler_op: parameters of a CPU pool's scheduler. */
#define ARINC653_MAX_DOMAINS_PER_SCHEDULE 64
struct xen_sysctl_arinc653_schedule {
    uint64_aligned_t major_frame;
    uint8_t num_sched_entries;
    struct {
        xen_domain_handle_t dom_handle;
        uint32_t vcpu_id;
        uint64_aligned_t runtime;
    } sched_entries[ARINC653_MAX_DOMAINS_PER_SCHEDULE];
};
typedef struct xen_sysctl_arinc653_schedule xen_sysctl_arinc653_schedule_t;
DEFINE_XEN_GUEST_HANDLE(xen_sysctl_arinc653_schedule_t);

#define XEN_SYSCTL_SCHED_RATELIMIT_MAX 500000
#define XEN_SYSCTL_SCHED_RATELIMIT_MIN 100

struct xen_sysctl_credit_schedule {
#define XEN_SYSCTL_CSCHED_TSLICE_MAX 1000
#define XEN_SYSCTL_CSCHED_TSLICE_MIN 1
    uint32_t tslice_ms;             /* time slice */
    uint32_t ratelimit_us;          /* minimum run before preemption */
#define XEN_SYSCTL_CSCHED_MGR_DLY_MAX_US (100 * 1000)
    uint32_t vcpu_migr_delay_us;
};

struct xen_sysctl_credit2_schedule {
    uint32_t ratelimit_us;
};

#define XEN_SYSCTL_SCHEDOP_putinfo 0
#define XEN_SYSCTL_SCHEDOP_getinfo 1
struct xen_sysctl_scheduler_op {
    uint32_t cpupool_id;            /* IN */
    uint32_t sched_id;              /* IN: XEN_SCHEDULER_* */
    uint32_t cmd;                   /* IN: XEN_SYSCTL_SCHEDOP_* */
    union {                         /* IN (put) / OUT (get) */
        struct xen_sysctl_sched_arinc653 {
            XEN_GUEST_HANDLE_64(xen_sysctl_arinc653_schedule_t) schedule;
        } sched_arinc653;
        struct xen_sysctl_credit_schedule  sched_credit;
        struct xen_sysctl_credit2_schedule sched_credit2;
    } u;
};

/* XEN_SYSCTL_get_cpu_levelling_caps */
struct xen_sysctl_cpu_levelling_caps {
#define XEN_SYSCTL_CPU_LEVELCAP_faulting    (1ul << 0)
#define XEN_SYSCTL_CPU_LEVELCAP_ecx         (1ul << 1)
#define XEN_SYSCTL_CPU_LEVELCAP_edx         (1ul << 2)
#define XEN_SYSCTL_CPU_LEVELCAP_extd_ecx    (1ul << 3)
#define XEN_SYSCTL_CPU_LEVELCAP_extd_edx    (1ul << 4)
#define XEN_SYSCTL_CPU_LEVELCAP_xsave_eax   (1ul << 5)
#define XEN_SYSCTL_CPU_LEVELCAP_thermal_ecx (1ul << 6)
#define XEN_SYSCTL_CPU_LEVELCAP_l7s0_eax    (1ul << 7)
#define XEN_SYSCTL_CPU_LEVELCAP_l7s0_ebx    (1ul << 8)
    uint32_t caps;                  /* OUT */
};

/* XEN_SYSCTL_get_cpu_featureset */
struct xen_sysctl_cpu_featureset {
#define XEN_SYSCTL_cpu_featureset_raw     0
#define XEN_SYSCTL_cpu_featureset_host    1
#define XEN_SYSCTL_cpu_featureset_pv      2
#define XEN_SYSCTL_cpu_featureset_hvm     3
#define XEN_SYSCTL_cpu_featureset_pv_max  4
#define XEN_SYSCTL_cpu_featureset_hvm_max 5
    uint32_t index;                 /* IN */
    uint32_t nr_features;           /* IN: room; OUT: words */
    XEN_GUEST_HANDLE_64(uint32) features; /* OUT */
};

/* XEN_SYSCTL_get_cpu_policy */
struct xen_sysctl_cpu_policy {
#define XEN_SYSCTL_cpu_policy_raw         0
#define XEN_SYSCTL_cpu_policy_host        1
#define XEN_SYSCTL_cpu_policy_pv_max      2
#define XEN_SYSCTL_cpu_policy_hvm_max     3
#define XEN_SYSCTL_cpu_policy_pv_default  4
#define XEN_SYSCTL_cpu_policy_hvm_default 5
    uint32_t index;                 /* IN */
    uint32_t nr_leaves;             /* IN: room; OUT: count */
    uint32_t nr_msrs;               /* IN: room; OUT: count */
    uint32_t _rsvd;
    XEN_GUEST_HANDLE_64(xen_cpuid_leaf_t) leaves; /* OUT */
    XEN_GUEST_HANDLE_64(xen_msr_entry_t)  msrs;   /* OUT */
};
typedef struct xen_sysctl_cpu_policy xen_sysctl_cpu_policy_t;
DEFINE_XEN_GUEST_HANDLE(xen_sysctl_cpu_policy_t);

struct xen_sysctl {
    uint32_t cmd;                   /* IN: XEN_SYSCTL_* */
#define XEN_SYSCTL_readconsole                    1
#define XEN_SYSCTL_tbuf_op                        2
#define XEN_SYSCTL_physinfo                       3
#define XEN_SYSCTL_sched_id                       4
#define XEN_SYSCTL_perfc_op                       5
#define XEN_SYSCTL_getdomaininfolist              6
#define XEN_SYSCTL_debug_keys                     7
#define XEN_SYSCTL_getcpuinfo                     8
#define XEN_SYSCTL_availheap                      9
#define XEN_SYSCTL_get_pmstat                    10
#define XEN_SYSCTL_cpu_hotplug                   11
#define XEN_SYSCTL_pm_op                         12
#define XEN_SYSCTL_page_offline_op               14
#define XEN_SYSCTL_lockprof_op                   15
#define XEN_SYSCTL_cputopoinfo                   16
#define XEN_SYSCTL_numainfo                      17
#define XEN_SYSCTL_cpupool_op                    18
#define XEN_SYSCTL_scheduler_op                  19
#define XEN_SYSCTL_coverage_op                   20
#define XEN_SYSCTL_psr_cmt_op                    21
#define XEN_SYSCTL_pcitopoinfo                   22
#define XEN_SYSCTL_psr_alloc                     23
#define XEN_SYSCTL_get_cpu_levelling_caps        25
#define XEN_SYSCTL_get_cpu_featureset            26
#define XEN_SYSCTL_livepatch_op                  27
#define XEN_SYSCTL_get_cpu_policy                29
    uint32_t interface_version;     /* IN: XEN_SYSCTL_INTERFACE_VERSION */
    union {
        struct xen_sysctl_readconsole        readconsole;
        struct xen_sysctl_tbuf_op            tbuf_op;
        struct xen_sysctl_physinfo           physinfo;
        struct xen_sysctl_cputopoinfo        cputopoinfo;
        struct xen_sysctl_numainfo           numainfo;
        struct xen_sysctl_sched_id           sched_id;
        struct xen_sysctl_getdomaininfolist  getdomaininfolist;
        struct xen_sysctl_debug_keys         debug_keys;
        struct xen_sysctl_getcpuinfo         getcpuinfo;
        struct xen_sysctl_availheap          availheap;
        struct xen_sysctl_cpu_hotplug        cpu_hotplug;
        struct xen_sysctl_cpupool_op         cpupool_op;
        struct xen_sysctl_scheduler_op       scheduler_op;
        struct xen_sysctl_cpu_levelling_caps cpu_levelling_caps;
        struct xen_sysctl_cpu_featureset     cpu_featureset;
        struct xen_sysctl_cpu_policy         cpu_policy;
        uint8_t                              pad[128];
    } u;
};
typedef struct xen_sysctl xen_sysctl_t;
DEFINE_XEN_GUEST_HANDLE(xen_sysctl_t);

#endif /* __XEN_PUBLIC_SYSCTL_H__ */
