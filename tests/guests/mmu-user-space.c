/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Normal use: a user address space.  A second L4 for guest user mode
 * (MMUEXT_NEW_USER_BASEPTR) maps the kernel's slots plus a page of its
 * own that guest kernel mode does not see; user code reads and writes it,
 * kernel code faults on it.  Then the user L4 goes and its frames are
 * plain memory again.
 */
#include "mmu-common.h"
#include "traps.h"

const char test_title[] = "mmu-user-space: a user-only address space";

#define VA  0x400000UL          /* L4 0, L3 0, L2 2, L1 0 */

static unsigned long *where;

static void load(void)
{
    unsigned long v;

    /* 48 8b 07: mov (%rdi), %rax */
    asm volatile ( "mov (%%rdi), %%rax" : "=a" (v) : "D" (where) );
}

static long user_touch(long val)
{
    volatile unsigned long *p = (volatile unsigned long *)VA;
    unsigned long old = *p;

    *p = val;
    return old;
}

static void fill(unsigned long mfn, unsigned int slot, uint64_t e)
{
    CHECK_EQ(map_at(0, mfn, PTE_DATA), 0);
    memset(scratch(0), 0, PAGE);
    ((uint64_t *)scratch(0))[slot] = e;
    CHECK_EQ(map_at(0, 0, 0), 0);
}

void test_main(void)
{
    unsigned long u4 = spare_mfn(0), l3 = spare_mfn(1), l2 = spare_mfn(2);
    unsigned long l1 = spare_mfn(3), data = spare_mfn(4), kl4 = l4_mfn();
    long cur0 = current_reservation();

    traps_init();
    if ( !CHECK_EQ(user_mode_init(), 0) )
        return;

    fill(data, 0, 0xabcd);
    fill(l1, 0, (data << 12) | PTE_DATA | PTE_US);
    fill(l2, 2, (l1 << 12) | PTE_TABLE);
    fill(l3, 0, (l2 << 12) | PTE_TABLE);
    /* The user L4: the kernel's guest slots, and our slot 0. */
    CHECK_EQ(map_at(0, u4, PTE_DATA), 0);
    memset(scratch(0), 0, PAGE);
    for ( unsigned int i = 1; i < 512; i++ )
        if ( i < 256 || i > 271 )
            ((uint64_t *)scratch(0))[i] = l4_table()[i];
    ((uint64_t *)scratch(0))[0] = (l3 << 12) | PTE_TABLE;
    CHECK_EQ(map_at(0, 0, 0), 0);

    CHECK_EQ(mmuext1(MMUEXT_NEW_USER_BASEPTR, u4), 0);
    for ( unsigned int i = 0; i < 4; i++ )
        CHECK_EQ(map_at(0, spare_mfn(i), PTE_DATA), -EBUSY);

    /* User mode sees the page; kernel mode does not. */
    CHECK_EQ(user_call(user_touch, 0x1234), 0xabcd);
    CHECK_EQ(user_call(user_touch, 0x5678), 0x1234);
    where = (unsigned long *)VA;
    CHECK(expect_trap(VEC_PF, 3, load));
    CHECK_EQ(last_trap.cr2, VA);

    /* Back to one L4 for both modes: the user one is released. */
    CHECK_EQ(mmuext1(MMUEXT_NEW_USER_BASEPTR, kl4), 0);
    for ( unsigned int i = 0; i < 5; i++ )
        CHECK_EQ(map_at(0, spare_mfn(i), PTE_DATA), 0);
    CHECK_EQ(*(uint64_t *)scratch(0), 0x5678);
    CHECK_EQ(map_at(0, 0, 0), 0);
    CHECK_EQ(current_reservation(), cur0);
}
