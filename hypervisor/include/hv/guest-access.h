/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Copying to and from guest virtual addresses.  Hypercall arguments are
 * guest pointers; they are only ever dereferenced through these helpers,
 * which refuse the hypervisor's range and survive faults.
 */
#ifndef HV_GUEST_ACCESS_H
#define HV_GUEST_ACCESS_H

#include <hv/types.h>
#include <hv/errno.h>

/* A guest virtual address as the guest passed it. */
typedef uint64_t guest_va_t;

/* Both return the number of bytes NOT copied (0 on success). */
unsigned long raw_copy_from_guest(void *to, const void *from, size_t n);
unsigned long raw_copy_to_guest(void *to, const void *from, size_t n);

/* Could [va, va + len) be guest memory at all (canonical, not ours)? */
bool guest_range_ok(unsigned long addr, size_t n);

static inline int copy_from_guest(void *to, guest_va_t from, size_t n)
{
    return raw_copy_from_guest(to, (const void *)from, n) ? -EFAULT : 0;
}

static inline int copy_to_guest(guest_va_t to, const void *from, size_t n)
{
    return raw_copy_to_guest((void *)to, from, n) ? -EFAULT : 0;
}

#endif /* HV_GUEST_ACCESS_H */
