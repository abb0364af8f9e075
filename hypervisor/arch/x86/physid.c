/* SPDX-License-Identifier: GPL-2.0-only */
/* Which physical CPU a pinned dom0 VCPU runs on (VCPUOP_get_physid). */
#include <hv/types.h>
#include <hv/time.h>
#include <asm/apic.h>

/*
 * One CPU for now: its APIC id from the local APIC, and ACPI processor id
 * 0, which firmware gives the boot CPU (QEMU's does).
 */
uint64_t arch_cpu_physid(unsigned int cpu)
{
    (void)cpu;
    return apic_read(APIC_ID) >> 24;
}
