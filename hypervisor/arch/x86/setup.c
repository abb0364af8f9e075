/* SPDX-License-Identifier: GPL-2.0-only */
/* The boot CPU's path from the assembly entry to dom0: console, command
 * line, memory, page tables, descriptor tables, interrupts and time. */

#include <hv/boot.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/lib.h>
#include <hv/page-alloc.h>
#include <asm/apic.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/multiboot.h>
#include <asm/pagetable.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/time.h>

#define LOW_MEMORY_END  0x100000UL          /* BIOS data, EBDA, ROMs */
#define BOOT_MAP_END    0x100000000UL       /* what head.S mapped */

const unsigned long cpu_info_size = sizeof(struct cpu_info);

extern char _end[];
void hvtest_run(void);

static const char *const region_names[] = {
    [E820_RAM] = "RAM", [E820_RESERVED] = "reserved",
    [E820_ACPI] = "ACPI data", [E820_NVS] = "ACPI NVS",
    [E820_UNUSABLE] = "unusable",
};

/* Ranges the allocator must never hand out, whatever the map says. */
static struct boot_mem_region keep[BOOT_MAX_RESERVED + 3];
static unsigned int nr_keep;

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

static void add_keep(paddr_t start, paddr_t end)
{
    if ( end > start && nr_keep < ARRAY_SIZE(keep) )
    {
        keep[nr_keep].start = start;
        keep[nr_keep].end = end;
        nr_keep++;
    }
}

/* Lowest page-aligned spot of 'size' bytes in mapped RAM clear of keep[]. */
static paddr_t find_boot_space(size_t size)
{
    unsigned int i, j;

    for ( i = 0; i < boot_info->nr_memmap; i++ )
    {
        const struct boot_mem_region *r = &boot_info->memmap[i];
        paddr_t at = ROUNDUP(MAX(r->start, LOW_MEMORY_END), PAGE_SIZE);
        bool moved = true;

        if ( r->type != E820_RAM )
            continue;
        while ( moved )
        {
            moved = false;
            for ( j = 0; j < nr_keep; j++ )
                if ( at < keep[j].end && at + size > keep[j].start )
                {
                    at = ROUNDUP(keep[j].end, PAGE_SIZE);
                    moved = true;
                }
        }
        if ( at + size <= MIN(r->end, BOOT_MAP_END) )
            return at;
    }
    return 0;
}

/* RAM of the memory map within [lo, hi) to the allocator, minus keep[]. */
static void give_ram(paddr_t lo, paddr_t hi)
{
    unsigned int i;

    for ( i = 0; i < boot_info->nr_memmap; i++ )
    {
        const struct boot_mem_region *r = &boot_info->memmap[i];

        if ( r->type == E820_RAM && r->end > lo && r->start < hi )
            free_range(MAX(r->start, lo), MIN(r->end, hi));
    }
    for ( i = 0; i < nr_keep; i++ )
        reserve_range(keep[i].start, keep[i].end);
}

static paddr_t ram_end(void)
{
    paddr_t end = 0;
    unsigned int i;

    for ( i = 0; i < boot_info->nr_memmap; i++ )
        if ( boot_info->memmap[i].type == E820_RAM )
            end = MAX(end, boot_info->memmap[i].end);
    return end;
}

/* Only low memory at first: until paging_init() only it is mapped. */
static void frame_allocator_init(void)
{
    paddr_t max = ram_end(), meta;
    size_t size = page_alloc_meta_bytes(max);
    unsigned int i;

    add_keep(0, LOW_MEMORY_END);
    add_keep(HV_LOAD_PHYS, virt_to_maddr(_end));
    for ( i = 0; i < boot_info->nr_reserved; i++ )
        add_keep(boot_info->reserved[i].start, boot_info->reserved[i].end);

    meta = find_boot_space(size);
    if ( !meta )
        panic("no room below 4 GiB for %zu bytes of allocator data", size);
    add_keep(meta, meta + size);

    page_alloc_init(max, maddr_to_virt(meta));
    give_ram(0, BOOT_MAP_END);
}

static void memory_init(void)
{
    unsigned int i;

    frame_allocator_init();
    paging_init();
    for ( i = 0; i < boot_info->nr_memmap; i++ )
        if ( boot_info->memmap[i].type == E820_RAM )
            directmap_add(boot_info->memmap[i].start,
                          boot_info->memmap[i].end);

    /* From here on nothing of ours is mapped in guest space. */
    write_cr3(virt_to_maddr(idle_pg_table));
    write_cr4(read_cr4() | X86_CR4_PGE | X86_CR4_OSFXSR |
              X86_CR4_OSXMMEXCPT);

    give_ram(BOOT_MAP_END, ~0UL);
    dom0_mem_resolve(total_page_count() << PAGE_SHIFT);

    printk(LOG_INFO "Memory: %lu MiB managed, %lu MiB free%s\n",
           total_page_count() >> (20 - PAGE_SHIFT),
           free_page_count() >> (20 - PAGE_SHIFT),
           cpu_has_page1gb ? ", 1 GiB pages" : "");
}

static bool is_module(const struct boot_mem_region *r)
{
    for ( unsigned int i = 0; i < boot_info->nr_mods; i++ )
        if ( r->start == boot_info->mods[i].start &&
             r->end == boot_info->mods[i].end )
            return true;
    return false;
}

/* Whether frame pfn holds loader data other than a module, or us. */
static bool frame_kept(unsigned long pfn)
{
    paddr_t lo = (paddr_t)pfn << PAGE_SHIFT, hi = lo + PAGE_SIZE;

    if ( lo < LOW_MEMORY_END ||
         (hi > HV_LOAD_PHYS && lo < virt_to_maddr(_end)) )
        return true;
    for ( unsigned int i = 0; i < boot_info->nr_reserved; i++ )
    {
        const struct boot_mem_region *r = &boot_info->reserved[i];

        if ( !is_module(r) && r->end > lo && r->start < hi )
            return true;
    }
    return false;
}

void boot_modules_release(void)
{
    unsigned long total = 0;

    for ( unsigned int i = 0; i < boot_info->nr_mods; i++ )
    {
        const struct boot_module *m = &boot_info->mods[i];
        unsigned long pfn = PFN_UP(m->start), end = PFN_DOWN(m->end);

        /* Whole frames of the module that nothing else shares. */
        while ( pfn < end )
        {
            unsigned long run = pfn;

            while ( run < end && !frame_kept(run) )
                run++;
            if ( run > pfn )
            {
                free_range((paddr_t)pfn << PAGE_SHIFT,
                           (paddr_t)run << PAGE_SHIFT);
                total += run - pfn;
            }
            pfn = run + 1;
        }
    }
    printk(LOG_INFO "Boot modules: %lu KiB back to the heap, %lu MiB "
           "free\n", total << (PAGE_SHIFT - 10),
           free_page_count() >> (20 - PAGE_SHIFT));
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

    memory_init();
    idt_init();
    cpu_desc_init(0);
    apic_init();
    time_init();
    smp_boot_cpus();

    hvtest_run();
    pv_start_dom0();
}
