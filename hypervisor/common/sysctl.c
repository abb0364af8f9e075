/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sysctl (35): machine-wide information and control for the toolstack.
 * As in Xen 4.17: a bad interface version is -EACCES, any caller but the
 * control domain gets -EPERM, then the operation runs and the request is
 * copied back when it succeeded.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/spinlock.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/guest-access.h>
#include <hv/lib.h>
#include <hv/sched.h>
#include <hv/answers.h>

static spinlock_t sysctl_lock = SPIN_LOCK_UNLOCKED;

/*
 * get_pmstat's head (the rest is Xen's public sysctl.h).  No frequency
 * driver runs here, nor on the reference QEMU machine: P-states and
 * unknown categories are "no device".  Xen counts idle (C-) states itself;
 * we keep no idle statistics and deliberately refuse those.
 */
#define PMSTAT_CATEGORY_MASK    0xf0
#define PMSTAT_CX               0x20
struct pmstat_head
{
    uint32_t type;
    uint32_t cpuid;
};

static long sysctl_get_pmstat(const struct xen_sysctl *op)
{
    struct pmstat_head h;

    memcpy(&h, op->u.pad, sizeof(h));
    if ( h.cpuid >= arch_nr_cpus() )
        return -EINVAL;
    if ( (h.type & PMSTAT_CATEGORY_MASK) == PMSTAT_CX )
        return -EOPNOTSUPP;
    return -ENODEV;
}

static long sysctl_dispatch(struct domain *caller, struct xen_sysctl *op)
{
    switch ( op->cmd )
    {
    case XEN_SYSCTL_readconsole:
        return sysctl_readconsole(&op->u.readconsole);

    case XEN_SYSCTL_physinfo:
        sysctl_physinfo(&op->u.physinfo);
        return 0;

    case XEN_SYSCTL_sched_id:
        op->u.sched_id.sched_id = sched_id();
        return 0;

    case XEN_SYSCTL_getdomaininfolist:
        return sysctl_getdomaininfolist(caller, &op->u.getdomaininfolist);

    case XEN_SYSCTL_getcpuinfo:
        return sysctl_getcpuinfo(&op->u.getcpuinfo);

    case XEN_SYSCTL_availheap:
        sysctl_availheap(&op->u.availheap);
        return 0;

    case XEN_SYSCTL_cputopoinfo:
        return sysctl_cputopoinfo(&op->u.cputopoinfo);

    case XEN_SYSCTL_numainfo:
        return sysctl_numainfo(&op->u.numainfo);

    case XEN_SYSCTL_get_pmstat:
        return sysctl_get_pmstat(op);

    case XEN_SYSCTL_coverage_op:
        /* Xen built without coverage counters, as Debian's is. */
        return -EOPNOTSUPP;
    }
    return -ENOSYS;
}

long do_sysctl(guest_va_t u_sysctl)
{
    struct domain *caller = current_domain();
    struct xen_sysctl op;
    long rc;

    if ( copy_from_guest(&op, u_sysctl, sizeof(op)) )
        return -EFAULT;
    if ( op.interface_version != XEN_SYSCTL_INTERFACE_VERSION )
        return -EACCES;
    if ( !domctl_may_control(caller) )
        return -EPERM;

    spin_lock(&sysctl_lock);
    rc = sysctl_dispatch(caller, &op);
    spin_unlock(&sysctl_lock);

    if ( !rc && copy_to_guest(u_sysctl, &op, sizeof(op)) )
        rc = -EFAULT;
    return rc;
}
