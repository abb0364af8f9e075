/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XEN_DOMCTL_getvcpuextstate / setvcpuextstate: a VCPU's XSAVE state as
 * the toolstack saves and restores it, laid out and checked as on Xen 4.17.
 */
#ifndef PV_XSTATE_EXT_H
#define PV_XSTATE_EXT_H

#include <hv/types.h>
#include "cpuid-policy.h"

struct domain;
struct xen_domctl;

/*
 * The buffer: the VCPU's XCR0, its accumulated XCR0, then its XSAVE area
 * in the standard (uncompressed) layout, as long as the accumulated
 * components need.
 */
#define XSTATE_EXT_HDR_SIZE     16

/* The host's side of the checks. */
struct xstate_ext_host {
    uint64_t xfeature_mask;                 /* components we manage */
    unsigned int (*area_size)(uint64_t mask);   /* as xstate_size() */
};

/* The largest buffer any VCPU may need: the answer to a size query. */
uint64_t xstate_ext_max_size(const struct xstate_ext_host *h);

/*
 * A set request's buffer, size bytes, for a domain of policy p: 1 to
 * load it, 0 if there is nothing to load, or Xen's error.  Sizes out of
 * range are refused before the buffer is read, by xstate_ext_size_ok().
 */
bool xstate_ext_size_ok(const struct xstate_ext_host *h, uint64_t size);
int xstate_ext_check(const struct pv_cpuid_policy *p,
                     const struct xstate_ext_host *h,
                     const uint8_t *buf, uint64_t size);

/* The domctl itself, from arch_do_domctl(). */
long pv_domctl_vcpuextstate(struct domain *d, struct xen_domctl *op,
                            bool *copyback);

#endif /* PV_XSTATE_EXT_H */
