/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The two /dev/xen/privcmd ioctls vmstored uses, as Linux defines them.
 * Linux's own uapi header includes a kernel-only header, so user space
 * cannot include it (Xen's libraries carry their own copy too).
 */
#ifndef VMSTORED_LINUX_PRIVCMD_H
#define VMSTORED_LINUX_PRIVCMD_H

#include <stdint.h>
#include <sys/ioctl.h>

struct privcmd_hypercall
{
    uint64_t op;
    uint64_t arg[5];
};

/* Map num frames of domain dom at addr (in an mmap of the device). */
struct privcmd_mmapbatch_v2
{
    unsigned int num;
    uint16_t dom;
    uint64_t addr;
    const unsigned long *arr;       /* frame numbers */
    int *err;                       /* per frame: 0 or -errno */
};

#define IOCTL_PRIVCMD_HYPERCALL \
    _IOC(_IOC_NONE, 'P', 0, sizeof(struct privcmd_hypercall))
#define IOCTL_PRIVCMD_MMAPBATCH_V2 \
    _IOC(_IOC_NONE, 'P', 4, sizeof(struct privcmd_mmapbatch_v2))

#endif /* VMSTORED_LINUX_PRIVCMD_H */
