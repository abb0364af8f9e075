/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the PV MMU guests share: the hypercalls, the P2M/M2P, walking our
 * own page tables, and frames to experiment on.
 *
 * Spare frames are taken from the top of our reservation: no start-of-day
 * mapping covers them, so they start with no type.  Scratch virtual pages
 * come from the padding the builder leaves after the boot stack (at least
 * 512 KiB, mapped by the bootstrap L1s), so mapping something there only
 * replaces a mapping of one of our own start-of-day frames.
 */
#ifndef MMU_COMMON_H
#define MMU_COMMON_H

#include "hvtest.h"
#include <public/memory.h>

#define PAGE        4096UL
#define PTE_P       0x001UL
#define PTE_RW      0x002UL
#define PTE_US      0x004UL
#define PTE_PWT     0x008UL
#define PTE_PCD     0x010UL
#define PTE_A       0x020UL
#define PTE_D       0x040UL
#define PTE_PSE     0x080UL
#define PTE_G       0x100UL
#define PTE_NX      (1UL << 63)
#define PTE_ADDR    0x000ffffffffff000UL
#define PTE_DATA    (PTE_P | PTE_RW | PTE_A | PTE_D)
#define PTE_TABLE   (PTE_P | PTE_RW | PTE_US | PTE_A | PTE_D)

#define M2P_BASE    0xffff800000000000UL
#define VEC_PF      14

/* Scratch slots available after the boot stack (512 KiB of padding). */
#define NR_SCRATCH  120

static inline unsigned long p2m(unsigned long pfn)
{
    return ((const unsigned long *)start_info->mfn_list)[pfn];
}

static inline unsigned long m2p(unsigned long mfn)
{
    return ((const unsigned long *)M2P_BASE)[mfn];
}

static inline unsigned long va_to_mfn(const void *va)
{
    return p2m(((unsigned long)va - VIRT_BASE) / PAGE);
}

/* Frames at the top of the reservation, never mapped at start of day. */
static inline unsigned long spare_pfn(unsigned int i)
{
    return start_info->nr_pages - 1 - i;
}

static inline unsigned long spare_mfn(unsigned int i)
{
    return p2m(spare_pfn(i));
}

static inline unsigned long scratch_va(unsigned int i)
{
    return start_info->pt_base + (start_info->nr_pt_frames + 1 + i) * PAGE;
}

static inline long mmu_update(mmu_update_t *req, unsigned int n,
                              unsigned int *done, unsigned int dom)
{
    return hypercall5(__HYPERVISOR_mmu_update, (unsigned long)req, n,
                      (unsigned long)done, dom, 0);
}

static inline long mmu_update1(unsigned long ptr, unsigned long val)
{
    mmu_update_t req = { ptr, val };

    return mmu_update(&req, 1, NULL, DOMID_SELF);
}

static inline long mmuext(mmuext_op_t *op, unsigned int n,
                          unsigned int *done, unsigned int dom)
{
    return hypercall5(__HYPERVISOR_mmuext_op, (unsigned long)op, n,
                      (unsigned long)done, dom, 0);
}

static inline long mmuext1(unsigned int cmd, unsigned long arg)
{
    mmuext_op_t op = { .cmd = cmd };

    op.arg1.mfn = arg;
    return mmuext(&op, 1, NULL, DOMID_SELF);
}

static inline long uvm(unsigned long va, uint64_t pte, unsigned long flags)
{
    return hypercall3(__HYPERVISOR_update_va_mapping, va, pte, flags);
}

static inline long memory_op(unsigned long cmd, void *arg)
{
    return hypercall2(__HYPERVISOR_memory_op, cmd, arg);
}

static inline long vm_assist(unsigned long cmd, unsigned long type)
{
    return hypercall2(__HYPERVISOR_vm_assist, cmd, type);
}

/* A table entry's frame as one of ours: its start-of-day virtual address. */
static inline uint64_t *table_va(uint64_t entry)
{
    return (uint64_t *)(VIRT_BASE + m2p((entry & PTE_ADDR) >> 12) * PAGE);
}

static inline uint64_t *l4_table(void)
{
    return (uint64_t *)start_info->pt_base;
}

static inline unsigned long l4_mfn(void)
{
    return va_to_mfn(l4_table());
}

/* The L1 entry mapping va (in the start-of-day tables), and its address. */
static inline uint64_t *l1e_of(unsigned long va, unsigned long *maddr)
{
    uint64_t *l3 = table_va(l4_table()[(va >> 39) & 511]);
    uint64_t *l2 = table_va(l3[(va >> 30) & 511]);
    uint64_t l2e = l2[(va >> 21) & 511];
    uint64_t *l1 = table_va(l2e);

    if ( maddr )
        *maddr = (l2e & PTE_ADDR) + ((va >> 12) & 511) * 8;
    return &l1[(va >> 12) & 511];
}

/* Machine address of entry 'slot' of the table in frame mfn. */
static inline unsigned long entry_ma(unsigned long mfn, unsigned int slot)
{
    return (mfn << 12) + slot * 8;
}

/* Map frame mfn at scratch slot i with the given flags (0: unmap). */
static inline long map_at(unsigned int i, unsigned long mfn,
                          unsigned long flags)
{
    return uvm(scratch_va(i), flags ? (mfn << 12) | flags : 0, UVMF_INVLPG);
}

static inline void *scratch(unsigned int i)
{
    return (void *)scratch_va(i);
}

/* Map, zero and unmap a frame: it is left with no mapping at all. */
static inline bool zero_frame(unsigned int slot, unsigned long mfn)
{
    if ( map_at(slot, mfn, PTE_DATA) )
        return false;
    memset(scratch(slot), 0, PAGE);
    return !map_at(slot, 0, 0);
}

/* Whether the hypervisor can write the page (no fault, no mapping RO). */
static inline bool writable(void *va)
{
    return !HYPERVISOR_xen_version(XENVER_platform_parameters, va);
}

static inline long current_reservation(void)
{
    domid_t self = DOMID_SELF;

    return memory_op(XENMEM_current_reservation, &self);
}

static inline long reservation(unsigned int cmd, xen_pfn_t *list,
                               unsigned long n, unsigned int order,
                               unsigned int flags)
{
    struct xen_memory_reservation r = {
        .nr_extents = n, .extent_order = order, .mem_flags = flags,
        .domid = DOMID_SELF,
    };

    set_xen_guest_handle(r.extent_start, list);
    return memory_op(cmd, &r);
}

#endif /* MMU_COMMON_H */
