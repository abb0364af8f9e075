/* SPDX-License-Identifier: GPL-2.0-only */
/* Host-wide queries: version, physical resources, CPU idle times and the
 * hypervisor's console ring. */
#include <string.h>

#include "private.h"

/* How many bytes each XENVER_* command writes; 0: it takes no buffer. */
static size_t version_arg_size(int cmd)
{
    switch ( cmd )
    {
    case XENVER_extraversion:
        return sizeof(xen_extraversion_t);
    case XENVER_compile_info:
        return sizeof(xen_compile_info_t);
    case XENVER_capabilities:
        return sizeof(xen_capabilities_info_t);
    case XENVER_changeset:
        return sizeof(xen_changeset_info_t);
    case XENVER_platform_parameters:
        return sizeof(xen_platform_parameters_t);
    case XENVER_get_features:
        return sizeof(xen_feature_info_t);
    case XENVER_guest_handle:
        return sizeof(xen_domain_handle_t);
    case XENVER_commandline:
        return sizeof(xen_commandline_t);
    }
    return 0;
}

int xc_version(xc_interface *xch, int cmd, void *arg)
{
    size_t size = version_arg_size(cmd);
    struct xc_hbuf b = { NULL, 0 };
    void *h = NULL;
    long rc;

    if ( cmd == XENVER_build_id )
        return xc_fail(xch, -EOPNOTSUPP, "xen_version build_id");
    if ( size )
    {
        if ( !arg )
            return xc_fail(xch, -EINVAL, "xen_version %d", cmd);
        h = xc_hbuf_bounce(xch, &b, arg, size);
        if ( !h )
            return xc_fail(xch, xch->priv ? -ENOMEM : -ENODEV,
                           "xen_version %d", cmd);
    }
    rc = xc_hypercall(xch, __HYPERVISOR_xen_version, (unsigned int)cmd,
                      (uintptr_t)h, 0, 0, 0);
    if ( rc >= 0 && size )
        memcpy(arg, h, size);
    xc_hbuf_free(xch, &b);
    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "xen_version %d", cmd);
    return (int)rc;
}

int xc_physinfo(xc_interface *xch, xc_physinfo_t *info)
{
    struct xen_sysctl s;
    int rc;

    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_physinfo;
    rc = xc_do_sysctl(xch, &s);
    if ( rc )
        return xc_fail(xch, rc, "physinfo");
    *info = s.u.physinfo;
    return 0;
}

int xc_getcpuinfo(xc_interface *xch, int max_cpus, xc_cpuinfo_t *info,
                  int *nr_cpus)
{
    struct xen_sysctl s;
    struct xc_hbuf b;
    xc_cpuinfo_t *h;
    int rc;

    if ( max_cpus <= 0 )
        return xc_fail(xch, -EINVAL, "getcpuinfo for %d CPUs", max_cpus);
    h = xc_hbuf_alloc(xch, &b, (size_t)max_cpus * sizeof(*info));
    if ( !h )
        return xc_fail(xch, xch->priv ? -ENOMEM : -ENODEV, "getcpuinfo");
    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_getcpuinfo;
    s.u.getcpuinfo.max_cpus = (uint32_t)max_cpus;
    xc_set_handle(s.u.getcpuinfo.info, h);
    rc = xc_do_sysctl(xch, &s);
    if ( !rc && s.u.getcpuinfo.nr_cpus > (uint32_t)max_cpus )
        rc = -EOVERFLOW;
    if ( !rc )
    {
        memcpy(info, h, s.u.getcpuinfo.nr_cpus * sizeof(*info));
        if ( nr_cpus )
            *nr_cpus = (int)s.u.getcpuinfo.nr_cpus;
    }
    xc_hbuf_free(xch, &b);
    if ( rc )
        return xc_fail(xch, rc, "getcpuinfo");
    return 0;
}

int xc_readconsolering(xc_interface *xch, char *buffer,
                       unsigned int *pnr_chars, int clear, int incremental,
                       uint32_t *pindex)
{
    struct xen_sysctl s;
    struct xc_hbuf b;
    char *h;
    int rc;

    h = xc_hbuf_alloc(xch, &b, *pnr_chars);
    if ( !h )
        return xc_fail(xch, xch->priv ? -ENOMEM : -ENODEV, "readconsole");
    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_readconsole;
    s.u.readconsole.clear = !!clear;
    s.u.readconsole.incremental = 0;
    if ( pindex )
    {
        s.u.readconsole.index = *pindex;
        s.u.readconsole.incremental = !!incremental;
    }
    xc_set_handle(s.u.readconsole.buffer, h);
    s.u.readconsole.count = *pnr_chars;
    rc = xc_do_sysctl(xch, &s);
    if ( !rc && s.u.readconsole.count > *pnr_chars )
        rc = -EOVERFLOW;
    if ( !rc )
    {
        memcpy(buffer, h, s.u.readconsole.count);
        *pnr_chars = s.u.readconsole.count;
        if ( pindex )
            *pindex = s.u.readconsole.index;
    }
    xc_hbuf_free(xch, &b);
    if ( rc )
        return xc_fail(xch, rc, "readconsole");
    return 0;
}

int xc_maximum_ram_page(xc_interface *xch, unsigned long *max_mfn)
{
    long rc = xc_do_memory_op(xch, XENMEM_maximum_ram_page, NULL, 0);

    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "maximum_ram_page");
    *max_mfn = (unsigned long)rc;
    return 0;
}
