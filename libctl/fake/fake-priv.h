/* SPDX-License-Identifier: GPL-2.0-only */
/* The fake hypervisor's insides, shared by its files. */
#ifndef LIBCTL_FAKE_PRIV_H
#define LIBCTL_FAKE_PRIV_H

#include <errno.h>

#include "fake.h"

#define FAKE_PAGE 4096UL
#define FAKE_NO_MFN (~0ULL)

struct fake_hbuf
{
    struct fake_hbuf *next;
    uint8_t *p;
    size_t len;
};

enum fake_map_kind { FM_FOREIGN, FM_GRANT, FM_SHARE };

struct fake_mapping
{
    struct fake_mapping *next;
    uint8_t *addr;
    size_t n;
    uint64_t *mfns;             /* FAKE_NO_MFN where a frame failed */
    bool writable;
    enum fake_map_kind kind;
};

/* Ports of dom0's event-channel device, bound to guests' ports. */
struct fake_devport
{
    struct fake_devport *next;
    uint32_t port;              /* dom0's port */
    bool fired, masked;
};

/* Host memory for [addr, addr + len) of a hypercall argument, or NULL. */
void *fake_ptr(struct fake_hv *hv, uint64_t addr, size_t len);

/* Frames. */
bool fake_mfn_valid(struct fake_hv *hv, uint64_t mfn);
struct fake_frame *fake_frame_of(struct fake_hv *hv, uint64_t mfn);
/* 2^order frames for owner: the first MFN, or FAKE_NO_MFN. */
uint64_t fake_alloc_frames(struct fake_hv *hv, domid_t owner,
                           unsigned int order);
void fake_free_frame(struct fake_hv *hv, uint64_t mfn);

/* Domains. */
struct fake_domain *fake_domain_new(struct fake_hv *hv, domid_t domid,
                                    const struct xen_domctl_createdomain *c);
void fake_domain_free(struct fake_hv *hv, struct fake_domain *d);
bool fake_domain_running(const struct fake_domain *d);

/* getdomaininfo's answer: the first domain with an id >= domid. */
struct fake_domain *fake_domain_from(struct fake_hv *hv, uint32_t domid);
void fake_fill_info(struct fake_hv *hv, const struct fake_domain *d,
                    struct xen_domctl_getdomaininfo *i);

/* Hypercalls: results or -errno. */
long fake_domctl(struct fake_hv *hv, uint64_t arg);
long fake_sysctl(struct fake_hv *hv, uint64_t arg);
long fake_memory_op(struct fake_hv *hv, uint64_t cmd, uint64_t arg);
long fake_mmuext_op(struct fake_hv *hv, const uint64_t a[5]);
long fake_evtchn_op(struct fake_hv *hv, uint64_t cmd, uint64_t arg);
long fake_gnttab_op(struct fake_hv *hv, uint64_t cmd, uint64_t arg,
                    uint64_t count);

/* Validate and type the page-table tree under an L4 (Xen's rules). */
int fake_validate_l4(struct fake_hv *hv, struct fake_domain *d,
                     uint64_t mfn);
void fake_untype_tree(struct fake_hv *hv, uint64_t l4_mfn);

/* Mappings (fake-map.c). */
void *fake_map_frames(struct fake_hv *hv, const uint64_t *mfns, size_t n,
                      bool writable, enum fake_map_kind kind, int *err);
int fake_unmap(struct fake_hv *hv, void *addr, size_t n);
void fake_maps_fini(struct fake_hv *hv);
/* Drop records of mappings the process munmap()ed itself. */
void fake_prune_mappings(struct fake_hv *hv);

/* dom0's event device (fake-evtchn.c). */
void fake_devports_fini(struct fake_hv *hv);

#endif /* LIBCTL_FAKE_PRIV_H */
