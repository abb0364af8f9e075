/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest LDTs (MMUEXT_SET_LDT).  The CPU reads the LDT through a window of
 * ours, 16 pages per CPU beside its GDT window, which LDTR points at; the
 * guest's LDT pages are mapped into it lazily, when the CPU first faults
 * on one: the page must then be one the guest maps and can give the
 * descriptor type (so it has no writable mapping and every descriptor
 * passed the checks).  A page that cannot be used turns into the #PF
 * (or #GP for a non-canonical address) the guest's own LDT access would
 * have raised, as on Xen.
 *
 * The shadow mappings hold a descriptor type reference each; they are
 * dropped whenever the LDT is reloaded (a new SET_LDT, or the VCPU coming
 * back onto the CPU), so a guest that changes its LDT pages sees the
 * change after its next SET_LDT.
 */
#include <hv/types.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/pagetable.h>
#include <asm/traps.h>
#include "pv.h"

#define LDT_PAGES           16
#define LDT_WINDOW_OFFSET   0x100000UL      /* past the GDT windows */

/* Per CPU: whose LDT pages are mapped, and which frames. */
static struct vcpu *ldt_vcpu[NR_CPUS];
static mfn_t ldt_frame[NR_CPUS][LDT_PAGES];
static pgentry_t *ldt_l1[NR_CPUS];

static unsigned long ldt_window(unsigned int cpu)
{
    return GDT_AREA_VIRT_START + LDT_WINDOW_OFFSET +
           ((unsigned long)cpu << GDT_AREA_SHIFT);
}

static bool canonical(unsigned long va)
{
    return (unsigned long)(((long)va << 16) >> 16) == va;
}

static pgentry_t *window_l1(unsigned int cpu)
{
    /* The window's 16 entries share one L1 table: it is 64 KiB aligned. */
    if ( !ldt_l1[cpu] )
        ldt_l1[cpu] = hv_l1e_ptr(ldt_window(cpu));
    return ldt_l1[cpu];
}

static void unmap_all(unsigned int cpu)
{
    pgentry_t *l1 = window_l1(cpu);

    for ( unsigned int i = 0; i < LDT_PAGES; i++ )
    {
        if ( !ldt_frame[cpu][i] )
            continue;
        l1[i] = 0;
        invlpg((void *)(ldt_window(cpu) + i * PAGE_SIZE));
        put_page_and_type(mfn_to_page(ldt_frame[cpu][i]));
        ldt_frame[cpu][i] = 0;
    }
    ldt_vcpu[cpu] = NULL;
}

/* The guest kernel's L1 entry for a linear address, or 0. */
static pgentry_t guest_l1e(const struct vcpu *v, unsigned long linear)
{
    pgentry_t e = v->arch.guest_table | _PAGE_PRESENT;

    for ( int shift = 39; shift >= 12; shift -= 9 )
    {
        const pgentry_t *t;

        /* PV guests cannot have superpages: anything else is a miss. */
        if ( !(e & _PAGE_PRESENT) || (shift < 39 && (e & _PAGE_PSE)) )
            return 0;
        t = maddr_to_virt(e & PTE_ADDR_MASK);
        e = t[(linear >> shift) & 511];
    }
    return e & _PAGE_PRESENT ? e : 0;
}

/* Map the LDT page holding byte 'offset' of v's LDT; false if unusable. */
static bool map_shadow_page(struct vcpu *v, unsigned long offset)
{
    unsigned int cpu = smp_processor_id(), i = offset >> PAGE_SHIFT;
    pgentry_t gl1e = guest_l1e(v, v->arch.ldt_base + (offset & PAGE_MASK));
    struct page_info *pg;
    mfn_t mfn;

    if ( i >= LDT_PAGES || !gl1e )
        return false;
    if ( ldt_frame[cpu][i] )
        return true;
    mfn = (gl1e & PTE_ADDR_MASK) >> PAGE_SHIFT;
    pg = get_page_from_mfn(mfn, v->domain);
    if ( !pg )
        return false;
    if ( get_page_type(pg, PGT_seg_desc_page) )
    {
        put_page(pg);
        return false;
    }
    ldt_vcpu[cpu] = v;
    ldt_frame[cpu][i] = mfn;
    /* Writable: the CPU sets accessed bits in the descriptors it loads. */
    window_l1(cpu)[i] = ((paddr_t)mfn << PAGE_SHIFT) | __PAGE_HYPERVISOR_RW;
    return true;
}

/* Point this CPU's LDTR at v's LDT, none of it mapped yet. */
void pv_load_ldt(struct vcpu *v)
{
    unsigned int cpu = smp_processor_id();
    uint64_t *gdt = gdt_reserved_page(cpu);
    unsigned int slot = LDT_ENTRY - FIRST_RESERVED_GDT_ENTRY;
    unsigned long base = ldt_window(cpu), limit;

    if ( ldt_vcpu[cpu] == v || v == current_vcpu() )
        unmap_all(cpu);
    if ( v != current_vcpu() )
        return;
    if ( !v->arch.ldt_ents )
    {
        lldt(0);
        return;
    }
    limit = v->arch.ldt_ents * 8 - 1;
    gdt[slot] = (limit & 0xffff) | ((base & 0xffffffUL) << 16) |
                (2UL << 40) | (1UL << 47) | ((limit >> 16 & 0xfUL) << 48) |
                ((base >> 24 & 0xffUL) << 56);
    gdt[slot + 1] = base >> 32;
    ldt_vcpu[cpu] = v;
    lldt(LDT_SELECTOR);
}

bool pv_ldt_page_fault(struct cpu_user_regs *regs, unsigned long addr)
{
    struct vcpu *v = current_vcpu();
    unsigned long window = ldt_window(smp_processor_id()), offset;

    if ( addr < window || addr >= window + LDT_PAGES * PAGE_SIZE ||
         (regs->error_code & (PFEC_user_mode | PFEC_reserved_bit)) )
        return false;
    offset = addr - window;
    if ( (offset >> 3) >= v->arch.ldt_ents )
        return false;
    if ( map_shadow_page(v, offset) )
        return true;

    /* What the guest's own LDT would have given it. */
    if ( !canonical(v->arch.ldt_base + offset) )
        pv_inject_hw_exception(regs, TRAP_gp_fault, (offset & ~3UL) | 4);
    else
        pv_inject_page_fault(regs, regs->error_code,
                             v->arch.ldt_base + offset);
    return true;
}

bool pv_ldt_desc(struct vcpu *v, unsigned int sel, uint64_t *desc)
{
    unsigned long offset = sel & ~7u;
    unsigned int cpu = smp_processor_id();

    if ( offset >= (unsigned long)v->arch.ldt_ents * 8 ||
         ldt_vcpu[cpu] != v || !map_shadow_page(v, offset) )
        return false;
    *desc = *(const uint64_t *)(ldt_window(cpu) + offset);
    return true;
}
