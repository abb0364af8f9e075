/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * How the memory-management code reaches machine frames and the TLB on
 * x86-64.  Host unit tests replace this header with one of their own.
 */
#ifndef ASM_MM_H
#define ASM_MM_H

#include <asm/page.h>
#include <asm/current.h>
#include <asm/smp.h>
#include <hv/domain.h>

/* Frame contents, through the directmap. */
static inline void *frame_va(mfn_t mfn)
{
    return mfn_to_virt(mfn);
}

/*
 * Guest leaf entries may be global (Xen's user pages are): flush those.
 * Other CPUs running the same domain flush too (asm/smp.h), a single page
 * there as here.
 */
static inline void arch_flush_tlb_all(void)
{
    flush_tlb_all_local();
    flush_tlb_others(current ? current->domain : NULL);
}

static inline void arch_invlpg(unsigned long va)
{
    invlpg((const void *)va);
    flush_tlb_others_page(current ? current->domain : NULL, va);
}

/*
 * This CPU only, as a guest asks with UVMF_LOCAL or MMUEXT_*_LOCAL: its
 * other VCPUs' CPUs are its business, as on Xen.
 */
static inline void arch_flush_tlb_local(void)
{
    flush_tlb_all_local();
}

static inline void arch_invlpg_local(unsigned long va)
{
    invlpg((const void *)va);
}

/* The machine address the CPU walks now. */
static inline paddr_t arch_current_root(void)
{
    return read_cr3() & PTE_ADDR_MASK;
}

static inline void arch_load_root(paddr_t root)
{
    write_cr3(root);
}

#endif /* ASM_MM_H */
