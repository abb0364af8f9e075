/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercalls of features we do not have, answered as Xen 4.17 answers a
 * PV guest on the reference machine: the PMU (disabled there too), machine
 * checks (the number of CPUs only), the continuation of shadow paging
 * operations, hvm_op from a PV caller, and kexec with nothing loaded.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/guest-access.h>
#include <hv/sched.h>
#include <hv/timer.h>
#include <hv/answers.h>

/* Xen's default: no virtual PMU unless "vpmu" is on its command line. */
long do_xenpmu_op(unsigned int op, guest_va_t arg)
{
    return -EOPNOTSUPP;
}

/*
 * HYPERVISOR_mca (__HYPERVISOR_arch_0).  Our public headers carry no
 * machine-check structures: the request's head and the one command we
 * answer are spelt here; the whole request is 152 bytes, as in Xen.
 */
#define XEN_MCA_INTERFACE_VERSION   0x01ecc003
#define XEN_MC_fetch                1
#define XEN_MC_notifydomain         2
#define XEN_MC_physcpuinfo          3
#define XEN_MC_msrinject            4
#define XEN_MC_mceinject            5
#define XEN_MC_inject_v2            6

struct mca_request
{
    uint32_t cmd;
    uint32_t interface_version;
    union
    {
        struct
        {
            uint32_t ncpus;
            uint32_t pad;
            uint64_t info;          /* guest array of logical CPUs */
        } physcpuinfo;
        uint8_t raw[144];
    } u;
};

long do_mca(guest_va_t arg)
{
    struct mca_request op;

    if ( !current_domain()->is_privileged )
        return -EPERM;
    if ( copy_from_guest(&op, arg, sizeof(op)) )
        return -EFAULT;
    if ( op.interface_version != XEN_MCA_INTERFACE_VERSION )
        return -EACCES;

    switch ( op.cmd )
    {
    case XEN_MC_physcpuinfo:
        /*
         * The count is real.  The per-CPU records (CPUID and MCA MSRs) are
         * not implemented: we report no machine checks to fetch them for.
         */
        if ( op.u.physcpuinfo.info )
            return -ENOSYS;
        op.u.physcpuinfo.ncpus = arch_nr_cpus();
        return copy_to_guest(arg, &op, sizeof(op)) ? -EFAULT : 0;

    case XEN_MC_fetch:
    case XEN_MC_notifydomain:
    case XEN_MC_msrinject:
    case XEN_MC_mceinject:
    case XEN_MC_inject_v2:
        /* No machine-check telemetry and no injection here. */
        return -ENOSYS;
    }
    return -EINVAL;
}

/*
 * __HYPERVISOR_arch_1: where Xen continues a long shadow-paging domctl.
 * Only XEN_DOMCTL_shadow_op with the right version gets further, to a
 * domain; we have no shadow paging, so nothing continues here.
 */
long do_paging_domctl_cont(guest_va_t arg)
{
    struct xen_domctl op;

    if ( copy_from_guest(&op, arg, sizeof(op)) )
        return -EFAULT;
    if ( op.interface_version != XEN_DOMCTL_INTERFACE_VERSION ||
         op.cmd != XEN_DOMCTL_shadow_op )
        return -EOPNOTSUPP;
    if ( !domain_lookup_any(op.domain) )
        return -ESRCH;
    return current_domain()->is_privileged ? -EINVAL : -EPERM;
}

/*
 * hvm_op from a PV caller.  Xen builds it in and every sub-op finds the
 * caller (or its target) is not HVM; the answers are Xen's, in its order
 * of checks.  Layouts are those of Xen's public hvm/hvm_op.h.
 */
#define HVMOP_set_param                 0
#define HVMOP_get_param                 1
#define HVMOP_flush_tlbs                5
#define HVMOP_pagetable_dying           9
#define HVMOP_get_time                  10
#define HVMOP_xentrace                  11
#define HVMOP_get_mem_type              15
#define HVMOP_set_evtchn_upcall_vector  23
#define HVMOP_guest_request_vm_event    24
#define HVMOP_altp2m                    25
#define HVM_NR_PARAMS                   39
#define TRC_SUBCLS_SHIFT                12

/* set_param, get_param, get_mem_type, pagetable_dying: domid first. */
struct hvm_domid_arg
{
    uint16_t domid;
    uint16_t pad;
    uint32_t index;                 /* the parameter (set/get_param) */
    uint64_t value;
};

struct hvm_xentrace
{
    uint16_t event, extra_bytes;
    uint8_t extra[28];
};

static struct domain *hvm_any_domain(domid_t domid)
{
    return domid == DOMID_SELF ? current_domain() : domain_lookup_any(domid);
}

long hvm_op_answer(unsigned long op, guest_va_t arg)
{
    struct hvm_domid_arg a;
    struct hvm_xentrace tr;
    struct domain *d;
    uint64_t now;

    switch ( op )
    {
    case HVMOP_set_evtchn_upcall_vector:
    case HVMOP_flush_tlbs:
        /* Both look at the caller before their argument. */
        return -EINVAL;

    case HVMOP_set_param:
    case HVMOP_get_param:
    case HVMOP_get_mem_type:
    case HVMOP_pagetable_dying:
        if ( copy_from_guest(&a, arg, sizeof(a)) )
            return -EFAULT;
        if ( (op == HVMOP_set_param || op == HVMOP_get_param) &&
             a.index >= HVM_NR_PARAMS )
            return -EINVAL;
        d = hvm_any_domain(a.domid);
        if ( !d )
            return -ESRCH;
        if ( op == HVMOP_pagetable_dying && d != current_domain() )
            return -EOPNOTSUPP;
        /* XSM_TARGET: the domain itself or the control domain. */
        if ( op == HVMOP_get_mem_type && d != current_domain() &&
             !current_domain()->is_privileged )
            return -EPERM;
        return -EINVAL;

    case HVMOP_get_time:
        /* The one sub-op that works for anyone: system time in ns. */
        now = arch_now();
        return copy_to_guest(arg, &now, sizeof(now)) ? -EFAULT : 0;

    case HVMOP_xentrace:
        if ( copy_from_guest(&tr, arg, sizeof(tr)) )
            return -EFAULT;
        if ( tr.extra_bytes > sizeof(tr.extra) ||
             (tr.event & ~((1u << TRC_SUBCLS_SHIFT) - 1)) )
            return -EINVAL;
        /* Xen drops the record when tracing is off, as it is there. */
        return 0;

    case HVMOP_guest_request_vm_event:
        /* Nothing monitors the caller: the request goes nowhere. */
        return arg ? -EINVAL : 0;

    case HVMOP_altp2m:
        /* No alternate p2m without hardware virtualisation. */
        return -EOPNOTSUPP;
    }
    return -ENOSYS;
}

/*
 * kexec_op.  No image can be loaded here (we have no kexec machinery), so
 * the answers are those of a Xen without a loaded image and without a
 * crash kernel area.  Xen's quirk is kept: an unknown command answers 0.
 */
#define KEXEC_CMD_kexec             0
#define KEXEC_CMD_kexec_load_v1     1
#define KEXEC_CMD_kexec_unload_v1   2
#define KEXEC_CMD_kexec_get_range   3
#define KEXEC_CMD_kexec_load        4
#define KEXEC_CMD_kexec_unload      5
#define KEXEC_CMD_kexec_status      6
#define KEXEC_TYPE_DEFAULT          0
#define KEXEC_TYPE_CRASH            1
#define KEXEC_RANGE_MA_CRASH        0
#define KEXEC_RANGE_MA_XEN          1
#define KEXEC_RANGE_MA_CPU          2
#define KEXEC_RANGE_MA_VMCOREINFO   6
#define KEXEC_SEGMENT_MAX           16

struct kexec_range
{
    int32_t range;
    int32_t nr;
    uint64_t size;
    uint64_t start;
};

struct kexec_load
{
    uint8_t type;
    uint8_t pad;
    uint16_t arch;
    uint32_t nr_segments;
    uint64_t segments;
    uint64_t entry_maddr;
};

/*
 * Xen keeps two slots per image type and flips which one is current at
 * each unload (loaded or not); kexec_status reports that slot bit, not
 * whether an image is loaded.  We keep the bit so status answers alike.
 */
static bool kexec_slot[2];

static bool kexec_type_okay(int32_t type)
{
    return type == KEXEC_TYPE_DEFAULT || type == KEXEC_TYPE_CRASH;
}

static long kexec_get_range(guest_va_t arg)
{
    struct kexec_range r;

    if ( copy_from_guest(&r, arg, sizeof(r)) )
        return -EFAULT;
    switch ( r.range )
    {
    case KEXEC_RANGE_MA_CRASH:
        /* No "crashkernel=" area reserved. */
        r.start = r.size = 0;
        return copy_to_guest(arg, &r, sizeof(r)) ? -EFAULT : 0;
    case KEXEC_RANGE_MA_CPU:
        if ( r.nr < 0 || r.nr >= (int32_t)arch_nr_cpus() )
            return -ERANGE;
        /* fall through */
    case KEXEC_RANGE_MA_XEN:
    case KEXEC_RANGE_MA_VMCOREINFO:
        /*
         * Deliberately unlike Xen, which tells where its own image, crash
         * notes and vmcore note lie: with no kexec there is nothing for a
         * crash kernel to find in them.
         */
        return -EOPNOTSUPP;
    }
    return -EINVAL;
}

long kexec_op_answer(unsigned long op, guest_va_t arg)
{
    int32_t type;
    struct kexec_load load;

    if ( !current_domain()->is_privileged )
        return -EPERM;

    switch ( op )
    {
    case KEXEC_CMD_kexec:
    case KEXEC_CMD_kexec_unload:
    case KEXEC_CMD_kexec_status:
        if ( copy_from_guest(&type, arg, sizeof(type)) )
            return -EFAULT;
        if ( !kexec_type_okay(type) )
            return -EINVAL;
        if ( op == KEXEC_CMD_kexec )
            return -ENOENT;         /* nothing loaded to run */
        if ( op == KEXEC_CMD_kexec_status )
            return kexec_slot[type];
        kexec_slot[type] = !kexec_slot[type];
        return 0;

    case KEXEC_CMD_kexec_get_range:
        return kexec_get_range(arg);

    case KEXEC_CMD_kexec_load:
        if ( copy_from_guest(&load, arg, sizeof(load)) )
            return -EFAULT;
        if ( load.nr_segments >= KEXEC_SEGMENT_MAX )
            return -EINVAL;
        /* Deliberately unlike Xen: we cannot hold an image. */
        return -EOPNOTSUPP;

    case KEXEC_CMD_kexec_load_v1:
    case KEXEC_CMD_kexec_unload_v1:
        /* The old interface: deliberately refused, as loading is. */
        return -EOPNOTSUPP;
    }
    return 0;
}
