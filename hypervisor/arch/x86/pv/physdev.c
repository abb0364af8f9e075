/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * physdev_op: the two operations that give a PV guest port I/O, a
 * virtual IOPL and an I/O bitmap in its own memory (both only record what
 * the privileged-instruction emulator checks on each IN or OUT), and Xen
 * 4.17's answers to the IRQ queries for a machine whose IRQs we do not
 * route.  The device operations (PIRQ mapping, PCI) answer -ENOSYS until
 * they exist.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/mm.h>
#include <public/physdev.h>
#include "pv.h"

/* A bitmap for all 65536 ports. */
#define IOBMP_BYTES 8192

/* Xen checks where the bitmap starts, not that it is mapped. */
static bool bitmap_address_ok(uint64_t va)
{
    return va < (1UL << 47) || va >= HYPERVISOR_VIRT_END;
}

/*
 * PHYSDEVOP_pirq_eoi_gmfn_v1/v2: the page where the PIRQs that need an
 * EOI are marked.  As on Xen: a frame of the caller that can be
 * writable, held (a writable type reference) until the domain dies, and
 * registered once.  No PIRQ is ever bound here, so nothing is written.
 */
static long pirq_eoi_gmfn(guest_va_t arg)
{
    struct physdev_pirq_eoi_gmfn info;
    struct domain *d = current_domain();
    struct page_info *pg;

    if ( copy_from_guest(&info, arg, sizeof(info)) )
        return -EFAULT;
    if ( !mfn_valid(info.gmfn) )
        return -EINVAL;
    pg = mfn_to_page(info.gmfn);
    if ( get_page_and_type(pg, d, PGT_writable_page) )
        return -EINVAL;
    if ( d->arch.pirq_eoi_mfn )
    {
        put_page_and_type(pg);
        return -EBUSY;
    }
    d->arch.pirq_eoi_mfn = info.gmfn;
    return 0;
}

/* What pirq_eoi_gmfn holds goes back as the domain dies. */
void physdev_release(struct domain *d)
{
    if ( !d->arch.pirq_eoi_mfn )
        return;
    put_page_and_type(mfn_to_page(d->arch.pirq_eoi_mfn));
    d->arch.pirq_eoi_mfn = 0;
}

/*
 * Deliberately unlike Xen: no physical IRQ is routed to a guest here, so
 * every PIRQ number is out of range (Xen answers the ones below the
 * domain's nr_pirqs with XENIRQSTAT_needs_eoi).
 */
static long irq_status_query(guest_va_t arg)
{
    struct physdev_irq_status_query q;

    if ( copy_from_guest(&q, arg, sizeof(q)) )
        return -EFAULT;
    return -EINVAL;
}

/* Only the control domain reads IO-APICs; we drive none, so no base is one. */
static long apic_read(guest_va_t arg)
{
    struct physdev_apic apic;

    if ( copy_from_guest(&apic, arg, sizeof(apic)) )
        return -EFAULT;
    return current_domain()->is_privileged ? -EINVAL : -EPERM;
}

long do_physdev_op(int cmd, guest_va_t arg)
{
    struct vcpu *v = current_vcpu();

    switch ( cmd )
    {
    case PHYSDEVOP_IRQ_UNMASK_NOTIFY:
        /* Unmasks the caller's bound PIRQs: it has none. */
        return 0;

    case PHYSDEVOP_irq_status_query:
        return irq_status_query(arg);

    case PHYSDEVOP_apic_read:
        return apic_read(arg);

    case PHYSDEVOP_pirq_eoi_gmfn_v1:
    case PHYSDEVOP_pirq_eoi_gmfn_v2:
        return pirq_eoi_gmfn(arg);

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
