/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the grant table guests share: the hypercall, our own table mapped
 * at a scratch page, and granting our frames to ourselves (a lone dom0
 * can be both granter and grantee, on Xen as on ours).
 */
#ifndef GNTTAB_COMMON_H
#define GNTTAB_COMMON_H

#include "mmu-common.h"
#include <public/grant_table.h>

/* Where the first frame of our grant table is mapped. */
#define GT_SLOT     (NR_SCRATCH - 1)

static inline long gnttab_op(unsigned int cmd, void *uop, unsigned int n)
{
    return hypercall3(__HYPERVISOR_grant_table_op, cmd, uop, n);
}

/* GNTTABOP_setup_table for ourselves; the status, or a negative errno. */
static inline long setup_table(domid_t dom, unsigned int nr,
                               xen_pfn_t *frames)
{
    struct gnttab_setup_table s = { .dom = dom, .nr_frames = nr };
    long rc;

    set_xen_guest_handle(s.frame_list, frames);
    rc = gnttab_op(GNTTABOP_setup_table, &s, 1);
    return rc ? rc : s.status;
}

/* Our table's first frame, mapped writable; NULL if that failed. */
static inline struct grant_entry_v1 *map_own_table(void)
{
    xen_pfn_t f[1];

    if ( setup_table(DOMID_SELF, 1, f) != GNTST_okay ||
         map_at(GT_SLOT, f[0], PTE_DATA) )
        return NULL;
    return scratch(GT_SLOT);
}

/* Fill an entry the way a granter must: the flags last. */
static inline void grant(struct grant_entry_v1 *gt, grant_ref_t ref,
                         domid_t dom, unsigned long frame, uint16_t flags)
{
    gt[ref].domid = dom;
    gt[ref].frame = frame;
    __atomic_store_n(&gt[ref].flags, flags, __ATOMIC_RELEASE);
}

static inline void ungrant(struct grant_entry_v1 *gt, grant_ref_t ref)
{
    __atomic_store_n(&gt[ref].flags, 0, __ATOMIC_RELEASE);
}

/* One GNTTABOP_map_grant_ref; the status, *handle set on success. */
static inline int map_ref(domid_t dom, grant_ref_t ref, uint32_t flags,
                          uint64_t addr, grant_handle_t *handle,
                          uint64_t *bus)
{
    struct gnttab_map_grant_ref m = {
        .host_addr = addr, .flags = flags, .ref = ref, .dom = dom,
        .status = 0x5555, .handle = 0xdeadbeef,
    };
    long rc = gnttab_op(GNTTABOP_map_grant_ref, &m, 1);

    if ( rc )
        return (int)rc;
    if ( handle )
        *handle = m.handle;
    if ( bus )
        *bus = m.dev_bus_addr;
    return m.status;
}

static inline int unmap_ref(uint64_t addr, uint64_t bus,
                            grant_handle_t handle)
{
    struct gnttab_unmap_grant_ref u = {
        .host_addr = addr, .dev_bus_addr = bus, .handle = handle,
        .status = 0x5555,
    };
    long rc = gnttab_op(GNTTABOP_unmap_grant_ref, &u, 1);

    return rc ? (int)rc : u.status;
}

#endif /* GNTTAB_COMMON_H */
