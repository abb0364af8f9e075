/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writable page tables: with VMASST_TYPE_writable_pagetables a guest
 * kernel writes its (read-only mapped) L1 tables directly, and each store
 * is emulated as a checked update, whatever instruction made it: MOV,
 * XCHG, CMPXCHG, locked AND/OR, BTS/BTR, partial-width stores.
 */
#include "mmu-common.h"
#include "traps.h"

const char test_title[] = "mmu-ptwr: stores into L1 tables, emulated";

#define GK (1UL << 52)

static volatile uint64_t *pte;

static uint64_t stored(uint64_t v)
{
    /* What validation makes of a kernel mapping. */
    return v | PTE_US | GK;
}

static void flush(void)
{
    mmuext_op_t op = { .cmd = MMUEXT_INVLPG_LOCAL };

    op.arg1.linear_addr = scratch_va(0);
    if ( mmuext(&op, 1, NULL, DOMID_SELF) )
        test_fail("INVLPG failed");
}

void test_main(void)
{
    unsigned long a = spare_mfn(0), b = spare_mfn(1);
    uint64_t va_ = (a << 12) | PTE_DATA, vb = (b << 12) | PTE_DATA, old;
    volatile uint64_t *data = scratch(0);
    unsigned char cf;

    traps_init();
    pte = l1e_of(scratch_va(0), NULL);
    CHECK(zero_frame(1, a));
    CHECK(zero_frame(1, b));
    /* Mark each frame so we can tell them apart through slot 0. */
    CHECK_EQ(map_at(1, a, PTE_DATA), 0);
    *(volatile uint64_t *)scratch(1) = 0xaaaa;
    CHECK_EQ(map_at(1, b, PTE_DATA), 0);
    *(volatile uint64_t *)scratch(1) = 0xbbbb;
    CHECK_EQ(map_at(1, 0, 0), 0);

    CHECK_EQ(vm_assist(VMASST_CMD_enable, VMASST_TYPE_writable_pagetables),
             0);

    /* MOV */
    *pte = va_;
    CHECK_EQ(*pte, stored(va_));
    flush();
    CHECK_EQ(*data, 0xaaaa);

    /* XCHG: the old entry comes back. */
    old = __atomic_exchange_n(pte, vb, __ATOMIC_SEQ_CST);
    CHECK_EQ(old, stored(va_));
    flush();
    CHECK_EQ(*data, 0xbbbb);

    /* CMPXCHG, failing then succeeding. */
    old = __sync_val_compare_and_swap(pte, va_, va_ | PTE_NX);
    CHECK_EQ(old, stored(vb));
    CHECK_EQ(*pte, stored(vb));
    old = __sync_val_compare_and_swap(pte, stored(vb), va_);
    CHECK_EQ(old, stored(vb));
    CHECK_EQ(*pte, stored(va_));
    flush();
    CHECK_EQ(*data, 0xaaaa);

    /* LOCK AND / LOCK OR: write-protect and back. */
    __atomic_fetch_and(pte, ~PTE_RW, __ATOMIC_SEQ_CST);
    CHECK_EQ(*pte, stored(va_) & ~PTE_RW);
    flush();
    CHECK(!writable((void *)data));
    __atomic_fetch_or(pte, PTE_RW, __ATOMIC_SEQ_CST);
    CHECK_EQ(*pte, stored(va_));
    flush();
    CHECK(writable((void *)data));

    /* LOCK BTR / BTS with the old bit in CF. */
    asm volatile ( "lock btrq %2, %0; setc %1"
                   : "+m" (*pte), "=q" (cf) : "r" (1UL) : "cc" );
    CHECK_EQ(cf, 1);
    CHECK_EQ(*pte, stored(va_) & ~PTE_RW);
    asm volatile ( "lock btrq %2, %0; setc %1"
                   : "+m" (*pte), "=q" (cf) : "r" (1UL) : "cc" );
    CHECK_EQ(cf, 0);
    asm volatile ( "btsq $1, %0; setc %1" : "+m" (*pte), "=q" (cf) :: "cc" );
    CHECK_EQ(cf, 0);
    CHECK_EQ(*pte, stored(va_));

    /* Partial stores: a byte, and the upper half (NX). */
    ((volatile uint8_t *)pte)[0] &= ~PTE_RW;
    CHECK_EQ(*pte, stored(va_) & ~PTE_RW);
    ((volatile uint32_t *)pte)[1] |= 0x80000000U;
    CHECK_EQ(*pte, (stored(va_) & ~PTE_RW) | PTE_NX);
    ((volatile uint32_t *)pte)[1] &= ~0x80000000U;
    ((volatile uint8_t *)pte)[0] |= PTE_RW;
    CHECK_EQ(*pte, stored(va_));

    /* Clearing the entry. */
    *pte = 0;
    CHECK_EQ(*pte, 0);
    flush();
    CHECK(!writable((void *)data));
    CHECK_EQ(map_at(0, a, PTE_DATA), 0);
    CHECK_EQ(map_at(0, 0, 0), 0);
}
