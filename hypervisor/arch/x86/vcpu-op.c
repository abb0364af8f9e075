/* SPDX-License-Identifier: GPL-2.0-only */
/* The x86 commands of vcpu_op: virtual NMIs and a pinned VCPU's CPU. */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <asm/apic.h>
#include <public/vcpu.h>

/*
 * One CPU for now: its APIC id from the local APIC, and ACPI processor id
 * 0, which firmware gives the boot CPU (QEMU's does).
 */
static uint64_t cpu_physid(unsigned int cpu)
{
    (void)cpu;
    return apic_read(APIC_ID) >> 24;
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
    {
        struct vcpu_get_physid id;

        /* Only a dom0 VCPU pinned to one CPU; with one CPU, all are. */
        if ( v->domain != hardware_domain || arch_nr_cpus() != 1 )
            *rc = -EINVAL;
        else
        {
            id.phys_id = cpu_physid(0);
            *rc = copy_to_guest(arg, &id, sizeof(id)) ? -EFAULT : 0;
        }
        return true;
    }
    }
    return false;
}
