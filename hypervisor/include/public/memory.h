/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_memory_op(cmd, arg): reservations (balloon), the physical
 * map, the machine-to-physical table and memory maps.
 */
#ifndef __XEN_PUBLIC_MEMORY_H__
#define __XEN_PUBLIC_MEMORY_H__

#include "xen.h"
#include "physdev.h"

/* Return the number of extents done; arg: xen_memory_reservation. */
#define XENMEM_increase_reservation 0
#define XENMEM_decrease_reservation 1
#define XENMEM_populate_physmap     6

#if __XEN_INTERFACE_VERSION__ >= 0x00030209
/* xen_memory_reservation.mem_flags */
#define XENMEMF_address_bits(x)     (x)     /* highest usable address bit */
#define XENMEMF_get_address_bits(x) ((x) & 0xffu)
#define XENMEMF_node(x)             (((x) + 1) << 8) /* preferred NUMA node */
#define XENMEMF_get_node(x)         ((((x) >> 8) - 1) & 0xffu)
#define XENMEMF_populate_on_demand  (1 << 16)
#define XENMEMF_exact_node_request  (1 << 17)
#define XENMEMF_exact_node(n) (XENMEMF_node(n) | XENMEMF_exact_node_request)
#define XENMEMF_vnode               (1 << 18) /* node is a virtual one */
#endif

struct xen_memory_reservation {
    /*
     * IN: frames to release (decrease) or the PFNs to fill (populate);
     * OUT: the machine frames allocated (increase).
     */
    XEN_GUEST_HANDLE(xen_pfn_t) extent_start;
    xen_ulong_t  nr_extents;    /* IN */
    unsigned int extent_order;  /* IN: 2^order pages per extent */
#if __XEN_INTERFACE_VERSION__ >= 0x00030209
    unsigned int mem_flags;     /* IN: XENMEMF_* */
#else
    unsigned int address_bits;  /* IN */
#endif
    domid_t      domid;         /* IN */
};
typedef struct xen_memory_reservation xen_memory_reservation_t;
DEFINE_XEN_GUEST_HANDLE(xen_memory_reservation_t);

/* Trades extents of one size or placement for another. */
#define XENMEM_exchange             11
struct xen_memory_exchange {
    struct xen_memory_reservation in;   /* IN: frames given up */
    struct xen_memory_reservation out;  /* IN/OUT: frames wanted */
    xen_ulong_t nr_exchanged;           /* OUT: progress so far */
};
typedef struct xen_memory_exchange xen_memory_exchange_t;
DEFINE_XEN_GUEST_HANDLE(xen_memory_exchange_t);

/* No argument; returns the highest machine frame. */
#define XENMEM_maximum_ram_page     2

/* These take a domid_t and return a page count or a frame number. */
struct xen_memory_domain {
    domid_t domid;              /* IN */
};
#define XENMEM_current_reservation  3
#define XENMEM_maximum_reservation  4
#define XENMEM_maximum_gpfn         14

/* Lists the machine frames backing the M2P table, 2 MiB each. */
#define XENMEM_machphys_mfn_list    5
struct xen_machphys_mfn_list {
    unsigned int max_extents;               /* IN */
    XEN_GUEST_HANDLE(xen_pfn_t) extent_start; /* OUT */
    unsigned int nr_extents;                /* OUT */
};
typedef struct xen_machphys_mfn_list xen_machphys_mfn_list_t;
DEFINE_XEN_GUEST_HANDLE(xen_machphys_mfn_list_t);

/* Same, for the compat (32-bit) M2P table. */
#define XENMEM_machphys_compat_mfn_list 25

/* Where the read-only M2P table sits in the guest's address space. */
#define XENMEM_machphys_mapping     12
struct xen_machphys_mapping {
    xen_ulong_t v_start, v_end; /* OUT: virtual range */
    xen_ulong_t max_mfn;        /* OUT: entries present */
};
typedef struct xen_machphys_mapping xen_machphys_mapping_t;
DEFINE_XEN_GUEST_HANDLE(xen_machphys_mapping_t);

/* Sources for XENMEM_add_to_physmap. */
#define XENMAPSPACE_shared_info     0
#define XENMAPSPACE_grant_table     1
#define XENMAPSPACE_gmfn            2
#define XENMAPSPACE_gmfn_range      3
#define XENMAPSPACE_gmfn_foreign    4
#define XENMAPSPACE_dev_mmio        5

/* Translated guests: places a hypervisor page or frame at gpfn. */
#define XENMEM_add_to_physmap       7
struct xen_add_to_physmap {
    domid_t  domid;             /* IN */
    uint16_t size;              /* IN: pages, for XENMAPSPACE_gmfn_range */
    unsigned int space;         /* IN: XENMAPSPACE_* */
#define XENMAPIDX_grant_table_status 0x80000000
    xen_ulong_t idx;            /* IN: index within the space */
    xen_pfn_t   gpfn;           /* IN: where to map it */
};
typedef struct xen_add_to_physmap xen_add_to_physmap_t;
DEFINE_XEN_GUEST_HANDLE(xen_add_to_physmap_t);

#define XENMEM_add_to_physmap_batch 23
struct xen_add_to_physmap_batch {
    domid_t  domid;             /* IN */
    uint16_t space;             /* IN: XENMAPSPACE_* */
    uint16_t size;              /* IN: entries in each list */
#if __XEN_INTERFACE_VERSION__ < 0x00040700
    domid_t foreign_domid;      /* IN: for XENMAPSPACE_gmfn_foreign */
#else
    union xen_add_to_physmap_batch_extra {
        domid_t foreign_domid;  /* IN: for XENMAPSPACE_gmfn_foreign */
        uint16_t res0;          /* must be zero otherwise */
    } u;
#endif
    XEN_GUEST_HANDLE(xen_ulong_t) idxs;     /* IN */
    XEN_GUEST_HANDLE(xen_pfn_t)   gpfns;    /* IN */
    XEN_GUEST_HANDLE(int)         errs;     /* OUT: per entry */
};
typedef struct xen_add_to_physmap_batch xen_add_to_physmap_batch_t;
DEFINE_XEN_GUEST_HANDLE(xen_add_to_physmap_batch_t);

#if __XEN_INTERFACE_VERSION__ < 0x00040400
#define XENMEM_add_to_physmap_range XENMEM_add_to_physmap_batch
#define xen_add_to_physmap_range    xen_add_to_physmap_batch
typedef struct xen_add_to_physmap_batch xen_add_to_physmap_range_t;
DEFINE_XEN_GUEST_HANDLE(xen_add_to_physmap_range_t);
#endif

#define XENMEM_remove_from_physmap  15
struct xen_remove_from_physmap {
    domid_t   domid;            /* IN */
    xen_pfn_t gpfn;             /* IN */
};
typedef struct xen_remove_from_physmap xen_remove_from_physmap_t;
DEFINE_XEN_GUEST_HANDLE(xen_remove_from_physmap_t);

/*
 * The caller's pseudo-physical E820 map (memory_map), the host's
 * (machine_memory_map, privileged), or a domain's (set_memory_map, tools).
 */
#define XENMEM_memory_map           9
struct xen_memory_map {
    unsigned int nr_entries;        /* IN: room in buffer; OUT: used */
    XEN_GUEST_HANDLE(void) buffer;  /* OUT: E820 entries, 20 bytes each */
};
typedef struct xen_memory_map xen_memory_map_t;
DEFINE_XEN_GUEST_HANDLE(xen_memory_map_t);

#define XENMEM_machine_memory_map   10

#define XENMEM_set_memory_map       13
struct xen_foreign_memory_map {
    domid_t domid;                  /* IN */
    struct xen_memory_map map;      /* IN */
};
typedef struct xen_foreign_memory_map xen_foreign_memory_map_t;
DEFINE_XEN_GUEST_HANDLE(xen_foreign_memory_map_t);

/* Populate-on-demand target of an HVM guest. */
#define XENMEM_set_pod_target       16
#define XENMEM_get_pod_target       17
struct xen_pod_target {
    uint64_t target_pages;      /* IN */
    uint64_t tot_pages;         /* OUT */
    uint64_t pod_cache_pages;   /* OUT */
    uint64_t pod_entries;       /* OUT */
    domid_t  domid;             /* IN */
};
typedef struct xen_pod_target xen_pod_target_t;

#if defined(__XEN__) || defined(__XEN_TOOLS__) || defined(__HV__)

#ifndef uint64_aligned_t
#define uint64_aligned_t uint64_t
#endif

/* No argument; return page counts. */
#define XENMEM_get_sharing_freed_pages  18
#define XENMEM_get_sharing_shared_pages 19

#define XENMEM_paging_op                20
#define XENMEM_paging_op_nominate       0
#define XENMEM_paging_op_evict          1
#define XENMEM_paging_op_prep           2

struct xen_mem_paging_op {
    uint8_t  op;                /* IN: XENMEM_paging_op_* */
    domid_t  domain;            /* IN */
    XEN_GUEST_HANDLE_64(const_uint8) buffer; /* IN: page contents (prep) */
    uint64_aligned_t gfn;       /* IN */
};
typedef struct xen_mem_paging_op xen_mem_paging_op_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_paging_op_t);

#define XENMEM_access_op                  21
#define XENMEM_access_op_set_access       0
#define XENMEM_access_op_get_access       1
#define XENMEM_access_op_set_access_multi 4

typedef enum {
    XENMEM_access_n,
    XENMEM_access_r,
    XENMEM_access_w,
    XENMEM_access_rw,
    XENMEM_access_x,
    XENMEM_access_rx,
    XENMEM_access_wx,
    XENMEM_access_rwx,
    XENMEM_access_rx2rw,    /* read/execute, then read/write on fault */
    XENMEM_access_n2rwx,    /* none, then everything on fault */
    XENMEM_access_default   /* the domain's default */
} xenmem_access_t;

struct xen_mem_access_op {
    uint8_t  op;                /* IN: XENMEM_access_op_* */
    uint8_t  access;            /* IN/OUT: xenmem_access_t */
    domid_t  domid;             /* IN */
    uint32_t nr;                /* IN: pages (set_access) or list length */
    uint64_aligned_t pfn;       /* IN: first page, ~0 for the default */
    XEN_GUEST_HANDLE(const_uint64) pfn_list;    /* IN: set_access_multi */
    XEN_GUEST_HANDLE(const_uint8)  access_list; /* IN: set_access_multi */
};
typedef struct xen_mem_access_op xen_mem_access_op_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_access_op_t);

#define XENMEM_sharing_op                   22
#define XENMEM_sharing_op_nominate_gfn      0
#define XENMEM_sharing_op_nominate_gref     1
#define XENMEM_sharing_op_share             2
#define XENMEM_sharing_op_debug_gfn         3
#define XENMEM_sharing_op_debug_mfn         4
#define XENMEM_sharing_op_debug_gref        5
#define XENMEM_sharing_op_add_physmap       6
#define XENMEM_sharing_op_audit             7
#define XENMEM_sharing_op_range_share       8
#define XENMEM_sharing_op_fork              9
#define XENMEM_sharing_op_fork_reset        10

#define XENMEM_SHARING_OP_S_HANDLE_INVALID  (-10)
#define XENMEM_SHARING_OP_C_HANDLE_INVALID  (-9)

/* A gfn field with this bit set holds a grant reference instead. */
#define XENMEM_SHARING_OP_FIELD_IS_GREF_FLAG (xen_mk_ullong(1) << 62)
#define XENMEM_SHARING_OP_FIELD_MAKE_GREF(field, val) \
    (field) = (XENMEM_SHARING_OP_FIELD_IS_GREF_FLAG | val)
#define XENMEM_SHARING_OP_FIELD_IS_GREF(field) \
    ((field) & XENMEM_SHARING_OP_FIELD_IS_GREF_FLAG)
#define XENMEM_SHARING_OP_FIELD_GET_GREF(field) \
    ((field) & (~XENMEM_SHARING_OP_FIELD_IS_GREF_FLAG))

struct xen_mem_sharing_op {
    uint8_t op;                 /* IN: XENMEM_sharing_op_* */
    domid_t domain;             /* IN */
    union {
        struct mem_sharing_op_nominate {
            union {
                uint64_aligned_t gfn;       /* IN */
                uint32_t grant_ref;         /* IN */
            } u;
            uint64_aligned_t handle;        /* OUT */
        } nominate;
        struct mem_sharing_op_share {
            uint64_aligned_t source_gfn;    /* IN */
            uint64_aligned_t source_handle; /* IN */
            uint64_aligned_t client_gfn;    /* IN */
            uint64_aligned_t client_handle; /* IN */
            domid_t client_domain;          /* IN */
        } share;
        struct mem_sharing_op_range {
            uint64_aligned_t first_gfn;     /* IN */
            uint64_aligned_t last_gfn;      /* IN */
            uint64_aligned_t opaque;        /* IN/OUT: continuation */
            domid_t client_domain;          /* IN */
            uint16_t _pad[3];
        } range;
        struct mem_sharing_op_debug {
            union {
                uint64_aligned_t gfn;       /* IN */
                uint64_aligned_t mfn;       /* IN */
                uint32_t gref;              /* IN */
            } u;
        } debug;
        struct mem_sharing_op_fork {
            domid_t parent_domain;          /* IN */
#define XENMEM_FORK_WITH_IOMMU_ALLOWED (1u << 0)
#define XENMEM_FORK_BLOCK_INTERRUPTS   (1u << 1)
#define XENMEM_FORK_RESET_STATE        (1u << 2)
#define XENMEM_FORK_RESET_MEMORY       (1u << 3)
            uint16_t flags;                 /* IN: XENMEM_FORK_* */
            uint32_t pad;
        } fork;
    } u;
};
typedef struct xen_mem_sharing_op xen_mem_sharing_op_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_sharing_op_t);

/* arg: a page count; 0 cancels the claim. */
#define XENMEM_claim_pages                  24

/* Ranges the IOMMU reserves (RMRR) that a device's owner must avoid. */
#define XENMEM_reserved_device_memory_map   27
struct xen_reserved_device_memory {
    xen_pfn_t   start_pfn;
    xen_ulong_t nr_pages;
};
typedef struct xen_reserved_device_memory xen_reserved_device_memory_t;
DEFINE_XEN_GUEST_HANDLE(xen_reserved_device_memory_t);

struct xen_reserved_device_memory_map {
#define XENMEM_RDM_ALL 1
    uint32_t flags;             /* IN: XENMEM_RDM_* */
    unsigned int nr_entries;    /* IN: room; OUT: used or needed */
    XEN_GUEST_HANDLE(xen_reserved_device_memory_t) buffer; /* OUT */
    union {
        physdev_pci_device_t pci;
    } dev;                      /* IN: unless XENMEM_RDM_ALL */
};
typedef struct xen_reserved_device_memory_map
    xen_reserved_device_memory_map_t;
DEFINE_XEN_GUEST_HANDLE(xen_reserved_device_memory_map_t);

#endif /* __XEN__ || __XEN_TOOLS__ || __HV__ */

/* Maps frames of a hypervisor resource owned by a domain. */
#define XENMEM_acquire_resource 28
struct xen_mem_acquire_resource {
    domid_t  domid;             /* IN */
    uint16_t type;              /* IN: XENMEM_resource_* */
#define XENMEM_resource_ioreq_server 0
#define XENMEM_resource_grant_table  1
#define XENMEM_resource_vmtrace_buf  2
    uint32_t id;                /* IN: instance, depends on type */
#define XENMEM_resource_grant_table_id_shared 0
#define XENMEM_resource_grant_table_id_status 1
    uint32_t nr_frames;         /* IN/OUT */
    uint32_t pad;
    uint64_t frame;             /* IN: first frame of the resource */
#define XENMEM_resource_ioreq_server_frame_bufioreq 0
#define XENMEM_resource_ioreq_server_frame_ioreq(n) (1 + (n))
    XEN_GUEST_HANDLE(xen_pfn_t) frame_list; /* IN/OUT */
};
typedef struct xen_mem_acquire_resource xen_mem_acquire_resource_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_acquire_resource_t);

/* Virtual NUMA layout of a domain. */
#define XENMEM_get_vnumainfo 26

struct xen_vmemrange {
    uint64_t start, end;
    unsigned int flags;
    unsigned int nid;
};
typedef struct xen_vmemrange xen_vmemrange_t;
DEFINE_XEN_GUEST_HANDLE(xen_vmemrange_t);

struct xen_vnuma_topology_info {
    domid_t  domid;             /* IN */
    uint16_t pad;
    unsigned int nr_vnodes;     /* IN: room; OUT: count */
    unsigned int nr_vcpus;      /* IN: room; OUT: count */
    unsigned int nr_vmemranges; /* IN: room; OUT: count */
    union {
        XEN_GUEST_HANDLE(uint) h;
        uint64_t pad;
    } vdistance;                /* OUT: nr_vnodes^2 distances */
    union {
        XEN_GUEST_HANDLE(uint) h;
        uint64_t pad;
    } vcpu_to_vnode;            /* OUT */
    union {
        XEN_GUEST_HANDLE(xen_vmemrange_t) h;
        uint64_t pad;
    } vmemrange;                /* OUT */
};
typedef struct xen_vnuma_topology_info xen_vnuma_topology_info_t;
DEFINE_XEN_GUEST_HANDLE(xen_vnuma_topology_info_t);

#endif /* __XEN_PUBLIC_MEMORY_H__ */
