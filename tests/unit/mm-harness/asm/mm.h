/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The memory-management code's view of the machine, for host tests:
 * frames live in one arena of host memory, TLB flushes are counted, and
 * the "CR3" is a variable.
 */
#ifndef ASM_MM_H
#define ASM_MM_H

#include <asm/page.h>

extern unsigned char *mm_test_arena;
extern unsigned long mm_test_flushes;
extern paddr_t mm_test_root;

static inline void *frame_va(mfn_t mfn)
{
    return mm_test_arena + (mfn << PAGE_SHIFT);
}

static inline void arch_flush_tlb_all(void)
{
    mm_test_flushes++;
}

static inline void arch_invlpg(unsigned long va)
{
    (void)va;
}

static inline void arch_flush_tlb_local(void)
{
    mm_test_flushes++;
}

static inline void arch_invlpg_local(unsigned long va)
{
    (void)va;
}

static inline paddr_t arch_current_root(void)
{
    return mm_test_root;
}

static inline void arch_load_root(paddr_t root)
{
    mm_test_root = root;
}

#endif /* ASM_MM_H */
