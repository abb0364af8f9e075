/* SPDX-License-Identifier: GPL-2.0-only */
/* The credit scheduler's per-domain weight and cap. */
#include <string.h>

#include "private.h"

static int credit_op(xc_interface *xch, uint32_t domid, uint32_t cmd,
                     struct xen_domctl_sched_credit *sdom)
{
    struct xen_domctl d;
    int rc;

    memset(&d, 0, sizeof(d));
    d.cmd = XEN_DOMCTL_scheduler_op;
    d.domain = (domid_t)domid;
    d.u.scheduler_op.sched_id = XEN_SCHEDULER_CREDIT;
    d.u.scheduler_op.cmd = cmd;
    if ( cmd == XEN_DOMCTL_SCHEDOP_putinfo )
        d.u.scheduler_op.u.credit = *sdom;
    rc = xc_do_domctl(xch, &d);
    if ( rc )
        return xc_fail(xch, rc, "credit scheduler %s of domain %u",
                       cmd == XEN_DOMCTL_SCHEDOP_putinfo ? "set" : "get",
                       domid);
    if ( cmd == XEN_DOMCTL_SCHEDOP_getinfo )
        *sdom = d.u.scheduler_op.u.credit;
    return 0;
}

int xc_sched_credit_domain_set(xc_interface *xch, uint32_t domid,
                               struct xen_domctl_sched_credit *sdom)
{
    return credit_op(xch, domid, XEN_DOMCTL_SCHEDOP_putinfo, sdom);
}

int xc_sched_credit_domain_get(xc_interface *xch, uint32_t domid,
                               struct xen_domctl_sched_credit *sdom)
{
    return credit_op(xch, domid, XEN_DOMCTL_SCHEDOP_getinfo, sdom);
}

int xc_sched_id(xc_interface *xch, int *sched_id)
{
    struct xen_sysctl s;
    int rc;

    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_sched_id;
    rc = xc_do_sysctl(xch, &s);
    if ( rc )
        return xc_fail(xch, rc, "sched_id");
    *sched_id = (int)s.u.sched_id.sched_id;
    return 0;
}
