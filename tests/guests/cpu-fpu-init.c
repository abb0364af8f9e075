/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The FPU state a VCPU starts with, seen at its first FPU instruction:
 * FNINIT's x87 state (control word 0x37f, empty stack), MXCSR 0x1f80 and
 * zeroed XMM registers.
 */
#include "hvtest.h"
#include "traps.h"

const char test_title[] = "cpu-fpu-init: the initial FPU state";

struct fenv {
    uint16_t fcw, r0, fsw, r1, ftw, r2;
    uint32_t fip, fcs_op, fdp, fds;
} __attribute__((packed));

void test_main(void)
{
    struct fenv env;
    uint32_t mxcsr;
    uint64_t xmm[16];

    traps_init();

    asm volatile ( "fnstenv %0" : "=m" (env) );
    asm volatile ( "stmxcsr %0" : "=m" (mxcsr) );
    asm volatile ( "movq %%xmm0, %0\n\t"
                   "movq %%xmm1, %1\n\t"
                   "movq %%xmm2, %2\n\t"
                   "movq %%xmm3, %3\n\t"
                   "movq %%xmm4, %4\n\t"
                   "movq %%xmm5, %5\n\t"
                   "movq %%xmm6, %6\n\t"
                   "movq %%xmm7, %7"
                   : "=m" (xmm[0]), "=m" (xmm[1]), "=m" (xmm[2]),
                     "=m" (xmm[3]), "=m" (xmm[4]), "=m" (xmm[5]),
                     "=m" (xmm[6]), "=m" (xmm[7]) );
    asm volatile ( "movq %%xmm8, %0\n\t"
                   "movq %%xmm9, %1\n\t"
                   "movq %%xmm10, %2\n\t"
                   "movq %%xmm11, %3\n\t"
                   "movq %%xmm12, %4\n\t"
                   "movq %%xmm13, %5\n\t"
                   "movq %%xmm14, %6\n\t"
                   "movq %%xmm15, %7"
                   : "=m" (xmm[8]), "=m" (xmm[9]), "=m" (xmm[10]),
                     "=m" (xmm[11]), "=m" (xmm[12]), "=m" (xmm[13]),
                     "=m" (xmm[14]), "=m" (xmm[15]) );

    CHECK_EQ(env.fcw, 0x37f);
    CHECK_EQ(env.fsw, 0);
    CHECK_EQ(env.ftw, 0xffff);
    CHECK_EQ(mxcsr, 0x1f80);
    for ( unsigned int i = 0; i < 16; i++ )
        if ( xmm[i] )
            test_fail("xmm%u = %#lx, want 0", i, (unsigned long)xmm[i]);
    CHECK_EQ(unexpected_traps, 0);
}
