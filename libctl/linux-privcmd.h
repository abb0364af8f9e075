/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The /dev/xen/privcmd ioctls, as Linux defines them.  Linux's own uapi
 * header includes a kernel-only header, so user space declares them
 * itself (Xen's libraries carry their own copy too).
 */
#ifndef LIBCTL_LINUX_PRIVCMD_H
#define LIBCTL_LINUX_PRIVCMD_H

#include <stdint.h>
#include <sys/ioctl.h>

struct privcmd_hypercall
{
    uint64_t op;
    uint64_t arg[5];
};

/* Map num frames of domain dom at addr, an mmap of the device. */
struct privcmd_mmapbatch_v2
{
    unsigned int num;
    uint16_t dom;
    uint64_t addr;
    const uint64_t *arr;            /* frame numbers */
    int *err;                       /* per frame: 0 or -errno */
};

/* Map num frames of a resource of dom at addr (or, addr 0: its size). */
struct privcmd_mmap_resource
{
    uint16_t dom;
    uint32_t type;
    uint32_t id;
    uint32_t idx;
    uint64_t num;
    uint64_t addr;
};

#define IOCTL_PRIVCMD_HYPERCALL \
    _IOC(_IOC_NONE, 'P', 0, sizeof(struct privcmd_hypercall))
#define IOCTL_PRIVCMD_MMAPBATCH_V2 \
    _IOC(_IOC_NONE, 'P', 4, sizeof(struct privcmd_mmapbatch_v2))
#define IOCTL_PRIVCMD_MMAP_RESOURCE \
    _IOC(_IOC_NONE, 'P', 7, sizeof(struct privcmd_mmap_resource))

#endif /* LIBCTL_LINUX_PRIVCMD_H */
