/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The checks Xen 4.17 makes of a setvcpuextstate buffer before it loads
 * it into a VCPU, in Xen's order, so that each refusal has Xen's error.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include "emul-priv-op.h"
#include "xstate-ext.h"

/* XSAVE's header, after the 512-byte legacy image of the area. */
#define HDR_XSTATE_BV       512
#define HDR_XCOMP_BV        520
#define HDR_RESERVED        528
#define HDR_NR_RESERVED     6
#define XCOMP_COMPACTED     (1ULL << 63)
#define AREA_MIN_SIZE       576

static uint64_t get64(const uint8_t *p)
{
    uint64_t v;

    memcpy(&v, p, sizeof(v));
    return v;
}

uint64_t xstate_ext_max_size(const struct xstate_ext_host *h)
{
    return XSTATE_EXT_HDR_SIZE + h->area_size(h->xfeature_mask);
}

bool xstate_ext_size_ok(const struct xstate_ext_host *h, uint64_t size)
{
    return size >= XSTATE_EXT_HDR_SIZE && size <= xstate_ext_max_size(h);
}

/* XCR0 values and the header of a full area: Xen's validate_xstate(). */
static int check_state(const struct pv_cpuid_policy *p,
                       const struct xstate_ext_host *h, uint64_t xcr0,
                       uint64_t accum, const uint8_t *area)
{
    uint64_t bv = get64(area + HDR_XSTATE_BV);

    /* The policy's limit is in pv_xcr0_valid(), with XSETBV's rules. */
    if ( (bv & ~accum) || (xcr0 & ~accum) || !pv_xcr0_valid(p, xcr0) ||
         !pv_xcr0_valid(p, accum) )
        return -EINVAL;
    if ( (accum & ~h->xfeature_mask) || get64(area + HDR_XCOMP_BV) )
        return -EOPNOTSUPP;
    for ( unsigned int i = 0; i < HDR_NR_RESERVED; i++ )
        if ( get64(area + HDR_RESERVED + 8 * i) )
            return -EIO;
    return 0;
}

int xstate_ext_check(const struct pv_cpuid_policy *p,
                     const struct xstate_ext_host *h,
                     const uint8_t *buf, uint64_t size)
{
    uint64_t xcr0 = get64(buf), accum = get64(buf + 8);
    const uint8_t *area = buf + XSTATE_EXT_HDR_SIZE;
    int rc = -EINVAL;

    /*
     * A VCPU that never enabled anything may come with no area at all;
     * one that did needs at least the legacy image and the header.
     */
    if ( accum )
    {
        if ( size >= XSTATE_EXT_HDR_SIZE + AREA_MIN_SIZE )
            rc = check_state(p, h, xcr0, accum, area);
    }
    else if ( !xcr0 )
        rc = 0;
    if ( rc )
        return rc;

    /* Only the two XCR0 values: Xen keeps the VCPU's as they are. */
    if ( size == XSTATE_EXT_HDR_SIZE )
        return 0;
    if ( size < XSTATE_EXT_HDR_SIZE + AREA_MIN_SIZE )
        return -EINVAL;
    if ( get64(area + HDR_XCOMP_BV) & XCOMP_COMPACTED )
        return -EOPNOTSUPP;
    if ( size != XSTATE_EXT_HDR_SIZE + h->area_size(accum) )
        return -EINVAL;
    return 1;
}
