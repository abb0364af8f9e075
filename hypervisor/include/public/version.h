/* SPDX-License-Identifier: GPL-2.0-only */
/* HYPERVISOR_xen_version: sub-commands and the buffers they fill. */
#ifndef __XEN_PUBLIC_VERSION_H__
#define __XEN_PUBLIC_VERSION_H__

#include "xen.h"

/* Returns (major << 16) | minor; takes no argument. */
#define XENVER_version      0

#define XENVER_extraversion 1
typedef char xen_extraversion_t[16];            /* OUT: e.g. ".0" */
#define XEN_EXTRAVERSION_LEN (sizeof(xen_extraversion_t))

#define XENVER_compile_info 2
struct xen_compile_info {                       /* OUT */
    char compiler[64];
    char compile_by[16];
    char compile_domain[32];
    char compile_date[32];
};
typedef struct xen_compile_info xen_compile_info_t;

#define XENVER_capabilities 3
typedef char xen_capabilities_info_t[1024];     /* OUT: "xen-3.0-x86_64 ..." */
#define XEN_CAPABILITIES_INFO_LEN (sizeof(xen_capabilities_info_t))

#define XENVER_changeset 4
typedef char xen_changeset_info_t[64];          /* OUT */
#define XEN_CHANGESET_INFO_LEN (sizeof(xen_changeset_info_t))

#define XENVER_platform_parameters 5
struct xen_platform_parameters {
    xen_ulong_t virt_start;     /* OUT: start of the hypervisor hole */
};
typedef struct xen_platform_parameters xen_platform_parameters_t;

#define XENVER_get_features 6
struct xen_feature_info {
    unsigned int submap_idx;    /* IN: which 32-bit block of XENFEAT_* */
    uint32_t     submap;        /* OUT: its bits */
};
typedef struct xen_feature_info xen_feature_info_t;

#include "features.h"

/* Returns the page size; takes no argument. */
#define XENVER_pagesize 7

/* Fills a xen_domain_handle_t: the handle the tools gave the domain. */
#define XENVER_guest_handle 8

#define XENVER_commandline 9
typedef char xen_commandline_t[1024];           /* OUT */

/* Fills a xen_build_id; returns the length written. */
#define XENVER_build_id 10
struct xen_build_id {
    uint32_t      len;                      /* IN: size of buf */
    unsigned char buf[XEN_FLEX_ARRAY_DIM];  /* OUT */
};
typedef struct xen_build_id xen_build_id_t;

#endif /* __XEN_PUBLIC_VERSION_H__ */
