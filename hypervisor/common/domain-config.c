/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What XEN_DOMCTL_createdomain accepts, in the order Xen 4.17 checks it,
 * so that a toolstack gets the same error for the same mistake.  Features
 * this machine lacks (IOMMU, vPMU, processor trace) are refused as Xen
 * refuses them where the hardware cannot provide them.  The grant table's
 * settings are checked later, at the point Xen checks them
 * (domain_create_config()).
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <public/domctl.h>

int domain_check_config(struct xen_domctl_createdomain *config)
{
    const uint32_t known = XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap |
                           XEN_DOMCTL_CDF_s3_integrity |
                           XEN_DOMCTL_CDF_oos_off | XEN_DOMCTL_CDF_xs_domain |
                           XEN_DOMCTL_CDF_iommu |
                           XEN_DOMCTL_CDF_nested_virt | XEN_DOMCTL_CDF_vpmu;
    uint32_t flags = config->flags;

    if ( flags & ~known )
        return -EINVAL;
    if ( config->grant_opts & ~XEN_DOMCTL_GRANT_version_mask )
        return -EINVAL;
    if ( config->max_vcpus < 1 )
        return -EINVAL;
    if ( (flags & XEN_DOMCTL_CDF_hap) && !(flags & XEN_DOMCTL_CDF_hvm) )
        return -EINVAL;
    /* No IOMMU is in use, so neither it nor its options can be had. */
    if ( (flags & XEN_DOMCTL_CDF_iommu) || config->iommu_opts )
        return -EINVAL;
    if ( config->vmtrace_size )
        return -EINVAL;
    if ( flags & XEN_DOMCTL_CDF_vpmu )
        return -EINVAL;
    return arch_sanitise_domain_config(config);
}
