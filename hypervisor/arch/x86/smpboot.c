/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Starting the other CPUs.  ACPI's MADT names them by local APIC id; the
 * boot CPU copies the real-mode trampoline below 1 MiB, gives each CPU a
 * stack, and sends INIT and two startup IPIs, one CPU at a time, waiting
 * until the new one reports in.  The new CPU loads the idle page tables,
 * its own GDT, TSS and local APIC, does the guest-side set-up, and joins
 * the idle loop, where the scheduler finds it.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/page-alloc.h>
#include <asm/apic.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/pagetable.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/time.h>

/* How long a started CPU has to report in. */
#define AP_START_TIMEOUT_US 1000000

extern char trampoline_start[], trampoline_end[];
void smp_ipi_init(void);
void __noreturn pv_start_scheduling(void);
void __noreturn start_secondary(void);

unsigned int nr_cpus_online = 1;
uint32_t cpu_apic_id[NR_CPUS];
uint64_t ap_cr3, ap_cr4, ap_stack_top;

/* The CPU number the next one to start takes; set when it is up. */
static unsigned int ap_cpu;
static bool ap_up;

void start_secondary(void)
{
    unsigned int cpu = ap_cpu;

    cpu_desc_init(cpu);
    apic_init_local();
    pv_cpu_init();
    __atomic_store_n(&ap_up, true, __ATOMIC_RELEASE);
    pv_start_scheduling();
}

static bool start_one(unsigned int cpu, uint32_t apic_id)
{
    paddr_t stack = alloc_pages(STACK_ORDER);
    unsigned long top;

    if ( !stack )
        return false;
    memset(maddr_to_virt(stack), 0, STACK_SIZE);
    /* As head.S does for the boot CPU: struct cpu_info at the top. */
    top = (unsigned long)maddr_to_virt(stack) + STACK_SIZE - cpu_info_size;
    ap_stack_top = top & ~15UL;
    ap_cpu = cpu;
    ap_up = false;

    apic_send_icr(apic_id, APIC_DM_INIT | APIC_ICR_ASSERT);
    udelay(10000);
    for ( unsigned int i = 0; i < 2 && !ap_up; i++ )
    {
        apic_send_icr(apic_id, APIC_DM_STARTUP | (TRAMPOLINE_PHYS >> 12));
        udelay(200);
    }
    for ( unsigned int us = 0; us < AP_START_TIMEOUT_US; us += 10 )
    {
        if ( __atomic_load_n(&ap_up, __ATOMIC_ACQUIRE) )
            return true;
        udelay(10);
    }
    free_pages(stack, STACK_ORDER);
    return false;
}

void smp_boot_cpus(void)
{
    uint32_t ids[NR_CPUS * 2];
    unsigned int n = acpi_cpu_apic_ids(ids, ARRAY_SIZE(ids));
    uint32_t self = apic_read(APIC_ID) >> 24;

    cpu_apic_id[0] = self;
    smp_ipi_init();
    if ( n <= 1 )
    {
        printk(LOG_INFO "SMP: %s, one CPU\n", n ? "MADT" : "no MADT");
        return;
    }

    memcpy(maddr_to_virt(TRAMPOLINE_PHYS), trampoline_start,
           trampoline_end - trampoline_start);
    ap_cr3 = read_cr3();
    ap_cr4 = read_cr4();
    for ( unsigned int i = 0; i < n; i++ )
    {
        unsigned int cpu = nr_cpus_online;

        if ( ids[i] == self )
            continue;
        if ( cpu >= NR_CPUS )
        {
            printk(LOG_WARNING "SMP: CPU with APIC id %u ignored (at most "
                   "%u CPUs)\n", ids[i], NR_CPUS);
            continue;
        }
        cpu_apic_id[cpu] = ids[i];
        if ( !start_one(cpu, ids[i]) )
        {
            printk(LOG_WARNING "SMP: CPU with APIC id %u did not start\n",
                   ids[i]);
            continue;
        }
        nr_cpus_online++;
    }
    printk(LOG_INFO "SMP: %u CPUs up\n", nr_cpus_online);
}
