/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What platform_op and VCPUOP_get_physid learn about the machine: CPU
 * ids and versions, the BIOS keyboard flags, the MTRRs, and ACPI S5.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/platform-op.h>
#include <asm/msr.h>
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

#define MSR_MTRRCAP         0xfe
#define MSR_MTRR_PHYSBASE(n) (0x200 + 2 * (n))
#define MSR_MTRR_PHYSMASK(n) (0x201 + 2 * (n))
#define MTRR_PHYSMASK_VALID (1UL << 11)
#define CPUID1_EDX_MTRR     (1U << 12)

int arch_var_mtrr(unsigned int reg, uint64_t *mfn, uint64_t *nr_mfns,
                  uint32_t *type)
{
    uint32_t a, b, c, d, phys_bits = 36;
    uint64_t base, mask;

    cpuid(1, &a, &b, &c, &d);
    if ( !(d & CPUID1_EDX_MTRR) || reg >= (rdmsr(MSR_MTRRCAP) & 0xff) )
        return -EINVAL;
    *mfn = *nr_mfns = *type = 0;
    mask = rdmsr(MSR_MTRR_PHYSMASK(reg));
    if ( !(mask & MTRR_PHYSMASK_VALID) )
        return 0;
    base = rdmsr(MSR_MTRR_PHYSBASE(reg));
    cpuid(0x80000000, &a, &b, &c, &d);
    if ( a >= 0x80000008 )
    {
        cpuid(0x80000008, &a, &b, &c, &d);
        phys_bits = a & 0xff;
    }
    /*
     * The mask's frame bits with every bit above the address width set:
     * its two's complement is the size of a power-of-two range, taken to
     * 32 bits as Xen does.
     */
    mask = (mask >> PAGE_SHIFT) | ~((1UL << (phys_bits - PAGE_SHIFT)) - 1);
    *nr_mfns = (uint32_t)-(uint32_t)mask;
    *mfn = base >> PAGE_SHIFT;
    *type = base & 0xff;
    return 0;
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
