/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-CPU GDT and TSS, and the shared IDT.
 * Each CPU's GDT is seen through a 16-page window: pages 0..13 hold a
 * guest's GDT frames (the zero page until the PV code maps some), page 14
 * our reserved entries, page 15 is a guard. */

#include <hv/console.h>
#include <hv/lib.h>
#include <hv/page-alloc.h>
#include <public/xen.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/pagetable.h>

idt_entry_t idt_table[256] __section(".bss.page_aligned")
    __aligned(PAGE_SIZE);
struct tss64 per_cpu_tss[NR_CPUS] __aligned(128);

/* The NMI and #MC entries (entry.S); #DF uses its ordinary stub. */
extern char nmi_entry[], mce_entry[];

static uint64_t *gdt_page[NR_CPUS];         /* reserved page, directmap */
static pgentry_t *gdt_l1[NR_CPUS];          /* the window's L1 entries */
static paddr_t zero_page;

/* Code and data descriptors of the reserved page (index from 7168). */
static const uint64_t reserved_gdt[] = {
    [1] = 0x00af9a000000ffffUL,     /* 0xe008: 64-bit code, DPL0 */
    [2] = 0x00cf92000000ffffUL,     /* 0xe010: flat data, DPL0 */
    [4] = 0x00cffa000000ffffUL,     /* 0xe023: 32-bit code, DPL3 */
    [5] = 0x00cff2000000ffffUL,     /* 0xe02b: flat data, DPL3 */
    [6] = 0x00affa000000ffffUL,     /* 0xe033: 64-bit code, DPL3 */
    [7] = 0x00cf9a000000ffffUL,     /* 0xe038: 32-bit code, DPL0 */
};

uint64_t *gdt_reserved_page(unsigned int cpu)
{
    return gdt_page[cpu];
}

/* A 16-byte system descriptor (TSS type 9, LDT type 2) at entry 'idx'. */
static void set_system_desc(uint64_t *gdt, unsigned int idx,
                            unsigned long base, uint32_t limit,
                            unsigned int type)
{
    gdt[idx] = (limit & 0xffffUL) | ((base & 0xffffffUL) << 16) |
               ((uint64_t)type << 40) | (1UL << 47) |
               ((uint64_t)(limit >> 16) << 48) |
               ((base >> 24 & 0xffUL) << 56);
    gdt[idx + 1] = base >> 32;
}

void gdt_map_guest_frame(unsigned int page, unsigned long mfn)
{
    unsigned int cpu = smp_processor_id();
    unsigned long va = GDT_VIRT_START(cpu) + page * PAGE_SIZE;

    if ( page >= FIRST_RESERVED_GDT_PAGE )
        panic("gdt_map_guest_frame: page %u is not a guest page", page);
    /* Not global: these change on every switch between guests. */
    gdt_l1[cpu][page] = mfn ? ((paddr_t)mfn << PAGE_SHIFT) |
                              __PAGE_HYPERVISOR_RW
                            : zero_page | __PAGE_HYPERVISOR_RO;
    invlpg((void *)va);
}

static void gdt_window_init(unsigned int cpu)
{
    unsigned long va = GDT_VIRT_START(cpu);
    paddr_t page = alloc_zeroed_page();
    unsigned int i;

    if ( !page || (!zero_page && !(zero_page = alloc_zeroed_page())) )
        panic("no memory for CPU%u's GDT", cpu);
    gdt_page[cpu] = maddr_to_virt(page);

    /* The 16 pages share one L1 table: windows are 64 KiB aligned. */
    gdt_l1[cpu] = hv_l1e_ptr(va);
    for ( i = 0; i < FIRST_RESERVED_GDT_PAGE; i++ )
        gdt_l1[cpu][i] = zero_page | __PAGE_HYPERVISOR_RO;
    gdt_l1[cpu][FIRST_RESERVED_GDT_PAGE] = page | PAGE_HYPERVISOR_RW;
    gdt_l1[cpu][FIRST_RESERVED_GDT_PAGE + 1] = 0;
    flush_tlb_all_local();
}

void cpu_desc_init(unsigned int cpu)
{
    struct tss64 *tss = &per_cpu_tss[cpu];
    struct cpu_info *info = get_cpu_info();
    unsigned long stack = (unsigned long)info & ~(STACK_SIZE - 1);
    struct desc_ptr gdtr, idtr;
    uint64_t *gdt;
    unsigned int i;

    /* See struct cpu_info: the CPU aligns rsp0 down to 16 bytes. */
    BUILD_BUG_ON(sizeof(struct cpu_info) % 16 != 8);
    BUILD_BUG_ON(offsetof(struct cpu_info, guest_cpu_user_regs) != 0);

    gdt_window_init(cpu);
    gdt = gdt_page[cpu];
    for ( i = 0; i < ARRAY_SIZE(reserved_gdt); i++ )
        gdt[i] = reserved_gdt[i];
    /* Limit = CPU number, readable with lsl (as in Xen). */
    gdt[PER_CPU_GDT_ENTRY - FIRST_RESERVED_GDT_ENTRY] =
        0x0000910000000000UL | cpu;

    memset(tss, 0, sizeof(*tss));
    tss->rsp0 = (unsigned long)&info->guest_cpu_user_regs.es;
    tss->ist[IST_DF - 1] = stack + (IST_DF_PAGE + 1) * PAGE_SIZE;
    tss->ist[IST_NMI - 1] = stack + (IST_NMI_PAGE + 1) * PAGE_SIZE;
    tss->ist[IST_MCE - 1] = stack + (IST_MCE_PAGE + 1) * PAGE_SIZE;
    tss->ist[IST_DB - 1] = stack + (IST_DB_PAGE + 1) * PAGE_SIZE;
    /* No I/O bitmap: every port access from ring 3 faults. */
    tss->iomap_base = sizeof(*tss);
    set_system_desc(gdt, TSS_ENTRY - FIRST_RESERVED_GDT_ENTRY,
                    (unsigned long)tss, sizeof(*tss) - 1, 9);

    info->processor_id = cpu;
    info->per_cpu_offset = 0;

    gdtr.limit = GDT_LIMIT;
    gdtr.base = GDT_VIRT_START(cpu);
    lgdt(&gdtr);
    idtr.limit = sizeof(idt_table) - 1;
    idtr.base = (unsigned long)idt_table;
    lidt(&idtr);

    /* Reload every segment register from the new GDT. */
    asm volatile ( "pushq %0\n\t"
                   "leaq 1f(%%rip), %%rax\n\t"
                   "pushq %%rax\n\t"
                   "lretq\n"
                   "1:\n\t"
                   "mov %1, %%ss\n\t"
                   "mov %1, %%ds\n\t"
                   "mov %1, %%es\n\t"
                   "mov %2, %%fs\n\t"
                   "mov %2, %%gs\n\t"
                   : : "i" (__HYPERVISOR_CS), "r" (__HYPERVISOR_DS),
                       "r" (0) : "rax", "memory" );
    ltr(TSS_SELECTOR);
    lldt(0);
}

void set_idt_gate(unsigned int vec, void *handler, unsigned int dpl,
                  unsigned int ist)
{
    unsigned long addr = (unsigned long)handler;
    idt_entry_t gate;

    /* Present interrupt gate (type 14): entries run with IF clear. */
    gate.a = (addr & 0xffffUL) | ((uint64_t)__HYPERVISOR_CS << 16) |
             ((uint64_t)(ist & 7) << 32) | (0xeUL << 40) |
             ((uint64_t)(dpl & 3) << 45) | (1UL << 47) |
             ((addr >> 16 & 0xffffUL) << 48);
    gate.b = addr >> 32;
    /* Write the high half first: a half-written gate must not be used. */
    idt_table[vec].a = 0;
    idt_table[vec].b = gate.b;
    idt_table[vec].a = gate.a;
}

void idt_init(void)
{
    unsigned int vec;

    for ( vec = 0; vec < 256; vec++ )
        set_idt_gate(vec, entry_stub(vec), 0, IST_NONE);

    /* int3 and into may be used by guests, as on Xen. */
    set_idt_gate(3, entry_stub(3), 3, IST_NONE);
    set_idt_gate(4, entry_stub(4), 3, IST_NONE);
    /*
     * These may hit at any instruction, with a bad stack, or in the few
     * instructions of the SYSCALL entry and the SYSRET exit that run in
     * ring 0 on the guest's stack pointer: each has its own stack.
     */
    set_idt_gate(2, nmi_entry, 0, IST_NMI);
    set_idt_gate(8, entry_stub(8), 0, IST_DF);
    set_idt_gate(18, mce_entry, 0, IST_MCE);
}
