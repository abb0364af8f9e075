/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_platform_op: the hardware domain's host-wide operations
 * (common/platform-op.c), and what the arch tells it about the machine
 * (arch/x86/platform-op.c).
 */
#ifndef HV_PLATFORM_OP_H
#define HV_PLATFORM_OP_H

#include <hv/types.h>
#include <hv/guest-access.h>
#include <public/platform.h>

struct domain;

/* The hypercall: copies the request in and the answer out. */
long do_platform_op(guest_va_t arg);

/*
 * One request from 'caller', checked as Xen checks it (interface version,
 * then privilege).  *copy_back is set when op->u holds an answer for the
 * guest.  0 or -errno.
 */
long platform_op(struct domain *caller, struct xen_platform_op *op,
                 bool *copy_back);

/* --- arch ------------------------------------------------------------- */

/* The local APIC id and ACPI processor id of CPU cpu (< arch_nr_cpus()). */
void arch_cpu_ids(unsigned int cpu, uint32_t *apic_id, uint32_t *acpi_id);

/* CPUID's vendor string, family, model and stepping of CPU cpu. */
void arch_cpu_version(unsigned int cpu, char vendor[12], uint32_t *family,
                      uint32_t *model, uint32_t *stepping);

/* The keyboard shift flags the BIOS left in its data area. */
uint8_t arch_kbd_shift_flags(void);

/*
 * Enter ACPI sleep state 'state' (checked: 1-5).  Only S5 is supported:
 * the machine powers off and this does not return; otherwise -errno.
 */
int arch_acpi_sleep(uint32_t state);

/*
 * Variable-range MTRR 'reg' of this CPU: its first frame, its size in
 * frames and its memory type, all 0 for a range that is off; -EINVAL past
 * the CPU's ranges.
 */
int arch_var_mtrr(unsigned int reg, uint64_t *mfn, uint64_t *nr_mfns,
                  uint32_t *type);

#endif /* HV_PLATFORM_OP_H */
