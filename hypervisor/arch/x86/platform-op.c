/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What platform_op and VCPUOP_get_physid learn about the machine: CPU
 * ids and versions, the BIOS keyboard flags, and ACPI S5.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/platform-op.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <public/sched.h>

/* Shift key states, kept by the BIOS in its data area. */
#define BDA_KBD_SHIFT_FLAGS 0x417

void arch_cpu_ids(unsigned int cpu, uint32_t *apic_id, uint32_t *acpi_id)
{
    *apic_id = cpu_apic_id[cpu];
    /*
     * We number CPUs in the MADT's order with the boot CPU first, as
     * firmware lists them; QEMU's processor ids are that order too.
     * TODO: take the ids from the MADT itself for other firmware.
     */
    *acpi_id = cpu;
}

void arch_cpu_version(unsigned int cpu, char vendor[12], uint32_t *family,
                      uint32_t *model, uint32_t *stepping)
{
    uint32_t a, b, c, d;

    /* The CPUs of one machine are alike: this one answers for all. */
    (void)cpu;
    cpuid(0, &a, &b, &c, &d);
    memcpy(vendor, &b, 4);
    memcpy(vendor + 4, &d, 4);
    memcpy(vendor + 8, &c, 4);
    cpuid(1, &a, &b, &c, &d);
    *family = (a >> 8) & 0xf;
    *model = (a >> 4) & 0xf;
    if ( *family == 0xf )
        *family += (a >> 20) & 0xff;
    if ( *family >= 6 )
        *model |= (a >> 12) & 0xf0;
    *stepping = a & 0xf;
}

uint8_t arch_kbd_shift_flags(void)
{
    return *(const volatile uint8_t *)maddr_to_virt(BDA_KBD_SHIFT_FLAGS);
}

int arch_acpi_sleep(uint32_t state)
{
    /*
     * Xen writes the PM1 control registers for S5 and the machine goes
     * off.  We end the way dom0's SCHEDOP_shutdown ends, which is the
     * same for whoever watches.  Suspend (S1-S4) we cannot resume from.
     */
    if ( state != 5 )
        return -EOPNOTSUPP;
    domain_shutdown(hardware_domain, SHUTDOWN_poweroff);
    return 0;
}
