/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The x86 memory_op commands: E820 maps (the guest's own, the machine's
 * for dom0) and where the M2P table lives.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/boot.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/hypercall.h>
#include <hv/mm.h>
#include <hv/page-alloc.h>
#include <hv/answers.h>
#include <asm/mm.h>
#include <public/memory.h>
#include "mm.h"

struct e820entry
{
    uint64_t addr, size;
    uint32_t type;
} __packed;

/* A domain's pseudo-physical map lives in one page of its own. */
#define E820_PER_PAGE   (PAGE_SIZE / sizeof(struct e820entry))

static long memory_map(guest_va_t arg)
{
    struct domain *d = current_vcpu()->domain;
    struct xen_memory_map map;
    unsigned int n;

    if ( copy_from_guest(&map, arg, sizeof(map)) )
        return -EFAULT;
    /* A PV dom0 has none: Linux then falls back to its nr_pages. */
    if ( !d->arch.nr_e820 || !d->arch.e820_maddr )
        return -ENOSYS;
    n = MIN(map.nr_entries, d->arch.nr_e820);
    map.nr_entries = n;
    if ( copy_to_guest((unsigned long)map.buffer.p,
                       maddr_to_virt(d->arch.e820_maddr), n * 20) ||
         copy_to_guest(arg, &map, sizeof(map)) )
        return -EFAULT;
    return 0;
}

static long set_memory_map(guest_va_t arg)
{
    struct xen_foreign_memory_map fmap;
    struct domain *d;

    if ( copy_from_guest(&fmap, arg, sizeof(fmap)) )
        return -EFAULT;
    if ( fmap.map.nr_entries > E820_PER_PAGE )
        return -EINVAL;
    d = fmap.domid == DOMID_SELF ? current_vcpu()->domain
                                 : domain_lookup(fmap.domid);
    if ( !d )
        return -ESRCH;
    if ( d != current_vcpu()->domain && !current_vcpu()->domain->is_privileged )
        return -EPERM;
    if ( !d->arch.e820_maddr && !(d->arch.e820_maddr = alloc_zeroed_page()) )
        return -ENOMEM;
    if ( copy_from_guest(maddr_to_virt(d->arch.e820_maddr),
                         (unsigned long)fmap.map.buffer.p,
                         fmap.map.nr_entries * sizeof(struct e820entry)) )
        return -EFAULT;
    d->arch.nr_e820 = fmap.map.nr_entries;
    return 0;
}

/* The machine map under construction, as Xen's memory_map_context. */
struct mmap_ctxt
{
    struct xen_memory_map map;
    guest_va_t buffer;
    bool store;
    unsigned int n;
    unsigned long s;                /* first frame not yet described */
};

/*
 * Report the I/O memory the caller may not use in [c->s, end) as
 * reserved: the frames it may use are left out, as on Xen, and so are
 * holes above the CPU's physical address width.
 */
static int report_holes(struct mmap_ctxt *c, unsigned long end)
{
    const struct domain *d = current_vcpu()->domain;
    unsigned long f = c->s;

    while ( f < end )
    {
        unsigned long hole;

        /* Skip what the caller may map, then measure what it may not. */
        while ( f < end && !iomem_map_hole(d, f) )
            f = iomem_next_change(d, f, end);
        if ( f >= end )
            break;
        hole = f;
        while ( f < end && iomem_map_hole(d, f) )
            f = iomem_next_change(d, f, end);
        if ( f < iomem_frame_limit() &&
             !(f == end && end == ~0UL) )
        {
            struct e820entry e = {
                .addr = (uint64_t)hole << PAGE_SHIFT,
                .size = (uint64_t)(f - hole) << PAGE_SHIFT,
                .type = E820_RESERVED,
            };

            if ( c->store )
            {
                if ( c->n + 1 >= c->map.nr_entries )
                    return -EINVAL;
                if ( copy_to_guest(c->buffer + c->n * sizeof(e), &e,
                                   sizeof(e)) )
                    return -EFAULT;
            }
            c->n++;
        }
    }
    c->s = end;
    return 0;
}

static long machine_memory_map(guest_va_t arg)
{
    struct mmap_ctxt c = { 0 };
    unsigned int nr = boot_info->nr_memmap;
    int rc;

    if ( !current_vcpu()->domain->is_privileged )
        return -EPERM;
    if ( copy_from_guest(&c.map, arg, sizeof(c.map)) )
        return -EFAULT;
    c.buffer = (unsigned long)c.map.buffer.p;
    c.store = c.buffer != 0;
    if ( c.store && c.map.nr_entries < nr + 1 )
        return -EINVAL;
    if ( c.store && !(c.buffer < (1UL << 47) || c.buffer >= HV_AREA_VIRT_END) )
        return -EFAULT;

    for ( unsigned int i = 0; i < nr; i++, c.n++ )
    {
        const struct boot_mem_region *r = &boot_info->memmap[i];
        unsigned long s = PFN_DOWN(r->start);
        struct e820entry e = {
            .addr = r->start, .size = r->end - r->start, .type = r->type,
        };

        if ( s > c.s && (rc = report_holes(&c, s)) )
            return rc;
        if ( c.store )
        {
            if ( c.map.nr_entries <= c.n + (nr - i) )
                return -EINVAL;
            if ( copy_to_guest(c.buffer + c.n * sizeof(e), &e, sizeof(e)) )
                return -EFAULT;
        }
        c.s = PFN_UP(r->end);
    }
    if ( c.s && (rc = report_holes(&c, ~0UL)) )
        return rc;

    c.map.nr_entries = c.n;
    if ( copy_to_guest(arg, &c.map, sizeof(c.map)) )
        return -EFAULT;
    return 0;
}

static long machphys_mfn_list(guest_va_t arg)
{
    struct xen_machphys_mfn_list xmml;
    unsigned int i;

    if ( copy_from_guest(&xmml, arg, sizeof(xmml)) )
        return -EFAULT;
    for ( i = 0; i != xmml.max_extents && i < m2p_nr_chunks(); i++ )
    {
        xen_pfn_t mfn = m2p_chunk_mfn(i);

        if ( copy_to_guest((unsigned long)xmml.extent_start.p +
                           i * sizeof(mfn), &mfn, sizeof(mfn)) )
            return -EFAULT;
    }
    xmml.nr_extents = i;
    if ( copy_to_guest(arg, &xmml, sizeof(xmml)) )
        return -EFAULT;
    return 0;
}

long arch_memory_op(unsigned long cmd, guest_va_t arg)
{
    switch ( cmd )
    {
    case XENMEM_set_memory_map:
        return set_memory_map(arg);

    case XENMEM_memory_map:
        return memory_map(arg);

    case XENMEM_machine_memory_map:
        return machine_memory_map(arg);

    case XENMEM_machphys_mapping:
    {
        struct xen_machphys_mapping m = {
            .v_start = MACH2PHYS_VIRT_START,
            .v_end = MACH2PHYS_VIRT_END,
            .max_mfn = MACH2PHYS_NR_ENTRIES - 1,
        };

        if ( current_vcpu()->domain == hardware_domain )
            m.max_mfn = m2p_max_mfn();
        if ( copy_to_guest(arg, &m, sizeof(m)) )
            return -EFAULT;
        return 0;
    }

    case XENMEM_machphys_mfn_list:
        return machphys_mfn_list(arg);

    default:
        return memory_op_answer(cmd, arg);
    }
}
