/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XEN_DOMCTL_getvcpuextstate / setvcpuextstate: a VCPU's XCR0 and XSAVE
 * area for save and restore, as Xen 4.17 answers.  Without XSAVE the
 * buffer is only the two XCR0 values, both 0.  The VCPU is paused and off
 * every CPU while its area is read or written, so the area is current.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/page-alloc.h>
#include <hv/sched.h>
#include <asm/page.h>
#include <asm/xstate.h>
#include <public/domctl.h>
#include "xstate-ext.h"

const struct pv_cpuid_policy *pv_cpuid_policy_of(const struct domain *d);

static const struct xstate_ext_host *host(void)
{
    static struct xstate_ext_host h = { .area_size = xstate_size };

    h.xfeature_mask = xstate_host_mask();
    return &h;
}

static unsigned int buf_order(uint64_t size)
{
    unsigned int order = 0;

    while ( ((uint64_t)PAGE_SIZE << order) < size )
        order++;
    return order;
}

static void *buf_alloc(uint64_t size)
{
    paddr_t pa = alloc_pages(buf_order(size));

    return pa ? maddr_to_virt(pa) : NULL;
}

static void buf_free(void *buf, uint64_t size)
{
    free_pages(virt_to_maddr(buf), buf_order(size));
}

static void vcpu_still(struct vcpu *v)
{
    vcpu_pause(v);
    sched_vcpu_sync(v);
}

static long get_state(struct vcpu *v, struct xen_domctl_vcpuextstate *evc)
{
    const struct xstate_ext_host *h = host();
    guest_va_t to = (guest_va_t)(uintptr_t)evc->buffer.p;
    uint64_t size, *buf;
    long rc = 0;

    if ( (!evc->size && !evc->xfeature_mask) || !to )
    {
        /* The most any VCPU may need, however far it goes meanwhile. */
        evc->xfeature_mask = h->xfeature_mask;
        evc->size = xstate_ext_max_size(h);
        return 0;
    }

    vcpu_still(v);
    size = XSTATE_EXT_HDR_SIZE + xstate_size(xstate_vcpu_accum(v));
    if ( evc->size < size || evc->xfeature_mask != h->xfeature_mask )
        rc = -EINVAL;
    else if ( !(buf = buf_alloc(size)) )
        rc = -ENOMEM;
    else
    {
        buf[0] = xstate_vcpu_xcr0(v);
        buf[1] = xstate_vcpu_accum(v);
        if ( size > XSTATE_EXT_HDR_SIZE )
            xstate_get_area(v, buf + 2, size - XSTATE_EXT_HDR_SIZE);
        rc = copy_to_guest(to, buf, size);
        buf_free(buf, size);
    }
    vcpu_unpause(v);
    if ( !rc )
        evc->size = size;
    return rc;
}

static long set_state(struct vcpu *v,
                      const struct xen_domctl_vcpuextstate *evc)
{
    const struct xstate_ext_host *h = host();
    guest_va_t from = (guest_va_t)(uintptr_t)evc->buffer.p;
    uint64_t size = evc->size;
    uint64_t *buf;
    long rc;

    if ( !xstate_ext_size_ok(h, size) )
        return -EINVAL;
    buf = buf_alloc(size);
    if ( !buf )
        return -ENOMEM;
    rc = copy_from_guest(buf, from, size);
    if ( !rc )
        rc = xstate_ext_check(pv_cpuid_policy_of(v->domain), h,
                              (const uint8_t *)buf, size);
    if ( rc == 1 )
    {
        vcpu_still(v);
        xstate_set_area(v, buf[0], buf[1], buf + 2,
                        size - XSTATE_EXT_HDR_SIZE);
        vcpu_unpause(v);
        rc = 0;
    }
    buf_free(buf, size);
    return rc;
}

long pv_domctl_vcpuextstate(struct domain *d, struct xen_domctl *op,
                            bool *copyback)
{
    struct xen_domctl_vcpuextstate *evc = &op->u.vcpuextstate;
    struct vcpu *v = NULL;

    /* Xen writes a get request back whatever the outcome. */
    *copyback = op->cmd == XEN_DOMCTL_getvcpuextstate;
    if ( evc->vcpu < d->max_vcpus && evc->vcpu < ARRAY_SIZE(d->vcpu) )
        v = d->vcpu[evc->vcpu];
    if ( !v )
        return -ESRCH;
    /* Pausing the caller's own VCPU would stop this very call. */
    if ( v == current_vcpu() )
        return -EINVAL;
    if ( op->cmd == XEN_DOMCTL_getvcpuextstate )
        return get_state(v, evc);
    return set_state(v, evc);
}
