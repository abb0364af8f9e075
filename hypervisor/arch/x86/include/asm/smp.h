/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CPUs: finding and starting the others, interprocessor interrupts,
 * and the lock that keeps the hypervisor's guest work on one CPU at a
 * time (arch/x86/smpboot.c, smp.c, acpi.c).
 */
#ifndef ASM_SMP_H
#define ASM_SMP_H

#include <asm/config.h>

/* Page below 1 MiB where secondary CPUs start (its number is the SIPI's). */
#define TRAMPOLINE_PHYS     0x8000

/* Interprocessor interrupts (just below the timer's vector). */
#define EVENT_CHECK_VECTOR  0xef    /* look at events, maybe reschedule */
#define INVALIDATE_VECTOR   0xee    /* flush the TLB (a shootdown) */

#ifndef __ASSEMBLY__

#include <hv/types.h>

extern unsigned int nr_cpus_online;
extern uint32_t cpu_apic_id[NR_CPUS];

/*
 * Local APIC ids of the enabled processors in ACPI's MADT, at most max
 * of them, in the table's order; 0 without a MADT.
 */
unsigned int acpi_cpu_apic_ids(uint32_t *ids, unsigned int max);

/* The boot CPU starts every other CPU the firmware lists. */
void smp_boot_cpus(void);

/* What a new CPU must do for guests (pv/domain.c). */
void pv_cpu_init(void);

struct domain;

/* An interrupt on CPU cpu's vector. */
void send_ipi(unsigned int cpu, unsigned int vector);

/*
 * After d's page tables changed here: flush the TLBs of the other CPUs
 * running a VCPU of d, and return once they have.  Under the hypervisor
 * lock.  cpu_running_domain() is whose VCPU a CPU runs (NULL: none).
 */
void flush_tlb_others(const struct domain *d);
/* The same for the one page at va: those CPUs invalidate only that. */
void flush_tlb_others_page(const struct domain *d, unsigned long va);
const struct domain *cpu_running_domain(unsigned int cpu);

/*
 * The hypervisor lock: hypercalls, guest exceptions and context switches
 * run under it, so that the code written for one CPU (frame table, page
 * allocator, domain state) sees one CPU at a time.  It may be taken again
 * by its holder; whoever holds it never waits for another CPU.  A CPU
 * that abandons its stack (a crashed guest) drops it altogether.
 */
void hv_lock(void);
void hv_unlock(void);
unsigned int hv_unlock_all(void);
void hv_relock(unsigned int depth);

/* Set up by the boot CPU for each one it starts (trampoline.S reads). */
extern uint64_t ap_cr3, ap_cr4, ap_stack_top;

#endif /* !__ASSEMBLY__ */

#endif /* ASM_SMP_H */
