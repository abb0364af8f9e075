/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XEN_DOMCTL_scheduler_op for the credit scheduler: a domain's weight and
 * cap, kept in its struct sched_dom and checked by the scheduler's
 * set_params.  As in Xen's credit, a weight of 0 and a cap of 0xffff in a
 * putinfo mean "leave it as it is".
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/sched-if.h>

#define CAP_UNCHANGED 0xffff

uint32_t sched_id(void)
{
    return XEN_SCHEDULER_CREDIT;
}

int domctl_scheduler_op(struct domain *d,
                        struct xen_domctl_scheduler_op *op)
{
    struct xen_domctl_sched_credit *c = &op->u.credit;
    uint16_t weight, cap;

    if ( op->sched_id != sched_id() )
        return -EINVAL;
    switch ( op->cmd )
    {
    case XEN_DOMCTL_SCHEDOP_getinfo:
        c->weight = d->sched.weight;
        c->cap = d->sched.cap;
        return 0;

    case XEN_DOMCTL_SCHEDOP_putinfo:
        weight = c->weight ? c->weight : d->sched.weight;
        cap = c->cap != CAP_UNCHANGED ? c->cap : d->sched.cap;
        return sched_credit.set_params(&d->sched, weight, cap);
    }
    /* Per-VCPU parameters are not credit's; unknown commands neither. */
    return -EINVAL;
}
