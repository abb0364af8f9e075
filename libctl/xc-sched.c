/* SPDX-License-Identifier: GPL-2.0-only */
/* The credit schedulers' per-domain weight and cap (credit and credit2
 * carry them in the same two fields). */
#include <string.h>

#include "private.h"

static int credit_op(xc_interface *xch, uint32_t domid, uint32_t sched,
                     uint32_t cmd, uint16_t *weight, uint16_t *cap)
{
    struct xen_domctl d;
    int rc;

    memset(&d, 0, sizeof(d));
    d.cmd = XEN_DOMCTL_scheduler_op;
    d.domain = (domid_t)domid;
    d.u.scheduler_op.sched_id = sched;
    d.u.scheduler_op.cmd = cmd;
    if ( cmd == XEN_DOMCTL_SCHEDOP_putinfo )
    {
        d.u.scheduler_op.u.credit.weight = *weight;
        d.u.scheduler_op.u.credit.cap = *cap;
    }
    rc = xc_do_domctl(xch, &d);
    if ( rc )
        return xc_fail(xch, rc, "%s scheduler %s of domain %u",
                       sched == XEN_SCHEDULER_CREDIT ? "credit" : "credit2",
                       cmd == XEN_DOMCTL_SCHEDOP_putinfo ? "set" : "get",
                       domid);
    if ( cmd == XEN_DOMCTL_SCHEDOP_getinfo )
    {
        *weight = d.u.scheduler_op.u.credit.weight;
        *cap = d.u.scheduler_op.u.credit.cap;
    }
    return 0;
}

_Static_assert(sizeof(struct xen_domctl_sched_credit) ==
               sizeof(struct xen_domctl_sched_credit2),
               "credit and credit2 share their layout");

int xc_sched_credit_domain_set(xc_interface *xch, uint32_t domid,
                               struct xen_domctl_sched_credit *sdom)
{
    return credit_op(xch, domid, XEN_SCHEDULER_CREDIT,
                     XEN_DOMCTL_SCHEDOP_putinfo, &sdom->weight, &sdom->cap);
}

int xc_sched_credit_domain_get(xc_interface *xch, uint32_t domid,
                               struct xen_domctl_sched_credit *sdom)
{
    return credit_op(xch, domid, XEN_SCHEDULER_CREDIT,
                     XEN_DOMCTL_SCHEDOP_getinfo, &sdom->weight, &sdom->cap);
}

int xc_sched_credit2_domain_set(xc_interface *xch, uint32_t domid,
                                struct xen_domctl_sched_credit2 *sdom)
{
    return credit_op(xch, domid, XEN_SCHEDULER_CREDIT2,
                     XEN_DOMCTL_SCHEDOP_putinfo, &sdom->weight, &sdom->cap);
}

int xc_sched_credit2_domain_get(xc_interface *xch, uint32_t domid,
                                struct xen_domctl_sched_credit2 *sdom)
{
    return credit_op(xch, domid, XEN_SCHEDULER_CREDIT2,
                     XEN_DOMCTL_SCHEDOP_getinfo, &sdom->weight, &sdom->cap);
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
