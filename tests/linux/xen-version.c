/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0 user-space probe: issue xen_version through /dev/xen/privcmd's
 * IOCTL_PRIVCMD_HYPERCALL, the path every dom0 toolstack relies on.
 * Built static on the host and run inside the test initramfs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <public/version.h>

/*
 * Linux's privcmd ABI (uapi xen/privcmd.h, which user space cannot include
 * as shipped): the hypercall number and five arguments, passed unchanged.
 */
struct privcmd_hypercall
{
    uint64_t op;
    uint64_t arg[5];
};
#define IOCTL_PRIVCMD_HYPERCALL \
    _IOC(_IOC_NONE, 'P', 0, sizeof(struct privcmd_hypercall))

static int fd = -1;

static long hypercall(uint64_t op, uint64_t a0, uint64_t a1)
{
    struct privcmd_hypercall call = { .op = op, .arg = { a0, a1 } };

    return ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &call);
}

int main(void)
{
    /* Buffers the hypervisor writes: touched first, so they are mapped. */
    static xen_extraversion_t extra;
    static struct xen_feature_info feat;
    long v;

    fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
    if ( fd < 0 )
    {
        printf("hv-dom0: FAIL privcmd open: %s\n", strerror(errno));
        return 1;
    }

    v = hypercall(__HYPERVISOR_xen_version, XENVER_version, 0);
    if ( v < 0 )
    {
        printf("hv-dom0: FAIL privcmd xen_version: %s\n", strerror(errno));
        return 1;
    }
    printf("hv-dom0: privcmd xen_version = %ld.%ld\n", v >> 16, v & 0xffff);

    memset(extra, 0, sizeof(extra));
    v = hypercall(__HYPERVISOR_xen_version, XENVER_extraversion,
                  (uintptr_t)extra);
    extra[sizeof(extra) - 1] = '\0';
    if ( v < 0 )
        printf("hv-dom0: FAIL privcmd extraversion: %s\n", strerror(errno));
    else
        printf("hv-dom0-info: privcmd extraversion = %s\n", extra);

    memset(&feat, 0, sizeof(feat));
    feat.submap_idx = 0;
    v = hypercall(__HYPERVISOR_xen_version, XENVER_get_features,
                  (uintptr_t)&feat);
    if ( v < 0 )
        printf("hv-dom0: FAIL privcmd get_features: %s\n", strerror(errno));
    else
        printf("hv-dom0: privcmd features[0] = %08x\n", feat.submap);

    close(fd);
    return 0;
}
