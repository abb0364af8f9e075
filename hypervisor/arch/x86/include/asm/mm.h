/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * How the memory-management code reaches machine frames and the TLB on
 * x86-64.  Host unit tests replace this header with one of their own.
 */
#ifndef ASM_MM_H
#define ASM_MM_H

#include <asm/page.h>

/* Frame contents, through the directmap. */
static inline void *frame_va(mfn_t mfn)
{
    return mfn_to_virt(mfn);
}

/* Guest leaf entries may be global (Xen's user pages are): flush those. */
static inline void arch_flush_tlb_all(void)
{
    flush_tlb_all_local();
}

static inline void arch_invlpg(unsigned long va)
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
