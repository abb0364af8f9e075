/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xen_version: who we are and what the guest may rely on.  We speak the
 * Xen 4.17 PV ABI, so that is the version we report.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/hypercall.h>
#include <hv/version.h>
#include <public/version.h>
#include <public/features.h>

/* Sub-ops whose data only a privileged domain may see (else "<denied>"). */
static bool version_denied(const struct domain *d, int cmd)
{
    switch ( cmd )
    {
    case XENVER_version:
    case XENVER_platform_parameters:
    case XENVER_get_features:
    case XENVER_extraversion:
    case XENVER_compile_info:
    case XENVER_capabilities:
    case XENVER_changeset:
    case XENVER_pagesize:
    case XENVER_guest_handle:
        return false;
    default:
        return !d->is_privileged;
    }
}

uint32_t version_features(const struct domain *d, unsigned int idx)
{
    uint32_t map;

    if ( idx != 0 )
        return 0;
    /* A PV guest without translation: the set Xen 4.17 gives PV guests. */
    map = (1U << XENFEAT_memory_op_vnode_supported) |
          (1U << XENFEAT_mmu_pt_update_preserve_ad) |
          (1U << XENFEAT_highmem_assist) |
          (1U << XENFEAT_gnttab_map_avail_bits) |
          (1U << XENFEAT_direct_mapped);
    if ( d->arch.vm_assist & (1UL << VMASST_TYPE_pae_extended_cr3) )
        map |= 1U << XENFEAT_pae_pgdir_above_4gb;
    if ( d == hardware_domain )
        map |= 1U << XENFEAT_dom0;
    return map;
}

/* Copy a NUL-padded string of exactly 'size' bytes to the guest. */
static long put_string(guest_va_t arg, const char *s, size_t size)
{
    char buf[1024];

    if ( size > sizeof(buf) )
        return -EINVAL;
    memset(buf, 0, size);
    memcpy(buf, s, MIN(strlen(s), size - 1));
    return copy_to_guest(arg, buf, size);
}

long do_xen_version(int cmd, guest_va_t arg)
{
    struct domain *d = current_domain();
    bool deny = version_denied(d, cmd);
    const char *denied = "<denied>";

    switch ( cmd )
    {
    case XENVER_version:
        return (HV_ABI_MAJOR << 16) | HV_ABI_MINOR;

    case XENVER_extraversion:
        return put_string(arg, HV_EXTRAVERSION, sizeof(xen_extraversion_t));

    case XENVER_compile_info:
    {
        xen_compile_info_t info;

        memset(&info, 0, sizeof(info));
        memcpy(info.compiler, hv_compiler,
               MIN(strlen(hv_compiler), sizeof(info.compiler) - 1));
        memcpy(info.compile_by, HV_COMPILE_BY, sizeof(HV_COMPILE_BY));
        memcpy(info.compile_domain, HV_COMPILE_DOMAIN,
               sizeof(HV_COMPILE_DOMAIN));
        memcpy(info.compile_date, hv_compile_date,
               MIN(strlen(hv_compile_date), sizeof(info.compile_date) - 1));
        return copy_to_guest(arg, &info, sizeof(info));
    }

    case XENVER_capabilities:
        /* 64-bit PV only: no 32-bit PV, no HVM.  Each entry ends in a
         * space, as Xen writes the list. */
        return put_string(arg, "xen-3.0-x86_64 ",
                          sizeof(xen_capabilities_info_t));

    case XENVER_changeset:
        return put_string(arg, hv_changeset, sizeof(xen_changeset_info_t));

    case XENVER_platform_parameters:
    {
        xen_platform_parameters_t p = { .virt_start = HYPERVISOR_VIRT_START };

        return copy_to_guest(arg, &p, sizeof(p));
    }

    case XENVER_get_features:
    {
        xen_feature_info_t fi;

        if ( copy_from_guest(&fi, arg, sizeof(fi)) )
            return -EFAULT;
        if ( fi.submap_idx != 0 )
            return -EINVAL;
        fi.submap = version_features(d, fi.submap_idx);
        return copy_to_guest(arg, &fi, sizeof(fi));
    }

    case XENVER_pagesize:
        return arg ? -EINVAL : (long)PAGE_SIZE;

    case XENVER_guest_handle:
        return copy_to_guest(arg, d->handle, sizeof(d->handle));

    case XENVER_commandline:
        if ( deny )
            return put_string(arg, denied, strlen(denied) + 1);
        return put_string(arg, hv_saved_cmdline(), sizeof(xen_commandline_t));

    case XENVER_build_id:
        /* We carry no build id note. */
        return deny ? -EPERM : -ENODATA;
    }

    return -ENOSYS;
}
