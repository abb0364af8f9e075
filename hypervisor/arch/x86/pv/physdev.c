/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * physdev_op: for now the two operations that give a PV guest port I/O,
 * a virtual IOPL and an I/O bitmap in its own memory.  Both only record
 * what the privileged-instruction emulator checks on each IN or OUT.
 * The device operations (PIRQs, PCI) answer -ENOSYS until they exist.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <public/physdev.h>
#include "pv.h"

/* A bitmap for all 65536 ports. */
#define IOBMP_BYTES 8192

/* Xen checks where the bitmap starts, not that it is mapped. */
static bool bitmap_address_ok(uint64_t va)
{
    return va < (1UL << 47) || va >= HYPERVISOR_VIRT_END;
}

long do_physdev_op(int cmd, guest_va_t arg)
{
    struct vcpu *v = current_vcpu();

    switch ( cmd )
    {
    case PHYSDEVOP_set_iopl:
    {
        struct physdev_set_iopl s;

        if ( copy_from_guest(&s, arg, sizeof(s)) )
            return -EFAULT;
        if ( s.iopl > 3 )
            return -EINVAL;
        v->arch.pv.iopl = s.iopl << 12;
        return 0;
    }

    case PHYSDEVOP_set_iobitmap:
    {
        struct physdev_set_iobitmap s;
        uint64_t bitmap;

        if ( copy_from_guest(&s, arg, sizeof(s)) )
            return -EFAULT;
        bitmap = (uint64_t)(uintptr_t)s.bitmap.p;
        if ( !bitmap_address_ok(bitmap) || s.nr_ports > 65536 )
            return -EINVAL;
        v->arch.pv.iobmp = bitmap;
        v->arch.pv.iobmp_limit = s.nr_ports;
        return 0;
    }
    }
    return -ENOSYS;
}
