/* SPDX-License-Identifier: GPL-2.0-only */
/* The x86 commands of vcpu_op: virtual NMIs and a pinned VCPU's CPU. */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <hv/platform-op.h>
#include <public/vcpu.h>

/*
 * Xen answers only for a hardware domain VCPU that may run on one CPU
 * alone, and then names the CPU whose number is the VCPU's: Xen expects
 * dom0_vcpus_pin, which puts VCPU n on CPU n.
 */
static bool hwdom_pinned(const struct vcpu *v)
{
    unsigned int nr = arch_nr_cpus();
    cpumask_t online = nr >= 64 ? ~(cpumask_t)0 : ((cpumask_t)1 << nr) - 1;

    cpumask_t mask = v->sched_unit.hard_affinity & online;

    /* Exactly one bit set. */
    return v->domain == hardware_domain && mask && !(mask & (mask - 1));
}

static long get_physid(const struct vcpu *v, guest_va_t arg)
{
    struct vcpu_get_physid id;
    uint32_t apic_id, acpi_id;

    /* Past our CPUs Xen would read its table's "no such CPU" marks. */
    if ( !hwdom_pinned(v) || v->vcpu_id >= arch_nr_cpus() )
        return -EINVAL;
    arch_cpu_ids(v->vcpu_id, &apic_id, &acpi_id);
    id.phys_id = apic_id | ((uint64_t)acpi_id << 32);
    return copy_to_guest(arg, &id, sizeof(id)) ? -EFAULT : 0;
}

bool arch_vcpu_op(int cmd, struct vcpu *v, guest_va_t arg, long *rc)
{
    switch ( cmd )
    {
    case VCPUOP_send_nmi:
        if ( arg )
        {
            *rc = -EINVAL;
            return true;
        }
        /* Delivered on the VCPU's way back to the guest (pv/events.c). */
        if ( !__atomic_exchange_n(&v->arch.pv.nmi_pending, true,
                                  __ATOMIC_SEQ_CST) )
            vcpu_kick(v);
        *rc = 0;
        return true;

    case VCPUOP_get_physid:
        *rc = get_physid(v, arg);
        return true;
    }
    return false;
}
