/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * set_segment_base: the FS base, the kernel's and the user's GS bases
 * (the user's seen from user mode), loading a user GS selector (a bad
 * one leaves a null GS with base 0, and the call still succeeds), and
 * the refusals: unknown selector kinds, non-canonical bases.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-segbase: set_segment_base";

static uint64_t fs_word = 0x1111, kgs_word = 0x2222, ugs_word = 0x3333;

static uint64_t read_fs0(void)
{
    uint64_t v;

    asm volatile ( "mov %%fs:0, %0" : "=r" (v) );
    return v;
}

static uint64_t read_gs0(void)
{
    uint64_t v;

    asm volatile ( "mov %%gs:0, %0" : "=r" (v) );
    return v;
}

static long user_gs0(long arg)
{
    return read_gs0();
}

static long user_gs_sel(long arg)
{
    unsigned long sel;

    asm volatile ( "mov %%gs, %0" : "=r" (sel) );
    return sel;
}

/* GS:arg with GS's base 0: reads arg itself. */
static long user_gs_read(long arg)
{
    uint64_t v;

    asm volatile ( "mov %%gs:(%1), %0" : "=r" (v) : "r" (arg) );
    return v;
}

void test_main(void)
{
    traps_init();
    CHECK_EQ(user_mode_init(), 0);

    printf("cpu-segbase: the three bases\n");
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_FS,
                                         (unsigned long)&fs_word), 0);
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL,
                                         (unsigned long)&kgs_word), 0);
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_USER,
                                         (unsigned long)&ugs_word), 0);
    CHECK_EQ(read_fs0(), 0x1111);
    CHECK_EQ(read_gs0(), 0x2222);
    CHECK_EQ(user_call(user_gs0, 0), 0x3333);
    /* FS is not switched with the mode: the kernel sets it per task. */
    CHECK_EQ(read_gs0(), 0x2222);

    printf("cpu-segbase: refusals\n");
    CHECK_EQ(HYPERVISOR_set_segment_base(4, 0), -EINVAL);
    CHECK_EQ(HYPERVISOR_set_segment_base(~0u, 0), -EINVAL);
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_FS,
                                         0x0000800000000000UL), -EINVAL);
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_USER,
                                         0xfff0000000000000UL), -EINVAL);
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL,
                                         0x7fffffffffffffffUL), -EINVAL);
    CHECK_EQ(read_fs0(), 0x1111);
    CHECK_EQ(read_gs0(), 0x2222);

    printf("cpu-segbase: user GS selectors\n");
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL,
                                         FLAT_USER_DS32), 0);
    CHECK_EQ(user_call(user_gs_sel, 0), FLAT_USER_DS32);
    CHECK_EQ(user_call(user_gs_read, (long)&ugs_word), 0x3333);
    /* RPL 3 is forced; the kernel's GS is left alone. */
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL,
                                         FLAT_USER_DS32 & ~3), 0);
    CHECK_EQ(user_call(user_gs_sel, 0), FLAT_USER_DS32);
    CHECK_EQ(read_gs0(), 0x2222);
    /* A selector that faults: null GS, and still 0. */
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL, 0x1233), 0);
    CHECK_EQ(user_call(user_gs_sel, 0), 0);
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL, 0xe008), 0);
    CHECK_EQ(user_call(user_gs_sel, 0), 0);
    /* The upper bits of the selector argument are ignored. */
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL,
                                         0x10000 | FLAT_USER_DS32), 0);
    CHECK_EQ(user_call(user_gs_sel, 0), FLAT_USER_DS32);
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL, 0), 0);
    CHECK_EQ(user_call(user_gs_sel, 0), 0);
    CHECK_EQ(read_gs0(), 0x2222);
}
