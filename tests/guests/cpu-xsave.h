/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XSAVE as a PV guest kernel uses it: XSETBV/XGETBV, turning on its
 * CR4.OSXSAVE, and filling or checking all sixteen YMM registers with a
 * pattern (the cpu-xsave dom0 and the cpu-domu domU share these, and
 * cpu-xsave-ext with cpu-xsave-domu).
 */
#ifndef TESTS_GUESTS_CPU_XSAVE_H
#define TESTS_GUESTS_CPU_XSAVE_H

#include <stdint.h>
#include <stdbool.h>
#include "cpu-insn.h"

#define CR4_OSXSAVE     (1UL << 18)
#define XCR0_FP_SSE     3UL
#define XCR0_AVX        7UL

/*
 * What cpu-xsave-ext (dom0) and cpu-xsave-domu agree on: the domU's own
 * YMM pattern, the one dom0 gives it through a new context (XMM halves
 * only) with this MXCSR, and what R13 holds once the domU is ready.
 */
#define XSAVE_EXT_SEED_DOMU     0xe1UL
#define XSAVE_EXT_SEED_CTXT     0xe4UL
#define XSAVE_EXT_MXCSR         0x3f80u
#define XSAVE_EXT_MAGIC         0x5853415645657874UL

/* Arguments of the XSETBV/XGETBV thunks (expect_trap takes none). */
static uint32_t xs_ecx;
static uint64_t xs_val;

static inline void xsetbv(uint32_t ecx, uint64_t val)
{
    asm volatile ( "xsetbv"
                   :: "c" (ecx), "a" ((uint32_t)val),
                      "d" ((uint32_t)(val >> 32)) : "memory" );
}

static inline uint64_t xgetbv(uint32_t ecx)
{
    uint32_t lo, hi;

    asm volatile ( "xgetbv" : "=a" (lo), "=d" (hi) : "c" (ecx) );
    return ((uint64_t)hi << 32) | lo;
}

static inline void xsetbv_thunk(void)
{
    xsetbv(xs_ecx, xs_val);
}

static inline void xgetbv_thunk(void)
{
    xs_val = xgetbv(xs_ecx);
}

/* The guest's CR4.OSXSAVE, as the hypervisor lets it be: what stuck. */
static inline bool set_osxsave(void)
{
    write_cr4(read_cr4() | CR4_OSXSAVE);
    return read_cr4() & CR4_OSXSAVE;
}

/* 16 YMM registers of 32 bytes: a pattern from a seed. */
struct ymm_file {
    uint64_t q[16][4];
};

static inline void ymm_pattern(struct ymm_file *f, uint64_t seed)
{
    for ( unsigned int i = 0; i < 16; i++ )
        for ( unsigned int j = 0; j < 4; j++ )
            f->q[i][j] = seed * 0x9e3779b97f4a7c15UL + i * 0x100 + j;
}

#define YMM_ALL(op)                                                     \
    op(0) op(1) op(2) op(3) op(4) op(5) op(6) op(7)                     \
    op(8) op(9) op(10) op(11) op(12) op(13) op(14) op(15)

static inline void ymm_load(const struct ymm_file *f)
{
#define LOAD(n)                                                         \
    asm volatile ( "vmovdqu %0, %%ymm" #n :: "m" (f->q[n]) );
    YMM_ALL(LOAD)
#undef LOAD
}

static inline void ymm_store(struct ymm_file *f)
{
#define STORE(n)                                                        \
    asm volatile ( "vmovdqu %%ymm" #n ", %0" : "=m" (f->q[n]) );
    YMM_ALL(STORE)
#undef STORE
}

/* Index of the first register that differs from f, or -1. */
static inline int ymm_differs(const struct ymm_file *f)
{
    struct ymm_file now;

    ymm_store(&now);
    for ( unsigned int i = 0; i < 16; i++ )
        for ( unsigned int j = 0; j < 4; j++ )
            if ( now.q[i][j] != f->q[i][j] )
                return i;
    return -1;
}

#endif /* TESTS_GUESTS_CPU_XSAVE_H */
