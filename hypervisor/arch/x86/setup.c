/* SPDX-License-Identifier: GPL-2.0-only */
/* The boot CPU's path from the assembly entry to dom0: console, command
 * line, memory, page tables, descriptor tables, interrupts and time. */

#include <hv/boot.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/lib.h>
#include <asm/current.h>
#include <asm/multiboot.h>
#include <asm/processor.h>

const unsigned long cpu_info_size = sizeof(struct cpu_info);

static const char *const region_names[] = {
    [E820_RAM] = "RAM", [E820_RESERVED] = "reserved",
    [E820_ACPI] = "ACPI data", [E820_NVS] = "ACPI NVS",
    [E820_UNUSABLE] = "unusable",
};

static void print_memmap(void)
{
    unsigned int i;

    printk(LOG_INFO "Memory map from the boot loader:\n");
    for ( i = 0; i < boot_info->nr_memmap; i++ )
    {
        const struct boot_mem_region *r = &boot_info->memmap[i];
        const char *name = r->type < ARRAY_SIZE(region_names) &&
                           region_names[r->type] ? region_names[r->type]
                                                 : "other";

        printk(LOG_INFO " %016llx - %016llx %s\n",
               (unsigned long long)r->start, (unsigned long long)r->end,
               name);
    }
    for ( i = 0; i < boot_info->nr_mods; i++ )
        printk(LOG_INFO "Module %u: %#llx - %#llx \"%s\"\n", i,
               (unsigned long long)boot_info->mods[i].start,
               (unsigned long long)boot_info->mods[i].end,
               boot_info->mods[i].string);
}

void __attribute__((weak)) pv_start_dom0(void)
{
    printk(LOG_INFO "no dom0 builder\n");
    for ( ; ; )
        safe_halt();
}

void start_hv(unsigned long mbi_paddr)
{
    multiboot_parse(mbi_paddr);
    cmdline_parse(boot_info->cmdline);
    console_init();

    printk(LOG_INFO "hv 0.1 (x86-64 PV hypervisor) booting\n");
    cmdline_report();
    print_memmap();

    pv_start_dom0();
}
