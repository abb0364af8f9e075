/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The x86 part of domctl and sysctl: a PV domain's address size, its
 * hypercall page, the refusals of HVM-only operations, what getdomaininfo
 * adds for x86, and the CPU facts physinfo reports.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/mm.h>
#include <asm/processor.h>
#include <asm/page.h>
#include <asm/time.h>
#include "pv.h"
#include "xstate-ext.h"

/* Guest physical address width (Xen's hap_paddr_bits), from CPUID. */
static uint8_t paddr_bits(void)
{
    uint32_t a, b, c, d, bits = 36;

    cpuid(0x80000000, &a, &b, &c, &d);
    if ( a >= 0x80000008 )
    {
        cpuid(0x80000008, &a, &b, &c, &d);
        bits = (a >> 16) & 0xff;
        if ( !bits )
            bits = a & 0xff;
    }
    return MIN(bits, 52U);
}

void arch_get_domain_info(const struct domain *d,
                          struct xen_domctl_getdomaininfo *info)
{
    info->arch_config.emulation_flags = d->arch.emulation_flags;
    info->gpaddr_bits = paddr_bits();
}

/* XEN_DOMCTL_hypercall_init: write the stubs into one of d's frames. */
static long hypercall_init(struct domain *d, uint64_t gmfn)
{
    struct page_info *pg = mfn_valid(gmfn) ? get_page_from_mfn(gmfn, d)
                                           : NULL;

    if ( !pg )
        return -EINVAL;
    if ( get_page_type(pg, PGT_writable_page) )
    {
        put_page(pg);
        return -EPERM;
    }
    pv_write_hypercall_page(mfn_to_virt(gmfn));
    put_page_and_type(pg);
    return 0;
}

long arch_do_domctl(struct domain *caller, struct domain *d,
                    struct xen_domctl *op, bool *copyback)
{
    switch ( op->cmd )
    {
    case XEN_DOMCTL_set_address_size:
        /* Every domain here is 64-bit PV, and stays so. */
        return op->u.address_size.size == 64 ? 0 : -EINVAL;

    case XEN_DOMCTL_get_address_size:
        op->u.address_size.size = 64;
        *copyback = true;
        return 0;

    case XEN_DOMCTL_hypercall_init:
        return hypercall_init(d, op->u.hypercall_init.gmfn);

    case XEN_DOMCTL_getvcpuextstate:
    case XEN_DOMCTL_setvcpuextstate:
        return pv_domctl_vcpuextstate(d, op, copyback);

    case XEN_DOMCTL_gethvmcontext:
        /* Xen reports back even when refusing. */
        *copyback = true;
        return -EINVAL;

    case XEN_DOMCTL_sethvmcontext:
    case XEN_DOMCTL_gethvmcontext_partial:
        return -EINVAL;

    case XEN_DOMCTL_iomem_permission:
    case XEN_DOMCTL_ioport_permission:
        /*
         * No device is passed through to a domain here, so no domain is
         * given I/O memory or ports beyond what it starts with.
         */
        return -EOPNOTSUPP;
    }
    return -ENOSYS;
}

void arch_do_physinfo(struct xen_sysctl_physinfo *pi)
{
    uint32_t a, b, c, d;

    pi->threads_per_core = 1;
    pi->cores_per_socket = 1;
    pi->cpu_khz = tsc_khz;
    /* Xen's featureset words 0 and 1: CPUID leaf 1 EDX and ECX. */
    cpuid(1, &a, &b, &c, &d);
    pi->hw_cap[0] = d;
    pi->hw_cap[1] = c;
    cpuid(0x80000000, &a, &b, &c, &d);
    if ( a >= 0x80000001 )
    {
        cpuid(0x80000001, &a, &b, &c, &d);
        pi->hw_cap[2] = d;
        pi->hw_cap[3] = c;
    }
    pi->capabilities |= XEN_SYSCTL_PHYSCAP_pv;
}
