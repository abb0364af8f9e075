/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant tables (version 1): what a domain's table is made of, the calls
 * the domain lifecycle and memory_op make, and the arch hooks that install
 * grant mappings in page tables.  common/grant_table.c states the model.
 */
#ifndef HV_GRANT_TABLE_H
#define HV_GRANT_TABLE_H

#include <hv/types.h>
#include <hv/guest-access.h>

struct domain;
struct grant_table;

/* Xen's defaults (gnttab_max_frames, gnttab_max_maptrack_frames). */
#define GNTTAB_DEFAULT_MAX_FRAMES       64
#define GNTTAB_DEFAULT_MAX_MAPTRACK     1024
/* The only table layout this hypervisor offers (gnttab=max-ver:1). */
#define GNTTAB_MAX_VERSION              1

/*
 * Give d its grant table, as createdomain asks: max_grant_frames and
 * max_maptrack_frames (-1: the defaults above), grant_opts with the
 * highest version the domain may select.  The table starts with one
 * frame, version 1.  0, or -EINVAL for a configuration Xen 4.17 refuses
 * with gnttab=max-ver:1, or -ENOMEM (nothing is left allocated).
 */
int grant_table_init(struct domain *d, int max_grant_frames,
                     int max_maptrack_frames, unsigned int grant_opts);

/*
 * d is dying: drop the pins and references of every grant d maps from
 * others (host mappings' references belong to d's page tables, which the
 * arch relinquish drops), and d's allocation references on its shared
 * frames.  Grants others map from d stay valid until they unmap them.
 */
void grant_table_relinquish(struct domain *d);

/*
 * Whether another domain still references one of d's shared frames (a
 * toolstack's mapping of them): d must not be freed while one does.
 */
bool grant_table_in_use(const struct domain *d);

/*
 * The last of d: free the table and its frames.  Only once nothing of d
 * is referenced any more (arch_domain_may_free()).
 */
void grant_table_destroy(struct domain *d);

/* HYPERVISOR_grant_table_op: a GNTTABOP_* batch of count operations. */
long do_grant_table_op(unsigned int cmd, guest_va_t uop, unsigned int count);

/*
 * XENMEM_acquire_resource, type grant_table: the machine frames of d's
 * shared frames [frame, frame + nr) (the table grows to hold them), for a
 * privileged caller to map.  nr on success, or -EINVAL (bad id or range,
 * no memory to grow).  max_frames is the most a caller may ask for.
 */
int gnttab_acquire_resource(struct domain *d, unsigned int id,
                            unsigned int frame, unsigned int nr,
                            uint64_t mfn_list[]);
unsigned int gnttab_resource_max_frames(const struct domain *d,
                                        unsigned int id);

/*
 * The arch side: a PV host mapping of frame mfn for the current VCPU at
 * addr, a virtual address, or with GNTMAP_contains_pte the machine address
 * of the L1 entry to write.  The references the entry holds are taken by
 * the caller.  GNTST_okay or GNTST_general_error.
 */
int arch_gnttab_create_mapping(uint64_t addr, mfn_t mfn, unsigned int flags);
/*
 * Undo one: addr must map mfn with the rights flags gave.  With new_addr
 * (GNTTABOP_unmap_and_replace, virtual addresses only) the entry for
 * new_addr moves to addr; otherwise addr's entry is cleared.  Nothing is
 * put: the caller drops the references.  GNTST_okay or
 * GNTST_general_error.
 */
int arch_gnttab_replace_mapping(uint64_t addr, mfn_t mfn, uint64_t new_addr,
                                unsigned int flags);
/* Grant mappings of d were removed: no CPU may keep using them. */
void arch_gnttab_flush_tlb(struct domain *d);
/* GNTTAB_CACHE_CLEAN (with or without INVAL) of a frame's range. */
void arch_gnttab_clean_cache(mfn_t mfn, unsigned int offset,
                             unsigned int len);

#endif /* HV_GRANT_TABLE_H */
