/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercalls of features we do not have, answered as Xen 4.17 answers a
 * PV guest on the reference machine: the PMU (disabled there too), machine
 * checks (the number of CPUs only), and the continuation of shadow paging
 * operations.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/guest-access.h>
#include <hv/sched.h>
#include <hv/answers.h>

/* Xen's default: no virtual PMU unless "vpmu" is on its command line. */
long do_xenpmu_op(unsigned int op, guest_va_t arg)
{
    return -EOPNOTSUPP;
}

/*
 * HYPERVISOR_mca (__HYPERVISOR_arch_0).  Our public headers carry no
 * machine-check structures: the request's head and the one command we
 * answer are spelt here; the whole request is 152 bytes, as in Xen.
 */
#define XEN_MCA_INTERFACE_VERSION   0x01ecc003
#define XEN_MC_fetch                1
#define XEN_MC_notifydomain         2
#define XEN_MC_physcpuinfo          3
#define XEN_MC_msrinject            4
#define XEN_MC_mceinject            5
#define XEN_MC_inject_v2            6

struct mca_request
{
    uint32_t cmd;
    uint32_t interface_version;
    union
    {
        struct
        {
            uint32_t ncpus;
            uint32_t pad;
            uint64_t info;          /* guest array of logical CPUs */
        } physcpuinfo;
        uint8_t raw[144];
    } u;
};

long do_mca(guest_va_t arg)
{
    struct mca_request op;

    if ( !current_domain()->is_privileged )
        return -EPERM;
    if ( copy_from_guest(&op, arg, sizeof(op)) )
        return -EFAULT;
    if ( op.interface_version != XEN_MCA_INTERFACE_VERSION )
        return -EACCES;

    switch ( op.cmd )
    {
    case XEN_MC_physcpuinfo:
        /*
         * The count is real.  The per-CPU records (CPUID and MCA MSRs) are
         * not implemented: we report no machine checks to fetch them for.
         */
        if ( op.u.physcpuinfo.info )
            return -ENOSYS;
        op.u.physcpuinfo.ncpus = arch_nr_cpus();
        return copy_to_guest(arg, &op, sizeof(op)) ? -EFAULT : 0;

    case XEN_MC_fetch:
    case XEN_MC_notifydomain:
    case XEN_MC_msrinject:
    case XEN_MC_mceinject:
    case XEN_MC_inject_v2:
        /* No machine-check telemetry and no injection here. */
        return -ENOSYS;
    }
    return -EINVAL;
}

/*
 * __HYPERVISOR_arch_1: where Xen continues a long shadow-paging domctl.
 * Only XEN_DOMCTL_shadow_op with the right version gets further, to a
 * domain; we have no shadow paging, so nothing continues here.
 */
long do_paging_domctl_cont(guest_va_t arg)
{
    struct xen_domctl op;

    if ( copy_from_guest(&op, arg, sizeof(op)) )
        return -EFAULT;
    if ( op.interface_version != XEN_DOMCTL_INTERFACE_VERSION ||
         op.cmd != XEN_DOMCTL_shadow_op )
        return -EOPNOTSUPP;
    if ( !domain_lookup_any(op.domain) )
        return -ESRCH;
    return current_domain()->is_privileged ? -EINVAL : -EPERM;
}
